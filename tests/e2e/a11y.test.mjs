// Accessibility beyond the canvas: a whole session with the keyboard only, a whole session
// with only the page's real buttons and the aria-live region, and the settings that change
// how the app looks and moves, kept across visits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, waitForFirstFrame, layout, layoutItem, saveScreenshot, useBrowserAndServer, waitScreen, storedRecords,
  chooseTaster, startSession, tap as tapControl,
} from './harness.mjs';
import { settle, tap } from './walk.mjs';

const env = useBrowserAndServer(before, after);

// The control that has the keyboard focus ring, or null.
async function focusedId(page) {
  const lay = await layout(page);
  return lay?.items.find((i) => i.focused)?.id ?? null;
}

// Presses Tab until the control id has the focus, then Enter.
async function tabAndPress(page, id, max = 80) {
  for (let i = 0; i < max; i++) {
    const now = await focusedId(page);
    if (now === id) {
      // A screen just opened can show the ring for a frame before the focus settles: look
      // again a moment later before pressing.
      await page.waitForTimeout(120);
      if ((await focusedId(page)) !== id) continue;
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
    await page.waitForFunction((prev) => {
      const it = window.__steady.layout.items.find((x) => x.focused);
      return it && it.id !== prev;
    }, now, { timeout: 3000 });
  }
  throw new Error(`Tab never reached ${id}`);
}

// Records everything the aria-live region says from now on (window.__live).
async function recordLive(page) {
  await page.evaluate(() => {
    const el = document.getElementById('live');
    window.__live = el.textContent ? [el.textContent] : [];
    new MutationObserver(() => window.__live.push(el.textContent))
      .observe(el, { childList: true, characterData: true, subtree: true });
  });
}

async function waitSaid(page, pattern, timeout = 10000) {
  await page.waitForFunction((src) => window.__live.some((t) => new RegExp(src).test(t)), pattern.source, { timeout });
}

// Activates a page button the way a screen reader or switch user does: focus, then Enter.
async function press(page, name) {
  const button = page.locator(`#sb-${name}`);
  await button.focus();
  await page.keyboard.press('Enter');
}

test('a two-exercise session with the keyboard only, from a fresh profile', { timeout: 240000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1 });
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  await tabAndPress(page, 'welcome.start');
  await waitScreen(page, 'today');
  // The Quick taster: its first exercise is skipped, the other two are done in full.
  await tabAndPress(page, 'today.programmes');
  await waitScreen(page, 'programmes');
  await tabAndPress(page, 'programmes.card.taster');
  await waitScreen(page, 'today');
  await tabAndPress(page, 'today.start');
  await waitScreen(page, 'safety_check');
  // Shift+Tab walks backwards: from the first control (or from nothing focused) it wraps round
  // to the last one, "None of these apply to me".
  const order = [];
  for (let i = 0; i < 6 && (await focusedId(page)) !== 'safety_check.none'; i++) {
    const prev = await focusedId(page);
    await page.keyboard.press('Shift+Tab');
    await page.waitForFunction((was) => {
      const it = window.__steady.layout.items.find((x) => x.focused);
      return it && it.id !== was;
    }, prev, { timeout: 3000 });
    order.push(await focusedId(page));
  }
  assert.equal(await focusedId(page), 'safety_check.none', `Shift+Tab went ${order.join(' > ')}`);
  await settle(page);
  await saveScreenshot(page, 'keyboard-focus-ring');
  await page.keyboard.press('Enter');
  await waitScreen(page, 'before');
  await tabAndPress(page, 'before.skip');
  await waitScreen(page, 'player');
  await page.waitForTimeout(500);
  await tabAndPress(page, 'player.next');
  const lay = await waitScreen(page, 'summary', 120000);
  assert.ok(layoutItem(lay, 'summary.item.3'), 'the summary lists the session');
  await tabAndPress(page, 'summary.right');
  await tabAndPress(page, 'summary.finish');
  await waitScreen(page, 'today');
  // The session was kept: Your progress shows it. Escape goes back.
  await tabAndPress(page, 'today.progress');
  await waitScreen(page, 'history');
  const done = await page.evaluate(() => window.steadyStorage && true);
  assert.ok(done);
  await page.keyboard.press('Escape');
  await waitScreen(page, 'today');
  // The stored session: one exercise skipped, two completed.
  const saved = Object.values(await storedRecords(page, 'sessions'));
  assert.equal(saved.length, 1, 'one session was saved');
  assert.equal((saved[0].match(/"outcome":"done"/g) || []).length, 2, `two exercises completed: ${saved[0]}`);
  assert.match(saved[0], /"outcome":"skipped"/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a two-exercise session with only the page buttons and the aria-live region', { timeout: 240000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1 });
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  // The canvas is labelled; the page buttons exist as real buttons in a labelled group.
  assert.equal(await page.getAttribute('#canvas', 'aria-label'), 'Steady Back exercise player');
  // The clinician chose the Quick taster for this person (a stored setting, as a link would).
  await page.evaluate(() => window.steadyStorage.put('prefs', 'settings', '{"v":1,"programme":"taster"}'));
  await page.reload();
  await waitForFirstFrame(page);
  await recordLive(page);
  await waitSaid(page, /^Steady Back\. .*Press Start/);
  assert.equal(await page.getAttribute('#controls', 'aria-label'), 'Session controls');
  assert.equal(await page.textContent('#sb-start'), 'Start');
  assert.equal(await page.isHidden('#sb-pause'), true, 'no Pause outside a session');

  await press(page, 'start');
  await waitSaid(page, /^Today: Quick taster\. 3 exercises/);
  await page.waitForFunction(() => document.getElementById('sb-start').textContent === 'Start session');
  await press(page, 'start');
  await waitSaid(page, /Before your first session\..*bladder or bowels.*saddle area.*not medical advice/);
  assert.equal(await page.textContent('#sb-start'), 'None of these apply to me');
  await press(page, 'start');
  await waitSaid(page, /^Before you start/);
  await page.waitForFunction(() => document.getElementById('sb-start').textContent === 'Start without rating');
  await press(page, 'start');
  await waitSaid(page, /^Session started\. 3 exercises/);
  await waitSaid(page, /Get ready: Pelvic tilt/);
  assert.equal(await page.isVisible('#sb-start'), false);
  assert.equal(await page.getAttribute('#sb-pause', 'aria-pressed'), 'false');

  // Skip the first exercise; pause and resume during the second.
  await press(page, 'next');
  await waitSaid(page, /(Up next|Get ready): Knee to chest/);
  await waitSaid(page, /Rep 1/, 15000);
  await press(page, 'pause');
  await waitSaid(page, /^Paused\.$/);
  await page.waitForFunction(() => document.getElementById('sb-pause').getAttribute('aria-pressed') === 'true');
  await press(page, 'pause');
  await waitSaid(page, /^Resumed\.$/);
  await page.waitForFunction(() => document.getElementById('sb-pause').getAttribute('aria-pressed') === 'false');
  await waitSaid(page, /Session complete\. Well done\./, 120000);
  const live = await page.evaluate(() => window.__live);
  const all = live.join('\n');
  // The exercise, the phase (hold, release, rest, sides) and the counts were all said.
  for (const words of [/(Up next|Get ready): Draw-in/, /^Hold \d+$/m, /^\d+$/m, /And release/, /Rep 1 done/,
    /Switch to the (left|right) side/, /Rest \d+ seconds/, /Well done/]) {
    assert.match(all, words);
  }
  assert.equal((all.match(/Well done/g) || []).length >= 2, true, 'each exercise and the session end are said');
  await page.waitForFunction(() => document.getElementById('sb-start').textContent === 'Finish');
  assert.equal(await page.isHidden('#sb-next'), true);
  await press(page, 'start');
  await waitSaid(page, /^Today: Quick taster/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Escape stops the session as Stop does; the Safety icon pauses it, shows safety, and returns', { timeout: 120000 },
  async () => {
    const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1 });
    await chooseTaster(page, env.server.url);
    let lay = await startSession(page);
    // The header: Back, the exercise's name in full, Options and Safety as icons, each 44 px or more.
    for (const id of ['player.back', 'player.action', 'player.safety']) {
      const it = layoutItem(lay, id);
      assert.ok(it && it.w >= 44 && it.h >= 44, `${id} is ${it?.w}x${it?.h}`);
    }
    assert.equal(layoutItem(lay, 'player.title').clipped, false);
    assert.ok(layoutItem(lay, 'player.title').x + layoutItem(lay, 'player.title').w <= layoutItem(lay, 'player.action').x);
    await saveScreenshot(page, 'player-header-390x844');

    // Safety from the player: the session pauses, the safety page shows, Back returns to it.
    await page.waitForFunction(() => window.__steady.controls?.paused === false);
    await tapControl(page, 'player.safety');
    await waitScreen(page, 'about');
    await page.waitForTimeout(1000);  // the person reads for a while
    await tapControl(page, 'about.back');
    lay = await waitScreen(page, 'player');
    await page.waitForFunction(() => window.__steady.controls?.paused === true);
    assert.equal(await page.getAttribute('#sb-pause', 'aria-pressed'), 'true');

    // Escape on the canvas: the same path as Stop, the pain question first.
    await page.focus('#canvas');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__steady.layout.items.some((i) => i.id === 'player.pain.question'));
    assert.equal((await layout(page)).screen, 'player', 'Escape stops the exercise, not the app');
    await tapControl(page, 'player.pain.6');
    await page.waitForFunction(() => !window.__steady.layout.items.some((i) => i.id === 'player.pain.question'));
    // The stopped exercise is kept with its rating, as Stop keeps it.
    let saved = [];
    for (let i = 0; i < 20 && !saved.some((r) => /"outcome":"stopped"/.test(r)); i++) {
      await page.waitForTimeout(200);
      saved = Object.values(await storedRecords(page, 'sessions'));
    }
    assert.equal(saved.length, 1, 'the session was saved');
    assert.match(saved[0], /"outcome":"stopped"[^}]*"pain":6/);
    assert.deepEqual(problems, []);
    await context.close();
  });

test('text size, colours and less motion are kept and honoured', { timeout: 120000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1 });
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await tap(page, 'today.settings');
  const normal = await waitScreen(page, 'settings');
  const titleBefore = layoutItem(normal, 'settings.cues');
  await tap(page, 'settings.text_size.2');
  await page.waitForFunction((h) => {
    const it = window.__steady.layout.items.find((i) => i.id === 'settings.cues');
    return it && it.h > h * 1.2;
  }, titleBefore.h);
  const fontMs = await page.evaluate(() => window.__steady.font_build_ms);
  assert.ok(fontMs >= 0 && fontMs < 1000, `the font atlas was rebuilt in ${fontMs} ms`);
  await tap(page, 'settings.theme.2');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await tap(page, 'settings.motion.1');
  await page.waitForTimeout(400);
  await page.reload();
  await waitForFirstFrame(page);
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  // Less motion: the exercise's demonstration stands still, so the app stops drawing.
  const card = (await layout(page)).items.find((i) => /^today\.item\./.test(i.id));
  await tap(page, card.id);
  await waitScreen(page, 'exercise');
  await page.mouse.move(1, 1);
  await page.waitForTimeout(800);
  const f0 = await page.evaluate(() => window.__steady.frames);
  await page.waitForTimeout(1000);
  const f1 = await page.evaluate(() => window.__steady.frames);
  assert.ok(f1 - f0 <= 2, `a still screen draws no frames (${f1 - f0} in 1 s)`);
  await saveScreenshot(page, 'settings-dark-largest-exercise');
  assert.deepEqual(problems, []);
  await context.close();
});
