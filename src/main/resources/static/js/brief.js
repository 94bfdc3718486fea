// Brief pages: the template builder's field rows, asset pickers (library search, uploads) and
// milestone rows. Everything posts as a normal form; this only edits the form's inputs.

const csrf = () => {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { [header]: token } : {};
};

// Template builder: rows are named fields[i].part; keep i equal to the row's place.
function renumber(list) {
  [...list.children].forEach((row, i) => {
    row.querySelectorAll('[name^="fields["]').forEach((input) => {
      input.name = input.name.replace(/^fields\[\d+]/, `fields[${i}]`);
    });
    row.querySelectorAll('[id^="f"]').forEach((el) => {
      const old = el.id;
      el.id = old.replace(/^f\d+-/, `f${i}-`);
      row.querySelectorAll(`label[for="${old}"]`).forEach((label) => { label.htmlFor = el.id; });
    });
  });
}

document.addEventListener('click', (e) => {
  const add = e.target.closest('[data-add-field]');
  if (add) {
    const form = add.closest('form');
    const list = form.querySelector('[data-field-rows]');
    const row = form.querySelector('[data-field-template]').content.firstElementChild.cloneNode(true);
    row.querySelectorAll('.field-error').forEach((p) => p.remove());
    list.append(row);
    renumber(list);
    row.querySelector('[data-part="label"]').focus();
    return;
  }
  const remove = e.target.closest('[data-remove-field]');
  if (remove) {
    const list = remove.closest('[data-field-rows]');
    remove.closest('li').remove();
    renumber(list);
    return;
  }
  const move = e.target.closest('[data-move]');
  if (move) {
    const row = move.closest('li');
    const list = row.parentElement;
    if (move.dataset.move === '-1' && row.previousElementSibling) list.insertBefore(row, row.previousElementSibling);
    if (move.dataset.move === '1' && row.nextElementSibling) list.insertBefore(row.nextElementSibling, row);
    renumber(list);
    move.focus();
    return;
  }
  const pick = e.target.closest('[data-pick-id]');
  if (pick) {
    choose(pick.closest('.asset-picker'), pick.dataset.pickId, pick.dataset.pickTitle);
    return;
  }
  const unpick = e.target.closest('[data-unpick]');
  if (unpick) {
    unpick.closest('li').remove();
    return;
  }
  const milestone = e.target.closest('[data-add-milestone]');
  if (milestone) {
    const rows = milestone.previousElementSibling;
    const row = rows.lastElementChild.cloneNode(true);
    row.querySelectorAll('input').forEach((input) => { input.value = ''; });
    rows.append(row);
    row.querySelector('input').focus();
  }
});

// Keyboard users: Enter in a picker's search runs the search instead of submitting the form.
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && e.target.matches('.picker-search')) e.preventDefault();
});

function choose(picker, id, title) {
  const chips = picker.querySelector('.chips');
  if (chips.querySelector(`input[value="${id}"]`)) return;
  const chip = document.createElement('li');
  chip.className = 'chip';
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = picker.dataset.name;
  input.value = id;
  const link = document.createElement('a');
  link.href = `/assets/${id}`;
  link.textContent = title;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'link';
  remove.dataset.unpick = '';
  remove.setAttribute('aria-label', `Remove ${title}`);
  remove.textContent = '×';
  chip.append(input, link, ' ', remove);
  chips.append(chip);
}

// Files chosen in an attachments field (or the drafts box) go into the library first; the asset
// they become is then chosen in the picker, or linked to the brief as a draft.
async function upload(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/library/upload', { method: 'POST', body: form, headers: { Accept: 'application/json', ...csrf() } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.title || `The upload of ${file.name} failed (${response.status}).`);
  return body;
}

function report(element, message) {
  const status = element.querySelector('[data-upload-status]');
  if (status) status.textContent = message;
}

document.addEventListener('change', async (e) => {
  const attach = e.target.closest('[data-attach]');
  if (attach) {
    const picker = attach.closest('.asset-picker');
    for (const file of attach.files) {
      try {
        report(picker, `Uploading ${file.name}…`);
        const receipt = await upload(file);
        choose(picker, receipt.id, receipt.title || file.name);
        report(picker, `${file.name} uploaded; save the brief to keep it.`);
      } catch (error) {
        report(picker, error.message);
      }
    }
    attach.value = '';
    return;
  }
  const drafts = e.target.closest('[data-upload-drafts]');
  if (drafts) {
    const box = drafts.closest('[data-brief]');
    for (const file of drafts.files) {
      try {
        report(box, `Uploading ${file.name}…`);
        const receipt = await upload(file);
        const body = new URLSearchParams({ assetId: receipt.id, role: 'draft' });
        const linked = await fetch(`/briefs/${box.dataset.brief}/assets`, { method: 'POST', body, headers: csrf() });
        if (!linked.ok) throw new Error(`${file.name} is in the library but could not be linked (${linked.status}).`);
      } catch (error) {
        report(box, error.message);
        return;
      }
    }
    window.location.reload();
  }
});

// Before the builder posts, make sure row numbers match the order on screen.
document.addEventListener('submit', (e) => {
  const list = e.target.querySelector('[data-field-rows]');
  if (list) renumber(list);
});
