// The screen of many enquiries, for the widget's adviser area: choose a CSV (or JSON Lines) file, watch the
// progress, then sort and page through the triage, read the counts and the problems, and download the triage CSV.
//
//   import { mountScreen } from './screen/screen.js';
//   const screen = mountScreen(document.querySelector('#screen'), { asAt: '2026-11-23' });
//
// The file is read and screened in a Web Worker (./worker.js) by the screening WebAssembly package
// (../pkg-screen/s117_screen.js, built with --features wasm,screen), which is only loaded when the screen is used,
// so the widget's own first load does not grow. Nothing leaves the machine.
//
// House rules: DOM APIs only (textContent, never innerHTML), no inline styles (CSP `style-src 'self'`), `.s117-`
// BEM classes styled by ./screen.css, `js-s117-` classes for hooks, real buttons, `aria-sort` on sortable columns.
// Every word comes from the catalogue through `t()` (./t.js; the words are src/messages/en_gb/screen_page.rs), by
// literal id; the core's own words (a row's problems, the summary, the next step) come with the rows.

import { t, tn } from './t.js';

/** The screening package, relative to this module. */
const DEFAULT_PKG_URL = new URL('../pkg-screen/s117_screen.js', import.meta.url).href;
const WORKER_URL = new URL('./worker.js', import.meta.url);
const CSS_URL = new URL('./screen.css', import.meta.url).href;

/**
 * The table's columns: the row field each shows, its heading, the key the core sorts it by (`--sort`; see
 * `SortKey` in src/screen/triage.rs), if it sorts, and then its name in the caption ("sorted by …").
 * @type {{ key: string, label: string, sort?: string, sortedBy?: string, numeric?: boolean }[]}
 */
const COLUMNS = [
  { key: 'row', label: t('screen_page.column.row'), sort: 'row', sortedBy: t('screen_page.sorted_by.row'), numeric: true },
  { key: 'reference', label: t('screen_page.column.reference'), sort: 'reference', sortedBy: t('screen_page.sorted_by.reference') },
  { key: 'entitlement', label: t('screen_page.column.entitlement'), sort: 'entitlement', sortedBy: t('screen_page.sorted_by.entitlement') },
  { key: 'council', label: t('screen_page.column.council'), sort: 'council', sortedBy: t('screen_page.sorted_by.council') },
  { key: 'nhs_body', label: t('screen_page.column.nhs_body'), sort: 'nhs-body', sortedBy: t('screen_page.sorted_by.nhs_body') },
  { key: 'refund_since', label: t('screen_page.column.refund_since'), sort: 'refund-since', sortedBy: t('screen_page.sorted_by.refund_since') },
  { key: 'limitation', label: t('screen_page.column.limitation'), sort: 'limitation', sortedBy: t('screen_page.sorted_by.limitation') },
  { key: 'next_deadline', label: t('screen_page.column.next_deadline'), sort: 'deadline', sortedBy: t('screen_page.sorted_by.next_deadline') },
  { key: 'next_step', label: t('screen_page.column.next_step') },
  { key: 'uncertain', label: t('screen_page.column.uncertain'), sort: 'uncertain', sortedBy: t('screen_page.sorted_by.uncertain'), numeric: true },
  { key: 'summary', label: t('screen_page.column.summary') },
];

/** Outcomes in words, in the order a firm acts on them. */
const OUTCOMES = [
  ['entitled', t('screen_page.outcome.entitled')],
  ['entitled_on_leaving_hospital', t('screen_page.outcome.entitled_on_leaving_hospital')],
  ['undetermined', t('screen_page.outcome.undetermined')],
  ['ended', t('screen_page.outcome.ended')],
  ['not_entitled', t('screen_page.outcome.not_entitled')],
  ['out_of_scope', t('screen_page.outcome.out_of_scope')],
];

/** The table's sort directions (the values of `aria-sort`) in words, for the caption. */
const DIRECTIONS = {
  ascending: t('screen_page.results.ascending'),
  descending: t('screen_page.results.descending'),
};

/** A deadline's kind (`DeadlineKind` in src/decision.rs) in words. @type {Record<string, string>} */
const DEADLINE_KINDS = {
  judicial_review: t('screen_page.deadline_kind.judicial_review'),
  ombudsman: t('screen_page.deadline_kind.ombudsman'),
  limitation: t('screen_page.deadline_kind.limitation'),
  reply: t('screen_page.deadline_kind.reply'),
};

/**
 * The filters the page offers: each is the core's own filter, as `s117 screen --only` and `--deadline-within` take
 * it (see `View` in src/screen/triage.rs), which the worker passes on; nothing is filtered here.
 * @type {[string, string, { only?: string[][], deadline_within?: number }][]}
 */
const FILTERS = [
  ['all', t('screen_page.filter.all'), {}],
  ['refund', t('screen_page.filter.refund'), { only: [['refund']] }],
  ['entitled', t('screen_page.filter.entitled'), { only: [['entitled', 'entitled_on_leaving_hospital']] }],
  ['deadline30', t('screen_page.filter.deadline30'), { deadline_within: 30 }],
  ['uncertain', t('screen_page.filter.uncertain'), { only: [['uncertain']] }],
  ['undetermined', t('screen_page.filter.undetermined'), { only: [['undetermined']] }],
];

const number = new Intl.NumberFormat('en-GB');

/** Whether `o` has its own property `key`. @param {object} o @param {string} key */
const has = (o, key) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Creates an element with attributes and children; text is only ever set as text.
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** Today's date where the user is, as YYYY-MM-DD (the page passes it to the core, which never reads a clock). */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A date as people read it: "1 September 2024", "March 2017", "2020". @param {string | null | undefined} iso */
function longDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  const month = m ? new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }) : '';
  return [d, month, y].filter(Boolean).join(' ');
}

/**
 * A flag id in words, `cross_border_nhs` → "cross border nhs" (the core's contract codes: the row carries no words
 * of its own for them). @param {string} id
 */
const words = (id) => id.replaceAll('_', ' ');

/**
 * The refund cell: since when, whether still charged, the estimate, and whether every payment is over six years old.
 * @param {any} r a triage row
 */
function refundText(r) {
  if (!r.refund) return '';
  const parts = [longDate(r.refund_since) || t('screen_page.refund.yes')];
  if (r.refund_ongoing) parts.push(t('screen_page.refund.ongoing'));
  if (r.refund_estimate != null) parts.push(t('screen_page.refund.estimate', { amount: number.format(r.refund_estimate) }));
  if (r.all_time_barred) parts.push(t('screen_page.refund.time_barred'));
  return parts.join(', ');
}

/**
 * A council or NHS body cell: the name, and whether it is still to be confirmed.
 * @param {string | null | undefined} name @param {boolean | undefined} certain
 */
function toConfirm(name, certain) {
  if (!name) return '';
  return certain === false ? t('screen_page.cell.to_confirm', { name }) : name;
}

/** The next deadline cell: "1 December 2026 (judicial review)". @param {any} d */
function deadlineText(d) {
  if (!d || !d.date) return '';
  const values = { date: longDate(d.date), kind: has(DEADLINE_KINDS, d.kind) ? DEADLINE_KINDS[d.kind] : words(d.kind) };
  return d.approximate ? t('screen_page.deadline.approximate', values) : t('screen_page.deadline.exact', values);
}

let ids = 0;

/**
 * Builds the screen inside `container` and returns a handle.
 *
 * @param {HTMLElement} container where the screen goes (its content is replaced)
 * @param {{ pkgUrl?: string, asAt?: string, pageSize?: number, css?: boolean, labelledBy?: string }} [options]
 *   pkgUrl: the screening package's JS (default ../pkg-screen/s117_screen.js next to this module); asAt: the
 *   default date of the check for rows without one (default today); pageSize: rows per page (default 50);
 *   css: add screen.css to the document (default true); labelledBy: the id of a heading the page already has for
 *   the screen (the checker's adviser view): then the screen draws no title of its own.
 * @returns {{ screenFile: (file: File) => void, destroy: () => void, element: HTMLElement }}
 */
export function mountScreen(container, options = {}) {
  const pkgUrl = options.pkgUrl || DEFAULT_PKG_URL;
  const pageSize = options.pageSize || 50;
  const id = `s117-screen-${++ids}`;
  if (options.css !== false && !document.querySelector(`link[href="${CSS_URL}"]`)) {
    document.head.append(h('link', { rel: 'stylesheet', href: CSS_URL }));
  }

  const state = {
    sort: 'row',
    dir: /** @type {'ascending' | 'descending'} */ ('ascending'),
    filter: 'all',
    offset: 0,
    total: 0,
    /** @type {File | null} */
    file: null,
    running: false,
    /** The mapping profile the firm applied or loaded (its text), or null for the screen's own reading. */
    profile: /** @type {string | null} */ (null),
    /** The profile applied before it, kept while a new one is tried (and put back if it cannot be read). */
    previousProfile: /** @type {string | null} */ (null),
    /** Where the profile being applied came from, to show its error there: the controls, the text or a file. */
    profileSource: /** @type {'controls' | 'text' | 'file'} */ ('controls'),
    /** Whether the text was edited since the controls last wrote it (then it is what Save saves). */
    textEdited: false,
    /** The last request to write the controls as text: only its answer is used. */
    writeSeq: 0,
    /** The mapping the controls show (for what they do not: the encoding). */
    mapping: /** @type {any} */ (null),
    /** The rows of the mapping's table: each heading and its choice of field. */
    columnRows: /** @type {{ heading: string, $select: HTMLSelectElement, $error: HTMLElement, $row: HTMLElement }[]} */ ([]),
    /** The rows of the councils' table: each name as the firm writes it and its council. */
    councilRows: /** @type {{ name: string, $input: HTMLInputElement, $error: HTMLElement, $row: HTMLElement }[]} */ ([]),
  };

  // ----- the form ---------------------------------------------------------------------------------------------
  const $file = /** @type {HTMLInputElement} */ (h('input', {
    type: 'file', id: `${id}-file`, class: 's117-screen__file js-s117-screen-file', accept: '.csv,.jsonl,.ndjson,text/csv',
    'aria-describedby': `${id}-file-hint`,
  }));
  const $asAt = /** @type {HTMLInputElement} */ (h('input', {
    type: 'date', id: `${id}-as-at`, class: 's117-screen__date js-s117-screen-as-at', value: options.asAt || today(),
    'aria-describedby': `${id}-as-at-hint`,
  }));
  const $template = h('button', { type: 'button', class: 's117-screen__button s117-screen__button--secondary js-s117-screen-template' },
    t('screen_page.form.template'));
  const $progress = /** @type {HTMLProgressElement} */ (h('progress', {
    class: 's117-screen__progress js-s117-screen-progress', max: '100', value: '0', id: `${id}-progress`, hidden: true,
    'aria-label': t('screen_page.progress.label'),
  }));
  const $status = h('p', { class: 's117-screen__status js-s117-screen-status', role: 'status' });

  // ----- the mapping: how the file was read, one choice of field per heading, and as a profile's text ---------
  // The controls and the text are two views of one profile: the core reads the text into the controls
  // (`readProfile`, in the worker, when a profile is applied or loaded) and writes the controls back as text
  // (`writeProfile`, when a control changes), so this page never parses or writes a profile itself.
  const errorId = (/** @type {string} */ what) => `${id}-${what}-error`;
  const $separator = /** @type {HTMLSelectElement} */ (h('select', {
    id: `${id}-separator`, class: 's117-screen__select js-s117-screen-separator',
  },
  h('option', { value: 'comma' }, t('screen_page.mapping.separator.comma')),
  h('option', { value: 'semicolon' }, t('screen_page.mapping.separator.semicolon')),
  h('option', { value: 'tab' }, t('screen_page.mapping.separator.tab'))));
  // The mapping's tables are laid out as blocks at a phone's width (screen.css), so their parts say their roles.
  const $columnsBody = h('tbody', { class: 'js-s117-screen-mapping-columns', role: 'rowgroup' });
  const $columnsError = h('p', { class: 's117-screen__error-message js-s117-screen-mapping-error', id: errorId('columns'), hidden: true });
  const $councilsBody = h('tbody', { class: 'js-s117-screen-mapping-councils', role: 'rowgroup' });
  const $councils = h('div', { class: 's117-screen__field js-s117-screen-mapping-councils-part' },
    h('h4', { class: 's117-screen__subheading', id: `${id}-councils-heading` }, t('screen_page.mapping.councils.heading')),
    h('p', { class: 's117-screen__field-hint' }, t('screen_page.mapping.councils.hint')),
    h('table', { class: 's117-screen__table s117-screen__mapping-table', role: 'table', 'aria-labelledby': `${id}-councils-heading` },
      h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' },
        h('th', { scope: 'col', role: 'columnheader', class: 's117-screen__th s117-screen__mapping-heading' }, t('screen_page.mapping.councils.name')),
        h('th', { scope: 'col', role: 'columnheader', class: 's117-screen__th' }, t('screen_page.mapping.councils.council')))),
      $councilsBody));
  const $applyMapping = h('button', { type: 'button', class: 's117-screen__button js-s117-screen-mapping-apply' },
    t('screen_page.mapping.apply'));
  const $saveProfile = h('button', { type: 'button', class: 's117-screen__button s117-screen__button--secondary js-s117-screen-profile-save' },
    t('screen_page.mapping.save'));
  const $loadError = h('p', { class: 's117-screen__error-message js-s117-screen-profile-file-error', id: errorId('profile-file'), hidden: true });
  const $loadProfile = /** @type {HTMLInputElement} */ (h('input', {
    type: 'file', id: `${id}-profile-file`, class: 's117-screen__file js-s117-screen-profile-file', accept: '.txt,.profile,text/plain',
    'aria-describedby': `${id}-profile-file-hint`,
  }));
  const $profile = /** @type {HTMLTextAreaElement} */ (h('textarea', {
    id: `${id}-profile`, class: 's117-screen__profile js-s117-screen-profile', rows: '16', spellcheck: 'false',
    autocomplete: 'off', 'aria-describedby': `${id}-profile-hint`,
  }));
  const $profileError = h('p', { class: 's117-screen__error-message js-s117-screen-profile-error', id: errorId('profile'), hidden: true });
  const $applyProfile = h('button', { type: 'button', class: 's117-screen__button s117-screen__button--secondary js-s117-screen-profile-apply' },
    t('screen_page.mapping.text.apply'));
  const $details = /** @type {HTMLDetailsElement} */ (h('details', { class: 's117-screen__details js-s117-screen-profile-details' },
    h('summary', { class: 's117-screen__summary' }, h('span', { class: 's117-screen__summary-text' }, t('screen_page.mapping.text.summary'))),
    h('div', { class: 's117-screen__details-text' },
      h('div', { class: 's117-screen__field js-s117-screen-profile-group' },
        h('label', { class: 's117-screen__label', for: `${id}-profile` }, t('screen_page.mapping.label')),
        h('p', { class: 's117-screen__field-hint', id: `${id}-profile-hint` }, t('screen_page.mapping.text.hint')),
        $profileError,
        $profile),
      $applyProfile)));
  const $mapping = h('div', { class: 's117-screen__mapping js-s117-screen-mapping', hidden: true },
    h('h3', { class: 's117-screen__heading', id: `${id}-mapping-heading` }, t('screen_page.mapping.heading')),
    h('p', { class: 's117-screen__hint' }, t('screen_page.mapping.hint')),
    h('div', { class: 's117-screen__field' },
      h('label', { class: 's117-screen__label', for: `${id}-separator` }, t('screen_page.mapping.separator')),
      $separator),
    h('div', { class: 's117-screen__field js-s117-screen-mapping-columns-part' },
      $columnsError,
      h('table', { class: 's117-screen__table s117-screen__mapping-table', role: 'table' },
        h('caption', { class: 's117-screen__caption' }, t('screen_page.mapping.columns.caption')),
        h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' },
          h('th', { scope: 'col', role: 'columnheader', class: 's117-screen__th s117-screen__mapping-heading' }, t('screen_page.mapping.columns.heading')),
          h('th', { scope: 'col', role: 'columnheader', class: 's117-screen__th' }, t('screen_page.mapping.columns.field')))),
        $columnsBody)),
    $councils,
    h('div', { class: 's117-screen__toolbar' }, $applyMapping, $saveProfile),
    h('div', { class: 's117-screen__field js-s117-screen-profile-file-group' },
      h('label', { class: 's117-screen__label', for: `${id}-profile-file` }, t('screen_page.mapping.load')),
      h('p', { class: 's117-screen__field-hint', id: `${id}-profile-file-hint` }, t('screen_page.mapping.load_hint')),
      $loadError,
      $loadProfile),
    $details);

  // ----- the results ------------------------------------------------------------------------------------------
  const $counts = h('dl', { class: 's117-screen__counts js-s117-screen-counts' });
  const $problems = h('div', { class: 's117-screen__problems js-s117-screen-problems' });
  const $filter = /** @type {HTMLSelectElement} */ (h('select', { id: `${id}-filter`, class: 's117-screen__select js-s117-screen-filter' },
    ...FILTERS.map(([value, label]) => h('option', { value }, label))));
  const $download = h('button', { type: 'button', class: 's117-screen__button js-s117-screen-download' }, t('screen_page.results.download'));
  const $downloadErrors = h('button', { type: 'button', class: 's117-screen__button s117-screen__button--secondary js-s117-screen-download-errors' },
    t('screen_page.results.download_problems'));
  const $head = h('tr');
  const $body = h('tbody', { class: 'js-s117-screen-body' });
  const $caption = h('caption', { class: 's117-screen__caption js-s117-screen-caption' });
  const $table = h('table', { class: 's117-screen__table js-s117-screen-table', id: `${id}-table` }, $caption, h('thead', {}, $head), $body);
  const $prev = h('button', { type: 'button', class: 's117-screen__button s117-screen__button--secondary js-s117-screen-prev' }, t('screen_page.results.previous'));
  const $next = h('button', { type: 'button', class: 's117-screen__button s117-screen__button--secondary js-s117-screen-next' }, t('screen_page.results.next'));
  const $range = h('p', { class: 's117-screen__range js-s117-screen-range', 'aria-live': 'polite' });
  const $results = h('div', { class: 's117-screen__results js-s117-screen-results', hidden: true },
    h('h3', { class: 's117-screen__heading' }, t('screen_page.results.counts_heading')),
    $counts,
    $problems,
    h('h3', { class: 's117-screen__heading', id: `${id}-triage` }, t('screen_page.results.triage_heading')),
    h('div', { class: 's117-screen__toolbar' },
      h('div', { class: 's117-screen__field' }, h('label', { class: 's117-screen__label', for: `${id}-filter` }, t('screen_page.results.show')), $filter),
      $download, $downloadErrors),
    h('div', { class: 's117-screen__scroll', role: 'region', 'aria-labelledby': `${id}-triage`, tabindex: '0' }, $table),
    h('div', { class: 's117-screen__pager' }, $prev, $range, $next));

  /** @type {Record<string, HTMLElement>} */
  const $sortButtons = {};
  /** @type {Record<string, HTMLElement>} */
  const $ths = {};
  for (const col of COLUMNS) {
    const $th = h('th', { scope: 'col', class: `s117-screen__th s117-screen__th--${col.key.replaceAll('_', '-')}` });
    if (col.sort) {
      const $b = h('button', { type: 'button', class: 's117-screen__sort js-s117-screen-sort', 'data-key': col.key }, col.label);
      $b.addEventListener('click', () => sortBy(col.key));
      $sortButtons[col.key] = $b;
      $th.append($b);
    } else {
      $th.textContent = col.label;
    }
    $ths[col.key] = $th;
    $head.append($th);
  }

  const $root = h('section', { class: 's117-screen', 'aria-labelledby': options.labelledBy || `${id}-title` },
    options.labelledBy ? null : h('h2', { class: 's117-screen__title', id: `${id}-title` }, t('screen_page.title')),
    h('p', { class: 's117-screen__hint' },
      `${t('screen_page.intro.hint')} `,
      h('strong', {}, t('screen_page.intro.private'))),
    h('div', { class: 's117-screen__field' },
      h('label', { class: 's117-screen__label', for: `${id}-as-at` }, t('screen_page.form.as_at')),
      h('p', { class: 's117-screen__field-hint', id: `${id}-as-at-hint` }, t('screen_page.form.as_at_hint')),
      $asAt),
    h('div', { class: 's117-screen__field' },
      h('label', { class: 's117-screen__label', for: `${id}-file` }, t('screen_page.form.file')),
      h('p', { class: 's117-screen__field-hint', id: `${id}-file-hint` }, t('screen_page.form.file_hint')),
      $file),
    $template,
    $progress,
    $status,
    $mapping,
    $results);
  container.replaceChildren($root);

  // ----- the worker -------------------------------------------------------------------------------------------
  const worker = new Worker(WORKER_URL, { type: 'module' });
  worker.onmessage = (e) => {
    const msg = e.data;
    if (msg.type === 'progress') {
      const pct = msg.bytesTotal ? Math.floor((100 * msg.bytesDone) / msg.bytesTotal) : 0;
      $progress.value = pct;
      $progress.setAttribute('aria-valuetext', t('screen_page.progress.value', { percent: pct }));
      $status.textContent = tn(msg.counts.rows, { one: 'screen_page.status.progress.one', other: 'screen_page.status.progress.other' },
        { percent: pct, rows: number.format(msg.counts.rows) });
    } else if (msg.type === 'done') {
      state.running = false;
      $progress.value = 100;
      $progress.hidden = true;
      const c = msg.counts;
      const counted = {
        screened: number.format(c.screened), rows: number.format(c.rows), bad: number.format(c.with_errors), blank: number.format(c.with_unreadable),
      };
      if (c.with_errors) {
        $status.textContent = tn(c.rows, { one: 'screen_page.status.done_with_problems.one', other: 'screen_page.status.done_with_problems.other' }, counted);
      } else if (c.with_unreadable) {
        $status.textContent = tn(c.rows, { one: 'screen_page.status.done_with_blanks.one', other: 'screen_page.status.done_with_blanks.other' }, counted);
      } else {
        $status.textContent = tn(c.rows, { one: 'screen_page.status.done.one', other: 'screen_page.status.done.other' }, counted);
      }
      $root.dataset.state = 'done';
      $root.dataset.ms = String(Math.round(msg.ms));
      showMapping(msg.profile, msg.mapping, msg.suggested, msg.fields);
      showCounts(c);
      showProblems(msg.errors, msg.errorCount, msg.warnings, c.with_errors + c.with_unreadable);
      $results.hidden = false;
      state.offset = 0;
      requestPage();
      container.dispatchEvent(new CustomEvent('s117-screened', { bubbles: true, detail: { counts: c, ms: msg.ms } }));
    } else if (msg.type === 'page') {
      showPage(msg.rows, msg.total, msg.offset);
    } else if (msg.type === 'download') {
      downloadBlob(msg.blob, msg.name);
    } else if (msg.type === 'profileText') {
      if (msg.seq === state.writeSeq) wroteProfile(msg);
    } else if (msg.type === 'failed') {
      state.running = false;
      $progress.hidden = true;
      $root.dataset.state = 'failed';
      $status.textContent = t('screen_page.status.failed', { message: msg.message });
      if (msg.profileError) {
        // The profile could not be read: its line is named next to where it came from, and the profile that
        // worked before stays the one applied to the next file.
        showProfileError(msg.profileError, state.profileSource);
        state.profile = state.previousProfile;
      }
    }
  };
  worker.onerror = (e) => {
    $root.dataset.state = 'failed';
    $status.textContent = t('screen_page.status.not_started', { message: e.message || t('screen_page.status.worker_failed') });
  };

  /** Starts screening a file. @param {File} file */
  function screenFile(file) {
    state.file = file;
    state.running = true;
    $root.dataset.state = 'running';
    $results.hidden = true;
    $progress.hidden = false;
    $progress.value = 0;
    $status.textContent = t('screen_page.status.starting', { name: file.name });
    worker.postMessage({ type: 'screen', file, name: file.name, asAt: $asAt.value || undefined, pkgUrl, profile: state.profile || undefined });
  }

  /**
   * Screens the file again with a mapping profile's text (the firm's own, kept for later files too).
   * @param {string} text @param {'controls' | 'text' | 'file'} source where it came from, to show its error there
   */
  function applyProfile(text, source) {
    clearProfileErrors();
    state.previousProfile = state.profile;
    state.profile = text.trim() ? text : null;
    state.profileSource = source;
    // The text and the controls show a loaded profile once the core has read it (or, if it cannot, the line to
    // correct, next to the file input), so that they never show two different mappings.
    if (source === 'text') $details.open = true;
    if (state.file && !state.running) screenFile(state.file);
  }

  /**
   * The mapping's choices of field, as `<option>`s to copy into each heading's `<select>`: the firm's own column
   * (carried, or left out), then every field the core reads (`profileFields`), grouped by the enquiry, each stay
   * and each charge.
   * @param {{ id: string, label: string, part: string, number?: number }[]} fields
   */
  function fieldOptions(fields) {
    const $options = document.createDocumentFragment();
    $options.append(
      h('option', { value: 'carried' }, t('screen_page.mapping.carried')),
      h('option', { value: 'ignored' }, t('screen_page.mapping.ignored')));
    /** @type {HTMLElement | null} */
    let $group = null;
    let group = '';
    for (const f of fields) {
      const key = `${f.part}${f.number || ''}`;
      if (key !== group) {
        group = key;
        const label = f.part === 'stay' ? t('screen_page.mapping.group.stay', { number: f.number })
          : f.part === 'charge' ? t('screen_page.mapping.group.charge', { number: f.number })
            : t('screen_page.mapping.group.case');
        $group = h('optgroup', { label });
        $options.append($group);
      }
      /** @type {HTMLElement} */ ($group).append(h('option', { value: f.id }, t('screen_page.mapping.option', { label: f.label, id: f.id })));
    }
    return $options;
  }

  /**
   * Shows how the file was read: a choice of field for each heading of the file (and each heading the profile
   * names that the file does not have), the separator, the council names, and the profile's text.
   * @param {string | null} text the profile applied, or the one the core suggests
   * @param {any} mapping that profile read into controls (`readProfile`), or null (a JSON Lines file)
   * @param {any} suggested the suggestion's mapping: the file's own headings, in order
   * @param {{ id: string, label: string, part: string, number?: number }[]} fields
   */
  function showMapping(text, mapping, suggested, fields) {
    $mapping.hidden = !mapping;
    if (!mapping) return;
    state.mapping = mapping;
    $profile.value = text || '';
    state.textEdited = false;
    $separator.value = mapping.separator;
    /** @type {Map<string, string>} */
    const chosen = new Map(mapping.columns.map((/** @type {any} */ c) => [c.heading, c.field]));
    // The file's headings in its order; a heading a profile does not list is carried, as the core reads it.
    const headings = [...(suggested || mapping).columns.map((/** @type {any} */ c) => c.heading)];
    for (const c of mapping.columns) if (!headings.includes(c.heading)) headings.push(c.heading);
    const $options = fieldOptions(fields);
    state.columnRows = headings.map((heading, i) => {
      const selectId = `${id}-mapping-${i}`;
      const $select = /** @type {HTMLSelectElement} */ (h('select', {
        id: selectId, class: 's117-screen__select s117-screen__mapping-select js-s117-screen-mapping-field', 'data-heading': heading,
      }));
      $select.append($options.cloneNode(true));
      const field = chosen.get(heading) || 'carried';
      // A field no option offers (a stay further on than the list) is still kept, as itself.
      if (![...$select.options].some((o) => o.value === field)) $select.append(h('option', { value: field }, field));
      $select.value = field;
      $select.addEventListener('change', () => writeControls('show'));
      const $error = h('p', { class: 's117-screen__error-message', id: `${selectId}-error`, hidden: true });
      return { heading, $select, $error, $row: h('tr', { class: 's117-screen__tr', role: 'row' },
        h('th', { scope: 'row', role: 'rowheader', class: 's117-screen__td s117-screen__mapping-heading' }, heading),
        h('td', { class: 's117-screen__td', role: 'cell' },
          h('label', { class: 's117-screen__visually-hidden', for: selectId }, t('screen_page.mapping.field_label', { heading })),
          $error,
          $select)) };
    });
    $columnsBody.replaceChildren(...state.columnRows.map((r) => r.$row));
    state.councilRows = mapping.councils.map((/** @type {{ name: string, council: string }} */ c, /** @type {number} */ i) => {
      const inputId = `${id}-council-${i}`;
      const $input = /** @type {HTMLInputElement} */ (h('input', {
        type: 'text', id: inputId, class: 's117-screen__input js-s117-screen-mapping-council', 'data-name': c.name,
        value: c.council, autocomplete: 'off', spellcheck: 'false',
      }));
      $input.addEventListener('change', () => writeControls('show'));
      const $error = h('p', { class: 's117-screen__error-message', id: `${inputId}-error`, hidden: true });
      return { name: c.name, $input, $error, $row: h('tr', { class: 's117-screen__tr', role: 'row' },
        h('th', { scope: 'row', role: 'rowheader', class: 's117-screen__td s117-screen__mapping-heading' }, c.name),
        h('td', { class: 's117-screen__td', role: 'cell' },
          h('label', { class: 's117-screen__visually-hidden', for: inputId }, t('screen_page.mapping.council_label', { name: c.name })),
          $error,
          $input)) };
    });
    $councilsBody.replaceChildren(...state.councilRows.map((r) => r.$row));
    $councils.hidden = state.councilRows.length === 0;
  }

  /** The controls as a mapping (`Mapping` in src/screen/profile.rs), for the core to write as a profile's text. */
  function controlsMapping() {
    return {
      separator: $separator.value,
      encoding: state.mapping ? state.mapping.encoding : undefined,
      columns: state.columnRows.map((r) => ({ heading: r.heading, field: r.$select.value })),
      councils: state.councilRows.map((r) => ({ name: r.name, council: r.$input.value })),
    };
  }

  /**
   * Asks the core to write the controls as a profile's text, then shows it (`show`), screens the file with it
   * (`apply`) or saves it (`save`).
   * @param {'show' | 'apply' | 'save'} then
   */
  function writeControls(then) {
    worker.postMessage({ type: 'writeProfile', mapping: controlsMapping(), seq: ++state.writeSeq, then, pkgUrl });
  }

  /** The core's answer to `writeControls`. @param {{ then: string, ok: boolean, text?: string, error?: any }} msg */
  function wroteProfile(msg) {
    clearProfileErrors();
    if (!msg.ok) {
      showProfileError(msg.error, 'controls');
      return;
    }
    const text = msg.text || '';
    $profile.value = text;
    state.textEdited = false;
    if (msg.then === 'apply') applyProfile(text, 'controls');
    else if (msg.then === 'save') saveText(text);
  }

  /** Downloads a profile's text as a file. @param {string} text */
  function saveText(text) {
    downloadBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), 'screen-mapping.txt');
  }

  /** Saves a file the page made, through a link clicked for the person. @param {Blob} blob @param {string} name */
  function downloadBlob(blob, name) {
    const url = URL.createObjectURL(blob);
    const $a = h('a', { href: url, download: name, class: 's117-screen__hidden-link' });
    document.body.append($a);
    $a.click();
    $a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /**
   * Shows a profile's error next to the control it is for (the GOV.UK error message pattern): the heading's or
   * council's row when the controls wrote it, the text, or the file input; otherwise above the headings.
   * @param {{ message: string, column?: number, council?: number }} error
   * @param {'controls' | 'text' | 'file'} source
   */
  function showProfileError(error, source) {
    /** @type {[HTMLElement, HTMLElement | null]} */
    let [$error, $control] = [$columnsError, null];
    const column = error.column != null ? state.columnRows[error.column] : undefined;
    const council = error.council != null ? state.councilRows[error.council] : undefined;
    if (source === 'controls' && column) [$error, $control] = [column.$error, column.$select];
    else if (source === 'controls' && council) [$error, $control] = [council.$error, council.$input];
    else if (source === 'text') [$error, $control] = [$profileError, $profile];
    else if (source === 'file') [$error, $control] = [$loadError, $loadProfile];
    if (source === 'text') $details.open = true;
    $error.replaceChildren(h('span', { class: 's117-screen__visually-hidden' }, `${t('screen_page.mapping.error_prefix')} `), error.message);
    $error.hidden = false;
    $error.closest('.s117-screen__field, td')?.classList.add('s117-screen__error-group');
    if ($control) {
      $control.classList.add('s117-screen__control--error');
      $control.setAttribute('aria-describedby', [$control.getAttribute('aria-describedby'), $error.id].filter(Boolean).join(' '));
    }
  }

  /** Takes away every profile error and its marks on the controls. */
  function clearProfileErrors() {
    for (const $error of $mapping.querySelectorAll('.s117-screen__error-message')) {
      $error.hidden = true;
      $error.replaceChildren();
      $error.closest('.s117-screen__field, td')?.classList.remove('s117-screen__error-group');
    }
    for (const $control of $mapping.querySelectorAll('.s117-screen__control--error')) {
      $control.classList.remove('s117-screen__control--error');
      const ids = ($control.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-error'));
      if (ids.length) $control.setAttribute('aria-describedby', ids.join(' '));
      else $control.removeAttribute('aria-describedby');
    }
  }

  /** The view the worker's job shows: the core's sort key, direction and filter for the table's state. */
  function view() {
    const col = COLUMNS.find((c) => c.key === state.sort);
    const filter = FILTERS.find(([value]) => value === state.filter);
    return { sort: (col && col.sort) || 'row', descending: state.dir === 'descending', ...(filter ? filter[2] : {}) };
  }

  function requestPage() {
    worker.postMessage({ type: 'page', view: view(), offset: state.offset, limit: pageSize });
  }

  /** Sorts by a column; a second press reverses the order. @param {string} key */
  function sortBy(key) {
    if (state.sort === key) {
      state.dir = state.dir === 'ascending' ? 'descending' : 'ascending';
    } else {
      state.sort = key;
      state.dir = 'ascending';
    }
    for (const [k, $th] of Object.entries($ths)) {
      if (k === key) $th.setAttribute('aria-sort', state.dir);
      else $th.removeAttribute('aria-sort');
    }
    state.offset = 0;
    requestPage();
  }
  $ths.row.setAttribute('aria-sort', 'ascending');

  /** @param {any} c the counts */
  function showCounts(c) {
    /** @type {[string, number][]} */
    const items = [
      [t('screen_page.count.rows'), c.rows],
      [t('screen_page.count.screened'), c.screened],
      [t('screen_page.count.with_errors'), c.with_errors],
      [t('screen_page.count.with_unreadable'), c.with_unreadable],
      ...OUTCOMES.map(([code, label]) => /** @type {[string, number]} */ ([label, c[code]])),
      [t('screen_page.count.refund'), c.refund],
      [t('screen_page.count.with_deadline'), c.with_deadline],
    ];
    $counts.replaceChildren(...items.map(([label, n]) => h('div', { class: 's117-screen__count-item' },
      h('dt', { class: 's117-screen__count-label' }, label),
      h('dd', { class: 's117-screen__count', 'data-count': label }, number.format(n || 0)))));
  }

  /**
   * @param {any[]} errors the first problems
   * @param {number} errorCount how many problems there are
   * @param {any[]} warnings
   * @param {number} badRows how many rows have problems (not screened, or screened with cells left blank)
   */
  function showProblems(errors, errorCount, warnings, badRows) {
    const parts = [];
    if (errorCount) {
      parts.push(h('h3', { class: 's117-screen__heading' },
        tn(badRows, { one: 'screen_page.problems.heading.one', other: 'screen_page.problems.heading.other' }, { count: number.format(badRows) })));
      parts.push(h('p', {}, t('screen_page.problems.advice')));
      parts.push(h('ul', { class: 's117-screen__list s117-screen__list--errors js-s117-screen-errors' },
        ...errors.map((e) => h('li', { class: 's117-screen__error' },
          h('span', { class: 's117-screen__where' }, where(e)),
          ` ${e.message}`,
          e.screened ? ` ${t('screen_page.problems.left_blank')}` : null,
          e.reference ? h('span', { class: 's117-screen__ref' }, ` ${t('screen_page.problems.reference', { reference: e.reference })}`) : null))));
      if (errorCount > errors.length) {
        parts.push(h('p', {}, t('screen_page.problems.first', { shown: number.format(errors.length), count: number.format(errorCount) })));
      }
    }
    if (warnings.length) {
      parts.push(h('h3', { class: 's117-screen__heading' }, t('screen_page.warnings.heading')));
      parts.push(h('ul', { class: 's117-screen__list js-s117-screen-warnings' },
        ...warnings.map((w) => h('li', {}, w.row ? t('screen_page.warnings.row', { row: w.row, message: w.message }) : w.message))));
    }
    $problems.replaceChildren(...parts);
    $downloadErrors.hidden = errorCount === 0;
  }

  /** "Row 7, column d1_left:" or "Line 7, field …:". @param {any} e */
  function where(e) {
    const values = { row: e.row, column: e.column };
    if (e.source === 'jsonl') return e.column ? t('screen_page.problems.line_field', values) : t('screen_page.problems.line', values);
    return e.column ? t('screen_page.problems.row_column', values) : t('screen_page.problems.row', values);
  }

  /**
   * @param {any[]} rows
   * @param {number} total
   * @param {number} offset
   */
  function showPage(rows, total, offset) {
    state.total = total;
    $body.replaceChildren(...rows.map((r) => h('tr', { class: 's117-screen__tr', 'data-row': String(r.row) },
      h('td', { class: 's117-screen__td s117-screen__td--numeric' }, String(r.row)),
      h('th', { scope: 'row', class: 's117-screen__td' }, r.reference),
      h('td', { class: `s117-screen__td s117-screen__outcome s117-screen__outcome--${r.entitlement.replaceAll('_', '-')}` },
        (OUTCOMES.find(([code]) => code === r.entitlement) || ['', r.entitlement])[1]),
      h('td', { class: 's117-screen__td' }, toConfirm(r.council, r.council_certain)),
      h('td', { class: 's117-screen__td' }, toConfirm(r.nhs_body, r.nhs_body_certain)),
      h('td', { class: 's117-screen__td' }, refundText(r)),
      h('td', { class: 's117-screen__td' }, longDate(r.limitation)),
      h('td', { class: 's117-screen__td' }, deadlineText(r.next_deadline)),
      h('td', { class: 's117-screen__td s117-screen__td--summary' }, r.next_step || ''),
      h('td', { class: 's117-screen__td s117-screen__td--numeric', title: r.uncertain.map(words).join(', ') || undefined },
        String(r.uncertain.length)),
      h('td', { class: 's117-screen__td s117-screen__td--summary' }, r.summary))));
    const from = total ? offset + 1 : 0;
    const to = Math.min(total, offset + rows.length);
    const col = COLUMNS.find((c) => c.key === state.sort);
    $caption.textContent = t('screen_page.results.caption', {
      column: (col && col.sortedBy) || t('screen_page.sorted_by.row'),
      direction: DIRECTIONS[state.dir],
    });
    $range.textContent = total
      ? t('screen_page.results.range', { from: number.format(from), to: number.format(to), total: number.format(total) })
      : t('screen_page.results.none');
    $prev.toggleAttribute('disabled', offset === 0);
    $next.toggleAttribute('disabled', offset + pageSize >= total);
  }

  $file.addEventListener('change', () => {
    const file = $file.files && $file.files[0];
    if (file) screenFile(file);
  });
  $asAt.addEventListener('change', () => {
    if (state.file && !state.running && $asAt.value) screenFile(state.file);
  });
  $filter.addEventListener('change', () => {
    state.filter = $filter.value;
    state.offset = 0;
    requestPage();
  });
  $prev.addEventListener('click', () => {
    state.offset = Math.max(0, state.offset - pageSize);
    requestPage();
  });
  $next.addEventListener('click', () => {
    if (state.offset + pageSize < state.total) state.offset += pageSize;
    requestPage();
  });
  const download = (/** @type {string} */ what) =>
    worker.postMessage({ type: 'download', what, view: view(), pkgUrl });
  $download.addEventListener('click', () => download('triage'));
  $downloadErrors.addEventListener('click', () => download('errors'));
  $template.addEventListener('click', () => download('template'));
  $separator.addEventListener('change', () => writeControls('show'));
  $applyMapping.addEventListener('click', () => writeControls('apply'));
  $applyProfile.addEventListener('click', () => applyProfile($profile.value, 'text'));
  $profile.addEventListener('input', () => {
    state.textEdited = true;
  });
  // Save: the text as edited, if it was; else the controls, written by the core.
  $saveProfile.addEventListener('click', () => (state.textEdited ? saveText($profile.value) : writeControls('save')));
  $loadProfile.addEventListener('change', async () => {
    const file = $loadProfile.files && $loadProfile.files[0];
    if (file) applyProfile(await file.text(), 'file');
    // The same file can be loaded again after it is corrected.
    $loadProfile.value = '';
  });

  return {
    element: $root,
    screenFile,
    destroy() {
      worker.terminate();
      $root.remove();
    },
  };
}
