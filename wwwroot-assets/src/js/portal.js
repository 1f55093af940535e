// Small page behaviours that need no Blazor circuit. Loaded on every page, after blazor.web.js; no inline scripts (CSP).

// The reconnect indicator (Components/Layout/ReconnectIndicator.razor) on the .NET 10 script's contract (decision 0018):
// the script dispatches components-reconnect-state-changed on #components-reconnect-modal; each state shows one block.
(() => {
  const reconnectModal = document.getElementById('components-reconnect-modal');

  function showReconnectState(state, detail) {
    if (!reconnectModal) return;
    if (state) reconnectModal.dataset.state = state; else delete reconnectModal.dataset.state;
    for (const block of reconnectModal.querySelectorAll('[data-reconnect-for]')) {
      block.hidden = block.dataset.reconnectFor !== state;
    }
    if (detail) {
      for (const text of reconnectModal.querySelectorAll('[data-reconnect-text]')) {
        text.textContent = text.dataset.reconnectText
          .replace('{0}', String(detail.currentAttempt))
          .replace('{1}', String(detail.secondsToNextAttempt));
      }
    }
  }

  // A phone that slept gave up reconnecting: try again as soon as the page is looked at again, as the template does.
  function retryWhenVisible() {
    if (document.visibilityState === 'visible') retryConnection();
  }

  async function retryConnection() {
    document.removeEventListener('visibilitychange', retryWhenVisible);
    showReconnectState('show');
    try {
      // reconnect() resolves false when the server no longer holds the circuit; resumeCircuit() then starts a new one
      // from the state the server persisted when it evicted the old one, and resolves false when there is none.
      if (await window.Blazor.reconnect()) return; // the script reports "hide" itself
      if (await window.Blazor.resumeCircuit()) showReconnectState(null);
      else showReconnectState('rejected');
    } catch {
      showReconnectState('failed');
      document.addEventListener('visibilitychange', retryWhenVisible);
    }
  }

  async function resumeCircuit() {
    showReconnectState('show');
    try {
      if (await window.Blazor.resumeCircuit()) showReconnectState(null);
      else showReconnectState('rejected');
    } catch {
      showReconnectState('resume-failed');
    }
  }

  reconnectModal?.addEventListener('components-reconnect-state-changed', (event) => {
    const detail = event.detail;
    document.removeEventListener('visibilitychange', retryWhenVisible);
    switch (detail.state) {
      case 'hide':
        showReconnectState(null);
        break;
      case 'retrying':
        // Attempts follow each other at once at first, later after a pause that counts down.
        showReconnectState(detail.secondsToNextAttempt > 0 ? 'countdown' : 'attempt', detail);
        break;
      case 'failed':
        showReconnectState('failed');
        document.addEventListener('visibilitychange', retryWhenVisible);
        break;
      default: // show, paused, resume-failed, rejected
        showReconnectState(detail.state);
    }
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (target.closest('[data-reconnect-retry]')) {
      retryConnection();
    } else if (target.closest('[data-reconnect-resume]')) {
      resumeCircuit();
    } else if (target.closest('[data-reconnect-reload]')) {
      location.reload();
    }
  });
})();

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

// Nothing a person types is lost to a late focus call (decision 0027). The server moves focus through Blazor's
// domWrapper.focus (ElementReference.FocusAsync): MudSelect puts focus back on itself when Escape closes it or an
// option is picked, a picker on its own text field. That call answers a key or click of one round trip ago; on a slow
// network or a busy server the person has meanwhile gone on to the next field, and the late call pulled focus back, so
// the rest of what they typed went into the drop-down and was lost. A server-side focus therefore never takes focus
// from a different field that is being typed in; every other focus (from a button, the page, the same field) goes ahead.
(() => {
  const domWrapper = window.Blazor?._internal?.domWrapper;
  if (typeof domWrapper?.focus !== 'function') return;
  const notTyped = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);
  const typedIn = (element) =>
    (element instanceof HTMLTextAreaElement && !element.readOnly && !element.disabled)
    || (element instanceof HTMLInputElement && !element.readOnly && !element.disabled && !notTyped.has(element.type))
    || (element instanceof HTMLElement && element.isContentEditable);
  const focus = domWrapper.focus;
  domWrapper.focus = function (element, preventScroll) {
    const active = document.activeElement;
    if (active && active !== element && typedIn(active) && !(element instanceof Node && element.contains(active))) return;
    return focus.call(this, element, preventScroll);
  };
})();
