// Uploads for every element with data-upload-url: drag-and-drop or the file chooser, one request
// per file, a progress bar per file. data-on-done says what happens after each success:
// "assets-changed" lets the library grid refresh itself, "reload" reloads the page.

export const csrf = () => {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { [header]: token } : {};
};

function uploadOne(file, url, list) {
  const row = document.createElement('li');
  const name = document.createElement('span');
  name.className = 'name break';
  name.textContent = file.name;
  const bar = document.createElement('progress');
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute('aria-label', `Upload progress of ${file.name}`);
  const state = document.createElement('span');
  state.className = 'state';
  state.textContent = 'Waiting';
  row.append(name, bar, state);
  list.append(row);

  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(csrf())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        bar.value = Math.round((e.loaded / e.total) * 100);
        state.textContent = `${bar.value}%`;
      }
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        bar.value = 100;
        row.classList.add('done');
        state.textContent = 'Uploaded';
        noteDuplicates(row, xhr);
        resolve(true);
      } else {
        fail(row, state, problemText(xhr));
        resolve(false);
      }
    };
    xhr.onerror = () => { fail(row, state, 'The connection was lost. Try again.'); resolve(false); };
    const form = new FormData();
    form.append('file', file, file.name);
    state.textContent = '0%';
    xhr.send(form);
  });
}

// The receipt may name assets that already held the same file ("warn" duplicate policy) and
// naming conventions the file name does not follow (rules that warn).
function noteDuplicates(row, xhr) {
  let receipt = {};
  try { receipt = JSON.parse(xhr.responseText); } catch { return; }
  (receipt.namingWarnings || []).forEach((text) => {
    const warning = document.createElement('span');
    warning.className = 'note';
    warning.textContent = text;
    row.classList.add('duplicate');
    row.append(warning);
  });
  const existing = receipt.duplicateOf || [];
  if (!existing.length) return;
  const note = document.createElement('span');
  note.className = 'note';
  note.append('Same file as ');
  existing.slice(0, 3).forEach((a, i) => {
    const link = document.createElement('a');
    link.href = a.href;
    link.textContent = a.title;
    note.append(...(i ? [', ', link] : [link]));
  });
  note.append(existing.length > 3 ? ` and ${existing.length - 3} more` : '');
  row.classList.add('duplicate');
  row.append(note);
}

function problemText(xhr) {
  try {
    const problem = JSON.parse(xhr.responseText);
    return problem.detail || problem.title || `The upload failed (${xhr.status}).`;
  } catch {
    return xhr.status === 403 ? 'You are not allowed to upload here.' : `The upload failed (${xhr.status}).`;
  }
}

function fail(row, state, message) {
  row.classList.add('failed');
  state.textContent = 'Failed';
  const error = document.createElement('span');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  error.textContent = message;
  row.append(error);
}

async function uploadAll(zone, files) {
  const list = zone.parentElement.querySelector('.upload-list');
  const url = zone.dataset.uploadUrl;
  const done = zone.dataset.onDone;
  const uploads = [...files].map((file) => uploadOne(file, url, list).then((ok) => {
    if (ok && done === 'assets-changed') document.body.dispatchEvent(new Event('assets-changed'));
    return ok;
  }));
  const results = await Promise.all(uploads);
  if (done === 'reload' && results.some(Boolean)) window.location.reload();
}

function wire(zone) {
  const input = zone.querySelector('input[type=file]');
  input?.addEventListener('change', () => { uploadAll(zone, input.files); input.value = ''; });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files?.length) uploadAll(zone, e.dataTransfer.files);
  });
}

document.querySelectorAll('[data-upload-url]').forEach(wire);

// "Copy link" buttons (loaded later by htmx, hence one listener on the document)
document.addEventListener('click', async (e) => {
  const button = e.target.closest('[data-copy]');
  if (!button) return;
  const text = button.dataset.copy;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    // no clipboard access (plain http on another host): show the link to copy by hand
    window.prompt('Copy this link', text);
  }
});

// Focal point: "Set focal point", then a click on the preview image marks where the subject is.
function focalMarker(preview, x, y) {
  const img = preview.querySelector('img');
  if (!img) return;
  let marker = preview.querySelector('.focal-marker');
  if (!marker) {
    marker = document.createElement('span');
    marker.className = 'focal-marker';
    marker.setAttribute('aria-hidden', 'true');
    preview.append(marker);
  }
  marker.style.left = `${img.offsetLeft + x * img.offsetWidth}px`;
  marker.style.top = `${img.offsetTop + y * img.offsetHeight}px`;
}

document.addEventListener('htmx:afterSettle', () => {
  const box = document.querySelector('.focal[data-focal-x]');
  const preview = document.querySelector('.preview');
  if (box?.dataset.focalX && preview) focalMarker(preview, Number(box.dataset.focalX), Number(box.dataset.focalY));
});

document.addEventListener('click', (e) => {
  const pick = e.target.closest('[data-focal-pick]');
  const preview = document.querySelector('.preview');
  if (pick && preview) {
    preview.classList.add('picking');
    pick.textContent = 'Click the subject in the preview';
    return;
  }
  const img = e.target.closest('.preview.picking img');
  if (!img) return;
  const box = document.querySelector('.focal[data-focal-url]');
  const rect = img.getBoundingClientRect();
  const x = Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width));
  const y = Math.min(1, Math.max(0, (e.clientY - rect.top) / rect.height));
  fetch(box.dataset.focalUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...csrf() },
    body: new URLSearchParams({ x: x.toFixed(4), y: y.toFixed(4) }),
  }).then(async (response) => {
    const state = box.querySelector('.focal-state');
    if (response.ok) {
      focalMarker(img.closest('.preview'), x, y);
      state.textContent = 'Focal point saved: crops keep it in frame.';
    } else {
      state.textContent = (await response.json().catch(() => ({}))).detail || 'The focal point could not be saved.';
    }
    img.closest('.preview').classList.remove('picking');
    const pickButton = box.querySelector('[data-focal-pick]');
    if (pickButton) pickButton.textContent = 'Set focal point';
  });
});

// Forms that destroy something ask first (data-confirm holds the question; inline handlers are
// blocked by the Content-Security-Policy).
document.addEventListener('submit', (e) => {
  const question = e.target.closest('form[data-confirm]')?.dataset.confirm;
  if (question && !window.confirm(question)) e.preventDefault();
});

// Starting an edit of hand-picked assets ends that selection (the form keeps the ids if it must be sent again).
document.addEventListener('submit', (e) => {
  if (e.target.closest('form[data-clears-selection]')) {
    sessionStorage.removeItem('atelier.selection');
  }
});
