// What the browser tests (www/test/run.mjs, www/test/screen.run.mjs) and the benchmark (bench/browser.mjs) share:
// the paths, headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM) via playwright-core, a small static
// server of www/ (no caching, no compression) when BASE_URL does not name one, a tiny test runner that ends with
// exactly "N passed, M failed" (scripts/test.sh reads that line), and downloads.

import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(WWW, '..');
/** The date every check is made as at, so that the figures do not move with the calendar. */
export const AS_AT = '2026-11-23';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Headless Chromium (unless `headless` is false). @param {{ headless?: boolean }} [options] */
export function launchChromium({ headless = true } = {}) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless, args: CHROMIUM_ARGS });
}

// ----- a static server of www/ -----------------------------------------------------------------------------------

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.ts': 'text/plain',
  '.svg': 'image/svg+xml',
};

/** The file in www/ that a path names (a folder's index.html); throws for a path outside www/. @param {string} name */
export function wwwFile(name) {
  const file = path.normalize(path.join(WWW, name));
  if (!file.startsWith(WWW)) throw new Error(`outside www/: ${name}`);
  return name.endsWith('/') ? path.join(file, 'index.html') : file;
}

/**
 * Serves www/ on 127.0.0.1 at a free port. `extra` may answer a path itself (an HTML body) before www/ is looked at.
 * @param {{ extra?: (pathname: string) => string | undefined }} [options]
 * @returns {Promise<{ server: import('node:http').Server, url: string }>}
 */
export async function serveWww({ extra } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url || '/', 'http://x');
      const own = extra?.(url.pathname);
      if (own !== undefined) {
        res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
        res.end(own);
        return;
      }
      const file = wwwFile(decodeURIComponent(url.pathname));
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

/**
 * The server to test against: BASE_URL (ending in "/"), or else our own server of www/, which `stop()` closes.
 * @returns {Promise<{ base: string, stop: () => void }>}
 */
export async function baseUrl() {
  const given = process.env.BASE_URL;
  if (given) return { base: given.endsWith('/') ? given : `${given}/`, stop: () => {} };
  const own = await serveWww();
  return { base: own.url, stop: () => own.server.close() };
}

/**
 * The text of a file the server must serve (a built package); if it is missing, says what to build, counts it as
 * one failure and exits.
 * @param {string} base @param {string} file @param {string} what
 */
export async function requireServed(base, file, what) {
  const url = new URL(file, base);
  const res = await fetch(url).catch(() => null);
  if (!res || !res.ok) fail(`${url} is missing: build ${what} first (scripts/build-wasm.sh).`);
  return /** @type {Response} */ (res).text();
}

/** Says what is wrong, counts it as one failure and exits. @param {string} message @returns {never} */
export function fail(message) {
  console.error(message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ----- a tiny runner ---------------------------------------------------------------------------------------------

/**
 * A list of tests, run in order; FILTER=text runs only those whose name contains it.
 */
export function runner() {
  /** @type {{ name: string, fn: () => Promise<void> }[]} */
  const tests = [];
  /** @param {string} name @param {() => Promise<void>} fn */
  const test = (name, fn) => { tests.push({ name, fn }); };
  /**
   * Prints one line per test (a failure's stack below it, `stackLines` lines at most, after what `onFail` prints).
   * @param {{ onFail?: (name: string) => Promise<void>, stackLines?: number }} [options]
   */
  async function run({ onFail, stackLines = Infinity } = {}) {
    const only = process.env.FILTER || '';
    let passed = 0;
    let failed = 0;
    for (const t of tests) {
      if (only && !t.name.includes(only)) continue;
      const t0 = Date.now();
      try {
        await t.fn();
        passed += 1;
        console.log(`ok   ${t.name} (${Date.now() - t0} ms)`);
      } catch (err) {
        failed += 1;
        console.log(`FAIL ${t.name} (${Date.now() - t0} ms)`);
        if (onFail) await onFail(t.name);
        const stack = String(err && /** @type {any} */ (err).stack ? /** @type {any} */ (err).stack : err);
        console.log(stack.split('\n').slice(0, stackLines).map((l) => `     ${l}`).join('\n'));
      }
    }
    return { passed, failed };
  }
  return { test, run };
}

/** The last line, "N passed, M failed", and the exit status. @param {{ passed: number, failed: number }} counts */
export function report({ passed, failed }) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

// ----- downloads -------------------------------------------------------------------------------------------------

/**
 * Clicks what makes a download (a selector or a locator) and returns the file's suggested name and its contents.
 * @param {import('playwright-core').Page} page
 * @param {string | import('playwright-core').Locator} target
 */
export async function download(page, target) {
  const [dl] = await Promise.all([page.waitForEvent('download'), typeof target === 'string' ? page.click(target) : target.click()]);
  const bytes = await readFile(/** @type {string} */ (await dl.path()));
  return { name: dl.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

// ----- the screen of many enquiries (www/screen/) ----------------------------------------------------------------

/**
 * Chooses a file in the screen and waits until it has been screened and its table shown.
 * @param {import('playwright-core').Page} page
 * @param {string | { name: string, mimeType: string, buffer: Buffer }} file
 * @param {number} [timeout]
 */
export async function screenFile(page, file, timeout = 60000) {
  await page.setInputFiles('.js-s117-screen-file', file);
  await page.waitForSelector('.s117-screen[data-state="done"]', { timeout });
  await page.waitForSelector('.js-s117-screen-body tr');
}

/** The counts the screen shows, by label. @param {import('playwright-core').Page} page */
export async function screenCounts(page) {
  return page.$$eval('.js-s117-screen-counts dd', (dds) =>
    Object.fromEntries(dds.map((dd) => [dd.getAttribute('data-count'), Number((dd.textContent || '').replaceAll(',', ''))])));
}

// ----- acting as a person, shared by the widget's tests and the WordPress test ----------------------------------

/** Fills one field of a page (a `[data-path]` group) with the answer `v` in the interview's form (undefined: left
 * blank, or "not sure" / "I do not know" where the page offers it). */
export async function fillField(field, kind, v) {
  if (kind === 'choice' || kind === 'yes_no' || kind === 'yes_no_not_sure') {
    let value = v;
    if (value === undefined || value === '') {
      if (kind === 'yes_no') value = 'no';
      else if (kind === 'yes_no_not_sure') value = 'not_sure';
      else value = (await field.locator('input[value="__unknown"]').count()) ? '__unknown' : 'unknown';
    }
    await field.locator(`input[type="radio"][value="${value}"]`).check();
  } else if (kind === 'date') {
    const [y = '', m = '', d = ''] = (v || '').split('-');
    const boxes = field.locator('input');
    await boxes.nth(0).fill(d ? String(Number(d)) : '');
    await boxes.nth(1).fill(m ? String(Number(m)) : '');
    await boxes.nth(2).fill(y);
  } else if (kind === 'council' || kind === 'nhs_body') {
    if (v) {
      await field.getByRole('combobox').fill(v);
      await field.getByRole('combobox').press('Escape');
    } else if (await field.getByRole('checkbox').count()) await field.getByRole('checkbox').check();
  } else if (v !== undefined) await field.locator('input, textarea').first().fill(v);
}
