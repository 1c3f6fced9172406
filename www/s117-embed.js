// s117-embed.js: for host pages that want the checker fully isolated in an iframe.
//
//   <div data-s117-embed data-quick-exit></div>
//   <script type="module" src="https://widget.example/s117-embed.js"></script>
//
// Each element with `data-s117-embed` gets an iframe of embed.html (from the same place as this script, or from
// `data-src`). Settings pass through as data attributes: data-as-at, data-mode, data-quick-exit, data-storage-key,
// data-title, data-no-history, data-help-name, data-help-phone, data-help-hours, data-help-url, data-help-text,
// data-intro-text, data-logo-src, data-logo-alt. The frame reports its height and the host resizes it (via the
// iframe's height attribute, so no inline styles are needed); messages are accepted only from the frame's own origin
// and its own window. The container also receives `s117-decision` events (detail: the Decision), re-dispatched from
// the frame.
//
// The quick exit is on by default (data-quick-exit="off" turns it off; a URL names where it goes). Because the frame
// is as tall as its content, a bar inside it would scroll away with the host page, so the "Exit this page" button is
// drawn here, on the host page, over the frame, and kept at the top of the viewport while the frame is in view
// (s117-embed.css, linked from the same place as this script). Pressing it tells the frame to clear its answers and
// replaces the host page with a neutral one; Shift pressed 3 times inside the frame does the same.

import { WORDS } from './s117-words.js';

const FRAME_URL = new URL('./embed.html', import.meta.url);
const CSS_URL = new URL('./s117-embed.css', import.meta.url);
const SETTINGS = ['as-at', 'mode', 'quick-exit', 'storage-key', 'no-history', 'help-name', 'help-phone', 'help-hours', 'help-url', 'help-text', 'intro-text', 'logo-src', 'logo-alt'];
/** Where the quick exit goes unless the host names another page (as in s117-tools.js). */
const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';
const MAX_HEIGHT = 30000;

/** @type {Map<string, { iframe: HTMLIFrameElement, container: Element, origin: string }>} */
const frames = new Map();
let count = 0;

/**
 * Puts the checker's iframe into a container.
 * @param {Element} container
 * @returns {HTMLIFrameElement|null}
 */
export function mount(container) {
  if (container.hasAttribute('data-s117-mounted')) return null;
  container.setAttribute('data-s117-mounted', '');
  const src = new URL(container.getAttribute('data-src') || FRAME_URL.href, document.baseURI);
  const id = `s117-embed-${++count}`;
  src.searchParams.set('origin', window.location.origin);
  src.searchParams.set('id', id);
  for (const name of SETTINGS) {
    const value = container.getAttribute(`data-${name}`);
    if (value !== null) src.searchParams.set(name, value);
  }
  const exitSetting = container.getAttribute('data-quick-exit');
  const exit = exitSetting === null || exitSetting.trim().toLowerCase() !== 'off';
  // The frame keeps Shift 3 times and the clearing; its own button is not drawn (this page draws it).
  if (exit) src.searchParams.set('quick-exit', exitSetting || '');
  else src.searchParams.set('quick-exit', 'off');
  if (exit) src.searchParams.set('exit-button', 'host');
  const iframe = document.createElement('iframe');
  iframe.className = 's117-embed__frame';
  iframe.title = container.getAttribute('data-title') || 'Section 117 after-care checker';
  iframe.src = src.href;
  iframe.width = '100%';
  iframe.height = '720';
  iframe.setAttribute('frameborder', '0');
  iframe.setAttribute('allow', 'clipboard-write');
  iframe.referrerPolicy = 'no-referrer';
  container.replaceChildren(...(exit ? [exitBar(exitSetting, () => frames.get(id))] : []), iframe);
  frames.set(id, { iframe, container, origin: src.origin });
  return iframe;
}

/** Links s117-embed.css into the host page, once. */
function linkStyles() {
  if (document.querySelector('link[data-s117-embed-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = CSS_URL.href;
  link.setAttribute('data-s117-embed-css', '');
  document.head.append(link);
}

/** Where the quick exit goes: an http(s) URL from the setting, or the default. @param {string|null} setting */
function exitUrl(setting) {
  try {
    const url = new URL((setting || '').trim() || DEFAULT_EXIT_URL, document.baseURI);
    if ((setting || '').trim() && (url.protocol === 'https:' || url.protocol === 'http:')) return url.href;
  } catch {
    /* not a URL: the default */
  }
  return DEFAULT_EXIT_URL;
}

/**
 * The "Exit this page" bar drawn on the host page over the frame: a link (it works before the frame loads), which
 * first tells the frame to clear its answers, then replaces this page in the history.
 * @param {string|null} setting the data-quick-exit value @param {() => any} frameOf
 */
function exitBar(setting, frameOf) {
  linkStyles();
  const url = exitUrl(setting);
  const $hidden = document.createElement('span');
  $hidden.className = 's117-embed__visually-hidden';
  $hidden.textContent = WORDS['widget.exit.emergency'];
  const $link = document.createElement('a');
  $link.className = 's117-embed__exit-button';
  $link.href = url;
  $link.rel = 'nofollow noreferrer';
  $link.append($hidden, WORDS['widget.exit.button']);
  $link.addEventListener('click', (event) => {
    event.preventDefault();
    const frame = frameOf();
    try {
      if (frame) frame.iframe.contentWindow.postMessage({ source: 's117-embed', type: 'exit' }, frame.origin);
    } catch {
      /* the frame has gone: nothing to clear */
    }
    window.location.replace(url);
  });
  const $bar = document.createElement('div');
  $bar.className = 's117-embed__exit';
  $bar.append($link);
  return $bar;
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object' || data.source !== 's117-checker' || typeof data.id !== 'string') return;
  const frame = frames.get(data.id);
  if (!frame || event.origin !== frame.origin || event.source !== frame.iframe.contentWindow) return;
  if (data.type === 'height') {
    const height = Number(data.height);
    if (Number.isFinite(height) && height > 0) frame.iframe.height = String(Math.min(Math.ceil(height), MAX_HEIGHT));
  } else if (data.type === 'decision' && data.decision && typeof data.decision === 'object') {
    frame.container.dispatchEvent(new CustomEvent('s117-decision', { bubbles: true, composed: true, detail: data.decision }));
  } else if (data.type === 'step') {
    if (frame.iframe.getBoundingClientRect().top < 0) frame.iframe.scrollIntoView({ block: 'start' });
  }
});

for (const container of document.querySelectorAll('[data-s117-embed]')) mount(container);
