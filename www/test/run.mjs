// Browser tests for the <s117-checker> widget, in headless Chromium (Debian's /usr/bin/chromium) via playwright-core.
//
//   BASE_URL=http://127.0.0.1:8765/ node www/test/run.mjs      (a server of www/ must be running there)
//   node www/test/run.mjs                                        (starts its own static server of www/)
//
// Options: FILTER=text runs only tests whose name contains it; HEADED=1 shows the browser.
// Prints one line per test and ends with exactly "N passed, M failed"; exits non-zero on any failure.
// Screenshots go to test-artifacts/screenshots/ (git-ignored).


import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { report } from './support.mjs';
import { SHOTS, browser, lastPage, run, shot, stop } from './widget.mjs';
import './widget-journeys.mjs';
import './widget-access.mjs';
import './widget-state.mjs';
import './widget-loading.mjs';
import './widget-pages.mjs';
import './widget-known.mjs';
import './widget-letter.mjs';
import './widget-mechanics.mjs';
import './widget-result.mjs';
import './widget-release.mjs';
import './widget-voice.mjs';

// ----- run -----------------------------------------------------------------------------------------------------------

await mkdir(SHOTS, { recursive: true });
for (const old of await readdir(SHOTS)) if (old.startsWith('FAILED-')) await rm(path.join(SHOTS, old));
const started = Date.now();
const totals = await run({
  stackLines: 12,
  // A screenshot of the page the failing test left open.
  onFail: async (name) => {
    if (!lastPage || lastPage.isClosed()) return;
    const file = `FAILED-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
    await shot(lastPage, file).catch(() => {});
    console.log(`     screenshot: test-artifacts/screenshots/${file}.png`);
    await lastPage.context().close().catch(() => {});
  },
});
await browser.close();
stop();
console.log(`browser tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
report(totals);

