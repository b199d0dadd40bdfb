// walk: visits every screen of the app in one pass, from a fresh profile, for the layout
// checks and the screenshots (layout.test.mjs, screens.test.mjs). Taps by layout id, scrolls
// only when a control is not in view, and waits for the app's own frames rather than for time.
// WALK_DEBUG=1 prints how long each screen took.
import { waitForFirstFrame, layout, layoutItem, waitScreen } from './harness.mjs';

// The screens walkScreens visits, in order (a name is a screen or one of its states).
export const kWalkScreens = [
  'welcome', 'about', 'today', 'about_from_today', 'programmes', 'builder', 'builder_dosage', 'library_pick',
  'builder_problem', 'share', 'prescription', 'prescription_error', 'library', 'exercise', 'history', 'settings',
  'settings_sound_off', 'settings_dark', 'settings_high_contrast', 'safety_check', 'care_urgent', 'care_soon',
  'before', 'player', 'player_options', 'player_paused', 'player_pain', 'summary', 'today_done', 'history_done',
  'today_storage', 'poses',
];

// What is wrong with one screen's layout, in words (empty when nothing): text cut off or
// wider than the room it was given, a control under 44x44 CSS px, anything but a figure
// running off the side of the window.
export function layoutProblems(name, lay) {
  const problems = [];
  for (const it of lay.items) {
    const where = `${name}: ${it.id}`;
    if (it.clipped) problems.push(`${where} is cut off`);
    if (it.kind === 'text' && it.aw > 0 && it.w > it.aw + 0.5) problems.push(`${where} is ${it.w} px wide in ${it.aw} px`);
    if (it.kind === 'button' && (it.w < 44 - 0.01 || it.h < 44 - 0.01)) {
      problems.push(`${where} is ${it.w}x${it.h} px, under 44x44`);
    }
    if (it.kind !== 'figure' && (it.x < -0.5 || it.x + it.w > lay.width + 0.5)) {
      problems.push(`${where} runs off the side (${it.x}..${it.x + it.w} of ${lay.width})`);
    }
  }
  return problems;
}

// Controls and texts drawn over one another where both show (one wholly inside the other,
// like a card's title or its own button, is by design): "a and b overlap".
export function overlaps(name, lay) {
  const shown = (it) => ({
    x0: it.x, x1: it.x + it.w,
    y0: Math.max(it.y, it.vt ?? -Infinity), y1: Math.min(it.y + it.h, it.vb ?? Infinity),
  });
  const parts = lay.items.filter((i) => i.kind !== 'figure').map((i) => ({ id: i.id, r: shown(i) }))
    .filter((c) => c.r.y1 - c.r.y0 > 1);
  const inside = (a, b) => a.x0 >= b.x0 - 0.5 && a.x1 <= b.x1 + 0.5 && a.y0 >= b.y0 - 0.5 && a.y1 <= b.y1 + 0.5;
  const found = [];
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const a = parts[i].r, b = parts[j].r;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > 1 && h > 1 && !inside(a, b) && !inside(b, a)) found.push(`${name}: ${parts[i].id} and ${parts[j].id} overlap`);
    }
  }
  return found;
}

const kFooterPad = 16;
const pointers = new WeakMap();  // page -> where the walk last put the mouse pointer
const notchSteps = new WeakMap();  // page -> CSS px one wheel notch scrolls a list  // a fixed footer's plain background above and below its button

// Where a tap on item lands on the item itself, or null when too little of it is in view: the
// rows its scrolling area shows (vt..vb), less any fixed control drawn over the area.
function tapPoint(lay, it, whole = false) {
  const x = it.x + it.w / 2;
  let top = Math.max(it.y, it.vt ?? 0, 0);
  let bottom = Math.min(it.y + it.h, it.vb ?? lay.height, lay.height);
  if (it.vt !== undefined) {
    for (const o of lay.items.slice(lay.items.indexOf(it) + 1)) {
      if (o.kind !== 'button' || o.vt !== undefined || x < o.x || x > o.x + o.w) continue;
      const o0 = o.y - kFooterPad, o1 = o.y + o.h + kFooterPad;
      if (o0 <= top && o1 > top) top = o1;
      if (o0 < bottom && o1 >= bottom) bottom = o0;
    }
  }
  const need = whole ? it.h : Math.min(it.h, 40);
  if (bottom - top < need - 0.5) return null;
  return { x, y: top + Math.min(bottom - top, 56) / 2 };
}

// Resolves once the app has drawn n frames more than it had drawn at `since`.
async function framesAfter(page, since, n, timeout = 5000) {
  await page.waitForFunction(([f, k]) => (window.__steady?.frames || 0) >= f + k, [since, n], { timeout, polling: 'raf' });
}

async function frameCount(page) {
  return page.evaluate(() => window.__steady?.frames || 0);
}

// Scrolls the area of the control with this layout id until enough of it is in view to tap
// (all of it with whole), and returns the layout and the point to tap.
export async function scrollIntoView(page, id, { whole = false } = {}) {
  let lay = await layout(page);
  let it = layoutItem(lay, id);
  if (!it) throw new Error(`${id} is not on the ${lay?.screen} screen`);
  let step = notchSteps.get(page) || 0;  // CSS px one wheel notch scrolls, once seen
  let stuck = 0;  // wheels in a row that did not move it
  for (let i = 0; i < 16 && stuck < 3 && !tapPoint(lay, it, whole); i++) {
    // The pointer goes to the area's left margin, clear of any text field.
    const areaMid = ((it.vt ?? 0) + (it.vb ?? lay.height)) / 2;
    const off = it.y - (areaMid - Math.min(it.h, 56) / 2);
    // One notch first to learn how far a notch goes, then as many as the distance needs.
    const notches = step ? Math.max(1, Math.min(20, Math.round(Math.abs(off) / step))) : 1;
    // ImGui sends the wheel to the area it saw under the pointer: show it the pointer first.
    const to = { x: 4, y: Math.round(areaMid) + stuck * 8 };
    const from = pointers.get(page);
    if (!from || from.x !== to.x || from.y !== to.y) {
      const frames = await frameCount(page);
      await page.mouse.move(to.x, to.y);
      pointers.set(page, to);
      await framesAfter(page, frames, 1);
    }
    // ImGui counts one notch per wheel event however long it is, and SDL one event per 100 px:
    // all of them at once, in one call to the page.
    await page.evaluate(([n, dy, x, y]) => {
      const canvas = document.getElementById('canvas');
      for (let k = 0; k < n; k++) {
        canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: dy, clientX: x, clientY: y, bubbles: true, cancelable: true }));
      }
    }, [notches, Math.sign(off) * 150, to.x, to.y]);
    const before = it.y;
    // The wheel is in the app's queue now: the next frame reads it and publishes the moved
    // layout; once the app is idle again, a layout that did not move will not.
    await movedOrIdle(page, id, before);
    lay = await layout(page);
    it = layoutItem(lay, id);
    if (!it) throw new Error(`${id} left the ${lay?.screen} screen while scrolling`);
    if (process.env.WALK_DEBUG) console.log(`  scrolled for ${id}: ${before} -> ${it.y} (${notches})`);
    const moved = Math.abs(it.y - before);
    stuck = moved < 0.5 ? stuck + 1 : 0;
    if (moved >= 0.5 && notches === 1) notchSteps.set(page, step = moved);
  }
  const at = tapPoint(lay, it, whole);
  if (!at) throw new Error(`${id} cannot be scrolled into view on the ${lay.screen} screen`);
  return { lay, at };
}

// Resolves once the item with this id is no longer at y, or the app has gone idle (no frame
// for three display frames) with it still there.
async function movedOrIdle(page, id, y) {
  await page.evaluate(([want, y0]) => new Promise((resolve) => {
    let last = window.__steady?.frames || 0, idle = 0, ticks = 0;
    const tick = () => {
      const f = window.__steady?.frames || 0;
      const it = window.__steady?.layout?.items.find((i) => i.id === want);
      idle = f === last ? idle + 1 : 0;
      last = f;
      if (!it || Math.abs(it.y - y0) >= 0.5 || idle >= 3 || ++ticks > 300) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), [id, y]);
}

// Taps a control by layout id, scrolling its area first when too little of it is in view.
// Returns once the app has drawn the frames that follow the tap (two taps in one frame would
// count as one).
export async function tap(page, id) {
  const { at } = await scrollIntoView(page, id);
  const frames = await frameCount(page);
  await page.mouse.click(at.x, at.y);
  pointers.set(page, at);
  await framesAfter(page, frames, 2);
}

// Waits until what the app shows has settled: it went idle (no frame drawn for three display
// frames), or, on a screen that keeps moving, it drew four more frames.
export async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    let last = window.__steady?.frames || 0, idle = 0, drawn = 0, ticks = 0;
    const tick = () => {
      const f = window.__steady?.frames || 0;
      if (f === last) idle++;
      else { drawn += f - last; last = f; idle = 0; }
      if (idle >= 3 || drawn >= 4 || ++ticks > 300) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

// Waits for the layout to hold an item with this id.
export async function waitItem(page, id, timeout = 10000) {
  await page.waitForFunction((want) => window.__steady?.layout?.items.some((i) => i.id === want), id, { timeout, polling: 'raf' });
  return layout(page);
}

// Opens the app and waits until it has read what the device keeps (settings, progress).
async function openApp(page, url) {
  await page.goto(url);
  await waitForFirstFrame(page);
  await page.waitForFunction(() => window.steadyStorage?.status() !== 0, null, { polling: 'raf' });
}

// Chooses a text size (0 normal, 1 large, 2 largest) in Settings, keeps it, and reloads the
// app so the walk starts from Welcome again with it.
export async function setTextSize(page, url, size) {
  await openApp(page, url);
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await tap(page, 'today.settings');
  await waitScreen(page, 'settings');
  await tap(page, `settings.text_size.${size}`);
  await page.waitForFunction(() => (window.__steady?.font_build_ms ?? -1) >= 0);
  await page.waitForFunction(() => window.steadyStorage.pending() === 0);  // the settings reached IndexedDB
  await page.reload();
  await waitForFirstFrame(page);
  await page.waitForFunction(() => window.steadyStorage?.status() !== 0, null, { polling: 'raf' });
}

// Every IndexedDB write from now on fails as on a full disk (the app must say so, and keep
// what it has).
function failWritesAsFull() {
  const realPut = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    const req = realPut.call(this, value, key);
    Object.defineProperty(this.transaction, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
    this.transaction.abort();
    return req;
  };
}

// Visits every screen of kWalkScreens; visit(name, page) is called on each once it has
// settled. With fresh false the page is already open on Welcome (setTextSize).
export async function walkScreens(page, url, visit, { fresh = true } = {}) {
  const debug = process.env.WALK_DEBUG;
  let clock = Date.now();
  if (fresh) await openApp(page, url);
  const at = async (name, screen = name) => {
    await waitScreen(page, screen);
    // The pointer leaves the control it tapped (a finger lifts): no hover colours in the picture.
    await page.mouse.move(1, 1);
    pointers.set(page, { x: 1, y: 1 });
    await settle(page);
    const reached = Date.now();
    await visit(name, page);
    if (debug) console.log(`walk ${name}: ${reached - clock} ms to reach, ${Date.now() - reached} ms to visit`);
    clock = Date.now();
  };
  const go = async (id, screen) => {
    await tap(page, id);
    if (screen) await waitScreen(page, screen);
  };

  // First visit, and the safety notes from two places.
  await at('welcome');
  await go('welcome.about');
  await at('about');
  await go('about.back', 'welcome');
  await go('welcome.start');
  await at('today');
  await go('today.safety');
  await at('about_from_today', 'about');
  await go('about.back', 'today');

  // Programmes, the builder with its states, sharing, and the link it makes, which becomes
  // the programme (three short exercises: the Quick taster's, which keeps the session short).
  await go('today.programmes');
  await at('programmes');
  await go('programmes.build');
  await at('builder');
  await go('builder.preset.taster');
  await go('builder.item.0.change');
  await waitItem(page, 'builder.item.0.reps.up');
  await at('builder_dosage', 'builder');
  await go('builder.add');
  await at('library_pick', 'library');
  // An exercise the Quick taster does not have (pelvic tilt, knee to chest, draw-in).
  const card = (await layout(page)).items.find((i) => /^library\.card\.[^.]+$/.test(i.id) &&
    !/\.(pelvic-tilt|knee-to-chest|draw-in)$/.test(i.id));
  await go(card.id, 'builder');
  // No name: the builder says what is missing. (The name is a real text field, laid over
  // the canvas while its box is in view.)
  await scrollIntoView(page, 'builder.field.title', { whole: true });
  await page.waitForSelector('#sb-field-title', { state: 'visible', timeout: 5000 });
  await page.fill('#sb-field-title', '');
  await go('builder.make');
  await waitItem(page, 'builder.problem');
  await scrollIntoView(page, 'builder.problem');
  await at('builder_problem', 'builder');
  await scrollIntoView(page, 'builder.field.title', { whole: true });
  await page.waitForSelector('#sb-field-title', { state: 'visible', timeout: 5000 });
  await page.fill('#sb-field-title', 'Week one at home');
  await go('builder.make');
  await at('share');
  await go('share.try');
  await at('prescription');
  await go('prescription.use', 'today');
  await page.evaluate(() => { location.hash = '#rx=hello'; });
  await at('prescription_error');
  await go('prescription_error.today', 'today');

  // The library and an exercise, History before any session, Settings and its states.
  await go('today.library');
  await at('library');
  const first = (await layout(page)).items.find((i) => /^library\.card\.[^.]+$/.test(i.id));
  await go(first.id);
  await at('exercise');
  await go('exercise.back', 'library');
  await go('library.back', 'today');
  await go('today.progress');
  await at('history');
  await go('history.back', 'today');
  await go('today.settings');
  await at('settings');
  await go('settings.sound');
  await at('settings_sound_off', 'settings');
  await go('settings.sound');
  await go('settings.theme.2');
  await at('settings_dark', 'settings');
  await go('settings.theme.3');
  await at('settings_high_contrast', 'settings');
  await go('settings.theme.0');
  await go('settings.back', 'today');

  // The safety questions and their answers, then a session.
  await go('today.start');
  await at('safety_check');
  await go('safety_check.urgent.yes');
  await at('care_urgent');
  await go('care.back_to_questions', 'safety_check');
  await go('safety_check.soon.yes');
  await at('care_soon');
  await go('care.back', 'safety_check');
  await go('safety_check.none');
  await at('before');
  await go('before.skip', 'player');
  // Into the first exercise's movement.
  await page.waitForFunction(() => window.__steady.layout.items.some((i) => i.id === 'player.figure'), null, { polling: 'raf' });
  await page.waitForTimeout(1200);
  await at('player');
  await go('player.action');
  await waitItem(page, 'player.options.slower');
  await at('player_options', 'player');
  await go('player.action');
  await go('player.pause');
  await at('player_paused', 'player');
  await go('player.pause');
  await go('player.stop');
  await waitItem(page, 'player.pain.0');
  await at('player_pain', 'player');
  await go('player.pain.skip');
  for (let i = 0; i < 12 && (await layout(page)).screen === 'player'; i++) {
    // The session may end between reading the layout and the tap.
    if (layoutItem(await layout(page), 'player.next')) {
      await tap(page, 'player.next').catch((err) => { if (!/summary/.test(err.message)) throw err; });
    }
  }
  await at('summary');
  await go('summary.finish', 'today');
  await page.waitForFunction(() => window.steadyStorage.pending() === 0);
  await at('today_done', 'today');
  await go('today.progress');
  await at('history_done', 'history');
  await go('history.back', 'today');

  // A storage problem: the disk is full when the programme is changed.
  await page.evaluate(failWritesAsFull);
  await go('today.programmes', 'programmes');
  await go('programmes.card.gentle-start', 'today');
  await waitItem(page, 'today.storage');
  await scrollIntoView(page, 'today.storage');
  await at('today_storage', 'today');

  // A link straight to an exercise's key poses (handouts, the gallery) opens the app afresh.
  await page.goto('about:blank');
  await page.goto(`${url}#poses=knee-to-chest`);
  await waitForFirstFrame(page);
  await at('poses');
}
