// Builds the versioned release bundle of the widget: the files a host copies, their Subresource Integrity hashes, and
// the snippet to paste, in one folder and one zip.
//
//   node scripts/release.mjs [--out DIR]     (after scripts/build-wasm.sh; DIR defaults to dist/)
//   node scripts/release.mjs --check         only checks that FILES lists every file the modules load
//
// Writes DIR/s117-checker-<version>/ and DIR/s117-checker-<version>.zip. Inside: s117/<version>/ (the files, in their
// relative places), integrity.json (sha384 of every file), snippet.html (the element and the iframe forms, with
// integrity on what the snippet itself loads), README.txt (what it is, the rules version and law date, how to serve it)
// and the licences and attributions. The version folder means an update never mixes old and new files behind caches.
//
// FILES is the one list of what ships. `--check` (and every build) walks the import graph from the entry points —
// static `import … from './x.js'`, `new URL('./x', import.meta.url)`, and `src`/`href` in embed.html — and fails if a
// file the code loads is missing from FILES or from disk, so the list cannot go stale.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');

/** What ships, by what it is for (paths relative to www/). */
export const FILES = {
  element: [
    's117-checker.js', 's117-controls.js', 's117-combobox.js', 's117-step.js', 's117-tools.js', 's117-nav.js',
    's117-brand.js', 's117-questions.js',
    's117-words.js', 's117-answer.js', 's117-letter.js', 's117-adviser.js', 's117-checker.css',
    'pkg/s117.js', 'pkg/s117_bg.wasm',
  ],
  screen: [
    'screen/screen.js', 'screen/screen.css', 'screen/worker.js', 'screen/t.js', 'screen/words.js',
    'pkg-screen/s117_screen.js', 'pkg-screen/s117_screen_bg.wasm',
  ],
  iframe: ['s117-embed.js', 's117-embed.css', 'embed.html', 'embed-frame.js', 'embed.css', 'favicon.svg'],
};

/** The entry points a host loads; everything else is reached from them. */
const ENTRIES = ['s117-checker.js', 's117-checker.css', 's117-embed.js', 'embed.html'];

/** Files the code refers to, relative to www/, found by reading it. */
async function references(file) {
  const raw = await readFile(path.join(WWW, file), 'utf8');
  // Comments name files as examples; only code counts.
  const text = file.endsWith('.html') ? raw.replace(/<!--[\s\S]*?-->/g, '') : raw.replace(/^\s*(?:\/\/|\*).*$/gm, '');
  const found = [];
  const patterns = file.endsWith('.html')
    ? [/\b(?:src|href)="(\.?\/?[^":]+?)"/g]
    : [
      /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g,
      /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
      /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
    ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const rel = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]));
      if (!rel.startsWith('..')) found.push(rel);
    }
  }
  return found;
}

/** Every file reachable from the entry points. */
export async function closure() {
  const seen = new Set();
  const todo = [...ENTRIES];
  while (todo.length) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (/\.(js|html)$/.test(file) && existsSync(path.join(WWW, file))) todo.push(...(await references(file)));
  }
  return seen;
}

/** Problems with FILES: files the code loads that it leaves out, and files it lists that do not exist. */
export async function check() {
  const listed = new Set(Object.values(FILES).flat());
  const problems = [];
  for (const file of [...(await closure())].sort()) {
    if (!listed.has(file)) problems.push(`${file} is loaded by the widget but missing from FILES in scripts/release.mjs`);
  }
  for (const file of listed) {
    if (!existsSync(path.join(WWW, file))) {
      problems.push(`www/${file} does not exist${file.startsWith('pkg') ? ' (run scripts/build-wasm.sh first)' : ''}`);
    }
  }
  // docs/embedding.md's table of files (for copying by hand) must name every file that ships.
  const docs = await readFile(path.join(ROOT, 'docs/embedding.md'), 'utf8');
  for (const file of listed) {
    if (!docs.includes(`\`${file}\``)) problems.push(`${file} is missing from the list of files in docs/embedding.md`);
  }
  return problems;
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

async function version() {
  const toml = await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8');
  return toml.match(/^version\s*=\s*"([^"]+)"/m)[1];
}

async function lawDate() {
  const rules = await readFile(path.join(ROOT, 'src/rules/mod.rs'), 'utf8');
  return rules.match(/LAW_DATE: &str = "([^"]+)"/)[1];
}

function snippet(v, integrity) {
  const base = `/s117/${v}`;
  return `<!-- Section 117 after-care checker ${v}. Change "/s117/${v}/" to where you put the folder. -->

<!-- 1. The element, on your page. integrity pins the two files the snippet loads; the module's own imports come from
        the same folder (to pin those too, serve the folder yourself and do not let a CDN or plugin rewrite it). -->
<link rel="stylesheet" href="${base}/s117-checker.css"
      integrity="${integrity['s117-checker.css']}" crossorigin="anonymous">
<script type="module" src="${base}/s117-checker.js"
        integrity="${integrity['s117-checker.js']}" crossorigin="anonymous"></script>
<s117-checker quick-exit>
  <p>The checker is loading. If this message stays, your browser may have blocked it: try another browser, or
     read <a href="https://www.legislation.gov.uk/ukpga/1983/20/section/117">section 117 of the Mental Health Act 1983</a>.</p>
</s117-checker>

<!-- 2. Or fully isolated, in an iframe. -->
<div data-s117-embed data-quick-exit data-title="Section 117 after-care checker">
  <p>The checker loads here. If this message stays, open <a href="${base}/embed.html">the checker on its own page</a>.</p>
</div>
<script type="module" src="${base}/s117-embed.js"
        integrity="${integrity['s117-embed.js']}" crossorigin="anonymous"></script>
`;
}

function readme(v, law, integrity) {
  const files = Object.entries(FILES)
    .map(([group, list]) => `${group}:\n${list.map((f) => `  s117/${v}/${f}  ${integrity[f]}`).join('\n')}`)
    .join('\n\n');
  return `Section 117 after-care checker ${v}
Rules version ${v}, reflecting the law as at ${law}. A screening tool, not legal advice.

Copy the folder s117/${v}/ to your web server as it is (keep the relative places of the files), then paste one of the
two forms in snippet.html into your page, changing "/s117/${v}/" to where you put the folder. Each release has its own
folder, so an update never mixes old and new files behind caches: upload the new folder, change the snippet, then
remove the old folder.

Serve .wasm as application/wasm and .js as text/javascript. Check with:
  curl -sI https://your.site/s117/${v}/pkg/s117_bg.wasm | grep -i content-type
Your Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src. From another origin, the widget's server must
send Access-Control-Allow-Origin for the .js and .wasm files. docs/embedding.md in the source repository has the full
recipe (CSP, CORS, optimisation plugins, the iframe's messages, privacy).

Nothing is sent anywhere: the rules run in the visitor's browser. See PRIVACY in docs/embedding.md.

Files and their Subresource Integrity hashes (also in integrity.json):

${files}

Licences: the code is MIT OR Apache-2.0. The reference data keeps its sources' licences (DATA-LICENCE.md), including
mySociety's register of UK local authorities (CC BY 4.0): "Contains data from mySociety's UK local authorities
register (https://mysociety.org), CC BY 4.0", and Open Government Licence v3.0 data from ONS and NHS England.
`;
}

export async function build(outDir) {
  const v = await version();
  const law = await lawDate();
  const name = `s117-checker-${v}`;
  const dir = path.join(outDir, name);
  await rm(dir, { recursive: true, force: true });
  const integrity = {};
  for (const file of Object.values(FILES).flat()) {
    const from = path.join(WWW, file);
    const to = path.join(dir, 's117', v, file);
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(from, to);
    integrity[file] = sri(await readFile(from));
  }
  await writeFile(path.join(dir, 'integrity.json'), `${JSON.stringify({ version: v, law_date: law, files: integrity }, null, 2)}\n`);
  await writeFile(path.join(dir, 'snippet.html'), snippet(v, integrity));
  await writeFile(path.join(dir, 'README.txt'), readme(v, law, integrity));
  await copyFile(path.join(ROOT, 'data/LICENCE.md'), path.join(dir, 'DATA-LICENCE.md'));
  const zip = path.join(outDir, `${name}.zip`);
  await rm(zip, { force: true });
  execFileSync('python3', ['-m', 'zipfile', '-c', zip, name], { cwd: outDir });
  return { dir, zip, integrity, version: v };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const problems = await check();
  for (const p of problems) console.error(`release: ${p}`);
  if (problems.length) process.exit(1);
  if (args.includes('--check')) {
    console.log(`release: FILES lists all ${Object.values(FILES).flat().length} files the widget loads`);
  } else {
    const i = args.indexOf('--out');
    const out = path.resolve(i >= 0 ? args[i + 1] : path.join(ROOT, 'dist'));
    await mkdir(out, { recursive: true });
    const { dir, zip, integrity } = await build(out);
    console.log(`release: ${Object.keys(integrity).length} files in ${path.relative(process.cwd(), dir) || dir}`);
    console.log(`release: ${path.relative(process.cwd(), zip) || zip}`);
  }
}
