// Browser tests for the <s117-checker> widget, in headless Chromium (Debian's /usr/bin/chromium) via playwright-core.
//
//   BASE_URL=http://127.0.0.1:8765/ node www/test/run.mjs      (a server of www/ must be running there)
//   node www/test/run.mjs                                        (starts its own static server of www/)
//
// Options: FILTER=text runs only tests whose name contains it; HEADED=1 shows the browser.
// Prints one line per test and ends with exactly "N passed, M failed"; exits non-zero on any failure.
// Screenshots go to test-artifacts/screenshots/ (git-ignored).

import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdir, writeFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT, AS_AT, launchChromium, baseUrl, requireServed, fail, runner, report, download, screenFile, screenCounts } from './support.mjs';

const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const { base: BASE, stop } = await baseUrl();
const BASE_ORIGIN = new URL(BASE).origin;
// The same server under another host name: a different origin, for the cross-origin iframe test.
const OTHER = new URL(BASE);
OTHER.hostname = OTHER.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const OTHER_ORIGIN = OTHER.origin;

// The letter steps always run: a build without letter() or letterDocx() is an error, not a reason to skip them.
const glue = await requireServed(BASE, 'pkg/s117.js', 'the WebAssembly');
const missing = ['check', 'councils', 'districts', 'nhsBodies', 'about', 'letter', 'letterDocx'].filter((name) => !new RegExp(`export function ${name}\\(`).test(glue));
if (missing.length) fail(`${new URL('pkg/s117.js', BASE)} does not export ${missing.join(', ')}: rebuild it (scripts/build-wasm.sh).`);

// ----- a tiny runner ---------------------------------------------------------------------------------------------

const { test, run } = runner();
/** The page most recently opened, for a screenshot when a test fails. */
let lastPage = null;

const browser = await launchChromium({ headless: !process.env.HEADED });

/**
 * A fresh browser context and page that records what the page does: console errors, page errors, CSP violations
 * (in every frame), dialogs (which fail the test) and every request.
 */
async function open(url, { width = 1024, height = 900, sandboxed = false, before = null } = {}) {
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
async function ready(page, { asAt = AS_AT, core = true } = {}) {
  await page.waitForFunction(() => customElements.get('s117-checker') && document.querySelector('s117-checker .s117'));
  await page.evaluate(async ([a, waitCore]) => {
    const el = document.querySelector('s117-checker');
    await el.ready;
    if (waitCore) await el.coreReady;
    if (a && el.getAttribute('as-at') !== a) el.setAttribute('as-at', a);
  }, [asAt, core]);
}

/** Asserts nothing bad happened on the page: no page errors, console errors, CSP violations or dialogs. */
function assertClean(log, { allowConsole = [] } = {}) {
  assert.deepEqual(log.errors, [], 'page errors');
  assert.deepEqual(log.csp, [], 'CSP violations');
  assert.deepEqual(log.dialogs, [], 'dialogs');
  const console = log.console.filter((m) => !allowConsole.some((re) => re.test(m)));
  assert.deepEqual(console, [], 'console errors');
}

/** Asserts every request went to one of the given origins (data: and blob: URLs are local). */
function assertOwnRequests(log, origins = [BASE_ORIGIN]) {
  const foreign = log.requests.filter((u) => !/^(data|blob):/.test(u) && !origins.includes(new URL(u).origin));
  assert.deepEqual(foreign, [], 'requests outside the widget’s own origin');
}

/**
 * A test on a fresh page of `url` (`open`'s options) with the checker ready (`ready`'s options): `body` acts on the
 * page; then the page must have stayed clean (`assertClean`, with `allowConsole`) and, with `ownRequests`, have
 * asked nothing of any other origin. A failing test leaves its page open, for the screenshot.
 * @param {string} name @param {string} url @param {any} options @param {(page: import('playwright-core').Page, log: any) => Promise<void>} [body]
 */
function checkerTest(name, url, options, body) {
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
async function heading(page, text) {
  await page.getByRole('heading', { name: text, exact: true }).first().waitFor({ timeout: 5000 });
}

async function choose(page, label) {
  await page.getByRole('radio', { name: label, exact: true }).check();
}

async function tick(page, label) {
  await page.getByRole('checkbox', { name: label, exact: true }).check();
}

async function next(page, name = 'Continue') {
  await page.getByRole('button', { name, exact: true }).click();
}

/** Chooses `label` and continues, once the page's heading is `question` (if given). */
async function answer(page, label, question) {
  if (question) await heading(page, question);
  await choose(page, label);
  await next(page);
}

/** Gives the checker a whole set of answers, as a host page would. */
async function setAnswers(page, answers) {
  await page.evaluate((c) => { document.querySelector('s117-checker').answers = c; }, answers);
}

/** From "Check your answers", on to the result. */
async function toResult(page) {
  await next(page, 'Get my result');
  await heading(page, 'Your result');
}

/** Types a date into the GOV.UK date input in the group named `legend`: '14 5 2023', '5 2023' (no day) or '2023'. */
async function date(page, legend, value) {
  const group = page.getByRole('group', { name: legend, exact: true });
  const parts = value.split(' ');
  const [d, m, y] = parts.length === 3 ? parts : parts.length === 2 ? ['', ...parts] : ['', '', parts[0]];
  await group.getByLabel('Day', { exact: true }).fill(d);
  await group.getByLabel('Month', { exact: true }).fill(m);
  await group.getByLabel('Year', { exact: true }).fill(y);
}

/** Types into a combobox and picks the suggestion whose name starts with `pick` (or keeps the text). */
async function combo(page, label, typed, pick) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.fill('');
  await box.pressSequentially(typed, { delay: 5 });
  if (pick) {
    await page.getByRole('option', { name: new RegExp(`^${pick.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`) }).first().click();
    assert.equal(await box.inputValue(), pick);
  }
}

/** Fills one field of a page (a `[data-path]` group) with the answer `v` in the interview's form (undefined: left
 * blank, or "not sure" / "I do not know" where the page offers it). */
async function fillField(field, kind, v) {
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

/**
 * Answers the journey page by page from `facts` (`{ path: answer }`, in the interview's form: `2025-01-05`,
 * `section 3` as `'3'`), until "Check your answers" (or the page whose first field is `until`). Returns the paths
 * asked, in order. `onPage(key)` runs on each page before it is answered.
 */
async function walk(page, facts, { until, onPage } = {}) {
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
      await fillField(f, await f.getAttribute('data-kind'), facts[path]);
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
async function result(page) {
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
async function letter(page, details = {}) {
  const section = page.locator('.s117-letter-section');
  if (details.name) await section.getByLabel('Full name', { exact: true }).fill(details.name);
  if (details.address) await section.getByLabel('Address', { exact: true }).fill(details.address);
  await section.getByRole('button', { name: /^(Create|Update) the letter$/ }).click();
  await page.locator('.s117-letter').first().waitFor();
  return (await page.locator('.s117-letter').first().innerText()).trim();
}

/** The names on the letter's addressee blocks, in order. */
async function addressees(page) {
  return page.locator('.s117-letter .s117-letter__addressee').evaluateAll((els) => els.map((el) => el.innerText.split('\n').map((l) => l.trim()).filter(Boolean)));
}

/** Collapses white space, for comparing the letter on screen with its text and Word versions. */
const squash = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * The files in a ZIP archive (a .docx): stored or deflated entries, read from their local headers.
 * @param {Buffer} buf
 * @returns {Record<string, Buffer>}
 */
function unzip(buf) {
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
function wordText(xml) {
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
async function letterFiles(page, { both = false } = {}) {
  const button = (name) => page.getByRole('button', { name });
  const txt = await download(page, button(both ? 'Download .txt (both letters as one text file)' : 'Download .txt (the letter as a text file)'));
  const docx = await download(page, button(both ? 'Download .docx (both letters as one Word document)' : 'Download .docx (the letter as a Word document)'));
  assert.equal(docx.bytes.subarray(0, 2).toString(), 'PK', 'a .docx is a zip file');
  const parts = unzip(docx.bytes);
  assert.ok(parts['word/document.xml'], `parts: ${Object.keys(parts).join(', ')}`);
  return { text: txt.text, txtName: txt.name, docxName: docx.name, xml: parts['word/document.xml'].toString('utf8'), parts };
}

const flagIds = (decision) => decision.flags.map((f) => f.id);

async function shot(page, name, { widget = false } = {}) {
  await mkdir(SHOTS, { recursive: true });
  // Full-page shots of a long result page can take a while on a busy 2-core machine.
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, timeout: 30000 });
  // The widget alone, at full size, for looking at closely.
  if (widget) await page.locator('s117-checker').first().screenshot({ path: path.join(SHOTS, `${name}-widget.png`), timeout: 30000 });
}

/** No horizontal scrolling at this width (WCAG 1.4.10 reflow). */
async function assertNoOverflow(page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `page scrolls sideways: ${scroll} > ${client}`);
}

async function axe(page, where) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(problems, [], `axe violations on ${where}`);
}

// ----- the eight journeys ----------------------------------------------------------------------------------------

/** One stay in England under a section 3, discharged home: the interview's facts for stay `i`. */
function s3Stay(i, { council, admitted, left, leaving = 'discharged', section = '3', country = 'england', ...more } = {}) {
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

checkerTest('journey: entitled after section 3 (Birmingham), with the letter', 'index.html', { ownRequests: true }, async (page) => {
  const asked = await walk(page, {
    ...s3Stay(0, { council: 'Birmingham City Council', admitted: '2025-01-05', left: '2025-03-10', hospital: 'Queen Elizabeth Psychiatric Hospital' }),
    'detentions[1]': 'no',
    'lives_now.country': 'england',
    'lives_now.council': 'Birmingham City Council',
    'specialised_aftercare': 'no',
    'aftercare_ended': 'no',
    'charges[0]': 'no',
    'detentions[0].gp_icb': 'NHS Birmingham and Solihull Integrated Care Board',
  });
  // The NHS question is the GP's ICB when the stay began (after 1 July 2022).
  assert.ok(asked.includes('detentions[0].gp_icb'), asked.join());
  assert.ok(!asked.includes('gp_icb_on_1_july_2022'), asked.join());
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled');
  assert.match(r.summary, /^You appear to be owed free after-care under section 117 of the Mental Health Act 1983 since 10 March 2025\.$/);
  assert.deepEqual(r.bodies, ['Birmingham City Council', 'NHS Birmingham and Solihull Integrated Care Board']);
  // Each reason shows its finding in words and links its citation.
  const reason = page.locator('.s117-reason').filter({ hasText: 'Detained under a qualifying section' });
  assert.match(await reason.locator('.s117-reason__finding').textContent(), /^✓ Met$/);
  const link = reason.getByRole('link', { name: 'Mental Health Act 1983, s.117(1)' });
  assert.equal(await link.getAttribute('href'), 'https://www.legislation.gov.uk/ukpga/1983/20/section/117');
  assert.match(await link.getAttribute('rel'), /noopener/);
  await page.getByText(/This is a screening tool, not legal advice\. It reflects the law on \d+ \w+ \d{4}/).first().waitFor();
  await page.getByText('Who should the letter go to?').waitFor();
  const text = await letter(page, { name: 'Sam Example', address: '1 High Street\nBirmingham' });
  // Addressed to both bodies the decision named, each with a line for its address.
  const to = await addressees(page);
  assert.equal(to.length, 2, JSON.stringify(to));
  assert.ok(to[0].includes('Birmingham City Council'), JSON.stringify(to[0]));
  assert.ok(to[1].includes('NHS Birmingham and Solihull Integrated Care Board'), JSON.stringify(to[1]));
  for (const lines of to) assert.ok(lines.includes('____________'), 'a line for the address');
  // The person's details, the stay, the date and the reply-by date.
  assert.match(await page.locator('.s117-letter__sender').innerText(), /^Sam Example\n1 High Street\nBirmingham$/);
  assert.equal(await page.locator('.s117-letter__date').textContent(), '23 November 2026');
  assert.match(await page.locator('.s117-letter__subject').textContent(), /Sam Example/);
  assert.match(text, /Queen Elizabeth Psychiatric Hospital/);
  assert.match(text, /5 January 2025/);
  assert.match(text, /10 March 2025/);
  assert.match(text, /section 117/i);
  assert.ok((await page.locator('.s117-letter__heading').count()) >= 2, 'headings');
  assert.ok((await page.locator('.s117-letter__list--ordered > li').count()) >= 2, 'numbered requests');
  await page.getByText(/^The letter asks for a reply by \d{1,2} \w+ 2026\./).waitFor();
  assert.match(await page.locator('.s117-letter__footer').textContent(), /screening tool/);
  // Print: the browser's print dialog (the print stylesheet is tested below).
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.getByRole('button', { name: 'Print the letter' }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  // Download .txt and .docx: the same letter.
  const files = await letterFiles(page);
  assert.equal(files.txtName, 's117-letter-2026-11-23.txt');
  assert.equal(files.docxName, 's117-letter-2026-11-23.docx');
  const words = squash(files.text);
  const docWords = squash(wordText(files.xml + (files.parts['word/footer1.xml'] || '')));
  const pieces = await page.locator('.s117-letter').locator('p, li, h4').evaluateAll((els) => els.map((el) => el.innerText));
  assert.ok(pieces.length > 10);
  for (const piece of pieces.map(squash).filter(Boolean)) {
    assert.ok(words.includes(piece), `the .txt has: ${piece}`);
    assert.ok(docWords.includes(piece), `the .docx has: ${piece}`);
  }
  for (const part of ['[Content_Types].xml', 'word/styles.xml']) assert.ok(files.parts[part], part);
  // Copy: the clipboard gets the same text as the .txt.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_ORIGIN });
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await page.getByText('The letter has been copied.', { exact: false }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), files.text);
});


checkerTest('journey: section 2 only is not entitled, and asks nothing it does not need', 'index.html', async (page) => {
  const asked = await walk(page, { ...s3Stay(0, { section: '2', council: 'Leeds City Council', admitted: '2024-03', left: '2024-04' }), 'detentions[1]': 'no', 'lives_now.country': 'england' });
  for (const skipped of ['specialised_aftercare', 'aftercare_ended', 'detentions[0].gp_icb', 'gp_icb_on_1_july_2022', 'detentions[0].lived_before.placed_by']) {
    assert.ok(!asked.includes(skipped), `${skipped} asked: ${asked.join()}`);
  }
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'not_entitled');
  assert.match(r.summary, /you are not owed after-care under section 117/);
  assert.deepEqual(r.bodies, []);
  assert.equal(await page.locator('.s117-letter-section').count(), 0);
  // Approximate dates were kept as months.
  assert.deepEqual(await page.evaluate(() => document.querySelector('s117-checker').answers.detentions[0].admitted), '2024-03');
});

checkerTest('journey: escorted leave only means after-care is owed on leaving; a district names its county', 'index.html', async (page) => {
  const facts = { ...s3Stay(0, { leaving: 'escorted_leave_only', admitted: '2026-09-01' }), 'detentions[1]': 'no', 'lives_now.country': 'england', 'specialised_aftercare': 'no', 'aftercare_ended': 'no', 'charges[0]': 'no' };
  await walk(page, facts, { until: 'detentions[0].lived_before.council' });
  await combo(page, 'Which council area did you live in just before this stay?', 'Bromsg', 'Bromsgrove');
  await page.getByText(/Bromsgrove is a district council\. Social services there are run by Worcestershire County Council/).waitFor();
  await next(page);
  const asked = await walk(page, facts);
  // No "left hospital" question for someone still living in hospital.
  assert.ok(!asked.includes('detentions[0].left_hospital'), asked.join());
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled_on_leaving_hospital');
  assert.match(r.summary, /when you leave hospital/);
  assert.deepEqual(r.bodies, ['Worcestershire County Council', 'NHS Herefordshire and Worcestershire Integrated Care Board']);
  assert.ok(flagIds(r.decision).includes('plan_before_discharge'));
});

checkerTest('journey: readmission in another area: the council moves, the ICB does not', 'index.html', async (page) => {
  const facts = {
    ...s3Stay(0, { council: 'Birmingham City Council', admitted: '2023-01-10', left: '2023-04-20' }),
    'detentions[1]': 'yes',
    ...s3Stay(1, { council: 'Worcester', admitted: '2022-06-01', left: '2024-09-01' }),
    'detentions[2]': 'no',
    'lives_now.country': 'england',
    'specialised_aftercare': 'no',
    'aftercare_ended': 'no',
    'charges[0]': 'no',
    'detentions[0].gp_icb': 'NHS Birmingham and Solihull Integrated Care Board',
  };
  // Facts that cannot be true together are caught by the core and shown on the question that asked them.
  await walk(page, facts);
  await page.locator('.s117-error-summary').getByRole('link', { name: /^2022-06-01 is before the stay listed above it began \(2023-01-10\)/ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('s117-error-summary')), true);
  await page.locator('.s117-form-group--error').getByText(/is before the stay listed above it began/).waitFor();
  facts['detentions[1].admitted'] = '2024-06-01';
  const asked = await walk(page, facts);
  // The ICB question asks about the first detention (the ICB stays through later ones).
  assert.ok(asked.includes('detentions[0].gp_icb') && !asked.includes('detentions[1].gp_icb'), asked.join());
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled');
  assert.deepEqual(r.bodies, ['Worcestershire County Council', 'NHS Birmingham and Solihull Integrated Care Board']);
  assert.equal(r.decision.qualifying_detention, 1);
  assert.match(r.decision.nhs_body.why, /did not change when you were detained again/);
  await page.locator('.s117-body-card').getByText(/did not change when you were detained again/).waitFor();
  await page.locator('.s117-reason').filter({ hasText: 'Later stays in hospital' }).waitFor();
  await shot(page, 'answer-readmission-1024');
});

checkerTest('journey: Wales: the council and the local health board', 'index.html', async (page) => {
  const asked = await walk(page, { ...s3Stay(0, { country: 'wales', council: 'Cardiff Council', admitted: '2025-02', left: '2025-06' }), 'detentions[1]': 'no', 'lives_now.country': 'wales', 'lives_now.council': 'Cardiff Council', 'specialised_aftercare': 'no', 'aftercare_ended': 'no', 'charges[0]': 'no' });
  // In Wales the health board follows the council area; the GP's ICB is asked only to see whether the practice was
  // across the border (left blank here).
  assert.ok(asked.includes('detentions[0].gp_icb') && !asked.includes('gp_icb_on_1_july_2022'), asked.join());
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled');
  assert.deepEqual(r.bodies, ['Cardiff Council', 'Cardiff and Vale University Health Board']);
  assert.match(await page.locator('.s117-body-card__kind').nth(1).textContent(), /Local health board/);
  // A letter to one body only: the council, then the health board.
  const section = page.locator('.s117-letter-section');
  await section.getByRole('radio', { name: 'The council only' }).check();
  await letter(page, { name: 'Rhys Example' });
  let to = await addressees(page);
  assert.equal(to.length, 1, JSON.stringify(to));
  assert.ok(to[0].includes('Cardiff Council'), JSON.stringify(to));
  await section.getByRole('radio', { name: 'The NHS body only' }).check();
  await section.getByRole('button', { name: 'Update the letter' }).click();
  await page.waitForFunction(() => /Health Board/.test(document.querySelector('.s117-letter__addressee').textContent));
  to = await addressees(page);
  assert.equal(to.length, 1, JSON.stringify(to));
  assert.ok(to[0].includes('Cardiff and Vale University Health Board'), JSON.stringify(to));
});


checkerTest('journey: Scotland: detention under Scottish law is out of scope', 'index.html', async (page) => {
  await walk(page, { 'detentions[0].detained_in': 'scotland', 'detentions[0].lived_before.country': 'scotland', 'detentions[0].admitted': '2022', 'detentions[1]': 'no', 'lives_now.country': 'scotland' });
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'out_of_scope');
  assert.match(r.summary, /Section 117 does not apply/);
  await page.locator('.s117-reason').filter({ hasText: 'Mental Welfare Commission for Scotland' }).waitFor();
});

checkerTest('journey: after-care ended for an unlawful reason: still entitled, with the deadlines as dates', 'index.html', async (page) => {
  const asked = await walk(page, {
    ...s3Stay(0, { council: 'Leeds City Council', admitted: '2023-11-01', left: '2024-02-01' }),
    'detentions[1]': 'no',
    'lives_now.country': 'england',
    'specialised_aftercare': 'no',
    'aftercare_ended': 'yes',
    'aftercare_ended.date': '2026-10-01',
    'aftercare_ended.reason': 'discharged_from_mental_health_services',
    'charges[0]': 'no',
  });
  assert.ok(asked.includes('aftercare_ended.reason'), asked.join());
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled');
  const ids = flagIds(r.decision);
  assert.ok(ids.includes('likely_unlawful_ending'), ids.join());
  const deadlines = r.decision.flags.filter((f) => f.kind === 'deadline');
  assert.ok(deadlines.length >= 1, 'a deadline');
  const warnings = page.locator('.s117-flags--warning');
  await warnings.waitFor();
  const shown = page.locator('.s117-flags--deadline .s117-flag__date');
  assert.match(await shown.first().textContent(), /^Last day: \d{1,2} \w+ \d{4}/);
});

checkerTest('journey: charges paid after a hospital order: refund, and the 1 July 2022 ICB question', 'index.html', async (page) => {
  const facts = {
    ...s3Stay(0, { section: '37', council: 'Manchester City Council', admitted: '2019-03', left: '2020-06-01' }),
    'detentions[1]': 'no',
    'lives_now.country': 'england',
    'specialised_aftercare': 'no',
    'aftercare_ended': 'no',
    'charges[0]': 'yes',
    'charges[0].what': 'Care home fees',
    'charges[0].since': '2021-01',
    'charges[1]': 'no',
    'detentions[0].nhs_england_secure_service': 'no',
  };
  await walk(page, facts, { until: 'gp_icb_on_1_july_2022' });
  await heading(page, 'Which integrated care board did your GP practice belong to on 1 July 2022?');
  await combo(page, 'Which integrated care board did your GP practice belong to on 1 July 2022?', 'greater man', 'NHS Greater Manchester Integrated Care Board');
  await next(page);
  await walk(page, facts);
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled');
  assert.deepEqual(r.bodies, ['Manchester City Council', 'NHS Greater Manchester Integrated Care Board']);
  assert.ok(flagIds(r.decision).includes('refund_due'), flagIds(r.decision).join());
  await page.getByRole('heading', { name: 'Money you may be owed back' }).waitFor();
  // What to do now: the core's own steps, the refund among them.
  const steps = page.locator('.s117-steps > li');
  assert.ok((await steps.count()) <= 3);
  assert.ok(r.decision.next_steps.slice(0, 3).some((st) => st.id === 'ask_for_refund'), r.decision.next_steps.map((st) => st.id).join());
  await page.locator('.s117-step--ask_for_refund').waitFor();
  await page.locator('.s117-refund__range').getByText(/^Care home fees: from January 2021 until now$/).waitFor();
});

/** SI 2022/635 reg. 6: a section 2 from 20 June 2022 that became a section 3 on 12 July 2022 was under way on
 * 1 July 2022, so the GP question asks about 1 July 2022 (the widget once asked about 12 July). */
checkerTest('journey: a section 2 that became a section 3 across 1 July 2022 is asked about the GP on 1 July 2022', 'index.html', async (page) => {
  const facts = {
    ...s3Stay(0, { section: '2', leaving: 'still_in_hospital', council: 'Leeds City Council', admitted: '2022-06-20', left: undefined, section_ended: '2022-07-12' }),
    'detentions[0].section_ended': '2022-07-12',
    'detentions[1]': 'yes',
    ...s3Stay(1, { council: 'Leeds City Council', admitted: '2022-07-12', left: '2022-11-01' }),
    'detentions[2]': 'no',
    'lives_now.country': 'england',
    'specialised_aftercare': 'no',
    'aftercare_ended': 'no',
    'charges[0]': 'no',
    'detentions[1].nhs_england_secure_service': 'no',
    'gp_icb_on_1_july_2022': 'NHS West Yorkshire Integrated Care Board',
  };
  const asked = await walk(page, facts, { until: 'gp_icb_on_1_july_2022' });
  assert.ok(!asked.includes('detentions[1].gp_icb'), asked.join());
  await heading(page, 'Which integrated care board did your GP practice belong to on 1 July 2022?');
  await walk(page, facts);
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled');
  assert.equal(r.decision.nhs_body.name, 'NHS West Yorkshire Integrated Care Board');
  assert.equal(r.decision.nhs_body.certain, true);
});

// ----- accessibility -----------------------------------------------------------------------------------------------

checkerTest('axe: no WCAG 2.2 AA violations on every step of a journey, the answer and the letter', 'index.html', async (page) => {
  const check = (where) => axe(page, where);
  await check('first question');
  // An error summary, too.
  await next(page);
  await page.locator('.s117-error-summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('s117-error-summary')), true, 'the error summary takes focus');
  await page.getByRole('link', { name: 'Select the country the hospital was in' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.type), 'radio', 'the error link focuses the field');
  await check('question with an error');
  const facts = {
    ...s3Stay(0, { leaving: 'cto', admitted: '2025-02-31', left: '2025-05-03' }),
    'detentions[1]': 'no',
    'lives_now.country': 'england',
    'specialised_aftercare': 'no',
    'aftercare_ended': 'no',
    'charges[0]': 'no',
  };
  // A date that is not a date is shown on its page, with its error.
  await walk(page, facts, { until: 'detentions[0].lived_before.council', onPage: (key) => check(`page ${key}`) });
  await page.locator('.s117-error-summary').waitFor();
  await check('dates with an error');
  facts['detentions[0].admitted'] = '2025-02-03';
  await walk(page, facts, { until: 'detentions[0].lived_before.council' });
  await page.getByRole('combobox').pressSequentially('Leic');
  await page.getByRole('listbox').waitFor();
  await check('council question with suggestions open');
  await page.getByRole('option', { name: /^Leicester City Council/ }).click();
  await next(page);
  await walk(page, facts, { onPage: (key) => check(`page ${key}`) });
  await heading(page, 'Check your answers');
  await check('check your answers');
  await toResult(page);
  await check('the answer');
  await letter(page, { name: 'Alex Example' });
  await check('the letter');
});

checkerTest('keyboard only: a whole journey with Tab, arrows, Space and Enter', 'index.html', async (page) => {
  const kb = page.keyboard;
  /** Presses Tab until the focused element passes the test (at most 60 times). */
  const tabTo = async (predicate, arg) => {
    for (let n = 0; n < 60; n++) {
      await kb.press('Tab');
      if (await page.evaluate(predicate, arg)) return;
    }
    throw new Error(`could not Tab to ${predicate} ${arg || ''}`);
  };
  const labelOfActive = () => {
    const a = document.activeElement;
    return a && a.labels && a.labels[0] ? a.labels[0].textContent : '';
  };
  /** Moves through a radio group with the arrow keys until the wanted option is focused, then selects it. */
  const pick = async (label) => {
    await tabTo(() => document.activeElement.type === 'radio');
    for (let n = 0; n < 20 && (await page.evaluate(labelOfActive)) !== label; n++) await kb.press('ArrowDown');
    assert.equal(await page.evaluate(labelOfActive), label);
    await kb.press('Space');
  };
  const submit = async () => {
    await tabTo(() => document.activeElement.matches('button[type="submit"]'));
    await kb.press('Enter');
  };
  const focusedHeading = () => page.evaluate(() => document.activeElement.textContent);
  const dontKnow = async (label) => {
    await tabTo((l) => document.activeElement.labels && document.activeElement.labels[0] && document.activeElement.labels[0].textContent === l, label);
    await kb.press('Space');
  };
  // The first page does not steal focus from the host page; start from the top of the page.
  await pick('England');
  await submit();
  assert.match(await focusedHeading(), /^Which section/, 'focus moves to the new question');
  await pick('Section 3 (admission for treatment)');
  await submit();
  await pick('Discharged from the section, and left hospital');
  await submit();
  await tabTo(() => document.activeElement.id.endsWith('detentions-0-admitted'));
  await kb.type('12');
  await kb.press('Tab');
  await kb.type('1');
  await kb.press('Tab');
  await kb.type('2025');
  await tabTo(() => document.activeElement.id.endsWith('detentions-0-left_hospital-year'));
  await kb.type('2025');
  await submit();
  await pick('England');
  await submit();
  await tabTo(() => document.activeElement.getAttribute('role') === 'combobox');
  await kb.type('Shef');
  await kb.press('ArrowDown');
  await kb.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'Sheffield City Council');
  await submit();
  await dontKnow('No council placed me there');
  await submit();
  for (let n = 0; n < 3; n++) await pick('No');
  await submit();
  await pick('No');
  await submit();
  await pick('England');
  await submit();
  await dontKnow('I do not know');
  await submit();
  for (let n = 0; n < 3; n++) {
    await pick('No');
    await submit();
  }
  await submit();
  await submit();
  await pick('No');
  await submit();
  await dontKnow('I do not know');
  await submit();
  assert.equal(await focusedHeading(), 'Check your answers');
  await submit();
  assert.equal(await focusedHeading(), 'Your result');
  const d = await page.evaluate(() => document.querySelector('s117-checker').decision);
  assert.equal(d.entitlement, 'entitled');
  assert.equal(d.council.name, 'Sheffield City Council');
  // Back from the result by keyboard: the back link is a real control.
  await kb.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Back');
});

test('layout: works at 320px wide and at 200% zoom (no sideways scrolling); targets are at least 44px', async () => {
  const { page, log, close } = await open('index.html', { width: 320, height: 640 });
  await ready(page);
  await assertNoOverflow(page);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('s117-checker button, s117-checker .s117-radios__label, s117-checker .s117-checkboxes__label, s117-checker input[type="text"]')]
      .filter((el) => el.offsetParent)
      .map((el) => [el.textContent.trim() || el.id, Math.round(el.getBoundingClientRect().height)])
      .filter(([, height]) => height < 44),
  );
  assert.deepEqual(small, [], 'targets under 44px tall');
  await setAnswers(page, sampleCase());
  await heading(page, 'Check your answers');
  await assertNoOverflow(page);
  await toResult(page);
  await assertNoOverflow(page);
  assertClean(log);
  await close();
  // 200% zoom on a 1280px-wide window: a 640px layout viewport at device scale 2.
  const zoomed = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  const zpage = await zoomed.newPage();
  await zpage.goto(new URL('index.html', BASE).href);
  await ready(zpage);
  await assertNoOverflow(zpage);
  await setAnswers(zpage, sampleCase());
  await toResult(zpage);
  await assertNoOverflow(zpage);
  await zoomed.close();
});

// ----- embedding: hostile host, CSP, iframe ------------------------------------------------------------------------

checkerTest('hostile host page: strict CSP, aggressive CSS: the widget keeps its look and the host keeps its own', 'test/hostile.html', { width: 1024, ready: { asAt: null }, ownRequests: true }, async (page) => {
  const button = page.locator('s117-checker .s117-button').filter({ hasText: 'Continue' });
  const style = await button.evaluate((el) => {
    const s = getComputedStyle(el);
    return { font: s.fontFamily, transform: s.textTransform, spacing: s.letterSpacing, bg: s.backgroundColor, color: s.color, display: s.display, minHeight: s.minHeight, height: el.getBoundingClientRect().height, width: el.getBoundingClientRect().width, outline: s.outlineStyle, left: s.left, shadow: s.textShadow };
  });
  assert.doesNotMatch(style.font, /Comic/);
  assert.equal(style.transform, 'none');
  assert.equal(style.spacing, 'normal');
  assert.equal(style.bg, 'rgb(0, 112, 60)');
  assert.equal(style.color, 'rgb(255, 255, 255)');
  assert.ok(['inline-flex', 'flex'].includes(style.display), style.display);
  assert.equal(style.shadow, 'none');
  assert.ok(style.height >= 44 && style.width > 60, `button size ${style.width}x${style.height}`);
  const head = await page.locator('s117-checker h2.s117-heading-l').first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { size: parseFloat(s.fontSize), color: s.color, bg: s.backgroundColor, transform: s.transform, deco: s.textDecorationLine };
  });
  assert.ok(head.size >= 24 && head.size <= 32, `heading size ${head.size}`);
  assert.equal(head.color, 'rgb(11, 12, 12)');
  assert.equal(head.transform, 'none');
  assert.equal(head.deco, 'none');
  const labels = await page.locator('s117-checker label.s117-radios__label').evaluateAll((els) => els.map((el) => getComputedStyle(el).display));
  assert.ok(labels.length >= 4 && labels.every((d) => d === 'block'), `labels: ${labels}`);
  const radio = await page.locator('s117-checker input[type="radio"]').first().evaluate((el) => ({ appearance: getComputedStyle(el).appearance, opacity: getComputedStyle(el).opacity, w: el.getBoundingClientRect().width }));
  assert.notEqual(radio.appearance, 'none');
  assert.equal(radio.opacity, '1');
  assert.ok(radio.w >= 24);
  const fieldset = await page.locator('s117-checker fieldset').first().evaluate((el) => ({ border: getComputedStyle(el).borderTopStyle, display: getComputedStyle(el).display }));
  assert.deepEqual(fieldset, { border: 'none', display: 'block' });
  // The host keeps its own look: the widget's CSS did not leak out.
  const host = await page.evaluate(() => ({
    h2: getComputedStyle(document.getElementById('host-heading')).fontSize,
    h2colour: getComputedStyle(document.getElementById('host-heading')).color,
    button: getComputedStyle(document.getElementById('host-button')).backgroundColor,
    input: getComputedStyle(document.getElementById('host-input')).borderTopStyle,
  }));
  assert.deepEqual(host, { h2: '60px', h2colour: 'rgb(255, 0, 0)', button: 'rgb(128, 0, 128)', input: 'dotted' });
  // Still usable: answer a question, go on, and see the hidden things stay hidden.
  await answer(page, 'England');
  await page.getByRole('heading', { name: /^Which section/ }).waitFor();
  assert.equal(await page.locator('s117-checker .s117-error-summary').isVisible(), false);
  await answer(page, 'Section 136 (police, to a place of safety)');
  await answer(page, 'Discharged from the section, and left hospital');
  await heading(page, 'When did this stay begin and end?');
  await shot(page, 'hostile-host-1024');
  const cookies = await page.context().cookies();
  assert.deepEqual(cookies, [], 'no cookies');
});

test('iframe mode: cross-origin frame resizes from origin-checked messages, and forwards decisions', async () => {
  const frameUrl = `${OTHER_ORIGIN}/embed.html`;
  const { page, log, close } = await open(`test/iframe-host.html?frame=${encodeURIComponent(frameUrl)}`, { width: 800, height: 700 });
  const iframe = page.locator('iframe.s117-embed__frame');
  await iframe.waitFor();
  const frame = page.frameLocator('iframe.s117-embed__frame');
  await frame.getByRole('heading', { name: 'Which country was the hospital in?' }).waitFor();
  // Once the rules have loaded, the disclaimer line gains the law date: measure after that.
  await frame.locator('s117-checker').evaluate((el) => el.coreReady);
  await page.waitForTimeout(100);
  await page.waitForFunction(() => document.querySelector('iframe').getAttribute('height') !== '720');
  const first = Number(await iframe.getAttribute('height'));
  assert.ok(first > 300, `height ${first}`);
  // The frame is as tall as its content: no scrollbar inside it.
  const inner = await frame.locator('html').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  assert.ok(inner.scroll <= inner.client + 1, `frame content ${inner.scroll} > ${inner.client}`);
  // A message from anything but the frame is ignored.
  await page.evaluate(() => window.postMessage({ source: 's117-checker', id: 's117-embed-1', type: 'height', height: 5 }, '*'));
  await page.waitForTimeout(100);
  assert.equal(Number(await iframe.getAttribute('height')), first);
  // Grows with the content: the section question is longer.
  await frame.getByRole('radio', { name: 'England', exact: true }).check();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.getByRole('heading', { name: /^Which section/ }).waitFor();
  await page.waitForFunction((h) => Number(document.querySelector('iframe').getAttribute('height')) > h, first);
  // A decision inside the frame reaches the host page as an s117-decision event.
  await frame.locator('s117-checker').evaluate((el, c) => { el.answers = c; }, sampleCase());
  await page.waitForFunction(() => window.s117Decisions && window.s117Decisions.length > 0);
  assert.equal(await page.evaluate(() => window.s117Decisions[0].entitlement), 'entitled');
  await page.getByText('Decision received: entitled').waitFor();
  assertClean(log);
  assertOwnRequests(log, [BASE_ORIGIN, OTHER_ORIGIN]);
  await close();
});

// ----- persistence and files -----------------------------------------------------------------------------------------

checkerTest('reload mid-journey keeps the answers and the place', 'index.html', async (page) => {
  await answer(page, 'Wales');
  await answer(page, 'Section 37 with a section 41 restriction order');
  await heading(page, 'How did this stay end?');
  await page.reload();
  await ready(page);
  await heading(page, 'How did this stay end?');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await page.getByRole('radio', { name: 'Section 37 with a section 41 restriction order' }).isChecked(), true);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await page.getByRole('radio', { name: 'Wales', exact: true }).isChecked(), true);
});

checkerTest('save answers to a file, clear, load them back: identical answers; clear empties storage', 'index.html', async (page) => {
  const c = sampleCase();
  c.detentions.push({ section: '2', detained_in: 'england', admitted: '2026-01', lived_before: { country: 'england', council: 'Leeds City Council' }, hospital: 'St Elsewhere' });
  c.charges = [{ what: 'Home care', since: '2025-06', chosen_dearer_placement_with_written_agreement: false }];
  await setAnswers(page, c);
  await heading(page, 'Check your answers');
  const save = async () => {
    const file = await download(page, page.getByRole('button', { name: 'Save answers to a file' }));
    assert.match(file.name, /^s117-answers-2026-11-23\.json$/);
    return file.text;
  };
  const saved = await save();
  // The file is the case the interview's answers describe (the facts it asks), as the `answers` property gives it.
  assert.deepEqual(JSON.parse(saved), await page.evaluate(() => document.querySelector('s117-checker').answers));
  assert.equal(JSON.parse(saved).detentions[1].hospital, 'St Elsewhere');
  assert.equal(JSON.parse(saved).charges[0].what, 'Home care');
  const stored = () => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('s117-checker:')).map((k) => sessionStorage.getItem(k)));
  assert.equal((await stored()).length, 1);
  await page.getByRole('button', { name: 'Clear my answers' }).click();
  await page.getByRole('button', { name: 'Yes, clear my answers' }).click();
  await heading(page, 'Which country was the hospital in?');
  assert.deepEqual(await stored(), [], 'sessionStorage is empty after clearing');
  const file = path.join(SHOTS, '..', 'answers.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, saved);
  await page.locator('s117-checker input[type="file"]').setInputFiles(file);
  await heading(page, 'Check your answers');
  assert.equal(await save(), saved, 'saved again, the file is byte-for-byte the same');
  // A file that is not a set of answers is refused with a message, and nothing changes.
  await writeFile(file, JSON.stringify({ as_at: AS_AT, detentions: [{ section: '99', detained_in: 'england', lived_before: { country: 'england' } }] }));
  await page.locator('s117-checker input[type="file"]').setInputFiles(file);
  await page.getByText(/We could not load that file\./).waitFor();
  assert.equal(await save(), saved);
});

// ----- user text is only ever text ---------------------------------------------------------------------------------

checkerTest('HTML and script typed by the user are shown as text everywhere', 'index.html', async (page, log) => {
  const img = '<img src=x onerror=alert(1)>';
  const script = '<script>alert("x")</script>';
  await page.evaluate(() => { window.__pwned = 0; });
  await walk(page, {
    ...s3Stay(0, { council: img, admitted: '2025-01', left: '2025-03', hospital: script }),
    'detentions[1]': 'no',
    'lives_now.country': 'england',
    'specialised_aftercare': 'no',
    'aftercare_ended': 'no',
    'charges[0]': 'no',
    'detentions[0].gp_icb': script,
  });
  await heading(page, 'Check your answers');
  await page.locator('.s117-summary-list__value').filter({ hasText: img }).first().waitFor();
  await page.locator('.s117-summary-list__value').filter({ hasText: script }).first().waitFor();
  await toResult(page);
  // The core kept the unrecognised council as typed; the page shows it as text.
  assert.equal(await page.locator('.s117-body-card__name').first().textContent(), img);
  await page.getByText(`We did not recognise "${img}"`, { exact: false }).first().waitFor();
  // The letter: HTML, script and Word field codes typed into it stay text on screen, in the .txt and in the .docx.
  const dde = '{ DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe" }';
  const include = '{ INCLUDEPICTURE "http://evil.example/x.png" \\d }';
  const section = page.locator('.s117-letter-section');
  await section.getByRole('checkbox', { name: 'I am writing for someone else' }).check();
  await section.getByLabel('Your full name', { exact: true }).fill(dde);
  await section.getByLabel('Your relationship to them', { exact: true }).fill(include);
  await section.getByLabel('NHS number (optional)', { exact: true }).fill('<b>485</b> &amp; 777');
  const shown = squash(await letter(page, { name: script, address: img }));
  for (const typed of [script, img, dde, include, '<b>485</b> &amp; 777']) assert.ok(shown.includes(typed), `the letter shows ${typed} as text`);
  const to = await addressees(page);
  assert.ok(to[0].includes(img), `the typed council is the addressee, as text: ${JSON.stringify(to)}`);
  assert.equal(await page.locator('.s117-letter b, .s117-letter img, .s117-letter script').count(), 0);
  const files = await letterFiles(page);
  const docText = squash(wordText(files.xml));
  for (const typed of [script, img, dde, include]) {
    assert.ok(squash(files.text).includes(typed), `the .txt has ${typed} literally`);
    assert.ok(docText.includes(typed), `the .docx has ${typed} literally`);
  }
  for (const [name, body] of Object.entries(files.parts)) {
    const xml = body.toString('utf8');
    assert.doesNotMatch(xml, /<w:fldChar|<w:instrText|<w:fldSimple|<w:hyperlink/, `${name}: no Word fields or links`);
    assert.doesNotMatch(xml, /TargetMode="External"/, `${name}: no external relationships`);
    assert.doesNotMatch(xml, /<script|<img/, `${name}: markup typed by the user is escaped`);
  }
  assert.equal(await page.locator('s117-checker img, s117-checker script').count(), 0, 'no element was created from user text');
  assert.deepEqual(log.dialogs, []);
  // The only request for "x" would come from an <img>: there is none.
  assert.equal(log.requests.filter((u) => /\/x$/.test(u)).length, 0);
});

// ----- the JS API, the adviser view and quick exit -------------------------------------------------------------------

checkerTest('API: answers pre-fill, decision property, s117-decision event; bad answers throw', 'index.html', async (page) => {
  const out = await page.evaluate(async (c) => {
    const el = document.querySelector('s117-checker');
    const events = [];
    document.addEventListener('s117-decision', (e) => events.push({ entitlement: e.detail.entitlement, target: e.target === el }));
    el.answers = c;
    let thrown = null;
    try {
      el.answers = { detentions: [{ section: 'banana', detained_in: 'england', lived_before: { country: 'england' } }] };
    } catch (err) {
      thrown = { name: err.name, message: err.message };
    }
    return { events, decision: el.decision, answers: el.answers, thrown };
  }, sampleCase());
  assert.deepEqual(out.events, [{ entitlement: 'entitled', target: true }]);
  assert.equal(out.decision.council.name, 'Birmingham City Council');
  assert.deepEqual(out.answers, { as_at: AS_AT, ...sampleCase() });
  assert.equal(out.thrown.name, 'S117AnswersError');
  assert.match(out.thrown.message, /banana/);
  await heading(page, 'Check your answers');
  // Guard against a second definition: importing the module again is harmless.
  await page.evaluate(async () => { await import(`${location.origin}/s117-checker.js?again`); });
});

checkerTest('adviser view: every question on one screen, several stays, instant results', 'adviser.html', { width: 1280 }, async (page) => {
  const field = (name) => page.getByLabel(name, { exact: true });
  const settle = () => page.waitForTimeout(400);
  await page.locator('fieldset').filter({ hasText: 'Stay 1' }).first().waitFor();
  await field('Section').selectOption('3');
  await field('Lived before in').selectOption('scotland');
  await field('Admitted').fill('2024-02-01');
  await field('Admitted').blur();
  await field('How it ended').selectOption('discharged');
  await settle();
  await field('Left hospital').fill('2024-05-01');
  await field('Left hospital').blur();
  await field('Live now in').selectOption('england');
  await settle();
  await page.getByRole('combobox', { name: 'Council area now' }).fill('Cumberland Council');
  await page.getByRole('combobox', { name: 'Council area now' }).blur();
  await page.waitForFunction(() => document.querySelector('s117-checker').decision && document.querySelector('s117-checker').decision.council);
  let d = await page.evaluate(() => document.querySelector('s117-checker').decision);
  assert.equal(d.entitlement, 'entitled');
  assert.equal(d.council.name, 'Cumberland Council');
  assert.equal(await page.evaluate(() => document.querySelector('s117-checker').answers.detentions[0].left_hospital), '2024-05-01');
  // A date the core cannot read is shown next to its field.
  await field('Section ended').fill('May 2024');
  await field('Section ended').blur();
  await page.locator('.s117-form-group--error').filter({ hasText: 'Section ended' }).waitFor();
  await field('Section ended').fill('');
  await field('Section ended').blur();
  // A second stay: the form grows from the same questions; facts that cannot all be true are shown, then fixed.
  await field('Another stay in hospital').selectOption('yes');
  const stay2 = page.locator('fieldset').filter({ hasText: 'Stay 2' }).first();
  await stay2.waitFor();
  await stay2.getByLabel('Section', { exact: true }).selectOption('37');
  await stay2.getByLabel('Admitted', { exact: true }).fill('2023-01-01');
  await stay2.getByLabel('Admitted', { exact: true }).blur();
  await page.locator('fieldset').filter({ hasText: 'Stay 2' }).first().getByText(/before the stay listed above it began/).waitFor();
  await page.locator('.s117-adviser__result .s117-error-summary:not([hidden])').waitFor();
  await stay2.getByLabel('Admitted', { exact: true }).fill('2025-01-01');
  await stay2.getByLabel('Admitted', { exact: true }).blur();
  await page.waitForFunction(() => !document.querySelector('.s117-adviser__result .s117-error-summary:not([hidden])'));
  await axe(page, 'adviser view');
  await shot(page, 'adviser-1280');
  d = await page.evaluate(() => document.querySelector('s117-checker').decision);
  assert.equal(d.qualifying_detention, 1);
});

checkerTest('adviser view: "Screen many enquiries" loads only when opened, screens a file and downloads the triage', 'adviser.html', { width: 1280, ownRequests: true }, async (page, log) => {
  const screenRequests = () => log.requests.filter((u) => /\/(screen|pkg-screen)\//.test(new URL(u).pathname));
  const toggle = page.getByRole('button', { name: 'Open the screen' });
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await page.waitForTimeout(300);
  assert.deepEqual(screenRequests(), [], 'nothing of the screen is fetched before it is opened');
  await toggle.click();
  const close1 = page.getByRole('button', { name: 'Close the screen' });
  assert.equal(await close1.getAttribute('aria-expanded'), 'true');
  await page.locator('.s117-screen').waitFor();
  assert.ok(screenRequests().some((u) => new URL(u).pathname === '/screen/screen.js'), screenRequests().join());
  // One heading for it, the adviser view's, which labels the screen.
  await page.getByRole('region', { name: 'Screen many enquiries' }).first().waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Screen many enquiries' }).count(), 1);
  assert.equal(await page.locator('.js-s117-screen-as-at').inputValue(), AS_AT, 'the checker’s date of the check');
  await screenFile(page, path.join(ROOT, 'examples', 'enquiries.csv'));
  const counts = await screenCounts(page);
  assert.equal(counts['Rows read'], 22, 'the rows of examples/enquiries.csv');
  assert.ok(counts.Screened > 0 && counts['Could not be screened'] > 0, JSON.stringify(counts));
  assert.equal(counts.Screened + counts['Could not be screened'], counts['Rows read']);
  const outcomes = ['Entitled', 'Entitled on leaving hospital', 'Undetermined', 'Ended lawfully', 'Not entitled', 'Out of scope'];
  assert.equal(outcomes.reduce((n, k) => n + counts[k], 0), counts.Screened, 'every screened row has one outcome');
  const rows = await page.locator('.js-s117-screen-body tr').count();
  assert.equal(rows, Math.min(counts.Screened, 50));
  assert.equal(await page.locator('.js-s117-screen-body tr th').first().textContent(), 'ENQ-1001');
  const triage = await download(page, '.js-s117-screen-download');
  assert.equal(triage.name, 'triage.csv');
  const csv = triage.text.trimEnd().split('\r\n');
  assert.match(csv[0], /^\ufeffrow,reference,as_at,entitlement,/);
  assert.equal(csv.length - 1, counts.Screened, 'one line per screened row');
  assert.ok(csv.some((l) => l.split(',')[1] === 'ENQ-1001'));
  await axe(page, 'adviser view with the screen open');
  await shot(page, 'adviser-screen-1280');
  // Redrawing the adviser form keeps the screen and its results.
  await page.getByLabel('Another stay in hospital', { exact: true }).selectOption('yes');
  await page.locator('fieldset').filter({ hasText: 'Stay 2' }).first().waitFor();
  assert.equal(await page.locator('.js-s117-screen-body tr').count(), rows);
  await close1.click();
  assert.equal(await page.locator('.s117-screen').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Open the screen' }).getAttribute('aria-expanded'), 'false');
  // Only the adviser view has it.
  const step = await browser.newContext();
  const stepPage = await step.newPage();
  await stepPage.goto(new URL('index.html', BASE).href);
  await ready(stepPage);
  assert.equal(await stepPage.getByRole('button', { name: 'Open the screen' }).count(), 0);
  await step.close();
});

test('quick exit: the button and Shift pressed 3 times leave for a neutral site, clearing the answers', async () => {
  const { page, log, close } = await open('index.html');
  await ready(page);
  await answer(page, 'Wales');
  await page.getByRole('heading', { name: /^Which section/ }).waitFor();
  await page.getByRole('link', { name: 'Emergency: Exit this page' }).click();
  await page.waitForURL('https://www.bbc.co.uk/weather');
  // The checker's page was replaced in the history; coming back to it in the same tab shows no answers.
  assert.equal(await page.evaluate(() => history.length), 2);
  await page.goto(new URL('index.html', BASE).href);
  await ready(page);
  await heading(page, 'Which country was the hospital in?');
  assert.equal(await page.getByRole('radio', { name: 'Wales', exact: true }).isChecked(), false, 'answers cleared');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let n = 0; n < 3; n++) await page.keyboard.press('Shift');
  await page.waitForURL('https://www.bbc.co.uk/weather');
  assert.deepEqual(log.errors, []);
  await close();
});

// ----- loading: the first question before the rules ----------------------------------------------------------------

/**
 * Holds the WebAssembly's response until `release()`: `requested` resolves when the browser asks for it.
 * @param {import('playwright-core').Page} page
 */
async function holdWasm(page) {
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
async function coreState(page, ms = 150) {
  return page.evaluate((wait) => {
    const el = document.querySelector('s117-checker');
    return Promise.race([el.coreReady.then(() => 'loaded', (e) => `failed: ${e.name}`), new Promise((r) => setTimeout(() => r('pending'), wait))]);
  }, ms);
}

const events = (page, type) => page.evaluate((t) => window.__s117Events.filter((e) => e.type === t), type);

test('loading: the first question shows before the rules; they load in the background at once; Continue waits for them, announced', async () => {
  let wasm;
  const { page, log, close } = await open('index.html', { before: async (p) => { wasm = await holdWasm(p); } });
  await ready(page, { core: false });
  await heading(page, 'Which country was the hospital in?');
  assert.deepEqual((await events(page, 's117-ready')).length, 1);
  // The rules were asked for straight away, with no click, and are still on their way.
  await wasm.requested;
  assert.equal(await coreState(page), 'pending');
  assert.equal(await page.evaluate(() => document.querySelector('s117-checker').decision), null);
  // The question works: choose, continue. The page says it is waiting, in a live region, and stays put.
  await answer(page, 'England');
  const waiting = page.locator('s117-checker [role="status"]').filter({ hasText: 'Loading the checker’s rules' });
  await waiting.waitFor();
  assert.equal(await waiting.isVisible(), true);
  await heading(page, 'Which country was the hospital in?');
  await axe(page, 'waiting for the rules');
  await shot(page, 'loading-rules-1024');
  wasm.release();
  await page.getByRole('heading', { name: /^Which section/ }).waitFor();
  assert.equal(await waiting.count(), 0, 'the loading message is gone');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await page.getByRole('radio', { name: 'England', exact: true }).isChecked(), true, 'the answer was kept');
  assert.equal(await coreState(page, 2000), 'loaded');
  assert.equal((await events(page, 's117-core-ready')).length, 1);
  assert.equal(wasm.count, 1, 'the WebAssembly was fetched once');
  await page.getByText(/It reflects the law on \d+ \w+ \d{4} \(rules version /).waitFor();
  assertClean(log);
  assertOwnRequests(log);
  await close();
});

test('loading: the adviser view shows at once and says the rules are loading; its form is drawn from the interview once they have', async () => {
  let wasm;
  const { page, log, close } = await open('adviser.html', { width: 1280, before: async (p) => { wasm = await holdWasm(p); } });
  await ready(page, { core: false });
  await page.getByRole('heading', { name: 'Case details' }).waitFor();
  await page.locator('.s117-adviser__result').getByText('Loading the checker’s rules').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('s117-checker [role="status"]')].some((el) => /Loading the checker/.test(el.textContent)));
  await axe(page, 'adviser view waiting for the rules');
  wasm.release();
  await page.locator('fieldset').filter({ hasText: 'Stay 1' }).first().waitFor();
  const box = page.getByRole('combobox', { name: 'Council area before' });
  await box.pressSequentially('Birm', { delay: 5 });
  await page.getByRole('option', { name: /^Birmingham City Council/ }).waitFor();
  await page.locator('.s117-adviser__result .s117-result').waitFor();
  assert.equal(await page.locator('.s117-adviser__result').getByText('Loading the checker’s rules').count(), 0);
  assertClean(log);
  await close();
});

checkerTest('loading: reloaded on the result, or given answers, before the rules: both wait for them', 'index.html', async (page) => {
  await setAnswers(page, sampleCase());
  await toResult(page);
  // Reload with the rules held back: the result page says it is loading, then shows the result.
  const wasm = await holdWasm(page);
  await page.reload();
  await ready(page, { core: false });
  await heading(page, 'Your result');
  await page.getByText('Loading the checker’s rules').waitFor();
  assert.equal(await page.locator('.s117-panel__summary').count(), 0);
  wasm.release();
  await page.locator('.s117-panel__summary').waitFor();
  assert.deepEqual(await page.locator('.s117-body-card__name').allTextContents(), ['Birmingham City Council', 'NHS Birmingham and Solihull Integrated Care Board']);
  // Answers set before the rules have loaded: kept, then checked. A value that is not a Case is an s117-error.
  await page.evaluate(() => document.querySelector('s117-checker').clear());
  const again = await holdWasm(page);
  await page.reload();
  await ready(page, { core: false });
  const thrown = await page.evaluate(() => {
    try {
      document.querySelector('s117-checker').answers = { detentions: [{ section: 'banana', detained_in: 'england', lived_before: { country: 'england' } }] };
      return null;
    } catch (err) {
      return err.name;
    }
  });
  assert.equal(thrown, null, 'nothing to throw yet');
  again.release();
  await page.waitForFunction(() => window.__s117Events.some((e) => e.type === 's117-error'));
  const errors = await events(page, 's117-error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].kind, 'answers');
  assert.match(errors[0].message, /banana/);
  await heading(page, 'Which country was the hospital in?');
});

test('loading: if the rules cannot load, the question still works, continuing says so, and "Try again" recovers', async () => {
  let fail = true;
  let asked = 0;
  const { page, log, close } = await open('index.html', {
    before: (p) => p.route('**/pkg/s117_bg.wasm', (route) => {
      asked += 1;
      return fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue();
    }),
  });
  await ready(page, { core: false });
  await heading(page, 'Which country was the hospital in?');
  // The background attempt failed: an s117-error for hosts; nothing is in the person's way yet.
  await page.waitForFunction(() => window.__s117Events.some((e) => e.type === 's117-error'));
  assert.equal((await events(page, 's117-error'))[0].kind, 'load');
  assert.match(await coreState(page), /^failed: S117LoadError$/);
  assert.equal(await page.getByText('could not be loaded').count(), 0);
  // Continuing tries again, then says clearly that the rules could not load, with a way to try again.
  await answer(page, 'England');
  const alert = page.locator('s117-checker [role="alert"]').filter({ hasText: 'Sorry, the checker’s rules could not be loaded.' });
  await alert.waitFor();
  assert.ok(asked >= 2, `asked ${asked} times`);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('s117-load-error')), true, 'focus moves to the error');
  await axe(page, 'the rules could not load');
  await shot(page, 'load-error-1024');
  await heading(page, 'Which country was the hospital in?');
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: /^Which section/ }).waitFor();
  assert.equal(await alert.count(), 0);
  assert.equal(await coreState(page, 2000), 'loaded');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await page.getByRole('radio', { name: 'England', exact: true }).isChecked(), true, 'the answer was kept');
  assertClean(log, { allowConsole: [/404/, /Failed to load resource/, /WebAssembly/i] });
  await close();
});

test('parts: the questions need s117-checker.js alone; the answer part follows the rules; the letter part comes with the result, and a slow one holds nothing up', async () => {
  let release;
  const gate = new Promise((r) => { release = r; });
  let letterAsked = 0;
  const { page, log, close } = await open('index.html', {
    before: (p) => p.route('**/s117-letter.js*', async (route) => {
      letterAsked += 1;
      await gate;
      await route.continue().catch(() => {});
    }),
  });
  const fetched = (name) => log.requests.filter((u) => new URL(u).pathname.endsWith(`/${name}`)).length;
  await ready(page);
  await heading(page, 'Which country was the hospital in?');
  // Once the rules have loaded, the answer part is fetched in the background; the letter and adviser parts are not.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.endsWith('/s117-answer.js')));
  assert.equal(fetched('s117-answer.js'), 1);
  assert.equal(letterAsked, 0, 'no letter part before the result');
  assert.equal(fetched('s117-adviser.js'), 0, 'no adviser part outside the adviser view');
  await setAnswers(page, sampleCase());
  await heading(page, 'Check your answers');
  assert.equal(letterAsked, 0, 'no letter part on "Check your answers"');
  // The result shows while the letter part is held back, saying (in a live region) that the letter is loading.
  await toResult(page);
  await page.locator('.s117-panel__summary').waitFor();
  assert.deepEqual(await page.locator('.s117-body-card__name').allTextContents(), ['Birmingham City Council', 'NHS Birmingham and Solihull Integrated Care Board']);
  const waiting = page.locator('s117-checker [role="status"]').filter({ hasText: 'Loading the letter…' });
  await waiting.waitFor();
  assert.equal(letterAsked, 1);
  assert.equal(await page.getByRole('button', { name: 'Change your answers' }).isVisible(), true);
  await axe(page, 'the result, with its letter loading');
  release();
  await page.getByRole('heading', { name: 'Ask them to confirm in writing' }).waitFor();
  assert.equal(await waiting.count(), 0, 'the loading message is gone');
  assert.match(await letter(page, { name: 'Alex Example', address: '1 High Street' }), /Alex Example/);
  assert.equal(fetched('s117-adviser.js'), 0);
  assert.equal(letterAsked, 1, 'the letter part was fetched once');
  assertClean(log);
  assertOwnRequests(log);
  await close();
});

test('parts: if the letter part cannot load, the result still shows, says so, and "Try again" brings the letter', async () => {
  let fail = true;
  const { page, log, close } = await open('index.html', {
    before: (p) => p.route('**/s117-letter.js*', (route) => (fail ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' }) : route.continue())),
  });
  await ready(page);
  await setAnswers(page, sampleCase());
  await next(page, 'Get my result');
  await page.locator('.s117-panel__summary').waitFor();
  await page.getByRole('alert').filter({ hasText: 'Sorry, the letter could not be loaded.' }).waitFor();
  const errors = await events(page, 's117-error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].kind, 'load');
  await axe(page, 'the result, its letter part failed');
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Ask them to confirm in writing' }).waitFor();
  assert.equal(await page.getByText('Sorry, the letter could not be loaded.').count(), 0);
  assertClean(log, { allowConsole: [/503/] });
  await close();
});

test('fallback: if the widget’s script cannot load, the fallback content stays', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/s117-checker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(new URL('index.html', BASE).href);
  await page.getByText('The checker is loading. If nothing happens').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('s117-checker .s117').count(), 0);
  await context.close();
});

// ----- printing ------------------------------------------------------------------------------------------------------

/** What is visible in print: the letter, and whether each of `selectors` shows. */
async function printed(page, selectors) {
  await page.emulateMedia({ media: 'print' });
  const out = await page.evaluate((sels) => {
    const visible = (el) => Boolean(el) && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const shown = {};
    for (const sel of sels) shown[sel] = [...document.querySelectorAll(sel)].some(visible);
    return shown;
  }, selectors);
  return out;
}

test('print: with a letter on screen, only the letter prints, on A4 with margins; without one, the answer prints', async () => {
  for (const file of ['index.html', 'adviser.html']) {
    const { page, log, close } = await open(file, { width: 1280 });
    await ready(page);
    await setAnswers(page, sampleCase());
    if (file === 'index.html') {
      await toResult(page);
    } else {
      await page.locator('.s117-adviser__result .s117-result').waitFor();
    }
    // No letter yet: printing the page prints the answer as it is.
    let shown = await printed(page, ['.s117-result', 's117-checker .s117-reason']);
    assert.deepEqual(shown, { '.s117-result': true, 's117-checker .s117-reason': true }, `${file}: the answer prints`);
    await page.emulateMedia({ media: 'screen' });
    await letter(page, { name: 'Sam Example', address: '1 High Street\nBirmingham' });
    const elsewhere = ['h1', '.demo-warning', 's117-checker .s117-result', 's117-checker .s117-panel', 's117-checker .s117-reason', 's117-checker .s117-letter-form', 's117-checker .s117-letter-actions', 's117-checker .s117-tools', 's117-checker .s117-about', 's117-checker .s117-button', 's117-checker input', 's117-checker select', 's117-checker .s117-letter-notes', 's117-checker .s117-exit-this-page'];
    shown = await printed(page, ['.s117-letter', '.s117-letter__subject', '.s117-letter__addressee', '.s117-letter__signature', '.s117-letter__footer', ...elsewhere]);
    for (const sel of ['.s117-letter', '.s117-letter__subject', '.s117-letter__addressee', '.s117-letter__signature', '.s117-letter__footer']) assert.equal(shown[sel], true, `${file}: ${sel} prints`);
    for (const sel of elsewhere) assert.equal(shown[sel], false, `${file}: ${sel} does not print`);
    // The letter starts at the top left of the page: nothing before it takes space.
    const box = await page.locator('.s117-letter').boundingBox();
    assert.ok(box.y < 20 && box.x < 20, `${file}: the letter is at the top of the printed page (${box.x}, ${box.y})`);
    // A4, with margins, from the widget's stylesheet; and a PDF of it really is A4.
    const rule = await page.evaluate(() => {
      for (const sheet of document.styleSheets) {
        let rules;
        try { rules = [...sheet.cssRules]; } catch { continue; }
        for (const r of rules) if (r instanceof CSSPageRule && r.selectorText === 's117-letter') return { size: r.style.getPropertyValue('size'), top: r.style.getPropertyValue('margin-top'), left: r.style.getPropertyValue('margin-left') };
      }
      return null;
    });
    assert.deepEqual(rule && rule.size.toLowerCase(), 'a4');
    assert.ok(parseFloat(rule.top) >= 15 && parseFloat(rule.left) >= 15, `margins ${JSON.stringify(rule)}`);
    assert.equal(await page.locator('.s117-letter').evaluate((el) => getComputedStyle(el).page), 's117-letter');
    if (file === 'index.html') {
      await shot(page, 'letter-print');
      const pdf = await page.pdf({ path: path.join(SHOTS, 'letter.pdf'), preferCSSPageSize: true });
      const boxes = [...pdf.toString('latin1').matchAll(/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      assert.ok(boxes.length >= 1, 'pages');
      for (const [w, hgt] of boxes) assert.ok(Math.abs(w - 595.3) < 1.5 && Math.abs(hgt - 841.9) < 1.5, `A4 pages, not ${w}x${hgt}`);
    }
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('s117-checker .s117-result').first().isVisible(), true, 'back on screen, the answer shows again');
    assertClean(log);
    await close();
  }
});

checkerTest('letter: "A separate letter to each" gives two letters, to the council and to the NHS body, each printed from a new page; .txt and .docx hold both', 'index.html', { width: 1024 }, async (page) => {
  await setAnswers(page, sampleCase());
  await toResult(page);
  const council = 'Birmingham City Council';
  const nhs = 'NHS Birmingham and Solihull Integrated Care Board';
  const section = page.locator('.s117-letter-section');
  await section.getByRole('radio', { name: 'A separate letter to each' }).check();
  await letter(page, { name: 'Sam Example', address: '1 High Street\nBirmingham' });
  await heading(page, 'Your letters');
  // Two letters on screen, each under its own heading, each addressed to its own side only.
  const letters = page.locator('.s117-letter');
  assert.equal(await letters.count(), 2);
  assert.deepEqual(await page.locator('.s117-letter-of').allTextContents(), ['Letter 1 of 2: to the council', 'Letter 2 of 2: to the NHS body']);
  assert.equal(await page.getByRole('article', { name: 'Letter 1 of 2: to the council' }).count(), 1);
  assert.equal(await page.getByRole('article', { name: 'Letter 2 of 2: to the NHS body' }).count(), 1);
  const to = (n) => letters.nth(n).locator('.s117-letter__addressee').evaluateAll((els) => els.map((el) => el.innerText.split('\n').map((l) => l.trim()).filter(Boolean)));
  const [first, second] = [await to(0), await to(1)];
  assert.equal(first.length, 1, JSON.stringify(first));
  assert.deepEqual(first[0].slice(0, 2), ['Adult Social Care', council]);
  assert.equal(second.length, 1, JSON.stringify(second));
  assert.deepEqual(second[0].slice(0, 2), ['Section 117 after-care', nhs]);
  // Each is whole on its own, and says the other has been sent.
  const texts = [squash(await letters.nth(0).innerText()), squash(await letters.nth(1).innerText())];
  for (const t of texts) {
    assert.match(t, /^Sam Example 1 High Street Birmingham/);
    assert.match(t, /Dear Sir or Madam,/);
    assert.match(t, /Yours faithfully,/);
  }
  assert.ok(texts[0].includes(`a matching letter to ${nhs}.`), texts[0]);
  assert.ok(texts[1].includes(`a matching letter to ${council}.`), texts[1]);
  // The notes are said once, not once per letter.
  const notes = await page.locator('.s117-letter-notes li').allTextContents();
  assert.equal(new Set(notes).size, notes.length, JSON.stringify(notes));
  assert.ok(notes.some((n) => n.startsWith('There are two letters')), JSON.stringify(notes));
  await axe(page, 'two letters, one to each body');
  await shot(page, 'letters-each');
  // Download .txt: both letters, split by a form feed; .docx: one document, a page break between them.
  const files = await letterFiles(page, { both: true });
  assert.equal(files.txtName, 's117-letter-2026-11-23.txt');
  const pages = files.text.split('\f');
  assert.equal(pages.length, 2, 'one form feed between the two letters');
  assert.match(pages[0], new RegExp(`Adult Social Care\\n${council}\\n`));
  assert.match(pages[1], new RegExp(`Section 117 after-care\\n${nhs}\\n`));
  for (const p of pages) assert.equal(p.match(/Dear Sir or Madam,/g).length, 1);
  const breaks = files.xml.split('<w:br w:type="page"/>');
  assert.equal(breaks.length, 2, 'one page break');
  assert.ok(wordText(breaks[0]).includes(`\n${council}\n`) && wordText(breaks[1]).includes(`\n${nhs}\n`));
  await page.getByRole('button', { name: 'Copy both letters' }).click();
  await page.getByText('Both letters have been copied.', { exact: false }).waitFor();
  // Print: both letters, the second from a new page; the headings above them stay on screen.
  const shown = await printed(page, ['.s117-letter', '.s117-letter-of', '.s117-letter-notes']);
  assert.deepEqual(shown, { '.s117-letter': true, '.s117-letter-of': false, '.s117-letter-notes': false });
  assert.deepEqual(await letters.evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore)), ['auto', 'page']);
  const box = await letters.nth(0).boundingBox();
  assert.ok(box.y < 20, `the first letter is at the top of the printed page (${box.y})`);
  await page.emulateMedia({ media: 'screen' });
  // Back to one joint letter: one letter again.
  await section.getByRole('radio', { name: 'The council and the NHS body' }).check();
  await section.getByRole('button', { name: 'Update the letter' }).click();
  await heading(page, 'Your letter');
  assert.equal(await letters.count(), 1);
  assert.equal(await page.locator('.s117-letter-of').count(), 0);
});

// ----- screenshots ---------------------------------------------------------------------------------------------------

/** Two qualifying stays (the second ends the first period), a charge running across both, and an ending. */
function timelineCase() {
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

const timelineTest = (width) => async (page) => {
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
    const hs = [...document.querySelectorAll('s117-checker .s117-result h2, s117-checker .s117-result h3')].map((el) => el.textContent);
    return hs;
  });
  assert.equal(order[1], 'What to do now', order.join(' | '));
  assert.ok(order.indexOf('What to do now') < order.indexOf('Why we think this'), order.join(' | '));
  const steps = view.locator('.s117-steps > li');
  const n = await steps.count();
  assert.ok(n >= 1 && n <= 3, `${n} steps`);
  assert.equal(n, Math.min(3, decision.next_steps.length));
  for (let i = 0; i < n; i += 1) {
    assert.equal((await steps.nth(i).locator('.s117-step__text').textContent()).trim(), decision.next_steps[i].text);
    if (decision.next_steps[i].by) await steps.nth(i).getByText(/^By \d{1,2} \w+ \d{4}$|^By \w+ \d{4}$|^By \d{4}$/).waitFor();
  }
  // Any further steps wait, folded away, under the three.
  if (decision.next_steps.length > 3) {
    const more = view.locator('.s117-now__more');
    await more.locator('summary').click();
    assert.equal(await more.locator('li').count(), decision.next_steps.length - 3);
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
  // The time limits: one item each, dates in words, the basis sentence.
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
  // The sources of a step are there, folded away.
  const sources = steps.first().locator('details');
  if (await sources.count()) {
    await sources.locator('summary').click();
    await sources.locator('.s117-cites a').first().waitFor();
  }
};

checkerTest('result: two periods, a charge across both and an ending: what to do now, time limits, refund ranges, periods (375px)', 'index.html', { width: 375 }, timelineTest(375));
checkerTest('result: two periods, a charge across both and an ending: what to do now, time limits, refund ranges, periods (1280px)', 'index.html', { width: 1280 }, timelineTest(1280));

test('screenshots: first question, answer and letter at 375px and 1280px', async () => {
  for (const width of [375, 1280]) {
    const { page, log, close } = await open('index.html', { width, height: 900 });
    await ready(page);
    await shot(page, `question-${width}`, { widget: true });
    const c = sampleCase();
    c.detentions[0].lived_before.council = 'Bromsgrove';
    c.charges = [{ what: 'Care home fees', since: '2025-06', chosen_dearer_placement_with_written_agreement: false }];
    await setAnswers(page, c);
    await heading(page, 'Check your answers');
    await shot(page, `check-answers-${width}`, { widget: true });
    await toResult(page);
    await shot(page, `answer-${width}`, { widget: true });
    await letter(page, { name: 'Sam Example', address: '1 High Street\nBromsgrove\nB60 1AA' });
    await page.locator('.s117-letter').scrollIntoViewIfNeeded();
    await shot(page, `letter-${width}`, { widget: true });
    await page.locator('.s117-letter').screenshot({ path: path.join(SHOTS, `letter-only-${width}.png`) });
    assertClean(log);
    await close();
  }
});

/** A complete case: section 3 in Birmingham, discharged in 2025. */
function sampleCase() {
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

// ----- run -----------------------------------------------------------------------------------------------------------

await mkdir(SHOTS, { recursive: true });
for (const old of await readdir(SHOTS)) if (old.startsWith('FAILED-')) await rm(path.join(SHOTS, old));
const started = Date.now();
const totals = await run({
  stackLines: 12,
  // A screenshot of the page the failing test left open.
  onFail: async (name) => {
    if (!lastPage || lastPage.isClosed()) return;
    const file = `FAILED-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
    await shot(lastPage, file).catch(() => {});
    console.log(`     screenshot: test-artifacts/screenshots/${file}.png`);
    await lastPage.context().close().catch(() => {});
  },
});
await browser.close();
stop();
console.log(`browser tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
report(totals);
