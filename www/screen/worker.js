// The screen's Web Worker: reads the chosen file, screens it in chunks with the screening WebAssembly package
// (www/pkg-screen/, built with --features wasm,screen), reports progress, and then serves sorted, filtered pages of
// the triage to the page, so the page's main thread never holds or sorts 100,000 rows.
//
// Nothing leaves the machine: the file is read here, in the browser, and the only requests are for this file and
// the package's own two files.
//
// Messages in (from screen.js):
//   { type: 'screen', file: File|Blob, name, asAt, pkgUrl }   start (a new file cancels the one before)
//   { type: 'page', sort, dir, filter, offset, limit }        a page of rows in that order
//   { type: 'download', what: 'triage' | 'errors' | 'template', sort, dir, filter }
// Messages out:
//   { type: 'progress', id, bytesDone, bytesTotal, counts }
//   { type: 'done', id, counts, errors, errorCount, warnings, ms }
//   { type: 'page', rows, total, offset }
//   { type: 'download', what, blob, name }
//   { type: 'failed', id, message }

/** Rows screened per step: big enough to keep the boundary cheap, small enough to report progress often. */
const CHUNK = 1000;
/** At most this many problems are sent to the page; all of them are in the problems download. */
const MAX_ERRORS_SHOWN = 200;
/** The least time between two progress messages, in milliseconds. */
const PROGRESS_EVERY = 100;

/** @type {Promise<any> | null} */
let wasmReady = null;
/** @type {any} the ScreenJob of the file last screened */
let job = null;
/** @type {any[]} every triage row, in input order */
let rows = [];
/** Which screening is current: a new file makes earlier loops stop. */
let current = 0;
/** @type {{ key: string, order: Uint32Array } | null} the last order computed */
let cached = null;

/**
 * Loads the screening package once.
 * @param {string} pkgUrl
 */
function loadWasm(pkgUrl) {
  if (!wasmReady) {
    wasmReady = import(pkgUrl).then(async (m) => {
      await m.default();
      return m;
    });
  }
  return wasmReady;
}

/** Yields to the worker's event loop so that a newer message can be handled between chunks. */
function yieldToEvents() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(undefined);
    channel.port2.postMessage(null);
  });
}

/**
 * Screens a file, posting progress, then the counts and the first problems.
 * @param {{ file: Blob, name?: string, asAt?: string, pkgUrl: string }} msg
 */
async function screen(msg) {
  const id = ++current;
  const t0 = performance.now();
  try {
    const wasm = await loadWasm(msg.pkgUrl);
    const bytes = new Uint8Array(await msg.file.arrayBuffer());
    if (id !== current) return;
    const format = /\.(jsonl|ndjson)$/i.test(msg.name || '') ? 'jsonl' : 'csv';
    if (job) job.free();
    job = new wasm.ScreenJob(bytes, format, msg.asAt ? { as_at: msg.asAt } : {});
    rows = [];
    cached = null;
    /** @type {any[]} */
    const errors = [];
    let errorCount = 0;
    /** @type {any[]} */
    const warnings = [];
    let lastPost = 0;
    for (;;) {
      const step = job.step(CHUNK);
      for (const r of step.rows) rows.push(r);
      if (step.rows.length) cached = null;
      errorCount += step.errors.length;
      for (const e of step.errors) if (errors.length < MAX_ERRORS_SHOWN) errors.push(e);
      for (const w of step.warnings) warnings.push(w);
      const now = performance.now();
      if (step.done) {
        postMessage({ type: 'done', id, counts: step.counts, errors, errorCount, warnings, ms: now - t0 });
        return;
      }
      if (now - lastPost >= PROGRESS_EVERY) {
        lastPost = now;
        postMessage({ type: 'progress', id, bytesDone: step.bytes_done, bytesTotal: step.bytes_total, counts: step.counts });
      }
      await yieldToEvents();
      if (id !== current) return;
    }
  } catch (err) {
    if (id === current) postMessage({ type: 'failed', id, message: String((err && err.message) || err) });
  }
}

const RANK = ['entitled', 'entitled_on_leaving_hospital', 'undetermined', 'ended', 'not_entitled', 'out_of_scope'];
const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** The value a column sorts by; `null` sorts last in both directions. */
const KEYS = {
  row: (/** @type {any} */ r) => r.row,
  reference: (/** @type {any} */ r) => r.reference,
  entitlement: (/** @type {any} */ r) => RANK.indexOf(r.entitlement),
  council: (/** @type {any} */ r) => r.council,
  nhs_body: (/** @type {any} */ r) => r.nhs_body,
  refund_since: (/** @type {any} */ r) => (r.refund ? r.refund_since || '0000' : null),
  limitation: (/** @type {any} */ r) => r.limitation || null,
  next_deadline: (/** @type {any} */ r) => (r.next_deadline && r.next_deadline.date ? r.next_deadline.date : null),
  uncertain: (/** @type {any} */ r) => r.uncertain.length,
};

/** The filters the page offers (the same as `s117 screen --only` and `--deadline-within 30`). */
const FILTERS = {
  all: () => true,
  refund: (/** @type {any} */ r) => r.refund,
  entitled: (/** @type {any} */ r) => r.entitlement === 'entitled' || r.entitlement === 'entitled_on_leaving_hospital',
  deadline30: (/** @type {any} */ r) => within(r, 30),
  uncertain: (/** @type {any} */ r) => r.uncertain.length > 0,
  undetermined: (/** @type {any} */ r) => r.entitlement === 'undetermined',
};

/**
 * Has the row a dated deadline from its date of the check to `days` days after it? (Undated ones, such as the
 * ombudsman's without `first_knew`, have no day to fall within.)
 * @param {any} r
 * @param {number} days
 */
function within(r, days) {
  const from = Date.parse(r.as_at);
  const to = from + days * 86400000;
  return r.deadlines.some((/** @type {any} */ d) => d.date && last(d.date) >= from && first(d.date) <= to);
}

/** The first day a date given as YYYY-MM-DD, YYYY-MM or YYYY can mean, in ms. @param {string} d */
function first(d) {
  return Date.parse(d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
}

/** The last day it can mean, in ms. @param {string} d */
function last(d) {
  if (d.length === 10) return Date.parse(d);
  const [y, m] = d.split('-').map(Number);
  return m ? Date.UTC(y, m, 0) : Date.UTC(y, 11, 31);
}

/**
 * The rows' indexes in the order and filter asked for (cached for paging).
 * @param {string} sort
 * @param {'ascending' | 'descending'} dir
 * @param {string} filter
 */
function order(sort, dir, filter) {
  const key = `${sort}|${dir}|${filter}`;
  if (cached && cached.key === key) return cached.order;
  const keyOf = KEYS[/** @type {keyof typeof KEYS} */ (sort)] || KEYS.row;
  const keep = FILTERS[/** @type {keyof typeof FILTERS} */ (filter)] || FILTERS.all;
  /** @type {number[]} */
  const idx = [];
  /** @type {any[]} */
  const values = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    if (!keep(rows[i])) continue;
    idx.push(i);
    values[i] = keyOf(rows[i]);
  }
  const sign = dir === 'descending' ? -1 : 1;
  idx.sort((a, b) => {
    const x = values[a];
    const y = values[b];
    if (x === null || x === undefined) return y === null || y === undefined ? a - b : 1;
    if (y === null || y === undefined) return -1;
    const c = typeof x === 'number' ? x - y : collator.compare(x, y);
    return c !== 0 ? sign * c : a - b;
  });
  cached = { key, order: Uint32Array.from(idx) };
  return cached.order;
}

self.onmessage = (/** @type {MessageEvent} */ e) => {
  const msg = e.data;
  if (msg.type === 'screen') {
    screen(msg);
  } else if (msg.type === 'page') {
    const o = order(msg.sort, msg.dir, msg.filter);
    const page = [];
    for (let i = msg.offset; i < Math.min(o.length, msg.offset + msg.limit); i++) page.push(rows[o[i]]);
    postMessage({ type: 'page', rows: page, total: o.length, offset: msg.offset });
  } else if (msg.type === 'download') {
    if (msg.what === 'template') {
      loadWasm(msg.pkgUrl).then((m) => {
        const blob = new Blob(['\ufeff', m.screenTemplate()], { type: 'text/csv;charset=utf-8' });
        postMessage({ type: 'download', what: msg.what, blob, name: 'enquiries-template.csv' });
      });
      return;
    }
    if (!job) return;
    const errors = msg.what === 'errors';
    const name = errors ? 'problems.csv' : 'triage.csv';
    const text = errors ? job.errorsCsv() : job.toCsv(order(msg.sort, msg.dir, msg.filter));
    // A byte-order mark, so that Excel reads the file as UTF-8.
    const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
    postMessage({ type: 'download', what: msg.what, blob, name });
  }
};
