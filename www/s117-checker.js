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
const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';
const ICBS_ESTABLISHED = '2022-07-01';

/** Base class for errors this module throws, so hosts can tell them apart. */
export class S117Error extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'S117Error';
  }
}

/** The WebAssembly module could not be loaded. */
export class S117LoadError extends S117Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'S117LoadError';
  }
}

/** A file or value given as answers is not a Case. */
export class S117AnswersError extends S117Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'S117AnswersError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Answer options. Values are the contract's values exactly (src/case.rs); labels are plain English, as the person.
// ---------------------------------------------------------------------------------------------------------------

const UNKNOWN = '__unknown';

const HOSPITAL_COUNTRIES = [
  { value: 'england', label: 'England' },
  { value: 'wales', label: 'Wales' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'northern_ireland', label: 'Northern Ireland' },
];

const LIVED_COUNTRIES = [
  { value: 'england', label: 'England' },
  { value: 'wales', label: 'Wales' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'northern_ireland', label: 'Northern Ireland' },
  { value: 'outside_uk', label: 'Outside the UK' },
  { value: 'no_settled_home', label: 'I had no settled home', hint: 'For example, you were homeless, sofa-surfing or moving between places.' },
];

const LIVES_NOW_COUNTRIES = LIVED_COUNTRIES.map((o) =>
  o.value === 'no_settled_home' ? { value: o.value, label: 'I have no settled home' } : o,
);

/** Sections, the common ones first. `more: true` ones sit under "Other sections". */
const SECTIONS = [
  { value: '3', label: 'Section 3: detained for treatment', hint: 'Usually for up to 6 months at first, and it can be renewed. Choose this too if a section 2 was changed to a section 3.' },
  { value: '2', label: 'Section 2: detained for assessment', hint: 'For up to 28 days.' },
  { value: '37', label: 'Section 37: hospital order made by a court' },
  { value: '37/41', label: 'Section 37/41: hospital order with a restriction order', hint: 'The Ministry of Justice must agree to leave and discharge.' },
  { value: '47', label: 'Section 47: moved from prison to hospital after sentence' },
  { value: '47/49', label: 'Section 47/49: moved from prison after sentence, with restrictions' },
  { value: '48', label: 'Section 48: moved to hospital from prison or immigration detention before sentence' },
  { value: '48/49', label: 'Section 48/49: as section 48, with restrictions' },
  { value: '45A', label: 'Section 45A: hospital direction', hint: 'A court sent you to hospital as well as giving you a prison sentence.' },
  { value: 'informal', label: 'I was not on a section (an informal or voluntary patient)' },
  { value: 'unknown', label: 'I don’t know', hint: 'We’ll tell you what depends on it and how to find out.' },
  { value: '4', label: 'Section 4: emergency admission for assessment', hint: 'For up to 72 hours.', more: true },
  { value: '5(2)', label: 'Section 5(2): held by a doctor while already in hospital', hint: 'For up to 72 hours.', more: true },
  { value: '5(4)', label: 'Section 5(4): held by a nurse while already in hospital', hint: 'For up to 6 hours.', more: true },
  { value: '135', label: 'Section 135: taken to a place of safety under a warrant', more: true },
  { value: '136', label: 'Section 136: taken to a place of safety by the police', more: true },
  { value: '35', label: 'Section 35: remanded to hospital by a court for a report', more: true },
  { value: '36', label: 'Section 36: remanded to hospital by a court for treatment', more: true },
  { value: '38', label: 'Section 38: interim hospital order', more: true },
  { value: '7', label: 'Guardianship (section 7, or a guardianship order)', hint: 'Guardianship is not a stay in hospital.', more: true },
];

const QUALIFYING = new Set(['3', '37', '37/41', '45A', '47', '47/49', '48', '48/49']);
const PART_3 = new Set(['37', '37/41', '45A', '47', '47/49', '48', '48/49', '35', '36', '38']);
const CTO_AFTER = new Set(['3', '37', '47', '48', 'unknown']);
const RESTRICTED = new Set(['37/41', '45A', '47/49', '48/49', 'unknown']);
const FROM_PRISON = new Set(['45A', '47', '47/49', '48', '48/49', 'unknown']);

const LEAVINGS = [
  { value: 'discharged', label: 'I was discharged and left hospital', hint: 'The section ended and you went home, or somewhere else to live.' },
  { value: 'cto', label: 'I left on a community treatment order (CTO)', hint: 'You live in the community with conditions and can be recalled to hospital.', when: (s) => CTO_AFTER.has(s) },
  { value: 'conditional_discharge', label: 'I was conditionally discharged', hint: 'A tribunal or the Ministry of Justice discharged you with conditions, and you can be recalled.', when: (s) => RESTRICTED.has(s) },
  { value: 's17_leave', label: 'I’m on section 17 leave, living outside hospital overnight or longer', hint: 'For example, trial leave at home or in supported housing while still on the section.' },
  { value: 'escorted_leave_only', label: 'I’ve only had escorted trips out, and I still live in hospital', hint: 'Short trips with staff, coming back the same day.' },
  { value: 'stayed_informally', label: 'The section ended, but I stayed in hospital as an informal patient', hint: 'If you have left since, we’ll ask when.' },
  { value: 'still_in_hospital', label: 'I’m still in hospital on the section' },
  { value: 'returned_to_prison', label: 'I went back to prison', when: (s) => FROM_PRISON.has(s) },
  { value: UNKNOWN, label: 'I don’t know' },
];
const LEFT = new Set(['discharged', 'cto', 'conditional_discharge', 's17_leave', 'returned_to_prison']);

const RECALLS_CTO = [
  { value: 'cto_revoked', label: 'Yes, and my CTO was revoked', hint: 'You went back onto section 3.' },
  { value: 'cto_recall_not_revoked', label: 'Yes, but my CTO was not revoked', hint: 'You went back onto the CTO afterwards (a recall lasts up to 72 hours).' },
  { value: UNKNOWN, label: 'No, it was a new detention' },
];
const RECALLS_CD = [
  { value: 'conditional_discharge_recall', label: 'Yes, the Ministry of Justice recalled me' },
  { value: UNKNOWN, label: 'No, it was a new detention' },
];

const CIRCUMSTANCES = [
  { key: 'placed_by', label: 'A council arranged for me to live there', hint: 'For example, in a care home or supported housing, possibly outside its own area.' },
  { key: 'lacked_capacity', label: 'I could not decide for myself where to live, so someone decided for me', hint: 'This is called lacking mental capacity to decide.' },
  { key: 'required_by_discharge_condition', label: 'A condition of my conditional discharge said I had to live there', onlyAfterCd: true },
  { key: 'informal_in_hospital_after_losing_home', label: 'I was already in hospital as an informal patient, and had lost my previous home' },
];

const ENDING_REASONS = [
  { value: 'no_longer_needed', label: 'They decided I no longer need after-care', hint: 'After a review of what you need.' },
  { value: 'discharged_from_mental_health_services', label: 'I was discharged from the community mental health team or other specialist services' },
  { value: 'time_passed', label: 'Enough time had passed' },
  { value: 'dols', label: 'I’m under a Deprivation of Liberty authorisation or a Court of Protection order' },
  { value: 'readmitted_informally_or_s2', label: 'I went back into hospital informally or under section 2' },
  { value: 'cto_ended', label: 'My community treatment order ended' },
  { value: 'refused_services', label: 'I turned down some services' },
  { value: 'other', label: 'Another reason, or no reason was given' },
];

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const YES_NO_UNKNOWN = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
  { value: UNKNOWN, label: 'I don’t know' },
];


const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------

const DOM_PROPS = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'open', 'tabIndex', 'defaultChecked', 'readOnly', 'multiple']);

/**
 * Creates an element. Strings among `children` become text nodes, so user text is never parsed as HTML.
 * `props`: `class`, `text` (textContent), `on<event>` listeners, DOM properties (value, checked, …) and attributes.
 * @param {string} tag
 * @param {Record<string, any>|null} [props]
 * @param {...any} children
 * @returns {HTMLElement}
 */
function h(tag, props, ...children) {
  const $el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') $el.className = value;
      else if (key === 'text') $el.textContent = String(value);
      else if (key.startsWith('on') && typeof value === 'function') $el.addEventListener(key.slice(2), value);
      else if (DOM_PROPS.has(key)) $el[key] = value;
      else if (key === 'style') throw new S117Error('inline styles are not allowed (CSP)');
      else $el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append($el, children);
  return $el;
}

/**
 * Appends children (nodes, strings, arrays, or nothing) to an element.
 * @param {Node} $parent
 * @param {any[]} children
 */
function append($parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false || child === '') continue;
    $parent.append(child instanceof Node ? child : String(child));
  }
}

/** A span only screen readers hear. @param {string} text */
function vh(text) {
  return h('span', { class: 's117-visually-hidden', text });
}

/** Deep copy of plain JSON data. @template T @param {T} value @returns {T} */
function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * A copy with empty values removed (undefined, null, '', empty objects), so saved answers carry only what was said.
 * Empty arrays are kept only for `detentions`.
 * @param {any} value
 * @param {string} [key]
 */
function clean(value, key) {
  if (Array.isArray(value)) {
    const items = value.map((v) => clean(v)).filter((v) => v !== undefined);
    return items.length || key === 'detentions' ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v, k);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === null || value === '' || (typeof value === 'string' && value.trim() === '')) return undefined;
  return value;
}

/**
 * Splits a contract path such as `detentions[1].lived_before.council` into keys.
 * @param {string} path
 * @returns {(string|number)[]}
 */
function pathKeys(path) {
  const keys = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) continue;
    keys.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]));
  }
  return keys;
}

/** @param {any} obj @param {string} path */
function getPath(obj, path) {
  let cur = obj;
  for (const k of pathKeys(path)) {
    if (cur === undefined || cur === null) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Sets (or, for undefined, deletes) a value at a path, creating objects on the way. */
function setPath(obj, path, value) {
  const keys = pathKeys(path);
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof keys[i + 1] === 'number' ? [] : {};
    cur = cur[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
function localToday() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Is this a contract date (YYYY, YYYY-MM or YYYY-MM-DD) that exists? @param {any} s */
function isContractDate(s) {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (d && (Number(d) < 1 || Number(d) > daysIn(Number(y), Number(mo)))) return false;
  return true;
}

/** @param {number} year @param {number} month 1-12 */
function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "14 May 2023", "May 2023" or "2023": a date keeps the precision it was given with. @param {string} s */
function longDate(s) {
  const m = DATE_RE.exec(s || '');
  if (!m) return s || '';
  const [, y, mo, d] = m;
  if (!mo) return y;
  if (!d) return `${MONTHS[Number(mo) - 1]} ${y}`;
  return `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}`;
}

/** The earliest day a contract date can mean. @param {string} s */
function firstDay(s) {
  const m = DATE_RE.exec(s || '');
  if (!m) return '';
  return `${m[1]}-${m[2] || '01'}-${m[3] || '01'}`;
}

/** "1st", "2nd", … for stay captions. @param {number} n */
function ordinal(n) {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  return words[n - 1] || `${n}th`;
}

/** Label for an option value, or the value itself. */
function labelOf(options, value) {
  const found = options.find((o) => o.value === value);
  return found ? found.label : value;
}

/** Section in a short form for summaries: "Section 3", "Informal", "Not known". */
function sectionShort(value) {
  if (value === undefined) return 'Not answered';
  if (value === 'unknown') return 'Not known';
  if (value === 'informal') return 'Informal (not on a section)';
  if (value === '7') return 'Guardianship';
  return `Section ${value}`;
}

/** Matches names loosely: lower case, "&" as "and", punctuation as spaces. @param {string} s */
function normalise(s) {
  return String(s || '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Runs `fn` at most once per `ms`, after the last call. */
function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.flush = (...args) => {
    clearTimeout(timer);
    fn(...args);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** Offers `data` as a file download (Blob + a[download]); needs no network and no inline script. */
function download(filename, data, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const $a = h('a', { href: url, download: filename, hidden: true });
  document.body.append($a);
  $a.click();
  $a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** sessionStorage that never throws (it can be missing or blocked in private modes and sandboxed frames). */
const session = {
  /** @param {string} key */
  get(key) {
    try {
      const raw = window.sessionStorage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  },
  /** @param {string} key @param {any} value */
  set(key, value) {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  },
  /** @param {string} key */
  remove(key) {
    try {
      window.sessionStorage.removeItem(key);
    } catch {
      /* nothing stored, nothing to remove */
    }
  },
};

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
      mod.install(S117Checker, KIT);
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

/** Adds the methods of a part's class to the element's class. */
function mixin(Checker, Part) {
  for (const key of Object.getOwnPropertyNames(Part.prototype)) {
    if (key !== 'constructor') Object.defineProperty(Checker.prototype, key, Object.getOwnPropertyDescriptor(Part.prototype, key));
  }
}

/**
 * The place where an action that needs the core says it is waiting, or that the core could not load: a polite
 * live region that is always in the document (so what is put in it is announced), and an alert with "Try again".
 */
function coreSlot(texts = {}) {
  const loadingText = texts.loading || 'Loading the checker’s rules. This usually takes a moment…';
  const failedText = texts.failed || 'Sorry, the checker’s rules could not be loaded.';
  const $status = h('div', { class: 's117-core-status', role: 'status', 'aria-live': 'polite' });
  const $alert = h('div', { role: 'alert' });
  const $retry = h('button', { class: 's117-button s117-button--secondary', type: 'button', text: 'Try again' });
  const $error = h('div', { class: 's117-load-error', tabindex: '-1', hidden: true }, $alert, $retry);
  let retry = null;
  $retry.addEventListener('click', () => {
    if (retry) retry();
  });
  return {
    el: h('div', { class: 's117-core-slot' }, $status, $error),
    /** Shows (and announces) that the rules (or `text`'s subject) are loading. @param {string} [text] */
    loading(text = loadingText) {
      $error.hidden = true;
      $alert.textContent = '';
      $status.textContent = '';
      $status.append(h('p', { class: 's117-core-status__message', text }));
    },
    /**
     * Shows that the rules (or `text`'s subject) could not load, with a button that calls `again`.
     * @param {() => void} again @param {boolean} [focus] @param {string} [text]
     */
    error(again, focus = true, text = failedText) {
      $status.textContent = '';
      retry = again;
      $alert.textContent = '';
      $alert.append(
        h('p', { class: 's117-body s117-load-error__title', text }),
        h('p', { class: 's117-body', text: 'Check your internet connection, then try again. Your answers so far are kept.' }),
      );
      $error.hidden = false;
      if (focus) $error.focus();
    },
    clear() {
      $status.textContent = '';
      $alert.textContent = '';
      $error.hidden = true;
      retry = null;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The model: the answers are kept as a Case (minus `as_at`), plus a little journey state (`meta`).
// ---------------------------------------------------------------------------------------------------------------

/** A stay in hospital the person has started to describe. */
function newStay() {
  return { lived_before: {} };
}

/** An empty set of answers. */
function emptyAnswers() {
  return { detentions: [newStay()] };
}

/** Is this hospital under the Mental Health Act 1983 (England or Wales)? A stay not yet placed counts as yes. */
function isEW(d) {
  return d.detained_in === undefined || d.detained_in === 'england' || d.detained_in === 'wales';
}

/** Could this stay lead to after-care, so that its details matter? (A qualifying section, or not known.) */
function sectionMatters(d) {
  return d.section === undefined || d.section === 'unknown' || QUALIFYING.has(d.section);
}

/** Mirrors the core's `is_qualifying` (used only to decide which questions to ask). */
function isQualifying(d) {
  if (d.recall === 'cto_recall_not_revoked') return false;
  return QUALIFYING.has(d.section) || (d.section === 'unknown' && (d.leaving === 'cto' || d.leaving === 'conditional_discharge'));
}

/** Has the person left hospital after this stay? */
function hasLeft(d) {
  if (LEFT.has(d.leaving)) return true;
  if (d.leaving === 'stayed_informally' || d.leaving === undefined) return Boolean(d.left_hospital);
  return false;
}

/** Did the person live in England or Wales before this stay? */
function livedEW(d) {
  const c = d.lived_before && d.lived_before.country;
  return c === 'england' || c === 'wales';
}

/** The kind of recall question a stay needs, from how the stay before it ended. */
function recallKind(c, i) {
  const prev = c.detentions[i - 1];
  if (!prev) return null;
  if (prev.leaving === 'cto') return 'cto';
  if (prev.leaving === 'conditional_discharge') return 'cd';
  return null;
}

/** Did any earlier stay end in a conditional discharge? */
function hadConditionalDischargeBefore(c, i) {
  return c.detentions.slice(0, i).some((d) => d.leaving === 'conditional_discharge');
}

/** The English/Welsh stays that qualify, with their indexes. */
function qualifyingStays(c) {
  return c.detentions.map((d, i) => ({ d, i })).filter(({ d }) => isEW(d) && isQualifying(d));
}

/**
 * Which GP question (if any) the NHS rule needs, mirroring the core's choice of field:
 * `{ path, when }` where `when` is the date the GP's ICB matters on.
 */
function gpQuestion(c) {
  const q = qualifyingStays(c);
  if (!q.length) return null;
  const latest = q[q.length - 1].d;
  const country = livedEW(latest) ? latest.lived_before.country : c.lives_now && c.lives_now.country;
  if (country === 'wales') return null;
  const ended = c.aftercare_ended;
  let start = q[0];
  if (ended && ended.reason === 'no_longer_needed' && ended.joint_written_decision === true && ended.date) {
    start = q.find(({ d }) => d.admitted && firstDay(d.admitted) > firstDay(ended.date)) || q[q.length - 1];
  }
  const began = start.d.admitted;
  if (began && firstDay(began) < ICBS_ESTABLISHED) return { path: 'gp_icb_on_1_july_2022', when: 'july-2022', start };
  if (began && PART_3.has(start.d.section)) {
    // Part 3 from July 2022: the GP's ICB matters only for a secure service arranged by NHS England.
    const secureYes = start.d.nhs_england_secure_service === true;
    return { path: secureYes ? `detentions[${start.i}].gp_icb` : null, when: began, start, secure: true };
  }
  return { path: `detentions[${start.i}].gp_icb`, when: began, start, secure: false };
}

/**
 * The questions that the answers so far make relevant, in order.
 * @param {any} c answers
 * @param {any} m journey state
 * @returns {string[]}
 */
function journeySteps(c, m) {
  const steps = [];
  c.detentions.forEach((d, i) => {
    const ew = isEW(d);
    steps.push(`stay/${i}/hospital`);
    if (ew) steps.push(`stay/${i}/section`);
    if (ew && i > 0 && recallKind(c, i) && d.section !== 'informal') steps.push(`stay/${i}/recall`);
    steps.push(`stay/${i}/lived`);
    const matters = ew && sectionMatters(d);
    if (matters && livedEW(d)) steps.push(`stay/${i}/council`, `stay/${i}/circumstances`);
    if (matters) steps.push(`stay/${i}/leaving`);
    steps.push(`stay/${i}/dates`);
  });
  steps.push('stays');
  const relevant = c.detentions.filter((d) => isEW(d) && sectionMatters(d));
  if (relevant.some((d) => d.lived_before && d.lived_before.country && !livedEW(d))) {
    steps.push('lives-now');
    if (c.lives_now && (c.lives_now.country === 'england' || c.lives_now.country === 'wales')) steps.push('lives-now-council');
  }
  const left = relevant.some(hasLeft);
  if (left) {
    steps.push('ended');
    if (m.told === 'yes') {
      steps.push('ended-reason', 'ended-date');
      if (c.aftercare_ended && c.aftercare_ended.reason === 'no_longer_needed') steps.push('ended-joint');
    }
  }
  const gp = gpQuestion(c);
  if (gp && gp.secure) steps.push('secure');
  if (gp && gp.path) steps.push('gp');
  if (left) {
    steps.push('charges');
    if (m.told_charges === 'yes') steps.push('charge-details');
  }
  steps.push('check');
  return steps;
}

/** Has enough of this stay been told for the contract (where the hospital was, the section, where they lived)? */
function isComplete(d) {
  return Boolean(d.detained_in && (d.section || !isEW(d)) && d.lived_before && d.lived_before.country);
}

/**
 * The Case for the core: the answers plus `as_at`. A stay outside England and Wales has no section under the Act,
 * so its section is `unknown`. A stay still being described is left out, unless `partial` is set: then neutral
 * placeholders stand in, so the facts given so far can be checked while the person is still answering.
 * @param {any} c
 * @param {string} asAt
 * @param {boolean} [partial]
 */
function toCase(c, asAt, partial = false) {
  const out = clean(clone(c)) || {};
  out.detentions = (out.detentions || [])
    .filter((d) => partial || isComplete(d))
    .map((d) => ({
      ...d,
      section: d.section || 'unknown',
      detained_in: d.detained_in || 'england',
      lived_before: { ...(d.lived_before || {}), country: (d.lived_before && d.lived_before.country) || 'no_settled_home' },
    }));
  if (out.aftercare_ended && !out.aftercare_ended.reason) out.aftercare_ended.reason = 'other';
  if (out.charges) {
    out.charges = out.charges.map((ch) => ({ ...ch, chosen_dearer_placement_with_written_agreement: ch.chosen_dearer_placement_with_written_agreement === true }));
  }
  return { as_at: asAt, ...out };
}

/**
 * Answers from a Case (a saved file, or `element.answers = …`). `as_at` is dropped: the check is always as of today
 * (or the `as-at` attribute).
 * @param {any} value
 */
function fromCase(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new S117AnswersError('Answers must be an object (a Case).');
  const c = clone(value);
  delete c.as_at;
  if (!Array.isArray(c.detentions)) c.detentions = [];
  for (const d of c.detentions) {
    if (!d || typeof d !== 'object') throw new S117AnswersError('Each stay in `detentions` must be an object.');
    if (!d.lived_before) d.lived_before = {};
  }
  if (!c.detentions.length) c.detentions.push(newStay());
  return c;
}

/** Journey state that fits answers loaded whole (from a file or the API): every question counts as answered. */
function metaForLoaded(c) {
  const m = { step: 'check', answered: {}, told: c.aftercare_ended ? 'yes' : 'no', told_charges: c.charges && c.charges.length ? 'yes' : 'no', more_stays: 'no' };
  for (const s of journeySteps(c, m)) m.answered[s] = true;
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// Form controls (GOV.UK Design System patterns). Each returns a Control:
//   { el, focusId(), get() -> { value } | { error }, setError(message|null) }
// ---------------------------------------------------------------------------------------------------------------

/** Adds an id to an element's aria-describedby. */
function describe($el, id) {
  const ids = new Set((($el.getAttribute('aria-describedby') || '').split(/\s+/)).filter(Boolean));
  ids.add(id);
  $el.setAttribute('aria-describedby', [...ids].join(' '));
}

/** Removes an id from an element's aria-describedby. */
function undescribe($el, id) {
  const ids = (($el.getAttribute('aria-describedby') || '').split(/\s+/)).filter((x) => x && x !== id);
  if (ids.length) $el.setAttribute('aria-describedby', ids.join(' '));
  else $el.removeAttribute('aria-describedby');
}

/**
 * The error message slot of a form group, wired to the elements it describes.
 * @param {HTMLElement} $group
 * @param {string} id
 * @param {() => HTMLElement[]} targets elements whose aria-describedby should name the message
 */
function errorSlot($group, id, targets) {
  const msgId = `${id}-error`;
  const $msg = h('p', { class: 's117-error-message', id: msgId, hidden: true });
  return {
    $msg,
    /** @param {string|null|undefined} message */
    set(message) {
      $msg.textContent = '';
      if (message) {
        append($msg, [vh('Error: '), message]);
        $msg.hidden = false;
        $group.classList.add('s117-form-group--error');
        for (const $t of targets()) {
          describe($t, msgId);
          if ($t.matches('input, textarea, select')) $t.classList.add('s117-input--error');
        }
      } else {
        $msg.hidden = true;
        $group.classList.remove('s117-form-group--error');
        for (const $t of targets()) {
          undescribe($t, msgId);
          $t.classList.remove('s117-input--error');
        }
      }
    },
  };
}

/**
 * A legend or label's content: an optional caption, then the text, as the page heading when `heading` is set.
 * @param {{ text: string, heading?: boolean, caption?: string, size?: string }} o
 */
function legendContent({ text, heading, caption }) {
  const $caption = caption ? h('span', { class: 's117-caption', text: caption }) : null;
  if (heading) {
    return [$caption, h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text })];
  }
  return [$caption, text];
}

/**
 * A fieldset's legend: large when it is the page's heading, small otherwise.
 * @param {{ legend: string, heading?: boolean, caption?: string }} o
 */
function fieldsetLegend(o) {
  const size = o.heading ? 's117-fieldset__legend--l' : 's117-fieldset__legend--s';
  return h('legend', { class: `s117-fieldset__legend ${size}` }, legendContent({ text: o.legend, heading: o.heading, caption: o.caption }));
}

/** Shows each choice's conditional part (`#<input id>-conditional`, inside $container) while the choice is checked. */
function syncReveals($container, $inputs) {
  for (const $i of $inputs) {
    const $reveal = $container.querySelector(`#${CSS.escape($i.id)}-conditional`);
    if ($reveal) $reveal.hidden = !$i.checked;
  }
}

/**
 * Radios in a fieldset. Options: { value, label, hint, more, reveal }; `more` options sit behind "Show more".
 * @param {{ id: string, legend: string, heading?: boolean, caption?: string, hint?: string|Node, options: any[],
 *   value?: string, required?: string, small?: boolean, inline?: boolean, moreLabel?: string, onChange?: Function }} o
 */
function radios(o) {
  const hintId = `${o.id}-hint`;
  const $fieldset = h('fieldset', { class: 's117-fieldset' });
  const $group = h('div', { class: 's117-form-group' }, $fieldset);
  const $inputs = [];
  const slot = errorSlot($group, o.id, () => [$fieldset]);
  const $main = h('div', { class: `s117-radios${o.small ? ' s117-radios--small' : ''}${o.inline ? ' s117-radios--inline' : ''}` });
  const $more = h('div', { class: 's117-radios s117-radios--more' });
  let first = true;
  let hasMore = false;
  let moreChecked = false;
  o.options.forEach((opt, n) => {
    const inputId = first ? o.id : `${o.id}-${n}`;
    first = false;
    const optHintId = opt.hint ? `${inputId}-item-hint` : null;
    const checked = o.value !== undefined ? o.value === opt.value : false;
    const $input = h('input', {
      class: 's117-radios__input',
      id: inputId,
      name: o.id,
      type: 'radio',
      value: opt.value,
      checked,
      'aria-describedby': optHintId,
    });
    $inputs.push($input);
    const $item = h(
      'div',
      { class: 's117-radios__item' },
      $input,
      h('label', { class: 's117-label s117-radios__label', for: inputId, text: opt.label }),
      opt.hint ? h('div', { class: 's117-hint s117-radios__hint', id: optHintId, text: opt.hint }) : null,
    );
    if (opt.more) {
      hasMore = true;
      if (checked) moreChecked = true;
      $more.append($item);
    } else {
      $main.append($item);
    }
    if (opt.reveal) {
      const $reveal = h('div', { class: 's117-radios__conditional', id: `${inputId}-conditional`, hidden: !checked }, opt.reveal);
      ($more.contains($item) ? $more : $main).append($reveal);
      $input.setAttribute('aria-controls', `${inputId}-conditional`);
    }
  });
  $group.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'radio') {
      syncReveals($group, $inputs);
      if (o.onChange) o.onChange(e.target.value === UNKNOWN ? undefined : e.target.value);
    }
  });
  append($fieldset, [
    fieldsetLegend(o),
    o.hint ? h('div', { class: 's117-hint', id: hintId }, o.hint) : null,
    slot.$msg,
    $main,
    hasMore
      ? h('details', { class: 's117-details', open: moreChecked }, h('summary', { class: 's117-details__summary' }, h('span', { class: 's117-details__summary-text', text: o.moreLabel || 'Show more options' })), h('div', { class: 's117-details__text' }, $more))
      : null,
  ]);
  if (o.hint) $fieldset.setAttribute('aria-describedby', hintId);
  return {
    el: $group,
    focusId: () => o.id,
    get() {
      const $c = $inputs.find(($i) => $i.checked);
      if (!$c) return o.required ? { error: o.required } : { value: undefined };
      return { value: $c.value === UNKNOWN ? undefined : $c.value };
    },
    setError: slot.set,
  };
}

/**
 * A question of one control: its title, its form and the binding of the control's answer.
 * @param {string} title
 * @param {{ el: HTMLElement }} control
 * @param {{ path?: string, apply?: (value: any) => void }} binding
 */
function question(title, control, binding) {
  return { title, body: [control.el], bindings: [{ control, ...binding }] };
}

/**
 * Checkboxes in a fieldset. Options: { key, label, hint, checked, exclusive, reveal }.
 * `get()` returns { value: { key: true|false } }.
 */
function checkboxes(o) {
  const hintId = `${o.id}-hint`;
  const $fieldset = h('fieldset', { class: 's117-fieldset', 'aria-describedby': o.hint ? hintId : null });
  const $group = h('div', { class: 's117-form-group' }, $fieldset);
  const slot = errorSlot($group, o.id, () => [$fieldset]);
  const $list = h('div', { class: `s117-checkboxes${o.small ? ' s117-checkboxes--small' : ''}` });
  const $inputs = [];
  o.options.forEach((opt, n) => {
    const inputId = n === 0 ? o.id : `${o.id}-${n}`;
    const optHintId = opt.hint ? `${inputId}-item-hint` : null;
    const $input = h('input', { class: 's117-checkboxes__input', id: inputId, type: 'checkbox', value: opt.key, checked: Boolean(opt.checked), 'aria-describedby': optHintId });
    $input.dataset.exclusive = opt.exclusive ? 'true' : '';
    $inputs.push($input);
    if (opt.exclusive) $list.append(h('div', { class: 's117-checkboxes__divider', text: 'or' }));
    $list.append(
      h(
        'div',
        { class: 's117-checkboxes__item' },
        $input,
        h('label', { class: 's117-label s117-checkboxes__label', for: inputId, text: opt.label }),
        opt.hint ? h('div', { class: 's117-hint s117-checkboxes__hint', id: optHintId, text: opt.hint }) : null,
      ),
    );
    if (opt.reveal) {
      $list.append(h('div', { class: 's117-checkboxes__conditional', id: `${inputId}-conditional`, hidden: !opt.checked }, opt.reveal));
      $input.setAttribute('aria-controls', `${inputId}-conditional`);
    }
  });
  $list.addEventListener('change', (e) => {
    const $t = e.target;
    if (!($t instanceof HTMLInputElement) || $t.type !== 'checkbox') return;
    if ($t.checked) {
      for (const $i of $inputs) {
        if ($i !== $t && (($t.dataset.exclusive && !$i.dataset.exclusive) || (!$t.dataset.exclusive && $i.dataset.exclusive))) $i.checked = false;
      }
    }
    syncReveals($list, $inputs);
  });
  append($fieldset, [
    o.legend ? fieldsetLegend(o) : null,
    o.hint ? h('div', { class: 's117-hint', id: hintId }, o.hint) : null,
    slot.$msg,
    $list,
  ]);
  return {
    el: $group,
    focusId: () => o.id,
    get() {
      const value = {};
      for (const $i of $inputs) value[$i.value] = $i.checked;
      if (o.required && !$inputs.some(($i) => $i.checked)) return { error: o.required };
      return { value };
    },
    setError: slot.set,
  };
}

/**
 * A text input (or textarea) with its label.
 * @param {{ id: string, label: string, heading?: boolean, caption?: string, hint?: string, value?: string,
 *   autocomplete?: string, inputmode?: string, type?: string, width?: string, textarea?: boolean, rows?: number,
 *   spellcheck?: boolean, required?: string, maxlength?: number }} o
 */
function textField(o) {
  const hintId = `${o.id}-hint`;
  const $input = o.textarea
    ? h('textarea', { class: 's117-textarea', id: o.id, name: o.id, rows: o.rows || 3, autocomplete: o.autocomplete, spellcheck: o.spellcheck === false ? 'false' : null, maxlength: o.maxlength || 2000 })
    : h('input', {
        class: `s117-input${o.width ? ` s117-input--width-${o.width}` : ''}`,
        id: o.id,
        name: o.id,
        type: o.type || 'text',
        autocomplete: o.autocomplete,
        inputmode: o.inputmode,
        spellcheck: o.spellcheck === false ? 'false' : null,
        maxlength: o.maxlength || 300,
      });
  $input.value = o.value || '';
  if (o.hint) $input.setAttribute('aria-describedby', hintId);
  const $label = h('label', { class: `s117-label${o.heading ? ' s117-label--l' : ' s117-label--s'}`, for: o.id, text: o.label });
  const $group = h('div', { class: 's117-form-group' });
  const slot = errorSlot($group, o.id, () => [$input]);
  append($group, [
    o.heading ? [o.caption ? h('span', { class: 's117-caption', text: o.caption }) : null, h('h2', { class: 's117-label-wrapper js-s117-focus', tabindex: '-1' }, $label)] : $label,
    o.hint ? h('div', { class: 's117-hint', id: hintId, text: o.hint }) : null,
    slot.$msg,
    $input,
  ]);
  return {
    el: $group,
    input: $input,
    focusId: () => o.id,
    get() {
      const v = $input.value.trim();
      if (!v && o.required) return { error: o.required };
      return { value: v || undefined };
    },
    setError: slot.set,
  };
}

const MONTH_WORDS = MONTHS.map((m) => m.toLowerCase());

/** Reads a month typed as a number or a name ("3", "03", "mar", "March"). @param {string} s */
function readMonth(s) {
  const t = s.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  if (t.length >= 3) {
    const i = MONTH_WORDS.findIndex((m) => m.startsWith(t));
    if (i >= 0) return i + 1;
  }
  return NaN;
}

/**
 * A GOV.UK date input (day, month, year). Leaving the day blank gives a month (YYYY-MM); leaving day and month
 * blank gives a year (YYYY): "I only know the month or year".
 * @param {{ id: string, legend: string, subject: string, hint?: string, value?: string, optional?: boolean,
 *   heading?: boolean, caption?: string }} o `subject` names the date in error messages ("The date you left hospital").
 */
function dateField(o) {
  const hintId = `${o.id}-hint`;
  const m = DATE_RE.exec(o.value || '');
  const part = (name, label, width, val, autocomplete) =>
    h(
      'div',
      { class: 's117-date-input__item' },
      h('label', { class: 's117-label s117-date-input__label', for: name === 'day' ? o.id : `${o.id}-${name}`, text: label }),
      h('input', {
        class: `s117-input s117-date-input__input s117-input--width-${width}`,
        id: name === 'day' ? o.id : `${o.id}-${name}`,
        name: `${o.id}-${name}`,
        type: 'text',
        inputmode: name === 'month' ? 'text' : 'numeric',
        autocomplete,
        spellcheck: 'false',
        maxlength: name === 'month' ? 9 : name === 'year' ? 4 : 2,
        value: val || '',
      }),
    );
  const $day = part('day', 'Day', 2, m && m[3] ? String(Number(m[3])) : '', o.autocomplete ? `${o.autocomplete}-day` : null);
  const $month = part('month', 'Month', 2, m && m[2] ? String(Number(m[2])) : '', o.autocomplete ? `${o.autocomplete}-month` : null);
  const $year = part('year', 'Year', 4, m ? m[1] : '', o.autocomplete ? `${o.autocomplete}-year` : null);
  const $inputs = [$day, $month, $year].map(($p) => $p.querySelector('input'));
  const $fieldset = h('fieldset', { class: 's117-fieldset', role: 'group', 'aria-describedby': hintId });
  const $group = h('div', { class: 's117-form-group' }, $fieldset);
  let bad = [];
  const slot = errorSlot($group, o.id, () => [$fieldset]);
  const defaultHint = `For example, ${o.example || '27 3 2021'}. If you only know the month or the year, leave the day (or the day and month) blank.`;
  append($fieldset, [
    fieldsetLegend(o),
    h('div', { class: 's117-hint', id: hintId, text: o.hint ? `${o.hint} ${defaultHint}` : defaultHint }),
    slot.$msg,
    h('div', { class: 's117-date-input', id: `${o.id}-input` }, $day, $month, $year),
  ]);
  return {
    el: $group,
    focusId: () => (bad[0] ? bad[0].id : o.id),
    get() {
      const [d, mo, y] = $inputs.map(($i) => $i.value.trim());
      bad = [];
      const fail = (message, ...which) => {
        bad = which;
        return { error: message };
      };
      const [$d, $m, $y] = $inputs;
      if (!d && !mo && !y) return o.optional ? { value: undefined } : fail(`Enter ${o.subject.replace(/^The /, 'the ')}`, $d);
      if (!y) return fail(`${o.subject} must include a year`, $y);
      if (!/^\d{4}$/.test(y)) return fail('Year must include 4 numbers, for example 2021', $y);
      if (Number(y) < 1900) return fail('Year must be 1900 or later', $y);
      if (d && !mo) return fail(`${o.subject} must include a month. If you only know the year, leave the day blank too`, $m);
      let month = 0;
      if (mo) {
        month = readMonth(mo);
        if (!(month >= 1 && month <= 12)) return fail('Month must be a number from 1 to 12, or a month’s name', $m);
      }
      if (d) {
        if (!/^\d{1,2}$/.test(d)) return fail('Day must be a number, for example 27', $d);
        const day = Number(d);
        if (day < 1 || day > daysIn(Number(y), month)) return fail(`${o.subject} must be a real date`, $d);
        return { value: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
      }
      if (month) return { value: `${y}-${String(month).padStart(2, '0')}` };
      return { value: y };
    },
    setError(message) {
      slot.set(message);
      for (const $i of $inputs) $i.classList.toggle('s117-input--error', Boolean(message) && (bad.length === 0 || bad.includes($i)));
    },
  };
}

/**
 * A combobox: a text input with a filtered list of suggestions (WAI-ARIA 1.2 combobox with a listbox popup).
 * Whatever is typed is kept if nothing is chosen, so "not in the list" is just typing.
 * `options` may be a function that returns null while the list is not loaded yet (it comes from the core): then
 * `load()` is awaited, typing shows (and announces) "Loading the list of …", and a failure shows an error with
 * "Try again". `onOptions` is called once the list is there.
 * @param {{ id: string, options: {value: string, label: string, detail?: string}[] | (() => any[]|null), value?: string,
 *   onChange?: Function, load?: () => Promise<any>, onOptions?: Function, listName?: string }} o
 */
function comboBox(o) {
  const listId = `${o.id}-listbox`;
  const $input = h('input', {
    class: 's117-input s117-combobox__input',
    id: o.id,
    name: o.id,
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    maxlength: 200,
  });
  $input.value = o.value || '';
  const $list = h('ul', { class: 's117-combobox__listbox', id: listId, role: 'listbox', 'aria-label': 'Suggestions', hidden: true });
  const $status = h('div', { class: 's117-visually-hidden', role: 'status', 'aria-atomic': 'true' });
  const listName = o.listName || 'suggestions';
  const $loading = h('p', { class: 's117-combobox__loading', id: `${o.id}-loading`, hidden: true });
  let indexed = null;
  let waiting = false;
  let matches = [];
  let active = -1;

  const announce = debounce((text) => {
    $status.textContent = text;
  }, 600);

  /** The options, indexed for searching, or null while they are not loaded. */
  const options = () => {
    if (indexed) return indexed;
    const list = typeof o.options === 'function' ? o.options() : o.options;
    if (!list) return null;
    indexed = list.map((opt) => ({ ...opt, words: normalise(opt.label).split(' '), norm: normalise(opt.label) }));
    return indexed;
  };

  /** Waits for the list (from the core); on failure says so, with a retry. */
  const wait = () => {
    if (waiting || !o.load) return;
    waiting = true;
    o.load().then(
      () => {
        waiting = false;
        $loading.hidden = true;
        $loading.textContent = '';
        if (!options()) return;
        if (o.onOptions) o.onOptions();
        if (document.activeElement === $input && $input.value.trim()) render();
      },
      () => {
        waiting = false;
        if ($loading.hidden) return; // nobody is waiting for the list yet
        $loading.textContent = '';
        append($loading, [
          `Sorry, the list of ${listName} could not be loaded. You can type the name in full, or `,
          h('button', { class: 's117-link-button s117-combobox__retry', type: 'button', text: 'try again', onclick: () => { showLoading(); wait(); } }),
          '.',
        ]);
        $loading.hidden = false;
        announce(`The list of ${listName} could not be loaded.`);
      },
    );
  };

  const showLoading = () => {
    $loading.textContent = `Loading the list of ${listName}…`;
    $loading.hidden = false;
    announce(`Loading the list of ${listName}.`);
  };

  /** Options whose words each start with a word typed, best first. */
  const search = (q) => {
    const words = normalise(q).split(' ').filter(Boolean);
    if (!words.length) return [];
    const scored = [];
    for (const opt of options() || []) {
      if (!words.every((w) => opt.words.some((x) => x.startsWith(w)))) continue;
      const score = (opt.norm === words.join(' ') ? 0 : opt.norm.startsWith(words.join(' ')) ? 1 : opt.words[0].startsWith(words[0]) ? 2 : 3) + (opt.rank || 0);
      scored.push([score, opt]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1].label.localeCompare(b[1].label));
    return scored.slice(0, 20).map(([, opt]) => opt);
  };

  const close = () => {
    $list.hidden = true;
    $input.setAttribute('aria-expanded', 'false');
    $input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (n) => {
    active = n;
    [...$list.children].forEach(($li, i) => {
      $li.setAttribute('aria-selected', i === n ? 'true' : 'false');
      $li.classList.toggle('s117-combobox__option--active', i === n);
    });
    if (n >= 0) {
      const $li = $list.children[n];
      $input.setAttribute('aria-activedescendant', $li.id);
      if ($li.offsetTop < $list.scrollTop) $list.scrollTop = $li.offsetTop;
      else if ($li.offsetTop + $li.offsetHeight > $list.scrollTop + $list.clientHeight) $list.scrollTop = $li.offsetTop + $li.offsetHeight - $list.clientHeight;
    } else {
      $input.removeAttribute('aria-activedescendant');
    }
  };

  const choose = (n) => {
    const opt = matches[n];
    if (!opt) return;
    $input.value = opt.value;
    close();
    announce(`${opt.label} chosen`);
    if (o.onChange) o.onChange(opt.value);
    $input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const render = () => {
    if (!options()) {
      close();
      if ($input.value.trim()) showLoading();
      wait();
      return;
    }
    matches = search($input.value);
    $list.textContent = '';
    matches.forEach((opt, i) => {
      $list.append(
        h(
          'li',
          {
            class: 's117-combobox__option',
            id: `${o.id}-option-${i}`,
            role: 'option',
            'aria-selected': 'false',
            onmousedown: (e) => e.preventDefault(),
            onclick: () => choose(i),
          },
          h('span', { class: 's117-combobox__option-label', text: opt.label }),
          opt.detail ? h('span', { class: 's117-combobox__option-detail', text: ` ${opt.detail}` }) : null,
        ),
      );
    });
    const open = matches.length > 0 && $input.value.trim() !== '' && !(matches.length === 1 && matches[0].value === $input.value);
    $list.hidden = !open;
    $input.setAttribute('aria-expanded', open ? 'true' : 'false');
    active = -1;
    $input.removeAttribute('aria-activedescendant');
    if (!$input.value.trim()) announce('');
    else if (matches.length) announce(`${matches.length} ${matches.length === 1 ? 'suggestion' : 'suggestions'}. Use the up and down arrow keys to choose, or keep what you typed.`);
    else announce('No suggestions. You can keep what you typed.');
  };

  $input.addEventListener('input', () => {
    render();
    if (o.onChange) o.onChange($input.value);
  });
  $input.addEventListener('keydown', (e) => {
    const open = !$list.hidden;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        render();
        if ($list.hidden) return;
      }
      highlight(Math.min(active + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      if (!open) return;
      e.preventDefault();
      highlight(active - 1);
    } else if (e.key === 'Enter') {
      if (open && active >= 0) {
        e.preventDefault();
        choose(active);
      } else if (open) {
        close();
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    } else if (e.key === 'Tab') {
      close();
    }
  });
  $input.addEventListener('blur', () => setTimeout(close, 150));
  if (!options()) wait();
  return { $input, $list, $status, el: h('div', { class: 's117-combobox' }, $input, $list, $status, $loading) };
}

/**
 * A question answered with a combobox (council, NHS body), with an optional "I don't know" checkbox.
 * @param {{ id: string, label: string, heading?: boolean, caption?: string, hint?: string, options: any[],
 *   value?: string, dontKnow?: string, dontKnowChecked?: boolean, required?: string, note?: (v: string) => string|null }} o
 */
function comboField(o) {
  const hintId = `${o.id}-hint`;
  const noteId = `${o.id}-note`;
  const $note = h('p', { class: 's117-inset-text s117-combobox__note', id: noteId, hidden: true, 'aria-live': 'polite' });
  const updateNote = (v) => {
    const text = o.note ? o.note(v || '') : null;
    $note.textContent = text || '';
    $note.hidden = !text;
  };
  const box = comboBox({ id: o.id, options: o.options, value: o.value, onChange: updateNote, load: o.load, listName: o.listName, onOptions: () => updateNote(box.$input.value) });
  const $input = box.$input;
  if (o.hint) describe($input, hintId);
  describe($input, noteId);
  const $label = h('label', { class: `s117-label${o.heading ? ' s117-label--l' : ' s117-label--s'}`, for: o.id, text: o.label });
  const $group = h('div', { class: 's117-form-group' });
  const slot = errorSlot($group, o.id, () => [$input]);
  let $dk = null;
  if (o.dontKnow) {
    $dk = h('input', { class: 's117-checkboxes__input', id: `${o.id}-dont-know`, type: 'checkbox', checked: Boolean(o.dontKnowChecked) });
    const sync = () => {
      $input.disabled = $dk.checked;
      if ($dk.checked) {
        $input.value = '';
        updateNote('');
      }
    };
    $dk.addEventListener('change', sync);
    sync();
  }
  append($group, [
    o.heading ? [o.caption ? h('span', { class: 's117-caption', text: o.caption }) : null, h('h2', { class: 's117-label-wrapper js-s117-focus', tabindex: '-1' }, $label)] : $label,
    o.hint ? h('div', { class: 's117-hint', id: hintId, text: o.hint }) : null,
    slot.$msg,
    box.el,
    $note,
    $dk
      ? h('div', { class: 's117-checkboxes s117-checkboxes--small s117-combobox__dont-know' }, h('div', { class: 's117-checkboxes__item' }, $dk, h('label', { class: 's117-label s117-checkboxes__label', for: $dk.id, text: o.dontKnow })))
      : null,
  ]);
  updateNote(o.value);
  return {
    el: $group,
    input: $input,
    focusId: () => o.id,
    get() {
      if ($dk && $dk.checked) return { value: undefined, dontKnow: true };
      const v = $input.value.trim();
      if (!v && o.required) return { error: o.required };
      return { value: v || undefined };
    },
    setError: slot.set,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reference lists as combobox options (built once per page).
// ---------------------------------------------------------------------------------------------------------------

/** @type {WeakMap<object, any>} */
const optionCache = new WeakMap();

/** Council, district and NHS body options for the comboboxes. */
function referenceOptions(core) {
  let cached = optionCache.get(core);
  if (cached) return cached;
  const byCode = new Map(core.councils.map((c) => [c.code, c]));
  const council = (c) => ({ value: c.name, label: c.name, detail: c.nation === 'wales' ? '(Wales)' : '', nation: c.nation });
  const districtOpts = core.districts
    .filter(([, code]) => byCode.has(code))
    .map(([name, code]) => ({ value: name, label: name, detail: `(district: social services are run by ${byCode.get(code).name})`, nation: byCode.get(code).nation, rank: 0.5, county: byCode.get(code).name }));
  const all = [...core.councils.map(council), ...districtOpts];
  const districtByName = new Map(districtOpts.map((o) => [normalise(o.value), o.county]));
  cached = {
    councils: { england: all.filter((o) => o.nation === 'england'), wales: all.filter((o) => o.nation === 'wales'), all },
    nhs: core.nhsBodies.map((b) => ({ value: b.name, label: b.name, detail: b.nation === 'wales' ? '(Wales)' : '' })),
    /** "Social services in Bromsgrove are run by …" for a district typed or chosen. */
    districtNote(value) {
      const county = districtByName.get(normalise(value));
      return county ? `${value} is a district council. Social services there are run by ${county}, so that is the council we will name.` : null;
    },
  };
  optionCache.set(core, cached);
  return cached;
}


let instances = 0;

/**
 * The Section 117 after-care checker. Documented for hosts in docs/embedding.md.
 *
 * Attributes: `as-at` (YYYY-MM-DD; fixes "today"), `mode="adviser"` (one dense screen, and the screen of many
 * enquiries), `quick-exit` (shows an "Exit this page" button; its value, if a URL, is where it goes), `storage-key`
 * (separates saved answers when a page has more than one checker).
 * Properties: `answers` (get/set a Case), `decision` (the last Decision, or null), `ready` (a Promise: the first
 * screen is shown), `coreReady` (a Promise: the rules are loaded), `clear()`.
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
    return ['as-at', 'mode', 'quick-exit'];
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
    if (!this._started) {
      this._started = true;
      this._init();
    }
  }

  disconnectedCallback() {
    window.removeEventListener('keydown', this._onKeydown, true);
    window.removeEventListener('pagehide', this._onPageHide);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'as-at') this._decision = null;
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

  /** The answers as a Case (with `as_at`), exactly as the core receives them. */
  get answers() {
    return toCase(this._c, this.asAt);
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
    if (this.$root) this._render(true);
  }

  /** Empty answers, place in the journey, letter details and decision (the state `clear()` starts again from). */
  _resetAnswers() {
    this._c = emptyAnswers();
    this._m = { step: null, answered: {} };
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
    if (saved && saved.v === 1 && saved.answers) {
      try {
        this._c = fromCase(saved.answers);
        this._m = saved.meta && typeof saved.meta === 'object' ? saved.meta : { step: null, answered: {} };
        if (!this._m.answered) this._m.answered = {};
        if (saved.letter) this._letterState = { ...this._letterState, ...saved.letter };
      } catch {
        this._c = emptyAnswers();
      }
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
    session.set(this._storageKey(), { v: 1, answers: this._c, meta: this._m, letter: this._letterState });
  }

  /**
   * Replaces the answers with a Case from a file or the API. Needs the core.
   * @param {any} value
   * @param {'api'|'file'} source
   */
  _loadAnswers(value, source) {
    const c = fromCase(value);
    // The core is the judge of the shape: a wrong enum value or a bad date throws here, before anything changes.
    try {
      this._core.wasm.check({ ...clone(value), as_at: this.asAt });
    } catch (err) {
      throw new S117AnswersError(String(err && err.message ? err.message : err).replace(/^Error: /, ''));
    }
    this._c = c;
    this._m = metaForLoaded(c);
    this._letterResult = null;
    this._save();
    if (this.adviser) {
      this._render(source === 'file');
    } else {
      this._evaluate();
      this._render(source === 'file');
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
    this.$root = h('div', { class: 's117', lang: 'en-GB' }, this.$exit, this.$page, this._slot.el, this.$tools, this.$about, this.$status);
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
      ? `This is a screening tool, not legal advice. It reflects the law on ${longDate(about.law_date)} (rules version ${about.rules_version}). Checked as at ${longDate(this.asAt)}.`
      : `This is a screening tool, not legal advice. Checked as at ${longDate(this.asAt)}.`;
  }

  _exitUrl() {
    const value = (this.getAttribute('quick-exit') || '').trim();
    if (value) {
      try {
        const url = new URL(value, document.baseURI);
        if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
      } catch {
        /* not a URL: use the default */
      }
    }
    return DEFAULT_EXIT_URL;
  }

  _renderExit() {
    this.$exit.textContent = '';
    if (!this.hasAttribute('quick-exit')) return;
    const url = this._exitUrl();
    this.$exit.append(
      h(
        'div',
        { class: 's117-exit-this-page' },
        h('a', { class: 's117-button s117-button--warning s117-exit-this-page__button', href: url, rel: 'nofollow noreferrer', onclick: (e) => this._exit(e) }, vh('Emergency: '), 'Exit this page'),
        h('span', { class: 's117-exit-this-page__hint', text: 'or press Shift 3 times. Your answers will be cleared.' }),
      ),
    );
  }

  /**
   * Leaves at once for a neutral site, replacing this page in the history. The answers are removed from this tab
   * too, so coming back to the page does not show them to someone else.
   */
  _exit(event) {
    if (event) event.preventDefault();
    const url = this._exitUrl();
    this._persist.cancel();
    session.remove(this._storageKey());
    this.$root.classList.add('s117--exiting');
    try {
      (window.top || window).location.replace(url);
    } catch {
      window.location.replace(url);
    }
  }

  _onKeydown(event) {
    if (event.key !== 'Shift') {
      this._exitCount = 0;
      return;
    }
    if (event.repeat) return;
    const now = Date.now();
    if (now - this._exitLast > 5000) this._exitCount = 0;
    this._exitLast = now;
    this._exitCount += 1;
    if (this._exitCount >= 3) {
      this._exitCount = 0;
      this._exit(null);
    }
  }

  _renderTools() {
    this.$tools.textContent = '';
    const fileId = `${this._uid}-load`;
    const $fileError = h('p', { class: 's117-error-message', role: 'alert', hidden: true });
    const $file = h('input', { class: 's117-file-input', id: fileId, type: 'file', accept: 'application/json,.json' });
    $file.addEventListener('change', async () => {
      const file = $file.files && $file.files[0];
      $fileError.hidden = true;
      if (!file) return;
      try {
        if (file.size > 1_000_000) throw new S117AnswersError('The file is too large to be a set of answers.');
        let parsed;
        try {
          parsed = JSON.parse(await file.text());
        } catch {
          throw new S117AnswersError('The file is not a set of answers saved from this checker.');
        }
        this._needCore(() => {
          try {
            this._loadAnswers(parsed, 'file');
            this._announce('Your answers have been loaded.');
          } catch (err) {
            showFileError(err);
          }
        }, toolsSlot);
      } catch (err) {
        showFileError(err);
      } finally {
        $file.value = '';
      }
    });
    const showFileError = (err) => {
      $fileError.textContent = '';
      append($fileError, [vh('Error: '), `We could not load that file. ${err.message}`]);
      $fileError.hidden = false;
    };
    const toolsSlot = coreSlot();
    const $confirm = h('div', { class: 's117-tools__confirm', hidden: true });
    const $clear = h('button', {
      class: 's117-button s117-button--secondary s117-tools__button',
      type: 'button',
      text: 'Clear my answers',
      onclick: () => {
        $confirm.hidden = false;
        $clear.hidden = true;
        $confirm.querySelector('button').focus();
      },
    });
    append($confirm, [
      h('p', { class: 's117-body', text: 'This removes every answer from this browser tab. Save them to a file first if you want to keep them.' }),
      h('div', { class: 's117-button-group' },
        h('button', { class: 's117-button s117-button--warning', type: 'button', text: 'Yes, clear my answers', onclick: () => { this.clear(); this._announce('Your answers have been cleared.'); } }),
        h('button', { class: 's117-button s117-button--secondary', type: 'button', text: 'Cancel', onclick: () => { $confirm.hidden = true; $clear.hidden = false; $clear.focus(); } }),
      ),
    ]);
    this.$tools.append(
      h('h2', { class: 's117-heading-s', text: 'Your answers' }),
      h('p', { class: 's117-body s117-tools__note', text: 'Your answers stay in this browser tab until you close it. Nothing is sent anywhere. On a shared computer, clear them when you have finished.' }),
      h(
        'div',
        { class: 's117-button-group s117-tools__buttons' },
        h('button', { class: 's117-button s117-button--secondary s117-tools__button', type: 'button', text: 'Save answers to a file', onclick: () => this._saveToFile() }),
        h('span', { class: 's117-file-upload' }, $file, h('label', { class: 's117-button s117-button--secondary s117-tools__button s117-file-upload__label', for: fileId, text: 'Load answers from a file' })),
        $clear,
      ),
      $fileError,
      toolsSlot.el,
      $confirm,
    );
  }

  _saveToFile() {
    const json = `${JSON.stringify(this.answers, null, 2)}\n`;
    download(`s117-answers-${this.asAt}.json`, json, 'application/json');
    this._announce('Your answers have been saved to a file.');
  }

  // ----- evaluation ---------------------------------------------------------------------------------------------

  /** Runs the core on the answers; on success records the decision and dispatches `s117-decision`. */
  _evaluate() {
    let result;
    try {
      result = this._core.wasm.check(this.answers);
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

  _steps() {
    return journeySteps(this._c, this._m);
  }

  /** The step to show: the saved one if still relevant, otherwise the first unanswered one. */
  _currentStep() {
    const steps = this._steps();
    const step = this._m.step;
    if (step === 'result' || (step && steps.includes(step))) return step;
    return steps.find((s) => !this._m.answered[s]) || 'check';
  }

  _go(step, focus = true) {
    this._m.step = step;
    this._persist.flush();
    this._renderStep(focus);
    this.dispatchEvent(new CustomEvent('s117-step', { bubbles: true, composed: true, detail: { step } }));
  }

  /** The step before this one, for the back link. */
  _previous(step) {
    if (this._m.returnTo === 'check' && step !== 'check') return 'check';
    if (step === 'result') return 'check';
    const steps = this._steps();
    const i = steps.indexOf(step);
    return i > 0 ? steps[i - 1] : null;
  }

  /** The step after `step`, once it has been answered. */
  _next(step) {
    const steps = this._steps();
    const i = steps.indexOf(step);
    if (this._m.returnTo === 'check') {
      const next = steps.slice(i + 1).find((s) => !this._m.answered[s] || s === 'stays');
      if (next && next !== 'check') return next;
      this._m.returnTo = null;
      return 'check';
    }
    return steps[i + 1] || 'check';
  }

  /** Forgets that a step was answered (its question has changed), so "check your answers" sends the person back. */
  _unanswer(step) {
    delete this._m.answered[step];
  }

  _renderStep(focus) {
    const step = this._currentStep();
    this._m.step = step;
    this._forgetWaiting();
    this.$page.textContent = '';
    if ((step === 'result' || step === 'check') && !hasPart('answer')) {
      // Their part is normally here already (fetched once the rules loaded); until it is, the page says so.
      append(this.$page, [
        this._backLink(step) || '',
        h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: step === 'result' ? 'Your result' : 'Check your answers' }),
      ]);
      this._need(() => this._renderStep(false), { core: false, parts: ['answer'], ...PART_TEXTS.answer });
    } else if (step === 'result') this._renderResultPage();
    else if (step === 'check') this._renderCheck();
    else this._renderQuestion(step);
    if (focus) {
      const $focus = this.$page.querySelector('.js-s117-error-summary:not([hidden])') || this.$page.querySelector('.js-s117-focus');
      if ($focus) $focus.focus();
    }
  }

  /** A back link (a button: the journey does not touch the host page's URL). */
  _backLink(step) {
    const prev = this._previous(step);
    if (!prev) return null;
    return h('button', { class: 's117-back-link', type: 'button', text: 'Back', onclick: () => this._go(prev) });
  }

  /** An error summary (GOV.UK): takes focus, links to each field. */
  _errorSummary() {
    const $list = h('ul', { class: 's117-list s117-error-summary__list' });
    const headingId = `${this._uid}-error-summary-title`;
    const $summary = h(
      'div',
      { class: 's117-error-summary js-s117-error-summary', hidden: true, tabindex: '-1', 'aria-labelledby': headingId },
      h('div', { role: 'alert' }, h('h2', { class: 's117-error-summary__title', id: headingId, text: 'There is a problem' }), h('div', { class: 's117-error-summary__body' }, $list)),
    );
    return {
      el: $summary,
      /**
       * @param {{ id?: string, field?: string, message: string }[]} errors
       * @param {boolean} [focus] move focus to the summary (not in the adviser view, where the person is typing)
       */
      show: (errors, focus = true) => {
        $list.textContent = '';
        for (const err of errors) {
          const target = err.id || (err.field ? this._id(err.field) : '');
          $list.append(
            h('li', null, h('a', {
              href: `#${target}`,
              text: err.message,
              onclick: (e) => {
                e.preventDefault();
                this._focusField(target, err.field);
              },
            })),
          );
        }
        $summary.hidden = errors.length === 0;
        if (errors.length && focus) $summary.focus();
      },
    };
  }

  /** Focuses a field on this page, or goes to the question that asks it. */
  _focusField(id, field) {
    const $el = id ? this.querySelector(`#${CSS.escape(id)}`) : null;
    if ($el && !$el.disabled) {
      $el.focus();
      if ($el.scrollIntoView) $el.scrollIntoView({ block: 'center' });
      return;
    }
    if (field && !this.adviser) {
      const step = stepForField(field, this._c);
      if (step) {
        this._m.returnTo = 'check';
        this._m.stepErrors = (this._m.checkErrors || []).filter((e) => stepForField(e.field, this._c) === step);
        this._go(step);
      }
    }
  }

  _stayCaption(i) {
    if (this._c.detentions.length === 1 && i === 0) return 'Your stay in hospital';
    const d = this._c.detentions[i];
    const from = d.admitted ? ` (from ${longDate(d.admitted)})` : '';
    return `Your ${ordinal(i + 1)} stay in hospital${from}`;
  }

  _renderQuestion(step) {
    const def = this._question(step);
    if (!def) {
      this._go('check', false);
      return;
    }
    const summary = this._errorSummary();
    const first = this._steps()[0] === step && !this._m.answered[step];
    const $form = h('form', { class: 's117-form', novalidate: true, 'aria-label': def.title || null });
    $form.addEventListener('submit', (e) => {
      e.preventDefault();
      this._submitQuestion(step, def, summary);
    });
    append($form, [
      summary.el,
      first
        ? h('div', { class: 's117-intro' },
            h('p', { class: 's117-body-l', text: 'Answer a few questions to find out if you are owed free after-care under section 117 of the Mental Health Act 1983, and who must provide it.' }),
            h('p', { class: 's117-body', text: 'It takes about 5 minutes. If you don’t know an answer, you can say so. If you are answering for someone else, answer as them: “you” means the person who was in hospital.' }))
        : null,
      def.body,
      h('div', { class: 's117-button-group' }, h('button', { class: 's117-button', type: 'submit', text: def.submit || 'Continue' })),
    ]);
    this.$page.append(this._backLink(step) || '', $form);
    // Errors carried over from "check your answers" are shown at once.
    const carried = this._m.stepErrors;
    if (carried && carried.length) {
      this._m.stepErrors = null;
      this._showFieldErrors(def, carried, summary, false);
    }
  }

  /** Shows core errors (with `field` paths) against the bindings that own them. */
  _showFieldErrors(def, errors, summary, focusSummary = true) {
    const shown = [];
    for (const err of errors) {
      const b = def.bindings.find((x) => (x.paths || [x.path]).some((p) => p && (err.field === p || err.field.startsWith(`${p}.`) || err.field.startsWith(`${p}[`))));
      if (b) {
        b.control.setError(err.message);
        shown.push({ id: b.control.focusId(), message: err.message });
      } else {
        shown.push({ message: err.message, field: err.field });
      }
    }
    summary.show(shown);
    if (!focusSummary) summary.el.focus();
  }

  _submitQuestion(step, def, summary) {
    const errors = [];
    const values = [];
    for (const b of def.bindings) {
      b.control.setError(null);
      const r = b.control.get();
      if (r.error) errors.push({ id: b.control.focusId(), message: r.error, control: b.control });
      else values.push([b, r]);
    }
    if (errors.length) {
      for (const e of errors) e.control.setError(e.message);
      summary.show(errors);
      return;
    }
    // The answers are checked by the core before going on: if it is still loading, this waits for it.
    if (!this._core) {
      this._needCore(() => this._submitQuestion(step, def, summary));
      return;
    }
    const before = JSON.stringify(this._c);
    for (const [b, r] of values) {
      if (b.apply) b.apply(r.value, r);
      else setPath(this._c, b.path, r.value);
    }
    let next = def.after ? def.after() : null;
    // Facts that cannot all be true are caught by the core and shown on the question that asked them.
    const result = this._checkPartial();
    const mine = result.filter((e) => def.bindings.some((b) => (b.paths || [b.path]).some((p) => p && (e.field === p || e.field.startsWith(`${p}.`) || e.field.startsWith(`${p}[`)))));
    if (mine.length) {
      this._showFieldErrors(def, mine, summary);
      this._persist();
      return;
    }
    this._m.answered[step] = true;
    if (JSON.stringify(this._c) !== before) this._decision = null;
    if (!next) next = this._next(step);
    this._go(next);
  }

  /** Core validation of the answers so far (unanswered facts filled with neutral placeholders). */
  _checkPartial() {
    try {
      const r = this._core.wasm.check(toCase(this._c, this.asAt, true));
      return r.ok ? [] : r.errors;
    } catch (err) {
      return [{ field: 'input', message: String(err.message || err) }];
    }
  }

  /**
   * Builds one question page: { title, body, bindings: [{ control, path? , paths?, apply? }], after? }.
   * @param {string} step
   */
  _question(step) {
    const c = this._c;
    const id = (p) => this._id(p);
    const parts = step.split('/');
    if (parts[0] === 'stay') {
      const i = Number(parts[1]);
      const d = c.detentions[i];
      if (!d) return null;
      const P = (name) => `detentions[${i}].${name}`;
      const caption = this._stayCaption(i);
      const single = c.detentions.length === 1;
      switch (parts[2]) {
        case 'hospital': {
          const control = radios({
            id: id(P('detained_in')),
            legend: 'Which country was the hospital in?',
            heading: true,
            caption,
            hint: i === 0
              ? 'If you have been in hospital more than once, start with the first time you were detained under the Mental Health Act. You can add later stays afterwards. Section 117 is part of the law of England and Wales, so where the hospital was matters.'
              : 'Section 117 is part of the law of England and Wales, so where the hospital was matters.',
            options: HOSPITAL_COUNTRIES,
            value: d.detained_in,
            required: 'Select the country the hospital was in',
          });
          return question('Which country was the hospital in?', control, { path: P('detained_in') });
        }
        case 'section': {
          const control = radios({
            id: id(P('section')),
            legend: single ? 'Which section of the Mental Health Act were you detained under?' : 'Which section were you detained under during this stay?',
            heading: true,
            caption,
            hint: 'Only some sections lead to free after-care. Your discharge letter, your section papers or tribunal papers will say which one it was. If it changed during the stay (for example from section 2 to section 3), choose the last one.',
            options: SECTIONS,
            value: d.section,
            moreLabel: 'Show other sections (emergency and holding powers, police powers, court remands, guardianship)',
            required: 'Select the section, or select “I don’t know”',
          });
          return question('Which section?', control, {
            path: P('section'),
            apply: (v) => {
              const was = d.section;
              d.section = v;
              if (was !== v) {
                const allowed = LEAVINGS.filter((o) => !o.when || o.when(v)).map((o) => o.value);
                if (d.leaving && (!allowed.includes(d.leaving) || !sectionMatters(d))) {
                  delete d.leaving;
                  this._unanswer(`stay/${i}/leaving`);
                  this._unanswer(`stay/${i}/dates`);
                }
              }
            },
          });
        }
        case 'recall': {
          const kind = recallKind(c, i);
          const control = radios({
            id: id(P('recall')),
            legend: kind === 'cto' ? 'Was this stay a recall from your community treatment order?' : 'Were you recalled to hospital from your conditional discharge?',
            heading: true,
            caption,
            hint: 'A recall is treated differently from a new detention, and it can change which council is responsible.',
            options: kind === 'cto' ? RECALLS_CTO : RECALLS_CD,
            value: d.recall || (this._m.answered[step] ? UNKNOWN : undefined),
            required: 'Select whether this stay was a recall',
          });
          return question('Was this a recall?', control, { path: P('recall') });
        }
        case 'lived': {
          const control = radios({
            id: id(P('lived_before.country')),
            legend: single ? 'Where did you live just before you went into hospital?' : 'Where did you live just before this stay in hospital?',
            heading: true,
            caption,
            hint: 'The council that must provide your after-care is usually the one for where you lived immediately before you were detained, even if you have moved since.',
            options: LIVED_COUNTRIES,
            value: d.lived_before.country,
            required: 'Select where you lived just before you went into hospital',
          });
          return question('Where did you live?', control, {
            path: P('lived_before.country'),
            apply: (v) => {
              if (d.lived_before.country && d.lived_before.country !== v) {
                delete d.lived_before.council;
                this._unanswer(`stay/${i}/council`);
              }
              d.lived_before.country = v;
            },
          });
        }
        case 'council': {
          return this._councilQuestion(step, P('lived_before'), {
            title: 'Which council?',
            label: 'Which council area did you live in?',
            caption,
          });
        }
        case 'circumstances': {
          const lb = d.lived_before;
          const answered = Boolean(this._m.answered[step]);
          const placed = comboField({
            id: id(P('lived_before.placed_by')),
            label: 'Which council arranged it?',
            options: () => this._opts && this._opts.councils.all, load: () => this._whenCore(), listName: 'councils',
            value: lb.placed_by,
            note: (v) => (this._opts ? this._opts.districtNote(v) : null),
          });
          const opts = CIRCUMSTANCES.filter((o) => !o.onlyAfterCd || hadConditionalDischargeBefore(c, i) || d.recall === 'conditional_discharge_recall').map((o) => ({
            ...o,
            checked: o.key === 'placed_by' ? Boolean(lb.placed_by) : lb[o.key] === true,
            reveal: o.key === 'placed_by' ? placed.el : null,
          }));
          const anyChecked = opts.some((o) => o.checked);
          opts.push({ key: 'none', label: 'None of these', exclusive: true, checked: answered && !anyChecked });
          const control = checkboxes({
            id: id(P('lived_before.circumstances')),
            legend: 'Did any of these apply to where you were living?',
            heading: true,
            caption,
            hint: 'Select all that apply. These situations can change which council is responsible, so we will point them out.',
            options: opts,
            required: 'Select any that apply, or select “None of these”',
          });
          return {
            title: 'Your living situation',
            body: [control.el],
            bindings: [
              {
                control,
                paths: [P('lived_before.lacked_capacity'), P('lived_before.required_by_discharge_condition'), P('lived_before.informal_in_hospital_after_losing_home')],
                apply: (v) => {
                  this._placedChecked = Boolean(v.placed_by);
                  for (const key of ['lacked_capacity', 'required_by_discharge_condition', 'informal_in_hospital_after_losing_home']) {
                    if (v[key]) lb[key] = true;
                    else delete lb[key];
                  }
                },
              },
              {
                control: {
                  ...placed,
                  get: () => {
                    const $box = this.querySelector(`#${CSS.escape(id(P('lived_before.circumstances')))}`);
                    if (!$box || !$box.checked) return { value: undefined };
                    const r = placed.get();
                    return r.value ? r : { error: 'Enter the council that arranged where you lived' };
                  },
                },
                path: P('lived_before.placed_by'),
              },
            ],
          };
        }
        case 'leaving': {
          const control = radios({
            id: id(P('leaving')),
            legend: 'How did this stay end?',
            heading: true,
            caption,
            hint: 'After-care starts when you leave hospital. Some ways of leaving count and some don’t, so choose the closest.',
            options: LEAVINGS.filter((o) => !o.when || o.when(d.section || 'unknown')),
            value: d.leaving || (this._m.answered[step] ? UNKNOWN : undefined),
            required: 'Select how this stay ended, or select “I don’t know”',
          });
          return question('How did this stay end?', control, {
            path: P('leaving'),
            apply: (v) => {
              if (d.leaving !== v) {
                this._unanswer(`stay/${i}/dates`);
                if (v === 'still_in_hospital' || v === 'escorted_leave_only') delete d.left_hospital;
                if (v !== 'stayed_informally') delete d.section_ended;
                if (v !== 'cto') delete d.cto_ended;
                const next = c.detentions[i + 1];
                if (next && v !== 'cto' && v !== 'conditional_discharge') delete next.recall;
                if (next) this._unanswer(`stay/${i + 1}/recall`);
              }
              if (v === undefined) delete d.leaving;
              else d.leaving = v;
            },
          });
        }
        case 'dates':
          return this._datesQuestion(i, caption);
        default:
          return null;
      }
    }
    switch (step) {
      case 'stays':
        return this._staysQuestion();
      case 'lives-now': {
        const control = radios({
          id: id('lives_now.country'),
          legend: 'Where do you live now?',
          heading: true,
          hint: 'You were not living in England or Wales just before you were detained. Then the council responsible is the one for where you live now, or where the hospital sent you when you left.',
          options: LIVES_NOW_COUNTRIES,
          value: c.lives_now && c.lives_now.country,
          required: 'Select where you live now',
        });
        return question('Where do you live now?', control, {
          path: 'lives_now.country',
          apply: (v) => {
            if (c.lives_now && c.lives_now.country !== v) {
              delete c.lives_now.council;
              this._unanswer('lives-now-council');
            }
            setPath(c, 'lives_now.country', v);
          },
        });
      }
      case 'lives-now-council': {
        return this._councilQuestion(step, 'lives_now', { title: 'Which council now?', label: 'Which council area do you live in now?' });
      }
      case 'ended': {
        const control = radios({
          id: id('meta.told'),
          legend: 'Have you been told that your after-care has ended?',
          heading: true,
          hint: 'For example, in a letter, at a review, or by a care coordinator. After-care can only end lawfully in certain ways, so this can matter a lot.',
          options: YES_NO,
          value: this._m.told,
          required: 'Select yes if you have been told your after-care has ended',
        });
        return question('Has your after-care ended?', control, {
          apply: (v) => {
            this._m.told = v;
            if (v === 'no') delete c.aftercare_ended;
          },
        });
      }
      case 'ended-reason': {
        const control = radios({
          id: id('aftercare_ended.reason'),
          legend: 'What reason were you given for ending it?',
          heading: true,
          hint: 'Choose the closest. Some reasons cannot lawfully end after-care on their own.',
          options: ENDING_REASONS,
          value: c.aftercare_ended && c.aftercare_ended.reason,
          required: 'Select the reason you were given',
        });
        return question('Why did it end?', control, {
          path: 'aftercare_ended.reason',
          apply: (v) => {
            if (v !== 'no_longer_needed' && c.aftercare_ended) delete c.aftercare_ended.joint_written_decision;
            setPath(c, 'aftercare_ended.reason', v);
          },
        });
      }
      case 'ended-date': {
        const control = dateField({
          id: id('aftercare_ended.date'),
          legend: 'When were you told your after-care had ended?',
          subject: 'The date you were told',
          heading: true,
          hint: 'Time limits for challenging the decision are counted from this date.',
          value: c.aftercare_ended && c.aftercare_ended.date,
          optional: true,
        });
        return question('When were you told?', control, { path: 'aftercare_ended.date' });
      }
      case 'ended-joint': {
        return this._yesNoUnknownQuestion(step, 'aftercare_ended.joint_written_decision', {
          title: 'Was it a joint written decision?',
          legend: 'Did the council and the NHS decide this together, and put it in writing?',
          hint: 'After-care can only end lawfully when both of them are satisfied, after a proper review, that you no longer need it.',
        });
      }
      case 'secure': {
        const gp = gpQuestion(c);
        return this._yesNoUnknownQuestion(step, `detentions[${gp.start.i}].nhs_england_secure_service`, {
          title: 'Secure hospital?',
          legend: 'Was the hospital a medium or high secure hospital?',
          caption: this._stayCaption(gp.start.i),
          hint: 'Secure hospitals are arranged by NHS England. This changes how the NHS body responsible for your after-care is worked out.',
          then: () => this._unanswer('gp'),
        });
      }
      case 'gp': {
        const gp = gpQuestion(c);
        const july = gp.when === 'july-2022';
        const label = july
          ? 'Which integrated care board (ICB) was your GP practice part of on 1 July 2022?'
          : `Which integrated care board (ICB) was your GP practice part of when you went into hospital${gp.when ? `${/^\d{4}-\d{2}-\d{2}$/.test(gp.when) ? ' on' : ' in'} ${longDate(gp.when)}` : ''}?`;
        const control = comboField({
          id: id(gp.path),
          label,
          heading: true,
          hint: july
            ? 'ICBs took over from clinical commissioning groups on 1 July 2022. For after-care that began before then, the NHS body is the ICB your GP practice belonged to on that day. Your GP surgery can tell you. If you don’t know, we will use the ICB for your council’s area and say so.'
            : 'The NHS body responsible for your after-care is usually the ICB of the GP practice you were registered with when you were detained, and it stays the same if you are detained again or move. Your GP surgery can tell you. If you don’t know, we will use the ICB for your council’s area and say so.',
          options: () => this._opts && this._opts.nhs, load: () => this._whenCore(), listName: 'NHS bodies',
          value: getPath(c, gp.path),
          dontKnow: 'I don’t know',
          dontKnowChecked: Boolean(this._m.answered[step] && !getPath(c, gp.path)),
          required: 'Enter the ICB, or select “I don’t know”',
        });
        return question('Your GP’s ICB', control, { path: gp.path });
      }
      case 'charges': {
        const control = radios({
          id: id('meta.told_charges'),
          legend: 'Have you paid, or been asked to pay, for any care since you left hospital?',
          heading: true,
          hint: 'For example, care home fees, supported housing, home care or a day centre. After-care under section 117 must be free, so you may be owed money back.',
          options: YES_NO,
          value: this._m.told_charges,
          required: 'Select yes if you have paid, or been asked to pay, for care',
        });
        return question('Charges for care', control, {
          apply: (v) => {
            this._m.told_charges = v;
            if (v === 'no') delete c.charges;
            else if (!c.charges || !c.charges.length) c.charges = [{}];
          },
        });
      }
      case 'charge-details':
        return this._chargesQuestion();
      default:
        return null;
    }
  }

  /**
   * A question whose answer is a council in England or Wales (`<place>.council`, by `<place>.country`), or "not sure".
   * @param {string} step
   * @param {string} place the answers' path of the place: `detentions[<n>].lived_before` or `lives_now`
   * @param {{ title: string, label: string, caption?: string }} o
   */
  _councilQuestion(step, place, { title, label, caption }) {
    const path = `${place}.council`;
    const nation = getPath(this._c, `${place}.country`) === 'wales' ? 'wales' : 'england';
    const value = getPath(this._c, path);
    const control = comboField({
      id: this._id(path),
      label,
      heading: true,
      caption,
      hint: 'Start typing the name of your council, or your town, city or district, then choose from the list. If yours is not listed, type it in full.',
      options: () => this._opts && this._opts.councils[nation],
      load: () => this._whenCore(),
      listName: 'councils',
      value,
      dontKnow: 'I’m not sure which council',
      dontKnowChecked: Boolean(this._m.answered[step] && !value),
      required: 'Enter the council area, or select “I’m not sure which council”',
      note: (v) => (this._opts ? this._opts.districtNote(v) : null),
    });
    return question(title, control, { path });
  }

  /**
   * A yes / no / "I don't know" question whose answer is a boolean at `path` (left out when not known).
   * @param {string} step
   * @param {string} path
   * @param {{ title: string, legend: string, hint: string, caption?: string, then?: () => void }} o
   */
  _yesNoUnknownQuestion(step, path, { title, legend, hint, caption, then }) {
    const v = getPath(this._c, path);
    const control = radios({
      id: this._id(path),
      legend,
      heading: true,
      caption,
      hint,
      options: YES_NO_UNKNOWN,
      value: v === true ? 'true' : v === false ? 'false' : this._m.answered[step] ? UNKNOWN : undefined,
      required: 'Select yes, no or “I don’t know”',
    });
    const apply = (x) => {
      setPath(this._c, path, x === undefined ? undefined : x === 'true');
      if (then) then();
    };
    return question(title, control, { path, apply });
  }

  _datesQuestion(i, caption) {
    const d = this._c.detentions[i];
    const P = (name) => `detentions[${i}].${name}`;
    const id = (p) => this._id(p);
    const fields = [];
    const add = (name, legend, subject, hint) => fields.push({ name, control: dateField({ id: id(P(name)), legend, subject, hint, value: d[name], optional: true }) });
    add('admitted', 'When did this stay begin?', 'The date the stay began');
    const ew = isEW(d) && sectionMatters(d);
    const leaving = ew ? d.leaving : undefined;
    if (leaving === 's17_leave') add('left_hospital', 'When did your leave begin?', 'The date your leave began', 'The day you started living outside hospital.');
    else if (leaving === 'stayed_informally') {
      add('section_ended', 'When did the section end?', 'The date the section ended');
      add('left_hospital', 'When did you leave hospital?', 'The date you left hospital', 'Leave this blank if you are still in hospital.');
    } else if (leaving === 'still_in_hospital' || leaving === 'escorted_leave_only') {
      /* no leaving date */
    } else if (leaving) add('left_hospital', leaving === 'returned_to_prison' ? 'When did you go back to prison?' : 'When did you leave hospital?', 'The date you left hospital');
    else add('left_hospital', 'When did you leave hospital?', 'The date you left hospital', 'Leave this blank if you are still in hospital.');
    if (leaving === 'cto') add('cto_ended', 'If your community treatment order has ended, when did it end?', 'The date your CTO ended', 'Leave this blank if you are still on it.');
    const hospital = textField({ id: id(P('hospital')), label: 'Name of the hospital (optional)', hint: 'This goes into the letter, to help them find your records.', value: d.hospital, maxlength: 200 });
    const shown = new Set(fields.map((f) => f.name));
    return {
      title: 'Dates of this stay',
      body: [
        h('span', { class: 's117-caption', text: caption }),
        h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: 'When were you in hospital?' }),
        h('p', { class: 's117-body', text: 'Dates decide when after-care started and which rules and deadlines apply. Approximate dates are fine, and you can leave a date blank if you don’t know it.' }),
        fields.map((f) => f.control.el),
        hospital.el,
      ],
      bindings: [
        ...fields.map((f) => ({ control: f.control, path: P(f.name) })),
        { control: hospital, path: P('hospital') },
        {
          control: { get: () => ({ value: undefined }), setError() {}, focusId: () => '' },
          apply: () => {
            for (const name of ['section_ended', 'left_hospital', 'cto_ended']) if (!shown.has(name)) delete d[name];
          },
        },
      ],
    };
  }

  _staysQuestion() {
    const c = this._c;
    const $list = h('ul', { class: 's117-list s117-stay-list' });
    c.detentions.forEach((d, i) => {
      const bits = [sectionShort(d.section), d.detained_in ? labelOf(HOSPITAL_COUNTRIES, d.detained_in) : null, d.admitted ? `from ${longDate(d.admitted)}` : null].filter(Boolean);
      $list.append(
        h(
          'li',
          { class: 's117-stay-list__item' },
          h('span', { class: 's117-stay-list__name' }, h('strong', { text: `Stay ${i + 1}: ` }), bits.join(', ')),
          c.detentions.length > 1
            ? h('button', {
                class: 's117-link-button',
                type: 'button',
                onclick: () => {
                  this._removeStay(i);
                  this._announce(`Stay ${i + 1} removed.`);
                  this._go('stays');
                },
              }, 'Remove', vh(` stay ${i + 1}`))
            : null,
        ),
      );
    });
    const control = radios({
      id: this._id('meta.more_stays'),
      legend: 'Have you been in hospital again since then?',
      heading: false,
      hint: 'Include any later stay under a section of the Mental Health Act, and informal stays. Being detained again under section 3, 37, 45A, 47 or 48 can change which council is responsible.',
      options: YES_NO,
      inline: true,
      value: this._m.more_stays,
      required: 'Select yes if you have been in hospital again',
    });
    return {
      title: 'Your stays in hospital',
      body: [
        h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: c.detentions.length === 1 ? 'You have told us about 1 stay in hospital' : `You have told us about ${c.detentions.length} stays in hospital` }),
        $list,
        control.el,
      ],
      bindings: [{
        control,
        apply: (v) => {
          if (v === 'yes') {
            c.detentions.push(newStay());
            this._m.more_stays = undefined;
          } else {
            this._m.more_stays = 'no';
          }
        },
      }],
      after: () => (this._m.more_stays === 'no' ? null : `stay/${c.detentions.length - 1}/hospital`),
    };
  }

  _removeStay(i) {
    this._c.detentions.splice(i, 1);
    if (!this._c.detentions.length) this._c.detentions.push(newStay());
    const answered = {};
    for (const [key, value] of Object.entries(this._m.answered)) {
      const m = /^stay\/(\d+)\/(.+)$/.exec(key);
      if (!m) answered[key] = value;
      else if (Number(m[1]) < i) answered[key] = value;
      else if (Number(m[1]) > i) answered[`stay/${Number(m[1]) - 1}/${m[2]}`] = value;
    }
    this._m.answered = answered;
    this._decision = null;
    this._persist();
  }

  _chargesQuestion() {
    const c = this._c;
    if (!c.charges || !c.charges.length) c.charges = [{}];
    const id = (p) => this._id(p);
    const bindings = [];
    const $groups = c.charges.map((ch, k) => {
      const P = (name) => `charges[${k}].${name}`;
      const what = textField({ id: id(P('what')), label: 'What were you charged for?', hint: 'For example, care home fees, supported housing or home care.', value: ch.what, maxlength: 200 });
      const since = dateField({ id: id(P('since')), legend: 'When did the charges start?', subject: 'The date the charges started', value: ch.since, optional: true });
      const until = dateField({ id: id(P('until')), legend: 'When did they stop?', subject: 'The date the charges stopped', hint: 'Leave this blank if you still pay.', value: ch.until, optional: true });
      const topUp = checkboxes({
        id: id(P('chosen_dearer_placement_with_written_agreement')),
        small: true,
        options: [{ key: 'top_up', label: 'This is only a “top-up”: I chose a more expensive place to live than the council offered, and agreed in writing to pay the difference', checked: ch.chosen_dearer_placement_with_written_agreement === true }],
      });
      bindings.push(
        { control: what, path: P('what') },
        { control: since, path: P('since') },
        { control: until, path: P('until') },
        { control: topUp, path: P('chosen_dearer_placement_with_written_agreement'), apply: (v) => setPath(c, P('chosen_dearer_placement_with_written_agreement'), v.top_up ? true : undefined) },
      );
      return h(
        'fieldset',
        { class: 's117-fieldset s117-repeat' },
        h('legend', { class: 's117-fieldset__legend s117-fieldset__legend--m', tabindex: '-1', id: id(`charges[${k}]`) }, h('h3', { class: 's117-fieldset__heading', text: `Charge ${k + 1}` })),
        what.el,
        since.el,
        until.el,
        topUp.el,
        c.charges.length > 1
          ? h('button', { class: 's117-button s117-button--secondary', type: 'button', onclick: () => { this._keepChargeValues(bindings); c.charges.splice(k, 1); this._announce(`Charge ${k + 1} removed.`); this._renderStep(false); this.querySelector('.js-s117-focus').focus(); } }, 'Remove', vh(` charge ${k + 1}`))
          : null,
      );
    });
    return {
      title: 'About the charges',
      body: [
        h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: 'About the charges' }),
        h('p', { class: 's117-body', text: 'Tell us what you can. Approximate dates are fine: a refund is usually counted from when charging began.' }),
        $groups,
        h('button', {
          class: 's117-button s117-button--secondary',
          type: 'button',
          text: 'Add another charge',
          onclick: () => {
            this._keepChargeValues(bindings);
            c.charges.push({});
            this._renderStep(false);
            const $legend = this.querySelector(`#${CSS.escape(id(`charges[${c.charges.length - 1}]`))}`);
            if ($legend) $legend.focus();
          },
        }),
      ],
      bindings,
    };
  }

  /** Keeps what has been typed into the charges so far (valid values only) before the list is redrawn. */
  _keepChargeValues(bindings) {
    for (const b of bindings) {
      const r = b.control.get();
      if (r.error) continue;
      if (b.apply) b.apply(r.value, r);
      else setPath(this._c, b.path, r.value);
    }
    this._persist();
  }

  // ----- check your answers ---------------------------------------------------------------------------------------


  // ----- the answer -------------------------------------------------------------------------------------------------


  // ----- the letter ---------------------------------------------------------------------------------------------


  // ----- the adviser view: every question on one dense screen -------------------------------------------------------


}

// ---------------------------------------------------------------------------------------------------------------
// Helpers used by the element.
// ---------------------------------------------------------------------------------------------------------------


/**
 * The journey question that asks a field (for error links from "check your answers").
 * @param {string} field a contract path
 */
function stepForField(field, c) {
  const m = /^detentions\[(\d+)\]\.(\w+)(?:\.(\w+))?/.exec(field || '');
  if (m) {
    const [, i, f, sub] = m;
    if (f === 'detained_in') return `stay/${i}/hospital`;
    if (f === 'section' || f === 'recall' || f === 'leaving') return `stay/${i}/${f}`;
    if (f === 'lived_before') return sub === 'country' ? `stay/${i}/lived` : sub === 'council' ? `stay/${i}/council` : `stay/${i}/circumstances`;
    if (['admitted', 'section_ended', 'left_hospital', 'cto_ended', 'hospital'].includes(f)) return `stay/${i}/dates`;
    if (f === 'gp_icb') return 'gp';
    if (f === 'nhs_england_secure_service') return 'secure';
    return `stay/${i}/hospital`;
  }
  if (/^lives_now\.council/.test(field)) return 'lives-now-council';
  if (/^lives_now/.test(field)) return 'lives-now';
  if (field === 'gp_icb_on_1_july_2022') return 'gp';
  if (field === 'aftercare_ended.date') return 'ended-date';
  if (field === 'aftercare_ended.reason') return 'ended-reason';
  if (/^aftercare_ended\.joint/.test(field)) return 'ended-joint';
  if (/^charges/.test(field)) return c && c.charges && c.charges.length ? 'charge-details' : 'charges';
  return null;
}


/** What a page waiting for a part says (see `_need`). */
const PART_TEXTS = {
  answer: { loading: 'Loading this page…', failed: 'Sorry, this page could not be loaded.' },
  adviser: { loading: 'Loading the adviser view…', failed: 'Sorry, the adviser view could not be loaded.' },
  letter: { loading: 'Loading the letter…', failed: 'Sorry, the letter could not be loaded.' },
};

/** What the parts (s117-answer.js, s117-letter.js, s117-adviser.js) use of this module, handed to their `install()`. */
const KIT = {
  mixin, h, append, vh, clean, getPath, setPath, debounce, download, longDate, firstDay, labelOf, coreSlot, errorSlot,
  radios, checkboxes, textField, dateField, comboField,
  newStay, isEW, hasLeft, isComplete, gpQuestion, isContractDate,
  UNKNOWN, SECTIONS, LEAVINGS, RECALLS_CTO, RECALLS_CD, CIRCUMSTANCES, ENDING_REASONS, HOSPITAL_COUNTRIES, LIVED_COUNTRIES,
  LIVES_NOW_COUNTRIES, PART_TEXTS,
};

S117Checker.define();
