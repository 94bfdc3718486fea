// The compare page: two versions side by side with one zoom and pan for both, an onion-skin
// overlay, and a pixel difference computed here on a canvas from the two previews drawn at the
// same size (nothing is decoded in the server). PDFs compare page by page.
// <html data-compare-ready> says when both pictures are loaded; data-difference-ready when the difference is drawn.
import { loadRetrying, pageImage } from './pages.js';

const root = document.getElementById('compare');
const data = root?.dataset ?? {};
const pages = Number(data.pages || 1);
const view = { scale: 1, x: 0, y: 0, mode: 'side', page: 1, width: 0, height: 0 };
const THRESHOLD = 32;

const layers = () => [...document.querySelectorAll('.compare-layer')];
const panes = () => [...document.querySelectorAll('.compare-pane')];
const shown = () => panes().find((p) => !p.hidden);

function apply() {
  layers().forEach((l) => { l.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`; });
}

// both versions are laid out at A's size, so one transform keeps them in register
function fit() {
  const pane = shown();
  if (!pane || !view.width) return;
  view.scale = Math.min(pane.clientWidth / view.width, pane.clientHeight / view.height);
  view.x = (pane.clientWidth - view.width * view.scale) / 2;
  view.y = (pane.clientHeight - view.height * view.scale) / 2;
  apply();
}

function zoom(factor, cx, cy) {
  const pane = shown();
  const px = cx ?? pane.clientWidth / 2;
  const py = cy ?? pane.clientHeight / 2;
  const next = Math.min(Math.max(view.scale * factor, 0.05), 40);
  view.x = px - ((px - view.x) * next) / view.scale;
  view.y = py - ((py - view.y) * next) / view.scale;
  view.scale = next;
  apply();
}

async function sources() {
  if (data.kindA !== 'page' && data.kindB !== 'page') return [data.srcA, data.srcB];
  const side = async (kind, version, src) => (kind === 'page' ? (await pageImage(data.asset, version, view.page)) ?? src : src);
  return Promise.all([side(data.kindA, data.versionA, data.srcA), side(data.kindB, data.versionB, data.srcB)]);
}

function loaded(img) {
  return img.complete && img.naturalWidth > 0 ? Promise.resolve(img) : new Promise((resolve) => img.addEventListener('load', () => resolve(img), { once: true }));
}

async function load() {
  delete document.documentElement.dataset.compareReady;
  delete document.documentElement.dataset.differenceReady;
  const label = document.getElementById('compare-page-label');
  if (label) label.textContent = `Page ${view.page} of ${pages}`;
  const [a, b] = await sources();
  const imgs = layers().filter((l) => l.tagName === 'IMG');
  imgs.forEach((img) => loadRetrying(img, img.dataset.layer === 'a' ? a : b));
  const [first] = await Promise.all(imgs.map(loaded));
  view.width = first.naturalWidth;
  view.height = first.naturalHeight;
  imgs.forEach((img) => { img.style.width = `${view.width}px`; img.style.height = `${view.height}px`; });
  fit();
  document.documentElement.dataset.compareReady = '';
  if (view.mode === 'difference') difference();
}

function pixels(img, width, height) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(img, 0, 0, width, height);
  return context.getImageData(0, 0, width, height).data;
}

function difference() {
  const [a, b] = ['a', 'b'].map((l) => document.querySelector(`[data-pane="side"] img[data-layer="${l}"]`));
  const scale = Math.min(1, 2048 / Math.max(view.width, view.height));
  const width = Math.round(view.width * scale);
  const height = Math.round(view.height * scale);
  const pa = pixels(a, width, height);
  const pb = pixels(b, width, height);
  const canvas = document.getElementById('compare-difference');
  canvas.width = width;
  canvas.height = height;
  canvas.style.width = `${view.width}px`;
  canvas.style.height = `${view.height}px`;
  const context = canvas.getContext('2d');
  const out = context.createImageData(width, height);
  let changed = 0;
  for (let i = 0; i < pa.length; i += 4) {
    const d = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]));
    const grey = (pa[i] * 0.3 + pa[i + 1] * 0.59 + pa[i + 2] * 0.11) * 0.35 + 150;
    const hit = d > THRESHOLD;
    changed += hit ? 1 : 0;
    out.data.set(hit ? [255, 0, 255, 255] : [grey, grey, grey, 255], i);
  }
  context.putImageData(out, 0, 0);
  const share = (100 * changed) / (width * height);
  document.getElementById('compare-stats').textContent = `${share.toFixed(share < 1 ? 2 : 1)} % of pixels differ`;
  document.documentElement.dataset.differenceReady = '';
}

function mode(next) {
  view.mode = next;
  document.querySelectorAll('[data-mode]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === next)));
  panes().forEach((p) => { p.hidden = p.dataset.pane !== next; });
  document.getElementById('compare-views').classList.toggle('single', next !== 'side');
  document.getElementById('compare-opacity-label').hidden = next !== 'overlay';
  document.getElementById('compare-stats').textContent = '';
  fit();
  if (next === 'difference' && document.documentElement.dataset.compareReady !== undefined) difference();
}

function pannable(pane) {
  let last = null;
  pane.addEventListener('pointerdown', (e) => {
    last = [e.clientX, e.clientY];
    pane.setPointerCapture(e.pointerId);
    pane.classList.add('panning');
  });
  pane.addEventListener('pointermove', (e) => {
    if (!last) return;
    view.x += e.clientX - last[0];
    view.y += e.clientY - last[1];
    last = [e.clientX, e.clientY];
    apply();
  });
  const stop = () => { last = null; pane.classList.remove('panning'); };
  pane.addEventListener('pointerup', stop);
  pane.addEventListener('pointercancel', stop);
  pane.addEventListener('wheel', (e) => {
    e.preventDefault();
    const box = pane.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - box.left, e.clientY - box.top);
  }, { passive: false });
}

if (root) {
  panes().forEach(pannable);
  document.querySelectorAll('[data-mode]').forEach((b) => b.addEventListener('click', () => mode(b.dataset.mode)));
  document.querySelectorAll('[data-zoom]').forEach((b) => b.addEventListener('click', () => {
    if (b.dataset.zoom === 'fit') fit();
    else zoom(b.dataset.zoom === 'in' ? 1.25 : 0.8);
  }));
  document.querySelectorAll('[data-page-step]').forEach((b) => b.addEventListener('click', () => {
    view.page = Math.min(Math.max(1, view.page + Number(b.dataset.pageStep)), pages);
    load();
  }));
  const onion = document.getElementById('compare-onion');
  const opacity = document.getElementById('compare-opacity');
  opacity.addEventListener('input', () => { onion.style.opacity = opacity.value; });
  onion.style.opacity = opacity.value;
  window.addEventListener('resize', fit);
  load();
}
