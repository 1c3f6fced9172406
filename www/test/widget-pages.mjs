// Browser tests of <s117-checker>: printing, the letter to each body, the result of a long history, and the screenshots. Run by www/test/run.mjs.

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

// ----- printing ------------------------------------------------------------------------------------------------------


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

checkerTest('result: help from a person comes right after what to do now, with the host’s own helpline first', 'index.html', async (page) => {
  await page.evaluate(() => {
    const el = document.querySelector('s117-checker');
    el.setAttribute('help-name', 'Mind in Example');
    el.setAttribute('help-phone', '0300 123 0000');
    el.setAttribute('help-hours', 'Monday to Friday, 9am to 5pm');
    el.setAttribute('help-url', 'https://example.org/help');
  });
  await setAnswers(page, sampleCase());
  await heading(page, 'Check your answers');
  await toResult(page);
  const help = page.locator('.s117-help');
  await help.getByRole('heading', { name: 'Help from a person' }).waitFor();
  const host = help.locator('.s117-help__host');
  assert.equal(squash(await host.innerText()), 'Mind in Example 0300 123 0000 (Monday to Friday, 9am to 5pm) Their website');
  assert.equal(await host.getByRole('link', { name: 'Their website' }).getAttribute('href'), 'https://example.org/help');
  await help.getByText(/Samaritans free on 116 123/).waitFor();
  await help.getByText(/NHS 111 Wales and press 2/).waitFor();
  assert.equal(await help.getByRole('link', { name: 'Check if you can get legal aid' }).getAttribute('href'), 'https://www.gov.uk/check-legal-aid');
  // Right after "What to do now", before the time limits and the reasons.
  const order = await page.evaluate(() => [...document.querySelectorAll('s117-checker .s117-result > section, s117-checker .s117-result > h3')].map((e) => e.className || e.textContent));
  const now = order.findIndex((c) => /s117-now/.test(c));
  assert.ok(now >= 0 && /s117-help/.test(order[now + 1]), order.join(' | '));
  // A link the host gives that is not a web page is not shown.
  await page.evaluate(() => document.querySelector('s117-checker').setAttribute('help-url', 'javascript:alert(1)'));
  await page.getByRole('button', { name: 'Change your answers' }).click();
  await toResult(page);
  assert.equal(await page.locator('.s117-help__host a').count(), 0);
  await axe(page, 'the result with help from a person');
});
