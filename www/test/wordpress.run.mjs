// The WordPress plugin on a real WordPress, in headless Chromium. Run by scripts/test-wordpress.sh, which sets up
// the site (Debian's WordPress, MariaDB, Apache) and passes it in the environment:
//   WP_URL (the site, in a subfolder), WP_SITE (its folder), WP_ZIP (the built plugin), WP_SITE_PHP (the PHP
//   helper wordpress/tests/site.php), WP_ADMIN_PASSWORD, WP_AUTHOR_PASSWORD, WP_DEBUG_LOG, WP_APACHE_LOG.
// The tests run in order and build on each other: the plugin is installed through the upload form, set up through
// its settings page, then Authors' and Administrators' posts are visited as a member of the public would.
// FILTER=text runs only the tests whose name contains it (the install always runs). Ends with "N passed, M failed".

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, fillField, launchChromium, runner, report } from './support.mjs';

const env = (name) => process.env[name] || (() => { throw new Error(`${name} is not set: run scripts/test-wordpress.sh`); })();
const WP = env('WP_URL');
const SITE = env('WP_SITE');
const ZIP = env('WP_ZIP');
const SITE_PHP = env('WP_SITE_PHP');
const VERSION = path.basename(ZIP).match(/wordpress-(.+)\.zip$/)[1];
/** Where the widget's files must come from: the plugin's own URL, the site's subfolder, the version's folder. */
const ASSETS = new URL(`wp-content/plugins/s117-checker/widget/${VERSION}/`, WP).href;
const AS_AT = '2026-11-23';
const HELP = { name: 'Test Charity Advice Line', phone: '0800 123 4567' };
const BRAND = { button: '#8a1f7a', font: 'Georgia, "Times New Roman", serif', exit: 'https://example.org/weather' };

/** Runs the PHP helper against the site and returns its JSON. @param {string[]} args @param {string} [input] */
function site(args, input = '') {
  const out = execFileSync('php', ['-d', 'sendmail_path=/bin/true', SITE_PHP, SITE, ...args], { input, encoding: 'utf8' });
  const value = JSON.parse(out.trim().split('\n').pop());
  if (value.error) throw new Error(`site.php ${args[0]}: ${value.error}`);
  return value;
}

const browser = await launchChromium({ headless: !process.env.HEADED });
const { test: add, run } = runner();
// FILTER=text: only the tests whose name contains it, and always the ones that set the site up.
const only = process.env.FILTER || '';
delete process.env.FILTER;
/** @param {string} name @param {() => Promise<void>} fn @param {{ setup?: boolean }} [options] */
const test = (name, fn, { setup = false } = {}) => { if (setup || !only || name.includes(only)) add(name, fn); };

/**
 * A fresh context; requests that leave the test site (or `origin`) are answered empty (the sandbox has no network).
 * @param {string} [origin]
 */
async function context(origin = new URL(WP).origin) {
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-GB' });
  ctx.setDefaultTimeout(15000);
  await ctx.route((url) => url.origin !== origin, (route) => route.fulfill({ status: 204, body: '' }));
  return ctx;
}

/** Logs in through wp-login.php and returns the context and its page. */
async function login(user, password) {
  const ctx = await context();
  const page = await ctx.newPage();
  await page.goto(new URL('wp-login.php', WP).href);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
  return { ctx, page };
}

/** Opens a page as a visitor, recording console errors, page errors and every request with its Content-Type. */
async function visit(url) {
  const ctx = await context(new URL(url).origin);
  const page = await ctx.newPage();
  const log = { console: [], errors: [], responses: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.console.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('response', (r) => log.responses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] || '' }));
  await page.goto(url);
  return { ctx, page, log };
}

/** Screenshots of the whole post at a phone's width and a desktop's, to look at (test-artifacts/screenshots). */
async function shots(page, name) {
  const dir = path.join(ROOT, 'test-artifacts', 'screenshots');
  await mkdir(dir, { recursive: true });
  const before = page.viewportSize();
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true, timeout: 30000 });
  }
  if (before) await page.setViewportSize(before);
}

function assertClean(log) {
  assert.deepEqual(log.errors, [], 'page errors');
  assert.deepEqual(log.console, [], 'console errors');
}

// ----- acting as a person (as www/test/widget.mjs does; that module starts its own server, so it is not imported) -

/** @param {import('playwright-core').Page | import('playwright-core').Frame} scope */
async function ready(scope) {
  await scope.waitForFunction(() => customElements.get('s117-checker') && document.querySelector('s117-checker .s117'), null, { timeout: 30000 });
  await scope.evaluate(async () => { const el = document.querySelector('s117-checker'); await el.ready; await el.coreReady; });
}


/** Answers page by page from `facts` (path → answer) to "Check your answers", then gets the result. */
async function journey(scope, facts) {
  for (let n = 0; n < 60; n++) {
    await scope.waitForFunction(() => document.querySelector('s117-checker .s117-page [data-path]') || [...document.querySelectorAll('s117-checker h2')].some((e) => e.textContent === 'Check your answers'));
    const fields = scope.locator('s117-checker .s117-page [data-path]');
    const count = await fields.count();
    if (!count) break;
    const key = await fields.first().getAttribute('data-path');
    for (let i = 0; i < count; i++) {
      const f = fields.nth(i);
      const p = await f.getAttribute('data-path');
      const given = p === 'filled_in_by' && facts[p] === undefined ? 'self' : facts[p];
      const wasYesNo = /\[\d+\]$/.test(p) || p === 'aftercare_ended' || p.endsWith('.chosen_dearer_placement_with_written_agreement');
      await fillField(f, await f.getAttribute('data-kind'), (given === undefined || given === '') && wasYesNo ? 'no' : given);
    }
    await scope.getByRole('button', { name: 'Continue', exact: true }).click();
    await scope.waitForFunction((k) => {
      const el = document.querySelector('s117-checker .s117-page [data-path]');
      return !el || el.dataset.path !== k || document.querySelector('s117-checker .js-s117-error-summary:not([hidden])');
    }, key);
    const problem = scope.locator('s117-checker .js-s117-error-summary:not([hidden])');
    if (await problem.count()) throw new Error(`the checker refused an answer on ${key}: ${await problem.innerText()}`);
  }
  await scope.getByRole('heading', { name: 'Check your answers', exact: true }).first().waitFor();
  await scope.getByRole('button', { name: 'Get my result', exact: true }).click();
  await scope.getByRole('heading', { name: 'Your result', exact: true }).first().waitFor();
  return scope.evaluate(() => document.querySelector('s117-checker').decision);
}

const stay = (section, council) => ({
  'detentions[0].detained_in': 'england',
  'detentions[0].section': section,
  'detentions[0].leaving': 'discharged',
  'detentions[0].admitted': '2025-01-05',
  'detentions[0].left_hospital': '2025-03-10',
  'detentions[0].section_ended': '2025-03-10',
  'detentions[0].lived_before.country': 'england',
  'detentions[0].lived_before.council': council,
  'detentions[1]': 'no',
  'lives_now.country': 'england',
});
/** Entitled: section 3 in Birmingham (s.117(1), (3)). */
const ENTITLED = {
  ...stay('3', 'Birmingham City Council'),
  'lives_now.council': 'Birmingham City Council',
  'specialised_aftercare': 'no',
  'aftercare_ended': 'no',
  'charges[0]': 'no',
  'detentions[0].gp_icb': 'NHS Birmingham and Solihull Integrated Care Board',
};
/** Not entitled: section 2 alone is not a qualifying detention (s.117(1)). */
const SECTION_2 = stay('2', 'Leeds City Council');

/** The posts made in the tests, by name. */
const posts = {};

// ----- the tests -------------------------------------------------------------------------------------------------

test('php -l: every PHP file of the plugin parses', async () => {
  const files = [];
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(path.join(dir, e.name));
      else if (e.name.endsWith('.php')) files.push(path.join(dir, e.name));
    }
  };
  await walk(path.join(ROOT, 'wordpress'));
  assert.ok(files.length >= 6, files.join());
  for (const file of files) assert.match(execFileSync('php', ['-l', file], { encoding: 'utf8' }), /No syntax errors/, file);
});

test('install: an Administrator uploads the zip (Plugins → Add New → Upload Plugin) and activates it', async () => {
  const { ctx, page } = await login('admin', env('WP_ADMIN_PASSWORD'));
  await page.goto(new URL('wp-admin/plugin-install.php?tab=upload', WP).href);
  await page.setInputFiles('#pluginzip', ZIP);
  await page.click('#install-plugin-submit');
  await page.getByText('Plugin installed successfully.').waitFor({ timeout: 60000 });
  await page.getByRole('link', { name: 'Activate Plugin' }).click();
  await page.getByText('Plugin activated.').waitFor();
  const row = page.locator('tr[data-plugin="s117-checker/s117-checker.php"]');
  assert.match(await row.getAttribute('class'), /\bactive\b/);
  assert.match(await row.innerText(), new RegExp(`Version ${VERSION.replaceAll('.', '\\.')}`));
  await ctx.close();
}, { setup: true });

test('posts: an Author\'s shortcode and block survive WordPress\'s filtering; the pasted snippet does not', async () => {
  posts.shortcode = site(['post', 'author', 'Check your after-care (shortcode)'], `<p>Answer a few questions.</p>\n[s117_checker check_date="${AS_AT}"]`);
  assert.equal(posts.shortcode.unfiltered_html, false, 'an Author has no unfiltered_html');
  assert.match(posts.shortcode.content, /\[s117_checker check_date="2026-11-23"\]/);
  posts.block = site(['post', 'author', 'Check your after-care (block)'], `<!-- wp:s117/checker {"checkDate":"${AS_AT}","quickExit":"off","storageKey":"block"} /-->`);
  assert.match(posts.block.content, /<!-- wp:s117\/checker \{"checkDate":"2026-11-23","quickExit":"off","storageKey":"block"\} \/-->/);
  // The issue: the snippet pasted as HTML by an Author loses its script, stylesheet and element.
  const raw = site(['post', 'author', 'Pasted snippet'], '<link rel="stylesheet" href="/s117/s117-checker.css"><script type="module" src="/s117/s117-checker.js"></script><s117-checker quick-exit><p>The checker is loading.</p></s117-checker>');
  assert.doesNotMatch(raw.content, /<script|<link|<s117-checker/, raw.content);
}, { setup: true });

test('settings page: brand colour, font, quick exit and helpline saved through the form; a bad colour is named', async () => {
  const { ctx, page } = await login('admin', env('WP_ADMIN_PASSWORD'));
  await page.goto(new URL('wp-admin/options-general.php?page=s117-checker', WP).href);
  await page.getByLabel('Button colour').fill(BRAND.button);
  await page.getByLabel('Link colour').fill('blue');
  await page.getByLabel('Font').fill(BRAND.font);
  await page.getByLabel('Quick exit goes to').fill(BRAND.exit);
  await page.getByLabel('Your helpline\'s name').fill(HELP.name);
  await page.getByLabel('Your helpline\'s phone number').fill(HELP.phone);
  await page.click('#submit');
  await page.getByText('"blue" is not a colour: use a hex colour such as #1d70b8.').waitFor();
  assert.equal(await page.getByLabel('Button colour').inputValue(), BRAND.button);
  assert.equal(await page.getByLabel('Link colour').inputValue(), '');
  assert.equal(await page.getByLabel('Font').inputValue(), BRAND.font);
  assert.equal(await page.getByLabel('Your helpline\'s name').inputValue(), HELP.name);
  await ctx.close();
}, { setup: true });

test('Author\'s post, shortcode: versioned module from the plugin\'s URL, settings applied, a journey to the result, no console errors', async () => {
  const { ctx, page, log } = await visit(posts.shortcode.url);
  await ready(page);
  const tags = await page.evaluate(() => {
    const script = document.querySelector('script#s117-checker-js');
    const link = document.querySelector('link#s117-checker-css');
    return { type: script?.type, src: script?.src, linkHref: link?.href, linkInHead: link?.parentElement === document.head };
  });
  assert.equal(tags.type, 'module');
  // The version is in the folder; no query string (with one, the module would run twice).
  assert.equal(tags.src, `${ASSETS}s117-checker.js`);
  assert.equal(tags.linkHref, `${ASSETS}s117-checker.css`);
  assert.ok(tags.linkInHead, 'the stylesheet is in the head');
  const el = page.locator('s117-checker');
  assert.equal(await el.getAttribute('as-at'), AS_AT);
  assert.equal(await el.getAttribute('quick-exit'), BRAND.exit);
  assert.equal(await el.getAttribute('help-name'), HELP.name);
  assert.equal(await el.evaluate((e) => getComputedStyle(e).getPropertyValue('--s117-button-colour').trim()), BRAND.button);
  assert.equal(await el.evaluate((e) => getComputedStyle(e.querySelector('.s117')).fontFamily), BRAND.font);
  assert.equal(await page.getByRole('link', { name: 'Emergency: Exit this page' }).first().getAttribute('href'), BRAND.exit);
  await shots(page, 'wordpress-first-question');
  const decision = await journey(page, ENTITLED);
  assert.equal(decision.entitlement, 'entitled');
  assert.equal(decision.council.name, 'Birmingham City Council');
  await page.getByText(HELP.name).first().waitFor();
  await shots(page, 'wordpress-result');
  // Every file of the widget came from the plugin's versioned folder, with the right types.
  const own = log.responses.filter((r) => r.url.includes('s117'));
  assert.ok(own.length >= 10, JSON.stringify(own));
  for (const r of own) {
    assert.ok(r.url.startsWith(ASSETS), r.url);
    assert.equal(r.status, 200, r.url);
  }
  const wasm = own.find((r) => r.url.includes('s117_bg.wasm'));
  assert.equal(wasm?.type, 'application/wasm');
  assertClean(log);
  await ctx.close();
});

test('Author\'s post, block: its settings reach the element, a journey to the result, no console errors', async () => {
  const { ctx, page, log } = await visit(posts.block.url);
  await ready(page);
  const el = page.locator('s117-checker');
  assert.equal(await el.getAttribute('storage-key'), 'block');
  assert.equal(await el.getAttribute('quick-exit'), null, 'quickExit "off"');
  assert.equal(await page.getByRole('link', { name: 'Emergency: Exit this page' }).count(), 0);
  const decision = await journey(page, SECTION_2);
  assert.equal(decision.entitlement, 'not_entitled');
  assertClean(log);
  await ctx.close();
});

test('a post without the checker loads none of its files', async () => {
  const { ctx, page, log } = await visit(new URL('?p=1', WP).href);
  await page.getByRole('heading', { name: 'Hello world!' }).first().waitFor();
  assert.deepEqual(log.responses.filter((r) => r.url.includes('s117')).map((r) => r.url), []);
  assertClean(log);
  await ctx.close();
});

test('Site Health: the .wasm is served as application/wasm ("good"); a wrong type or a missing file is reported', async () => {
  const health = site(['health']);
  assert.equal(health.registered, true);
  assert.equal(health.result.status, 'good', JSON.stringify(health.result));
  assert.equal(health.right, '');
  assert.match(health.wrong, /pkg\/s117_bg\.wasm is served as "application\/octet-stream"\. Ask your host to serve it as application\/wasm\./);
  assert.match(health.missing, /HTTP status 404/);
});

test('block editor: an Author can insert the block; it shows its placeholder and settings', async () => {
  const { ctx, page } = await login('author', env('WP_AUTHOR_PASSWORD'));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL('wp-admin/post-new.php', WP).href);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType?.('s117/checker') && window.wp.data.select('core/block-editor'), null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.wp.blocks.getBlockType('s117/checker').title), 'Section 117 checker');
  await page.evaluate(() => window.wp.data.dispatch('core/block-editor').insertBlocks(window.wp.blocks.createBlock('s117/checker')));
  const text = 'The checker is shown on the published page. Its settings are in the sidebar.';
  const frames = () => page.frames();
  let found = false;
  for (let i = 0; i < 100 && !found; i++) {
    for (const f of frames()) if (await f.getByText(text).count().catch(() => 0)) found = true;
    if (!found) await page.waitForTimeout(100);
  }
  assert.ok(found, 'the placeholder is shown');
  assert.deepEqual(errors, [], 'page errors in the editor');
  await ctx.close();
});

test('DISALLOW_UNFILTERED_HTML: an Administrator\'s shortcode post works; the pasted snippet is stripped', async () => {
  await writeFile(path.join(SITE, 'disallow-unfiltered-html'), '');
  posts.admin = site(['post', 'admin', 'Checker (hardened host)'], `[s117_checker check_date="${AS_AT}" storage_key="hardened"]`);
  assert.equal(posts.admin.unfiltered_html, false, 'DISALLOW_UNFILTERED_HTML takes unfiltered_html from Administrators');
  const raw = site(['post', 'admin', 'Pasted snippet (hardened host)'], '<script type="module" src="/s117/s117-checker.js"></script><s117-checker></s117-checker>');
  assert.doesNotMatch(raw.content, /<script|<s117-checker/, raw.content);
  const { ctx, page, log } = await visit(posts.admin.url);
  await ready(page);
  const decision = await journey(page, SECTION_2);
  assert.equal(decision.entitlement, 'not_entitled');
  assertClean(log);
  await ctx.close();
});

test('DISALLOW_UNFILTERED_HTML: an Author\'s iframe shortcode (embed="iframe") works, with the host\'s quick exit', async () => {
  posts.iframe = site(['post', 'author', 'Checker in an iframe'], `[s117_checker embed="iframe" check_date="${AS_AT}"]`);
  const { ctx, page, log } = await visit(posts.iframe.url);
  const tag = await page.evaluate(() => ({ type: document.querySelector('script#s117-checker-embed-js')?.type, css: !!document.querySelector('link#s117-checker-css') }));
  assert.equal(tag.type, 'module');
  assert.equal(tag.css, false, 'the iframe form needs no stylesheet on the page');
  const iframe = page.locator('iframe.s117-embed__frame');
  await iframe.waitFor();
  assert.ok((await iframe.getAttribute('src')).startsWith(`${ASSETS}embed.html?`));
  const frame = await (await iframe.elementHandle()).contentFrame();
  await ready(frame);
  assert.equal(await frame.locator('s117-checker').getAttribute('help-name'), HELP.name);
  // The quick exit is drawn on the host page, above the frame, going where the settings say.
  assert.equal(await page.getByRole('link', { name: 'Emergency: Exit this page' }).first().getAttribute('href'), BRAND.exit);
  const decision = await journey(frame, SECTION_2);
  assert.equal(decision.entitlement, 'not_entitled');
  assertClean(log);
  await ctx.close();
});

test('docs: README\'s and docs/embedding.md\'s snippet, pasted on a plain static site (python3 -m http.server), reaches a result', async () => {
  const snippetOf = (text, after) => text.slice(text.indexOf(after)).match(/```html\n([\s\S]*?)```/)[1];
  const readme = snippetOf(await readFile(path.join(ROOT, 'README.md'), 'utf8'), '## Embedding the widget');
  const docs = snippetOf(await readFile(path.join(ROOT, 'docs/embedding.md'), 'utf8'), '## The snippet');
  assert.equal(readme, docs, 'README and docs/embedding.md give the same snippet');
  // As a new person would: the release bundle's folder uploaded somewhere, and the snippet's path changed to it.
  const out = await mkdtemp(path.join(tmpdir(), 's117-static-'));
  try {
    execFileSync('node', [path.join(ROOT, 'scripts/release.mjs'), '--out', path.join(out, 'release')]);
    const site = path.join(out, 'site');
    await cp(path.join(out, 'release', `s117-checker-${VERSION}`, 's117', VERSION), path.join(site, 'tools', `s117-${VERSION}`), { recursive: true });
    const pasted = readme.replaceAll(/\/s117\/[^/]+\//g, `/tools/s117-${VERSION}/`);
    await writeFile(path.join(site, 'index.html'), `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A charity</title></head><body><main><h1>Section 117</h1>${pasted}</main></body></html>`);
    await writeFile(path.join(site, 'favicon.ico'), '');
    const server = spawn('python3', ['-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', site], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const port = await new Promise((resolve, reject) => {
        server.stdout.on('data', (d) => { const m = String(d).match(/port (\d+)/); if (m) resolve(m[1]); });
        server.on('exit', () => reject(new Error('python3 -m http.server stopped')));
      });
      const { ctx, page, log } = await visit(`http://127.0.0.1:${port}/`);
      await ready(page);
      const decision = await journey(page, { ...SECTION_2, 'detentions[0].admitted': '2024-03-01', 'detentions[0].left_hospital': '2024-04-01', 'detentions[0].section_ended': '2024-04-01' });
      assert.equal(decision.entitlement, 'not_entitled');
      const wasm = log.responses.find((r) => r.url.endsWith('/pkg/s117_bg.wasm'));
      assert.equal(wasm?.type, 'application/wasm');
      assertClean(log);
      await ctx.close();
    } finally {
      server.kill();
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('no PHP notices, warnings or errors from the plugin', async () => {
  await rm(path.join(SITE, 'disallow-unfiltered-html'), { force: true });
  const logs = `${await readFile(env('WP_DEBUG_LOG'), 'utf8')}\n${await readFile(env('WP_APACHE_LOG'), 'utf8').catch(() => '')}`;
  const ours = logs.split('\n').filter((l) => /plugins\/s117-checker|s117_checker/i.test(l));
  assert.deepEqual(ours, []);
});

const started = Date.now();
const totals = await run({ stackLines: 12 });
await browser.close();
console.log(`wordpress tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
report(totals);
