// harness: shared set-up for the browser end-to-end tests: a local server for dist/,
// Debian's Chromium driven by playwright-core, and a record of everything that went wrong
// on the page (console errors, page errors, failed or non-2xx requests).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { startServer } from '../../tools/serve.mjs';

export const kRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const kDist = path.join(kRoot, 'dist');
export const kArtifacts = path.join(kRoot, 'artifacts');

export const kChromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

const kLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: kChromiumArgs,
};

export async function launchBrowser() {
  return chromium.launch(kLaunchOptions);
}

export async function serveDist(options = {}) {
  if (!fs.existsSync(path.join(kDist, 'index.html'))) {
    throw new Error('dist/index.html is missing: build the site first (tools/build.sh web)');
  }
  return startServer({ root: kDist, ...options });
}

function contextOptions({ width = 1280, height = 800, dpr = 1, mobile = false } = {}) {
  return { viewport: { width, height }, deviceScaleFactor: dpr, isMobile: mobile, hasTouch: mobile };
}

// Starts recording what goes wrong on page: `problems` collects console errors, page errors
// and failed or non-2xx requests of the page, `requests` the URL of every request made by
// the page or by its service worker.
// A site without the clinic's optional clinic.json answers 404 for it: that is expected.
const kOptional = /\/clinic\.json$/;

function watchPage(context, page) {
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (/status of 404/.test(msg.text()) && kOptional.test(msg.location()?.url || '')) return;
    problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A reload while the optional clinic.json is on its way cancels it: nothing is lost.
    if (req.failure()?.errorText === 'net::ERR_ABORTED' && kOptional.test(new URL(req.url()).pathname)) return;
    problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  context.on('request', (req) => requests.push(req.url()));
  page.on('response', (res) => {
    if (res.status() >= 400 && !(res.status() === 404 && kOptional.test(new URL(res.url()).pathname))) {
      problems.push(`HTTP ${res.status()}: ${res.url()}`);
    }
  });
  return { context, page, problems, requests };
}

// Opens a fresh (incognito) context and page, recorded as watchPage says.
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(contextOptions(options));
  return watchPage(context, await context.newPage());
}

// Like openPage, in a browser of its own with a profile on disk (userDataDir): what Chrome
// needs before it will call the app installable. Closing the context closes that browser.
export async function openProfilePage(userDataDir, options = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, { ...kLaunchOptions, ...contextOptions(options) });
  return watchPage(context, context.pages()[0] || await context.newPage());
}

// Waits until the app has rendered its first frame.
export async function waitForFirstFrame(page, timeout = 30000) {
  await page.waitForFunction(() => document.documentElement.getAttribute('data-ready') === '1', null, { timeout });
  return page.evaluate(() => performance.getEntriesByName('sb-first-frame').length);
}

export async function layout(page) {
  return page.evaluate(() => window.__steady && window.__steady.layout);
}

export function layoutItem(lay, id) {
  return lay && lay.items.find((it) => it.id === id);
}

export async function saveScreenshot(page, name) {
  const dir = path.join(kArtifacts, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  const buffer = await page.screenshot({ path: file });
  return { file, png: PNG.sync.read(buffer) };
}

// Share of pixels inside a CSS-px rectangle of a screenshot that differ clearly from bg.
export function inkFraction(png, rect, dpr, bg) {
  const x0 = Math.max(0, Math.floor(rect.x * dpr));
  const y0 = Math.max(0, Math.floor(rect.y * dpr));
  const x1 = Math.min(png.width, Math.ceil((rect.x + rect.w) * dpr));
  const y1 = Math.min(png.height, Math.ceil((rect.y + rect.h) * dpr));
  let ink = 0;
  let total = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      const d = Math.abs(png.data[i] - bg[0]) + Math.abs(png.data[i + 1] - bg[1]) + Math.abs(png.data[i + 2] - bg[2]);
      if (d > 120) ink++;
      total++;
    }
  }
  return total ? ink / total : 0;
}

// One browser and one server for a test file: call in the file's top level; the returned
// object's browser and server are set before the first test runs.
export function useBrowserAndServer(before, after) {
  const env = { browser: null, server: null };
  before(async () => {
    env.browser = await launchBrowser();
    env.server = await serveDist();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

// Taps the middle of a control the app laid out (by its layout id), first scrolling it
// into view with the mouse wheel when it lies below or above the window.
export async function tap(page, id) {
  let lay = await layout(page);
  let it = layoutItem(lay, id);
  if (!it) throw new Error(`${id} is not on the ${lay?.screen} screen`);
  const viewport = page.viewportSize();
  for (let i = 0; i < 40 && (it.y < 60 || it.y + Math.min(it.h, 56) > viewport.height - 8); i++) {
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    const step = Math.max(-400, Math.min(400, it.y - viewport.height / 2));
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(60);
    lay = await layout(page);
    it = layoutItem(lay, id);
    if (!it) throw new Error(`${id} left the ${lay?.screen} screen while scrolling`);
  }
  await page.mouse.click(it.x + it.w / 2, it.y + Math.min(it.h / 2, 28));
}

// Waits until the app shows the named screen and returns its layout.
export async function waitScreen(page, screen, timeout = 5000) {
  await page.waitForFunction((s) => window.__steady?.layout?.screen === s, screen, { timeout });
  return layout(page);
}

// From Today: Start, answer "none of these" to the safety questions when they are asked
// (once, before the first session), answer the pain question (a number 0-10, or null to
// skip), and wait for the player.
export async function startSession(page, painBefore = null) {
  await tap(page, 'today.start');
  await page.waitForFunction(() => ['before', 'safety_check'].includes(window.__steady?.layout?.screen), null,
    { timeout: 5000 });
  if ((await layout(page)).screen === 'safety_check') await tap(page, 'safety_check.none');
  await waitScreen(page, 'before');
  await tap(page, painBefore === null ? 'before.skip' : `before.pain.${painBefore}`);
  return waitScreen(page, 'player');
}

// Opens the app at url, makes the Quick taster the current programme and returns on Today.
export async function chooseTaster(page, url) {
  await page.goto(url);
  await waitForFirstFrame(page);
  if ((await layout(page))?.screen === 'welcome') {
    await tap(page, 'welcome.start');
    await waitScreen(page, 'today');
  }
  await tap(page, 'today.programmes');
  await waitScreen(page, 'programmes');
  await tap(page, 'programmes.card.taster');
  return waitScreen(page, 'today');
}

// A stored session line in the record's named form: the app stores its own sessions as
// compact "[3,...]" lines (core/progress.h, to_stored_line); lines moved from older versions
// are kept as they were.
export function namedRecord(line) {
  const r = JSON.parse(line);
  if (!Array.isArray(r)) return line;
  const outcomes = ['not-reached', 'partial', 'done', 'skipped', 'stopped'];
  const feel = ['none', 'easy', 'right', 'hard'];
  const o = { v: 2, id: r[1], start: r[2], tz: r[3], active_s: r[4], programme: r[5], programme_name: r[6],
    items: r[7].map(([exercise, outcome, sets, reps, hold_s, pain]) =>
      ({ exercise, outcome: outcomes[outcome], sets, reps, hold_s, ...(pain >= 0 ? { pain } : {}) })) };
  if (r[8] >= 0) o.pain_before = r[8];
  if (r[9] >= 0) o.pain_after = r[9];
  if (r[10] > 0) o.difficulty = feel[r[10]];
  if (r.length > 12) o.note = r[12];
  o.finished = r[11] === 1;
  return JSON.stringify(o);
}

// Every record of a store, read straight from IndexedDB: { key: text }. Sessions are kept a
// week to a record ("weeks", one session a line): for 'sessions' they come back by session
// id, in their named form.
export async function storedRecords(page, store) {
  const out = await page.evaluate((name) => new Promise((resolve, reject) => {
    const req = indexedDB.open('steady-back');
    req.onsuccess = () => {
      const db = req.result;
      const real = name === 'sessions' ? 'weeks' : name;
      const tx = db.transaction([real], 'readonly');
      const keys = tx.objectStore(real).getAllKeys();
      const values = tx.objectStore(real).getAll();
      tx.oncomplete = () => {
        const out = {};
        keys.result.forEach((k, i) => {
          if (name !== 'sessions') {
            out[k] = values.result[i];
            return;
          }
          for (const line of values.result[i].split('\n')) {
            const r = JSON.parse(line);
            out[Array.isArray(r) ? r[1] : r.id] = line;
          }
        });
        db.close();
        resolve(out);
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }), store);
  if (store === 'sessions') for (const id of Object.keys(out)) out[id] = namedRecord(out[id]);
  return out;
}
