// The app loads in a real browser, draws its start screen crisply at phone and desktop
// sizes, and nothing goes wrong on the way (no console errors, no failed requests).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveDist, openPage, waitForFirstFrame, layout, layoutItem, saveScreenshot, inkFraction, useBrowserAndServer, tap,
} from './harness.mjs';

const kBackground = [0xf5, 0xf2, 0xec];
const env = useBrowserAndServer(before, after);

for (const size of [
  { name: 'phone-390x844', width: 390, height: 844, dpr: 3, mobile: true },
  { name: 'desktop-1280x800', width: 1280, height: 800, dpr: 1, mobile: false },
]) {
  test(`start screen renders at ${size.name}`, async () => {
    const { context, page, problems, requests } = await openPage(env.browser, size);
    await page.goto(env.server.url);
    const marks = await waitForFirstFrame(page);
    assert.equal(marks, 1, 'the app sets exactly one first-frame mark');

    // The canvas fills the window at full device resolution (crisp text).
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, label: c.getAttribute('aria-label') };
    });
    assert.equal(canvas.cssW, size.width);
    assert.equal(canvas.cssH, size.height);
    assert.equal(canvas.w, size.width * size.dpr);
    assert.equal(canvas.h, size.height * size.dpr);
    assert.match(canvas.label, /Steady Back/);

    // The start screen's parts are laid out inside the window, none clipped.
    const lay = await layout(page);
    assert.equal(lay.screen, 'welcome');
    for (const id of ['welcome.title', 'welcome.tagline', 'welcome.what', 'welcome.start']) {
      const it = layoutItem(lay, id);
      assert.ok(it, `${id} is on screen`);
      assert.ok(!it.clipped, `${id} is not clipped`);
      assert.ok(it.x >= 0 && it.y >= 0 && it.x + it.w <= size.width + 0.5 && it.y + it.h <= size.height + 0.5,
        `${id} lies inside the window: ${JSON.stringify(it)}`);
    }
    const start = layoutItem(lay, 'welcome.start');
    assert.ok(start.h >= 44 && start.w >= 44, 'Start is at least 44 CSS px');
    if (size.mobile) assert.ok(start.y > size.height * 0.5, 'Start sits in the lower half on a phone');

    // Real pixels: the title has ink, the loading screen is gone.
    await page.waitForSelector('#loading', { state: 'hidden', timeout: 5000 });
    const { png } = await saveScreenshot(page, `start-${size.name}`);
    const title = layoutItem(lay, 'welcome.title');
    const ink = inkFraction(png, title, size.dpr, kBackground);
    assert.ok(ink > 0.04 && ink < 0.6, `title area has text pixels (ink ${ink.toFixed(3)})`);
    const margin = inkFraction(png, { x: 0, y: size.height - 8, w: 8, h: 8 }, size.dpr, kBackground);
    assert.equal(margin, 0, 'the page background is the theme colour');
    assert.equal(await page.isVisible('#problem'), false, 'no problem message');

    // Screen readers hear which screen this is.
    assert.match(await page.textContent('#live'), /Steady Back/);

    assert.deepEqual(problems, [], 'no console errors or failed requests');
    const origin = new URL(env.server.url).origin;
    assert.ok(requests.every((u) => u.startsWith(origin)), 'every request goes to the app\'s own origin');
    await context.close();
  });
}

test('Start answers a tap', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 2, mobile: true });
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  const start = layoutItem(await layout(page), 'welcome.start');
  await page.mouse.click(start.x + start.w / 2, start.y + start.h / 2);
  await page.waitForFunction(() => window.__steady.layout.screen !== 'welcome', null, { timeout: 5000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a missing wasm file gives a plain message, not a blank page', async () => {
  const { context, page } = await openPage(env.browser);
  await page.route('**/steady*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(env.server.url);
  await page.waitForSelector('#problem:not([hidden])', { timeout: 15000 });
  assert.match(await page.textContent('#problem-text'), /could not be downloaded/);
  await context.close();
});

test('the site works under a sub-path', async () => {
  const sub = await serveDist({ prefix: '/clinic/exercises/' });
  try {
    const { context, page, problems } = await openPage(env.browser);
    await page.goto(sub.url);
    await waitForFirstFrame(page);
    assert.equal((await layout(page)).screen, 'welcome');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await sub.close();
  }
});

test('the start does not compete with itself: one picture handed over, offline install after the start', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 412, height: 823, dpr: 1.75, mobile: true });
  // When the page asks for its service worker, against the app's "start finished" mark.
  await page.addInitScript(() => {
    const sw = navigator.serviceWorker;
    const register = sw.register.bind(sw);
    sw.register = (...args) => {
      performance.mark('test-sw-register');
      return register(...args);
    };
  });
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  // Compared by the marks' times, not by looking when the first frame is seen: the start can
  // be over before the test's next look at the page, and the registration with it.
  await page.waitForFunction(() => performance.getEntriesByName('sb-started').length === 1, null, { timeout: 20000 });
  await page.waitForFunction(() => performance.getEntriesByName('test-sw-register').length === 1, null, { timeout: 20000 });
  const marks = await page.evaluate(() => Object.fromEntries(['sb-first-frame', 'sb-started', 'test-sw-register']
    .map((n) => [n, performance.getEntriesByName(n)[0].startTime])));
  assert.ok(marks['sb-first-frame'] < marks['sb-started'], 'the library, clips and figure come after the first frame');
  assert.ok(marks['test-sw-register'] >= marks['sb-started'],
    `nothing is installed for offline use while the app starts: ${JSON.stringify(marks)}`);
  // The fonts were made again with all their characters after the first frame, the library
  // read, the figure prepared: the welcome screen looks the same throughout, so the browser
  // was handed one picture (each costs a read-back of the whole canvas without a GPU).
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.__steady.presents), 1, 'one picture of the welcome screen');
  await tap(page, 'welcome.start');
  await page.waitForFunction(() => window.__steady.layout?.screen === 'today');
  await page.waitForTimeout(300);
  assert.ok(await page.evaluate(() => window.__steady.presents) >= 2, 'a new screen is handed over');
  assert.deepEqual(problems, []);
  await context.close();
});
