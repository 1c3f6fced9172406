// <s117-checker>, the host's branding beyond colours: its logo (`logo-src`, `logo-alt`: an <img> whose address must
// be http(s) or relative), and its own words for the first page's lead paragraph (`intro-text`) and over "Help from
// a person" (`help-text`). The host's words are only ever inserted as text, never as HTML.

import { h, mixin } from './s117-controls.js';

/**
 * An address the checker may load an image from: http(s), or relative to the page (resolved). Anything else
 * (javascript:, data:, blob:, a file) gives null.
 * @param {string|null} value
 * @returns {string|null}
 */
export function safeImageUrl(value) {
  const text = (value || '').trim();
  if (!text) return null;
  try {
    const url = new URL(text, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The host's text in an attribute, trimmed, or null. @param {Element} el @param {string} name */
function hostText(el, name) {
  const text = (el.getAttribute(name) || '').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 600) : null;
}

/** The methods this module adds to the element. */
class Brand {
  /** The host's logo over the checker, if `logo-src` is a usable address (with `logo-alt` as its text; empty: decorative). */
  _renderBrand() {
    if (!this.$brand) return;
    this.$brand.textContent = '';
    const src = safeImageUrl(this.getAttribute('logo-src'));
    this.$brand.hidden = !src;
    if (!src) return;
    this.$brand.append(h('img', { class: 's117-brand__logo', src, alt: hostText(this, 'logo-alt') || '', referrerpolicy: 'no-referrer' }));
  }

  /** The first page's lead paragraph: the host's `intro-text`, or null for the checker's own. */
  _introText() {
    return hostText(this, 'intro-text');
  }

  /**
   * Puts the host's `help-text` under the heading of "Help from a person" (drawn by s117-answer.js), by wrapping
   * that part's `_helpView` once it has loaded (s117-checker.js calls this on its class's prototype).
   */
  _brandHelp() {
    const proto = this; // called on the element's prototype
    if (typeof proto._helpView !== 'function' || proto._helpView.s117Branded) return;
    const original = proto._helpView;
    const branded = function helpView(...args) {
      const $section = original.apply(this, args);
      const text = hostText(this, 'help-text');
      if (text && $section && $section.firstElementChild) $section.firstElementChild.after(h('p', { class: 's117-body s117-help__host-text', text }));
      return $section;
    };
    branded.s117Branded = true;
    proto._helpView = branded;
  }
}

/**
 * Adds these methods to the element's class.
 * @param {typeof HTMLElement} Checker
 */
export function installBrand(Checker) {
  mixin(Checker, Brand);
}
