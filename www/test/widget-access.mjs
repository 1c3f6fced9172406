// Browser tests of <s117-checker>: accessibility (axe on every page, keyboard only, layout) and embedding (a hostile host, CSP, the iframe). Run by www/test/run.mjs.

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

// ----- accessibility -----------------------------------------------------------------------------------------------

checkerTest('axe: no WCAG 2.2 AA violations on every step of a journey, the answer and the letter', 'index.html', async (page) => {
  const check = (where) => axe(page, where);
  await check('first question');
  // An error summary, too.
  await next(page);
  await page.locator('.s117-error-summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('s117-error-summary')), true, 'the error summary takes focus');
  await page.getByRole('link', { name: 'Select who is filling this in' }).click();
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
  await pick('The person it is about');
  await submit();
  assert.equal(await focusedHeading(), 'Which country was the hospital in?', 'focus moves to the new question');
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
  // Where the GP surgery was, then (not known) its ICB.
  await dontKnow('I do not know');
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
  assert.ok(labels.length >= 2 && labels.every((d) => d === 'block'), `labels: ${labels}`);
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
  await answer(page, 'The person it is about');
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

test('iframe mode: without data-share-decisions the result never leaves the frame', async () => {
  const frameUrl = `${OTHER_ORIGIN}/embed.html`;
  const { page, log, close } = await open(`test/iframe-host.html?share=0&frame=${encodeURIComponent(frameUrl)}`, { width: 800, height: 700 });
  const frame = page.frameLocator('iframe.s117-embed__frame');
  await frame.getByRole('heading', { name: 'Who is filling this in?' }).waitFor();
  await frame.locator('s117-checker').evaluate((el) => el.coreReady);
  const decided = await frame.locator('s117-checker').evaluate(async (el, c) => {
    el.answers = c;
    await new Promise((ok) => setTimeout(ok, 300));
    return el.decision && el.decision.entitlement;
  }, sampleCase());
  assert.equal(decided, 'entitled', 'the frame decided');
  await page.waitForTimeout(300);
  const types = await page.evaluate(() => window.s117Messages);
  assert.ok(types.includes('height'), types.join());
  assert.ok(!types.includes('decision'), `no decision posted: ${types.join()}`);
  assert.equal(await page.evaluate(() => window.s117Decisions.length), 0);
  assertClean(log);
  await close();
});

test('iframe mode: cross-origin frame resizes from origin-checked messages, and forwards decisions', async () => {
  const frameUrl = `${OTHER_ORIGIN}/embed.html`;
  const { page, log, close } = await open(`test/iframe-host.html?frame=${encodeURIComponent(frameUrl)}`, { width: 800, height: 700 });
  const iframe = page.locator('iframe.s117-embed__frame');
  await iframe.waitFor();
  const frame = page.frameLocator('iframe.s117-embed__frame');
  await frame.getByRole('heading', { name: 'Who is filling this in?' }).waitFor();
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
  await frame.getByRole('radio', { name: 'The person it is about', exact: true }).check();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.getByRole('heading', { name: 'Which country was the hospital in?' }).waitFor();
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
