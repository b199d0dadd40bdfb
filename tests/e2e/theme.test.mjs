// Themes follow the person's system: a dark colour scheme gives the dark theme and a request
// for more contrast the high-contrast one. In each theme the page and the canvas share one
// background, and every screen (Today, Library, an exercise, the player) has readable ink.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  openPage, waitForFirstFrame, layout, layoutItem, saveScreenshot, inkFraction, kRoot, useBrowserAndServer, tap, waitScreen, startSession,
} from './harness.mjs';

const themes = JSON.parse(fs.readFileSync(path.join(kRoot, 'assets/themes.json'), 'utf8')).themes;
const env = useBrowserAndServer(before, after);
const kPhone = { width: 390, height: 844, dpr: 3, mobile: true };

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

// Relative luminance (WCAG) of an sRGB colour given as 0..255 channels.
function luminance([r, g, b]) {
  const lin = (c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function pixel(png, x, y, dpr) {
  const i = (Math.floor(y * dpr) * png.width + Math.floor(x * dpr)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

// Checks that the text laid out under id has ink against colour (a theme colour's hex).
function assertInk(png, lay, id, hex, what) {
  const it = layoutItem(lay, id);
  assert.ok(it, `${id} is on the ${lay.screen} screen`);
  const ink = inkFraction(png, it, kPhone.dpr, rgb(hex));
  assert.ok(ink > 0.02, `${what} has visible ink (${ink.toFixed(3)})`);
}

for (const [id, media] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['high-contrast', { colorScheme: 'dark', contrast: 'more' }],
]) {
  test(`the ${id} theme draws every screen readably`, async () => {
    const theme = themes[id];
    const { context, page, problems } = await openPage(env.browser, kPhone);
    await page.emulateMedia({ ...media, reducedMotion: 'reduce' });
    await page.goto(env.server.url);
    await waitForFirstFrame(page);
    await page.waitForSelector('#loading', { state: 'hidden', timeout: 5000 });

    // The page around the canvas wears the same background as the canvas.
    const bodyBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bodyBg, `rgb(${rgb(theme.background).join(', ')})`);
    let shot = await saveScreenshot(page, `theme-${id}-welcome`);
    const corner = pixel(shot.png, 2, kPhone.height - 2, kPhone.dpr);
    assert.deepEqual(corner, rgb(theme.background), 'the canvas background is the theme colour');
    if (id !== 'light') assert.ok(luminance(corner) < 0.05, `the ${id} background is dark (${corner})`);
    else assert.ok(luminance(corner) > 0.8, `the light background is light (${corner})`);
    let lay = await layout(page);
    assertInk(shot.png, lay, 'welcome.title', theme.background, 'the title');

    await tap(page, 'welcome.start');
    lay = await waitScreen(page, 'today');
    shot = await saveScreenshot(page, `theme-${id}-today`);
    assertInk(shot.png, lay, 'today.programme', theme.background, 'the programme name');
    assertInk(shot.png, lay, 'today.description', theme.background, 'the description');
    const card = lay.items.find((i) => /^today\.item\.[a-z0-9-]+\.title$/.test(i.id));
    assertInk(shot.png, lay, card.id, theme.surface, 'an exercise card title');

    await tap(page, 'today.action');
    lay = await waitScreen(page, 'library');
    shot = await saveScreenshot(page, `theme-${id}-library`);
    const first = lay.items.find((i) => /^library\.card\.[a-z0-9-]+$/.test(i.id));
    assertInk(shot.png, lay, `${first.id}.name`, theme.surface, 'a card name');
    assertInk(shot.png, lay, `${first.id}.summary`, theme.surface, 'a card summary');
    assertInk(shot.png, lay, 'library.category.all', theme.background, 'the selected chip');

    await tap(page, first.id);
    lay = await waitScreen(page, 'exercise');
    await page.waitForTimeout(300);  // let the demonstration figure draw
    shot = await saveScreenshot(page, `theme-${id}-exercise`);
    assertInk(shot.png, lay, 'exercise.step.1', theme.background, 'the first step');
    const figure = layoutItem(lay, 'exercise.figure');
    assert.ok(inkFraction(shot.png, figure, kPhone.dpr, rgb(theme.surface)) > 0.01, 'the figure is drawn');

    await tap(page, 'exercise.back');
    await waitScreen(page, 'library');
    await tap(page, 'library.back');
    await waitScreen(page, 'today');
    lay = await startSession(page);
    await page.waitForTimeout(300);
    shot = await saveScreenshot(page, `theme-${id}-player`);
    assertInk(shot.png, lay, 'player.count', theme.background, 'the count');
    assertInk(shot.png, lay, 'player.pause', theme.primary, 'the Pause button');
    assertInk(shot.png, lay, 'player.stop', theme.surface, 'Stop - this hurts');
    assert.ok(inkFraction(shot.png, layoutItem(lay, 'player.figure'), kPhone.dpr, rgb(theme.surface)) > 0.01,
      'the player figure is drawn');

    assert.deepEqual(problems, [], 'no console errors or failed requests');
    await context.close();
  });
}
