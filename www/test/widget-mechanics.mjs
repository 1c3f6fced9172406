// Browser tests of <s117-checker>'s mechanics (issue #10): Back and Forward between questions, a title per page,
// the quick exit on screen while scrolled (on the page and in the iframe), the page for a first stay in Scotland or
// Northern Ireland, save and return (and a printed summary of the answers), Change and Remove for a stay, the
// adviser's words for "the person", the time estimate, and the host's logo and words. Run by www/test/run.mjs.

import assert from 'node:assert/strict';
import {
  BASE, OTHER_ORIGIN, assertClean, assertNoOverflow, axe, checkerTest, heading, next, open, printed, ready,
  s3Stay, sampleCase, setAnswers, shot, test, timelineCase, toResult, walk,
} from './widget.mjs';

const INDEX_TITLE = 'Check if you are owed free after-care under section 117 – Section 117 after-care checker';
const FIRST = 'Which country was the hospital in?';
// The checker's first page asks who is filling it in; the first question about a stay follows it.
const WHO = 'Who is filling this in?';
const ME = 'The person it is about';
const SECTION = /^Which section/;

/** The checker's page heading (the first `.js-s117-focus`). */
const pageHeading = (page, n = 0) => page.locator('s117-checker').nth(n).locator('.s117-page .js-s117-focus').first().textContent();

// ----- history and titles --------------------------------------------------------------------------------------------

checkerTest('mechanics: each question is a history entry: Back and Forward move between questions, reload keeps the page, the URL never changes', 'index.html', { width: 375 }, async (page) => {
  const url = page.url();
  assert.equal(await page.title(), `${WHO} – ${INDEX_TITLE}`);
  // An error: "Error: " in front of the title while the summary shows.
  await next(page);
  await page.locator('.js-s117-error-summary:not([hidden])').waitFor();
  assert.equal(await page.title(), `Error: ${WHO} – ${INDEX_TITLE}`);
  await page.getByRole('radio', { name: ME, exact: true }).check();
  await next(page);
  await heading(page, FIRST);
  await page.getByRole('radio', { name: 'England', exact: true }).check();
  await next(page);
  await page.getByRole('heading', { name: SECTION }).waitFor();
  const sectionTitle = await page.title();
  assert.match(sectionTitle, /^Which section .* – Check if you are owed/);
  await page.getByRole('radio', { name: 'Section 3 (admission for treatment)', exact: true }).check();
  await next(page);
  const third = await pageHeading(page);
  assert.doesNotMatch(third, SECTION);
  // Back: the previous question, with its answer kept; again: the first.
  await page.goBack();
  await page.getByRole('heading', { name: SECTION }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Section 3 (admission for treatment)', exact: true }).isChecked(), true);
  assert.equal(await page.title(), sectionTitle);
  await page.goBack();
  await heading(page, FIRST);
  assert.equal(await page.getByRole('radio', { name: 'England', exact: true }).isChecked(), true);
  // Forward, twice.
  await page.goForward();
  await page.getByRole('heading', { name: SECTION }).waitFor();
  await page.goForward();
  await page.getByRole('heading', { name: third, exact: true }).waitFor();
  assert.equal(page.url(), url, 'the host page’s URL is unchanged');
  // A reload keeps the page.
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: third, exact: true }).waitFor();
  // Back still works after the reload.
  await page.goBack();
  await page.getByRole('heading', { name: SECTION }).waitFor();
  // Removing the element gives the host its title back.
  await page.evaluate(() => document.querySelector('s117-checker').remove());
  assert.equal(await page.title(), INDEX_TITLE);
});

checkerTest('mechanics: two checkers on one page keep their own history; no-history and no-title leave the host alone', 'index.html', { width: 1280 }, async (page) => {
  // A second checker with its own storage key, which does not set the title.
  await page.evaluate(() => {
    const el = document.createElement('s117-checker');
    el.setAttribute('storage-key', 'second');
    el.setAttribute('no-title', '');
    el.setAttribute('as-at', '2026-11-23');
    document.querySelector('main').append(el);
  });
  await page.waitForFunction(() => document.querySelectorAll('s117-checker .s117').length === 2);
  await page.evaluate(() => document.querySelectorAll('s117-checker')[1].coreReady);
  const [a, b] = [page.locator('s117-checker').nth(0), page.locator('s117-checker').nth(1)];
  for (const c of [a, b]) {
    await c.getByRole('radio', { name: ME, exact: true }).check();
    await c.getByRole('button', { name: 'Continue', exact: true }).click();
    await c.getByRole('heading', { name: FIRST }).waitFor();
  }
  await a.getByRole('radio', { name: 'England', exact: true }).check();
  await a.getByRole('button', { name: 'Continue', exact: true }).click();
  await a.getByRole('heading', { name: SECTION }).waitFor();
  await b.getByRole('radio', { name: 'Wales', exact: true }).check();
  await b.getByRole('button', { name: 'Continue', exact: true }).click();
  await b.getByRole('heading', { name: SECTION }).waitFor();
  // The title is the first checker's: the second has no-title.
  assert.match(await page.title(), /^Which section/);
  // Back undoes the second checker's step only; Back again, the first's.
  await page.goBack();
  await b.getByRole('heading', { name: FIRST }).waitFor();
  assert.match(await pageHeading(page, 0), SECTION);
  await page.goBack();
  await a.getByRole('heading', { name: FIRST }).waitFor();
  assert.equal(await pageHeading(page, 1), FIRST);
  // no-history: no entries at all.
  const before = await page.evaluate(() => history.length);
  await page.evaluate(() => document.querySelectorAll('s117-checker')[1].setAttribute('no-history', ''));
  await b.getByRole('radio', { name: 'England', exact: true }).check();
  await b.getByRole('button', { name: 'Continue', exact: true }).click();
  await b.getByRole('heading', { name: SECTION }).waitFor();
  assert.equal(await page.evaluate(() => history.length), before);
  // no-title on the first: the host's title back.
  await page.evaluate(() => document.querySelector('s117-checker').setAttribute('no-title', ''));
  assert.equal(await page.title(), INDEX_TITLE);
});

// ----- the quick exit ----------------------------------------------------------------------------------------------

for (const width of [375, 1280]) {
  checkerTest(`mechanics: the quick exit stays on screen while a long result is scrolled, and is big enough to press (${width}px)`, 'index.html', { width, height: 740 }, async (page) => {
    await setAnswers(page, timelineCase());
    await heading(page, 'Check your answers');
    await toResult(page);
    const button = page.getByRole('link', { name: 'Emergency: Exit this page' });
    for (const where of [0.5, 1]) {
      await page.evaluate((f) => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * f), where);
      // The checker's end is in view at the bottom; half-way, the middle of a long result.
      const box = await button.boundingBox();
      const vh = await page.evaluate(() => window.innerHeight);
      assert.ok(box && box.y >= -0.5 && box.y + box.height <= vh + 0.5, `exit button at ${JSON.stringify(box)} (scrolled ${where})`);
      assert.ok(box.width >= 44 && box.height >= 44, `exit button ${box.width}×${box.height}`);
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.4));
    await page.screenshot({ path: `test-artifacts/screenshots/mechanics-exit-scrolled-${width}.png` });
    await axe(page, `the result with the quick exit at ${width}px`);
    // Pressed: a neutral page replaces this one, and the answers are gone from the tab.
    await button.click();
    await page.waitForURL('https://www.bbc.co.uk/**');
    assert.equal(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('s117')).length), 0);
  });
}

test('mechanics: in the iframe the quick exit is on by default, drawn by the host page, and stays on screen while scrolled (375px)', async () => {
  const frameUrl = `${OTHER_ORIGIN}/embed.html`;
  const { page, log, close } = await open(`test/iframe-host.html?frame=${encodeURIComponent(frameUrl)}`, { width: 375, height: 700 });
  const frame = page.frameLocator('iframe.s117-embed__frame');
  await frame.getByRole('heading', { name: WHO }).waitFor();
  await frame.locator('s117-checker').evaluate((el) => el.coreReady);
  // The frame draws no button of its own (the host page does), but it has the quick exit (Shift 3 times).
  assert.equal(await frame.locator('.s117-exit-this-page').count(), 0);
  assert.equal(await frame.locator('s117-checker').getAttribute('quick-exit'), '');
  await frame.locator('s117-checker').evaluate((el, c) => { el.answers = c; }, timelineCase());
  await frame.getByRole('button', { name: 'Get my result' }).click();
  await frame.getByRole('heading', { name: 'Your result' }).waitFor();
  await page.waitForFunction(() => Number(document.querySelector('iframe').getAttribute('height')) > 2000);
  const button = page.getByRole('link', { name: 'Emergency: Exit this page' });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  const box = await button.boundingBox();
  assert.ok(box && box.y >= -0.5 && box.y + box.height <= 700.5, `exit button at ${JSON.stringify(box)}`);
  assert.ok(box.width >= 44 && box.height >= 44, `exit button ${box.width}×${box.height}`);
  await page.screenshot({ path: 'test-artifacts/screenshots/mechanics-iframe-exit-375.png' });
  await button.click();
  await page.waitForURL('https://www.bbc.co.uk/**');
  assertClean(log);
  await close();
});

test('mechanics: data-quick-exit="off" turns the iframe’s quick exit off', async () => {
  const { page, log, close } = await open('test/iframe-host.html', { width: 800, before: (p) => p.addInitScript(() => {
    if (window !== window.top) return;
    new MutationObserver((_, observer) => {
      const $c = document.getElementById('checker');
      if (!$c) return;
      $c.setAttribute('data-quick-exit', 'off');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }) });
  const frame = page.frameLocator('iframe.s117-embed__frame');
  await frame.getByRole('heading', { name: WHO }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Emergency: Exit this page' }).count(), 0);
  assert.equal(await frame.locator('s117-checker').getAttribute('quick-exit'), null);
  assertClean(log);
  await close();
});

// ----- Scotland and Northern Ireland ---------------------------------------------------------------------------------

for (const width of [375, 1280]) {
  checkerTest(`mechanics: a first stay in Scotland or Northern Ireland is told at once, with where to get advice (${width}px)`, 'index.html', { width, ownRequests: true }, async (page) => {
    await page.getByRole('radio', { name: ME, exact: true }).check();
    await next(page);
    await heading(page, FIRST);
    await page.getByRole('radio', { name: 'Scotland', exact: true }).check();
    await next(page);
    await heading(page, 'This checker does not cover a stay in hospital in Scotland');
    const text = await page.locator('s117-checker .s117-page').innerText();
    assert.match(text, /Section 117 of the Mental Health Act 1983 applies to people detained in hospital in England or Wales\./);
    assert.match(text, /Mental Health \(Care and Treatment\) \(Scotland\) Act 2003/);
    assert.match(text, /solicitor in Scotland/);
    await page.getByRole('heading', { name: 'Help from a person' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Mental Health (Care and Treatment) (Scotland) Act 2003' }).getAttribute('href'), 'https://www.legislation.gov.uk/asp/2003/13/contents');
    assert.match(await page.title(), /^This checker does not cover a stay in hospital in Scotland – /);
    await axe(page, `the Scotland page at ${width}px`);
    await assertNoOverflow(page);
    await shot(page, `mechanics-scotland-${width}`);
    // Back: the question; Forward: this page again.
    await page.goBack();
    await heading(page, FIRST);
    await page.goForward();
    await heading(page, 'This checker does not cover a stay in hospital in Scotland');
    // "Add that stay": the journey goes on.
    await page.getByRole('button', { name: 'I was also detained in England or Wales – add that stay' }).click();
    await page.getByRole('heading', { name: SECTION }).waitFor();
    // Northern Ireland, from the start again (the browser's Back returns to this page).
    await page.goBack();
    await page.getByRole('button', { name: 'Start again' }).click();
    await heading(page, WHO);
    await page.getByRole('radio', { name: ME, exact: true }).check();
    await next(page);
    await heading(page, FIRST);
    await page.getByRole('radio', { name: 'Northern Ireland', exact: true }).check();
    await next(page);
    await heading(page, 'This checker does not cover a stay in hospital in Northern Ireland');
    await page.getByText(/a different law applies: the Mental Health \(Northern Ireland\) Order 1986\./).waitFor();
    await axe(page, `the Northern Ireland page at ${width}px`);
  });
}

// ----- save and return, printing the answers, Change and Remove --------------------------------------------------

checkerTest('mechanics: saving is explained, and a summary of the answers prints on its own', 'index.html', { width: 1280, before: (p) => p.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }) }, async (page) => {
  const tools = page.locator('s117-checker .s117-tools');
  await tools.getByText(/stays on your device: nothing is sent/).waitFor();
  await tools.getByText(/choose “Load answers from a file” and pick that file/).waitFor();
  await tools.getByText('Load answers from a file', { exact: true }).waitFor();
  await setAnswers(page, sampleCase());
  await toResult(page);
  await tools.getByRole('button', { name: 'Print a summary of your answers' }).click();
  await heading(page, 'Check your answers');
  assert.equal(await page.evaluate(() => window.__printed), 1);
  const shown = await printed(page, ['s117-checker .s117-summary-list', 's117-checker .s117-print-only', 'h1', 's117-checker .s117-tools', 's117-checker .s117-summary-list__actions', 's117-checker .s117-button', 's117-checker .s117-about']);
  assert.deepEqual(shown, {
    's117-checker .s117-summary-list': true,
    's117-checker .s117-print-only': true,
    h1: false,
    's117-checker .s117-tools': false,
    's117-checker .s117-summary-list__actions': false,
    's117-checker .s117-button': false,
    's117-checker .s117-about': false,
  });
  await page.locator('.s117-print-only').getByText('Your answers, 23 November 2026').waitFor();
  await page.screenshot({ path: 'test-artifacts/screenshots/mechanics-print-answers.png', fullPage: true });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.s117-print-only').count(), 0);
  // Back returns to the result.
  await page.goBack();
  await heading(page, 'Your result');
});

for (const width of [375, 1280]) {
  checkerTest(`mechanics: each stay has Change and Remove on check your answers (${width}px)`, 'index.html', { width }, async (page) => {
    await setAnswers(page, timelineCase());
    await heading(page, 'Check your answers');
    // The list of answers is drawn once the rules have read them: wait for it, then count.
    await page.getByRole('button', { name: 'Change the first stay in hospital' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Change the first stay in hospital' }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Remove the second stay in hospital' }).count(), 1);
    await axe(page, `check your answers with two stays at ${width}px`);
    await assertNoOverflow(page);
    await shot(page, `mechanics-stays-${width}`);
    // Change the second stay: its first question, then back to check your answers.
    await page.getByRole('button', { name: 'Change the second stay in hospital' }).click();
    await heading(page, FIRST);
    assert.match(await page.locator('.s117-page .s117-caption').first().textContent(), /second stay/);
    await next(page);
    await heading(page, 'Check your answers');
    // Remove the first stay: asked first, then gone, and the second is now the only one.
    await page.getByRole('button', { name: 'Remove the first stay in hospital' }).click();
    await page.getByText('Remove the first stay in hospital and every answer about it?').waitFor();
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await heading(page, 'Check your answers');
    const answers = await page.evaluate(() => document.querySelector('s117-checker').answers);
    assert.equal(answers.detentions.length, 1);
    assert.equal(answers.detentions[0].admitted, '2021-03');
    assert.equal(await page.getByRole('button', { name: /^Remove / }).count(), 0, 'no Remove for the only stay');
    assert.equal(await page.getByRole('button', { name: 'Change the first stay in hospital' }).count(), 1);
    await toResult(page);
  });
}

// ----- the adviser view --------------------------------------------------------------------------------------------

for (const width of [375, 1280]) {
  checkerTest(`mechanics: the adviser view speaks of the person, never "you" (${width}px)`, 'adviser.html', { width }, async (page) => {
    const c = timelineCase();
    c.charges[0].chosen_dearer_placement_with_written_agreement = false;
    c.aftercare_ended = { reason: 'no_longer_needed', date: '2026-10-01' };
    await setAnswers(page, c);
    await page.locator('.s117-adviser__result .s117-result').waitFor();
    // The adviser's own words: the form (labels, choices, headings, hints), the tools, the screen section.
    const own = await page.locator('s117-checker').evaluate((el) => {
      const words = [];
      for (const part of el.querySelectorAll('.s117-adviser__form, .s117-tools, .s117-screen-host__head, .s117-about')) words.push(part.innerText);
      for (const o of el.querySelectorAll('option')) words.push(o.textContent);
      return words.join('\n');
    });
    const you = (text) => text.split('\n').filter((line) => /\b(you|your|yours|yourself|I|me|my)\b/i.test(line));
    assert.deepEqual(you(own), [], 'the adviser’s own words that say "you", "I" or "my"');
    // The result beside the form speaks of the person too (the core's decision with `about`, the result's `.other`
    // words; widget-voice.mjs checks it line by line): counted here, and none says "you are owed" or "your after-care".
    const result = await page.locator('.s117-adviser__result').innerText();
    console.log(`     adviser result: ${you(result).length} lines say "you" (to the reader: what you told us)`);
    assert.doesNotMatch(result, /\byou are owed\b|\byour after-care\b/i);
    await axe(page, `the adviser view at ${width}px`);
    await shot(page, `mechanics-adviser-${width}`);
  });
}

// ----- the time estimate ---------------------------------------------------------------------------------------------

const JOURNEYS = {
  'one stay, no charges': {
    ...s3Stay(0, { council: 'Leeds City Council', admitted: '2024-02-10', left: '2024-06-20' }),
    'detentions[1]': 'no', 'lives_now.country': 'england', 'lives_now.council': 'Leeds City Council',
    specialised_aftercare: 'no', aftercare_ended: 'no', 'charges[0]': 'no',
  },
  'charged for a care home': {
    ...s3Stay(0, { council: 'Leeds City Council', admitted: '2023-01-10', left: '2023-05-02' }),
    'detentions[1]': 'no', 'lives_now.country': 'england', 'lives_now.council': 'Leeds City Council',
    specialised_aftercare: 'no', aftercare_ended: 'no', 'charges[0]': 'yes',
    'charges[0].what': 'Care home fees', 'charges[0].since': '2023-06-01', 'charges[0].amount': '200', 'charges[0].per': 'week',
    'charges[0].chosen_dearer_placement_with_written_agreement': 'no', 'charges[1]': 'no', first_knew: '2026-10',
  },
  'two stays, after-care ended': {
    ...s3Stay(0, { council: 'Birmingham City Council', admitted: '2019-01-10', left: '2019-06-01' }),
    'detentions[1]': 'yes',
    ...s3Stay(1, { council: 'Birmingham City Council', admitted: '2021-03-01', left: '2021-09-15' }),
    'detentions[1].recall': '',
    'detentions[2]': 'no', 'lives_now.country': 'england', 'lives_now.council': 'Birmingham City Council',
    specialised_aftercare: 'no', aftercare_ended: 'yes', 'aftercare_ended.date': '2026-10-01',
    'aftercare_ended.reason': 'discharged_from_mental_health_services', 'charges[0]': 'no', first_knew: '2026-10',
  },
};

checkerTest('mechanics: the time estimate on the first page matches the pages of three typical journeys', 'index.html', { width: 1280 }, async (page) => {
  const intro = await page.locator('.s117-intro').innerText();
  const stated = Number((/about (\d+) minutes/.exec(intro) || [])[1]);
  assert.ok(stated, intro);
  const counts = {};
  for (const [name, facts] of Object.entries(JOURNEYS)) {
    await page.evaluate(() => document.querySelector('s117-checker').clear());
    await heading(page, WHO);
    let pages = 0;
    await walk(page, facts, { onPage: () => { pages += 1; } });
    await heading(page, 'Check your answers');
    counts[name] = pages + 2; // and "Check your answers", and the result
  }
  // At a human pace of 20 to 30 seconds a page, the estimate lies in the range of the typical journeys.
  const low = Math.min(...Object.values(counts)) * 20 / 60;
  const high = Math.max(...Object.values(counts)) * 30 / 60;
  console.log(`     pages: ${JSON.stringify(counts)}; at 20–30 s a page: ${low.toFixed(1)}–${high.toFixed(1)} minutes; stated: ${stated}`);
  assert.ok(stated >= Math.floor(low) && stated <= Math.ceil(high), `stated ${stated} minutes, journeys take ${low.toFixed(1)}–${high.toFixed(1)}`);
});

// ----- the host's logo and words -------------------------------------------------------------------------------------

checkerTest('mechanics: the host’s logo, intro and help words, as an image with its alt and as text', 'index.html', { width: 375 }, async (page) => {
  await page.evaluate(() => {
    const el = document.querySelector('s117-checker');
    el.setAttribute('logo-src', 'favicon.svg');
    el.setAttribute('logo-alt', 'Example Mind');
    el.setAttribute('intro-text', 'Our advice line checked this tool. <b>Not bold</b>');
    el.setAttribute('help-text', 'Call us first: <i>we can help</i>.');
  });
  const logo = page.locator('s117-checker .s117-brand img');
  assert.equal(await logo.getAttribute('alt'), 'Example Mind');
  assert.equal(await logo.getAttribute('src'), new URL('favicon.svg', BASE).href);
  await page.locator('.s117-intro').getByText('Our advice line checked this tool. <b>Not bold</b>').waitFor();
  assert.equal(await page.locator('s117-checker b, s117-checker i').count(), 0, 'the host’s words are text');
  await axe(page, 'the branded first page');
  await shot(page, 'mechanics-brand-375');
  // Only http(s) or relative addresses.
  for (const bad of ['javascript:alert(1)', 'data:image/svg+xml,<svg/>']) {
    await page.evaluate((v) => document.querySelector('s117-checker').setAttribute('logo-src', v), bad);
    assert.equal(await page.locator('s117-checker .s117-brand img').count(), 0, bad);
  }
  await setAnswers(page, sampleCase());
  await toResult(page);
  await page.locator('.s117-help').getByText('Call us first: <i>we can help</i>.').waitFor();
});
