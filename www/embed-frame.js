// Runs inside embed.html (the iframe). Takes its settings from the URL, starts the checker, and tells the host page
// its height, its steps and its decisions with postMessage.
//
// URL parameters (set by s117-embed.js): origin (the host page's origin: messages go only there), id (the frame's
// id on the host page), exit-button=host (the host page draws the "Exit this page" button), and the checker's
// attributes: as-at, mode, quick-exit, storage-key, no-history, help-*, intro-text, logo-src, logo-alt.
// The quick exit is on unless quick-exit=off. Decisions are only ever posted to an explicit origin; without one,
// only the height is posted.

const params = new URLSearchParams(window.location.search);
const $checker = document.querySelector('s117-checker');
const ATTRIBUTES = ['as-at', 'mode', 'quick-exit', 'storage-key', 'no-history', 'help-name', 'help-phone', 'help-hours', 'help-url', 'help-text', 'intro-text', 'logo-src', 'logo-alt'];

for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) $checker.setAttribute(name, value);
}
// On by default in the frame: a person may need to leave at once.
const exitSetting = params.get('quick-exit');
if (exitSetting === null) $checker.setAttribute('quick-exit', '');
else if (exitSetting.trim().toLowerCase() === 'off') $checker.removeAttribute('quick-exit');
if (params.get('exit-button') === 'host') $checker.setAttribute('exit-button', 'none');

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

// The host page's "Exit this page" button: clear the answers here (the host leaves the page itself).
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!framed || event.source !== window.parent || (origin && event.origin !== origin)) return;
  if (data && typeof data === 'object' && data.source === 's117-embed' && data.type === 'exit') $checker.clear();
});

$checker.addEventListener('s117-decision', (event) => post({ type: 'decision', decision: event.detail }, true));
$checker.addEventListener('s117-step', (event) => post({ type: 'step', step: event.detail.step }));
$checker.addEventListener('s117-ready', () => post({ type: 'ready' }));

await import('./s117-checker.js');
sendHeight();
