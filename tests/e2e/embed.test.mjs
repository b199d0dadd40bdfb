// embed: the clinic's side. clinic.json brands the app (name, logo, contact line, colours)
// and a broken one leaves the neutral brand with one console warning; the example clinic page
// on another origin embeds the player and hears ready / session-started / session-completed;
// a page on a third origin hears nothing, and what it posts into the player is ignored.
// The site is served on 127.0.0.1 (the app), 127.0.0.2 (the allowed clinic page) and
// 127.0.0.3 (a page not allowed); clinic.json is laid over dist/ by the test server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import {
  launchBrowser, serveDist, openPage, waitForFirstFrame, waitScreen, layout, layoutItem, tap, saveScreenshot,
  inkFraction,
} from './harness.mjs';

const overlay = {};
const env = { browser: null, app: null, host: null, third: null };

before(async () => {
  env.browser = await launchBrowser();
  env.app = await serveDist({ host: '127.0.0.1', overlay });
  env.host = await serveDist({ host: '127.0.0.2' });
  env.third = await serveDist({ host: '127.0.0.3' });
});
after(async () => {
  await env.browser?.close();
  for (const s of [env.app, env.host, env.third]) await s?.close();
});

const origin = (url) => new URL(url).origin;

// A PNG of w x h pixels: a teal rounded block with a white bar, as a stand-in clinic logo.
function logoPng(w = 120, h = 40) {
  const png = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const bar = y > h * 0.4 && y < h * 0.6 && x > w * 0.15 && x < w * 0.85;
      png.data.set(bar ? [255, 255, 255, 255] : [42, 93, 143, 255], i);
    }
  }
  return PNG.sync.write(png);
}

function clinic(fields = {}) {
  return JSON.stringify({
    schema: 1,
    name: 'Riverside Physiotherapy',
    colours: { primary: '#2a5d8f', accent: '#2a5d8f' },
    contact: 'Questions? Call 01632 960 123, Monday to Friday 9–5',
    default_programme: 'taster',
    embed_origins: [origin(env.host.url)],
    completion_message: true,
    ...fields,
  });
}

function setOverlay(files) {
  for (const k of Object.keys(overlay)) delete overlay[k];
  Object.assign(overlay, files);
}

// Opens the app at the top level and collects its console warnings.
async function openApp(options = {}) {
  const opened = await openPage(env.browser, options);
  opened.warnings = [];
  opened.page.on('console', (msg) => {
    if (msg.type() === 'warning') opened.warnings.push(msg.text());
  });
  await opened.page.goto(env.app.url);
  await waitForFirstFrame(opened.page);
  await opened.page.waitForFunction(() => window.__steady?.embed?.configured === true);
  return opened;
}

// ---- branding --------------------------------------------------------------------------------

test('clinic.json brands the app: name, logo, colours, contact line and page title', { timeout: 90000 }, async () => {
  setOverlay({ 'clinic.json': clinic({ logo: 'riverside-logo.png' }), 'riverside-logo.png': logoPng() });
  for (const size of [{ width: 390, height: 844, dpr: 3, mobile: true }, { width: 320, height: 568, dpr: 2, mobile: true },
    { width: 1920, height: 1080 }]) {
    const { context, page, problems, warnings } = await openApp(size);
    await page.waitForFunction(() => window.__steady.layout?.items.some((it) => it.id === 'welcome.brand.logo'));
    const welcome = await layout(page);
    const name = layoutItem(welcome, 'welcome.brand.name');
    const logo = layoutItem(welcome, 'welcome.brand.logo');
    assert.ok(name && !name.clipped, 'the clinic name is on the welcome screen');
    assert.ok(logo && Math.abs(logo.w / logo.h - 3) < 0.01, 'the logo keeps its shape');
    const shot = await saveScreenshot(page, `clinic-welcome-${size.width}x${size.height}`);
    assert.ok(inkFraction(shot.png, logo, size.dpr || 1, [245, 242, 236]) > 0.8, 'the logo is drawn');
    assert.equal(await page.title(), 'Riverside Physiotherapy – exercises with Steady Back');
    await tap(page, 'welcome.start');
    const today = await waitScreen(page, 'today');
    assert.ok(layoutItem(today, 'today.brand.name'), 'the clinic name heads Today');
    assert.ok(layoutItem(today, 'today.item.pelvic-tilt'), 'the default programme is the taster');
    await saveScreenshot(page, `clinic-today-${size.width}x${size.height}`);
    if (size.width === 1920) {
      await tap(page, 'today.contact');  // scrolls the contact line into view
      assert.ok(layoutItem(await layout(page), 'today.contact'));
      await saveScreenshot(page, `clinic-today-contact-${size.width}x${size.height}`);
    }
    assert.equal(layoutItem(today, 'today.open_full'), undefined, 'no "open the full app" outside a frame');
    assert.deepEqual(warnings.filter((w) => /clinic/.test(w)), [], 'a good file gives no warning');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a clinic name with accented letters is drawn with them, not with stand-ins', { timeout: 90000 }, async () => {
  // The first screen's fonts hold only the interface's own characters; the rest of Latin-1
  // comes before clinic.json is read. A letter a font lacks is drawn as "?".
  const pictures = {};
  for (const name of ['Clinique Genève', 'Clinique Gen?ve', 'Clinique Geneve']) {
    setOverlay({ 'clinic.json': clinic({ name }) });
    const { context, page, problems } = await openApp({ width: 390, height: 844, dpr: 2, mobile: true });
    await page.waitForFunction(() => window.__steady.layout?.items.some((it) => it.id === 'welcome.brand.name'));
    await page.waitForTimeout(300);
    const box = layoutItem(await layout(page), 'welcome.brand.name');
    pictures[name] = await page.screenshot({ clip: { x: 0, y: Math.floor(box.y), width: 390, height: Math.ceil(box.h) } });
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.ok(!pictures['Clinique Genève'].equals(pictures['Clinique Gen?ve']), 'è is not drawn as "?"');
  assert.ok(!pictures['Clinique Genève'].equals(pictures['Clinique Geneve']), 'è has its accent');
});

test('in the dark theme a brand colour too dark to read is lightened, with a warning', { timeout: 60000 }, async () => {
  setOverlay({ 'clinic.json': clinic() });
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 3, mobile: true });
  const warnings = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(env.app.url);
  await waitForFirstFrame(page);
  await page.waitForFunction(() => window.__steady?.embed?.configured === true);
  const adjusted = warnings.filter((w) => /colours\.(primary|accent): #2a5d8f has too little contrast in the dark theme/.test(w));
  assert.equal(adjusted.length, 2, warnings.join(' | '));
  await page.waitForTimeout(300);
  const shot = await saveScreenshot(page, 'clinic-welcome-dark-390x844');
  const start = layoutItem(await layout(page), 'welcome.start');
  const x = Math.round((start.x + 12) * 3), y = Math.round((start.y + start.h / 2) * 3);
  const i = (y * shot.png.width + x) * 4;
  const fill = [...shot.png.data.subarray(i, i + 3)];
  assert.ok(fill[2] > 0x8f, `the Start button is a lighter blue than the brand's (${fill})`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a missing clinic.json is the neutral brand, silently', async () => {
  setOverlay({});
  const { context, page, problems, warnings } = await openApp();
  const welcome = await layout(page);
  assert.equal(layoutItem(welcome, 'welcome.brand.name'), undefined);
  assert.ok(layoutItem(welcome, 'welcome.title'));
  assert.doesNotMatch(await page.title(), /Riverside|clinic/i);
  assert.deepEqual(warnings.filter((w) => /clinic/.test(w)), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a broken clinic.json leaves the neutral brand and one warning; the app runs', { timeout: 120000 }, async () => {
  const cases = [
    ['bad JSON', '{"schema": 1, "name": "Riverside"', /not valid JSON/],
    ['wrong types', JSON.stringify({ schema: 1, name: 42, embed_origins: 'https://a.example' }), /name: must be/],
    ['a huge file', JSON.stringify({ schema: 1, name: 'x'.repeat(3 * 1024 * 1024) }), /3073 KiB; at most 16 KiB/],
    ['a bad origin', JSON.stringify({ schema: 1, name: 'Riverside', embed_origins: ['*'] }), /any website/],
  ];
  for (const [what, text, words] of cases) {
    setOverlay({ 'clinic.json': text });
    const { context, page, problems, warnings } = await openApp();
    const clinicWarnings = warnings.filter((w) => /clinic\.json/.test(w));
    assert.equal(clinicWarnings.length, 1, `${what}: one warning (${clinicWarnings.join(' | ')})`);
    assert.match(clinicWarnings[0], /not used, so the app shows its neutral brand/, what);
    assert.match(clinicWarnings[0], words, what);
    const welcome = await layout(page);
    assert.equal(layoutItem(welcome, 'welcome.brand.name'), undefined, `${what}: neutral brand`);
    await tap(page, 'welcome.start');
    await waitScreen(page, 'today');
    // A file over the cap is not downloaded: the app stops reading it.
    const unexpected = problems.filter((p) => !(what === 'a huge file' && /clinic\.json net::ERR_ABORTED/.test(p)));
    assert.deepEqual(unexpected, [], what);
    await context.close();
  }
});

test('a missing or corrupt logo is left out with a warning; the rest of clinic.json is used', { timeout: 90000 }, async () => {
  const corrupt = Buffer.concat([logoPng().subarray(0, 40), Buffer.from('not really a png')]);
  const big = new PNG({ width: 2000, height: 20 });
  const cases = [
    ['a missing logo', {}, /could not be fetched/],
    ['a corrupt PNG', { 'logo.png': corrupt }, /cannot be decoded|is not a PNG or JPEG/],
    ['a JPEG that is text', { 'logo.png': Buffer.from('hello, I am not an image') }, /is not a PNG or JPEG/],
    ['a logo too wide', { 'logo.png': PNG.sync.write(big) }, /2000 x 20 pixels/],
  ];
  for (const [what, files, words] of cases) {
    setOverlay({ 'clinic.json': clinic({ logo: 'logo.png' }), ...files });
    const { context, page, problems, warnings } = await openApp();
    await page.waitForFunction(() => true);
    await page.waitForTimeout(500);
    const logoWarnings = warnings.filter((w) => /logo/.test(w));
    assert.equal(logoWarnings.length, 1, `${what}: ${warnings.join(' | ')}`);
    assert.match(logoWarnings[0], words, what);
    const welcome = await layout(page);
    assert.ok(layoutItem(welcome, 'welcome.brand.name'), `${what}: the name is still shown`);
    assert.equal(layoutItem(welcome, 'welcome.brand.logo'), undefined, `${what}: no logo`);
    const expected = what === 'a missing logo' ? problems.filter((p) => !/404/.test(p)) : problems;
    assert.deepEqual(expected, [], what);
    await context.close();
  }
});

// ---- embedding ---------------------------------------------------------------------------------

// The player's frame in the host page, once its app has drawn and read clinic.json.
async function playerFrame(page) {
  const handle = await page.waitForSelector('#player');
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-ready') === '1', null, { timeout: 30000 });
  await frame.waitForFunction(() => window.__steady?.embed?.configured === true);
  return { frame, handle };
}

const frameLayout = (frame) => frame.evaluate(() => window.__steady.layout);

async function frameWaitScreen(frame, screen, timeout = 5000) {
  await frame.waitForFunction((s) => window.__steady?.layout?.screen === s, screen, { timeout });
  return frameLayout(frame);
}

// Taps a control of the player inside the frame (it must be in view).
async function frameTap(page, player, id) {
  await page.evaluate(() => document.getElementById('player').scrollIntoView());
  const box = await player.handle.boundingBox();
  const it = layoutItem(await frameLayout(player.frame), id);
  assert.ok(it, `${id} is on the player's screen`);
  const x = box.x + 1 + it.x + it.w / 2, y = box.y + 1 + it.y + Math.min(it.h / 2, 28);
  await page.mouse.move(x, y);
  await page.waitForTimeout(50);
  await page.mouse.click(x, y);
}

// After Start session: answers the first-run safety questions ("None of these apply", the
// page's Start button) when they come, then waits for the pain question.
async function framePastSafety(player) {
  await player.frame.waitForFunction(() => ['safety_check', 'before'].includes(window.__steady?.layout?.screen), null,
    { timeout: 5000 });
  if ((await frameLayout(player.frame)).screen === 'safety_check') {
    await player.frame.evaluate(() => document.getElementById('sb-start').click());
  }
  return frameWaitScreen(player.frame, 'before');
}

const hostMessages = (page) => page.evaluate(() => window.steadyHost.messages);

test('the clinic page on an allowed origin embeds the player and hears its messages', { timeout: 150000 }, async () => {
  setOverlay({ 'clinic.json': clinic() });
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 1000 });
  await page.goto(`${env.host.url}embed-example.html?app=${encodeURIComponent(env.app.url)}`);
  const player = await playerFrame(page);
  const info = await player.frame.evaluate(() => window.__steady.embed);
  assert.equal(info.mode, true);
  assert.equal(info.parentOrigin, origin(env.host.url));
  assert.equal(info.allowed, true);
  await page.waitForFunction(() => window.steadyHost.messages.length >= 1);
  assert.deepEqual(await hostMessages(page), [{ source: 'steady-back', type: 'ready', version: 1 }]);

  // Embed mode: compact welcome (no big picture), and "open the full app" on Today.
  const welcome = await frameLayout(player.frame);
  assert.equal(layoutItem(welcome, 'welcome.figure'), undefined, 'no big picture in a frame');
  assert.equal(await player.frame.evaluate(() => !!document.querySelector('link[rel="manifest"]')), false,
    'no install offer in a frame');
  await saveScreenshot(page, 'embed-host-1280x1000');
  await frameTap(page, player, 'welcome.start');
  const today = await frameWaitScreen(player.frame, 'today');
  assert.ok(layoutItem(today, 'today.item.pelvic-tilt'), 'the default programme from clinic.json');

  // A short session: skip the first two exercises, do the last one.
  await frameTap(page, player, 'today.start');
  await framePastSafety(player);
  await frameTap(page, player, 'before.skip');
  await frameWaitScreen(player.frame, 'player');
  await page.waitForFunction(() => window.steadyHost.messages.length >= 2);
  await page.waitForTimeout(1500);
  await frameTap(page, player, 'player.next');
  await page.waitForTimeout(1500);
  await frameTap(page, player, 'player.next');
  await frameWaitScreen(player.frame, 'summary', 60000);
  await page.waitForFunction(() => window.steadyHost.messages.length >= 3);
  const messages = await hostMessages(page);
  assert.deepEqual(messages.map((m) => m.type), ['ready', 'session-started', 'session-completed']);
  assert.deepEqual(messages[1], { source: 'steady-back', type: 'session-started', programme: 'taster', exercises: 3 });
  const done = messages[2];
  assert.deepEqual(Object.keys(done).sort(), ['done', 'duration_s', 'exercises', 'programme', 'source', 'type'],
    'the summary is minimal: no pain, no notes');
  assert.equal(done.programme, 'taster');
  assert.equal(done.exercises, 3);
  assert.equal(done.done, 1);
  assert.ok(done.duration_s > 3 && done.duration_s < 60, `duration ${done.duration_s} s`);
  await saveScreenshot(page, 'embed-host-completed-1280x1000');

  // The one known request from the allowed page is answered; anything else is ignored.
  const ignoredBefore = await player.frame.evaluate(() => window.__steady.embed.ignored);
  await page.evaluate((o) => document.getElementById('player').contentWindow.postMessage({ type: 'start' }, o),
    origin(env.app.url));
  await page.click('#hello');
  await page.waitForFunction(() => window.steadyHost.messages.length >= 4);
  assert.equal((await hostMessages(page))[3].type, 'ready');
  assert.equal(await player.frame.evaluate(() => window.__steady.embed.ignored), ignoredBefore + 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without completion_message the page hears only "ready"', { timeout: 60000 }, async () => {
  setOverlay({ 'clinic.json': clinic({ completion_message: false }) });
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 1000 });
  await page.goto(`${env.host.url}embed-example.html?app=${encodeURIComponent(env.app.url)}`);
  const player = await playerFrame(page);
  await frameTap(page, player, 'welcome.start');
  await frameWaitScreen(player.frame, 'today');
  await frameTap(page, player, 'today.start');
  await framePastSafety(player);
  await frameTap(page, player, 'before.skip');
  await frameWaitScreen(player.frame, 'player');
  await page.waitForTimeout(1000);
  assert.deepEqual((await hostMessages(page)).map((m) => m.type), ['ready']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page on an origin not allowed hears nothing, and its messages are ignored', { timeout: 60000 }, async () => {
  setOverlay({ 'clinic.json': clinic() });
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 1000 });
  await page.goto(`${env.third.url}embed-example.html?app=${encodeURIComponent(env.app.url)}`);
  // Everything posted to this page, whoever sent it and whatever its shape.
  await page.evaluate(() => {
    window.heardAny = [];
    window.addEventListener('message', (e) => window.heardAny.push(e.data));
  });
  const player = await playerFrame(page);
  const info = await player.frame.evaluate(() => window.__steady.embed);
  assert.equal(info.parentOrigin, origin(env.third.url));
  assert.equal(info.allowed, false);
  await frameTap(page, player, 'welcome.start');
  await frameWaitScreen(player.frame, 'today');
  await frameTap(page, player, 'today.start');
  await framePastSafety(player);
  await frameTap(page, player, 'before.skip');
  await frameWaitScreen(player.frame, 'player');
  // This page asks the player, twice: the player ignores both and answers nothing.
  await page.click('#hello');
  await page.evaluate((o) => document.getElementById('player').contentWindow.postMessage(
    { source: 'steady-back-host', type: 'hello' }, o), origin(env.app.url));
  await player.frame.waitForFunction(() => window.__steady.embed.ignored >= 2);
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.heardAny), [], 'nothing was posted to this page');
  assert.deepEqual(await hostMessages(page), []);
  assert.deepEqual(await player.frame.evaluate(() => window.__steady.embed.sent), []);
  assert.deepEqual(problems, []);
  await context.close();
});
