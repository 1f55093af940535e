// Small page behaviours that need no Blazor circuit. Loaded on every page; no inline scripts (CSP).
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  if (target.closest('[data-reconnect-retry]')) {
    // Blazor.reconnect() resolves false when the server no longer knows the circuit: reload then.
    Promise.resolve(window.Blazor?.reconnect?.()).then((ok) => { if (!ok) location.reload(); }, () => location.reload());
  } else if (target.closest('[data-reconnect-reload]')) {
    location.reload();
  }
});

// A field's whole value travels to the server in one circuit message, limited to 1 MB (decision 0017). Every field's own
// limit is far below this, and the server answers a longer text with the field's message; only a text beyond any
// sensible size (more than 150,000 characters, up to 900 KB escaped) would end the circuit. Cut such a text to that
// size before Blazor reads it (window capture runs before Blazor's document listeners), so the page keeps working and
// says the text is too long.
const longestSentValue = 150000;
for (const type of ['input', 'change']) {
  window.addEventListener(type, (event) => {
    const field = event.target;
    if ((field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) && field.value.length > longestSentValue) {
      field.value = field.value.slice(0, longestSentValue);
    }
  }, true);
}
