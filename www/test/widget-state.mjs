// Browser tests of <s117-checker>: persistence and files, user text only ever text, the JS API, the adviser view and quick exit. Run by www/test/run.mjs.

import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdir, writeFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT, AS_AT, launchChromium, baseUrl, requireServed, fail, runner, report, download, screenFile, screenCounts } from './support.mjs';
import {
  BASE, test,
  AXE_TAGS, BASE_ORIGIN, OTHER, OTHER_ORIGIN, SHOTS, addressees, answer, assertClean,
  assertNoOverflow, assertOwnRequests, axe, browser, checkerTest, choose, combo, coreState,
  date, events, fillField, flagIds, glue, heading, holdWasm, lastPage,
  letter, letterFiles, missing, next, open, printed, ready, result,
  s3Stay, sampleCase, setAnswers, shot, squash, tick, timelineCase, timelineTest,
  toResult, unzip, walk, wordText,
} from './widget.mjs';

// ----- persistence and files -----------------------------------------------------------------------------------------

checkerTest('reload mid-journey keeps the answers and the place', 'index.html', async (page) => {
  await answer(page, 'The person it is about');
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
  await heading(page, 'Who is filling this in?');
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
  const facts = {
    ...s3Stay(0, { council: img, admitted: '2025-01', left: '2025-03', hospital: script }),
    'detentions[1]': 'no',
    'lives_now.country': 'england',
    'specialised_aftercare': 'no',
    'aftercare_ended': 'no',
    'charges[0]': 'no',
    'detentions[0].gp_icb': 'NHS West Yorkshire ICB',
  };
  await walk(page, facts);
  // A council the register does not know is refused, and what was typed is named in the error as text.
  await page.locator('s117-checker .js-s117-error-summary:not([hidden])').filter({ hasText: img }).waitFor();
  await walk(page, { ...facts, 'detentions[0].lived_before.council': 'Leeds' });
  await heading(page, 'Check your answers');
  await page.locator('.s117-summary-list__value').filter({ hasText: script }).first().waitFor();
  await toResult(page);
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
  // The sample's deliberately wrong cells are left blank and their rows still screened.
  assert.ok(counts.Screened > 0 && counts['Screened with cells left blank'] > 0, JSON.stringify(counts));
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
  await answer(page, 'The person it is about');
  await heading(page, 'Which country was the hospital in?');
  await page.getByRole('link', { name: 'Emergency: Exit this page' }).click();
  await page.waitForURL('https://www.bbc.co.uk/weather');
  // The checker's page was replaced in the history (its first question keeps its entry: every page of the checker
  // is one, issue #10); coming back to it in the same tab shows no answers.
  assert.equal(await page.evaluate(() => history.length), 3);
  await page.goto(new URL('index.html', BASE).href);
  await ready(page);
  await heading(page, 'Who is filling this in?');
  assert.equal(await page.getByRole('radio', { name: 'The person it is about', exact: true }).isChecked(), false, 'answers cleared');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let n = 0; n < 3; n++) await page.keyboard.press('Shift');
  await page.waitForURL('https://www.bbc.co.uk/weather');
  assert.deepEqual(log.errors, []);
  await close();
});
