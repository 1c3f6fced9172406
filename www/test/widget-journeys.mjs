// Browser tests of <s117-checker>: the journeys, answered page by page from facts by path. Run by www/test/run.mjs.

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

// ----- the eight journeys ----------------------------------------------------------------------------------------


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
  // Each reason, under "Why we think this", is a plain question with its answer in words, and links its citation.
  await page.locator('details.s117-why > summary').click();
  const reason = page.locator('.s117-reason').filter({ hasText: 'Were you detained under a section that gives after-care?' });
  assert.match(await reason.locator('.s117-reason__finding').textContent(), /^Yes$/);
  const link = reason.getByRole('link', { name: 'Mental Health Act 1983, s.117(1)' });
  assert.equal(await link.getAttribute('href'), 'https://www.legislation.gov.uk/ukpga/1983/20/section/117');
  assert.match(await link.getAttribute('rel'), /noopener/);
  await page.getByText(/This is a screening tool, not legal advice\. It reflects the law on \d+ \w+ \d{4}/).first().waitFor();
  await page.getByText('Who should the letter go to?').waitFor();
  const text = await letter(page, { name: 'Sam Example', address: '1 High Street\nBirmingham' });
  // Addressed to both bodies the decision named, with no line to fill in.
  const to = await addressees(page);
  assert.equal(to.length, 2, JSON.stringify(to));
  assert.ok(to[0].includes('Birmingham City Council'), JSON.stringify(to[0]));
  assert.ok(to[1].includes('NHS Birmingham and Solihull Integrated Care Board'), JSON.stringify(to[1]));
  for (const lines of to) assert.ok(!lines.some((l) => /____/.test(l)), 'no fill-in line');
  // The person's details, the stay, the date and the reply-by date.
  assert.match(await page.locator('.s117-letter__sender').innerText(), /^Sam Example\n1 High Street\nBirmingham$/);
  assert.equal(await page.locator('.s117-letter__date').textContent(), '23 November 2026');
  assert.match(await page.locator('.s117-letter__subject').textContent(), /Sam Example/);
  assert.match(text, /5 January 2025/);
  assert.match(text, /10 March 2025/);
  assert.match(text, /section 117/i);
  assert.ok((await page.locator('.s117-letter__heading').count()) >= 1, 'a heading over the requests');
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
  await page.locator('.s117-error-summary').getByRole('link', { name: /^1 June 2022 is before the stay listed above it began \(10 January 2023\)/ }).waitFor();
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
  await page.locator('details.s117-why > summary').click();
  await page.locator('.s117-why').getByText(/did not change when you were detained again/).waitFor();
  await page.locator('.s117-reason').filter({ hasText: 'Did a later stay in hospital end your earlier after-care?' }).waitFor();
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
  // Told at once (issue #10), then the person may go on with the questions.
  await choose(page, 'The person it is about');
  await next(page);
  await choose(page, 'Scotland');
  await next(page);
  await heading(page, 'This checker does not cover a stay in hospital in Scotland');
  await page.getByRole('button', { name: 'I was also detained in England or Wales – add that stay' }).click();
  await walk(page, { 'detentions[0].detained_in': 'scotland', 'detentions[0].lived_before.country': 'scotland', 'detentions[0].admitted': '2022', 'detentions[1]': 'no', 'lives_now.country': 'scotland' });
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'out_of_scope');
  assert.match(r.summary, /Section 117 does not apply/);
  await page.locator('details.s117-why > summary').click();
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
  // The deadline is the first step's "By" date; the warning is under "Why we think this".
  const shown = page.locator('.s117-steps .s117-step__by');
  assert.match(await shown.first().textContent(), /^By \d{1,2} \w+ \d{4}/);
  await page.locator('details.s117-why > summary').click();
  await page.locator('.s117-flags--warning').waitFor();
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

/** Issue #10's recalled restricted patient: a section 37/41 conditionally discharged in 2019, recalled under
 * s.42(3) in 2024 from a home in Swindon that a condition of the discharge required, and discharged again. A
 * residence imposed by a discharge condition is probably not ordinary residence (Wiltshire v Hertfordshire [2014]
 * EWCA Civ 712), so Wiltshire probably stays responsible, with Swindon as the other candidate; the ICB stays with the
 * first detention (SI 2022/635 reg. 7). The result says so as uncertain, offers an advocate, and the letter goes to both. */
checkerTest('journey: a recalled restricted patient whose home was set by a discharge condition', 'index.html', async (page) => {
  const facts = {
    ...s3Stay(0, { section: '37/41', leaving: 'conditional_discharge', council: 'Wiltshire Council', admitted: '2015-03-02', left: '2019-08-14' }),
    'detentions[0].lived_before.in_prison': 'no',
    'detentions[0].lived_before.placed_by': '',
    'detentions[0].lived_before.lacked_capacity': 'no',
    'detentions[0].lived_before.required_by_discharge_condition': 'no',
    'detentions[0].lived_before.informal_in_hospital_after_losing_home': 'no',
    'detentions[1]': 'yes',
    ...s3Stay(1, { section: '37/41', leaving: 'conditional_discharge', council: 'Swindon Borough Council', admitted: '2024-02-05', left: '2025-07-01' }),
    'detentions[1].recall': 'conditional_discharge_recall',
    'detentions[1].lived_before.in_prison': 'no',
    'detentions[1].lived_before.placed_by': '',
    'detentions[1].lived_before.lacked_capacity': 'no',
    'detentions[1].lived_before.required_by_discharge_condition': 'yes',
    'detentions[1].lived_before.informal_in_hospital_after_losing_home': 'no',
    'detentions[2]': 'no',
    'lives_now.country': 'england',
    'lives_now.council': 'Swindon Borough Council',
    specialised_aftercare: 'no',
    aftercare_ended: 'no',
    'charges[0]': 'no',
  };
  const asked = await walk(page, facts);
  assert.ok(asked.includes('detentions[1].recall'), asked.join());
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled');
  assert.equal(r.decision.council.name, 'Wiltshire Council');
  assert.equal(r.decision.council.certain, false);
  assert.deepEqual(r.decision.council.candidates.map((c) => c.name), ['Swindon Borough Council']);
  assert.ok(r.decision.flags.some((f) => f.id === 'conditional_discharge_recall'), flagIds(r.decision).join());
  assert.ok(r.decision.council.cites.some((c) => c.id === 'ewca-2014-712'), JSON.stringify(r.decision.council.cites));
  // On screen: the council named as probable, the other council beside it, and help from an advocate.
  const who = await page.locator('.s117-who').innerText();
  assert.match(who, /Wiltshire Council/);
  assert.match(who, /Swindon Borough Council/);
  await page.locator('.s117-help').getByText(/advocate/i).first().waitFor();
  await page.locator('details.s117-why > summary').click();
  await page.locator('.s117-why').getByRole('link', { name: /Wiltshire Council\) v Hertfordshire County Council \[2014\] EWCA Civ 712/ }).first().waitFor();
  await shot(page, 'journey-recalled-restricted');
});

/** "Not sure" where the person lived before the stay: the council question is skipped, no council is named
 * (s.117(3) makes it the council for where they lived immediately before), and the result says how to find out. */
checkerTest('journey: not sure where they lived before the stay', 'index.html', async (page) => {
  const facts = {
    ...s3Stay(0, { council: undefined, admitted: '2024-01-08', left: '2024-05-10' }),
    'detentions[0].lived_before.country': 'not_sure',
    'detentions[1]': 'no',
    'lives_now.country': 'not_sure',
    specialised_aftercare: 'no',
    aftercare_ended: 'no',
    'charges[0]': 'no',
    'detentions[0].gp_icb': 'NHS West Yorkshire Integrated Care Board',
  };
  const asked = await walk(page, facts);
  assert.ok(!asked.includes('detentions[0].lived_before.council'), asked.join());
  assert.ok(!asked.includes('lives_now.council'), asked.join());
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled');
  assert.equal(r.decision.council ?? null, null);
  assert.ok(r.decision.flags.some((f) => f.id === 'ask_where_lived_before'), flagIds(r.decision).join());
  // Finding out is one of the steps in "What to do now", on screen without opening anything.
  await page.locator('.s117-step--find_out').getByText(/Find out where you lived just before your stay in hospital/).waitFor();
});
