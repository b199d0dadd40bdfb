// Storage faults, injected by wrapping IndexedDB in the test's own page script (the app has
// no test switches): the database failing to open, a write failing midway, the disk full,
// the page closed while a session is being saved, and two tabs saving at once. After each,
// the app is reopened: nothing saved before is lost, and the person was told in plain words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, waitForFirstFrame, layout, saveScreenshot, useBrowserAndServer, tap, waitScreen, startSession,
} from './harness.mjs';

const env = useBrowserAndServer(before, after);

// Runs before the app in every page: records what the aria-live region says, and when
// sessionStorage names a fault, wraps IndexedDB to produce it.
function injectFaults() {
  // The whole document is watched from the start: the app may speak before the page has
  // finished loading.
  window.__live = [];
  new MutationObserver((records) => {
    for (const r of records) {
      const live = document.getElementById('live');
      if (live && (r.target === live || live.contains(r.target))) window.__live.push(live.textContent);
    }
  }).observe(document, { childList: true, characterData: true, subtree: true });
  const fault = sessionStorage.getItem('steady-fault') || '';
  if (fault === 'open') {
    // The database cannot be opened (a broken profile, a full disk at start).
    IDBFactory.prototype.open = function () {
      const req = { result: undefined, error: null };
      setTimeout(() => {
        req.error = new DOMException('Internal error opening backing store', 'UnknownError');
        if (req.onerror) req.onerror({ type: 'error', target: req, preventDefault() {} });
      }, 0);
      return req;
    };
    return;
  }
  const realPut = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    const req = realPut.call(this, value, key);
    if (this.name !== 'weeks') return req;
    const tx = this.transaction;
    if (fault === 'abort') {
      tx.abort();  // the write fails midway: the browser rolls the whole transaction back
    } else if (fault === 'quota') {
      Object.defineProperty(tx, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
      tx.abort();
    } else if (fault === 'slow') {
      // Keep the transaction busy, so the page can be closed while it is still running.
      window.__saving = (window.__saving || 0) + 1;
      for (let i = 0; i < 4000; i++) this.get('busy-' + i);
    }
    return req;
  };
}

async function openApp(page, url) {
  await page.goto(url);
  await waitForFirstFrame(page);
  await page.waitForFunction(() => window.steadyStorage.status() !== 0);
  if ((await layout(page)).screen === 'welcome') await tap(page, 'welcome.start');
  return waitScreen(page, 'today');
}

// A session from Today to its summary, skipping through the exercises.
async function quickSession(page) {
  await startSession(page);
  for (let i = 0; i < 12 && (await layout(page)).screen !== 'summary'; i++) {
    await tap(page, 'player.next').catch(() => {});  // the summary may come between look and tap
    await page.waitForTimeout(120);
  }
  return waitScreen(page, 'summary');
}

// Finish, tapped again if the app saw no press (a quick click can fall within one frame on a
// busy machine).
async function finish(page) {
  for (let i = 0; i < 4; i++) {
    await tap(page, 'summary.finish').catch(() => {});
    try {
      return await waitScreen(page, 'today', 3000);
    } catch { /* not yet: tap again */ }
  }
  return waitScreen(page, 'today');
}

// The sessions stored in IndexedDB (each line parsed: whole, or this throws): { id: record }.
async function storedSessions(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('steady-back');
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction(['weeks']).objectStore('weeks').getAll();
      get.onsuccess = () => {
        const out = {};
        for (const week of get.result) {
          for (const line of week.split('\n')) {
            const r = JSON.parse(line);
            out[Array.isArray(r) ? r[1] : r.id] = r;  // the app's own lines are "[3,id,...]"
          }
        }
        db.close();
        resolve(out);
      };
      get.onerror = () => reject(get.error);
    };
    req.onerror = () => reject(req.error);
  }));
}

async function waitStored(page, n) {
  for (let i = 0; i < 100; i++) {
    const ids = Object.keys(await storedSessions(page));
    if (ids.length >= n && (await page.evaluate(() => window.steadyStorage.pending())) === 0) return ids.sort();
    await page.waitForTimeout(100);
  }
  throw new Error(`${n} sessions were never stored`);
}

async function setFault(page, fault) {
  await page.evaluate((f) => (f ? sessionStorage.setItem('steady-fault', f) : sessionStorage.removeItem('steady-fault')), fault);
}

const said = (page) => page.evaluate(() => window.__live.join('\n'));

// Opens a profile, stores one session, then turns the fault on.
async function profileWithOneSession(fault) {
  const opened = await openPage(env.browser, { width: 390, height: 844, dpr: 1, mobile: true });
  await opened.context.addInitScript(injectFaults);
  await openApp(opened.page, env.server.url);
  await quickSession(opened.page);
  await finish(opened.page);
  opened.first = await waitStored(opened.page, 1);
  await setFault(opened.page, fault);
  return opened;
}

// Reopens the app without the fault: the first session is still there, and History shows it.
async function reopenWithout(opened) {
  const { page } = opened;
  await setFault(page, '');
  await page.reload();
  await openApp(page, env.server.url);
  const stored = await storedSessions(page);
  for (const id of opened.first) assert.ok(stored[id], `session ${id}, saved before the fault, is still stored`);

  await tap(page, 'today.progress');
  const history = await waitScreen(page, 'history');
  for (const id of opened.first) assert.ok(history.items.some((i) => i.id === `history.session.${id}`), `History lists ${id}`);
  assert.ok(!history.items.some((i) => i.id.startsWith('history.notice.')), 'nothing to report once the fault is gone');
  return stored;
}

test('IndexedDB failing to open: the person is told before a session, and nothing saved is lost', { timeout: 120000 }, async () => {
  const opened = await profileWithOneSession('open');
  const { page, problems } = opened;
  await page.reload();
  const today = await openApp(page, env.server.url);
  assert.ok(today.items.some((i) => i.id === 'today.storage'), 'Today warns that progress cannot be kept');
  assert.match(await said(page), /Progress can't be kept in this browser window/);
  await saveScreenshot(page, 'fault-open-today');
  // The app still runs a session; it says at the end that it was not saved.
  await quickSession(page);
  await finish(page);
  await reopenWithout(opened);
  assert.deepEqual(problems, []);
  await opened.context.close();
});

test('a write failing midway is rolled back whole, said in plain words, and loses nothing', { timeout: 120000 }, async () => {
  const opened = await profileWithOneSession('abort');
  const { page, problems } = opened;
  await page.reload();
  await openApp(page, env.server.url);
  await quickSession(page);
  await page.waitForFunction(() => /could not be saved on this device/.test(window.__live.join('\n')));
  assert.match(await said(page), /Your last change could not be saved on this device\. Export a backup now/);
  await saveScreenshot(page, 'fault-abort-summary');
  await finish(page);
  const today = await layout(page);
  assert.ok(today.items.some((i) => i.id === 'today.storage'), 'Today keeps saying so');
  const stored = await reopenWithout(opened);
  assert.deepEqual(Object.keys(stored).sort(), opened.first, 'the failed session left nothing half-written');
  assert.deepEqual(problems, []);
  await opened.context.close();
});

test('a full disk (QuotaExceededError) is named as such and loses nothing', { timeout: 120000 }, async () => {
  const opened = await profileWithOneSession('quota');
  const { page, problems } = opened;
  await page.reload();
  await openApp(page, env.server.url);
  await quickSession(page);
  await page.waitForFunction(() => /storage is full/.test(window.__live.join('\n')));
  assert.match(await said(page), /Your last session could not be saved: this device's storage is full\. Export a backup now/);
  await finish(page);
  await tap(page, 'today.progress');
  const history = await waitScreen(page, 'history');
  assert.ok(history.items.some((i) => i.id === 'history.notice.0'), 'History shows the notice too');
  await saveScreenshot(page, 'fault-quota-history');
  // The backup offered by the notice still holds everything, the unsaved session included.
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'history.export')]);
  const backup = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  assert.equal(backup.sessions.length, 2);
  const stored = await reopenWithout(opened);
  assert.deepEqual(Object.keys(stored).sort(), opened.first);
  assert.deepEqual(problems, []);
  await opened.context.close();
});

test('the page closed while a session is being saved: reopened, everything saved before is there, whole', { timeout: 120000 }, async () => {
  const opened = await profileWithOneSession('slow');
  const { context, page, problems } = opened;
  await page.reload();
  await openApp(page, env.server.url);
  await quickSession(page);
  await page.waitForFunction(() => window.__saving > 0);
  await page.close();  // mid-transaction
  const again = await context.newPage();
  again.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  opened.page = again;
  await openApp(again, env.server.url);  // a new page: no fault
  const stored = await reopenWithout(opened);
  assert.ok(Object.keys(stored).length >= 1 && Object.keys(stored).length <= 2, Object.keys(stored).join());
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs saving at once both keep their session; neither overwrites the other', { timeout: 120000 }, async () => {
  const { context, page: a, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1, mobile: true });
  await context.addInitScript(injectFaults);
  const b = await context.newPage();
  b.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // A tab in the background gets no display frames (the app then draws nothing): each is
  // brought to the front while it opens, as a person would.
  await a.bringToFront();
  await openApp(a, env.server.url);
  await b.bringToFront();
  await openApp(b, env.server.url);
  // Both tabs hold the same (empty) week in memory; each saves a session into it.
  await a.bringToFront();
  await quickSession(a);
  await waitStored(a, 1);
  await b.bringToFront();
  await quickSession(b);
  const both = await waitStored(b, 2);
  assert.equal(both.length, 2, 'each tab stored its own session in the same week');
  // Tab A, which never loaded tab B's session, answers the pain question: its week is read
  // again inside the transaction that writes it, so tab B's session stays.
  await a.bringToFront();
  await tap(a, 'summary.pain.1');
  for (let i = 0; i < 50; i++) {
    const stored = await storedSessions(a);
    if (Object.values(stored).some((r) => r[9] === 1)) break;
    await a.waitForTimeout(100);
  }
  const stored = await storedSessions(b);
  assert.deepEqual(Object.keys(stored).sort(), both);
  assert.ok(Object.values(stored).some((r) => r[9] === 1), 'tab A\'s answer (pain after, place 9) is saved');
  await finish(a);
  await b.bringToFront();
  await tap(b, 'summary.pain.4');
  await b.waitForFunction(() => window.steadyStorage.pending() === 0);
  await finish(b);
  // Reopened, each tab's History holds both.
  await b.reload();
  await openApp(b, env.server.url);
  await tap(b, 'today.progress');
  const history = await waitScreen(b, 'history');
  for (const id of both) assert.ok(history.items.some((i) => i.id === `history.session.${id}`), `History lists ${id}`);
  const final = await storedSessions(b);
  assert.equal(Object.keys(final).length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});
