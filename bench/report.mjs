// Turns the figures of scripts/bench.sh into one table: prints it and writes bench/results.md.
//
//   node bench/report.mjs --machine m.json --native native.json --browser browser.json [--wasm wasm.json] [--out bench/results.md]

import { readFile, writeFile } from 'node:fs/promises';

const args = process.argv.slice(2);
const arg = (/** @type {string} */ name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const load = async (/** @type {string | undefined} */ file) => (file ? JSON.parse(await readFile(file, 'utf8')) : {});
const machine = await load(arg('--machine'));
const native = await load(arg('--native'));
const browser = await load(arg('--browser'));
const wasm = await load(arg('--wasm'));
const out = arg('--out') || 'bench/results.md';

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
const num = (/** @type {number} */ n, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
const us = (/** @type {number} */ n) => `${num(n, n < 10 ? 2 : 0)} µs`;
const ratio = (/** @type {number} */ a, /** @type {number} */ b) => (a && b ? `${(a / b).toFixed(1)}×` : 'n/a');

const lines = [];
lines.push('# Benchmark results', '');
lines.push(`Measured by \`scripts/bench.sh\` on ${machine.date || '?'} (commit ${machine.commit || '?'}).`, '');
lines.push('| Machine | |', '|---|---|');
lines.push(`| CPU | ${machine.cpu || '?'} (\`nproc\` = ${machine.nproc || '?'}) |`);
lines.push(`| Load average when the run started | ${machine.load || '?'} (other work on the machine slows every figure, most of all the native ones) |`);
lines.push(`| Tools | ${machine.rustc || '?'}; Chromium ${browser.chromium || '?'}; Node ${machine.node || '?'} |`);
lines.push('');

const b = browser.bytes;
const l = browser.load;
const e = browser.eval;
const s = browser.screen;
lines.push('| Measure | Figure | Compared with | Result |', '|---|---|---|---|');
if (b) {
  const pass = b.widget.gzip <= b.budget_gzip ? 'PASS' : 'OVER';
  const runs = b.runs ? `, the most of ${b.runs} loads` : '';
  lines.push(`| Bytes the widget fetched before its first question was usable (measured from the browser's requests${runs}) | ${kb(b.widget.raw)} raw, **${kb(b.widget.gzip)} gzip** | budget ${kb(b.budget_gzip)} gzip | **${pass}** (${b.widget.gzip > b.budget_gzip ? '+' : ''}${kb(b.widget.gzip - b.budget_gzip)}) |`);
  lines.push(`| … with the host page (${b.files.filter((f) => f.host && f.when === 'before').map((f) => f.file).join(', ')}) | ${kb(b.page.raw)} raw, ${kb(b.page.gzip)} gzip | | |`);
  if (b.during) lines.push(`| … asked for before that moment, still arriving at it | ${kb(b.during.raw)} raw, ${kb(b.during.gzip)} gzip | | not counted |`);
  if (b.after) lines.push(`| Fetched after the first question was usable, in the background (${b.files.filter((f) => f.when === 'after').map((f) => f.file).join(', ')}) | ${kb(b.after.raw)} raw, ${kb(b.after.gzip)} gzip | | |`);
}
if (l) {
  lines.push(`| Navigation to first question usable, CPU ${l.throttle}× slower, median of ${l.runs} | **${num(l.widget_ms)} ms** | static page, same markup: ${num(l.static_ms)} ms | ${ratio(l.widget_ms, l.static_ms)} |`);
  if (l.core_ms) lines.push(`| Navigation to the rules loaded too (\`s117-core-ready\`), same loads | ${num(l.core_ms)} ms | | |`);
}
if (e && native.eval) {
  lines.push(`| One check of a 5-detention case through the wasm boundary (median / p95) | **${us(e.median_us)} / ${us(e.p95_us)}** | native \`validate\` + \`evaluate\`: ${us(native.eval.median_us)} / ${us(native.eval.p95_us)} | ${ratio(e.median_us, native.eval.median_us)} |`);
  if (native.eval_json) {
    lines.push(`| … natively through the JSON façade (\`api::check_json\` + \`serde_json\`) | ${us(native.eval_json.median_us)} / ${us(native.eval_json.p95_us)} | | |`);
  }
}
if (native.screen || s) {
  const n = native.screen;
  const browserRate = s && s.rows_per_s ? `**${num(s.rows_per_s)} rows/s** (${num(s.worker_s, 1)} s in the worker, ${num(s.end_to_end_s, 1)} s from choosing the file)` : (s && s.skipped) || 'not measured';
  const n1 = native.screen_1_thread;
  lines.push(`| Screening ${num((n && n.rows) || (s && s.rows) || 0)} generated rows, in the browser (one Web Worker, chunks of 1,000) | ${browserRate} | native, one thread: ${n1 ? `${num(n1.rows_per_s)} rows/s` : 'n/a'} | ${s && n1 && s.rows_per_s ? ratio(n1.rows_per_s, s.rows_per_s) + ' (native ÷ browser)' : ''} |`);
  if (n) lines.push(`| … natively, \`s117 screen\` (${n.threads} threads) | **${num(n.rows_per_s)} rows/s** | | |`);
}
lines.push('');

if (b) {
  const WHEN = { before: 'before: counted', during: 'asked for before, finished after', after: 'after' };
  lines.push('## What www/index.html fetched, against the moment its first question was usable', '');
  lines.push(`From the load that fetched the most before that moment${b.widget_gzip_all ? ` (widget bytes before it, gzip, in each load: ${b.widget_gzip_all.map((n) => kb(n)).join(', ')})` : ''}.`, '');
  lines.push('| File | Raw | gzip -9 | | When |', '|---|---:|---:|---|---|');
  for (const f of b.files) lines.push(`| \`${f.file}\` | ${num(f.raw)} | ${num(f.gzip)} | ${f.host ? 'host page' : 'widget'} | ${WHEN[f.when] || f.when} |`);
  lines.push('');
}
if (wasm.sections) {
  lines.push('## Inside `www/pkg/s117_bg.wasm`', '');
  if (wasm.bytes) lines.push(`${num(wasm.bytes)} bytes, ${num(wasm.gzip || 0)} gzip -9. The widget loads it in the background once its first question is shown, so it is not part of the first-load budget.`, '');
  lines.push('| Section | Bytes |', '|---|---:|');
  for (const [name, size] of wasm.sections) lines.push(`| ${name} | ${num(size)} |`);
  if (wasm.sentences !== undefined) {
    lines.push('', `Of the data section, ${num(wasm.sentences)} bytes are ${num(wasm.sentence_count)} runs of text of 60 characters or more (the reasons', flags' and citations' English), and ${num(wasm.text - wasm.sentences)} bytes are shorter text (names, codes, field names).`);
  }
  if (wasm.top) {
    lines.push('', 'Largest items (twiggy top, on a build that keeps names; sizes after wasm-opt -Oz):', '', '```', wasm.top.trim(), '```');
  }
  lines.push('');
}
lines.push('How each figure is taken: `bench/browser.mjs` (bytes, load, eval, browser screening), `bench/native/` (native eval and screening), `bench/gen-enquiries.mjs` (the 100,000-row file: deterministic, 1% bad rows). Timings on a shared 2-core machine vary by tens of per cent between runs.');
lines.push('');

const text = lines.join('\n');
await writeFile(out, text);
console.log(text);
