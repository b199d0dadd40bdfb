// Soak: 50 sessions in a row in one page, as someone using the app daily for weeks without
// ever reloading it. Each session is the Quick taster (the smallest programme shipped),
// skipped through to its summary, rated, and finished. Nothing goes wrong on the console,
// the wasm heap after session 50 stays within a stated bound of the heap after session 1,
// and all 50 sessions are kept: in IndexedDB, and in the app after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, layout, useBrowserAndServer, tap, waitScreen, startSession, chooseTaster, waitForFirstFrame, storedRecords,
} from './harness.mjs';

const env = useBrowserAndServer(before, after);

const kSessions = 50;
// The malloc heap's top may rise by this much over 49 more sessions: 50 session logs are a
// few tens of KiB; the rest is slack for the allocator's free lists.
const kHeapTopGrowthMax = 1 << 20;  // 1 MiB

// Taps id until the app shows screen: on a busy machine a quick click can fall within one
// frame, and the app then sees no press.
async function tapUntil(page, id, screen) {
  for (let i = 0; i < 4; i++) {
    await tap(page, id).catch(() => {});
    try {
      return await waitScreen(page, screen, 3000);
    } catch { /* not yet: tap again */ }
  }
  return waitScreen(page, screen);
}

async function heap(page) {
  return page.evaluate(() => ({ bytes: window.__steady.heap_bytes, top: window.__steady.heap_top }));
}

// Sessions stored in IndexedDB, counted by id (harness storedRecords reads every week).
async function storedCount(page) {
  return Object.keys(await storedRecords(page, 'sessions')).length;
}

test(`${kSessions} sessions in a row: no error, a bounded heap, every session kept`, { timeout: 420000 }, async (t) => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1, mobile: true });
  await chooseTaster(page, env.server.url);
  let first = null;
  const started = Date.now();
  for (let n = 1; n <= kSessions; n++) {
    await startSession(page);
    for (let i = 0; i < 12 && (await layout(page)).screen !== 'summary'; i++) {
      await tap(page, 'player.next').catch(() => {});  // the summary may come between look and tap
      await page.waitForTimeout(80);
    }
    await waitScreen(page, 'summary');
    await tap(page, `summary.pain.${n % 11}`);
    await page.waitForFunction(() => window.steadyStorage.pending() === 0);
    await tapUntil(page, 'summary.finish', 'today');
    if (n === 1) first = await heap(page);
  }
  const last = await heap(page);
  t.diagnostic(`${kSessions} sessions in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  t.diagnostic(`wasm memory after session 1: ${first.bytes} bytes, after session ${kSessions}: ${last.bytes} bytes`);
  t.diagnostic(`malloc heap top after session 1: ${first.top}, after session ${kSessions}: ${last.top} (+${last.top - first.top} bytes; bound ${kHeapTopGrowthMax})`);
  assert.ok(last.top - first.top <= kHeapTopGrowthMax, `the heap grew by ${last.top - first.top} bytes`);
  assert.equal(last.bytes, first.bytes, 'the wasm memory did not have to grow');

  assert.equal(await storedCount(page), kSessions, 'every session is stored');
  await page.reload();
  await waitForFirstFrame(page);
  await page.waitForFunction(() => window.steadyStorage.timings.sessions !== undefined);
  assert.equal(await page.evaluate(() => window.steadyStorage.timings.sessions), kSessions, 'all of them load again');
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await tap(page, 'today.progress');
  const history = await waitScreen(page, 'history');
  assert.equal(history.items.filter((i) => /^history\.session\.s-/.test(i.id)).length, 10, 'History lists the ten most recent');
  assert.deepEqual(problems, []);
  await context.close();
});
