// Every screen at the smallest phone (320x568), at the normal and the largest text size:
// no text is cut off or wider than the room it was given, nothing sticks out sideways, and
// every control is at least 44x44 CSS px. Read from the layout data the app publishes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowserAndServer } from './harness.mjs';
import { walkScreens, setTextSize } from './walk.mjs';

const env = useBrowserAndServer(before, after);
const kScreens = ['welcome', 'about', 'today', 'programmes', 'library', 'exercise', 'history', 'settings', 'safety_check',
  'care_urgent', 'care_soon', 'before', 'player', 'player_pain', 'summary', 'poses'];

// What is wrong with one screen's layout, in words (empty when nothing).
function layoutProblems(name, lay) {
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

async function checkAllScreens(textSize) {
  const { context, page, problems } = await openPage(env.browser, { width: 320, height: 568, dpr: 2, mobile: true });
  if (textSize > 0) await setTextSize(page, env.server.url, textSize);
  const seen = [];
  const found = [];
  await walkScreens(page, env.server.url, async (name) => {
    const lay = await page.evaluate(() => window.__steady.layout);
    assert.equal(lay.width, 320);
    assert.ok(lay.items.some((i) => i.kind === 'text'), `${name} shows text`);
    assert.ok(lay.items.some((i) => i.kind === 'button'), `${name} has controls`);
    seen.push(name);
    if (process.env.WALK_DEBUG) console.log("visited", name, Date.now());
    found.push(...layoutProblems(name, lay));
  }, { fresh: textSize === 0 });
  assert.deepEqual(seen, kScreens, 'every screen was visited');
  assert.deepEqual(found, [], `layout problems at text size ${textSize}`);
  assert.deepEqual(problems, []);
  await context.close();
}

test('every screen fits 320x568 at the normal text size', { timeout: 180000 }, async () => {
  await checkAllScreens(0);
});

test('every screen fits 320x568 at the largest text size', { timeout: 180000 }, async () => {
  await checkAllScreens(2);
});

test('the layout checks catch cut-off text and small controls', () => {
  // The checks themselves must be able to fail.
  const lay = { width: 320, items: [
    { id: 'a', kind: 'text', x: 16, y: 0, w: 300, h: 20, clipped: false, aw: 288 },
    { id: 'b', kind: 'button', x: 16, y: 0, w: 40, h: 44, clipped: false },
    { id: 'c', kind: 'text', x: 16, y: 0, w: 100, h: 20, clipped: true, aw: 100 },
    { id: 'd', kind: 'button', x: 300, y: 0, w: 60, h: 60, clipped: false },
  ] };
  assert.equal(layoutProblems('x', lay).length, 4);
});
