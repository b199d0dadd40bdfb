// security: outside text never runs as code. With the page's Content-Security-Policy in force
// (checked first: an injected inline script is refused and reported), script and markup
// payloads come in through clinic.json (name and contact line: welcome and Today, the page
// title, the print view) and through a backup file (programme names and notes: History, the
// print view, the clinician's CSV). Nothing may run (no dialog, no global flag, no console
// error from them), and the text must appear exactly as written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  launchBrowser, serveDist, openPage, waitForFirstFrame, waitScreen, layout, layoutItem, tap, saveScreenshot,
} from './harness.mjs';

const overlay = {};
const env = { browser: null, server: null, tmp: null };

before(async () => {
  env.browser = await launchBrowser();
  env.server = await serveDist({ overlay });
  env.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-security-'));
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
  fs.rmSync(env.tmp, { recursive: true, force: true });
});

// Each payload sets window.__pwned (or opens a dialog) if it ever runs.
const kName = '<img src=x onerror=__pwned=1>"><svg onload=alert(2)>';  // 49 characters: fits a name
const kContact = '<script>__pwned=3</script> javascript:alert(4) <b>bold</b>';
const kProgramme = '"><svg onload=__pwned=5><script>alert(6)</script>';
const kNote = '<img src=x onerror="__pwned=7"> <a href="javascript:alert(8)">link</a>';

// Opens the app with a watch on dialogs and on anything the payloads could set.
async function openWatched(options = { width: 390, height: 844, dpr: 2, mobile: true }) {
  const opened = await openPage(env.browser, options);
  opened.dialogs = [];
  opened.page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await opened.page.goto(env.server.url);
  await waitForFirstFrame(opened.page);
  return opened;
}

async function assertNothingRan(opened, what) {
  const { page, dialogs, problems } = opened;
  assert.deepEqual(dialogs, [], `${what}: no dialog opened`);
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', `${what}: no payload ran`);
  assert.deepEqual(problems, [], `${what}: no console error`);
}

// The print view, built without opening the print dialog.
async function printView(page) {
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await tap(page, 'history.print');
  await page.waitForFunction(() => window.__printed >= 1 && document.getElementById('print-view'));
  return page.evaluate(() => {
    const view = document.getElementById('print-view');
    return {
      text: view.textContent,
      clinic: view.querySelector('.print-clinic')?.textContent ?? null,
      cells: [...view.querySelectorAll('td')].map((td) => td.textContent),
      // Elements a payload could have made: anything but the view's own kinds.
      foreign: [...view.querySelectorAll('*')].map((el) => el.localName)
        .filter((n) => !['section', 'h1', 'h2', 'p', 'dl', 'div', 'dt', 'dd', 'svg', 'line', 'text', 'polyline',
          'table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(n)),
      handlers: [...view.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    };
  });
}

async function openHistory(page) {
  if ((await layout(page))?.screen === 'welcome') {
    await tap(page, 'welcome.start');
    await waitScreen(page, 'today');
  }
  await tap(page, 'today.progress');
  return waitScreen(page, 'history');
}

test('the Content-Security-Policy is in force: an injected inline script is refused', async () => {
  overlay['clinic.json'] = undefined;
  delete overlay['clinic.json'];
  const opened = await openWatched();
  const { page } = opened;
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  const violation = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve({ directive: e.effectiveDirective, blocked: e.blockedURI }),
      { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = "inline";';
    document.body.appendChild(s);
  }));
  assert.equal(violation.directive, 'script-src-elem');
  assert.equal(violation.blocked, 'inline');
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
  // The refusal is the one console error expected here.
  assert.ok(opened.problems.every((p) => /Content Security Policy/.test(p)), opened.problems.join('\n'));
  await opened.context.close();
});

test('markup in clinic.json is shown as text: welcome, Today, page title, print view', { timeout: 90000 }, async () => {
  overlay['clinic.json'] = JSON.stringify({ schema: 1, name: kName, contact: kContact });
  const opened = await openWatched();
  const { page } = opened;
  // The clinic's file may arrive just after the first frame: the name then appears a frame later.
  await page.waitForFunction(() => window.__steady?.layout?.items.some((it) => it.id === 'welcome.brand.name'),
    null, { timeout: 5000 }).catch(() => {});
  const welcome = await layout(page);
  const name = layoutItem(welcome, 'welcome.brand.name');
  assert.ok(name && !name.clipped, 'the name is drawn (as text, on the canvas)');
  assert.equal(await page.title(), `${kName} – exercises with Steady Back`, 'the title holds the text exactly');
  await saveScreenshot(page, 'security-clinic-welcome');
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  // The contact line sits at the end of Today's list: scroll there (a tap could land on the
  // fixed Start button that lies over the list's bottom edge).
  await page.mouse.move(160, 300);
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(400);
  assert.ok(layoutItem(await layout(page), 'today.contact'), 'the contact line is drawn');
  await saveScreenshot(page, 'security-clinic-today');
  await openHistory(page);
  const view = await printView(page);
  assert.equal(view.clinic, `${kName}  ·  ${kContact}`, 'the print view holds the text exactly');
  assert.deepEqual(view.foreign, []);
  assert.equal(view.handlers, 0);
  const live = await page.evaluate(() => document.getElementById('live').children.length);
  assert.equal(live, 0, 'the aria-live region holds text only');
  await page.waitForTimeout(500);
  await assertNothingRan(opened, 'clinic.json');
  await opened.context.close();
});

test('markup in a backup file is shown as text: History, print view, CSV', { timeout: 90000 }, async () => {
  delete overlay['clinic.json'];
  const start = Date.now() - 26 * 3600 * 1000;
  const backup = {
    app: 'steady-back', kind: 'backup', version: 1, exported: Date.now(),
    sessions: [{
      v: 2, id: 's-payload', start, tz: 0, active_s: 120, programme: 'gentle-start', programme_name: kProgramme,
      items: [{ exercise: 'knee-to-chest', outcome: 'done', sets: 1, reps: 5, hold_s: 20 }],
      pain_before: 3, pain_after: 2, difficulty: 'right', note: kNote, finished: true,
    }],
    checks: [], adjustments: [], unreadable: [],
  };
  const file = path.join(env.tmp, 'payload-backup.json');
  fs.writeFileSync(file, JSON.stringify(backup));
  const opened = await openWatched();
  const { page } = opened;
  await openHistory(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'history.import')]);
  await chooser.setFiles(file);
  await page.waitForFunction(() => document.getElementById('live').textContent === 'Backup restored.');
  const history = await layout(page);
  assert.ok(history.items.some((i) => i.id.startsWith('history.session.')), 'the imported session is listed');
  await saveScreenshot(page, 'security-backup-history');

  const view = await printView(page);
  assert.ok(view.cells.includes(kProgramme), 'the programme name is in the print view exactly');
  assert.deepEqual(view.foreign, []);
  assert.equal(view.handlers, 0);

  const [csv] = await Promise.all([page.waitForEvent('download'), tap(page, 'history.export_csv')]);
  const csvFile = path.join(env.tmp, 'payload.csv');
  await csv.saveAs(csvFile);
  const text = fs.readFileSync(csvFile, 'utf8');
  // CSV quotes a field with a quote or comma in it and doubles its quotes.
  const quoted = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  assert.ok(text.includes(quoted(kProgramme)), 'the programme name is in the CSV exactly');
  assert.ok(text.includes(quoted(kNote)), 'the note is in the CSV exactly');
  await page.waitForTimeout(500);
  await assertNothingRan(opened, 'backup');
  await opened.context.close();
});

test('no page script writes outside text as HTML', () => {
  const web = path.join(path.dirname(new URL(import.meta.url).pathname), '../../web');
  for (const name of fs.readdirSync(web).filter((n) => n.endsWith('.js'))) {
    const code = fs.readFileSync(path.join(web, name), 'utf8');
    assert.doesNotMatch(code, /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|eval\(|new Function/, name);
  }
});
