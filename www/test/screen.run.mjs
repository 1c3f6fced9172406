// Browser tests for the screen of many enquiries (www/screen/), in headless Chromium (Debian's /usr/bin/chromium)
// via playwright-core, against www/screen/demo.html.
//
//   BASE_URL=http://127.0.0.1:8765/ node www/test/screen.run.mjs    (a server of www/ must be running there)
//   node www/test/screen.run.mjs                                      (starts its own static server of www/)
//
// Needs the screening package in www/pkg-screen/ (see scripts/build-wasm.sh). Options: FILTER=text runs only tests
// whose name contains it; ROWS=N changes the size of the generated file (default 100000).
// Prints one line per test and ends with exactly "N passed, M failed"; exits non-zero on any failure.

import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, loadavg, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, badRows } from '../../bench/gen-enquiries.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WWW = path.resolve(HERE, '..');
const ROOT = path.resolve(WWW, '..');
const AS_AT = '2026-11-23';
const ROWS = Number(process.env.ROWS || 100000);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

// ----- a static server, unless BASE_URL points at one ------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

async function startServer() {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url || '/', 'http://x');
      let file = path.normalize(path.join(WWW, decodeURIComponent(url.pathname)));
      if (!file.startsWith(WWW)) throw new Error('outside');
      if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[/** @type {keyof TYPES} */ (path.extname(file))] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

let BASE = process.env.BASE_URL;
/** @type {{ server: import('node:http').Server, url: string } | null} */
let ownServer = null;
if (!BASE) {
  ownServer = await startServer();
  BASE = ownServer.url;
}
if (!BASE.endsWith('/')) BASE += '/';
const ORIGIN = new URL(BASE).origin;
const DEMO = new URL(`screen/demo.html?as-at=${AS_AT}`, BASE).href;

const pkg = await fetch(new URL('pkg-screen/s117_screen.js', BASE)).catch(() => null);
if (!pkg || !pkg.ok) {
  console.error(`${new URL('pkg-screen/s117_screen.js', BASE)} is missing: build the screening package first (scripts/build-wasm.sh).`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ----- a tiny runner ---------------------------------------------------------------------------------------------

/** @type {{ name: string, fn: () => Promise<void> }[]} */
const tests = [];
/** @param {string} name @param {() => Promise<void>} fn */
const test = (name, fn) => tests.push({ name, fn });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });

/**
 * A fresh page on the demo, with every request, console error and CSP violation recorded.
 * @returns {Promise<{ page: import('playwright-core').Page, requests: string[], problems: string[], close: () => Promise<void> }>}
 */
async function open() {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  /** @type {string[]} */
  const requests = [];
  /** @type {string[]} */
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  // Times every message handler the page runs for its workers: the work this code does on the main thread.
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__handlerMs = { max: 0, count: 0 };
    const desc = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage'));
    Object.defineProperty(Worker.prototype, 'onmessage', {
      configurable: true,
      get() { return desc.get?.call(this); },
      set(fn) {
        desc.set?.call(this, (/** @type {MessageEvent} */ e) => {
          const t = performance.now();
          try { fn.call(this, e); } finally {
            w.__handlerMs.max = Math.max(w.__handlerMs.max, performance.now() - t);
            w.__handlerMs.count++;
          }
        });
      },
    });
  });
  await page.goto(DEMO);
  await page.waitForSelector('body[data-ready="1"] .s117-screen');
  return { page, requests, problems, close: () => context.close() };
}

/**
 * Chooses a file and waits until it has been screened.
 * @param {import('playwright-core').Page} page
 * @param {string | { name: string, mimeType: string, buffer: Buffer }} file
 * @param {number} [timeout]
 */
async function choose(page, file, timeout = 60000) {
  await page.setInputFiles('.js-s117-screen-file', file);
  await page.waitForSelector('.s117-screen[data-state="done"]', { timeout });
  await page.waitForSelector('.js-s117-screen-body tr');
}

/** The counts shown, by label. @param {import('playwright-core').Page} page */
async function counts(page) {
  return page.$$eval('.js-s117-screen-counts dd', (dds) =>
    Object.fromEntries(dds.map((dd) => [dd.getAttribute('data-count'), Number((dd.textContent || '').replaceAll(',', ''))])));
}

/** The references in the table, top to bottom. @param {import('playwright-core').Page} page */
async function references(page) {
  return page.$$eval('.js-s117-screen-body tr th', (ths) => ths.map((th) => th.textContent));
}

/**
 * Clicks a button that makes a download and returns the file's text.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: await readFile(/** @type {string} */ (file), 'utf8') };
}

/** Waits for the table to show a new page after an action. @param {import('playwright-core').Page} page @param {() => Promise<void>} action */
async function changes(page, action) {
  const before = await page.$eval('.js-s117-screen-body', (b) => b.textContent + '|' + document.querySelector('.js-s117-screen-caption')?.textContent);
  await action();
  await page.waitForFunction(
    (b) => document.querySelector('.js-s117-screen-body')?.textContent + '|' + document.querySelector('.js-s117-screen-caption')?.textContent !== b,
    before,
  );
}

const SAMPLE = path.join(ROOT, 'examples', 'enquiries.csv');

// ----- the tests -------------------------------------------------------------------------------------------------

test('the sample file: counts by outcome, every bad row listed, nothing sent anywhere', async () => {
  const { page, requests, problems, close } = await open();
  try {
    await choose(page, SAMPLE);
    assert.deepEqual(await counts(page), {
      'Rows read': 22, Screened: 17, 'Could not be screened': 5,
      Entitled: 11, 'Entitled on leaving hospital': 1, Undetermined: 1, 'Ended lawfully': 1, 'Not entitled': 2, 'Out of scope': 1,
      'Refund likely': 7, 'With a deadline ahead': 9,
    });
    const errors = await page.$$eval('.js-s117-screen-errors li', (lis) => lis.map((li) => li.textContent));
    assert.equal(errors.length, 5);
    assert.match(errors[0] || '', /^Row 18, column d1_left: 2023-13-40 is not a date \(use YYYY-MM-DD.*\(ENQ-1016\)$/);
    assert.match(errors[1] || '', /^Row 19, column d1_section: 39 is not a section/);
    assert.match(errors[4] || '', /^Row 23, column c1_until: 2021-12-01 is before the charges began/);
    const warnings = await page.$$eval('.js-s117-screen-warnings li', (lis) => lis.map((li) => li.textContent));
    assert.deepEqual(warnings, ['Row 1: column Z (notes) is not one the screen reads; it was ignored']);
    assert.deepEqual((await references(page)).slice(0, 3), ['ENQ-1001', 'ENQ-1002', 'ENQ-1003']);
    assert.equal(await page.textContent('.js-s117-screen-range'), 'Rows 1 to 17 of 17');
    const status = await page.textContent('.js-s117-screen-status');
    assert.equal(status, 'Screened 17 of 22 rows; 5 could not be screened (listed below).');
    const foreign = requests.filter((u) => !u.startsWith(ORIGIN) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'no request leaves the machine');
    assert.ok(requests.some((u) => u.endsWith('/pkg-screen/s117_screen_bg.wasm')), 'the screening package was loaded');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  } finally {
    await close();
  }
});

test('column sort buttons sort, set aria-sort, and work from the keyboard', async () => {
  const { page, close } = await open();
  try {
    await choose(page, SAMPLE);
    const th = (/** @type {string} */ key) => `.s117-screen__th--${key} `;
    assert.equal(await page.getAttribute('.s117-screen__th--row', 'aria-sort'), 'ascending');
    await changes(page, () => page.click(`${th('next-deadline')}button`));
    assert.equal(await page.getAttribute('.s117-screen__th--next-deadline', 'aria-sort'), 'ascending');
    assert.equal(await page.getAttribute('.s117-screen__th--row', 'aria-sort'), null);
    assert.deepEqual((await references(page)).slice(0, 3), ['ENQ-1022', 'ENQ-1005', 'ENQ-1001']);
    await changes(page, () => page.click(`${th('next-deadline')}button`));
    assert.equal(await page.getAttribute('.s117-screen__th--next-deadline', 'aria-sort'), 'descending');
    const desc = await references(page);
    assert.equal(desc[0], 'ENQ-1001', 'latest deadline first (ties keep input order)');
    assert.equal(desc.indexOf('ENQ-1022'), 8, 'rows with no deadline stay last');
    // The keyboard: Tab to the Reference button and press Enter, then Space to reverse.
    await page.focus(`${th('reference')}button`);
    await changes(page, () => page.keyboard.press('Enter'));
    assert.equal(await page.getAttribute('.s117-screen__th--reference', 'aria-sort'), 'ascending');
    assert.equal((await references(page))[0], 'ENQ-1001');
    await changes(page, () => page.keyboard.press('Space'));
    assert.equal(await page.getAttribute('.s117-screen__th--reference', 'aria-sort'), 'descending');
    assert.equal((await references(page))[0], 'ENQ-1022');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Reference', 'focus stays on the button');
    await changes(page, () => page.click(`${th('refund-since')}button`));
    assert.deepEqual((await references(page)).slice(0, 3), ['ENQ-1013', 'ENQ-1007', 'ENQ-1014']);
  } finally {
    await close();
  }
});

test('filter, then download the triage in the table order and the problems', async () => {
  const { page, close } = await open();
  try {
    await choose(page, SAMPLE);
    await changes(page, () => page.selectOption('.js-s117-screen-filter', 'refund'));
    assert.equal(await page.textContent('.js-s117-screen-range'), 'Rows 1 to 7 of 7');
    await changes(page, () => page.click('.s117-screen__th--refund-since button'));
    const triage = await download(page, '.js-s117-screen-download');
    assert.equal(triage.name, 'triage.csv');
    assert.ok(triage.text.startsWith('\ufeffrow,reference,as_at,entitlement,duty_arose,council,'), triage.text.slice(0, 80));
    const lines = triage.text.trimEnd().split('\r\n');
    assert.equal(lines.length, 8);
    assert.deepEqual(lines.slice(1).map((l) => l.split(',')[1]),
      ['ENQ-1013', 'ENQ-1007', 'ENQ-1014', 'ENQ-1003', 'ENQ-1015', 'ENQ-1009', 'ENQ-1001']);
    assert.ok(lines[7].startsWith('2,ENQ-1001,2026-11-23,entitled,2024-06-03,Worcestershire County Council,E10000034,yes,'));
    const problems = await download(page, '.js-s117-screen-download-errors');
    assert.equal(problems.name, 'problems.csv');
    const rows = problems.text.trimEnd().split('\r\n');
    assert.equal(rows[0], '\ufeffrow,cell,column,reference,message');
    assert.equal(rows.length, 6);
    assert.ok(rows[1].startsWith('18,F18,d1_left,ENQ-1016,"2023-13-40 is not a date'));
    const template = await download(page, '.js-s117-screen-template');
    assert.equal(template.text, `\ufeff${await readFile(path.join(ROOT, 'examples', 'enquiries-template.csv'), 'utf8')}`);
  } finally {
    await close();
  }
});

test('no accessibility violations (axe) before and after screening', async () => {
  const { page, close } = await open();
  try {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const scan = async () => (await new AxeBuilder({ page }).include('.s117-screen').withTags(tags).analyze()).violations
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    assert.deepEqual(await scan(), []);
    await choose(page, SAMPLE);
    assert.deepEqual(await scan(), []);
  } finally {
    await close();
  }
});

test('the JSON Lines sample screens the same', async () => {
  const { page, close } = await open();
  try {
    await choose(page, path.join(ROOT, 'examples', 'enquiries.jsonl'));
    const c = await counts(page);
    assert.equal(c.Screened, 17);
    assert.equal(c['Could not be screened'], 5);
    const errors = await page.$$eval('.js-s117-screen-errors li', (lis) => lis.map((li) => li.textContent));
    assert.match(errors[0] || '', /^Line 16, field detentions\[0\]\.left_hospital: 2023-13-40 is not a date/);
  } finally {
    await close();
  }
});

test(`${ROWS.toLocaleString('en-GB')} generated rows: progress, counts, paging, sorting, and the page never stalls`, async () => {
  const { page, problems, close } = await open();
  try {
    // From a file on disk: Playwright hands a path to Chromium directly, whereas a buffer would be decoded by
    // script on the page's main thread, which is what the heartbeat measures.
    const big = path.join(await mkdtemp(path.join(tmpdir(), 's117-screen-')), 'enquiries-100k.csv');
    await writeFile(big, generate(ROWS));
    // A heartbeat on the main thread: the longest gap between two animation frames while the file is screened.
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__gaps = { max: 0, frames: 0, last: performance.now(), on: true };
      const beat = (/** @type {number} */ t) => {
        const g = w.__gaps;
        g.max = Math.max(g.max, t - g.last);
        g.last = t;
        g.frames++;
        if (g.on) requestAnimationFrame(beat);
      };
      requestAnimationFrame(beat);
    });
    const t0 = Date.now();
    await page.setInputFiles('.js-s117-screen-file', big);
    await page.waitForSelector('.js-s117-screen-progress:not([hidden])');
    await page.waitForFunction(() => /Screening… \d+%/.test(document.querySelector('.js-s117-screen-status')?.textContent || ''), undefined, { timeout: 60000 });
    await page.waitForSelector('.s117-screen[data-state="done"]', { timeout: 300000 });
    await page.waitForSelector('.js-s117-screen-body tr');
    const seconds = (Date.now() - t0) / 1000;
    const gaps = await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__gaps.on = false;
      return w.__gaps;
    });
    const c = await counts(page);
    assert.equal(c['Rows read'], ROWS);
    assert.equal(c['Could not be screened'], badRows(ROWS));
    assert.equal(c.Screened, ROWS - badRows(ROWS));
    const shown = await page.$$eval('.js-s117-screen-errors li', (lis) => lis.length);
    assert.equal(shown, Math.min(200, badRows(ROWS)));
    assert.equal(await page.textContent('.js-s117-screen-range'), `Rows 1 to 50 of ${(ROWS - badRows(ROWS)).toLocaleString('en-GB')}`);
    await changes(page, () => page.click('.js-s117-screen-next'));
    assert.equal(await page.textContent('.js-s117-screen-range'), `Rows 51 to 100 of ${(ROWS - badRows(ROWS)).toLocaleString('en-GB')}`);
    const s0 = Date.now();
    await changes(page, () => page.click('.s117-screen__th--reference button'));
    await changes(page, () => page.click('.s117-screen__th--reference button'));
    const sortMs = (Date.now() - s0) / 2;
    assert.equal((await references(page))[0], `GEN-${String(ROWS).padStart(6, '0')}`);
    const ms = Number(await page.getAttribute('.s117-screen', 'data-ms'));
    console.log(`    ${ROWS} rows screened in ${(ms / 1000).toFixed(1)} s in the worker (${Math.round(ROWS / (ms / 1000))} rows/s), `
      + `${seconds.toFixed(1)} s from choosing the file; sort ${Math.round(sortMs)} ms; `
      + `longest frame gap ${Math.round(gaps.max)} ms over ${gaps.frames} frames`);
    const handlers = await page.evaluate(() => (/** @type {any} */ (window)).__handlerMs);
    console.log(`    the page's longest message handler took ${Math.round(handlers.max)} ms (${handlers.count} messages)`);
    assert.ok(gaps.frames > 10, `the heartbeat ran (${gaps.frames} frames)`);
    assert.ok(handlers.max < 50, `a message handler on the main thread took ${Math.round(handlers.max)} ms`);
    // The heartbeat also counts time the main thread waits for a CPU. On a shared machine that is busier than it
    // has cores (other builds running), a stall says nothing about this code, so it is reported, not failed.
    const [load] = loadavg();
    if (gaps.max >= 200 && load > cpus().length) {
      console.log(`    WARNING: the main thread stalled for ${Math.round(gaps.max)} ms, but the machine is overloaded `
        + `(load average ${load.toFixed(1)} on ${cpus().length} cores), so this is not counted as a failure`);
    } else {
      assert.ok(gaps.max < 200, `the main thread stalled for ${Math.round(gaps.max)} ms`);
    }
    assert.deepEqual(problems, []);
    await rm(path.dirname(big), { recursive: true, force: true });
  } finally {
    await close();
  }
});

// ----- run -------------------------------------------------------------------------------------------------------

let passed = 0;
let failed = 0;
const only = process.env.FILTER;
for (const t of tests) {
  if (only && !t.name.includes(only)) continue;
  const started = Date.now();
  try {
    await t.fn();
    passed++;
    console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${t.name}\n     ${String(err && /** @type {any} */ (err).stack || err).split('\n').join('\n     ')}`);
  }
}
await browser.close();
if (ownServer) ownServer.server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
