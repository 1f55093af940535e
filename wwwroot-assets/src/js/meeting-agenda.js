// The live meeting page's browser side (imported by AgendaList.razor): drag-and-drop reordering of agenda rows, and the
// countdown of the current item (the shared ticker of countdown.js, re-exported so the page imports one module).

export { startCountdowns } from './countdown.js';

/**
 * Lets agenda rows be dragged by their handle ([data-drag-handle]) and dropped on another row ([data-agenda-row]):
 * in the row's upper half the item goes before it, in the lower half after it. The drop calls .NET
 * DropAsync(number, beforeNumber|null) — the same "put X just before Y" the live agenda applies.
 */
export function attachAgenda(root, dotnet) {
  let dragged = null;
  const rowOf = (target) => (target instanceof Element ? target.closest('[data-agenda-row]') : null);
  const half = (row, event) => {
    const box = row.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
  };
  const clear = () => {
    root.querySelectorAll('[data-drop]').forEach((row) => row.removeAttribute('data-drop'));
    root.querySelectorAll('[data-dragging]').forEach((row) => row.removeAttribute('data-dragging'));
  };
  const nextRow = (row) => {
    let next = row.nextElementSibling;
    while (next && !next.matches('[data-agenda-row]')) next = next.nextElementSibling;
    return next;
  };

  const onDragStart = (event) => {
    const handle = event.target instanceof Element ? event.target.closest('[data-drag-handle]') : null;
    const row = rowOf(handle);
    if (!row) return;
    dragged = row.dataset.number;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', dragged);
    if (event.dataTransfer.setDragImage) event.dataTransfer.setDragImage(row, 16, 16);
    row.setAttribute('data-dragging', 'true');
  };
  const onDragOver = (event) => {
    const row = rowOf(event.target);
    if (dragged === null || !row) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    root.querySelectorAll('[data-drop]').forEach((r) => r.removeAttribute('data-drop'));
    if (row.dataset.number !== dragged) row.setAttribute('data-drop', half(row, event));
  };
  const onDrop = (event) => {
    const row = rowOf(event.target);
    const number = dragged;
    dragged = null;
    clear();
    if (number === null || !row || row.dataset.number === number) return;
    event.preventDefault();
    let before = row.dataset.number;
    if (half(row, event) === 'after') {
      const next = nextRow(row);
      before = next ? next.dataset.number : null;
    }
    // Dropped where it already is.
    if (before === number) return;
    dotnet.invokeMethodAsync('DropAsync', Number(number), before === null ? null : Number(before));
  };
  const onDragEnd = () => {
    dragged = null;
    clear();
  };

  root.addEventListener('dragstart', onDragStart);
  root.addEventListener('dragover', onDragOver);
  root.addEventListener('drop', onDrop);
  root.addEventListener('dragend', onDragEnd);
  return {
    dispose() {
      root.removeEventListener('dragstart', onDragStart);
      root.removeEventListener('dragover', onDragOver);
      root.removeEventListener('drop', onDrop);
      root.removeEventListener('dragend', onDragEnd);
    },
  };
}
