// The live meeting page's browser side (imported by AgendaList.razor): drag-and-drop reordering of agenda rows and the
// countdown of the current item, which ticks here so the server does not render once a second.

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

/** Same text as CountdownText.Format on the server: "m:ss" left (rounded up), "+m:ss" over. */
function format(ms) {
  const over = ms < 0;
  const seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  return `${over ? '+' : ''}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Ticks every countdown ([data-countdown]) under root. Each carries the time left when the server rendered it
 * (data-remaining-ms) and a stamp of that render; counting starts from the moment a new stamp is seen, so the browser's
 * clock never has to agree with the server's.
 */
export function startCountdowns(root) {
  const tick = () => {
    root.querySelectorAll('[data-countdown]').forEach((el) => {
      const stamp = el.getAttribute('data-stamp');
      if (el.__stamp !== stamp) {
        el.__stamp = stamp;
        el.__base = performance.now();
      }
      const running = el.getAttribute('data-running') === 'true';
      const remaining = Number(el.getAttribute('data-remaining-ms')) - (running ? performance.now() - el.__base : 0);
      const text = el.querySelector('[data-countdown-text]');
      const value = format(remaining);
      // Change the text node Blazor rendered (not replace it), so the server's next render still finds it.
      if (text && text.firstChild && text.firstChild.nodeValue !== value) text.firstChild.nodeValue = value;
      el.setAttribute('data-overrun', remaining < 0 ? 'true' : 'false');
    });
  };
  tick();
  const timer = setInterval(tick, 250);
  return {
    dispose() {
      clearInterval(timer);
    },
  };
}
