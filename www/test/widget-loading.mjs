// Browser tests of <s117-checker>: loading: the first question before the rules, and the parts. Run by www/test/run.mjs.

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

// ----- loading: the first question before the rules ----------------------------------------------------------------




test('loading: the first question shows before the rules; they load in the background at once; Continue waits for them, announced', async () => {
  let wasm;
  const { page, log, close } = await open('index.html', { before: async (p) => { wasm = await holdWasm(p); } });
  await ready(page, { core: false });
  await heading(page, 'Who is filling this in?');
  assert.deepEqual((await events(page, 's117-ready')).length, 1);
  // The rules were asked for straight away, with no click, and are still on their way.
  await wasm.requested;
  assert.equal(await coreState(page), 'pending');
  assert.equal(await page.evaluate(() => document.querySelector('s117-checker').decision), null);
  // The question works: choose, continue. The page says it is waiting, in a live region, and stays put.
  await answer(page, 'The person it is about');
  const waiting = page.locator('s117-checker [role="status"]').filter({ hasText: 'Loading the checker’s rules' });
  await waiting.waitFor();
  assert.equal(await waiting.isVisible(), true);
  await heading(page, 'Who is filling this in?');
  await axe(page, 'waiting for the rules');
  await shot(page, 'loading-rules-1024');
  wasm.release();
  await heading(page, 'Which country was the hospital in?');
  assert.equal(await waiting.count(), 0, 'the loading message is gone');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await page.getByRole('radio', { name: 'The person it is about', exact: true }).isChecked(), true, 'the answer was kept');
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
  await heading(page, 'Who is filling this in?');
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
  await heading(page, 'Who is filling this in?');
  // The background attempt failed: an s117-error for hosts; nothing is in the person's way yet.
  await page.waitForFunction(() => window.__s117Events.some((e) => e.type === 's117-error'));
  assert.equal((await events(page, 's117-error'))[0].kind, 'load');
  assert.match(await coreState(page), /^failed: S117LoadError$/);
  assert.equal(await page.getByText('could not be loaded').count(), 0);
  // Continuing tries again, then says clearly that the rules could not load, with a way to try again.
  await answer(page, 'The person it is about');
  const alert = page.locator('s117-checker [role="alert"]').filter({ hasText: 'Sorry, the checker’s rules could not be loaded.' });
  await alert.waitFor();
  assert.ok(asked >= 2, `asked ${asked} times`);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('s117-load-error')), true, 'focus moves to the error');
  await axe(page, 'the rules could not load');
  await shot(page, 'load-error-1024');
  await heading(page, 'Who is filling this in?');
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await heading(page, 'Which country was the hospital in?');
  assert.equal(await alert.count(), 0);
  assert.equal(await coreState(page, 2000), 'loaded');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await page.getByRole('radio', { name: 'The person it is about', exact: true }).isChecked(), true, 'the answer was kept');
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
  await heading(page, 'Who is filling this in?');
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

/** WordPress and many CDNs add a version query (`?ver=…`) to script URLs. The element's module is loaded here only
 * with one: no module of the widget imports it back (they once did, and the element then ran twice and failed). */
test('loading: the module loaded with a version query string works', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route('**/query-host.html', (route) => route.fulfill({
    status: 200,
    contentType: 'text/html',
    body: '<!doctype html><html lang="en"><title>Host</title><link rel="stylesheet" href="s117-checker.css?ver=6.1">'
      + '<script type="module" src="s117-checker.js?ver=6.1"></script><main><s117-checker><p>Loading</p></s117-checker></main>',
  }));
  await page.goto(new URL('query-host.html', BASE).href);
  await page.getByRole('heading', { name: 'Who is filling this in?' }).waitFor();
  await page.waitForFunction(() => document.querySelector('s117-checker').coreReady.then(() => true));
  assert.deepEqual(errors, []);
  await context.close();
});
