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

/** The screening package, relative to this module. */
const DEFAULT_PKG_URL = new URL('../pkg-screen/s117_screen.js', import.meta.url).href;
const WORKER_URL = new URL('./worker.js', import.meta.url);
const CSS_URL = new URL('./screen.css', import.meta.url).href;

/**
 * The table's columns: the row field each shows, its heading, and the key the core sorts it by (`--sort`; see
 * `SortKey` in src/screen/triage.rs), if it sorts.
 */
const COLUMNS = [
  { key: 'row', label: 'Row', sort: 'row', numeric: true },
  { key: 'reference', label: 'Reference', sort: 'reference' },
  { key: 'entitlement', label: 'Outcome', sort: 'entitlement' },
  { key: 'council', label: 'Council', sort: 'council' },
  { key: 'nhs_body', label: 'NHS body', sort: 'nhs-body' },
  { key: 'refund_since', label: 'Refund since', sort: 'refund-since' },
  { key: 'limitation', label: 'Limitation (court, six years)', sort: 'limitation' },
  { key: 'next_deadline', label: 'Next deadline', sort: 'deadline' },
  { key: 'next_step', label: 'Next step' },
  { key: 'uncertain', label: 'Points to check', sort: 'uncertain', numeric: true },
  { key: 'summary', label: 'Summary' },
];

/** Outcomes in words, in the order a firm acts on them. */
const OUTCOMES = [
  ['entitled', 'Entitled'],
  ['entitled_on_leaving_hospital', 'Entitled on leaving hospital'],
  ['undetermined', 'Undetermined'],
  ['ended', 'Ended lawfully'],
  ['not_entitled', 'Not entitled'],
  ['out_of_scope', 'Out of scope'],
];

/**
 * The filters the page offers: each is the core's own filter, as `s117 screen --only` and `--deadline-within` take
 * it (see `View` in src/screen/triage.rs), which the worker passes on; nothing is filtered here.
 * @type {[string, string, { only?: string[][], deadline_within?: number }][]}
 */
const FILTERS = [
  ['all', 'All screened rows', {}],
  ['refund', 'Refund likely', { only: [['refund']] }],
  ['entitled', 'Entitled (now or on leaving hospital)', { only: [['entitled', 'entitled_on_leaving_hospital']] }],
  ['deadline30', 'A deadline within 30 days', { deadline_within: 30 }],
  ['uncertain', 'Points to check', { only: [['uncertain']] }],
  ['undetermined', 'Undetermined', { only: [['undetermined']] }],
];

const number = new Intl.NumberFormat('en-GB');

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

/** A flag id or a deadline kind in words: `judicial_review` → "judicial review". @param {string} id */
const words = (id) => id.replaceAll('_', ' ');

/**
 * The refund cell: since when, whether still charged, the estimate, and whether every payment is over six years old.
 * @param {any} r a triage row
 */
function refundText(r) {
  if (!r.refund) return '';
  const parts = [longDate(r.refund_since) || 'Yes'];
  if (r.refund_ongoing) parts.push('still charged');
  if (r.refund_estimate != null) parts.push(`about £${number.format(r.refund_estimate)}`);
  if (r.all_time_barred) parts.push('every payment over six years old');
  return parts.join(', ');
}

/** The next deadline cell: "1 December 2026 (judicial review)". @param {any} d */
function deadlineText(d) {
  if (!d || !d.date) return '';
  return `${longDate(d.date)} (${words(d.kind)}${d.approximate ? ', or earlier: dates approximate' : ''})`;
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
    'Download a blank template (CSV)');
  const $progress = /** @type {HTMLProgressElement} */ (h('progress', {
    class: 's117-screen__progress js-s117-screen-progress', max: '100', value: '0', id: `${id}-progress`, hidden: true,
    'aria-label': 'Screening progress',
  }));
  const $status = h('p', { class: 's117-screen__status js-s117-screen-status', role: 'status' });

  // ----- the results ------------------------------------------------------------------------------------------
  const $counts = h('dl', { class: 's117-screen__counts js-s117-screen-counts' });
  const $problems = h('div', { class: 's117-screen__problems js-s117-screen-problems' });
  const $filter = /** @type {HTMLSelectElement} */ (h('select', { id: `${id}-filter`, class: 's117-screen__select js-s117-screen-filter' },
    ...FILTERS.map(([value, label]) => h('option', { value }, label))));
  const $download = h('button', { type: 'button', class: 's117-screen__button js-s117-screen-download' }, 'Download the triage (CSV)');
  const $downloadErrors = h('button', { type: 'button', class: 's117-screen__button s117-screen__button--secondary js-s117-screen-download-errors' },
    'Download the problems (CSV)');
  const $head = h('tr');
  const $body = h('tbody', { class: 'js-s117-screen-body' });
  const $caption = h('caption', { class: 's117-screen__caption js-s117-screen-caption' });
  const $table = h('table', { class: 's117-screen__table js-s117-screen-table', id: `${id}-table` }, $caption, h('thead', {}, $head), $body);
  const $prev = h('button', { type: 'button', class: 's117-screen__button s117-screen__button--secondary js-s117-screen-prev' }, 'Previous page');
  const $next = h('button', { type: 'button', class: 's117-screen__button s117-screen__button--secondary js-s117-screen-next' }, 'Next page');
  const $range = h('p', { class: 's117-screen__range js-s117-screen-range', 'aria-live': 'polite' });
  const $results = h('div', { class: 's117-screen__results js-s117-screen-results', hidden: true },
    h('h3', { class: 's117-screen__heading' }, 'Counts by outcome'),
    $counts,
    $problems,
    h('h3', { class: 's117-screen__heading', id: `${id}-triage` }, 'Triage'),
    h('div', { class: 's117-screen__toolbar' },
      h('div', { class: 's117-screen__field' }, h('label', { class: 's117-screen__label', for: `${id}-filter` }, 'Show'), $filter),
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
    options.labelledBy ? null : h('h2', { class: 's117-screen__title', id: `${id}-title` }, 'Screen many enquiries'),
    h('p', { class: 's117-screen__hint' },
      'Choose a CSV file with one enquiry per row, laid out as in the template. Each row is checked with the same rules as this checker. ',
      h('strong', {}, 'The file is read in this browser and nothing is sent anywhere.')),
    h('div', { class: 's117-screen__field' },
      h('label', { class: 's117-screen__label', for: `${id}-as-at` }, 'Date of the check'),
      h('p', { class: 's117-screen__field-hint', id: `${id}-as-at-hint` }, 'Used for rows that do not give an as_at date.'),
      $asAt),
    h('div', { class: 's117-screen__field' },
      h('label', { class: 's117-screen__label', for: `${id}-file` }, 'Enquiries file'),
      h('p', { class: 's117-screen__field-hint', id: `${id}-file-hint` }, 'CSV (.csv), or JSON Lines of cases (.jsonl).'),
      $file),
    $template,
    $progress,
    $status,
    $results);
  container.replaceChildren($root);

  // ----- the worker -------------------------------------------------------------------------------------------
  const worker = new Worker(WORKER_URL, { type: 'module' });
  worker.onmessage = (e) => {
    const msg = e.data;
    if (msg.type === 'progress') {
      const pct = msg.bytesTotal ? Math.floor((100 * msg.bytesDone) / msg.bytesTotal) : 0;
      $progress.value = pct;
      $progress.setAttribute('aria-valuetext', `${pct}%`);
      $status.textContent = `Screening… ${pct}% (${number.format(msg.counts.rows)} rows so far)`;
    } else if (msg.type === 'done') {
      state.running = false;
      $progress.value = 100;
      $progress.hidden = true;
      const c = msg.counts;
      $status.textContent = `Screened ${number.format(c.screened)} of ${number.format(c.rows)} rows`
        + (c.with_errors ? `; ${number.format(c.with_errors)} could not be screened (listed below).` : '.');
      $root.dataset.state = 'done';
      $root.dataset.ms = String(Math.round(msg.ms));
      showCounts(c);
      showProblems(msg.errors, msg.errorCount, msg.warnings, c.with_errors);
      $results.hidden = false;
      state.offset = 0;
      requestPage();
      container.dispatchEvent(new CustomEvent('s117-screened', { bubbles: true, detail: { counts: c, ms: msg.ms } }));
    } else if (msg.type === 'page') {
      showPage(msg.rows, msg.total, msg.offset);
    } else if (msg.type === 'download') {
      const url = URL.createObjectURL(msg.blob);
      const $a = h('a', { href: url, download: msg.name, class: 's117-screen__hidden-link' });
      document.body.append($a);
      $a.click();
      $a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } else if (msg.type === 'failed') {
      state.running = false;
      $progress.hidden = true;
      $root.dataset.state = 'failed';
      $status.textContent = `The file could not be screened: ${msg.message}`;
    }
  };
  worker.onerror = (e) => {
    $root.dataset.state = 'failed';
    $status.textContent = `The screen could not start: ${e.message || 'the worker failed to load'}`;
  };

  /** Starts screening a file. @param {File} file */
  function screenFile(file) {
    state.file = file;
    state.running = true;
    $root.dataset.state = 'running';
    $results.hidden = true;
    $progress.hidden = false;
    $progress.value = 0;
    $status.textContent = `Screening ${file.name}…`;
    worker.postMessage({ type: 'screen', file, name: file.name, asAt: $asAt.value || undefined, pkgUrl });
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
      ['Rows read', c.rows],
      ['Screened', c.screened],
      ['Could not be screened', c.with_errors],
      ...OUTCOMES.map(([code, label]) => /** @type {[string, number]} */ ([label, c[code]])),
      ['Refund likely', c.refund],
      ['With a deadline ahead', c.with_deadline],
    ];
    $counts.replaceChildren(...items.map(([label, n]) => h('div', { class: 's117-screen__count-item' },
      h('dt', { class: 's117-screen__count-label' }, label),
      h('dd', { class: 's117-screen__count', 'data-count': label }, number.format(n || 0)))));
  }

  /**
   * @param {any[]} errors the first problems
   * @param {number} errorCount how many problems there are
   * @param {any[]} warnings
   * @param {number} badRows how many rows could not be screened
   */
  function showProblems(errors, errorCount, warnings, badRows) {
    const parts = [];
    if (errorCount) {
      parts.push(h('h3', { class: 's117-screen__heading' },
        `${number.format(badRows)} ${badRows === 1 ? 'row' : 'rows'} could not be screened`));
      parts.push(h('p', {}, 'Correct these in the file and screen it again. Every other row was screened.'));
      parts.push(h('ul', { class: 's117-screen__list s117-screen__list--errors js-s117-screen-errors' },
        ...errors.map((e) => h('li', { class: 's117-screen__error' },
          h('span', { class: 's117-screen__where' }, where(e)),
          ` ${e.message}`,
          e.reference ? h('span', { class: 's117-screen__ref' }, ` (${e.reference})`) : null))));
      if (errorCount > errors.length) {
        parts.push(h('p', {}, `Showing the first ${number.format(errors.length)} of ${number.format(errorCount)} problems. Download the problems to see them all.`));
      }
    }
    if (warnings.length) {
      parts.push(h('h3', { class: 's117-screen__heading' }, 'Warnings'));
      parts.push(h('ul', { class: 's117-screen__list js-s117-screen-warnings' },
        ...warnings.map((w) => h('li', {}, w.row ? `Row ${w.row}: ${w.message}` : w.message))));
    }
    $problems.replaceChildren(...parts);
    $downloadErrors.hidden = errorCount === 0;
  }

  /** "Row 7, column d1_left:" or "Line 7, field …:". @param {any} e */
  function where(e) {
    const [unit, col] = e.source === 'jsonl' ? ['Line', 'field'] : ['Row', 'column'];
    return e.column ? `${unit} ${e.row}, ${col} ${e.column}:` : `${unit} ${e.row}:`;
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
      h('td', { class: 's117-screen__td' }, r.council ? r.council + (r.council_certain === false ? ' (to confirm)' : '') : ''),
      h('td', { class: 's117-screen__td' }, r.nhs_body ? r.nhs_body + (r.nhs_body_certain === false ? ' (to confirm)' : '') : ''),
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
    $caption.textContent = `Triage, sorted by ${col ? col.label.toLowerCase() : 'row'} (${state.dir})`;
    $range.textContent = total ? `Rows ${number.format(from)} to ${number.format(to)} of ${number.format(total)}` : 'No rows to show';
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

  return {
    element: $root,
    screenFile,
    destroy() {
      worker.terminate();
      $root.remove();
    },
  };
}
