// Assets picked by hand in the library. The picks live in the tab's session storage, so they
// survive new searches, "Load more" and reloads until an edit of them starts or they are cleared.
const KEY = 'atelier.selection';
const bar = document.querySelector('.selection-bar');
const form = bar.querySelector('form');

const load = () => new Set(JSON.parse(sessionStorage.getItem(KEY) || '[]'));
const save = (ids) => sessionStorage.setItem(KEY, JSON.stringify([...ids]));

function show() {
  const ids = load();
  document.querySelectorAll('.pick-box').forEach((box) => {
    box.checked = ids.has(box.value);
    box.closest('.card').classList.toggle('picked', box.checked);
  });
  bar.querySelectorAll('.needs-selection').forEach((button) => { button.hidden = ids.size === 0; });
  bar.querySelector('.selection-count').textContent = ids.size === 0 ? 'No assets selected' : `${ids.size} selected`;
}

function pick(box) {
  const ids = load();
  if (box.checked) {
    ids.add(box.value);
  } else {
    ids.delete(box.value);
  }
  save(ids);
  show();
}

document.addEventListener('change', (e) => {
  if (e.target.matches('.pick-box')) {
    pick(e.target);
  }
});

bar.querySelector('.select-page').addEventListener('click', () => {
  const ids = load();
  document.querySelectorAll('.pick-box').forEach((box) => ids.add(box.value));
  save(ids);
  show();
});

bar.querySelector('.clear-selection').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  show();
});

form.addEventListener('submit', () => {
  form.querySelectorAll('input[name="asset"]').forEach((input) => input.remove());
  load().forEach((id) => {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'asset';
    input.value = id;
    form.append(input);
  });
});

document.addEventListener('htmx:afterSettle', show);
show();
