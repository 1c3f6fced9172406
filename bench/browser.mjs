// The browser half of the benchmark (scripts/bench.sh), in headless Chromium (Debian's /usr/bin/chromium) via
// playwright-core. Prints one JSON object with:
//
//   bytes   what www/index.html really fetched before its first question was usable, from the browser's own record
//           of its requests (Resource Timing, same clock as the moment below), not from a list kept by hand: each
//           file finished before that moment is counted, raw and gzip -9 (the widget's own files, and the host
//           page's); files still on their way at that moment, and those asked for after it (the rules, loaded in
//           the background), are listed apart. Taken on every timed load below (CPU throttled, no cache); the figure
//           is the largest of those loads;
//   load    time from navigation to the first question being usable, CPU throttled 4x (CDP
//           Emulation.setCPUThrottlingRate), for the widget and for a static page with the same markup (a snapshot
//           of the widget's first question, no script), median of RUNS runs each, interleaved in the same run; and
//           for the widget, the time until its rules had loaded too (`s117-core-ready`);
//   eval    one check() of bench/case-5-detentions.json through the wasm boundary (www/pkg/s117.js), in batches of
//           10 calls timed with performance.now(), median and p95 per call (not throttled);
//   screen  screening the generated file on www/screen/demo.html (the Web Worker and www/pkg-screen/), rows per
//           second, after a warm-up on the sample file.
//
//   node bench/browser.mjs --screen /tmp/enquiries-100k.csv [--runs 7]
//
// It serves www/ itself (a small Node server, no caching, no compression), on 127.0.0.1.

import { readFile } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, AS_AT, launchChromium, serveWww, wwwFile, screenFile } from '../www/test/support.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RUNS = Number(arg('--runs', '7'));
const SCREEN_FILE = arg('--screen', '');
const THROTTLE = Number(arg('--throttle', '4'));

// ----- the server: www/, plus the static snapshot at /__bench-static.html and a blank page without a CSP ----------

let staticPage = '';
const BENCH_PAGES = {
  '/__bench-static.html': () => staticPage,
  '/__bench-blank.html': () => '<!doctype html><title>bench</title>',
};
const { server, url: BASE } = await serveWww({ extra: (pathname) => BENCH_PAGES[/** @type {keyof BENCH_PAGES} */ (pathname)]?.() });

const browser = await launchChromium();
const result = { chromium: browser.version() };

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** @param {number[]} xs @param {number} p */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.round((s.length - 1) * p)];
};

// Records, in the page, when the first question became usable: for the widget, when it says so (`s117-ready`,
// fired once its first screen is shown and its controls work); for the static page, as soon as the first question's
// control is in the document. Either way, the time of the next animation frame (it is on screen by then).
// For the widget, also when its rules had loaded (`s117-core-ready`).
const DETECT = () => {
  const w = /** @type {any} */ (window);
  const mark = () => {
    if (w.__usable !== undefined || w.__marking) return;
    w.__marking = true;
    requestAnimationFrame(() => { w.__usable = performance.now(); });
  };
  if (w.__benchWidget) {
    document.addEventListener('s117-ready', mark, { capture: true });
    document.addEventListener('s117-core-ready', () => { w.__core = performance.now(); }, { capture: true });
  } else {
    const check = () => {
      if (document.querySelector('s117-checker input, s117-checker select, s117-checker button')) mark();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', check);
  }
};

/**
 * What the page fetched, from the browser's Resource Timing entries (and the navigation entry for the page itself),
 * each placed against the moment the first question was usable: `before` (the response had finished by then),
 * `during` (asked for before, finished after) or `after` (asked for after).
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ usable: number, core: number|null, requests: { url: string, start: number, end: number, bytes: number, when: string }[] }>}
 */
async function requestsAroundUsable(page) {
  return page.evaluate(() => {
    const w = /** @type {any} */ (window);
    const usable = w.__usable;
    const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
    const entries = [nav, ...performance.getEntriesByType('resource')].map((e) => {
      const t = /** @type {PerformanceResourceTiming} */ (e);
      return { url: t.name, start: t.startTime, end: t.responseEnd, bytes: t.encodedBodySize };
    });
    return {
      usable,
      core: w.__core === undefined ? null : w.__core,
      requests: entries.map((r) => ({ ...r, when: r.end <= usable ? 'before' : r.start <= usable ? 'during' : 'after' })),
    };
  });
}

/**
 * Loads a page in a fresh context with the CPU throttled and returns when its first question was usable (and, for
 * the widget, when its rules had loaded, and what it fetched around that moment).
 * @param {string} url
 * @param {boolean} widget
 */
async function timeToUsable(url, widget) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (widget) await page.addInitScript(() => { /** @type {any} */ (window).__benchWidget = true; });
  await page.addInitScript(DETECT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => /** @type {any} */ (window).__usable !== undefined, undefined, { timeout: 60000, polling: 50 });
  if (!widget) {
    const ms = await page.evaluate(() => /** @type {any} */ (window).__usable);
    await context.close();
    return { ms };
  }
  // Let the rules finish loading in the background, so that what came after the first question is listed too.
  await page.waitForFunction(() => /** @type {any} */ (window).__core !== undefined, undefined, { timeout: 60000, polling: 50 });
  await page.waitForLoadState('networkidle');
  const seen = await requestsAroundUsable(page);
  await context.close();
  return { ms: seen.usable, core_ms: seen.core, requests: seen.requests };
}

/** A file's path in www/, from a URL the page fetched (query strings dropped). @param {string} url */
const wwwPath = (url) => decodeURIComponent(new URL(url).pathname).replace(/^\//, '') || 'index.html';

/** The widget's own files are s117-..., pkg/, pkg-screen/ and screen/; anything else the page fetched is the host page's. */
const isWidgetFile = (/** @type {string} */ name) => /^(s117-|pkg(-screen)?\/|screen\/)/.test(name);

/** gzip -9 sizes of the files in www/, read once each. */
const gzipCache = new Map();
/** @param {string} name */
async function sizes(name) {
  if (!gzipCache.has(name)) {
    const body = await readFile(wwwFile(name));
    gzipCache.set(name, { raw: body.length, gzip: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length });
  }
  return gzipCache.get(name);
}

/**
 * Bytes around the first question, from one load's requests.
 * @param {{ url: string, when: string, bytes: number }[]} requests
 */
async function bytesOf(requests) {
  const rows = [];
  for (const r of requests) {
    const file = wwwPath(r.url);
    if (file.startsWith('__bench')) continue;
    const size = await sizes(file);
    rows.push({ file, when: r.when, raw: size.raw, gzip: size.gzip, transferred: r.bytes, host: !isWidgetFile(file) });
  }
  rows.sort((a, b) => ['before', 'during', 'after'].indexOf(a.when) - ['before', 'during', 'after'].indexOf(b.when) || b.gzip - a.gzip);
  const sum = (/** @type {typeof rows} */ xs, /** @type {'raw' | 'gzip'} */ k) => xs.reduce((n, r) => n + r[k], 0);
  const before = rows.filter((r) => r.when === 'before');
  const widget = before.filter((r) => !r.host);
  return {
    files: rows,
    widget: { raw: sum(widget, 'raw'), gzip: sum(widget, 'gzip') },
    page: { raw: sum(before, 'raw'), gzip: sum(before, 'gzip') },
    during: { raw: sum(rows.filter((r) => r.when === 'during'), 'raw'), gzip: sum(rows.filter((r) => r.when === 'during'), 'gzip') },
    after: { raw: sum(rows.filter((r) => r.when === 'after'), 'raw'), gzip: sum(rows.filter((r) => r.when === 'after'), 'gzip') },
  };
}

// ----- the static snapshot of the first question -----------------------------------------------------------------

{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => { /** @type {any} */ (window).__benchWidget = true; });
  await page.addInitScript(DETECT);
  await page.goto(new URL('index.html', BASE).href);
  await page.waitForFunction(() => /** @type {any} */ (window).__usable !== undefined, undefined, { timeout: 60000 });
  // Snapshot the widget's first question as a static page with the same markup: no scripts, same styles.
  staticPage = '<!doctype html>\n' + await page.evaluate(() => {
    const doc = /** @type {HTMLElement} */ (document.documentElement.cloneNode(true));
    for (const s of doc.querySelectorAll('script, link[rel="modulepreload"]')) s.remove();
    return doc.outerHTML;
  });
  await context.close();
}

// ----- time to the first question, throttled, widget and static interleaved --------------------------------------

{
  const widget = [];
  const core = [];
  const still = [];
  const loads = [];
  await timeToUsable(new URL('index.html', BASE).href, true); // warm the server and the browser's code cache
  for (let i = 0; i < RUNS; i++) {
    const w = await timeToUsable(new URL('index.html', BASE).href, true);
    widget.push(w.ms);
    core.push(w.core_ms);
    loads.push(await bytesOf(w.requests || []));
    still.push((await timeToUsable(new URL('__bench-static.html', BASE).href, false)).ms);
  }
  result.load = {
    throttle: THROTTLE, runs: RUNS, widget_ms: median(widget), static_ms: median(still), core_ms: median(core),
    widget_all: widget, static_all: still, core_all: core,
  };
  // The load that fetched the most before its first question was usable stands for all of them.
  const worst = loads.reduce((a, b) => (b.widget.gzip > a.widget.gzip ? b : a));
  result.bytes = {
    ...worst,
    budget_gzip: 64 * 1024,
    runs: loads.length,
    widget_gzip_all: loads.map((l) => l.widget.gzip),
    how: 'Resource Timing of each timed load: files whose response had finished by the first question being usable',
  };
}

// ----- one evaluation through the wasm boundary ---------------------------------------------------------------------

{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('__bench-blank.html', BASE).href);
  const caseJson = JSON.parse(await readFile(path.join(HERE, 'case-5-detentions.json'), 'utf8'));
  result.eval = await page.evaluate(async (c) => {
    const m = await import('/pkg/s117.js');
    await m.default();
    const first = m.check(c);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const BATCH = 50;
    for (let i = 0; i < 100; i++) m.check(c);
    const per = [];
    for (let s = 0; s < 100; s++) {
      const t = performance.now();
      for (let i = 0; i < BATCH; i++) m.check(c);
      per.push(((performance.now() - t) * 1000) / BATCH);
    }
    per.sort((a, b) => a - b);
    return { median_us: per[Math.round((per.length - 1) * 0.5)], p95_us: per[Math.round((per.length - 1) * 0.95)], samples: per.length, batch: BATCH, entitlement: first.decision.entitlement };
  }, caseJson);
  await context.close();
}

// ----- screening throughput in the browser --------------------------------------------------------------------------

if (SCREEN_FILE) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(`screen/demo.html?as-at=${AS_AT}`, BASE).href);
  await page.waitForSelector('body[data-ready="1"] .s117-screen');
  const ok = await fetch(new URL('pkg-screen/s117_screen.js', BASE)).then((r) => r.ok);
  if (!ok) {
    result.screen = { skipped: 'www/pkg-screen/ is not built' };
  } else {
    // Warm up: loads the worker and the screening package.
    await screenFile(page, path.join(ROOT, 'examples', 'enquiries.csv'));
    const t0 = Date.now();
    await page.setInputFiles('.js-s117-screen-file', SCREEN_FILE);
    await page.waitForSelector('.s117-screen[data-state="running"]');
    await page.waitForSelector('.s117-screen[data-state="done"]', { timeout: 600000 });
    await page.waitForSelector('.js-s117-screen-body tr');
    const endToEnd = (Date.now() - t0) / 1000;
    const workerMs = Number(await page.getAttribute('.s117-screen', 'data-ms'));
    const rows = Number(((await page.textContent('[data-count="Rows read"]')) || '0').replaceAll(',', ''));
    result.screen = { rows, rows_per_s: rows / (workerMs / 1000), worker_s: workerMs / 1000, end_to_end_s: endToEnd };
  }
  await context.close();
}

await browser.close();
server.close();
console.log(JSON.stringify(result));
