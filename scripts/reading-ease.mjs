// Flesch reading ease of English text: 206.835 − 1.015 × (words per sentence) − 84.6 × (syllables per word).
// Higher is easier: 60–70 is plain English, 70–80 fairly easy. Used by the browser tests on the result's visible text
// and on the default letter, and from the command line on any text:
//
//   node scripts/reading-ease.mjs FILE...      prints "FILE: ease 72.4 (310 words, 24 sentences)" for each
//   some-command | node scripts/reading-ease.mjs
//
// Syllables are counted by a rule of thumb (vowel groups, less a silent final "e"), as readability tools do; figures are
// comparable between versions of our own text, not to a tenth with other tools. Citations ("s.117(2)", "[2023] UKSC 31")
// and numbers are not words a reader sounds out, so they count as one-syllable words.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Syllables in one word, by the usual rule of thumb. */
export function syllables(word) {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 1;
  if (w.length <= 3) return 1;
  const trimmed = w
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

/** Sentences, words and syllables in a text, and its Flesch reading ease. */
export function readingEase(text) {
  const clean = text
    .replace(/\b(?:[A-Z][a-z]*\.)(?=\s*\d)/g, 'X') // "s.117", "para." before a number
    .replace(/\b(?:e\.g|i\.e|etc|ss?|reg|regs|para|paras|No|art)\./gi, 'X')
    .replace(/(\d)\.(\d)/g, '$1$2'); // "1.5", "23.012"
  // A line without end punctuation (a heading, a list item, an address line) is a sentence of its own.
  const sentences = clean
    .split(/[.!?]+(?=\s|$)|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
  const words = clean.match(/[A-Za-z0-9£][A-Za-z0-9'’£,.()\-/]*/g) || [];
  const syl = words.reduce((n, w) => n + syllables(w), 0);
  const nSentences = Math.max(1, sentences.length);
  const nWords = Math.max(1, words.length);
  const ease = 206.835 - 1.015 * (nWords / nSentences) - 84.6 * (syl / nWords);
  return { ease: Math.round(ease * 10) / 10, words: words.length, sentences: sentences.length, syllables: syl };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  const texts = files.length
    ? await Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')]))
    : [['stdin', await new Promise((ok) => {
      let s = '';
      process.stdin.setEncoding('utf8').on('data', (d) => { s += d; }).on('end', () => ok(s));
    })]];
  for (const [name, text] of texts) {
    const r = readingEase(text);
    console.log(`${name}: ease ${r.ease} (${r.words} words, ${r.sentences} sentences)`);
  }
}
