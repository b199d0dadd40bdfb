// bench_progress: ten years of daily sessions (11,000 stored records) in the browser: how
// long the app takes to read them from IndexedDB and into its progress model, and how long
// saving one session takes (its week read and written back in one strict-durability
// transaction). Prints figures (median of several reloads); not a test.
//
//   node tools/bench_progress.mjs [sessions]     (after tools/build.sh web)
import { launchBrowser, serveDist, openPage, waitForFirstFrame, layout } from '../tests/e2e/harness.mjs';

const count = Number(process.argv[2] || 11000);
const kRuns = 5;

// Stored sessions as the app writes them (core/progress.h, to_stored_line), three a day going
// back, kept as the app keeps them (web/storage.js, database version 3): one value per local
// ISO week holding that week's sessions, one a line.
function seedScript(n) {
  return `(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const kDay = 86400000;
    const weekKey = (start, tz) => {
      const day = Math.floor((start - tz * 60000) / kDay);
      const thursday = day - (((day + 3) % 7) + 7) % 7 + 3;
      const year = new Date(thursday * kDay).getUTCFullYear();
      const week = Math.floor((thursday - Date.UTC(year, 0, 1) / kDay) / 7) + 1;
      return year + '-W' + String(week).padStart(2, '0');
    };
    const req = indexedDB.open('steady-back', 3);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const s of ['weeks', 'sessions_aside', 'checks', 'adjustments', 'prefs']) db.createObjectStore(s);
      const weeks = new Map();
      const now = Date.now();
      const ids = ['knee-to-chest', 'pelvic-tilt', 'lying-knee-rolls', 'draw-in'];
      for (let i = 0; i < ${n}; i++) {
        const start = now - i * 28800000;  // three a day: 11,000 is ten years
        const id = 's-' + start + '-' + i.toString(16).padStart(4, '0');
        // [3, id, start, tz, active_s, programme, name, [[exercise, outcome, sets, reps, hold_s, pain]],
        //  pain before, pain after, difficulty, finished]: outcome 2 = done, difficulty 2 = right.
        const items = ids.map((ex, k) => [ex, 2, 1 + (k % 3), 6 + k, 5 * (k + 1), -1]);
        const text = JSON.stringify([3, id, start, -60, 300 + (i % 60), 'gentle-start', 'Gentle start', items,
          i % 5, (i + 2) % 5, 2, 1]);
        const w = weekKey(start, -60);
        if (!weeks.has(w)) weeks.set(w, []);
        weeks.get(w).push(text);
      }
      const store = req.transaction.objectStore('weeks');
      for (const [w, lines] of weeks) store.put(lines.join('\\n'), w);
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
const startLoads = [];
const reads = [];
const parses = [];
const saves = [];
const encodes = [];
const idleReads = [];
let bytes = 0;
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
    encodes.push(t.encodeMs);
    bytes = t.lineBytes;
    parses.push(t.parseMs);
    startLoads.push(t.readMs + t.parseMs);
    // The same read again with the page idle: what IndexedDB itself costs, without the app's
    // start-up (wasm instantiation, fonts) holding up its callbacks as on a reload.
    idleReads.push(await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      const open = indexedDB.open('steady-back');
      open.onsuccess = () => {
        const db = open.result;
        const stores = [...db.objectStoreNames];
        const tx = db.transaction(stores);
        const lines = [];
        for (const name of stores) {
          const keys = tx.objectStore(name).getAllKeys();
          const values = tx.objectStore(name).getAll();
          values.onsuccess = () => {
            if (name === 'weeks') values.result.forEach((v, i) => lines.push('#' + keys.result[i], v));
          };
        }
        tx.oncomplete = () => {
          const text = lines.join('\n');
          db.close();
          resolve(text.length > 0 ? performance.now() - t0 : -1);
        };
      };
    })));
    // The cost of loading: IndexedDB's read on its own plus the hand-over and parse in wasm.
    loads.push(idleReads.at(-1) + t.parseMs);
    // Saving: one session into this week's value (read, line added, written back in one
    // strict transaction), as the app does at the end of a session.
    const record = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('steady-back');
      open.onsuccess = () => {
        const db = open.result;
        const get = db.transaction(['weeks']).objectStore('weeks').getAll(null, 1);
        get.onsuccess = () => { db.close(); resolve(get.result[0].split('\n')[0]); };
      };
    }));
    for (let i = 0; i < 10; i++) {
      const ms = await page.evaluate(async ([text, n]) => {
        const s = window.steadyStorage;
        const id = 's-' + Date.now() + '-bench' + n;
        s.timings.lastWriteMs = undefined;
        const start = Date.now();
        const line = JSON.parse(text);
        line[1] = id;
        line[2] = start;
        s.putSession(id, start, 0, JSON.stringify(line));
        while (s.timings.lastWriteMs === undefined) await new Promise((r) => setTimeout(r, 1));
        return s.timings.lastWriteMs;
      }, [record, i]);
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
row('read from IndexedDB at start-up (getAll of the weeks and other stores)', reads);
row('  the same read with the page idle (open included)', idleReads);
row('hand over and parse into the progress model (wasm)', parses);
row(`  of which the hand-over (${(bytes / 1048576).toFixed(1)} MiB of UTF-8)`, encodes);
row('load in all (idle read + hand-over and parse)', loads, 100);
// On a reload the read starts with the page and its callbacks wait behind the app's own
// start-up (wasm instantiation, SDL, fonts), so its elapsed time is longer than its cost.
row('  elapsed from the reload (overlaps the app\'s start-up)', startLoads);
row(`save one session into its week (strict, ${saves.length} saves)`, saves, 20);
