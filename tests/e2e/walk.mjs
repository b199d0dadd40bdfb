// walk: visits every screen of the app in one pass, from a fresh profile, for the layout
// checks and the screenshots (layout.test.mjs, screens.test.mjs). Taps by layout id.
import { waitForFirstFrame, layout, layoutItem, waitScreen } from './harness.mjs';

// Taps a control by layout id, first scrolling it towards the upper middle of the window,
// where no fixed footer (Today's Start) can lie over it.
export async function tap(page, id) {
  const viewport = page.viewportSize();
  let it = layoutItem(await layout(page), id);
  if (!it) throw new Error(`${id} is not on the ${(await layout(page))?.screen} screen`);
  let still = 0;
  for (let i = 0; i < 30; i++) {
    const mid = it.y + Math.min(it.h, 56) / 2;
    if (mid > 72 && mid < viewport.height * 0.6) break;
    if (i === 0) {
      // ImGui scrolls the area under the pointer: let it see the pointer there first.
      await page.mouse.move(viewport.width / 2, viewport.height / 2);
      await settle(page, 2);
    }
    await page.mouse.wheel(0, Math.max(-300, Math.min(300, mid - viewport.height * 0.35)));
    await settle(page, 2);  // the scroll shows in the layout once the app has drawn it
    const moved = layoutItem(await layout(page), id);
    if (!moved) throw new Error(`${id} left the screen while scrolling`);
    still = Math.abs(moved.y - it.y) < 0.5 ? still + 1 : 0;
    if (still >= 2) break;  // it does not scroll (header, footer) or cannot go further
    it = moved;
  }
  await page.mouse.click(it.x + it.w / 2, it.y + Math.min(it.h / 2, 28));
}

// Waits until the app has drawn a few more frames, so what it shows has settled.
export async function settle(page, frames = 4) {
  const start = await page.evaluate(() => window.__steady?.frames || 0);
  // The app draws only when something changes: a few frames follow any input within a
  // moment, and none come once it is idle, so a short wait tells both apart.
  await page.waitForFunction((n) => (window.__steady?.frames || 0) >= n, start + frames, { timeout: 1000 })
    .catch(() => { /* an idle app draws nothing more: it has settled */ });
  await page.waitForTimeout(150);
}

// Waits for the layout to hold an item with this id.
export async function waitItem(page, id, timeout = 10000) {
  await page.waitForFunction((want) => window.__steady?.layout?.items.some((i) => i.id === want), id, { timeout });
  return layout(page);
}

// Chooses a text size (0 normal, 1 large, 2 largest) in Settings, keeps it, and reloads the
// app so the walk starts from Welcome again with it.
export async function setTextSize(page, url, size) {
  await page.goto(url);
  await waitForFirstFrame(page);
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await tap(page, 'today.settings');
  await waitScreen(page, 'settings');
  await tap(page, `settings.text_size.${size}`);
  await page.waitForFunction(() => (window.__steady?.font_build_ms ?? -1) >= 0);
  await page.waitForTimeout(300);  // the settings record reaches IndexedDB
  await page.reload();
  await waitForFirstFrame(page);
}

// Visits every screen; visit(name, page) is called on each once it has settled.
export async function walkScreens(page, url, visit, { fresh = true } = {}) {
  if (fresh) {
    await page.goto(url);
    await waitForFirstFrame(page);
  }
  const at = async (name, screen = name) => {
    await waitScreen(page, screen);
    await settle(page);
    await visit(name, page);
  };
  await at('welcome');
  await tap(page, 'welcome.about');
  await at('about');
  await tap(page, 'about.back');
  await waitScreen(page, 'welcome');
  await tap(page, 'welcome.start');
  await at('today');
  await tap(page, 'today.programmes');
  await at('programmes');
  await tap(page, 'programmes.card.taster');
  await waitScreen(page, 'today');
  await tap(page, 'today.action');
  await at('library');
  const card = (await layout(page)).items.find((i) => /^library\.card\.[^.]+$/.test(i.id));
  await tap(page, card.id);
  await at('exercise');
  await tap(page, 'exercise.back');
  await waitScreen(page, 'library');
  await tap(page, 'library.back');
  await waitScreen(page, 'today');
  await tap(page, 'today.progress');
  await at('history');
  await tap(page, 'history.back');
  await waitScreen(page, 'today');
  await tap(page, 'today.settings');
  await at('settings');
  await tap(page, 'settings.back');
  await waitScreen(page, 'today');
  await tap(page, 'today.start');
  await at('safety_check');
  await tap(page, 'safety_check.urgent.yes');
  await at('care_urgent');
  await tap(page, 'care.back_to_questions');
  await waitScreen(page, 'safety_check');
  await tap(page, 'safety_check.soon.yes');
  await at('care_soon');
  await tap(page, 'care.back');
  await waitScreen(page, 'safety_check');
  await tap(page, 'safety_check.none');
  await at('before');
  await tap(page, 'before.skip');
  await waitScreen(page, 'player');
  await page.waitForTimeout(1500);  // into the first exercise's movement
  await at('player');
  await tap(page, 'player.stop');
  await waitItem(page, 'player.pain.0');
  await settle(page);
  await visit('player_pain', page);
  await tap(page, 'player.pain.skip');
  for (let i = 0; i < 10 && (await layout(page)).screen === 'player'; i++) {
    if (layoutItem(await layout(page), 'player.next')) {
      // The session may end between reading the layout and the tap.
      await tap(page, 'player.next').catch((err) => { if (!/summary/.test(err.message)) throw err; });
    }
    await page.waitForTimeout(250);
  }
  await at('summary');
  await tap(page, 'summary.finish');
  await waitScreen(page, 'today');
  await page.goto('about:blank');
  await page.goto(`${url}#poses=knee-to-chest`);
  await waitForFirstFrame(page);
  await at('poses');
}
