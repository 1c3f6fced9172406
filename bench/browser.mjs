// The browser half of the benchmark (scripts/bench.sh), in headless Chromium (Debian's /usr/bin/chromium) via
// playwright-core. Prints one JSON object with:
//
//   bytes   every file www/index.html loads before its first question is usable, raw and gzip -9 (the widget's own
//           files, and the host page's);
//   load    time from navigation to the first question being usable, CPU throttled 4x (CDP
//           Emulation.setCPUThrottlingRate), for the widget and for a static page with the same markup (a snapshot
//           of the widget's first question, no script), median of RUNS runs each, interleaved in the same run;
//   eval    one check() of bench/case-5-detentions.json through the wasm boundary (www/pkg/s117.js), in batches of
//           10 calls timed with performance.now(), median and p95 per call (not throttled);
//   screen  screening the generated file on www/screen/demo.html (the Web Worker and www/pkg-screen/), rows per
//           second, after a warm-up on the sample file.
//
//   node bench/browser.mjs --screen /tmp/enquiries-100k.csv [--runs 7]
//
// It serves www/ itself (a small Node server, no caching, no compression), on 127.0.0.1.

import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const WWW = path.join(ROOT, 'www');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const AS_AT = '2026-11-23';

const args = process.argv.slice(2);
const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RUNS = Number(arg('--runs', '7'));
const SCREEN_FILE = arg('--screen', '');
const THROTTLE = Number(arg('--throttle', '4'));

// ----- the server: www/, plus the static snapshot at /__bench-static.html and a blank page without a CSP ----------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
let staticPage = '';
const server = createServer(async (req, res) => {
  const url = new URL(req.url || '/', 'http://x');
  if (url.pathname === '/__bench-static.html') {
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
    res.end(staticPage);
    return;
  }
  if (url.pathname === '/__bench-blank.html') {
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
    res.end('<!doctype html><title>bench</title>');
    return;
  }
  try {
    let file = path.normalize(path.join(WWW, decodeURIComponent(url.pathname)));
    if (!file.startsWith(WWW)) throw new Error('outside');
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[/** @type {keyof TYPES} */ (path.extname(file))] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const BASE = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
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
const DETECT = () => {
  const w = /** @type {any} */ (window);
  const mark = () => {
    if (w.__usable !== undefined || w.__marking) return;
    w.__marking = true;
    requestAnimationFrame(() => { w.__usable = performance.now(); });
  };
  if (w.__benchWidget) {
    document.addEventListener('s117-ready', mark, { capture: true });
  } else {
    const check = () => {
      if (document.querySelector('s117-checker input, s117-checker select, s117-checker button')) mark();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', check);
  }
};

/**
 * Loads a page in a fresh context with the CPU throttled and returns when its first question was usable.
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
  const ms = await page.evaluate(() => /** @type {any} */ (window).__usable);
  await context.close();
  return ms;
}

// ----- bytes before the first question ----------------------------------------------------------------------------

{
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {{ url: string, body: Buffer }[]} */
  const files = [];
  /** @type {Promise<void>[]} */
  const pending = [];
  page.on('response', (r) => {
    pending.push(r.body().then((body) => { files.push({ url: r.url(), body }); }).catch(() => {}));
  });
  await page.addInitScript(() => { /** @type {any} */ (window).__benchWidget = true; });
  await page.addInitScript(DETECT);
  await page.goto(new URL('index.html', BASE).href);
  await page.waitForFunction(() => /** @type {any} */ (window).__usable !== undefined, undefined, { timeout: 60000 });
  await Promise.all(pending);
  // Snapshot the widget's first question as a static page with the same markup: no scripts, same styles.
  staticPage = '<!doctype html>\n' + await page.evaluate(() => {
    const doc = /** @type {HTMLElement} */ (document.documentElement.cloneNode(true));
    for (const s of doc.querySelectorAll('script, link[rel="modulepreload"]')) s.remove();
    return doc.outerHTML;
  });
  await context.close();
  const HOST = new Set(['index.html', 'demo.css', 'favicon.svg']);
  const rows = files.map(({ url, body }) => {
    const name = new URL(url).pathname.replace(/^\//, '') || 'index.html';
    return { file: name, raw: body.length, gzip: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length, host: HOST.has(name) };
  }).sort((a, b) => b.gzip - a.gzip);
  const sum = (/** @type {typeof rows} */ xs, /** @type {'raw' | 'gzip'} */ k) => xs.reduce((n, r) => n + r[k], 0);
  const widget = rows.filter((r) => !r.host);
  result.bytes = {
    files: rows,
    widget: { raw: sum(widget, 'raw'), gzip: sum(widget, 'gzip') },
    page: { raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip') },
    budget_gzip: 64 * 1024,
  };
}

// ----- time to the first question, throttled, widget and static interleaved --------------------------------------

{
  const widget = [];
  const still = [];
  await timeToUsable(new URL('index.html', BASE).href, true); // warm the server and the browser's code cache
  for (let i = 0; i < RUNS; i++) {
    widget.push(await timeToUsable(new URL('index.html', BASE).href, true));
    still.push(await timeToUsable(new URL('__bench-static.html', BASE).href, false));
  }
  result.load = { throttle: THROTTLE, runs: RUNS, widget_ms: median(widget), static_ms: median(still), widget_all: widget, static_all: still };
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
    await page.setInputFiles('.js-s117-screen-file', path.join(ROOT, 'examples', 'enquiries.csv'));
    await page.waitForSelector('.s117-screen[data-state="done"]', { timeout: 60000 });
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
