// bench: measures the built site (dist/) side by side with the floor, a bare SDL2 + Dear ImGui
// hello built by the same toolchain (build/bench-hello/site), and checks the performance
// budgets: first-visit transfer, start-up, frame cost, idle and hidden frame rates, wasm heap,
// and Lighthouse's mobile performance. Prints one table per part and PASS/FAIL per budget.
// Run it through tools/bench.sh, which builds both first.
//
//   node tools/bench.mjs [--only transfer,startup,frames,memory,lighthouse]
//                        [--loads 10] [--seconds 30] [--sessions 10] [--lighthouse-runs 3]
//                        [--profile]   (also saves a CPU profile of the app's start-up)
//
// Exits 1 when a budget is missed, 2 when something could not be measured.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import {
  kRoot, kDist, kArtifacts, kChromiumArgs, launchBrowser, serveDist, openPage, waitForFirstFrame, tap, waitScreen,
  layout, startSession,
} from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';

const kHelloSite = path.join(kRoot, 'build', 'bench-hello', 'site');
const kPhone = { width: 390, height: 844, dpr: 2, mobile: true };
const kKB = 1000;
const kMiB = 1024 * 1024;

// ---- options -----------------------------------------------------------------------------
function parseArgs(argv) {
  const opts = { only: null, loads: 10, seconds: 30, sessions: 10, lighthouseRuns: 3, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const count = () => {
      const n = Number(next());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a whole number of at least 1`);
      return n;
    };
    if (a === '--only') opts.only = new Set(next().split(','));
    else if (a === '--loads') opts.loads = count();
    else if (a === '--seconds') opts.seconds = count();
    else if (a === '--sessions') opts.sessions = count();
    else if (a === '--lighthouse-runs') opts.lighthouseRuns = count();
    else if (a === '--profile') opts.profile = true;
    else throw new Error(`unknown option ${a} (see the top of tools/bench.mjs)`);
  }
  const parts = ['transfer', 'startup', 'frames', 'memory', 'lighthouse'];
  for (const p of opts.only || []) {
    if (!parts.includes(p)) throw new Error(`--only: unknown part "${p}" (parts: ${parts.join(', ')})`);
  }
  return opts;
}

// ---- small helpers -------------------------------------------------------------------------
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sorted = (xs) => [...xs].sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (xs) => {
  const s = sorted(xs);
  const n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
};
const kb = (bytes) => (bytes / kKB).toFixed(1);
const mib = (bytes) => (bytes / kMiB).toFixed(1);
const ms = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : '-');

// Prints rows (arrays of cells) as an aligned table; the first row is the header.
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c])))
    .join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

const budgets = [];
// Records a budget's verdict; prints nothing until the end.
function budget(name, measured, limit, pass) {
  budgets.push({ name, measured, limit, pass });
}

// ---- 1. transfer ---------------------------------------------------------------------------
// Loads the page once and lists every file it fetched from the site, with its size raw,
// gzip -9 and brotli (quality 11), as a host that compresses would send it.
async function firstVisitFiles(browser, server, root) {
  const { context, page } = await openPage(browser, kPhone);
  const urls = new Set();
  page.on('response', (res) => {
    if (res.status() === 200 && res.url().startsWith(server.url)) urls.add(res.url());
  });
  await page.goto(server.url);
  await waitForFirstFrame(page);
  await sleep(2000);  // anything fetched just after the first frame (icons, fonts) counts too
  await context.close();
  const files = [];
  for (const url of urls) {
    let rel = decodeURIComponent(new URL(url).pathname.slice(new URL(server.url).pathname.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const data = fs.readFileSync(path.join(root, rel));
    files.push({
      name: rel,
      raw: data.length,
      gzip: zlib.gzipSync(data, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }).length,
    });
  }
  files.sort((a, b) => b.raw - a.raw);
  const total = { name: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of ['raw', 'gzip', 'brotli']) total[k] += f[k];
  return { files, total };
}

async function benchTransfer(ctx) {
  console.log('\n== 1. Transfer of a first visit (kB = 1000 bytes; gzip -9, brotli q11)');
  const app = await firstVisitFiles(ctx.browser, ctx.app, kDist);
  const hello = await firstVisitFiles(ctx.browser, ctx.hello, kHelloSite);
  const rows = [['file', 'raw kB', 'gzip kB', 'brotli kB']];
  for (const [label, r] of [['app', app], ['hello', hello]]) {
    for (const f of [...r.files, r.total]) {
      rows.push([`${label}: ${f.name}`, kb(f.raw), kb(f.gzip), kb(f.brotli)]);
    }
  }
  rows.push(['ratio app/hello (total)', (app.total.raw / hello.total.raw).toFixed(2),
    (app.total.gzip / hello.total.gzip).toFixed(2), (app.total.brotli / hello.total.brotli).toFixed(2)]);
  table(rows);
  budget('first-visit transfer, gzip', `${kb(app.total.gzip)} kB`, '<= 450 kB', app.total.gzip <= 450 * kKB);
  return { app, hello };
}

// ---- 2. start-up ---------------------------------------------------------------------------
// One cold load (fresh context, empty cache): ms from navigation to the "sb-first-frame" mark.
async function coldFirstFrame(browser, url, cpuRate) {
  const { context, page, problems } = await openPage(browser, kPhone);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('sb-first-frame').length > 0, null,
      { timeout: 120000 });
    const t = await page.evaluate(() => performance.getEntriesByName('sb-first-frame')[0].startTime);
    const errors = problems.filter((p) => !/favicon/.test(p));
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return t;
  } finally {
    await context.close();
  }
}

async function benchStartup(ctx, opts) {
  console.log(`\n== 2. Start-up: navigation to first rendered frame, ${opts.loads} cold loads each, ` +
    `alternating (phone viewport ${kPhone.width}x${kPhone.height} @${kPhone.dpr}x)`);
  const rows = [['CPU', 'app median', 'min', 'max', 'hello median', 'min', 'max', 'ratio']];
  const out = {};
  for (const rate of [1, 4]) {
    const app = [];
    const hello = [];
    for (let i = 0; i < opts.loads; i++) {
      // Alternate which goes first so neither always meets a warmer machine.
      const order = i % 2 ? [[hello, ctx.hello], [app, ctx.app]] : [[app, ctx.app], [hello, ctx.hello]];
      for (const [list, server] of order) list.push(await coldFirstFrame(ctx.browser, server.url, rate));
    }
    const ratio = median(app) / median(hello);
    rows.push([rate === 1 ? 'unthrottled' : `${rate}x slower`, ms(median(app)), ms(Math.min(...app)), ms(Math.max(...app)),
      ms(median(hello)), ms(Math.min(...hello)), ms(Math.max(...hello)), ratio.toFixed(2)]);
    budget(`first frame vs hello${rate === 1 ? '' : `, CPU ${rate}x slower`}`,
      `${ratio.toFixed(2)}x (${ms(median(app))} / ${ms(median(hello))} ms)`, '<= 1.6x', ratio <= 1.6);
    out[rate] = { app, hello, ratio };
  }
  table(rows);
  return out;
}

// Saves a CPU profile (open it in Chromium's DevTools, Performance panel) of the app's start-up.
async function profileStartup(ctx) {
  const { context, page } = await openPage(ctx.browser, kPhone);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(ctx.app.url);
  await waitForFirstFrame(page);
  await sleep(500);
  const { profile } = await cdp.send('Profiler.stop');
  await context.close();
  const dir = path.join(kArtifacts, 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'startup.cpuprofile');
  fs.writeFileSync(file, JSON.stringify(profile));
  console.log(`start-up CPU profile: ${path.relative(kRoot, file)} (build with --profiling-funcs for names)`);
}

// ---- 3. frames -----------------------------------------------------------------------------
// Opens the app on a phone and makes the Quick taster the current programme; returns on Today.
async function openOnTaster(browser, server) {
  const opened = await openPage(browser, kPhone);
  const { page } = opened;
  await page.goto(server.url);
  await waitForFirstFrame(page);
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await tap(page, 'today.programmes');
  await waitScreen(page, 'programmes');
  await tap(page, 'programmes.card.taster');
  await waitScreen(page, 'today');
  return opened;
}

const frameCount = (page) => page.evaluate(() => window.__steady.frames || 0);

// Frames rendered per second over a window, and the frame function's times (ms) in it.
async function watchFrames(page, seconds) {
  const n0 = await frameCount(page);
  const t0 = Date.now();
  await sleep(seconds * 1000);
  const n1 = await frameCount(page);
  const elapsed = (Date.now() - t0) / 1000;
  const times = await page.evaluate(([a, b]) => {
    const ring = window.__steady.frame_ms;
    const out = [];
    for (let k = Math.max(a, b - ring.length); k < b; k++) out.push(ring[k % ring.length]);
    return out;
  }, [n0, n1]);
  return { fps: (n1 - n0) / elapsed, times };
}

// Makes the page look hidden to its scripts (headless Chromium keeps every page visible).
async function setHidden(page, hidden) {
  await page.evaluate((h) => {
    for (const [key, value] of [['visibilityState', h ? 'hidden' : 'visible'], ['hidden', h]]) {
      Object.defineProperty(document, key, { configurable: true, get: () => value });
    }
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

async function benchFrames(ctx, opts) {
  console.log(`\n== 3. Frames (phone viewport; frame function = render part of frame() in src/main.cpp)`);
  const { context, page } = await openOnTaster(ctx.browser, ctx.app);
  const rows = [['screen', 'frames/s', 'frame fn median ms', 'p99 ms', 'max ms', 'frames']];

  // Still screen: Today, after 2 s without input.
  await page.mouse.move(1, 1);
  await sleep(2000);
  const still = await watchFrames(page, 5);
  rows.push(['Today, still (after 2 s idle)', still.fps.toFixed(1), '-', '-', '-', still.times.length]);

  // The player during a session, in real time.
  await startSession(page);  // through the safety questions (once) and the pain question
  await sleep(2000);
  const play = await watchFrames(page, opts.seconds);
  const p50 = median(play.times);
  const p99 = quantile(play.times, 0.99);
  rows.push([`player, playing (${opts.seconds} s)`, play.fps.toFixed(1), ms(p50), ms(p99), ms(Math.max(...play.times)),
    play.times.length]);

  // The page hidden mid-session, then shown again (the session pauses itself: a still screen).
  await setHidden(page, true);
  await sleep(1000);
  const hidden = await watchFrames(page, 3);
  rows.push(['player, page hidden', hidden.fps.toFixed(1), '-', '-', '-', hidden.times.length]);
  await setHidden(page, false);
  await page.mouse.move(2, 2);
  await sleep(2000);
  const paused = await watchFrames(page, 5);
  rows.push(['player, paused (after 2 s idle)', paused.fps.toFixed(1), '-', '-', '-', paused.times.length]);
  await context.close();

  // A screen that animates on its own (the exercise's demonstration), hidden.
  const detail = await openPage(ctx.browser, kPhone);
  await detail.page.goto(ctx.app.url);
  await waitForFirstFrame(detail.page);
  await tap(detail.page, 'welcome.start');
  const today = await waitScreen(detail.page, 'today');
  const item = today.items.find((it) => it.id.startsWith('today.item.'));
  await tap(detail.page, item.id);
  await waitScreen(detail.page, 'exercise');
  await sleep(1000);
  const moving = await watchFrames(detail.page, 3);
  rows.push(['exercise detail, figure moving', moving.fps.toFixed(1), ms(median(moving.times)),
    ms(quantile(moving.times, 0.99)), ms(Math.max(...moving.times)), moving.times.length]);
  await setHidden(detail.page, true);
  await sleep(1000);
  const detailHidden = await watchFrames(detail.page, 3);
  rows.push(['exercise detail, page hidden', detailHidden.fps.toFixed(1), '-', '-', '-', detailHidden.times.length]);
  await detail.context.close();
  table(rows);

  budget('player frame function, median', `${ms(p50)} ms`, '<= 1 ms', p50 <= 1);
  budget('player frame function, p99', `${ms(p99)} ms`, '<= 4 ms', p99 <= 4);
  const idle = Math.max(still.fps, paused.fps);
  budget('still screen after 2 s idle', `${idle.toFixed(1)} frames/s`, '<= 1 frame/s', idle <= 1);
  const hid = Math.max(hidden.fps, detailHidden.fps);
  budget('hidden page', `${hid.toFixed(1)} frames/s`, '0 frames/s', hid === 0);
  return { still, play: { fps: play.fps, p50, p99 }, hidden, paused, moving, detailHidden };
}

// ---- 4. memory -----------------------------------------------------------------------------
const heapOf = (page) => page.evaluate(() => ({ bytes: window.__steady.heap_bytes, top: window.__steady.heap_top }));

// Plays one session of the current programme to its summary by skipping through it, then
// finishes it and waits for Today.
async function skipThroughSession(page) {
  await startSession(page);  // through the safety questions (once) and the pain question
  for (let step = 0; step < 200; step++) {
    const lay = await layout(page);
    if (lay?.screen === 'summary') {
      await tap(page, 'summary.finish');
      await waitScreen(page, 'today');
      return;
    }
    const ids = new Set((lay?.items || []).map((it) => it.id));
    const id = ['player.pain.skip', 'player.resume', 'player.next'].find((x) => ids.has(x));
    // The screen may move on between reading the layout and tapping: then just look again.
    if (id) await tap(page, id).catch(() => {});
    await sleep(120);
  }
  throw new Error('a session did not reach its summary after 200 taps');
}

async function benchMemory(ctx, opts) {
  console.log(`\n== 4. Memory: wasm heap after start and after each of ${opts.sessions} sessions (Quick taster, ` +
    'skipped through to the summary and finished)');
  const { context, page, problems } = await openPage(ctx.browser, kPhone);
  await page.goto(ctx.app.url);
  await waitForFirstFrame(page);
  await sleep(1000);
  const start = await heapOf(page);
  await tap(page, 'welcome.start');
  await waitScreen(page, 'today');
  await tap(page, 'today.programmes');
  await waitScreen(page, 'programmes');
  await tap(page, 'programmes.card.taster');
  await waitScreen(page, 'today');
  const after = [];
  for (let i = 0; i < opts.sessions; i++) {
    await skipThroughSession(page);
    await sleep(300);
    after.push(await heapOf(page));
  }
  await context.close();
  if (problems.length) throw new Error(`the page reported problems: ${problems.join('; ')}`);
  const rows = [['when', 'wasm memory MiB', 'malloc top MiB', 'malloc top bytes']];
  rows.push(['after start', mib(start.bytes), mib(start.top), start.top]);
  after.forEach((h, i) => rows.push([`after session ${i + 1}`, mib(h.bytes), mib(h.top), h.top]));
  table(rows);
  const peak = Math.max(start.bytes, ...after.map((h) => h.bytes));
  budget('wasm heap', `${mib(peak)} MiB`, '<= 48 MiB', peak <= 48 * kMiB);
  const first = after[0];
  const last = after.at(-1);
  const grew = last.top - first.top + (last.bytes - first.bytes);
  budget(`heap growth, session 1 to ${opts.sessions}`, `${grew} bytes`, '0 bytes', grew <= 0);
  return { start, after };
}

// ---- 5. lighthouse -------------------------------------------------------------------------
// Runs Lighthouse's CLI (mobile, performance only) with Debian's Chromium; returns its report.
function runLighthouse(url) {
  const cli = path.join(kRoot, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!fs.existsSync(cli)) throw new Error('lighthouse is not installed: run tools/setup.sh');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'steady-lh-')), 'report.json');
  const flags = ['--headless=new', ...kChromiumArgs].join(' ');
  const args = [cli, url, '--only-categories=performance', '--output=json', `--output-path=${out}`,
    `--chrome-flags=${flags}`, '--quiet'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => {
      let report = null;
      try {
        report = JSON.parse(fs.readFileSync(out, 'utf8'));
      } catch {
        // handled below
      }
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
      if (!report) reject(new Error(`lighthouse exited with ${code} and wrote no report: ${stderr.trim().slice(-800)}`));
      else resolve(report);
    });
  });
}

function lighthouseFigures(report) {
  const a = report.audits;
  const num = (id) => a[id]?.numericValue;
  return {
    score: report.categories.performance.score === null ? NaN : Math.round(report.categories.performance.score * 100),
    fcp: num('first-contentful-paint'),
    lcp: num('largest-contentful-paint'),
    tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    si: num('speed-index'),
    longTasks: (a['long-tasks']?.details?.items || []).map((t) => Math.round(t.duration)),
    error: report.runtimeError?.message || a['largest-contentful-paint']?.errorMessage || '',
  };
}

async function benchLighthouse(ctx, opts) {
  console.log(`\n== 5. Lighthouse ${JSON.parse(fs.readFileSync(path.join(kRoot, 'node_modules', 'lighthouse',
    'package.json'), 'utf8')).version}, mobile (simulated 4x CPU, slow 4G), performance only; ` +
    `median of ${opts.lighthouseRuns} runs by score`);
  const rows = [['site', 'score', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'SI ms', 'long tasks ms (4x)']];
  const result = {};
  for (const [label, server] of [['app', ctx.app], ['hello', ctx.hello]]) {
    const runs = [];
    for (let i = 0; i < opts.lighthouseRuns; i++) runs.push(lighthouseFigures(await runLighthouse(server.url)));
    runs.sort((x, y) => (x.score || 0) - (y.score || 0));
    const m = runs[(runs.length - 1) >> 1];
    const f0 = (x) => (Number.isFinite(x) ? Math.round(x) : '-');
    rows.push([label, Number.isFinite(m.score) ? m.score : `- (${m.error})`, f0(m.fcp), f0(m.lcp), f0(m.tbt),
      Number.isFinite(m.cls) ? m.cls.toFixed(3) : '-', f0(m.si), m.longTasks.join(' ') || '-']);
    result[label] = { median: m, scores: runs.map((r) => r.score) };
  }
  table(rows);
  console.log(`app scores of the runs: ${result.app.scores.join(', ')}`);
  const app = result.app.median;
  budget('Lighthouse mobile performance', `${app.score}`, '>= 95', app.score >= 95);
  budget('Lighthouse CLS', `${Number.isFinite(app.cls) ? app.cls.toFixed(3) : '-'}`, '0', app.cls === 0);
  return result;
}

// ---- main ----------------------------------------------------------------------------------
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const want = (part) => !opts.only || opts.only.has(part);
  if (!fs.existsSync(path.join(kHelloSite, 'index.html'))) {
    throw new Error('build/bench-hello/site is missing: run tools/bench.sh (it builds the hello)');
  }
  const browser = await launchBrowser();
  // Both served gzip-compressed, as any real host sends them.
  const app = await serveDist({ compress: true });
  const hello = await startServer({ root: kHelloSite, compress: true });
  const ctx = { browser, app, hello };
  const results = { when: new Date().toISOString(), chromium: browser.version(), cores: os.cpus().length };
  console.log(`Steady Back benchmark: Chromium ${browser.version()}, ${os.cpus().length} cores, ` +
    `load average ${os.loadavg()[0].toFixed(2)}`);
  try {
    if (want('transfer')) results.transfer = await benchTransfer(ctx);
    if (want('startup')) results.startup = await benchStartup(ctx, opts);
    if (opts.profile) await profileStartup(ctx);
    if (want('frames')) results.frames = await benchFrames(ctx, opts);
    if (want('memory')) results.memory = await benchMemory(ctx, opts);
    if (want('lighthouse')) results.lighthouse = await benchLighthouse(ctx, opts);
  } finally {
    await browser.close();
    await app.close();
    await hello.close();
  }

  console.log('\n== Budgets');
  table([['budget', 'measured', 'limit', 'verdict'],
    ...budgets.map((b) => [b.name, b.measured, b.limit, b.pass ? 'PASS' : 'FAIL'])]);
  const failed = budgets.filter((b) => !b.pass).length;
  console.log(`\n${budgets.length - failed} budgets met, ${failed} missed`);
  results.budgets = budgets;
  const dir = path.join(kArtifacts, 'bench');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify(results, null, 1));
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  console.error(`bench: ${err.message}`);
  process.exitCode = 2;
});
