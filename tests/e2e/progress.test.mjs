// Progress kept in the browser: a finished session is on disk the moment the summary shows
// (closing the page right then loses nothing), History shows it after a reload, a backup
// exported from one profile restores the same history in a fresh one (twice changes
// nothing), bad files are refused without touching anything, databases of the first and
// second versions move into weekly buckets losing nothing (first-format records still read,
// a damaged record is kept aside and reported), and with IndexedDB blocked the app says so
// and still runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  openPage, waitForFirstFrame, layout, saveScreenshot, useBrowserAndServer, tap, waitScreen, startSession, storedRecords,
} from './harness.mjs';

const env = useBrowserAndServer(before, after);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-progress-'));

async function openToday(page) {
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  await page.waitForFunction(() => window.steadyStorage.status() !== 0);
  await tap(page, 'welcome.start');
  return waitScreen(page, 'today');
}

async function openHistory(page) {
  await openToday(page);
  await tap(page, 'today.progress');
  return waitScreen(page, 'history');
}

// The session ids History lists under "Recent sessions".
function listedSessions(lay) {
  return lay.items.filter((i) => /^history\.session\.s-/.test(i.id)).map((i) => i.id.slice('history.session.'.length)).sort();
}


// Typed on the summary: markup and quotes must stay plain text everywhere.
const kNote = 'Stiff after <b>gardening</b> & "digging"';

let sessionId = '';
let backupFile = '';
let shared = null;  // the profile that did a session

test('a finished session is kept: closing the page right away loses nothing, History shows it', { timeout: 180000 }, async () => {
  shared = await openPage(env.browser, { width: 390, height: 844, dpr: 1, mobile: true });
  const { context, page, problems } = shared;
  await openToday(page);
  await tap(page, 'today.programmes');
  await waitScreen(page, 'programmes');
  await tap(page, 'programmes.card.taster');
  await waitScreen(page, 'today');
  await startSession(page, 3);
  const cues = await page.waitForFunction(() => window.__steady.cues?.length && window.__steady.cues).then((h) => h.jsonValue());
  await waitScreen(page, 'summary', cues.at(-1).t - cues[0].t + 20000);
  // Close the page the moment the summary shows, then open the app again in the same profile.
  await page.close();
  const page2 = await context.newPage();
  page2.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  const sessions = await storedRecords(await (async () => { await page2.goto(env.server.url); return page2; })(), 'sessions');
  const ids = Object.keys(sessions);
  assert.equal(ids.length, 1, 'the session was on disk before the page closed');
  sessionId = ids[0];
  const log = JSON.parse(sessions[sessionId]);
  assert.equal(log.programme, 'taster');
  assert.equal(log.pain_before, 3);
  assert.equal(log.finished, true);
  assert.ok(log.items.every((i) => i.outcome === 'done'), JSON.stringify(log.items));
  const history = await openHistory(page2);
  assert.deepEqual(listedSessions(history), [sessionId]);
  await saveScreenshot(page2, 'history-phone-390x844');
  shared.page = page2;
  assert.deepEqual(problems, []);
});

test('pain after and difficulty are saved with the session and survive a reload', { timeout: 120000 }, async () => {
  const { page, problems } = shared;
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await startSession(page, 4);
  const cues = await page.waitForFunction(() => window.__steady.cues?.length && window.__steady.cues).then((h) => h.jsonValue());
  await waitScreen(page, 'summary', cues.at(-1).t - cues[0].t + 20000);
  // Each answer is saved as soon as it is given: wait for it to be on disk before the next.
  const savedWith = async (re) => {
    for (let i = 0; i < 50; i++) {
      const texts = Object.values(await storedRecords(page, 'sessions'));
      if (texts.some((t) => re.test(t))) return true;
      await page.waitForTimeout(100);
    }
    return false;
  };
  await tap(page, 'summary.pain.2');
  if (!(await savedWith(/"pain_after":2/))) await tap(page, 'summary.pain.2');
  assert.ok(await savedWith(/"pain_after":2/), 'the pain after the session is saved');
  await tap(page, 'summary.hard');
  if (!(await savedWith(/"difficulty":"hard"/))) await tap(page, 'summary.hard');
  assert.ok(await savedWith(/"difficulty":"hard"/), 'how it felt is saved');
  // The note: a real text box over the summary's field, typed into like any page's.
  await tap(page, 'summary.note');
  const box = await page.evaluate(() => {
    const el = document.getElementById('note');
    const r = el.getBoundingClientRect();
    const slot = window.__steady.layout.items.find((i) => i.id === 'summary.note');
    return { focused: document.activeElement === el, tag: el.tagName, max: el.maxLength, label: el.getAttribute('aria-label'),
      dx: Math.abs(r.x - slot.x), dy: Math.abs(r.y - slot.y), dw: Math.abs(r.width - slot.w) };
  });
  assert.deepEqual({ ...box, dx: box.dx < 1, dy: box.dy < 1, dw: box.dw < 1 },
    { focused: true, tag: 'TEXTAREA', max: 500, label: 'A note for yourself (optional)', dx: true, dy: true, dw: true });
  await page.keyboard.type(kNote);
  assert.ok(await savedWith(/"note":"Stiff after <b>gardening<\/b>/), 'the note is saved once typing pauses');
  await saveScreenshot(page, 'summary-note-phone');
  const sessions = await storedRecords(page, 'sessions');
  const second = Object.entries(sessions).find(([k]) => k !== sessionId);
  assert.ok(second, 'the second session is stored');
  const log = JSON.parse(second[1]);
  assert.equal(log.pain_before, 4);
  assert.equal(log.pain_after, 2);
  assert.equal(log.difficulty, 'hard');
  assert.equal(log.note, kNote);
  const history = await openHistory(page);
  assert.equal(listedSessions(history).length, 2);
  assert.ok(history.items.some((i) => i.id === `history.session_note.${second[0]}`), 'History shows the note');
  assert.equal(await page.evaluate(() => document.getElementById('note')?.hidden ?? true), true, 'no text box outside the summary');
  assert.ok(history.items.some((i) => i.id === 'history.pain_chart'), 'the pain chart shows the ratings');
  assert.ok(history.items.some((i) => i.id.startsWith('history.day.')), 'today is marked done on the calendar');
  assert.deepEqual(problems, []);
});

test('a backup exported from one profile restores the same history in a fresh one', { timeout: 60000 }, async () => {
  const { page } = shared;
  const before = await openHistory(page);
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'history.export')]);
  backupFile = path.join(tmp, download.suggestedFilename());
  await download.saveAs(backupFile);
  assert.match(path.basename(backupFile), /^steady-back-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(fs.readFileSync(backupFile, 'utf8'));
  assert.equal(backup.app, 'steady-back');
  assert.equal(backup.sessions.length, 2);
  assert.equal(backup.sessions.filter((s) => s.note === kNote).length, 1, 'the note is in the backup');
  const [csv] = await Promise.all([page.waitForEvent('download'), tap(page, 'history.export_csv')]);
  const csvFile = path.join(tmp, csv.suggestedFilename());
  await csv.saveAs(csvFile);
  const rows = fs.readFileSync(csvFile, 'utf8').trim().split('\r\n');
  assert.match(rows[0], /^date,time,programme,exercise,outcome,/);
  assert.ok(rows.length >= 3, 'a row per exercise of each session');
  assert.ok(rows.some((r) => r.endsWith(',"Stiff after <b>gardening</b> & ""digging"""')), 'the note is in the CSV');

  const fresh = await openPage(env.browser, { width: 390, height: 844, dpr: 1, mobile: true });
  const empty = await openHistory(fresh.page);
  assert.deepEqual(listedSessions(empty), []);
  for (let round = 0; round < 2; round++) {
    const [chooser] = await Promise.all([fresh.page.waitForEvent('filechooser'), tap(fresh.page, 'history.import')]);
    await chooser.setFiles(backupFile);
    await fresh.page.waitForFunction((n) => window.__steady.layout.items.some((i) => i.id === 'history.notice.0') &&
      document.getElementById('live').textContent === 'Backup restored.', round);
    await fresh.page.evaluate(() => { document.getElementById('live').textContent = ''; });
  }
  const restored = await layout(fresh.page);
  assert.deepEqual(listedSessions(restored), listedSessions(before));
  // Full fidelity: the fresh profile's own backup holds the same records.
  const [again] = await Promise.all([fresh.page.waitForEvent('download'), tap(fresh.page, 'history.export')]);
  const againFile = path.join(tmp, 'again.json');
  await again.saveAs(againFile);
  const copy = JSON.parse(fs.readFileSync(againFile, 'utf8'));
  assert.deepEqual(copy.sessions, backup.sessions, 'importing twice added nothing twice');
  // And it survives a reload there too.
  await fresh.page.reload();
  assert.equal(Object.keys(await storedRecords(fresh.page, 'sessions')).length, 2);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
});

test('bad backup files are refused in plain words and change nothing', { timeout: 60000 }, async () => {
  const { page } = shared;
  await openHistory(page);
  const good = fs.readFileSync(backupFile, 'utf8');
  const cases = [
    ['truncated.json', good.slice(0, good.length / 2), /damaged or incomplete/],
    ['foreign.json', '{"hello": "world"}', /not a Steady Back backup/],
    ['future.json', good.replace('"version":1', '"version":9'), /newer version/],
    ['duplicate.json', good.replace(/"id":"(s-[^"]+)"([\s\S]*)"id":"s-[^"]+"/, '"id":"$1"$2"id":"$1"'), /same record twice/],
  ];
  const storedBefore = await storedRecords(page, 'sessions');
  for (const [name, text, words] of cases) {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text);
    await page.evaluate(() => { document.getElementById('live').textContent = ''; });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'history.import')]);
    await chooser.setFiles(file);
    await page.waitForFunction(() => /Your progress is unchanged/.test(document.getElementById('live').textContent));
    const said = await page.evaluate(() => document.getElementById('live').textContent);
    assert.match(said, words, `${name}: ${said}`);
    await saveScreenshot(page, `history-import-${path.basename(name, '.json')}`);
    const notice = await page.evaluate(() => window.__steady.layout.items.find((i) => i.id === 'history.notice.0'));
    assert.ok(notice, `${name}: a notice is shown on the screen too`);
  }
  assert.deepEqual(await storedRecords(page, 'sessions'), storedBefore, 'nothing stored changed');
});

test('the print view is built from text, with the chart and a row per session', { timeout: 30000 }, async () => {
  const { page, problems } = shared;
  await openHistory(page);
  await tap(page, 'history.print');
  await page.waitForSelector('#print-view table', { state: 'attached' });
  const view = await page.evaluate(() => ({
    title: document.querySelector('#print-view h1').textContent,
    rows: document.querySelectorAll('#print-view tbody tr').length,
    chart: !!document.querySelector('#print-view svg polyline'),
    note: [...document.querySelectorAll('#print-view td')].some((td) => td.textContent === 'Stiff after <b>gardening</b> & "digging"'),
    markup: document.querySelectorAll('#print-view b').length,
  }));
  assert.equal(view.note, true, 'the note is a cell of the table, as text');
  assert.equal(view.markup, 0, 'never as markup');
  assert.equal(view.title, 'Steady Back: progress summary');
  assert.equal(view.rows, 2);
  assert.ok(view.chart);
  await page.emulateMedia({ media: 'print' });
  await saveScreenshot(page, 'history-print-view');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
  await shared.context.close();
});

// Seeds a database of an older version (1 or 2) before the app starts, as an older app
// would have left it: one record a key in "sessions".
function seedOldDatabase(context, version, sessions, extra = {}) {
  return context.addInitScript(([v, records, more]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const req = indexedDB.open('steady-back', v);
    req.onupgradeneeded = () => {
      const db = req.result;
      const store = db.createObjectStore('sessions');
      for (const [key, text] of records) store.put(text, key);
      if (v >= 2) {
        for (const name of ['checks', 'adjustments', 'prefs']) {
          const s = db.createObjectStore(name);
          for (const [key, text] of more[name] || []) s.put(text, key);
        }
      }
    };
    req.onsuccess = () => req.result.close();
  }, [version, sessions, extra]);
}

// A session record of the second format, as the app writes it.
function sessionText(id, start, extra = {}) {
  return JSON.stringify({ v: 2, id, start, tz: -60, active_s: 300, programme: 'gentle-start', programme_name: 'Gentle start',
    items: [{ exercise: 'knee-to-chest', outcome: 'done', sets: 1, reps: 6, hold_s: 30 }], pain_before: 3, ...extra, finished: true });
}

async function weekKeys(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('steady-back');
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction(['weeks']).objectStore('weeks').getAllKeys();
      get.onsuccess = () => { resolve({ keys: get.result, version: db.version, stores: [...db.objectStoreNames] }); db.close(); };
    };
  }));
}

test('a version-1 database moves into weeks: first-format records still show, a damaged record is kept and reported', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1 });
  await seedOldDatabase(context, 1, [
    ['s-old', JSON.stringify({ v: 1, id: 's-old', start: Date.now() - 86400000, programme: 'gentle-start',
      done: ['knee-to-chest', 'pelvic-tilt'], skipped: [], pain: 3 })],
    ['s-broken', '{"v":2,"id":"s-broken","start":'],
  ]);
  const history = await openHistory(page);
  assert.deepEqual(listedSessions(history), ['s-old']);
  assert.ok(history.items.some((i) => i.id === 'history.notice.0'), 'the unreadable record is reported');
  const weeks = await weekKeys(page);
  assert.equal(weeks.version, 3);
  assert.ok(!weeks.stores.includes('sessions'), 'the old store is gone once its records moved');
  assert.equal(weeks.keys.length, 1);
  assert.match(weeks.keys[0], /^\d{4}-W\d{2}$/);
  assert.deepEqual(Object.keys(await storedRecords(page, 'sessions')), ['s-old']);
  const aside = await storedRecords(page, 'sessions_aside');
  assert.deepEqual(aside, { 's-broken': '{"v":2,"id":"s-broken","start":' }, 'the damaged record is kept as it was');
  // The backup carries it too, so nothing is lost by moving devices.
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'history.export')]);
  const file = path.join(tmp, 'v1-backup.json');
  await download.saveAs(file);
  const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(backup.sessions.length, 1);
  assert.equal(backup.unreadable[0].text, '{"v":2,"id":"s-broken","start":');
  assert.ok(problems.every((p) => /could not be read and is kept/.test(p)), problems.join('\n'));
  await context.close();
});

test('a version-2 database moves into weeks with every session, check, change and setting', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1 });
  const now = Date.now();
  const sessions = [];
  // Twelve sessions over six weeks, two of them on one day, and one with a note.
  for (let i = 0; i < 12; i++) {
    const id = `s-${now - i * 3.5 * 86400000}-${i}`;
    sessions.push([id, sessionText(id, Math.round(now - i * 3.5 * 86400000), i === 0 ? { note: 'Moved from v2' } : {})]);
  }
  sessions.push(['s-same-day', sessionText('s-same-day', now - 3600000)]);
  sessions.push(['s-elsewhere', sessionText('s-other-id', now - 7200000)]);
  const today = new Date(now - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  await seedOldDatabase(context, 2, sessions, {
    checks: [[today, JSON.stringify({ v: 2, day: today, worse: false, at: now - 1000 })]],
    adjustments: [['pelvic-tilt', JSON.stringify({ v: 2, exercise: 'pelvic-tilt', kind: 'lower-dose', at: now - 5000 })]],
    prefs: [['settings', JSON.stringify({ v: 1, sound: false })]],
  });
  const history = await openHistory(page);
  const stored = await storedRecords(page, 'sessions');
  assert.equal(Object.keys(stored).length, 13, 'every readable session moved into a week');
  const ids = sessions.map(([k]) => k).filter((k) => k !== 's-elsewhere').sort();
  assert.deepEqual(Object.keys(stored).sort(), ids);
  for (const [key, text] of sessions) if (stored[key]) assert.equal(stored[key], text, `${key} is kept byte for byte`);
  const weeks = await weekKeys(page);
  assert.ok(weeks.keys.length >= 6 && weeks.keys.length <= 8, `sessions over six weeks: ${weeks.keys}`);
  assert.deepEqual(await storedRecords(page, 'sessions_aside'), { 's-elsewhere': sessions.at(-1)[1] });
  assert.equal(Object.keys(await storedRecords(page, 'checks')).length, 1);
  assert.equal(Object.keys(await storedRecords(page, 'adjustments')).length, 1);
  assert.equal(Object.keys(await storedRecords(page, 'prefs')).length, 1);
  // History lists the ten most recent; the total counts them all.
  assert.equal(listedSessions(history).length, 10);
  assert.ok(history.items.some((i) => i.id === 'history.notice.0'), 'the record stored under another id is reported');
  const total = await page.evaluate(() => window.steadyStorage.timings.sessions);
  assert.equal(total, 13);
  assert.ok(problems.every((p) => /could not be read and is kept/.test(p)), problems.join('\n'));
  await context.close();
});

test('with IndexedDB blocked the app says so before a session and still runs', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1 });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const today = await openToday(page);
  assert.ok(today.items.some((i) => i.id === 'today.storage'), 'Today warns that progress cannot be kept');
  await saveScreenshot(page, 'today-storage-blocked');
  await startSession(page);
  await page.waitForFunction(() => window.__steady.layout.items.some((i) => i.id === 'player.count'));
  assert.deepEqual(problems, []);
  await context.close();
});
