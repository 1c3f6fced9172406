// The screen's Web Worker: reads the chosen file, screens it in chunks with the screening WebAssembly package
// (www/pkg-screen/, built with --features wasm,screen), reports progress, and then serves sorted, filtered pages of
// the triage to the page, so the page's main thread never holds or sorts 100,000 rows. The rows stay in the
// WebAssembly job, which sorts and filters them (the same code as `s117 screen --sort/--only`): this file keeps no
// rows and no order of its own.
//
// Nothing leaves the machine: the file is read here, in the browser, and the only requests are for this file and
// the package's own two files.
//
// Messages in (from screen.js):
//   { type: 'screen', file: File|Blob, name, asAt, pkgUrl, profile? }   start (a new file cancels the one before);
//                                                             profile: a mapping profile's text, applied exactly
//   { type: 'page', view, offset, limit }                     a page of rows in that view
//   { type: 'download', what: 'triage' | 'errors' | 'template', view }
//   { type: 'writeProfile', mapping, seq, then, pkgUrl }    the page's mapping controls as a profile's text (`then`
//                                                             is returned as given: what the page does next)
// where a view is { sort, descending, only, deadline_within } (see `View` in src/screen/triage.rs).
// Messages out:
//   { type: 'progress', id, bytesDone, bytesTotal, counts }
//   { type: 'done', id, counts, errors, errorCount, warnings, ms, profile, mapping, suggested, fields }
//                                                             profile: the one applied, or else the one the core
//                                                             suggests for the file (CSV only; null if none);
//                                                             mapping: that profile read into the page's controls
//                                                             (see `Mapping` in src/screen/profile.rs); suggested:
//                                                             the suggestion's mapping (the file's own headings);
//                                                             fields: every field a heading can be read as
//   { type: 'page', rows, total, offset }
//   { type: 'download', what, blob, name }
//   { type: 'failed', id, message, profileError? }          profileError: the applied profile's line that cannot
//                                                             be read ({ line, message })
//   { type: 'profileText', seq, then, ok, text?, error? }    the mapping written, or the line that cannot be read

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
/** Which screening is current: a new file makes earlier loops stop. */
let current = 0;

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
 * @param {{ file: Blob, name?: string, asAt?: string, pkgUrl: string, profile?: string }} msg
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
    job = null;
    // The mapping: the firm's own profile, applied exactly, or else the one the core would use, to show and edit.
    // The suggestion is read for the file's own headings too, which the page lists even where a profile does not.
    let suggestedText = null;
    if (format === 'csv') {
      try {
        suggestedText = wasm.suggestProfile(bytes);
      } catch {
        suggestedText = null;
      }
    }
    const profile = msg.profile || suggestedText;
    const read = profile ? wasm.readProfile(profile) : null;
    if (msg.profile && read && !read.ok) {
      postMessage({ type: 'failed', id, message: read.error.message, profileError: read.error });
      return;
    }
    const mapping = read && read.ok ? read.mapping : null;
    const suggested = suggestedText && suggestedText !== profile ? wasm.readProfile(suggestedText).mapping || null : mapping;
    // The stays and charges offered: as many as the template's (three and two), or as the mappings name.
    const most = (/** @type {'stays' | 'charges'} */ key, /** @type {number} */ least) =>
      Math.max(least, (mapping && mapping[key]) || 0, (suggested && suggested[key]) || 0);
    const fields = mapping ? wasm.profileFields(most('stays', 3), most('charges', 2)) : [];
    job = new wasm.ScreenJob(bytes, format, msg.asAt ? { as_at: msg.asAt } : {}, msg.profile || undefined);
    /** @type {any[]} */
    const errors = [];
    let errorCount = 0;
    /** @type {any[]} */
    const warnings = [];
    let lastPost = 0;
    for (;;) {
      const step = job.step(CHUNK);
      errorCount += step.errors.length;
      for (const e of step.errors) if (errors.length < MAX_ERRORS_SHOWN) errors.push(e);
      for (const w of step.warnings) warnings.push(w);
      const now = performance.now();
      if (step.done) {
        postMessage({ type: 'done', id, counts: step.counts, errors, errorCount, warnings, ms: now - t0, profile, mapping, suggested, fields });
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

self.onmessage = (/** @type {MessageEvent} */ e) => {
  const msg = e.data;
  if (msg.type === 'screen') {
    screen(msg);
  } else if (msg.type === 'page') {
    if (!job) return;
    try {
      const page = job.page(msg.view, msg.offset, msg.limit);
      postMessage({ type: 'page', rows: page.rows, total: page.total, offset: page.offset });
    } catch (err) {
      postMessage({ type: 'failed', id: current, message: String((err && err.message) || err) });
    }
  } else if (msg.type === 'writeProfile') {
    loadWasm(msg.pkgUrl).then((m) => {
      postMessage({ type: 'profileText', seq: msg.seq, then: msg.then, ...m.writeProfile(msg.mapping) });
    }).catch((err) => {
      postMessage({ type: 'profileText', seq: msg.seq, then: msg.then, ok: false, error: { message: String((err && err.message) || err) } });
    });
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
    const text = errors ? job.errorsCsv() : job.toCsv(msg.view);
    // A byte-order mark, so that Excel reads the file as UTF-8.
    const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
    postMessage({ type: 'download', what: msg.what, blob, name });
  }
};
