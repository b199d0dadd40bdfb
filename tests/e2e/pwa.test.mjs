// The installable, offline app, at the site's root and under a clinic's sub-path: Chrome finds
// nothing missing for installing it; once loaded it starts and runs a whole session with the
// server gone; a new version of the site is offered (never during a session), goes in at the
// next start after "Later", or at once after "Restart now"; old caches are deleted; and no
// request ever leaves the app's own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launchBrowser, openPage, openProfilePage, waitForFirstFrame, tap, waitScreen, chooseTaster, saveScreenshot, kDist, kRoot, startSession,
} from './harness.mjs';
import { startServer } from '../../tools/serve.mjs';

let scratch;
before(() => { scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-pwa-')); });
after(() => { if (scratch) fs.rmSync(scratch, { recursive: true, force: true }); });

// A new version of the built site: the same files packaged again under another build id.
function newVersion(id) {
  const out = path.join(scratch, id);
  execFileSync('python3', [path.join(kRoot, 'tools/package_site.py'), kDist, out, '--build-id', id]);
  return out;
}

function buildOf(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'build-info.json'), 'utf8')).build;
}

// Waits until the page runs the given build (across any reloads the page does itself).
async function waitForBuild(page, id, timeout = 30000) {
  const deadline = Date.now() + timeout;
  let seen;
  while (Date.now() < deadline) {
    try {
      seen = await page.evaluate(() => document.documentElement.getAttribute('data-ready') === '1' &&
        window.steadyShell.build);
      if (seen === id) return;
    } catch (e) { /* the page is navigating */ }
    await page.waitForTimeout(100);
  }
  throw new Error(`the page did not start build ${id} (last seen: ${seen})`);
}

async function activeWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.ready.then((r) => r.active.state === 'activated'),
    null, { timeout: 30000 });
  return page.evaluate(() => navigator.serviceWorker.ready.then((r) => ({ scope: r.scope, script: r.active.scriptURL })));
}

async function playWholeSession(page) {
  await startSession(page);
  await page.waitForFunction(() => window.__steady.cues?.length > 0);
  const cues = await page.evaluate(() => window.__steady.cues);
  await waitScreen(page, 'summary', cues.at(-1).t - cues[0].t + 20000);
  await tap(page, 'summary.finish');
  await waitScreen(page, 'today');
  return cues.length;
}

for (const prefix of ['/', '/clinic/exercises/']) {
  test(`installable, offline and updatable when served at ${prefix}`, { timeout: 420000 }, async () => {
    let server = await startServer({ root: kDist, prefix });
    const { url } = server;
    const { origin } = new URL(url);
    const port = Number(new URL(url).port);
    const tag = prefix === '/' ? 'root' : 'subpath';
    const t0 = Date.now();
    const laps = [];
    const lap = (name) => laps.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const profile = fs.mkdtempSync(path.join(scratch, 'profile-'));
    const { context, page, problems, requests } = await openProfilePage(profile, { width: 390, height: 844, dpr: 1, mobile: true });
    try {
      // 1. Installable: the manifest and the service worker are what Chrome asks for.
      await page.goto(url);
      await waitForFirstFrame(page);
      const worker = await activeWorker(page);
      assert.equal(worker.scope, url, 'the service worker covers exactly the site\'s folder');
      assert.equal(worker.script, `${url}sw.js`);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, [], 'Chrome finds nothing missing for installing the app');
      const manifest = await cdp.send('Page.getAppManifest');
      assert.equal(manifest.url, `${url}manifest.webmanifest`);
      assert.deepEqual(manifest.errors, []);
      const data = JSON.parse(manifest.data);
      assert.equal(data.display, 'standalone');
      assert.equal(new URL(data.start_url, manifest.url).href, url, 'start_url is the site\'s folder');
      assert.equal(new URL(data.scope, manifest.url).href, url, 'scope is the site\'s folder');
      const images = await page.evaluate(async (list) => Promise.all(list.map(async (it) => {
        const resp = await fetch(it.src);
        const bitmap = await createImageBitmap(await resp.blob());
        return { src: it.src, sizes: it.sizes, purpose: it.purpose, w: bitmap.width, h: bitmap.height };
      })), [...data.icons, ...data.screenshots].filter((it) => it.type === 'image/png'));
      for (const size of ['192x192', '512x512']) {
        assert.ok(images.some((i) => i.sizes === size && i.purpose !== 'maskable'), `an icon of ${size}`);
      }
      assert.ok(images.some((i) => i.purpose === 'maskable'), 'a maskable icon');
      for (const i of images) assert.equal(`${i.w}x${i.h}`, i.sizes, `${i.src} is as big as the manifest says`);
      assert.deepEqual(data.screenshots.map((s) => s.form_factor).sort(), ['narrow', 'wide']);

      lap('installable');
      // 2. Offline: the server goes away; the app still starts and a whole session runs.
      await server.close();
      await page.reload();
      await waitForFirstFrame(page);
      assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the page comes from the service worker');
      await chooseTaster(page, url);
      const cues = await playWholeSession(page);
      assert.ok(cues > 10, `the offline session ran its ${cues} cues`);

      lap('offline session');
      // 3. A new version appears while a session runs: nothing is offered until it ends.
      // (The session is paused first: while the figure animates under the software renderer,
      // Chromium puts the update check off by a minute.)
      const v2 = newVersion(`v2-${tag}`);
      server = await startServer({ root: v2, prefix, port });
      await startSession(page);
      await tap(page, 'player.pause');
      await page.evaluate(() => { navigator.serviceWorker.getRegistration().then((r) => r.update()).catch(() => {}); });
      await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting),
        null, { timeout: 60000 });
      await page.waitForTimeout(500);
      assert.equal(await page.isVisible('#update'), false, 'no notice during a session');
      assert.equal(await page.evaluate(() => window.steadyShell.build), buildOf(kDist), 'the old version runs on');
      await tap(page, 'player.back');
      await waitScreen(page, 'today');
      await page.waitForSelector('#update', { state: 'visible', timeout: 5000 });
      assert.match(await page.textContent('#update-text'), /new version/);
      await saveScreenshot(page, `update-notice-${tag}`);

      // "Later": the notice goes; the new version is there at the next start.
      await page.click('#update-later');
      assert.equal(await page.isVisible('#update'), false);
      await page.reload();
      await waitForBuild(page, buildOf(v2));
      assert.equal(await page.isVisible('#update'), false, 'no notice once the new version runs');

      lap('update at next start');
      // 4. Another version, found when the page is opened: "Restart now" starts it at once.
      const v3 = newVersion(`v3-${tag}`);
      await server.close();
      server = await startServer({ root: v3, prefix, port });
      await page.reload();
      await waitForFirstFrame(page);
      await page.waitForSelector('#update', { state: 'visible', timeout: 30000 });
      await page.click('#update-now');
      await waitForBuild(page, buildOf(v3));
      assert.equal(await page.isVisible('#update'), false);
      const caches = await page.evaluate(() => caches.keys());
      assert.deepEqual(caches.filter((n) => n.startsWith('steady-back ')), [`steady-back ${url} ${buildOf(v3)}`],
        'the caches of older versions are deleted');

      lap('update on restart');
      console.log(`${prefix}: ${laps.join(', ')}`);
      assert.deepEqual(problems, [], 'nothing went wrong on the page');
      const elsewhere = requests.filter((u) => new URL(u).origin !== origin);  // a blob: URL has its maker's origin
      assert.deepEqual(elsewhere, [], 'every request goes to the app\'s own origin');
      assert.ok(requests.some((u) => u.startsWith(url) && u.includes('.wasm')));
    } finally {
      await context.close();
      await server.close();
    }
  });
}

// Two windows of the app are open and the new version goes in through the second one: the
// first is now older than the files the site serves, so it offers the restart (its app is up
// and may be in use) and comes back on the new version. The worker says which build it serves.
test('a second window of the app follows when the first one takes a new version', { timeout: 180000 }, async () => {
  let server = await startServer({ root: kDist, prefix: '/' });
  const { url } = server;
  const port = Number(new URL(url).port);
  const profile = fs.mkdtempSync(path.join(scratch, 'profile-'));
  const { context, page: first, problems } = await openProfilePage(profile, { width: 390, height: 844, dpr: 1, mobile: true });
  try {
    await first.goto(url);
    await waitForFirstFrame(first);
    await activeWorker(first);
    await first.reload();  // now the page comes from the worker
    await waitForFirstFrame(first);
    const askBuild = (page) => page.evaluate(() => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => resolve(e.data.build);
      setTimeout(() => resolve('(no answer)'), 5000);
      navigator.serviceWorker.controller.postMessage({ type: 'which-build' }, [channel.port2]);
    }));
    assert.equal(await askBuild(first), buildOf(kDist), 'the worker names the build it serves');

    const v2 = newVersion('v2-windows');
    await server.close();
    server = await startServer({ root: v2, prefix: '/', port });
    await first.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await first.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting),
      null, { timeout: 60000 });
    await first.waitForSelector('#update', { state: 'visible', timeout: 5000 });
    await first.click('#update-later');
    // The first window has been up for more than the few seconds in which a restart is free.
    await first.waitForFunction(() => performance.now() > 5000, null, { timeout: 10000 });

    // A second window opened now starts the version the person was already told about.
    const second = await context.newPage();
    await second.goto(url);
    await waitForBuild(second, buildOf(v2));
    assert.equal(await askBuild(second), buildOf(v2));

    // The first window still shows the old files: it says so again (the person's "Later" was
    // about a version that is now running) and restarts at once when asked.
    assert.equal(await first.evaluate(() => window.steadyShell.build), buildOf(kDist));
    await first.waitForSelector('#update', { state: 'visible', timeout: 10000 });
    await first.click('#update-now');
    await waitForBuild(first, buildOf(v2), 8000);
    assert.equal(await first.isVisible('#update'), false);
    assert.deepEqual(problems, [], 'nothing went wrong on the page');
  } finally {
    await context.close();
    await server.close();
  }
});

test('the app runs under the documented headers: no eval, nothing from elsewhere, no framing by others', { timeout: 60000 }, async () => {
  // The generated JavaScript never builds code from text, so the policy needs no 'unsafe-eval'.
  const info = JSON.parse(fs.readFileSync(path.join(kDist, 'build-info.json'), 'utf8'));
  for (const name of Object.values(info.files).filter((n) => n.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(kDist, name), 'utf8');
    assert.doesNotMatch(text, /\beval\s*\(|new\s+Function\s*\(/, `${name} has no eval or new Function`);
  }
  const index = fs.readFileSync(path.join(kDist, 'index.html'), 'utf8');
  const policy = index.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'/);
  assert.doesNotMatch(index, /<script>|<style|style="/, 'no inline script or style');

  // The same policy sent as a header, with the framing rule only a header can carry.
  const headers = { 'Content-Security-Policy': `${policy}; frame-ancestors 'self'`, 'X-Content-Type-Options': 'nosniff' };
  const server = await startServer({ root: kDist, prefix: '/clinic/exercises/', headers });
  const browser = await launchBrowser();
  try {
    const { context, page, problems, requests } = await openPage(browser, { width: 390, height: 844, mobile: true });
    await page.goto(server.url);
    await waitForFirstFrame(page);
    await tap(page, 'welcome.start');
    await waitScreen(page, 'today');
    assert.deepEqual(problems, [], 'no policy violation or other problem');
    assert.deepEqual(requests.filter((u) => new URL(u).origin !== new URL(server.url).origin), []);

    // Another site (another port is another origin) cannot show the app in a frame.
    const site = fs.mkdtempSync(path.join(scratch, 'other-site-'));
    fs.writeFileSync(path.join(site, 'index.html'), `<!doctype html><iframe src="${server.url}"></iframe>`);
    const other = await startServer({ root: site });
    try {
      const host = await context.newPage();
      await host.goto(other.url);
      await host.waitForTimeout(2000);
      const framed = host.frames().find((f) => f.url().startsWith(server.url));
      const started = framed ? await framed.evaluate(() => !!window.steadyShell).catch(() => false) : false;
      assert.equal(started, false, 'the app does not run inside another site\'s frame');
    } finally {
      await other.close();
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
