// Browsing the library: filters narrow the list, a card opens the exercise's page with its
// steps and dosage, variants link to each other, and Back returns. The equipment and "eases
// my pain" filters and the search (typed into the page's real <input>) show exactly what
// exercises.json says they should; nothing matching says so and offers to clear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  openPage, waitForFirstFrame, layout, layoutItem, saveScreenshot, kRoot, useBrowserAndServer, tap, waitScreen,
} from './harness.mjs';

const exercises = JSON.parse(fs.readFileSync(path.join(kRoot, 'assets/exercises.json'), 'utf8')).exercises;
const env = useBrowserAndServer(before, after);

// The ids of the exercise cards the library shows, in order.
async function shownIds(page) {
  const lay = await layout(page);
  return lay.items.filter((i) => /^library\.card\.[a-z0-9-]+$/.test(i.id)).map((i) => i.id.slice('library.card.'.length));
}

// Waits until the library shows exactly these exercises (in any order), and returns what it shows.
async function waitShown(page, ids) {
  await page.waitForFunction((want) => {
    const got = window.__steady.layout.items.filter((i) => /^library\.card\.[a-z0-9-]+$/.test(i.id))
      .map((i) => i.id.slice('library.card.'.length));
    return got.length === want.length && want.every((id) => got.includes(id));
  }, ids, { timeout: 5000 }).catch(() => { /* the comparison below says what differs */ });
  const got = await shownIds(page);
  assert.deepEqual([...got].sort(), [...ids].sort());
  return got;
}

// Text as the search compares it: lowercase, accents off, apostrophes dropped, words apart.
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['\u2019]/g, '')
  .replace(/[^a-z0-9]+/g, ' ').trim();

// What a search should find: every word in the name, or in the name and summary together.
function searched(query) {
  const words = fold(query).split(' ').filter(Boolean);
  const has = (text) => words.every((w) => fold(text).includes(w));
  const byName = exercises.filter((e) => has(e.name));
  const bySummary = exercises.filter((e) => !has(e.name) && has(`${e.name} ${e.summary}`));
  return { byName: byName.map((e) => e.id), bySummary: bySummary.map((e) => e.id) };
}

// Opens the library from a fresh profile.
async function openLibrary(page) {
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await tap(page, 'today.action');
  return waitScreen(page, 'library');
}

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
  // Each filter row unfolds under its chip, one at a time, every chip within the column.
  // At this width the categories fold away too.
  assert.ok(layoutItem(lay, 'library.categories') && !layoutItem(lay, 'library.category.all'));
  for (const [fold, first] of [['library.categories', 'library.category.stretch'], ['library.positions', 'library.position.supine'],
    ['library.equipment', 'library.equipment.none'], ['library.eases', 'library.eases.moving']]) {
    await tap(page, fold);
    await page.waitForFunction((id) => window.__steady.layout.items.some((i) => i.id === id), first);
    const open = await layout(page);
    for (const it of open.items.filter((i) => i.kind === 'button')) {
      assert.ok(it.w >= 44 && it.h >= 44, `${it.id} is ${it.w}x${it.h}`);
      assert.ok(!it.clipped, `${it.id} is not clipped`);
      assert.ok(it.x >= 0 && it.x + it.w <= 320 + 0.5, `${it.id} lies within the screen (${it.x}+${it.w})`);
    }
    assert.ok(open.items.filter((i) => i.kind === 'text').every((i) => !i.clipped), `no text clipped with ${fold} open`);
    await saveScreenshot(page, `library-${fold.split('.')[1]}-open-320x568`);
    await tap(page, fold);
    await page.waitForFunction((id) => !window.__steady.layout.items.some((i) => i.id === id), first);
  }
  await context.close();
});

test('what you have: each choice shows exactly the exercises that need nothing more', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 3, mobile: true });
  await openLibrary(page);
  await tap(page, 'library.equipment');
  await page.waitForFunction(() => window.__steady.layout.items.some((i) => i.id === 'library.equipment.mat'));
  await saveScreenshot(page, 'library-equipment-open-390x844');
  const within = (have) => exercises.filter((e) => (e.equipment || []).every((q) => q === 'none' || have.includes(q)))
    .map((e) => e.id);
  // Nothing at all: walking, standing exercises and the like.
  await tap(page, 'library.equipment.none');
  const none = within([]);
  assert.ok(none.length >= 3 && none.length < exercises.length, `${none.length} need nothing`);
  await waitShown(page, none);
  await page.waitForFunction((n) => document.getElementById('live').textContent === `${n} exercises shown.`, none.length);
  // A mat as well: the mat exercises join; a towel-and-mat stretch does not.
  await tap(page, 'library.equipment.mat');
  const mat = within(['mat']);
  assert.ok(mat.length > none.length);
  assert.ok(!mat.includes('hamstring-stretch-strap'), 'the strap stretch needs a towel too');
  await waitShown(page, mat);
  await tap(page, 'library.equipment.towel-strap');
  const towel = within(['mat', 'towel-strap']);
  assert.ok(towel.includes('hamstring-stretch-strap'));
  await waitShown(page, towel);
  // A pool alone: swimming and water exercise appear, the mat exercises go.
  await tap(page, 'library.equipment.none');
  await waitShown(page, none);
  await tap(page, 'library.equipment.pool');
  const pool = within(['pool']);
  assert.ok(pool.includes('swimming') && !pool.includes('knee-to-chest'));
  await waitShown(page, pool);
  // All: back to every exercise.
  await tap(page, 'library.equipment.all');
  await waitShown(page, exercises.map((e) => e.id));
  assert.deepEqual(problems, []);
  await context.close();
});

test('eases my pain when: each choice shows the exercises that list it, and filters combine', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 2, mobile: true });
  await openLibrary(page);
  for (const ease of ['bending-forward', 'leaning-back', 'moving']) {
    await tap(page, 'library.eases');
    await page.waitForFunction((id) => window.__steady.layout.items.some((i) => i.id === id), `library.eases.${ease}`);
    if (ease === 'bending-forward') await saveScreenshot(page, 'library-eases-open-390x844');
    await tap(page, `library.eases.${ease}`);
    const want = exercises.filter((e) => e.eases.includes(ease)).map((e) => e.id);
    assert.ok(want.length >= 5, `${ease}: ${want.length}`);
    await waitShown(page, want);
    await page.waitForFunction((n) => document.getElementById('live').textContent === `${n} exercises shown.`,
      want.length);
  }
  // The classic flexion exercises when sitting eases the pain; the press-up when leaning back does.
  const forward = exercises.filter((e) => e.eases.includes('bending-forward')).map((e) => e.id);
  assert.ok(forward.includes('knee-to-chest') && forward.includes('childs-pose') && !forward.includes('press-up'));
  // With Moving about still chosen, Stretch narrows it further; Clear filters brings back all.
  await tap(page, 'library.category.stretch');
  await waitShown(page, exercises.filter((e) => e.eases.includes('moving') && e.category === 'stretch').map((e) => e.id));
  await tap(page, 'library.clear');
  await waitShown(page, exercises.map((e) => e.id));
  assert.deepEqual(problems, []);
  await context.close();
});

test('search: typed into the real input, by part of a name, any case or accent; nothing matches, then clear',
  async () => {
    const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 3, mobile: true });
    await openLibrary(page);
    // The search box is a real text input over the canvas, labelled, with a hint.
    const input = page.locator('#sb-field-search');
    assert.equal(await input.getAttribute('aria-label'), 'Search exercises by name');
    assert.equal(await input.getAttribute('placeholder'), 'Search by name');
    assert.equal(await input.getAttribute('type'), 'search');
    // A tap on the box lands in the input, and typing goes there.
    await tap(page, 'library.search');
    await page.waitForFunction(() => document.activeElement?.id === 'sb-field-search');
    await page.keyboard.type('KNEE', { delay: 30 });
    const knee = searched('KNEE');
    assert.ok(knee.byName.includes('knee-to-chest'));
    const got = await waitShown(page, [...knee.byName, ...knee.bySummary]);
    // Name matches first.
    assert.deepEqual(got.slice(0, knee.byName.length).sort(), [...knee.byName].sort());
    await page.waitForFunction((n) => document.getElementById('live').textContent === `${n} exercises shown.`,
      knee.byName.length + knee.bySummary.length);
    await saveScreenshot(page, 'library-search-390x844');
    // Part of a word, with an accent and an apostrophe: "CHÍLD'S" finds Child's pose.
    await input.fill('');
    await page.keyboard.type('CHÍLD\'S', { delay: 30 });
    await waitShown(page, ['childs-pose']);
    await input.fill('stre');
    const stre = searched('stre');
    await waitShown(page, [...stre.byName, ...stre.bySummary]);
    // Nothing matches: a plain line and a Clear filters button, which empties the input too.
    await input.fill('zebra crossing');
    await waitShown(page, []);
    const lay = await layout(page);
    assert.ok(layoutItem(lay, 'library.empty'), 'the no-match line');
    assert.ok(!layoutItem(lay, 'library.empty').clipped);
    assert.ok(layoutItem(lay, 'library.empty.clear'), 'a Clear filters button');
    await page.waitForFunction(() => /No exercise matches/.test(document.getElementById('live').textContent));
    await saveScreenshot(page, 'library-no-match-390x844');
    await tap(page, 'library.empty.clear');
    await waitShown(page, exercises.map((e) => e.id));
    assert.equal(await input.inputValue(), '');
    // The search stays on the library: leaving hides the input, coming back shows it again.
    await tap(page, 'library.back');
    await waitScreen(page, 'today');
    assert.equal(await input.isHidden(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

test('the search box is reached with the keyboard, and hands the keys back', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1920, height: 1080, dpr: 1 });
  await openLibrary(page);
  // Tab to the box on the canvas, Enter puts the keys in the input.
  let focused = null;
  for (let i = 0; i < 20 && focused !== 'library.search'; i++) {
    await page.keyboard.press('Tab');
    await page.waitForTimeout(120);
    focused = (await layout(page)).items.find((x) => x.focused)?.id ?? null;
  }
  assert.equal(focused, 'library.search');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'sb-field-search');
  await page.keyboard.type('bridge');
  const bridge = searched('bridge');
  await waitShown(page, [...bridge.byName, ...bridge.bySummary]);
  await saveScreenshot(page, 'library-search-1920x1080');
  // Enter gives the keys back to the canvas; Escape then leaves the library as usual.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'canvas');
  await page.keyboard.press('Escape');
  await waitScreen(page, 'today');
  assert.deepEqual(problems, []);
  await context.close();
});
