// Runs inside embed.html (the iframe). Takes its settings from the URL, starts the checker, and tells the host page
// its height, its steps and its decisions with postMessage.
//
// URL parameters (set by s117-embed.js): origin (the host page's origin: messages go only there), id (the frame's
// id on the host page), and the checker's attributes: as-at, mode, quick-exit, storage-key.
// Decisions are only ever posted to an explicit origin; without one, only the height is posted.

const params = new URLSearchParams(window.location.search);
const $checker = document.querySelector('s117-checker');

for (const name of ['as-at', 'mode', 'quick-exit', 'storage-key']) {
  const value = params.get(name);
  if (value !== null) $checker.setAttribute(name, value);
}

/** The host page's origin, if the parameter is one (scheme://host[:port], nothing else). */
function hostOrigin() {
  const value = params.get('origin');
  if (!value) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value ? url.origin : null;
  } catch {
    return null;
  }
}

const origin = hostOrigin();
const id = params.get('id') || '';
const framed = window.parent !== window;

/** Posts a message to the host page (only to its origin when known). */
function post(message, sensitive = false) {
  if (!framed || (sensitive && !origin)) return;
  window.parent.postMessage({ source: 's117-checker', id, ...message }, origin || '*');
}

let lastHeight = 0;
function sendHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    post({ type: 'height', height });
  }
}

new ResizeObserver(sendHeight).observe(document.documentElement);
window.addEventListener('load', sendHeight);

$checker.addEventListener('s117-decision', (event) => post({ type: 'decision', decision: event.detail }, true));
$checker.addEventListener('s117-step', (event) => post({ type: 'step', step: event.detail.step }));
$checker.addEventListener('s117-ready', () => post({ type: 'ready' }));

await import('./s117-checker.js');
sendHeight();
