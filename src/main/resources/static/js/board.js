// The board page: drag a card to another column or between two cards, or use its "move" buttons
// (keyboard). Each move is one POST (the API's move, with the session) naming the card's version; afterwards the
// board is read again, and a refused move (someone else moved the card, the column is full) shows
// the server's sentence above the board.
import { csrf } from './atelier.js';

const say = (text) => {
  const message = document.getElementById('board-message');
  message.textContent = text;
  message.hidden = !text;
};

async function refresh(focusBrief) {
  const response = await fetch(window.location.href, { headers: { Accept: 'text/html' } });
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const fresh = page.getElementById('board');
  if (!fresh) return;
  document.getElementById('board').replaceWith(fresh);
  window.htmx?.process(fresh);
  if (focusBrief) fresh.querySelector(`.board-card[data-brief="${focusBrief}"] [data-move-to]`)?.focus();
}

async function move(card, column, before, viaKeyboard) {
  const board = card.closest('#board').dataset.board;
  const brief = card.dataset.brief;
  try {
    const response = await fetch(`/boards/${board}/cards/${brief}/move`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...csrf() },
      body: new URLSearchParams({ column, before: before || '', version: card.dataset.version }),
    });
    if (response.ok) {
      say('');
    } else {
      const problem = await response.json().catch(() => ({}));
      say(problem.detail || `The card could not be moved (${response.status}).`);
    }
  } catch {
    say('The connection was lost; the board shows what was saved.');
  }
  await refresh(viaKeyboard ? brief : null);
}

let dragged = null;

document.addEventListener('dragstart', (e) => {
  const card = e.target.closest?.('.board-card[draggable=true]');
  if (!card) return;
  dragged = card;
  e.dataTransfer.effectAllowed = 'move';
  e.dataTransfer.setData('text/plain', card.dataset.brief);
  card.classList.add('dragging');
});

document.addEventListener('dragend', () => {
  dragged?.classList.remove('dragging');
  dragged = null;
  document.querySelectorAll('.lane.over').forEach((lane) => lane.classList.remove('over'));
});

document.addEventListener('dragover', (e) => {
  const lane = e.target.closest?.('.lane');
  if (!lane || !dragged) return;
  e.preventDefault();
  document.querySelectorAll('.lane.over').forEach((other) => other !== lane && other.classList.remove('over'));
  lane.classList.add('over');
});

document.addEventListener('drop', (e) => {
  const lane = e.target.closest?.('.lane');
  if (!lane || !dragged) return;
  e.preventDefault();
  const list = lane.querySelector('.lane-cards');
  // the first card whose middle is below the pointer is the one the card was dropped above
  const before = [...list.querySelectorAll('.board-card')].filter((c) => c !== dragged).find((c) => {
    const box = c.getBoundingClientRect();
    return e.clientY < box.top + box.height / 2;
  });
  const card = dragged;
  list.insertBefore(card, before ?? null);
  move(card, lane.dataset.column, before?.dataset.brief, false);
});

document.addEventListener('click', (e) => {
  const button = e.target.closest('[data-move-to]');
  if (!button) return;
  move(button.closest('.board-card'), button.dataset.moveTo, null, true);
});

// Drags only work once the listeners above are in place; say so (tests wait for it).
document.documentElement.dataset.boardReady = '';
