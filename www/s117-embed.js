// s117-embed.js: for host pages that want the checker fully isolated in an iframe.
//
//   <div data-s117-embed data-quick-exit></div>
//   <script type="module" src="https://widget.example/s117-embed.js"></script>
//
// Each element with `data-s117-embed` gets an iframe of embed.html (from the same place as this script, or from
// `data-src`). Settings pass through as data attributes: data-as-at, data-mode, data-quick-exit, data-storage-key,
// data-title. The frame reports its height and the host resizes it (via the iframe's height attribute, so no inline
// styles are needed); messages are accepted only from the frame's own origin and its own window.
// The container also receives `s117-decision` events (detail: the Decision), re-dispatched from the frame.

const FRAME_URL = new URL('./embed.html', import.meta.url);
const SETTINGS = ['as-at', 'mode', 'quick-exit', 'storage-key'];
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
  const iframe = document.createElement('iframe');
  iframe.className = 's117-embed__frame';
  iframe.title = container.getAttribute('data-title') || 'Section 117 after-care checker';
  iframe.src = src.href;
  iframe.width = '100%';
  iframe.height = '720';
  iframe.setAttribute('frameborder', '0');
  iframe.setAttribute('allow', 'clipboard-write');
  iframe.referrerPolicy = 'no-referrer';
  container.replaceChildren(iframe);
  frames.set(id, { iframe, container, origin: src.origin });
  return iframe;
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
