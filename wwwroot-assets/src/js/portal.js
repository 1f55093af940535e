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
