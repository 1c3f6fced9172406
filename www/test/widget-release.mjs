// The release bundle (scripts/release.mjs): built into test-artifacts/release/, served under /release/ on a host page
// made of the bundle's own snippet.html, with a strict CSP. The widget must work from it as shipped (the integrity
// hashes match what the server sends), and a changed file must be refused by the browser, leaving the fallback.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './support.mjs';
import { BASE, assertClean, open, test } from './widget.mjs';
import { build, check, closure, FILES } from '../../scripts/release.mjs';

const bundle = await build(path.join(ROOT, 'test-artifacts', 'release'));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Serves the bundle under /release/ and a host page of its snippet (the element form) at /release/host.html. */
async function serveBundle(page, { tamper = null } = {}) {
  const snippet = await readFile(path.join(bundle.dir, 'snippet.html'), 'utf8');
  const element = snippet.slice(0, snippet.indexOf('<!-- 2.')).replaceAll(`/s117/${bundle.version}/`, '/release/');
  await page.route(`${new URL('release/', BASE).href}**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.replace(/^\/release\//, '');
    if (rel === 'host.html') {
      const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A charity</title>
<meta http-equiv="Content-Security-Policy" content="${CSP}"></head><body><main>${element}</main></body></html>`;
      return route.fulfill({ status: 200, contentType: 'text/html', body });
    }
    let body;
    try {
      body = await readFile(path.join(bundle.dir, 's117', bundle.version, rel));
    } catch {
      return route.fulfill({ status: 404, body: 'not in the bundle' });
    }
    if (tamper === rel) body = Buffer.concat([body, Buffer.from('\n// changed\n')]);
    const type = rel.endsWith('.wasm') ? 'application/wasm' : rel.endsWith('.css') ? 'text/css' : 'text/javascript';
    return route.fulfill({ status: 200, contentType: type, body, headers: { 'access-control-allow-origin': '*' } });
  });
}

test('release: the bundle works as shipped from its own snippet, with integrity and a strict CSP', async () => {
  const { page, log, close } = await open('release/host.html', { width: 375, height: 800, before: (p) => serveBundle(p) });
  await page.waitForFunction(() => document.querySelector('s117-checker .s117'));
  await page.evaluate(() => document.querySelector('s117-checker').coreReady);
  await page.getByRole('radio', { name: 'The person it is about', exact: true }).waitFor();
  assert.ok(log.requests.some((u) => u.endsWith('/release/pkg/s117_bg.wasm')), 'the rules came from the bundle');
  assert.ok(!log.requests.some((u) => new URL(u).pathname.startsWith('/s117')), 'nothing from outside the bundle');
  assertClean(log);
  await close();
});

test('release: a file changed after release is refused by its integrity hash, and the fallback stays', async () => {
  const { page, log, close } = await open('release/host.html', { before: (p) => serveBundle(p, { tamper: 's117-checker.js' }) });
  await page.getByText('The checker is loading. If this message stays').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('s117-checker .s117').count(), 0, 'the changed module did not run');
  assert.ok(log.console.some((m) => /integrity/i.test(m)), `the browser named the integrity failure: ${log.console.join(' | ')}`);
  await close();
});

test('release: the bundle lists every file the modules load, and nothing that does not exist', async () => {
  assert.deepEqual(await check(), []);
  const loaded = await closure();
  for (const must of ['s117-words.js', 'pkg/s117_bg.wasm', 'screen/worker.js', 'embed.css', 'favicon.svg']) {
    assert.ok(loaded.has(must), `${must} is found by reading the imports`);
  }
  assert.equal(Object.values(FILES).flat().length, Object.keys(bundle.integrity).length);
});
