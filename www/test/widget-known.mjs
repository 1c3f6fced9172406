// Browser tests of <s117-checker>: working from what people know (issue #10). A misspelt council is refused with the
// register's nearest names; the GP is asked as where the surgery was; "not sure" and "I do not know" lead somewhere;
// a charge declared without details is kept. Run by www/test/run.mjs; screenshots at 375 and 1280 px.

import assert from 'node:assert/strict';
import { axe, checkerTest, result, s3Stay, shot, walk } from './widget.mjs';

const BASE_FACTS = {
  ...s3Stay(0, { council: 'Leeds', admitted: '2024-01-08', left: '2024-05-10' }),
  'detentions[1]': 'no',
  'lives_now.country': 'england',
  'lives_now.council': 'Leeds',
  specialised_aftercare: 'no',
  aftercare_ended: 'no',
  'charges[0]': 'no',
};

for (const width of [375, 1280]) {
  checkerTest(`known: a misspelt council is asked again with the register's suggestion (${width}px)`, 'index.html', { width }, async (page) => {
    await walk(page, { ...BASE_FACTS, 'detentions[0].lived_before.council': 'Birmingam' });
    // The page is asked again, with an error that names what was typed and offers the nearest name.
    const summary = page.locator('s117-checker .js-s117-error-summary:not([hidden])');
    await summary.waitFor();
    const text = await summary.innerText();
    assert.match(text, /We could not find a council called “Birmingam”\. Did you mean Birmingham City Council\? Check the spelling, or choose “I do not know”\./);
    assert.equal(await page.locator('s117-checker .s117-page [data-path]').first().getAttribute('data-path'), 'detentions[0].lived_before.council');
    await axe(page, 'the council asked again');
    await shot(page, `known-council-suggestion-${width}`);
    // "Narnia": nothing near it.
    await walk(page, { ...BASE_FACTS, 'detentions[0].lived_before.council': 'Narnia' });
    await page.getByText('We could not find a council called “Narnia”. Check the spelling, or choose “I do not know”.').first().waitFor();
    assert.equal(await page.getByText('Did you mean:').count(), 0, 'nothing near “Narnia” to suggest');
    await walk(page, { ...BASE_FACTS, 'detentions[0].lived_before.council': 'Birmingam' });
    await page.getByText('Did you mean:').first().waitFor();
    // The suggestion is a button under the box: choosing it fills the box, and the journey goes on from there.
    await page.getByRole('button', { name: 'Birmingham City Council', exact: true }).click();
    assert.equal(await page.locator('s117-checker [data-path="detentions[0].lived_before.council"] input').first().inputValue(), 'Birmingham City Council');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.locator('s117-checker .s117-page [data-path]').first().waitFor();
    assert.notEqual(await page.locator('s117-checker .s117-page [data-path]').first().getAttribute('data-path'), 'detentions[0].lived_before.council');
  });

  checkerTest(`known: the GP asked as the town of the surgery, the ICB named as likely (${width}px)`, 'index.html', { width }, async (page) => {
    const asked = await walk(page, BASE_FACTS, { until: 'detentions[0].gp_place' });
    assert.ok(!asked.includes('detentions[0].gp_icb'), asked.join());
    await page.getByRole('heading', { name: /^Where was your GP surgery on 8 January 2024\?$/ }).first().waitFor();
    await axe(page, 'the GP surgery question');
    await shot(page, `known-gp-place-${width}`);
    const rest = await walk(page, { ...BASE_FACTS, 'detentions[0].gp_place': 'Bromsgrove', 'detentions[0].nhs_england_secure_service': 'no' });
    assert.ok(!rest.includes('detentions[0].gp_icb'), rest.join());
    const r = await result(page);
    assert.equal(r.decision.nhs_body.name, 'NHS Herefordshire and Worcestershire Integrated Care Board');
    assert.equal(r.decision.nhs_body.certain, false);
    assert.ok(r.decision.flags.some((f) => f.id === 'nhs_body_from_gp_place'));
  });
}

checkerTest('known: a charge declared with a blank details page is kept, with a refund that may be due', 'index.html', { width: 375 }, async (page) => {
  await walk(page, { ...BASE_FACTS, 'charges[0]': 'yes', 'charges[1]': 'no', 'detentions[0].gp_icb': 'NHS West Yorkshire ICB' });
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled');
  const refund = r.decision.flags.find((f) => f.id === 'refund_due');
  assert.ok(refund, JSON.stringify(r.decision.flags.map((f) => f.id)));
  assert.match(refund.text, /but not when/);
  await shot(page, 'known-charge-undated-375');
});

checkerTest('known: not sure whether after-care ended is offered, and asks for the joint decision', 'index.html', { width: 375 }, async (page) => {
  await walk(page, { ...BASE_FACTS, aftercare_ended: 'not_sure', 'detentions[0].gp_icb': 'NHS West Yorkshire ICB' }, {
    onPage: async (key) => {
      if (key === 'aftercare_ended') await shot(page, 'known-aftercare-not-sure-375');
    },
  });
  const r = await result(page);
  assert.equal(r.decision.entitlement, 'entitled');
  assert.ok(r.decision.flags.some((f) => f.id === 'ask_for_ending_decision'));
});

for (const width of [375, 1280]) {
  checkerTest(`known: a daughter filling it in for her father sees every question about him (${width}px)`, 'index.html', { width }, async (page) => {
    const facts = { ...BASE_FACTS, filled_in_by: 'someone_else', person_name: 'my father', 'detentions[0].gp_icb': 'NHS West Yorkshire ICB' };
    const seen = [];
    await walk(page, facts, {
      onPage: async (key) => {
        // The page's heading: the question, or on a page of several the page's title and each field's question.
        seen.push(...(await page.locator('s117-checker .s117-page .js-s117-focus, s117-checker .s117-page [data-path] .s117-fieldset__legend--s, s117-checker .s117-page [data-path] .s117-label--s').allInnerTexts()).map((t) => t.trim()));
        if (key === 'detentions[0].section') {
          await shot(page, `known-third-person-${width}`);
          // The caption over the stay's pages names him too.
          assert.equal((await page.locator('s117-checker .s117-page .s117-caption').first().innerText()).trim(), 'My father\u2019s stay in hospital');
        }
      },
    });
    // After the first two pages (who, and what to call them), no question speaks to "you" about the person.
    const about = seen.filter((q) => !['Who is filling this in?', 'What should we call the person you are filling this in for?'].includes(q));
    assert.ok(about.some((q) => q === 'Which section of the Mental Health Act was my father kept in hospital under?'), about.join('\n'));
    // ("When did you or my father first know …" asks the person filling it in too, on purpose.)
    for (const q of about.filter((x) => !/you or my father/.test(x))) assert.doesNotMatch(q, /\b(were you|did you|do you|have you|your)\b/i, q);
    await axe(page, 'check your answers, third person');
    const r = await result(page);
    assert.equal(r.decision.entitlement, 'entitled');
  });
}
