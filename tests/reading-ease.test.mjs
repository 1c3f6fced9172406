// The default letter reads easily and fits on one page (issue 10): for example requests, the `s117` command's letter
// has a Flesch reading ease of at least 65 (scripts/reading-ease.mjs) and at most 400 words from "Dear Sir or Madam,"
// to the signature. Run by scripts/test.sh: `node --test tests/reading-ease.test.mjs` (builds `s117` with cargo if
// needed; CARGO_TARGET_DIR is respected). Prints the figures.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { readingEase } from '../scripts/reading-ease.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIN_EASE = 65;
const MAX_WORDS = 400;

/** The `s117 letter` text for an example request, with its options changed by `options`. */
function letterText(example, options) {
  const args = ['run', '-q', '--bin', 's117', '--', 'letter', '--format', 'text'];
  if (!options) return execFileSync('cargo', [...args, path.join(ROOT, example)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const request = JSON.parse(execFileSync('cat', [path.join(ROOT, example)], { encoding: 'utf8' }));
  request.options = { ...(request.options || {}), ...options };
  return execFileSync('cargo', [...args, '-'], { cwd: ROOT, encoding: 'utf8', input: JSON.stringify(request), stdio: ['pipe', 'pipe', 'ignore'] });
}

/** The words of the letter's body, from the greeting to the end of the signature (before the footer). */
function bodyWords(text) {
  const start = text.indexOf('Dear Sir or Madam,');
  const end = text.indexOf('Prepared with the Section 117 after-care checker');
  assert.ok(start >= 0 && end > start, 'the letter has a greeting and a footer');
  return text.slice(start, end).split(/\s+/).filter(Boolean).length;
}

for (const example of [
  'examples/letter-on-behalf.json',
  'examples/letter-charges-on-behalf.json',
  'examples/letter-request.json',
  'examples/letter-ending.json',
]) {
  test(`${example}: the default letter reads at ${MIN_EASE}+ and fits on one page`, () => {
    const text = letterText(example);
    const { ease, words, sentences } = readingEase(text);
    const body = bodyWords(text);
    console.log(`${example}: reading ease ${ease} (${words} words, ${sentences} sentences); ${body} words in the body`);
    assert.ok(ease >= MIN_EASE, `${example}: reading ease ${ease} < ${MIN_EASE}`);
    assert.ok(body <= MAX_WORDS, `${example}: ${body} words in the body > ${MAX_WORDS}`);
    assert.ok(!text.includes('\f'), `${example}: no second page (annex) by default`);
  });
}

test('the annex and the other tones are measured too (no limit on length)', () => {
  for (const [example, options] of [
    ['examples/letter-charges-on-behalf.json', { annex: true }],
    ['examples/letter-charges-on-behalf.json', { tone: 'formal_complaint' }],
    ['examples/letter-ending.json', { tone: 'letter_before_claim' }],
  ]) {
    const text = letterText(example, options);
    const { ease, words } = readingEase(text);
    console.log(`${example} ${JSON.stringify(options)}: reading ease ${ease} (${words} words)`);
    assert.ok(ease >= 50, `${example} ${JSON.stringify(options)}: reading ease ${ease}`);
  }
});
