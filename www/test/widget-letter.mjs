// Browser tests of <s117-checker>'s letter page (issue 10, "a letter people would send"): the tone and annex controls
// (the core's recommended tone chosen, saved like the other letter fields), one printed A4 page by default with the
// annex on a page of its own, the addressees named with no fill-in lines, and "How to send it". Run by www/test/run.mjs.

import assert from 'node:assert/strict';
import { addressees, axe, checkerTest, heading, letter, ready, setAnswers, shot, toResult } from './widget.mjs';

/** Section 3 in Leeds; told on 1 October 2026 that after-care ended because of a discharge from services. */
function endingCase() {
  return {
    detentions: [{
      section: '3', detained_in: 'england', admitted: '2023-05-02', left_hospital: '2023-09-18', leaving: 'discharged',
      lived_before: { country: 'england', council: 'Leeds City Council' }, gp_icb: 'NHS West Yorkshire Integrated Care Board',
    }],
    aftercare_ended: { date: '2026-10-01', reason: 'discharged_from_mental_health_services' },
  };
}

/** The pages a print of the page would have (Chromium's PDF of the print media). */
async function printedPages(page) {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

checkerTest('letter: the tone (recommended for an ending), the annex on its own page, named addressees and how to send it', 'index.html', async (page) => {
  await setAnswers(page, endingCase());
  await heading(page, 'Check your answers');
  await toResult(page);
  const section = page.locator('.s117-letter-section');
  await page.getByText('How should the letter read?').waitFor();
  // The core recommends a letter before claim for this ending, so it is chosen and marked.
  const lbc = section.getByRole('radio', { name: 'A letter before claim (recommended)' });
  assert.equal(await lbc.isChecked(), true, 'the recommended tone is chosen');
  assert.equal(await section.getByRole('radio', { name: 'A first request' }).isChecked(), false);
  const annex = section.getByRole('checkbox', { name: 'Add the legal grounds on a separate page' });
  assert.equal(await annex.isChecked(), false, 'no annex by default');
  await axe(page, 'the letter form with the tone and annex controls');

  // A first request: one printed page, the bodies named, no lines to fill in, and How to send it.
  await section.getByRole('radio', { name: 'A first request' }).check();
  const text = await letter(page, { name: 'Morgan Example', address: '40 Otley Road\nLeeds' });
  assert.doesNotMatch(text, /____|\[name of/);
  assert.doesNotMatch(text, /judicial review/i, 'a first request does not threaten court');
  const to = await addressees(page);
  assert.deepEqual(to.map((lines) => lines[1]), ['Leeds City Council', 'NHS West Yorkshire Integrated Care Board'], JSON.stringify(to));
  const how = page.locator('.s117-letter-send');
  assert.match(await how.innerText(), /How to send it/);
  assert.match(await how.innerText(), /recorded delivery/);
  assert.equal(await how.getByRole('link', { name: /Find your local council on GOV\.UK/ }).getAttribute('href'), 'https://www.gov.uk/find-local-council');
  assert.equal(await page.locator('.s117-letter__annex').count(), 0);
  const words = (await page.locator('.s117-letter').innerText()).split(/\s+/).filter(Boolean).length;
  console.log(`     the first request on screen: ${words} words`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.s117-letter-send').isVisible(), false, 'How to send it is not printed');
  const onePage = await printedPages(page);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(onePage, 1, `the letter prints on one A4 page (${onePage})`);
  await shot(page, 'letter-first-request-1280', { widget: true });

  // With the annex: the grounds follow on a page of their own.
  await annex.check();
  await section.getByRole('button', { name: 'Update the letter' }).click();
  await page.locator('.s117-letter__annex').waitFor();
  assert.match(await page.locator('.s117-letter__annex').innerText(), /^Annex: the legal grounds/);
  assert.match(await page.locator('.s117-letter__annex').innerText(), /The points in detail/);
  await page.emulateMedia({ media: 'print' });
  const withAnnex = await printedPages(page);
  const breaks = await page.locator('.s117-letter__annex').evaluate((el) => getComputedStyle(el).breakBefore);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(breaks, 'page', 'the annex starts a new page');
  assert.ok(withAnnex >= 2, `the annex adds a page (${withAnnex})`);

  // The letter before claim: the protocol's headings and a 14-day reply.
  await lbc.check();
  await section.getByRole('button', { name: 'Update the letter' }).click();
  await page.waitForFunction(() => /Letter before claim/.test(document.querySelector('.s117-letter__subject').textContent));
  const claim = await page.locator('.s117-letter').innerText();
  for (const h of ['1. The proposed claimant', '4. The matter being challenged', '7. Alternative dispute resolution', '10. Proposed reply date']) assert.ok(claim.includes(h), h);
  assert.match(claim, /Please reply by 7 December 2026, which is 14 days from the date of this letter\./);
  assert.match(await how.innerText(), /usually sent by a solicitor/);
  assert.equal(await how.getByRole('link', { name: /legal aid/ }).getAttribute('href'), 'https://www.gov.uk/check-legal-aid');
  await axe(page, 'the letter before claim');

  // Saved like the other letter fields: a reload keeps the tone and the annex.
  await page.reload();
  await ready(page);
  await page.getByText('How should the letter read?').waitFor();
  assert.equal(await page.getByRole('radio', { name: 'A letter before claim (recommended)' }).isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: 'Add the legal grounds on a separate page' }).isChecked(), true);
});

checkerTest('letter: without an ending, a first request is chosen and nothing is marked as recommended', 'index.html', async (page) => {
  const c = endingCase();
  delete c.aftercare_ended;
  await setAnswers(page, c);
  await heading(page, 'Check your answers');
  await toResult(page);
  const section = page.locator('.s117-letter-section');
  await page.getByText('How should the letter read?').waitFor();
  assert.equal(await section.getByRole('radio', { name: 'A first request' }).isChecked(), true);
  assert.equal(await section.getByText('(recommended)').count(), 0);
  await section.getByRole('radio', { name: 'A formal complaint' }).check();
  const text = await letter(page, { name: 'Morgan Example' });
  assert.match(text, /This is a formal complaint, made under your complaints procedure/);
  assert.match(text, /SI 2009\/309/);
  // The longest first request: written for someone else, with every detail and every option: still one page.
  await section.getByRole('radio', { name: 'A first request' }).check();
  await section.getByLabel('NHS number (optional)', { exact: true }).fill('485 777 3456');
  await section.getByRole('checkbox', { name: 'I am writing for someone else' }).check();
  await section.getByLabel('Your full name', { exact: true }).fill('Helen Example');
  await section.getByLabel('Your relationship to them', { exact: true }).fill('daughter');
  await section.getByLabel('Your address', { exact: true }).fill('15 Park Street\nBath\nBA1 2AA');
  await section.getByRole('radio', { name: /lasting power of attorney/i }).check();
  for (const box of await section.getByRole('group', { name: 'What else should the letter ask for?' }).getByRole('checkbox').all()) await box.check();
  await letter(page, { name: 'Morgan Example', address: 'Elm House Care Home\n2 Elm Road\nLeeds\nLS6 6AA' });
  const words = (await page.locator('.s117-letter').innerText()).split(/\s+/).filter(Boolean).length;
  await page.emulateMedia({ media: 'print' });
  const pages = await printedPages(page);
  await page.emulateMedia({ media: 'screen' });
  console.log(`     the longest first request: ${words} words, ${pages} printed page(s)`);
  assert.equal(pages, 1, `the longest first request prints on one page (${pages})`);
});

test375();

/** The letter page on a 375 px phone: the controls and the letter, for looking at. */
function test375() {
  checkerTest('letter: the letter page on a 375 px phone', 'index.html', { width: 375, height: 812 }, async (page) => {
    await setAnswers(page, endingCase());
    await heading(page, 'Check your answers');
    await toResult(page);
    await page.getByText('How should the letter read?').waitFor();
    await letter(page, { name: 'Morgan Example', address: '40 Otley Road\nLeeds' });
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(scroll <= client, `no sideways scrolling (${scroll} > ${client})`);
    await shot(page, 'letter-page-375', { widget: true });
  });
}
