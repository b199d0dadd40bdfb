// Browsing the library: filters narrow the list, a card opens the exercise's page with its
// steps and dosage, variants link to each other, and Back returns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  openPage, waitForFirstFrame, layout, layoutItem, saveScreenshot, kRoot, useBrowserAndServer, tap, waitScreen,
} from './harness.mjs';

const exercises = JSON.parse(fs.readFileSync(path.join(kRoot, 'assets/exercises.json'), 'utf8')).exercises;
const env = useBrowserAndServer(before, after);

test('library lists every exercise, filters, opens details, goes back', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 2, mobile: true });
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await tap(page, 'today.action');
  let lay = await waitScreen(page, 'library');
  assert.match(await page.textContent('#live'), new RegExp(`${exercises.length} exercises`));
  await saveScreenshot(page, 'library-phone-390x844');

  // Filter by "Seated": only seated exercises are announced.
  await tap(page, 'library.positions');
  await page.waitForFunction(() => window.__steady.layout.items.some((i) => i.id === 'library.position.seated'));
  await tap(page, 'library.position.seated');
  const seated = exercises.filter((e) => e.position === 'seated');
  await page.waitForFunction((n) => {
    const items = window.__steady.layout.items.filter((i) => /^library\.card\.[a-z0-9-]+$/.test(i.id));
    return items.length > 0 && items.every((i) => n.includes(i.id.slice('library.card.'.length)));
  }, seated.map((e) => e.id), { timeout: 5000 });
  lay = await layout(page);
  const first = lay.items.find((i) => /^library\.card\.[a-z0-9-]+$/.test(i.id));
  const id = first.id.slice('library.card.'.length);
  const ex = exercises.find((e) => e.id === id);

  // Open it: the page shows its steps.
  await tap(page, first.id);
  lay = await waitScreen(page, 'exercise');
  assert.equal(layoutItem(lay, 'exercise.title').clipped, false);
  for (let i = 1; i <= ex.steps.length; i++) assert.ok(layoutItem(lay, `exercise.step.${i}`), `step ${i} shown`);
  assert.match(await page.textContent('#live'), new RegExp(ex.name));
  await saveScreenshot(page, `exercise-${id}-phone`);

  await tap(page, 'exercise.back');
  await waitScreen(page, 'library');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every control on the library and exercise screens is at least 44 px', async () => {
  const { context, page } = await openPage(env.browser, { width: 320, height: 568, dpr: 2, mobile: true });
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await tap(page, 'today.action');
  const lay = await waitScreen(page, 'library');
  for (const it of lay.items.filter((i) => i.kind === 'button')) {
    assert.ok(it.w >= 44 && it.h >= 44, `${it.id} is ${it.w}x${it.h}`);
    assert.ok(!it.clipped, `${it.id} is not clipped`);
  }
  assert.ok(lay.items.filter((i) => i.kind === 'text').every((i) => !i.clipped), 'no text clipped');
  await saveScreenshot(page, 'library-phone-320x568');
  await context.close();
});
