// What the widget's browser tests share (www/test/run.mjs runs them): the browser, the server, the runner, and
// acting as a person (walk(), fillField(), letter(), axe(), …). Imported by each www/test/widget-*.mjs.

import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdir, writeFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT, AS_AT, launchChromium, baseUrl, requireServed, fail, runner, report, download, screenFile, screenCounts, fillField } from './support.mjs';

export { fillField };


export const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const { base: BASE, stop } = await baseUrl();
export const BASE_ORIGIN = new URL(BASE).origin;
// The same server under another host name: a different origin, for the cross-origin iframe test.
export const OTHER = new URL(BASE);
OTHER.hostname = OTHER.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
export const OTHER_ORIGIN = OTHER.origin;

// The letter steps always run: a build without letter() or letterDocx() is an error, not a reason to skip them.
export const glue = await requireServed(BASE, 'pkg/s117.js', 'the WebAssembly');
export const missing = ['check', 'councils', 'districts', 'nhsBodies', 'about', 'letter', 'letterDocx'].filter((name) => !new RegExp(`export function ${name}\\(`).test(glue));
if (missing.length) fail(`${new URL('pkg/s117.js', BASE)} does not export ${missing.join(', ')}: rebuild it (scripts/build-wasm.sh).`);

// ----- a tiny runner ---------------------------------------------------------------------------------------------

export const { test, run } = runner();
/** The page most recently opened, for a screenshot when a test fails. */
export let lastPage = null;

export const browser = await launchChromium({ headless: !process.env.HEADED });

/**
 * A fresh browser context and page that records what the page does: console errors, page errors, CSP violations
 * (in every frame), dialogs (which fail the test) and every request.
 */
export async function open(url, { width = 1024, height = 900, sandboxed = false, before = null } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: 'en-GB' });
  context.setDefaultTimeout(8000);
  const page = await context.newPage();
  const log = { console: [], errors: [], csp: [], dialogs: [], requests: [] };
  await page.exposeFunction('__s117CspViolation', (v) => log.csp.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__s117CspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') log.console.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('request', (r) => log.requests.push(r.url()));
  if (!sandboxed) await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));
  // The widget's events, from the start, in order.
  await page.addInitScript(() => {
    window.__s117Events = [];
    for (const type of ['s117-ready', 's117-core-ready', 's117-error', 's117-step', 's117-decision']) {
      document.addEventListener(type, (e) => window.__s117Events.push({ type, kind: e.detail && e.detail.kind, message: e.detail && e.detail.message }), true);
    }
  });
  if (before) await before(page);
  await page.goto(new URL(url, BASE).href);
  lastPage = page;
  return { context, page, log, close: () => context.close() };
}

/**
 * Waits for the checker's first screen and (unless `core` is false) for its rules to load; optionally fixes its
 * date. The tests of the loading states themselves pass `core: false`.
 */
export async function ready(page, { asAt = AS_AT, core = true } = {}) {
  await page.waitForFunction(() => customElements.get('s117-checker') && document.querySelector('s117-checker .s117'));
  await page.evaluate(async ([a, waitCore]) => {
    const el = document.querySelector('s117-checker');
    await el.ready;
    if (waitCore) await el.coreReady;
    if (a && el.getAttribute('as-at') !== a) el.setAttribute('as-at', a);
  }, [asAt, core]);
}

/** Asserts nothing bad happened on the page: no page errors, console errors, CSP violations or dialogs. */
export function assertClean(log, { allowConsole = [] } = {}) {
  assert.deepEqual(log.errors, [], 'page errors');
  assert.deepEqual(log.csp, [], 'CSP violations');
  assert.deepEqual(log.dialogs, [], 'dialogs');
  const console = log.console.filter((m) => !allowConsole.some((re) => re.test(m)));
  assert.deepEqual(console, [], 'console errors');
}

/** Asserts every request went to one of the given origins (data: and blob: URLs are local). */
export function assertOwnRequests(log, origins = [BASE_ORIGIN]) {
  const foreign = log.requests.filter((u) => !/^(data|blob):/.test(u) && !origins.includes(new URL(u).origin));
  assert.deepEqual(foreign, [], 'requests outside the widget’s own origin');
}

/**
 * A test on a fresh page of `url` (`open`'s options) with the checker ready (`ready`'s options): `body` acts on the
 * page; then the page must have stayed clean (`assertClean`, with `allowConsole`) and, with `ownRequests`, have
 * asked nothing of any other origin. A failing test leaves its page open, for the screenshot.
 * @param {string} name @param {string} url @param {any} options @param {(page: import('playwright-core').Page, log: any) => Promise<void>} [body]
 */
export function checkerTest(name, url, options, body) {
  if (!body) [options, body] = [{}, options];
  const { ready: readyOptions, allowConsole, ownRequests = false, ...openOptions } = options;
  test(name, async () => {
    const { page, log, close } = await open(url, openOptions);
    await ready(page, readyOptions);
    await body(page, log);
    assertClean(log, { allowConsole });
    if (ownRequests) assertOwnRequests(log);
    await close();
  });
}

// ----- acting as a person ----------------------------------------------------------------------------------------

/** Waits for the page heading (a question) to be shown. */
export async function heading(page, text) {
  await page.getByRole('heading', { name: text, exact: true }).first().waitFor({ timeout: 5000 });
}

export async function choose(page, label) {
  await page.getByRole('radio', { name: label, exact: true }).check();
}

export async function tick(page, label) {
  await page.getByRole('checkbox', { name: label, exact: true }).check();
}

export async function next(page, name = 'Continue') {
  await page.getByRole('button', { name, exact: true }).click();
}

/** Chooses `label` and continues, once the page's heading is `question` (if given). */
export async function answer(page, label, question) {
  if (question) await heading(page, question);
  await choose(page, label);
  await next(page);
}

/** Gives the checker a whole set of answers, as a host page would. */
export async function setAnswers(page, answers) {
  await page.evaluate((c) => { document.querySelector('s117-checker').answers = c; }, answers);
}

/** From "Check your answers", on to the result. */
export async function toResult(page) {
  await next(page, 'Get my result');
  await heading(page, 'Your result');
}

/** Types a date into the GOV.UK date input in the group named `legend`: '14 5 2023', '5 2023' (no day) or '2023'. */
export async function date(page, legend, value) {
  const group = page.getByRole('group', { name: legend, exact: true });
  const parts = value.split(' ');
  const [d, m, y] = parts.length === 3 ? parts : parts.length === 2 ? ['', ...parts] : ['', '', parts[0]];
  await group.getByLabel('Day', { exact: true }).fill(d);
  await group.getByLabel('Month', { exact: true }).fill(m);
  await group.getByLabel('Year', { exact: true }).fill(y);
}

/** Types into a combobox and picks the suggestion whose name starts with `pick` (or keeps the text). */
export async function combo(page, label, typed, pick) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.fill('');
  await box.pressSequentially(typed, { delay: 5 });
  if (pick) {
    await page.getByRole('option', { name: new RegExp(`^${pick.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`) }).first().click();
    assert.equal(await box.inputValue(), pick);
  }
}


/**
 * Answers the journey page by page from `facts` (`{ path: answer }`, in the interview's form: `2025-01-05`,
 * `section 3` as `'3'`), until "Check your answers" (or the page whose first field is `until`). Returns the paths
 * asked, in order. `onPage(key)` runs on each page before it is answered.
 */
export async function walk(page, facts, { until, onPage } = {}) {
  const asked = [];
  for (let n = 0; n < 80; n++) {
    await page.waitForFunction(() => document.querySelector('s117-checker .s117-page [data-path]') || [...document.querySelectorAll('s117-checker h2')].some((e) => e.textContent === 'Check your answers'));
    const fields = page.locator('s117-checker .s117-page [data-path]');
    const count = await fields.count();
    if (!count) return asked;
    const key = await fields.first().getAttribute('data-path');
    if (until && key === until) return asked;
    if (onPage) await onPage(key);
    for (let i = 0; i < count; i++) {
      const f = fields.nth(i);
      const path = await f.getAttribute('data-path');
      asked.push(path);
      // Facts that were plain yes/no before "not sure" was offered (another stay, another charge, after-care
      // ended, a top-up): not given, they are "no", as before.
      const wasYesNo = /\[\d+\]$/.test(path) || path === 'aftercare_ended' || path.endsWith('.chosen_dearer_placement_with_written_agreement');
      // Who is filling this in: the person, unless the test says otherwise.
      const given = path === 'filled_in_by' && facts[path] === undefined ? 'self' : facts[path];
      await fillField(f, await f.getAttribute('data-kind'), (given === undefined || given === '') && wasYesNo ? 'no' : given);
    }
    await next(page);
    await page.waitForFunction((k) => {
      const el = document.querySelector('s117-checker .s117-page [data-path]');
      return !el || el.dataset.path !== k || document.querySelector('s117-checker .js-s117-error-summary:not([hidden])');
    }, key);
    const problem = page.locator('s117-checker .js-s117-error-summary:not([hidden])');
    if (await problem.count()) return asked;
  }
  throw new Error(`the journey did not end: ${asked.join(', ')}`);
}

/** Goes from "check your answers" to the result and returns the summary, the named bodies and the decision. */
export async function result(page) {
  await heading(page, 'Check your answers');
  await toResult(page);
  const summary = (await page.locator('.s117-panel__summary').textContent()).trim();
  const bodies = (await page.locator('.s117-body-card__name').allTextContents()).map((t) => t.trim());
  const decision = await page.evaluate(() => document.querySelector('s117-checker').decision);
  // The result was announced in the live region.
  await page.waitForFunction(() => [...document.querySelectorAll('s117-checker [role="status"]')].some((el) => /^Result: /.test(el.textContent)));
  return { summary, bodies, decision };
}

/** Fills the letter details and creates the letter; returns its text (the first letter's, if there are two). */
export async function letter(page, details = {}) {
  const section = page.locator('.s117-letter-section');
  if (details.name) await section.getByLabel('Full name', { exact: true }).fill(details.name);
  if (details.address) await section.getByLabel('Address', { exact: true }).fill(details.address);
  await section.getByRole('button', { name: /^(Create|Update) the letter$/ }).click();
  await page.locator('.s117-letter').first().waitFor();
  return (await page.locator('.s117-letter').first().innerText()).trim();
}

/** The names on the letter's addressee blocks, in order. */
export async function addressees(page) {
  return page.locator('.s117-letter .s117-letter__addressee').evaluateAll((els) => els.map((el) => el.innerText.split('\n').map((l) => l.trim()).filter(Boolean)));
}

/** Collapses white space, for comparing the letter on screen with its text and Word versions. */
export const squash = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * The files in a ZIP archive (a .docx): stored or deflated entries, read from their local headers.
 * @param {Buffer} buf
 * @returns {Record<string, Buffer>}
 */
export function unzip(buf) {
  const files = {};
  let i = 0;
  while (i + 30 <= buf.length && buf.readUInt32LE(i) === 0x04034b50) {
    const flags = buf.readUInt16LE(i + 6);
    const method = buf.readUInt16LE(i + 8);
    const size = buf.readUInt32LE(i + 18);
    const nameLength = buf.readUInt16LE(i + 26);
    const extraLength = buf.readUInt16LE(i + 28);
    assert.equal(flags & 0x08, 0, 'sizes are in the local headers');
    const name = buf.subarray(i + 30, i + 30 + nameLength).toString('utf8');
    const start = i + 30 + nameLength + extraLength;
    const data = buf.subarray(start, start + size);
    files[name] = method === 0 ? data : inflateRawSync(data);
    i = start + size;
  }
  return files;
}

/** The text of a WordprocessingML part: one line per paragraph, entities decoded. @param {string} xml */
export function wordText(xml) {
  return xml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, x) => String.fromCodePoint(parseInt(x, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/**
 * Downloads the letter (or, with `both`, the two letters) as .txt and .docx; returns the text and the .docx's
 * document.xml.
 */
export async function letterFiles(page, { both = false } = {}) {
  const button = (name) => page.getByRole('button', { name });
  const txt = await download(page, button(both ? 'Download .txt (both letters as one text file)' : 'Download .txt (the letter as a text file)'));
  const docx = await download(page, button(both ? 'Download .docx (both letters as one Word document)' : 'Download .docx (the letter as a Word document)'));
  assert.equal(docx.bytes.subarray(0, 2).toString(), 'PK', 'a .docx is a zip file');
  const parts = unzip(docx.bytes);
  assert.ok(parts['word/document.xml'], `parts: ${Object.keys(parts).join(', ')}`);
  return { text: txt.text, txtName: txt.name, docxName: docx.name, xml: parts['word/document.xml'].toString('utf8'), parts };
}

export const flagIds = (decision) => decision.flags.map((f) => f.id);

export async function shot(page, name, { widget = false } = {}) {
  await mkdir(SHOTS, { recursive: true });
  // Full-page shots of a long result page can take a while on a busy 2-core machine.
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, timeout: 30000 });
  // The widget alone, at full size, for looking at closely.
  if (widget) await page.locator('s117-checker').first().screenshot({ path: path.join(SHOTS, `${name}-widget.png`), timeout: 30000 });
}

/** No horizontal scrolling at this width (WCAG 1.4.10 reflow). */
export async function assertNoOverflow(page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `page scrolls sideways: ${scroll} > ${client}`);
}

export async function axe(page, where) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(problems, [], `axe violations on ${where}`);
}


/** One stay in England under a section 3, discharged home: the interview's facts for stay `i`. */
export function s3Stay(i, { council, admitted, left, leaving = 'discharged', section = '3', country = 'england', ...more } = {}) {
  const P = (f) => `detentions[${i}].${f}`;
  return {
    [P('detained_in')]: country,
    [P('section')]: section,
    [P('leaving')]: leaving,
    [P('admitted')]: admitted,
    [P('left_hospital')]: left,
    [P('section_ended')]: left,
    [P('lived_before.country')]: country,
    [P('lived_before.council')]: council,
    ...Object.fromEntries(Object.entries(more).map(([k, v]) => [P(k), v])),
  };
}

/**
 * Holds the WebAssembly's response until `release()`: `requested` resolves when the browser asks for it.
 * @param {import('playwright-core').Page} page
 */
export async function holdWasm(page) {
  let requested;
  let release;
  const out = { requested: new Promise((r) => { requested = r; }), release: () => release(), count: 0 };
  const gate = new Promise((r) => { release = r; });
  await page.route('**/pkg/s117_bg.wasm', async (route) => {
    out.count += 1;
    requested();
    await gate;
    await route.continue().catch(() => {});
  });
  return out;
}

/** Is the element's `coreReady` settled within `ms`? 'loaded', 'failed: <name>' or 'pending'. */
export async function coreState(page, ms = 150) {
  return page.evaluate((wait) => {
    const el = document.querySelector('s117-checker');
    return Promise.race([el.coreReady.then(() => 'loaded', (e) => `failed: ${e.name}`), new Promise((r) => setTimeout(() => r('pending'), wait))]);
  }, ms);
}

export const events = (page, type) => page.evaluate((t) => window.__s117Events.filter((e) => e.type === t), type);

/** What is visible in print: the letter, and whether each of `selectors` shows. */
export async function printed(page, selectors) {
  await page.emulateMedia({ media: 'print' });
  const out = await page.evaluate((sels) => {
    const visible = (el) => Boolean(el) && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const shown = {};
    for (const sel of sels) shown[sel] = [...document.querySelectorAll(sel)].some(visible);
    return shown;
  }, selectors);
  return out;
}

/** Two qualifying stays (the second ends the first period), a charge running across both, and an ending. */
export function timelineCase() {
  return {
    detentions: [
      {
        section: '3',
        detained_in: 'england',
        admitted: '2019-01-10',
        left_hospital: '2019-06-01',
        leaving: 'discharged',
        lived_before: { country: 'england', council: 'Birmingham City Council' },
        gp_icb: 'NHS Birmingham and Solihull Integrated Care Board',
      },
      {
        section: '3',
        detained_in: 'england',
        admitted: '2021-03',
        left_hospital: '2021-09-15',
        leaving: 'discharged',
        lived_before: { country: 'england', council: 'Birmingham City Council' },
      },
    ],
    charges: [{ what: 'Care home fees <b>x</b>', since: '2019-09', amount: 200, per: 'week' }],
    aftercare_ended: { reason: 'discharged_from_mental_health_services', date: '2026-10-01' },
    first_knew: '2026-10',
  };
}

export const timelineTest = (width) => async (page) => {
  await setAnswers(page, timelineCase());
  await heading(page, 'Check your answers');
  await toResult(page);
  const decision = await page.evaluate(() => document.querySelector('s117-checker').decision);
  assert.ok(decision.periods.length === 2, `periods: ${JSON.stringify(decision.periods)}`);
  assert.ok(decision.refund && decision.refund.ranges.length >= 2, `refund: ${JSON.stringify(decision.refund)}`);
  assert.ok(decision.deadlines.length >= 1, 'deadlines');
  assert.ok(decision.next_steps.length >= 1, 'next steps');
  const view = page.locator('.s117-result');
  // "What to do now" comes straight after the answer, before the reasons, with at most three steps, most urgent first.
  const order = await page.evaluate(() => {
    const hs = [...document.querySelectorAll('s117-checker .s117-result h2, s117-checker .s117-result h3, s117-checker .s117-result > details > summary')].map((el) => el.textContent);
    return hs;
  });
  assert.equal(order[1], 'What to do now', order.join(' | '));
  assert.ok(order.indexOf('What to do now') < order.indexOf('Why we think this'), order.join(' | '));
  const steps = view.locator('.s117-steps > li');
  const n = await steps.count();
  assert.ok(n >= 1 && n <= 3, `${n} steps`);
  // "Get advice" is left to "Help from a person", which follows.
  const shownSteps = decision.next_steps.filter((st) => st.id !== 'get_advice');
  assert.equal(n, Math.min(3, shownSteps.length));
  for (let i = 0; i < n; i += 1) {
    assert.equal((await steps.nth(i).locator('.s117-step__text').textContent()).trim(), shownSteps[i].text);
    if (shownSteps[i].by) await steps.nth(i).getByText(/^By \d{1,2} \w+ \d{4}$|^By \w+ \d{4}$|^By \d{4}$/).waitFor();
  }
  // Any further steps wait, folded away, under the three.
  if (shownSteps.length > 3) {
    const more = view.locator('.s117-now__more');
    await more.locator('summary').click();
    assert.equal(await more.locator('li').count(), shownSteps.length - 3);
  }
  // The old JS-written advice has gone.
  assert.equal(await page.getByText('What you can do next').count(), 0);
  // The refund: each range in words, the estimate, never "refund likely".
  const ranges = view.locator('.s117-refund__range');
  assert.equal(await ranges.count(), decision.refund.ranges.length);
  for (let i = 0; i < decision.refund.ranges.length; i += 1) {
    const r = decision.refund.ranges[i];
    assert.match(await ranges.nth(i).textContent(), r.ongoing ? / until now/ : / to (\d{1,2} )?[A-Z][a-z]+ \d{4}|to \d{4}/);
    // The person's words are text, not markup.
    assert.match(await ranges.nth(i).textContent(), /^Care home fees <b>x<\/b>: from /);
  }
  assert.equal(await view.locator('.s117-refund b').count(), 0);
  if (decision.refund.estimate) await view.locator('.s117-refund__estimate').getByText(/^About £[\d,]+, not counting interest\.$/).waitFor();
  assert.doesNotMatch(await view.innerText(), /refund likely/i);
  // The time limits: one item each, dates in words, the basis sentence (under "Why we think this").
  await view.locator('details.s117-why > summary').click();
  const items = view.locator('.s117-deadline');
  assert.equal(await items.count(), decision.deadlines.length);
  for (let i = 0; i < decision.deadlines.length; i += 1) {
    const d = decision.deadlines[i];
    const text = await items.nth(i).innerText();
    assert.ok(text.includes(d.basis.slice(1)), text);
    if (d.date) assert.match(text, /: (\d{1,2} )?(\w+ )?\d{4}/);
    if (d.date && d.approximate) assert.match(text, /\(approximate: may be earlier\)/);
    if (d.date && d.passed) assert.match(text, /Passed/);
    assert.doesNotMatch(text, /\d{4}-\d{2}/, 'no ISO dates');
  }
  // The periods: a table with a row for each.
  const table = page.getByRole('table', { name: 'Your after-care periods' });
  assert.equal(await table.locator('tbody tr').count(), 2);
  assert.match(await table.locator('tbody tr').first().innerText(), /Detained again/);
  await axe(page, `the timeline result at ${width}px`);
  await assertNoOverflow(page);
  await mkdir('/tmp/www-shots', { recursive: true });
  await page.screenshot({ path: `/tmp/www-shots/timeline-result-${width}.png`, fullPage: true });
  // The sources of the steps are there, under "Why we think this".
  await view.locator('details.s117-why .s117-cites a', { hasText: decision.next_steps[0].cites[0].label }).first().waitFor();
};

/** A complete case: section 3 in Birmingham, discharged in 2025. */
export function sampleCase() {
  return {
    detentions: [
      {
        section: '3',
        detained_in: 'england',
        admitted: '2025-01-05',
        left_hospital: '2025-03-10',
        leaving: 'discharged',
        lived_before: { country: 'england', council: 'Birmingham City Council' },
        gp_icb: 'NHS Birmingham and Solihull Integrated Care Board',
      },
    ],
  };
}

