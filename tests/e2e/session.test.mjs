// A whole short programme played for real in the browser: captions arrive in the aria-live
// region in the order and at the times the core planned, nothing drifts, the cue sounds are
// scheduled ahead on the audio clock, and the summary shows what was done.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, waitForFirstFrame, layout, layoutItem, saveScreenshot, useBrowserAndServer, tap, waitScreen, startSession,
  chooseTaster as openTaster,
} from './harness.mjs';

const env = useBrowserAndServer(before, after);
const chooseTaster = (page) => openTaster(page, env.server.url);

// Records every text the aria-live region says, with its performance.now() time.
async function recordLive(page) {
  await page.evaluate(() => {
    window.__live = [];
    const el = document.getElementById('live');
    new MutationObserver(() => window.__live.push({ text: el.textContent, t: performance.now() }))
      .observe(el, { childList: true, characterData: true, subtree: true });
  });
}

test('the quick taster plays start to finish with timed captions and sounds', { timeout: 180000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 2, mobile: true });
  const today = await chooseTaster(page);
  assert.ok(layoutItem(today, 'today.item.pelvic-tilt'), 'the taster is now the current programme');

  await recordLive(page);
  await startSession(page);
  await page.waitForFunction(() => Array.isArray(window.__steady.cues) && window.__steady.cues.length > 0);
  const planned = await page.evaluate(() => window.__steady.cues);
  assert.equal(planned[0].caption, 'Get ready: Pelvic tilt');
  assert.equal(planned.at(-1).caption, 'Session complete. Well done.');

  await page.waitForTimeout(6500);
  await saveScreenshot(page, 'player-phone-390x844');
  const wake = await page.evaluate(() => window.steadyPlatform.wake.wanted);
  assert.equal(wake, true, 'the screen is kept awake during the session');

  const total = planned.at(-1).t - planned[0].t;
  await waitScreen(page, 'summary', total + 15000);
  await saveScreenshot(page, 'summary-phone-390x844');
  const live = await page.evaluate(() => window.__live);

  // Every planned caption was said, in order, close to its planned time, without drift.
  // Captions due in the same frame come as one announcement joined by " — ".
  const said = live.filter((e) => e.text && !/^Session started/.test(e.text))
    .flatMap((e) => e.text.split(' \u2014 ').map((text) => ({ text, t: e.t })));
  let j = 0;
  const delays = [];
  for (const cue of planned) {
    while (j < said.length && said[j].text !== cue.caption) j++;
    assert.ok(j < said.length, `caption "${cue.caption}" was announced in order`);
    delays.push(said[j].t - cue.t);
    j++;
  }
  const sorted = delays.map((d) => d).sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1];
  const p90 = sorted[Math.floor(sorted.length * 0.9)];
  const early = delays.slice(0, 5).reduce((a, b) => a + b, 0) / 5;
  const late = delays.slice(-5).reduce((a, b) => a + b, 0) / 5;
  console.log(`captions: ${planned.length}, delay median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, ` +
    `worst ${sorted.at(-1).toFixed(1)} ms, drift ${(late - early).toFixed(1)} ms over ${(total / 1000).toFixed(1)} s`);
  assert.ok(sorted[0] > -5, 'no caption comes before its time');
  assert.ok(median < 50, `captions come within a frame or two of their time (median ${median.toFixed(1)} ms)`);
  assert.ok(p90 < 150, `nine in ten captions within 150 ms (p90 ${p90.toFixed(1)} ms)`);
  assert.ok(Math.abs(late - early) < 50, `no drift over the run (${(late - early).toFixed(1)} ms)`);
  for (const c of ['Switch to the right side', 'And release', 'Well done']) {
    assert.ok(said.some((e) => e.text === c), `said "${c}"`);
  }

  // Sounds: each cue scheduled on the audio clock ahead of its time, at its planned time.
  const log = await page.evaluate(() => window.steadyPlatform.audio.log.map((e) => ({ ...e, nodes: undefined })));
  const played = log.filter((e) => e.audioTime !== null && !e.cancelled);
  assert.ok(played.length >= planned.length * 0.9, `sounds scheduled (${played.length} of ${planned.length})`);
  for (const e of played) {
    assert.ok(planned.some((c) => Math.abs(c.t - e.wallMs) < 1), `sound ${e.kind} at a planned cue time`);
  }
  const ahead = played.filter((e) => e.audioTime - e.contextTimeAtSchedule > 0.02).length;
  assert.ok(ahead >= played.length * 0.8, `sounds scheduled ahead of time (${ahead} of ${played.length})`);

  const summary = await layout(page);
  for (let i = 1; i <= 3; i++) assert.match(JSON.stringify(layoutItem(summary, `summary.outcome.${i}`)), /summary/);
  await tap(page, 'summary.finish');
  await waitScreen(page, 'today');
  assert.equal(await page.evaluate(() => window.steadyPlatform.wake.wanted), false, 'wake lock released');
  assert.deepEqual(problems, []);
  await context.close();
});

test('hiding the page pauses the session and says so on return', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1, mobile: true });
  await page.goto(env.server.url);
  await waitForFirstFrame(page);
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await startSession(page);
  await page.waitForTimeout(1000);
  // Simulate the tab going to the background and coming back.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForFunction(() => /out of sight/.test(document.getElementById('live').textContent), null, { timeout: 5000 });
  const lay = await layout(page);
  assert.match(JSON.stringify(layoutItem(lay, 'player.phase')), /player\.phase/);
  await saveScreenshot(page, 'player-paused-hidden');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the options change sound, volume, voice, tempo and reps during a session', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1, mobile: true });
  await chooseTaster(page);
  await startSession(page);
  await tap(page, 'player.action');
  await page.waitForFunction(() => window.__steady.layout.items.some((i) => i.id === 'player.options.sound'));
  await saveScreenshot(page, 'player-options');

  await tap(page, 'player.options.volume_down');
  await page.waitForFunction(() => Math.abs(window.steadyPlatform.audio.volume - 0.7) < 1e-6);
  await tap(page, 'player.options.sound');
  await page.waitForFunction(() => window.steadyPlatform.audio.muted === true);
  await tap(page, 'player.options.sound');
  await page.waitForFunction(() => window.steadyPlatform.audio.muted === false);

  // Wait for the first rep of the pelvic tilt, then ask for one more: a third rep is planned.
  await page.waitForFunction(() => window.__steady.layout.items.some((i) => i.id === 'player.options.rep_more'),
    null, { timeout: 15000 });
  const before = await page.evaluate(() => window.__steady.cues.map((c) => c.caption));
  assert.ok(!before.includes('Rep 3'));
  await tap(page, 'player.options.rep_more');
  await page.waitForFunction(() => window.__steady.cues.some((c) => c.caption === 'Rep 3'), null, { timeout: 5000 });

  // Slower stretches what is still to come.
  const end1 = await page.evaluate(() => window.__steady.cues.at(-1).t);
  await tap(page, 'player.options.slower');
  await page.waitForFunction((e) => window.__steady.cues.at(-1).t > e + 500, end1, { timeout: 5000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('spoken cues name the exercise, count down and say release, where a voice exists', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 390, height: 844, dpr: 1, mobile: true });
  // A stand-in speech engine with one voice that records what it is asked to say.
  await page.addInitScript(() => {
    window.__spoken = [];
    const fake = {
      getVoices: () => [{ name: 'Test', lang: 'en-GB' }],
      speak: (u) => window.__spoken.push(u.text),
      cancel: () => {},
    };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => fake });
    window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  });
  await chooseTaster(page);
  await startSession(page);
  await page.waitForFunction(() => window.__spoken.includes('And release'), null, { timeout: 20000 });
  const spoken = await page.evaluate(() => window.__spoken);
  assert.match(spoken[0], /^Pelvic tilt\. /, 'the exercise and its first step come first');
  const release = spoken.indexOf('And release');
  assert.ok(spoken.indexOf('Hold') < release && spoken.indexOf('1') < release, `hold, count, release: ${spoken.join(' | ')}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a wide screen the count and progress sit beside the figure, never over it', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 800, dpr: 1 });
  await chooseTaster(page);
  await startSession(page);
  await page.waitForFunction(() => window.__steady.layout.items.some((i) => i.id === 'player.progress'), null, { timeout: 15000 });
  const lay = await layout(page);
  const figure = layoutItem(lay, 'player.figure');
  for (const id of ['player.exercise_of', 'player.phase', 'player.count', 'player.progress', 'player.left', 'player.pause']) {
    const it = layoutItem(lay, id);
    assert.ok(it, `${id} is shown`);
    assert.ok(it.x >= figure.x + figure.w, `${id} (x ${it.x}) is right of the figure (ends ${figure.x + figure.w})`);
  }
  await saveScreenshot(page, 'player-desktop-1280x800');
  assert.deepEqual(problems, []);
  await context.close();
});
