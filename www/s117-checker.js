// <s117-checker>: the Section 117 after-care checker as a custom element.
//
// One ES module, no framework, no build step. The rules run in WebAssembly (./pkg/s117.js, loaded relative to this
// file); this module asks the questions and builds the Case. What the questions do not need is in parts beside it,
// imported when first needed: s117-answer.js ("Check your answers", the result; fetched in the background once the
// rules have loaded), s117-letter.js (the letter, with the result) and s117-adviser.js (the adviser view).
// The first question is drawn by this module alone, at once; the WebAssembly starts loading in the background at the
// same moment, and whatever needs it (the council lists, continuing past a question, the answer) waits for it with a
// visible, announced "loading" state, or shows an error with a "Try again" button if it could not load.
//
// Embedding (see docs/embedding.md):
//   <link rel="stylesheet" href="https://…/s117-checker.css">
//   <script type="module" src="https://…/s117-checker.js"></script>
//   <s117-checker><p>Fallback content, shown until the checker loads.</p></s117-checker>
//
// House rules kept here: light DOM; only `.s117-` classes (styling) and `js-s117-` classes (hooks); user text is
// only ever inserted with textContent (the `h()` helper never uses innerHTML); no inline styles and no
// element.style writes (CSP `style-src 'self'`); no requests except this module's own files; no cookies.

import {
  PART_TEXTS, S117AnswersError, S117Error, S117LoadError, append, clone, coreSlot, debounce, h, isContractDate,
  localToday, longDate, referenceOptions, t,
} from './s117-controls.js';
import { installSteps } from './s117-step.js';
import { installTools, session } from './s117-tools.js';
import { ELSEWHERE_STEP, installNav } from './s117-nav.js';
import { installBrand } from './s117-brand.js';
import { firstPage } from './s117-questions.js';

/** The version of this widget (not of the rules: those come from `about()`). */
export const WIDGET_VERSION = '0.1.0';

const PKG_URL = new URL('./pkg/s117.js', import.meta.url);
/** The parts of the widget that the questions do not need, imported when first needed (relative to this file). */
const PART_URLS = {
  answer: new URL('./s117-answer.js', import.meta.url),
  letter: new URL('./s117-letter.js', import.meta.url),
  adviser: new URL('./s117-adviser.js', import.meta.url),
};
const STORAGE_PREFIX = 's117-checker:v1:';

// The errors this module throws live in s117-controls.js (s117-tools.js needs one too, and importing it from here
// would make the two modules import each other: loaded with a query string, the element then ran twice and failed).
export { S117Error, S117LoadError, S117AnswersError };

// ---------------------------------------------------------------------------------------------------------------
// The WebAssembly core, loaded once per page and shared by every element.
// ---------------------------------------------------------------------------------------------------------------

/** The core once loaded, shared by every element on the page. */
let loadedCore = null;
/** @type {Promise<any>|null} the attempt in progress */
let corePromise = null;
let coreAttempts = 0;

/**
 * Loads the rules core and its reference lists (once per page; a failed attempt can be retried).
 * @returns {Promise<{wasm: any, about: {rules_version: string, law_date: string}, councils: any[], districts: [string, string][], nhsBodies: any[]}>}
 */
function loadCore() {
  if (loadedCore) return Promise.resolve(loadedCore);
  if (!corePromise) {
    coreAttempts += 1;
    // A module whose fetch failed stays failed under its URL, so a retry imports it under a new one.
    const url = coreAttempts === 1 ? PKG_URL.href : `${PKG_URL.href}?attempt=${coreAttempts}`;
    corePromise = (async () => {
      const wasm = await import(url);
      await wasm.default();
      const councils = wasm.councils();
      const districts = wasm.districts();
      const nhsBodies = wasm.nhsBodies();
      const about = wasm.about();
      return { wasm, about, councils, districts, nhsBodies };
    })();
    corePromise.then(
      (core) => {
        loadedCore = core;
      },
      () => {
        corePromise = null; // the next caller tries again
      },
    );
  }
  return corePromise;
}

/** @type {Map<string, { promise: Promise<void>|null, attempts: number, loaded: boolean }>} the parts, by name */
const parts = new Map();

/**
 * Imports a part of the widget (a key of PART_URLS) and adds its methods to S117Checker (once per page; a failed
 * attempt can be retried).
 * @param {string} name
 * @returns {Promise<void>}
 */
function loadPart(name) {
  let part = parts.get(name);
  if (!part) {
    part = { promise: null, attempts: 0, loaded: false };
    parts.set(name, part);
  }
  if (part.loaded) return Promise.resolve();
  if (!part.promise) {
    part.attempts += 1;
    // As for the core: a module whose fetch failed stays failed under its URL, so a retry uses a new one.
    const url = part.attempts === 1 ? PART_URLS[name].href : `${PART_URLS[name].href}?attempt=${part.attempts}`;
    part.promise = import(url).then((mod) => {
      mod.install(S117Checker);
      if (name === 'answer') S117Checker.prototype._brandHelp();
      part.loaded = true;
    });
    part.promise.catch(() => {
      part.promise = null; // the next caller tries again
    });
  }
  return part.promise;
}

/** Has the part (a key of PART_URLS) loaded? @param {string} name */
function hasPart(name) {
  const part = parts.get(name);
  return Boolean(part && part.loaded);
}

let instances = 0;

/**
 * The Section 117 after-care checker. Documented for hosts in docs/embedding.md.
 *
 * Attributes: `as-at` (YYYY-MM-DD; fixes "today"), `mode="adviser"` (one dense screen, and the screen of many
 * enquiries), `quick-exit` (shows an "Exit this page" button; its value, if a URL, is where it goes), `storage-key`
 * (separates saved answers when a page has more than one checker), `help-name`, `help-phone`, `help-hours`, `help-url`
 * (the host's own helpline, shown first under "Help from a person" on the result), `no-history` (no browser history
 * entry per page), `no-title` (the page's title left alone), `logo-src` + `logo-alt` (the host's logo), `intro-text`
 * and `help-text` (the host's words for the first page's lead paragraph and over "Help from a person").
 * Properties: `answers` (get/set a Case; null until the rules have loaded), `decision` (the last Decision, or
 * null), `ready` (a Promise: the first screen is shown), `coreReady` (a Promise: the rules are loaded), `clear()`.
 * Events: `s117-ready`, `s117-core-ready`, `s117-step` (detail: { step }), `s117-decision` (detail: the Decision),
 * `s117-error` (detail: { message, kind }).
 */
export class S117Checker extends HTMLElement {
  /**
   * Defines the element, once (importing this module twice, or two copies of it, is harmless).
   * @param {string} [tag]
   * @param {CustomElementRegistry} [registry]
   */
  static define(tag = 's117-checker', registry = window.customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  static get observedAttributes() {
    return ['as-at', 'mode', 'quick-exit', 'no-title', 'logo-src', 'logo-alt', 'intro-text'];
  }

  constructor() {
    super();
    this._uid = `s117-${++instances}`;
    this._core = null;
    this._coreLoading = false;
    /** An action waiting for the core or a part: { fn, slot, core, parts, loading, failed } (see `_need`). */
    this._waiting = null;
    this._resetAnswers();
    this._exitCount = 0;
    this._exitLast = 0;
    /** @type {Promise<void>} */
    this._ready = new Promise((resolve) => {
      this._resolveReady = resolve;
    });
    this._newCoreReady();
    this._persist = debounce(() => this._save(), 200);
    this._onKeydown = this._onKeydown.bind(this);
    this._onPopState = this._onPopState.bind(this);
    this._onPageHide = () => {
      if (this.$root && !this.$root.classList.contains('s117--exiting')) this._persist.flush();
    };
  }

  connectedCallback() {
    for (const prop of ['answers']) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
    if (this.hasAttribute('quick-exit')) window.addEventListener('keydown', this._onKeydown, true);
    window.addEventListener('pagehide', this._onPageHide);
    window.addEventListener('popstate', this._onPopState);
    if (this.$root) this._updateTitle();
    if (!this._started) {
      this._started = true;
      this._init();
    }
  }

  disconnectedCallback() {
    window.removeEventListener('keydown', this._onKeydown, true);
    window.removeEventListener('pagehide', this._onPageHide);
    window.removeEventListener('popstate', this._onPopState);
    this._restoreTitle();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'as-at') this._decision = null;
    if (name === 'no-title' && newValue !== null) this._restoreTitle();
    if (name === 'quick-exit' && this.isConnected) {
      window.removeEventListener('keydown', this._onKeydown, true);
      if (this.hasAttribute('quick-exit')) window.addEventListener('keydown', this._onKeydown, true);
    }
    if (this.$root) this._render(false);
  }

  /**
   * Resolves when the checker has replaced its fallback content with its first screen (normally the first question,
   * drawn without waiting for the rules). It never rejects.
   */
  get ready() {
    return this._ready;
  }

  /**
   * Resolves when the rules (the WebAssembly core) have loaded: from then on every step, the answer and the letter
   * work without waiting. Rejects if this attempt to load them failed; a new attempt (the person pressing
   * "Try again", or continuing) makes this property return a new Promise.
   */
  get coreReady() {
    return this._coreReady;
  }

  /** The date of the check: the `as-at` attribute if it is a valid YYYY-MM-DD, otherwise today (local time). */
  get asAt() {
    const attr = (this.getAttribute('as-at') || '').trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(attr) && isContractDate(attr) ? attr : localToday();
  }

  /** Is this the dense adviser view? */
  get adviser() {
    return (this.getAttribute('mode') || '').toLowerCase() === 'adviser';
  }

  /**
   * The answers as a Case (with `as_at`), exactly as the core receives them: the facts the interview asked. Null
   * until the rules have loaded (see `coreReady`): it is the core that reads the answers.
   */
  get answers() {
    const iv = this._interview();
    return iv ? { ...clone(iv.case), as_at: this.asAt } : null;
  }

  /**
   * Pre-fills the answers from a Case. The person is shown "Check your answers" (or, in adviser mode, the filled
   * form) and the result is evaluated at once. Throws S117AnswersError if the value is not a Case.
   * Before the rules have loaded (see `coreReady`), the value is kept and applied once they have: it cannot be
   * checked until then, so a value that is not a Case is reported with an `s117-error` event instead of thrown.
   * @param {any} value
   */
  set answers(value) {
    if (!this._core) {
      this._pending = clone(value);
      return;
    }
    this._loadAnswers(value, 'api');
  }

  /** The last Decision shown (a copy), or null. */
  get decision() {
    return this._decision ? clone(this._decision) : null;
  }

  /** Empties the answers (and sessionStorage) and starts again. */
  clear() {
    session.remove(this._storageKey());
    this._resetAnswers();
    if (this.$root) {
      this._render(true);
      this._pushHistory(this._step);
    }
  }

  /** Empty answers, place in the journey, letter details and decision (the state `clear()` starts again from). */
  _resetAnswers() {
    /** The answers given, `{ path: text }` (the core's interview reads them; blank: not known). */
    this._a = {};
    this._step = null;
    this._returnTo = null;
    this._checkErrors = null;
    this._stepErrors = null;
    this._letterState = { to: 'both', person: {}, writer: {}, for_other: false, options: {} };
    this._letterResult = null;
    this._decision = null;
    this._pending = undefined;
  }

  // ----- loading -------------------------------------------------------------------------------------------------

  /** Shows the first screen at once, from this module alone, and starts loading the rules in the background. */
  _init() {
    this._startCore();
    const saved = session.get(this._storageKey());
    if (saved && saved.v === 2 && saved.given && typeof saved.given === 'object' && !Array.isArray(saved.given)) {
      for (const [path, text] of Object.entries(saved.given)) if (typeof text === 'string') this._a[path] = text;
      this._step = typeof saved.step === 'string' ? saved.step : null;
      this._returnTo = saved.returnTo === 'check' ? 'check' : null;
      if (saved.letter) this._letterState = { ...this._letterState, ...saved.letter };
    }
    // The adviser view is a part of its own: the fallback content stays until it has loaded (or failed to).
    if (this.adviser && !hasPart('adviser')) {
      loadPart('adviser').catch(() => {}).then(() => this._firstScreen());
      return;
    }
    this._firstScreen();
  }

  /** Replaces the fallback content with the first screen; `ready` resolves. */
  _firstScreen() {
    // The fallback content stays until the checker can replace it.
    this._fallback = [...this.childNodes];
    for (const node of this._fallback) node.remove();
    this._buildRoot();
    // Showing the saved step re-evaluates it if it is the result (or the adviser view): `as_at` may have moved on.
    this._render(false);
    this._replaceHistory(this._step);
    this._resolveReady();
    this.dispatchEvent(new CustomEvent('s117-ready', { bubbles: true, composed: true }));
  }

  /** A new `coreReady` promise (the first, or after a failed attempt). */
  _newCoreReady() {
    this._coreReady = new Promise((resolve, reject) => {
      this._resolveCoreReady = resolve;
      this._rejectCoreReady = reject;
    });
    this._coreReady.catch(() => {}); // a failure is reported by s117-error; nobody has to listen
    this._coreSettled = false;
  }

  /** Starts an attempt to load the core, unless it is loaded or loading. */
  _startCore() {
    if (this._core || this._coreLoading) return;
    if (this._coreSettled) this._newCoreReady();
    this._coreLoading = true;
    loadCore().then(
      (core) => {
        this._coreLoading = false;
        this._onCore(core);
      },
      (err) => {
        this._coreLoading = false;
        this._onCoreError(err);
      },
    );
  }

  /** The core, when it has loaded: starts a new attempt if the last one failed. @returns {Promise<any>} */
  _whenCore() {
    if (this._core) return Promise.resolve(this._core);
    this._startCore();
    return this._coreReady;
  }

  _onCore(core) {
    this._core = core;
    this._opts = referenceOptions(core);
    this._coreSettled = true;
    this._updateAbout();
    // An action that waits for a part alone keeps waiting for it.
    const waiting = this._waiting && this._waiting.core ? this._waiting : null;
    if (waiting) {
      this._waiting = null;
      waiting.slot.clear();
    }
    this._resolveCoreReady(core);
    this.dispatchEvent(new CustomEvent('s117-core-ready', { bubbles: true, composed: true }));
    if (this._pending !== undefined) {
      // Answers set before the rules had loaded replace whatever was on screen.
      const pending = this._pending;
      this._pending = undefined;
      try {
        this._loadAnswers(pending, 'api');
        return;
      } catch (err) {
        this.dispatchEvent(new CustomEvent('s117-error', { bubbles: true, composed: true, detail: { message: err.message, kind: 'answers' } }));
      }
    }
    if (waiting) this._need(waiting.fn, waiting);
    // "Check your answers" and the result come next: their part is fetched now, in the background.
    const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 50));
    idle(() => loadPart('answer').catch(() => {}));
  }

  _onCoreError(err) {
    const message = err && err.message ? err.message : String(err);
    this._coreSettled = true;
    this._rejectCoreReady(new S117LoadError(message));
    const waiting = this._waiting && this._waiting.core ? this._waiting : null;
    if (waiting) {
      this._waiting = null;
      waiting.slot.error(() => this._need(waiting.fn, waiting));
    }
    this.dispatchEvent(new CustomEvent('s117-error', { bubbles: true, composed: true, detail: { message, kind: 'load' } }));
  }

  /** Loads a part (see PART_URLS) of the widget; a failure fires `s117-error` (kind `load`). @param {string} name */
  _loadPart(name) {
    const attempt = loadPart(name);
    attempt.catch((err) => {
      const message = err && err.message ? err.message : String(err);
      this.dispatchEvent(new CustomEvent('s117-error', { bubbles: true, composed: true, detail: { message, kind: 'load' } }));
    });
    return attempt;
  }

  /** Has the part (see PART_URLS) loaded? @param {string} name */
  _hasPart(name) {
    return hasPart(name);
  }

  /**
   * Runs `fn` now if what it needs has loaded: the core (unless `core` is false) and the parts named. Otherwise shows
   * (and announces) that it is loading, in `slot`, and runs `fn` once it has; if it cannot load, `slot` shows an
   * error with "Try again". Only the latest waiting action runs; drawing a new page forgets it.
   * @param {() => void} fn
   * @param {{ slot?: ReturnType<typeof coreSlot>, core?: boolean, parts?: string[], loading?: string, failed?: string }} [o]
   */
  _need(fn, { slot = this._slot, core = true, parts: names = [], loading, failed } = {}) {
    const missing = names.filter((name) => !hasPart(name));
    if ((!core || this._core) && !missing.length) {
      fn();
      return;
    }
    if (this._waiting && this._waiting.slot !== slot) this._waiting.slot.clear();
    const waiting = { fn, slot, core, parts: names, loading, failed };
    this._waiting = waiting;
    slot.loading(missing.length && loading ? loading : undefined);
    if (core) this._startCore();
    if (!missing.length) return;
    Promise.all(missing.map((name) => this._loadPart(name))).then(
      () => {
        if (!this._waiting || this._waiting.fn !== fn) return; // forgotten, or another action took its place
        this._waiting = null;
        slot.clear();
        this._need(fn, waiting);
      },
      () => {
        if (!this._waiting || this._waiting.fn !== fn) return;
        this._waiting = null;
        slot.error(() => this._need(fn, waiting), true, failed);
      },
    );
  }

  /**
   * Runs `fn` now if the core has loaded. Otherwise shows (and announces) that the rules are loading, in `slot`,
   * and runs `fn` once they have; if they cannot load, `slot` shows an error with "Try again". Only the latest
   * waiting action runs; drawing a new page forgets it.
   * @param {() => void} fn
   * @param {ReturnType<typeof coreSlot>} [slot]
   */
  _needCore(fn, slot = this._slot) {
    this._need(fn, { slot });
  }

  /** Forgets a waiting action (its page is being replaced). */
  _forgetWaiting() {
    if (this._waiting) this._waiting.slot.clear();
    this._waiting = null;
    if (this._slot) this._slot.clear();
  }

  _storageKey() {
    return STORAGE_PREFIX + (this.getAttribute('storage-key') || 'default');
  }

  _save() {
    session.set(this._storageKey(), { v: 2, given: this._a, step: this._step, returnTo: this._returnTo, letter: this._letterState });
  }

  /**
   * Replaces the answers with a Case from a file or the API. Needs the core.
   * @param {any} value
   * @param {'api'|'file'} source
   */
  _loadAnswers(value, source) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new S117AnswersError(t('widget.tools.not_a_case'));
    // The core is the judge of the shape: a wrong enum value or a bad date throws here, before anything changes.
    let answers;
    try {
      answers = this._core.wasm.answersOf({ ...clone(value), as_at: this.asAt });
    } catch (err) {
      throw new S117AnswersError(String(err && err.message ? err.message : err).replace(/^Error: /, ''));
    }
    this._a = answers.given;
    this._step = 'check';
    this._returnTo = null;
    this._checkErrors = null;
    this._letterResult = null;
    this._save();
    if (this.adviser) {
      this._render(source === 'file');
    } else {
      this._evaluate();
      this._render(source === 'file');
      this._pushHistory(this._step);
    }
  }

  _id(path) {
    return `${this._uid}-${path.replace(/[^\w]+/g, '-').replace(/-+$/, '')}`;
  }

  // ----- the frame: exit button, page, tools, disclaimer, live region -------------------------------------------

  _buildRoot() {
    this.$status = h('div', { class: 's117-visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.$page = h('div', { class: 's117-page' });
    this.$exit = h('div', { class: 's117-exit-slot' });
    this.$tools = h('div', { class: 's117-tools' });
    this.$about = h('p', { class: 's117-about' });
    // Where the journey says it is waiting for the rules (under the page's button), or that they could not load.
    this._slot = coreSlot();
    this.$brand = h('div', { class: 's117-brand', hidden: true });
    this.$root = h('div', { class: 's117', lang: 'en-GB' }, this.$exit, this.$brand, this.$page, this._slot.el, this.$tools, this.$about, this.$status);
    this.append(this.$root);
  }

  /** Announces a message in the live region (polite). */
  _announce(text) {
    this.$status.textContent = '';
    setTimeout(() => {
      this.$status.textContent = text;
    }, 60);
  }

  /** Re-renders everything for the current mode. */
  _render(focus) {
    this.$root.classList.toggle('s117--adviser', this.adviser);
    this._renderExit();
    this._renderBrand();
    this._renderTools();
    this._updateAbout();
    // The adviser view, and the screen section only it adds, are a part of their own.
    if (this.adviser && !hasPart('adviser')) {
      this._forgetWaiting();
      this.$page.textContent = '';
      this._need(() => this._render(focus), { core: false, parts: ['adviser'], ...PART_TEXTS.adviser });
      return;
    }
    if (hasPart('adviser')) this._renderScreenSection();
    if (this.adviser) this._renderAdviser(focus);
    else this._renderStep(focus);
  }


  /** The disclaimer line; the law date and rules version come with the core. */
  _updateAbout() {
    if (!this.$about) return;
    const about = this._core && this._core.about;
    this.$about.textContent = about
      ? t('widget.about.line', { law_date: longDate(about.law_date), version: about.rules_version, as_at: longDate(this.asAt) })
      : t('widget.about.before_rules', { as_at: longDate(this.asAt) });
  }

  // ----- evaluation ---------------------------------------------------------------------------------------------

  /**
   * The case as the core should word it: the adviser view speaks of "the person" unless the answers name them
   * (a case's `about`); otherwise as the answers say.
   * @param {any} c a Case
   */
  _voiced(c) {
    if (!c || !this.adviser || (typeof c.about === 'string' && c.about.trim())) return c;
    return { ...c, about: t('result.voice.the_person') };
  }

  /** Runs the core on the answers; on success records the decision and dispatches `s117-decision`. */
  _evaluate() {
    let result;
    try {
      result = this._core.wasm.check(this._voiced(this.answers));
    } catch (err) {
      return { ok: false, errors: [{ field: 'input', message: String(err && err.message ? err.message : err).replace(/^Error: /, '') }] };
    }
    if (result.ok) {
      this._decision = result.decision;
      this.dispatchEvent(new CustomEvent('s117-decision', { bubbles: true, composed: true, detail: clone(result.decision) }));
    }
    return result;
  }

  // ----- the journey: one question per page ---------------------------------------------------------------------

  // ----- the journey: one page at a time, as the core's interview says ---------------------------------------------

  /** Where the interview stands (`{ form, next, case }`), from the core; null until it has loaded. */
  _interview() {
    if (!this._core) return null;
    const key = JSON.stringify([this.asAt, this._a]);
    if (!this._iv || this._ivKey !== key) {
      this._iv = this._core.wasm.interview({ as_at: this.asAt, given: this._a });
      this._ivKey = key;
    }
    return this._iv;
  }

  /** The pages of the interview so far, in order: [{ key, questions }]. Before the core, the first page alone. */
  _pages() {
    const iv = this._interview();
    if (!iv) return [{ key: firstPage[0].page, questions: firstPage.map((q) => ({ ...q, answer: this._a[q.path] })) }];
    const pages = [];
    for (const q of iv.form) {
      const last = pages[pages.length - 1];
      if (last && last.key === q.page) last.questions.push(q);
      else pages.push({ key: q.page, questions: [q] });
    }
    return pages;
  }

  /** The page to show: the saved one if the interview still asks it, otherwise the next one to answer. */
  _currentStep() {
    const step = this._step;
    if (step === 'result' || step === 'check' || step === ELSEWHERE_STEP) return step;
    const iv = this._interview();
    const pages = this._pages();
    if (step && pages.some((p) => p.key === step)) return step;
    // Reloaded on a later page before the rules have loaded: that page is drawn once they have.
    if (!iv) return step || pages[0].key;
    return iv.next || 'check';
  }

  _go(step, focus = true) {
    this._step = step;
    this._persist.cancel();
    this._save();
    this._renderStep(focus);
    this._pushHistory(this._step);
    this.dispatchEvent(new CustomEvent('s117-step', { bubbles: true, composed: true, detail: { step } }));
  }

  /** The page before this one, for the back link. */
  _previous(step) {
    if (this._returnTo === 'check' && step !== 'check') return 'check';
    if (step === 'result') return 'check';
    const pages = this._pages();
    if (step === ELSEWHERE_STEP) return (pages.find((p) => p.questions.some((q) => q.path === 'detentions[0].detained_in')) || pages[0]).key;
    if (step === 'check') return pages.length ? pages[pages.length - 1].key : null;
    const i = pages.findIndex((p) => p.key === step);
    return i > 0 ? pages[i - 1].key : null;
  }

  _renderStep(focus) {
    const step = this._currentStep();
    this._step = step;
    this._forgetWaiting();
    this.$page.textContent = '';
    if ((step === 'result' || step === 'check') && !hasPart('answer')) {
      // Their part is normally here already (fetched once the rules loaded); until it is, the page says so.
      append(this.$page, [
        this._backLink(step) || '',
        h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: step === 'result' ? t('widget.page.result') : t('widget.page.check') }),
      ]);
      this._need(() => this._renderStep(false), { core: false, parts: ['answer'], ...PART_TEXTS.answer });
    } else if (step === ELSEWHERE_STEP) this._renderElsewhere();
    else if (step === 'result') this._renderResultPage();
    else if (step === 'check') this._renderCheck();
    else this._renderQuestion(step);
    if (focus) {
      const $focus = this.$page.querySelector('.js-s117-error-summary:not([hidden])') || this.$page.querySelector('.js-s117-focus');
      if ($focus) $focus.focus();
    }
    this._updateTitle();
  }

  /** A back link (a button: the journey does not touch the host page's URL). */
  _backLink(step) {
    const prev = this._previous(step);
    if (!prev) return null;
    return h('button', { class: 's117-back-link', type: 'button', text: t('widget.page.back'), onclick: () => this._go(prev) });
  }

}


installSteps(S117Checker);
installTools(S117Checker);
installNav(S117Checker);
installBrand(S117Checker);
S117Checker.define();
