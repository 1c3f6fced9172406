// What the widget's WebAssembly is made of: its size raw and gzip -9, section sizes, how much of the data is English sentences, and (when a
// build with names and twiggy are given) the largest functions. Prints JSON for bench/report.mjs.
//
//   node bench/wasm-sizes.mjs www/pkg/s117_bg.wasm [--twiggy PATH --named named.wasm]

import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { gzipSync, constants } from 'node:zlib';

const [file, ...rest] = process.argv.slice(2);
const opt = (/** @type {string} */ name) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const bytes = await readFile(file);

/** Reads an unsigned LEB128 number. @param {number} i @returns {[number, number]} */
function leb(i) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[i++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [result, i];
  }
}

const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
/** @type {[string, number][]} */
const sections = [];
let data = Buffer.alloc(0);
for (let i = 8; i < bytes.length;) {
  const id = bytes[i++];
  const [size, at] = leb(i);
  let name = NAMES[id] || `section ${id}`;
  if (id === 0) {
    const [len, s] = leb(at);
    name = `custom "${bytes.subarray(s, s + len).toString()}"`;
  }
  if (id === 11) data = bytes.subarray(at, at + size);
  sections.push([name, size]);
  i = at + size;
}
sections.sort((a, b) => b[1] - a[1]);
const runs = data.toString('latin1').match(/[\x20-\x7e\xc2-\xf4\x80-\xbf]{4,}/g) || [];
const long = runs.filter((r) => r.length >= 60);
const out = {
  file,
  bytes: bytes.length,
  gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
  sections,
  text: runs.reduce((n, r) => n + r.length, 0),
  sentences: long.reduce((n, r) => n + r.length, 0),
  sentence_count: long.length,
};
const twiggy = opt('--twiggy');
const named = opt('--named');
if (twiggy && named) {
  try {
    out.top = execFileSync(twiggy, ['top', '-n', '15', named], { encoding: 'utf8' });
  } catch (err) {
    out.top = `twiggy failed: ${err}`;
  }
}
console.log(JSON.stringify(out));
