// The review page: the version's preview (image, PDF page, video with a time slider, audio
// waveform) under an SVG overlay that shows the annotations and lets reviewers draw new ones
// (pin, rectangle, free-hand). Coordinates are fractions 0..1 of the picture, so they hold for any
// rendition size. A new annotation is posted as JSON with the session's CSRF token; everything
// else on the page is a plain form. <html data-proof-ready> says when the preview is drawn.
import { csrf } from './atelier.js';
import { loadRetrying, pageImage } from './pages.js';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_POINTS = 2000;
const stage = document.getElementById('proof');
const overlay = document.getElementById('proof-overlay');
const frame = document.getElementById('proof-frame');
const composer = document.getElementById('proof-composer');
const { asset, version, kind, src } = stage?.dataset ?? {};
const pages = Number(stage?.dataset.pages || 1);
const state = { tool: null, page: 1, draft: null, drawing: null, width: 1, height: 1, media: null, duration: 0 };

const clamp = (v) => Math.min(1, Math.max(0, v));
const round = (v) => Math.round(v * 1e6) / 1e6;
const clock = (s) => `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, '0')}`;
const threads = () => [...document.querySelectorAll('.proof-thread[data-mark]')];
const now = () => state.media?.currentTime ?? 0;

function el(name, attrs) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

function ready(width, height) {
  state.width = width || 1;
  state.height = height || 1;
  overlay.setAttribute('viewBox', `0 0 ${state.width} ${state.height}`);
  document.getElementById('proof-waiting')?.remove();
  render();
  document.documentElement.dataset.proofReady = '';
}

function showImage(url) {
  let img = frame.querySelector('img.proof-media');
  if (!img) {
    img = document.createElement('img');
    img.className = 'proof-media';
    img.alt = kind === 'audio' ? 'Waveform' : `Version ${version}`;
    img.addEventListener('load', () => ready(img.naturalWidth, img.naturalHeight));
    frame.prepend(img);
  }
  loadRetrying(img, url);
  return img;
}

async function showPage(page, attempt = 0) {
  state.page = Math.min(Math.max(1, page), pages);
  document.getElementById('proof-page-label').textContent = `Page ${state.page} of ${pages}`;
  const url = await pageImage(asset, version, state.page);
  if (!url) {
    if (attempt < 120) setTimeout(() => showPage(page, attempt + 1), 1500);
    return;
  }
  showImage(url);
  render();
}

function showPlayable() {
  const player = document.createElement(kind);
  player.className = 'proof-media';
  player.preload = 'metadata';
  const slider = document.getElementById('proof-time');
  player.addEventListener('loadedmetadata', () => {
    state.duration = player.duration || 0;
    slider.max = String(state.duration);
    if (kind === 'video') ready(player.videoWidth, player.videoHeight);
    else render();
  });
  player.addEventListener('timeupdate', () => {
    slider.value = String(player.currentTime);
    document.getElementById('proof-clock').textContent = clock(player.currentTime);
    render();
  });
  slider.addEventListener('input', () => { player.currentTime = Number(slider.value); });
  const play = document.getElementById('proof-play');
  play.addEventListener('click', () => (player.paused ? player.play() : player.pause()));
  player.addEventListener('play', () => { play.textContent = 'Pause'; });
  player.addEventListener('pause', () => { play.textContent = 'Play'; });
  if (kind === 'video') {
    player.poster = `/assets/${asset}/renditions/preview?version=${version}`;
    player.playsInline = true;
    frame.prepend(player);
  } else {
    showImage(`/assets/${asset}/renditions/preview?version=${version}`);
    frame.after(player);
  }
  state.media = player;
  loadRetrying(player, src);
}

function visible(mark) {
  if (mark.type === 'page') return mark.page === state.page;
  if (mark.type === 'video') return !!mark.region && now() >= mark.startMs / 1000 - 0.25 && now() <= mark.endMs / 1000 + 0.25;
  return true;
}

function shape(region, css) {
  const w = state.width;
  const h = state.height;
  if (region.shape === 'pin') return el('circle', { cx: region.x * w, cy: region.y * h, r: Math.max(w, h) * 0.012, class: css });
  if (region.shape === 'rect') return el('rect', { x: region.x * w, y: region.y * h, width: region.w * w, height: region.h * h, class: css });
  return el('polyline', { points: region.points.map(([x, y]) => `${x * w},${y * h}`).join(' '), class: css });
}

function anchor(mark) {
  const r = mark.region;
  if (!r) return [(mark.startMs / 1000 / (state.duration || 1)) * state.width, state.height * 0.08];
  const [x, y] = r.shape === 'freehand' ? r.points[0] : [r.x, r.y];
  return [x * state.width, y * state.height];
}

function render() {
  overlay.replaceChildren();
  for (const thread of threads()) {
    const mark = JSON.parse(thread.dataset.mark);
    if (!visible(mark)) continue;
    const css = `mark ${thread.classList.contains('open') ? 'open' : 'resolved'}${thread.classList.contains('focused') ? ' focused' : ''}`;
    const group = el('g', { 'data-thread': thread.id, tabindex: '0', role: 'button', 'aria-label': `Annotation ${thread.dataset.number}` });
    if (mark.region) group.append(shape(mark.region, css));
    else if (mark.type === 'audio' && state.duration) {
      const x = (mark.startMs / 1000 / state.duration) * state.width;
      const span = Math.max(((mark.endMs - mark.startMs) / 1000 / state.duration) * state.width, state.width * 0.004);
      group.append(el('rect', { x, y: 0, width: span, height: state.height, class: `${css} band` }));
    } else continue;
    const [x, y] = anchor(mark);
    const label = el('text', { x, y, class: 'mark-label', 'font-size': Math.max(state.width, state.height) * 0.025 });
    label.textContent = thread.dataset.number;
    group.append(label);
    overlay.append(group);
  }
  if (state.drawing) overlay.append(shape(state.drawing, 'mark draft'));
  if (state.draft?.region) overlay.append(shape(state.draft.region, 'mark draft'));
}

function point(e) {
  const box = overlay.getBoundingClientRect();
  return [round(clamp((e.clientX - box.left) / box.width)), round(clamp((e.clientY - box.top) / box.height))];
}

function choose(tool) {
  state.tool = state.tool === tool ? null : tool;
  document.querySelectorAll('[data-tool]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.tool === state.tool)));
  overlay.classList.toggle('drawing', !!state.tool);
  if (state.tool === 'time') {
    state.tool = null;
    open(null);
  }
}

overlay?.addEventListener('pointerdown', (e) => {
  if (!state.tool) return;
  e.preventDefault();
  state.media?.pause?.();
  const [x, y] = point(e);
  if (state.tool === 'pin') return open({ shape: 'pin', x, y });
  overlay.setPointerCapture(e.pointerId);
  state.start = [x, y];
  state.drawing = state.tool === 'rect' ? { shape: 'rect', x, y, w: 0, h: 0 } : { shape: 'freehand', points: [[x, y]] };
});

overlay?.addEventListener('pointermove', (e) => {
  if (!state.drawing) return;
  const [x, y] = point(e);
  if (state.drawing.shape === 'rect') {
    const [x0, y0] = state.start;
    Object.assign(state.drawing, { x: Math.min(x, x0), y: Math.min(y, y0), w: round(Math.abs(x - x0)), h: round(Math.abs(y - y0)) });
  } else {
    const pts = state.drawing.points;
    const [px, py] = pts[pts.length - 1];
    if (pts.length < MAX_POINTS && Math.hypot(x - px, y - py) > 0.003) pts.push([x, y]);
  }
  render();
});

overlay?.addEventListener('pointerup', () => {
  const drawn = state.drawing;
  state.drawing = null;
  const big = drawn && (drawn.shape === 'rect' ? drawn.w > 0.005 && drawn.h > 0.005 : drawn.points.length > 1);
  if (big) open(drawn);
  else render();
});

overlay?.addEventListener('click', (e) => {
  const group = e.target.closest?.('g[data-thread]');
  if (group && !state.tool) focus(document.getElementById(group.dataset.thread));
});

function open(region) {
  state.draft = { region };
  composer.hidden = false;
  const where = { image: '', page: `on page ${state.page}`, video: `at ${clock(now())}`, audio: `at ${clock(now())}` }[kind];
  document.getElementById('proof-where').textContent = where;
  if (composer.start) composer.start.value = now().toFixed(1);
  if (composer.end) composer.end.value = '';
  document.getElementById('proof-error').hidden = true;
  render();
  composer.body.focus();
}

function close() {
  state.draft = null;
  composer.hidden = true;
  composer.reset();
  render();
}

function markOf(region) {
  const ms = (name) => Math.round(Number(composer[name]?.value || 0) * 1000);
  const times = () => ({ startMs: ms('start'), endMs: composer.end?.value ? ms('end') : ms('start') });
  if (kind === 'page') return { type: 'page', page: state.page, region };
  if (kind === 'video') return { type: 'video', ...times(), ...(region ? { region } : {}) };
  if (kind === 'audio') return { type: 'audio', ...times() };
  return { type: 'image', region };
}

composer?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const attachments = composer.attachments.value.split(',').map((s) => s.trim()).filter(Boolean);
  const error = document.getElementById('proof-error');
  try {
    const response = await fetch(`/assets/${asset}/review/versions/${version}/annotations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrf() },
      body: JSON.stringify({ mark: markOf(state.draft?.region ?? null), body: composer.body.value, attachments }),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      error.textContent = answer.detail || `The comment was not saved (${response.status}).`;
      error.hidden = false;
      return;
    }
    window.history.replaceState(null, '', `/assets/${asset}/review?version=${version}#a-${answer.id}`);
    window.location.reload();
  } catch {
    error.textContent = 'The connection was lost; the comment was not saved.';
    error.hidden = false;
  }
});

function focus(thread) {
  if (!thread) return;
  threads().forEach((t) => t.classList.toggle('focused', t === thread));
  const mark = JSON.parse(thread.dataset.mark);
  if (mark.type === 'page' && mark.page !== state.page) showPage(mark.page);
  if (state.media && mark.startMs !== undefined) state.media.currentTime = mark.startMs / 1000;
  thread.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  render();
}

if (stage) {
  document.querySelectorAll('[data-tool]').forEach((b) => b.addEventListener('click', () => choose(b.dataset.tool)));
  document.querySelectorAll('[data-page-step]').forEach((b) => b.addEventListener('click', () => showPage(state.page + Number(b.dataset.pageStep))));
  document.querySelectorAll('.proof-number').forEach((b) => b.addEventListener('click', () => focus(b.closest('.proof-thread'))));
  document.getElementById('proof-cancel')?.addEventListener('click', close);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !composer.hidden) close(); });
  if (kind === 'page') showPage(1);
  else if (kind === 'video' || kind === 'audio') showPlayable();
  else showImage(src);
  const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (target?.classList.contains('proof-thread')) setTimeout(() => focus(target), 300);
}
