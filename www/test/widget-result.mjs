// Browser tests of <s117-checker>'s result, GOV.UK style (issue #10): a panel written for the person's situation,
// "What to do now" within two phone screens, who provides after-care, the money, "Why we think this" folded away as
// plain questions and answers, nothing printed twice, reading ease, and printing the result (also beside a letter).
// Run by www/test/run.mjs. Prints the measured figures.

import assert from 'node:assert/strict';
import path from 'node:path';
import { readingEase } from '../../scripts/reading-ease.mjs';
import {
  SHOTS, assertClean, assertNoOverflow, axe, heading, letter, open, printed, ready, setAnswers, shot, test, toResult,
} from './widget.mjs';

/** Two screens of a 375×667 phone. */
const TWO_SCREENS = 1334;

/** A section 3 in 2025 (Bromsgrove, so Worcestershire County Council), and care home fees charged since June 2025. */
function chargedCareHome() {
  return {
    detentions: [{
      section: '3', detained_in: 'england', admitted: '2025-01-05', left_hospital: '2025-03-10', leaving: 'discharged',
      lived_before: { country: 'england', council: 'Bromsgrove' },
      gp_icb: 'NHS Birmingham and Solihull Integrated Care Board',
    }],
    charges: [{ what: 'Care home fees', since: '2025-06', amount: 200, per: 'week', chosen_dearer_placement_with_written_agreement: false }],
  };
}

/** After-care in Cardiff, stopped last month because the person was discharged from the mental health team. */
function endedInCardiff() {
  return {
    detentions: [{
      section: '3', detained_in: 'wales', admitted: '2024-01-05', left_hospital: '2024-05-10', leaving: 'discharged',
      lived_before: { country: 'wales', council: 'Cardiff Council' },
    }],
    aftercare_ended: { reason: 'discharged_from_mental_health_services', date: '2026-10-20' },
    first_knew: '2026-10-20',
  };
}

/** After-care ended by a joint written decision last month: ended. */
function endedLawfully() {
  return {
    detentions: [{
      section: '3', detained_in: 'england', admitted: '2024-01-05', left_hospital: '2024-05-10', leaving: 'discharged',
      lived_before: { country: 'england', council: 'Leeds City Council' },
    }],
    aftercare_ended: { reason: 'no_longer_needed', date: '2026-10-20', joint_written_decision: true },
  };
}

/** A section 2 of three weeks: not owed. */
function section2() {
  return {
    detentions: [{
      section: '2', detained_in: 'england', admitted: '2025-01-05', left_hospital: '2025-01-25', leaving: 'discharged',
      lived_before: { country: 'england', council: 'Leeds City Council' },
    }],
  };
}

/** A stay whose section the person does not know: undetermined. */
function unknownSection() {
  return {
    detentions: [{
      section: 'unknown', detained_in: 'england', admitted: '2025-01-05', left_hospital: '2025-06-25', leaving: 'discharged',
      lived_before: { country: 'england', council: 'Leeds City Council' },
    }],
  };
}

const JOURNEYS = [
  { name: 'charged-care-home', answers: chargedCareHome, title: /^Worcestershire County Council should not be charging you for care home fees$/, entitlement: 'entitled' },
  { name: 'ended', answers: endedInCardiff, title: /^Your after-care should not have been stopped$/, entitlement: 'entitled' },
  { name: 'ended-lawfully', answers: endedLawfully, title: /^Your after-care was ended on 20 October 2026$/, entitlement: 'ended' },
  { name: 'not-owed', answers: section2, title: /^Your time in hospital does not lead to after-care$/, entitlement: 'not_entitled' },
  { name: 'uncertain', answers: unknownSection, title: /^We need to know which section you were held under$/, entitlement: 'undetermined' },
];

/** What the page measures of the result: where the last step ends, where the page lands, and the visible text. */
async function measure(page) {
  return page.evaluate(() => {
    const el = document.querySelector('s117-checker');
    const y = (node) => node.getBoundingClientRect().top + window.scrollY;
    const steps = el.querySelectorAll('.s117-steps > li');
    const last = steps[steps.length - 1];
    return {
      widgetTop: Math.round(y(el)),
      landing: Math.round(window.scrollY),
      resultTop: Math.round(y(el.querySelector('.s117-result'))),
      lastStepBottom: last ? Math.round(last.getBoundingClientRect().bottom + window.scrollY) : null,
      steps: steps.length,
      resultHeight: Math.round(el.querySelector('.s117-result').getBoundingClientRect().height),
      // The visible text: folded parts ("Why we think this") are not rendered, so innerText leaves them out.
      text: el.querySelector('.s117-result').innerText,
    };
  });
}

for (const j of JOURNEYS) {
  test(`result: ${j.name}: the panel speaks to the situation, what to do now fits two phone screens, why is folded away, reading ease ≥ 70`, async () => {
    for (const width of [375, 1280]) {
      const { page, log, close } = await open('index.html', { width, height: width === 375 ? 667 : 900 });
      await ready(page);
      await setAnswers(page, j.answers());
      await heading(page, 'Check your answers');
      await toResult(page);
      // Where the checker puts the result, before anything is clicked.
      const landed = await measure(page);
      const decision = await page.evaluate(() => document.querySelector('s117-checker').decision);
      assert.equal(decision.entitlement, j.entitlement);
      const view = page.locator('.s117-result');
      // The panel: a title for the situation, the core's summary below it.
      assert.match((await view.locator('.s117-panel__title').textContent()).trim(), j.title);
      assert.equal((await view.locator('.s117-panel__summary').textContent()).trim(), decision.summary);
      // The order: the answer, what to do now, help from a person, who, …, why (folded away).
      const order = await view.evaluate((v) => [...v.querySelectorAll(':scope > section, :scope > details')].map((e) => e.className.split(' ').find((c) => /^s117-(now|help|who|refund|limits|why|periods)$/.test(c)) || e.className));
      assert.equal(order[0], 's117-now', order.join(' | '));
      assert.equal(order[1], 's117-help', order.join(' | '));
      assert.equal(order[order.length - 1], 's117-why', order.join(' | '));
      // At most three steps; no sources among them.
      const steps = view.locator('.s117-steps > li');
      // "Get advice" is left to "Help from a person", right below, unless it is the only step.
      const others = decision.next_steps.filter((st) => st.id !== 'get_advice');
      const expected = others.length ? others : decision.next_steps;
      assert.equal(await steps.count(), Math.min(3, expected.length));
      assert.deepEqual(await steps.locator('.s117-step__text').allTextContents(), expected.slice(0, 3).map((st) => st.text));
      assert.equal(await view.locator('.s117-now .s117-cites').count(), 0, 'no sources in the steps');
      for (let i = 0; i < (await steps.count()); i += 1) {
        const st = expected[i];
        if (st.by) await steps.nth(i).locator('.s117-step__by').waitFor();
      }
      // "Why we think this": collapsed; plain questions, never "Met"; the sources inside.
      const why = view.locator('details.s117-why');
      assert.equal(await why.evaluate((d) => d.open), false, 'why is folded away');
      const visible = await view.innerText();
      assert.doesNotMatch(visible, /\bMet\b|Not met|✓/, 'no "Met"');
      assert.doesNotMatch(visible, /Sources?:/, 'no sources outside "Why we think this"');
      await why.locator('summary').click();
      const questions = await why.locator('.s117-reason__question').allTextContents();
      assert.equal(questions.length, decision.reasons.length);
      for (const q of questions) assert.match(q, /\?$/, q);
      assert.ok(await why.locator('.s117-cites a').count() >= 1, 'sources inside');
      // Nothing said twice: each body's full explanation once on the whole result.
      const all = await view.innerText();
      for (const body of [decision.council, decision.nhs_body].filter(Boolean)) {
        assert.equal(all.split(body.why).length - 1 <= 1, true, `said more than once: ${body.why}`);
      }
      for (const f of decision.flags) assert.ok(all.split(f.text).length - 1 <= 1, `said more than once: ${f.text}`);
      await why.locator('summary').click();
      await axe(page, `the ${j.name} result at ${width}px`);
      await assertNoOverflow(page);
      if (width === 375) {
        const m = landed;
        const fromWidget = m.lastStepBottom - m.widgetTop;
        const fromLanding = m.lastStepBottom - m.landing;
        const ease = readingEase(m.text);
        console.log(`     ${j.name}: last step ends ${fromWidget}px below the top of the checker (${fromLanding}px below where the page lands, ${m.lastStepBottom}px from the top of the document); result ${m.resultHeight}px tall; reading ease ${ease.ease} (${ease.words} words, ${ease.sentences} sentences)`);
        assert.ok(fromWidget <= TWO_SCREENS, `${j.name}: the last step ends ${fromWidget}px below the top of the checker (over ${TWO_SCREENS})`);
        // And from where the page lands when the result shows (the checker moves focus to the result's heading).
        assert.ok(fromLanding <= TWO_SCREENS, `${j.name}: the last step ends ${fromLanding}px below where the page lands (over ${TWO_SCREENS})`);
        assert.ok(ease.ease >= 70, `${j.name}: reading ease ${ease.ease} < 70`);
      }
      await shot(page, `result-${j.name}-${width}`, { widget: true });
      assertClean(log);
      await close();
    }
  });
}

test('result: "Print this result" prints the result alone, why opened, without buttons, quick exit or back link; also beside a letter', async () => {
  const { page, log, close } = await open('index.html', { width: 1280 });
  await ready(page);
  await setAnswers(page, chargedCareHome());
  await heading(page, 'Check your answers');
  await toResult(page);
  const hidden = ['s117-checker .s117-back-link', 's117-checker .s117-exit-this-page', 's117-checker .s117-tools', 's117-checker .s117-result-actions', 's117-checker .s117-result__print', 's117-checker .s117-letter-form'];
  // Without a letter: the result prints, "Why we think this" opened, no navigation or buttons.
  let shown = await printed(page, ['.s117-result', '.s117-panel__title', '.s117-steps', 's117-checker .s117-reason', ...hidden]);
  for (const sel of ['.s117-result', '.s117-panel__title', '.s117-steps', 's117-checker .s117-reason']) assert.equal(shown[sel], true, `${sel} prints`);
  for (const sel of hidden) assert.equal(shown[sel], false, `${sel} does not print`);
  assert.equal(await page.locator('details.s117-why').evaluate((d) => d.open), true, 'why is open in print');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('details.s117-why').evaluate((d) => d.open), false, 'why is folded again after printing');
  // With a letter: printing the page prints the letter; "Print this result" prints the result.
  await letter(page, { name: 'Sam Example', address: '1 High Street\nBromsgrove' });
  shown = await printed(page, ['.s117-letter', 's117-checker .s117-result']);
  assert.deepEqual(shown, { '.s117-letter': true, 's117-checker .s117-result': false }, 'the page prints the letter');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.getByRole('button', { name: 'Print this result', exact: true }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  shown = await printed(page, ['s117-checker .s117-result', '.s117-panel__title', 's117-checker .s117-reason', '.s117-letter', ...hidden]);
  for (const sel of ['s117-checker .s117-result', '.s117-panel__title', 's117-checker .s117-reason']) assert.equal(shown[sel], true, `${sel} prints beside a letter`);
  assert.equal(shown['.s117-letter'], false, 'the letter does not print with the result');
  for (const sel of hidden) assert.equal(shown[sel], false, `${sel} does not print`);
  // The host page's own heading and notes are left out too, as they are for the letter.
  assert.deepEqual(await printed(page, ['h1', '.demo-warning']), { h1: false, '.demo-warning': false });
  await page.screenshot({ path: path.join(SHOTS, 'result-print.png'), fullPage: true });
  // A PDF of it (Chromium's printing runs the print events, which forget "Print this result" after it).
  const pdf = await page.pdf({ path: path.join(SHOTS, 'result.pdf'), format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
  console.log(`     the result printed beside a letter: ${pages} A4 pages (test-artifacts/screenshots/result.pdf)`);
  assert.ok(pages >= 1 && pages <= 6, `${pages} pages`);
  // After printing, the page prints the letter again.
  await page.emulateMedia({ media: 'screen' });
  shown = await printed(page, ['.s117-letter', 's117-checker .s117-result']);
  assert.deepEqual(shown, { '.s117-letter': true, 's117-checker .s117-result': false }, 'the page prints the letter again');
  await page.emulateMedia({ media: 'screen' });
  assertClean(log);
  await close();
});

test('result: the adviser’s compact result stays dense: the same parts, why open, no help block or print button', async () => {
  const { page, log, close } = await open('adviser.html', { width: 1280 });
  await ready(page);
  await setAnswers(page, chargedCareHome());
  const view = page.locator('.s117-adviser__result .s117-result--compact');
  await view.waitFor();
  // The adviser's result speaks of the person (issue #10).
  assert.match(await view.locator('.s117-panel__title').textContent(), /should not be charging the person for care home fees/);
  assert.equal(await view.locator('details.s117-why').evaluate((d) => d.open), true);
  assert.equal(await view.locator('.s117-help').count(), 0);
  assert.equal(await view.locator('.s117-result__print').count(), 0);
  await axe(page, 'the adviser’s result');
  await shot(page, 'result-adviser-1280');
  assertClean(log);
  await close();
});
