// The browser side of Components/Shared/Countdown: ticks every countdown under a root, so the server renders a timer only
// when it changes (the councils' agenda item, the deliberation meeting's speech timer).

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
