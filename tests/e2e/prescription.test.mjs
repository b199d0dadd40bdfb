// Prescription links in the app: a link opened in a fresh browser is confirmed, then becomes
// the programme Today plays and survives a reload (with its pain limit kept on the device);
// "Not now" keeps the programme the person had; every kind of bad link gets its own message
// and the library still works; the builder makes a link under 300 characters that decodes to
// what was built, whose QR code on screen reads back (zbarimg) as the same link, and whose
// handout holds the note, the exercises with key poses and the QR code; markup in a link's
// texts stays text everywhere it is shown and nothing in it runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  openPage, waitForFirstFrame, layout, layoutItem, saveScreenshot, kRoot, useBrowserAndServer, tap, waitScreen,
} from './harness.mjs';

const env = useBrowserAndServer(before, after);
const strings = JSON.parse(fs.readFileSync(path.join(kRoot, 'assets/strings.json'), 'utf8')).strings;
const kCli = path.join(kRoot, 'build/native/prescription_link');
const kPhone = { width: 390, height: 844, dpr: 3, mobile: true };

// A link made by the codec's command-line tool (tools/cli/prescription_link.cpp) for this server.
function makeLink(args) {
  return execFileSync(kCli, ['encode', '--base', env.server.url, ...args], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString().trim();
}

// What the codec reads back from a link, as the tool prints it.
function decodeLink(link) {
  return execFileSync(kCli, ['decode', link], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
}

// The exercise ids Today lists, in order.
function todayItems(lay) {
  return lay.items.filter((i) => /^today\.item\.[a-z0-9-]+$/.test(i.id)).sort((a, b) => a.y - b.y)
    .map((i) => i.id.slice('today.item.'.length));
}

async function liveText(page) {
  return page.textContent('#live');
}

async function storedSettings(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('steady-back');
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction(['prefs'], 'readonly').objectStore('prefs').get('settings');
      get.onsuccess = () => { db.close(); resolve(get.result ? JSON.parse(get.result) : null); };
      get.onerror = () => reject(get.error);
    };
    req.onerror = () => reject(req.error);
  }));
}

// Scrolls the screen's list by dy CSS px (the mouse wheel over the canvas's margin, beside
// any text field).
async function scrollBy(page, dy) {
  const viewport = page.viewportSize();
  await page.mouse.move(4, viewport.height / 2);
  for (let left = dy; Math.abs(left) > 0;) {
    const step = Math.sign(left) * Math.min(Math.abs(left), 600);
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(40);
    left -= step;
  }
  await page.waitForTimeout(150);
}

async function scrollToTop(page) {
  await scrollBy(page, -8000);
}

async function toToday(page) {
  if ((await layout(page))?.screen === 'welcome') {
    await tap(page, 'welcome.start');
  }
  return waitScreen(page, 'today');
}

// An independent writer of the version 1 layout (docs/PRESCRIPTION.md), to make links whose
// checksum is right but whose content is not: an exercise code the library lacks, a dosage
// out of range. items: [{ code, reps, sets, hold, moveIn, moveOut, restRep, restSet, perDay, days }].
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function writeV1({ title, clinic = '', note = '', pain = 5, items }) {
  const bits = [];
  const put = (value, width) => { for (let i = width - 1; i >= 0; i--) bits.push((value >> i) & 1); };
  const text = (t, width) => {
    const bytes = Buffer.from(t, 'utf8');
    put(bytes.length, width);
    for (const b of bytes) put(b, 8);
  };
  text(title, 6);
  text(clinic, 6);
  text(note, 9);
  put(pain, 4);
  put(0, 1);  // no review date
  put(items.length, 4);
  for (const it of items) {
    put(0, 1); put(it.code, 7);  // codes under 128: one group, no continuation
    put(it.reps, 6); put(0, 1);
    put(it.sets, 4); put(0, 1);
    put(it.hold, 12); put(0, 1);
    put(it.moveIn * 2, 6); put(it.moveOut * 2, 6);
    put(it.restRep, 10); put(it.restSet, 10);
    put(it.perDay, 3); put(it.days, 3);
  }
  while (bits.length % 8) bits.push(0);
  const body = [];
  for (let i = 0; i < bits.length; i += 8) body.push(parseInt(bits.slice(i, i + 8).join(''), 2));
  const length = body.length < 128 ? [body.length] : [(body.length & 0x7f) | 0x80, body.length >> 7];
  const data = [...length, ...body];
  const crc = crc32(data);
  data.push(crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff);
  return '1.' + Buffer.from(data).toString('base64url');
}

// draw-in's own dosage (no ranges), as the codec's tool writes it.
const kDrawIn = { code: 11, reps: 5, sets: 1, hold: 5, moveIn: 2, moveOut: 2, restRep: 5, restSet: 30, perDay: 1, days: 7 };

const kSix = ['knee-to-chest', 'cat-cow', 'pelvic-tilt', 'draw-in', 'bird-dog', 'glute-bridge'];

test('a link opened in a fresh browser is confirmed, becomes Today\'s programme and survives a reload', { timeout: 120000 }, async () => {
  const link = makeLink([...kSix, '--title', 'Week one at home', '--clinic', 'Riverside Physio',
    '--note', 'Gently, and stop if the pain spreads.', '--pain', '3', '--review', '2027-01-15']);
  const { context, page, problems } = await openPage(env.browser, kPhone);
  await page.goto(link);
  await waitForFirstFrame(page);
  let lay = await waitScreen(page, 'prescription');
  for (let i = 0; i < kSix.length; i++) assert.ok(layoutItem(lay, `prescription.item.${i}.name`), `exercise ${i + 1} listed`);
  assert.ok(layoutItem(lay, 'prescription.note'));
  assert.ok(layoutItem(lay, 'prescription.review'));
  assert.ok(layoutItem(lay, 'prescription.use'));
  assert.ok(layoutItem(lay, 'prescription.not_now'));
  const live = await liveText(page);
  assert.match(live, /Week one at home/);
  assert.match(live, /Riverside Physio/);
  assert.match(live, /stop if the pain spreads/);
  // The fragment is gone from the address bar: a reload does not ask again.
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.match(await page.title(), /Week one at home/);
  await saveScreenshot(page, 'prescription-confirm-phone-390x844');

  await page.waitForFunction(() => window.steadyStorage.status() !== 0);
  await tap(page, 'prescription.use');
  lay = await waitScreen(page, 'today');
  assert.deepEqual(todayItems(lay), kSix);
  await page.waitForFunction(() => document.getElementById('live').textContent.includes('Week one at home'));
  await saveScreenshot(page, 'prescription-today-phone-390x844');
  await page.waitForFunction(() => window.steadyStorage.pending() === 0);
  const settings = await storedSettings(page);
  assert.equal(settings.programme, 'prescription');
  assert.equal(link.slice(link.indexOf('#rx=') + 4), settings.prescription);

  // After a reload: the same programme, no question asked.
  await page.reload();
  await waitForFirstFrame(page);
  await page.waitForFunction(() => window.steadyStorage.status() !== 0);
  lay = await toToday(page);
  await page.waitForFunction((n) => window.__steady.layout.items.filter((i) => /^today\.item\.[a-z0-9-]+$/.test(i.id)).length === n, kSix.length);
  assert.deepEqual(todayItems(await layout(page)), kSix);
  assert.match(await liveText(page), /Week one at home/);
  assert.match(await page.title(), /Week one at home/);

  // The previous programme is still there, and the person can switch back to it.
  await scrollBy(page, 3000);  // below the list, clear of the Start button's footer
  await tap(page, 'today.programmes');
  lay = await waitScreen(page, 'programmes');
  assert.ok(layoutItem(lay, 'programmes.card.prescription'));
  await tap(page, 'programmes.card.gentle-start');
  lay = await waitScreen(page, 'today');
  assert.deepEqual(todayItems(lay), ['knee-to-chest', 'pelvic-tilt', 'lying-knee-rolls', 'draw-in']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Not now" keeps the programme the person had; a link opened while the app runs asks too', { timeout: 120000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1920, height: 1080 });
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  await page.waitForFunction(() => window.steadyStorage.status() !== 0);
  await toToday(page);
  await tap(page, 'today.programmes');
  await waitScreen(page, 'programmes');
  await tap(page, 'programmes.card.taster');
  let lay = await waitScreen(page, 'today');
  const taster = todayItems(lay);
  assert.deepEqual(taster, ['pelvic-tilt', 'knee-to-chest', 'draw-in']);

  // The link arrives while the app is open (same page, only the fragment changes).
  const link = makeLink(['cat-cow', 'bird-dog', '--title', 'Not for now']);
  await page.goto(link);
  lay = await waitScreen(page, 'prescription');
  assert.equal(await page.evaluate(() => location.hash), '');
  await saveScreenshot(page, 'prescription-confirm-desktop-1920x1080');
  await tap(page, 'prescription.not_now');
  lay = await waitScreen(page, 'today');
  assert.deepEqual(todayItems(lay), taster);

  await page.reload();
  await waitForFirstFrame(page);
  lay = await toToday(page);
  await page.waitForFunction(() => window.__steady.layout.items.some((i) => i.id === 'today.item.draw-in'));
  assert.deepEqual(todayItems(await layout(page)), taster);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every kind of bad link has its own message, nothing changes, and the library still works', { timeout: 180000 }, async () => {
  const good = makeLink(kSix);
  const value = good.slice(good.indexOf('#rx=') + 4);
  // Change one character in the middle of the data: the checksum no longer matches.
  const mid = Math.floor(value.length / 2);
  const flipped = value.slice(0, mid) + (value[mid] === 'A' ? 'B' : 'A') + value.slice(mid + 1);
  // The writer agrees with the codec on a good link, so its bad ones differ only where meant.
  const written = writeV1({ title: 'Check', items: [kDrawIn] });
  assert.equal(written, makeLink(['draw-in', '--title', 'Check']).split('#rx=')[1]);
  const cases = [
    ['unknown-exercise', writeV1({ title: 'Newer library', items: [kDrawIn, { ...kDrawIn, code: 127 }] })],
    ['absurd-dosage', writeV1({ title: 'Too much', items: [{ ...kDrawIn, reps: 60 }] })],
    ['empty', ''],
    ['too-long', '1.' + 'A'.repeat(3000)],
    ['not-a-prescription', 'hello'],
    ['unknown-version', '7.' + value.slice(2)],
    ['bad-character', value.slice(0, 10) + '*' + value.slice(11)],
    ['truncated', value.slice(0, value.length - 12)],
    ['bad-checksum', flipped],
  ];
  const { context, page, problems } = await openPage(env.browser, { width: 320, height: 568, dpr: 2, mobile: true });
  const seen = new Set();
  for (const [kind, bad] of cases) {
    await page.goto(`${env.server.url}?fresh=${kind}#rx=${bad}`);
    await waitForFirstFrame(page);
    const lay = await waitScreen(page, 'prescription_error');
    const message = strings[`prescription.error.${kind}`];
    assert.ok(message, `a message for ${kind}`);
    await page.waitForFunction((m) => document.getElementById('live').textContent.includes(m), message);
    assert.ok(layoutItem(lay, 'prescription_error.message'), kind);
    assert.ok(layoutItem(lay, 'prescription_error.library'), kind);
    assert.equal(await page.evaluate(() => location.hash), '', kind);
    seen.add(message);
    if (kind === 'bad-checksum') await saveScreenshot(page, 'prescription-error-phone-320x568');
  }
  assert.equal(seen.size, cases.length, 'each kind its own words');

  // On to the library, which works as always; the programme did not change.
  await tap(page, 'prescription_error.library');
  let lay = await waitScreen(page, 'library');
  await tap(page, 'library.card.cat-cow');
  lay = await waitScreen(page, 'exercise');
  await tap(page, 'exercise.back');
  await waitScreen(page, 'library');
  await tap(page, 'library.back');
  lay = await waitScreen(page, 'today');
  assert.deepEqual(todayItems(lay), ['knee-to-chest', 'pelvic-tilt', 'lying-knee-rolls', 'draw-in']);
  assert.deepEqual(problems, []);
  await context.close();
});


// Waits for a control to be laid out, scrolls it to the middle of the window (clear of a
// screen's footer button), then taps it.
async function builderTap(page, id) {
  await page.waitForFunction((i) => window.__steady.layout.items.some((it) => it.id === i), id);
  const viewport = page.viewportSize();
  for (let i = 0; i < 20; i++) {
    const it = layoutItem(await layout(page), id);
    const off = it.y + it.h / 2 - viewport.height / 2;
    if (Math.abs(off) < viewport.height / 4) break;
    const before = it.y;
    await scrollBy(page, off);
    if (layoutItem(await layout(page), id).y === before) break;  // at the end of the list
  }
  // Each tap is drawn before the next comes (two clicks within one frame count as one).
  const frames = await page.evaluate(() => window.__steady.frames);
  await tap(page, id);
  await page.waitForFunction((f) => window.__steady.frames >= f + 2, frames);
}

test('the builder makes a short link that round-trips, its QR code reads back, and the handout holds it all', { timeout: 240000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 900 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  await page.waitForFunction(() => window.steadyStorage.status() !== 0);
  await toToday(page);
  await tap(page, 'today.programmes');
  await waitScreen(page, 'programmes');
  await tap(page, 'programmes.build');
  let lay = await waitScreen(page, 'builder');
  await saveScreenshot(page, 'builder-desktop-1280x900');

  // Start from a preset of four, add two from the library (picked through its filters).
  await builderTap(page, 'builder.preset.core-stability');
  await page.waitForFunction(() => window.__steady.layout.items.some((i) => i.id === 'builder.item.3.name'));
  for (const id of ['cat-cow', 'glute-bridge']) {
    await builderTap(page, 'builder.add');
    await waitScreen(page, 'library');
    await tap(page, `library.card.${id}`);
    await waitScreen(page, 'builder');
  }
  lay = await layout(page);
  assert.ok(layoutItem(lay, 'builder.item.5.name'), 'six exercises');
  // The last added is open for its dosage: three more repetitions, one place up.
  for (let i = 0; i < 3; i++) await builderTap(page, 'builder.item.5.reps.up');
  await builderTap(page, 'builder.item.5.up');
  await builderTap(page, 'builder.pain.down');
  await builderTap(page, 'builder.review.up');

  // Texts go in real fields (phones get their keyboard).
  await scrollToTop(page);
  await page.waitForSelector('#sb-field-note', { state: 'visible' });
  await page.fill('#sb-field-title', 'Core, week two');
  await page.fill('#sb-field-clinic', 'Riverside Physio');
  const note = 'Breathe out as you move; stop if it hurts.';
  await page.fill('#sb-field-note', note);
  await builderTap(page, 'builder.make');
  lay = await waitScreen(page, 'share');
  assert.ok(layoutItem(lay, 'share.qr'));
  assert.equal(await page.evaluate(() => document.getElementById('sb-field-note').hidden), true, 'fields leave with the builder');

  await tap(page, 'share.copy');
  await page.waitForFunction(() => typeof window.__steady.copied === 'string');
  const link = await page.evaluate(() => window.__steady.copied);
  assert.ok(link.startsWith(`${env.server.url}#rx=1.`), link);
  assert.ok(link.length < 300, `a six-exercise link is ${link.length} characters`);

  // The codec reads back what was built.
  const decoded = decodeLink(link);
  assert.match(decoded, /Core, week two/);
  assert.match(decoded, /Riverside Physio/);
  assert.match(decoded, /Breathe out as you move; stop if it hurts\./);
  assert.match(decoded, /pain goes above 4 out of 10/);
  assert.match(decoded, /review: +\d{4}-\d{2}-\d{2}/);
  assert.match(decoded, /Glute bridge \(glute-bridge[^)]*\): [^\n]*13 times/);
  const order = ['draw-in', 'heel-slide', 'bird-dog', 'dead-bug', 'glute-bridge', 'cat-cow'];
  let at = -1;
  for (const id of order) {
    const next = decoded.indexOf(id);
    assert.ok(next > at, `${id} in order in:\n${decoded}`);
    at = next;
  }

  // The QR code on screen reads back as the very same link.
  const shot = await saveScreenshot(page, 'share-qr-desktop-1280x900');
  const read = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', shot.file],
    { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  assert.equal(read, link);

  // The handout: title, clinic, note, six exercises with three key poses each, the QR code.
  await tap(page, 'share.handout');
  await page.waitForSelector('#handout-view');
  const handout = await page.evaluate(() => {
    const v = document.getElementById('handout-view');
    return {
      title: v.querySelector('h1').textContent,
      clinic: v.querySelector('.handout-clinic').textContent,
      note: v.querySelector('.handout-note p').textContent,
      exercises: [...v.querySelectorAll('.handout-exercise')].map((e) => ({
        name: e.querySelector('h2').textContent,
        dosage: e.querySelector('.handout-dosage').textContent,
        poses: [...e.querySelectorAll('svg.handout-pose')].map((s) => s.querySelectorAll('line').length),
        steps: e.querySelectorAll('.handout-steps li').length,
      })),
      qrModules: v.querySelector('svg.handout-qr path').getAttribute('d').length,
      link: v.querySelector('.handout-link').textContent,
    };
  });
  assert.equal(handout.title, 'Core, week two');
  assert.equal(handout.clinic, 'Riverside Physio');
  assert.equal(handout.note, note);
  assert.equal(handout.exercises.length, 6);
  for (const ex of handout.exercises) {
    assert.equal(ex.poses.length, 3, ex.name);
    assert.ok(ex.poses.every((n) => n >= 10), `${ex.name}: figures drawn`);
    assert.ok(ex.steps >= 2, `${ex.name}: steps`);
    assert.ok(ex.dosage.length > 3, ex.name);
  }
  assert.ok(handout.qrModules > 100);
  assert.equal(handout.link, link);
  await saveScreenshot(page, 'handout-desktop-1280x900');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  await saveScreenshot(page, 'handout-phone-390x844');
  await page.click('#handout-view .handout-close');
  assert.equal(await page.$('#handout-view'), null);

  // "Try it" goes through the same confirmation, then Today plays it.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForFunction(() => window.__steady.layout.width === 1280);
  await tap(page, 'share.try');
  await waitScreen(page, 'prescription');
  await tap(page, 'prescription.use');
  lay = await waitScreen(page, 'today');
  assert.deepEqual(todayItems(lay), order);
  assert.deepEqual(problems, []);
  await context.close();
});

test('markup and script in a link\'s texts stay text everywhere and nothing runs', { timeout: 180000 }, async () => {
  const title = '<img src=x onerror=alert(1)>';
  const clinic = '<script>alert(2)</script>';
  const note = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & "quotes"';
  const link = makeLink(['cat-cow', 'bird-dog', '--title', title, '--clinic', clinic, '--note', note]);
  const { context, page, problems } = await openPage(env.browser, kPhone);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await page.goto(link);
  await waitForFirstFrame(page);
  await waitScreen(page, 'prescription');
  await page.waitForFunction(() => window.steadyStorage.status() !== 0);
  const live = await liveText(page);
  assert.ok(live.includes(title), live);
  assert.ok(live.includes(clinic), live);
  assert.ok(live.includes(note), live);
  assert.ok((await page.title()).includes(title));
  await tap(page, 'prescription.use');
  await waitScreen(page, 'today');
  assert.ok((await page.title()).includes(title));

  // The handout of the same texts, made in the builder from what the person holds.
  await tap(page, 'today.programmes');
  await waitScreen(page, 'programmes');
  await tap(page, 'programmes.build');
  await waitScreen(page, 'builder');
  await page.waitForSelector('#sb-field-note', { state: 'attached' });
  await page.fill('#sb-field-title', title);
  await page.fill('#sb-field-clinic', clinic);
  await page.fill('#sb-field-note', note);
  await builderTap(page, 'builder.make');
  await waitScreen(page, 'share');
  await tap(page, 'share.handout');
  await page.waitForSelector('#handout-view');
  const shown = await page.evaluate(() => ({
    title: document.querySelector('#handout-view h1').textContent,
    clinic: document.querySelector('#handout-view .handout-clinic').textContent,
    note: document.querySelector('#handout-view .handout-note p').textContent,
  }));
  assert.deepEqual(shown, { title, clinic, note });
  await page.waitForTimeout(300);
  const outcome = await page.evaluate(() => ({
    pwned: window.__pwned,
    images: document.querySelectorAll('img').length,
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    handoutElements: [...document.querySelectorAll('#handout-view *')].map((e) => e.tagName.toLowerCase())
      .filter((t) => t === 'img' || t === 'script'),
  }));
  assert.equal(outcome.pwned, undefined);
  assert.equal(outcome.images, 0);
  assert.ok(outcome.scripts.every((s) => s && /\.js$/.test(s)), outcome.scripts.join(' '));
  assert.deepEqual(outcome.handoutElements, []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await context.close();
});
