// bench_progress: ten years of daily sessions (11,000 stored records) in the browser: how
// long the app takes to read them from IndexedDB and into its progress model, and how long
// saving one session takes (one strict-durability transaction). Prints figures; not a test.
//
//   node tools/bench_progress.mjs [sessions]     (after tools/build.sh web)
import { launchBrowser, serveDist, openPage, waitForFirstFrame, layout } from '../tests/e2e/harness.mjs';

const count = Number(process.argv[2] || 11000);
const kRuns = 5;

// A stored record in the app's format (core/progress.h, version 2), three a day going back.
function seedScript(n) {
  return `(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const req = indexedDB.open('steady-back', 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const s of ['sessions', 'checks', 'adjustments', 'prefs']) db.createObjectStore(s);
      const store = req.transaction.objectStore('sessions');
      const now = Date.now();
      const ids = ['knee-to-chest', 'pelvic-tilt', 'lying-knee-rolls', 'draw-in'];
      for (let i = 0; i < ${n}; i++) {
        const start = now - i * 28800000;  // three a day: 11,000 is ten years
        const id = 's-' + start + '-' + i.toString(16).padStart(4, '0');
        const items = ids.map((ex, k) => ({ exercise: ex, outcome: 'done', sets: 1 + (k % 3), reps: 6 + k, hold_s: 5 * (k + 1) }));
        store.put(JSON.stringify({ v: 2, id, start, tz: -60, active_s: 300 + (i % 60),
          programme: 'gentle-start', programme_name: 'Gentle start', items, pain_before: i % 5, pain_after: (i + 2) % 5,
          difficulty: 'right', finished: true }), id);
      }
    };
    req.onsuccess = () => req.result.close();
  })();`;
}

function stats(list) {
  const s = [...list].sort((a, b) => a - b);
  return { median: s[s.length >> 1], min: s[0], max: s.at(-1) };
}

const browser = await launchBrowser();
const server = await serveDist();
const loads = [];
const reads = [];
const parses = [];
const saves = [];
try {
  for (let run = 0; run < kRuns; run++) {
    const { context, page, problems } = await openPage(browser, { width: 390, height: 844 });
    await context.addInitScript(seedScript(count));
    await page.goto(server.url);
    await waitForFirstFrame(page, 60000);
    // The first visit seeds the database (the app's own open waits for that); the reload is
    // the measured one (a warm profile).
    await page.waitForFunction(() => window.steadyStorage.timings.parseMs !== undefined, null, { timeout: 120000 });
    await page.reload();
    await waitForFirstFrame(page, 60000);
    await page.waitForFunction(() => window.steadyStorage.timings.parseMs !== undefined, null, { timeout: 60000 });
    const t = await page.evaluate(() => window.steadyStorage.timings);
    if (t.sessions !== count) throw new Error(`loaded ${t.sessions} sessions, expected ${count}`);
    reads.push(t.readMs);
    parses.push(t.parseMs);
    loads.push(t.readMs + t.parseMs);
    // Saving: one session record, as the app writes it at the end of a session.
    const record = await page.evaluate(() => new Promise((resolve) => {
      const tx = indexedDB.open('steady-back');
      tx.onsuccess = () => {
        const db = tx.result;
        const get = db.transaction(['sessions']).objectStore('sessions').getAllKeys(null, 1);
        get.onsuccess = () => {
          const g = db.transaction(['sessions']).objectStore('sessions').get(get.result[0]);
          g.onsuccess = () => { db.close(); resolve(g.result); };
        };
      };
    }));
    for (let i = 0; i < 10; i++) {
      const ms = await page.evaluate(async (text) => {
        const s = window.steadyStorage;
        const key = 's-bench-' + Math.random().toString(16).slice(2);
        const before = s.timings.lastWriteMs;
        s.timings.lastWriteMs = undefined;
        s.put('sessions', key, text.replace(/"id":"[^"]+"/, `"id":"${key}"`));
        while (s.timings.lastWriteMs === undefined) await new Promise((r) => setTimeout(r, 1));
        void before;
        return s.timings.lastWriteMs;
      }, record);
      saves.push(ms);
    }
    const lay = await layout(page);
    if (!lay) throw new Error('no layout');
    if (problems.length) console.log('problems:', problems.join('\n'));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const f = (x) => x.toFixed(1).padStart(7);
const row = (name, list, budget) => {
  const s = stats(list);
  console.log(`${name.padEnd(44)} ${f(s.median)} ${f(s.min)} ${f(s.max)}   ${budget ? (s.median <= budget ? 'PASS' : 'FAIL') + ` (budget ${budget} ms)` : ''}`);
};
console.log(`\nProgress with ${count} stored sessions, ${kRuns} reloads (ms)      median     min     max`);
row('read from IndexedDB (getAll of every store)', reads);
row('parse into the progress model (wasm)', parses);
row('load in all', loads, 100);
row(`save one session (strict transaction, ${saves.length} saves)`, saves, 20);
