// Browser tests of <s117-checker>: the result and the letter in the third person (issue #10). A daughter filling it in
// for "my father" reads about him in the panel, the steps and "Why we think this"; the letter is written by her for
// him, with his full name asked for (a relation is never put in the letter as a name); the adviser view speaks of
// "the person". Run by www/test/run.mjs; screenshots at 375 and 1280 px.

import assert from 'node:assert/strict';
import path from 'node:path';
import { readingEase } from '../../scripts/reading-ease.mjs';
import { SHOTS, axe, checkerTest, result, s3Stay, setAnswers, shot, squash, timelineCase, walk } from './widget.mjs';

/** Section 3 in Leeds, discharged on 10 May 2024, charged care home fees since June 2024 (*Stennett*). */
const CHARGED = {
  ...s3Stay(0, { council: 'Leeds', admitted: '2024-01-08', left: '2024-05-10' }),
  'detentions[0].gp_icb': 'NHS West Yorkshire ICB',
  'detentions[1]': 'no',
  'lives_now.country': 'england',
  'lives_now.council': 'Leeds',
  specialised_aftercare: 'no',
  aftercare_ended: 'no',
  'charges[0]': 'yes',
  'charges[0].what': 'Care home fees',
  'charges[0].since': '2024-06',
  'charges[0].chosen_dearer_placement_with_written_agreement': 'no',
  'charges[1]': 'no',
};

/**
 * Lines of the result that say "you" or "your" to the person, once the words addressed to the reader are taken out:
 * what you told us, what you can do, your answers, your result, your letter, help for you.
 * @param {string} text
 */
function strayYou(text) {
  const reader = [
    /\b(?:what )?you (?:have )?told us\b/gi, /\byou gave\b/gi, /\byou did not (?:give|tell us)\b/gi, /\byou typed\b/gi,
    /\byou were not sure\b/gi, /\byou do not know\b/gi, /\bif you want\b/gi, /\byou can ask\b/gi, /\bcan tell you\b/gi,
    /\bbefore you give up\b/gi, /\bproof you sent it\b/gi, /\byou said\b/gi, /\byour answers\b/gi, /\byour result\b/gi,
    /\bthings you can do\b/gi, /\bthing you can do\b/gi, /\breply to your letter\b/gi, /\bif you are struggling\b/gi,
    /\bcan advise you\b/gi, /\bif you can get legal aid\b/gi, /\bcopy it yourself\b/gi, /\byou can print it\b/gi,
  ];
  return text.split('\n').filter((line) => {
    let rest = line;
    for (const r of reader) rest = rest.replace(r, '');
    return /\b(you|your|yours|yourself)\b/i.test(rest);
  });
}

/** The visible words of the result: the panel, what to do now, help, who, money, and "Why we think this" opened. */
async function resultWords(page) {
  await page.locator('s117-checker details').evaluateAll((els) => els.forEach((d) => { d.open = true; }));
  return page.locator('s117-checker .s117-result').innerText();
}

for (const width of [375, 1280]) {
  checkerTest(`voice: a daughter filling it in for "my father" reads a result about him (${width}px)`, 'index.html', { width }, async (page) => {
    await walk(page, { ...CHARGED, filled_in_by: 'someone_else', person_name: 'my father' });
    // Check your answers: its headings speak of him too.
    await page.getByText('Since my father left hospital', { exact: true }).first().waitFor();
    const r = await result(page);
    assert.equal(r.decision.entitlement, 'entitled');
    assert.match(r.summary, /^My father appears to be owed free after-care/);
    const title = squash(await page.locator('s117-checker .s117-panel__title').innerText());
    assert.equal(title, 'Leeds City Council should not be charging my father for care home fees');
    await shot(page, `voice-result-my-father-${width}`);
    // Speaking of him reads as easily as speaking to him (the result's visible text, "Why we think this" folded).
    const ease = readingEase(await page.locator('s117-checker .s117-result').innerText());
    console.log(`     the result for "my father": reading ease ${ease.ease} (${ease.words} words, ${ease.sentences} sentences)`);
    assert.ok(ease.ease >= 70, `reading ease ${ease.ease} < 70`);
    const words = await resultWords(page);
    assert.match(words, /Ask Leeds City Council to stop charging my father for after-care/);
    assert.match(words, /Who must provide my father’s after-care/);
    assert.match(words, /Can they charge my father for this care\?/);
    assert.deepEqual(strayYou(words), [], 'lines of the result that still speak to the person as "you"');
    await axe(page, `the third-person result at ${width}px`);

    // The letter: written by her for him. "my father" is not a name, so his full name is asked for, not filled in.
    const section = page.locator('.s117-letter-section');
    await section.waitFor();
    assert.equal(await section.getByLabel('I am writing for someone else').isChecked(), true, 'written for the person by default');
    const name = section.getByLabel('Full name', { exact: true });
    assert.equal(await name.inputValue(), '', 'a relation is not put in the letter as a name');
    await section.getByText('As the council and NHS have it on their records, for example Robert Hall.').waitFor();
    await name.fill('Robert Hall');
    await section.getByLabel('Your full name', { exact: true }).fill('Susan Hall');
    await section.getByLabel('Your relationship to them', { exact: true }).fill('daughter');
    await section.getByRole('button', { name: /^(Create|Update) the letter$/ }).click();
    const $letter = page.locator('.s117-letter').first();
    await $letter.waitFor();
    const text = squash(await $letter.innerText());
    assert.match(text, /Section 117 after-care for Robert Hall/);
    assert.match(text, /I am Robert Hall’s daughter|I am Robert Hall's daughter/);
    assert.match(text, /Please stop charging for Robert Hall’s after-care|Please stop charging for Robert Hall's after-care/);
    assert.doesNotMatch(text, /my father|Daughter/, 'no relation slips into the letter');
    // The letter alone, as its recipient will read it.
    await $letter.screenshot({ path: path.join(SHOTS, `voice-letter-my-father-${width}.png`) });
  });
}

checkerTest('voice: a name given for the person is filled in as the letter\'s full name', 'index.html', { width: 375 }, async (page) => {
  await walk(page, { ...CHARGED, filled_in_by: 'someone_else', person_name: 'Robert Hall' });
  const r = await result(page);
  assert.match(r.summary, /^Robert Hall appears to be owed/);
  const section = page.locator('.s117-letter-section');
  await section.waitFor();
  assert.equal(await section.getByLabel('Full name', { exact: true }).inputValue(), 'Robert Hall');
  assert.equal(await section.getByLabel('I am writing for someone else').isChecked(), true);
});

checkerTest('voice: the person filling it in for themself still reads "you"', 'index.html', { width: 375 }, async (page) => {
  await walk(page, CHARGED);
  const r = await result(page);
  assert.match(r.summary, /^You appear to be owed/);
  const title = squash(await page.locator('s117-checker .s117-panel__title').innerText());
  assert.equal(title, 'Leeds City Council should not be charging you for care home fees');
  const section = page.locator('.s117-letter-section');
  await section.waitFor();
  assert.equal(await section.getByLabel('I am writing for someone else').isChecked(), false);
});

for (const width of [375, 1280]) {
  checkerTest(`voice: the adviser view's result speaks of "the person" (${width}px)`, 'adviser.html', { width }, async (page) => {
    const c = timelineCase();
    c.charges[0].chosen_dearer_placement_with_written_agreement = false;
    c.aftercare_ended = { reason: 'no_longer_needed', date: '2026-10-01' };
    await setAnswers(page, c);
    await page.locator('.s117-adviser__result .s117-result').waitFor();
    const decision = await page.evaluate(() => document.querySelector('s117-checker').decision);
    assert.match(decision.summary, /\bthe person\b/i);
    await page.locator('.s117-adviser__result details').evaluateAll((els) => els.forEach((d) => { d.open = true; }));
    const words = await page.locator('.s117-adviser__result .s117-result').innerText();
    assert.doesNotMatch(words, /\byou are owed\b/i);
    assert.deepEqual(strayYou(words), [], 'lines of the adviser\'s result that speak to the person as "you"');
    await shot(page, `voice-adviser-${width}`);
  });
}
