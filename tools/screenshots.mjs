// screenshots: renders the pictures the install sheet shows (web/manifest.webmanifest lists
// them) from the built app in headless Chromium: a phone during an exercise's hold, and a
// wide window on Today. They are committed under assets/screenshots/; run this again after
// the look of those screens changes, then rebuild the site.
//
//   node tools/screenshots.mjs [OUT_DIR]      (default assets/screenshots; build the site first)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launchBrowser, serveDist, openPage, chooseTaster, tap, waitScreen, kRoot, startSession,
} from '../tests/e2e/harness.mjs';

const kShots = [
  { file: 'screenshot-phone.png', width: 390, height: 844, dpr: 2, mobile: true, during: 'hold' },
  { file: 'screenshot-wide.png', width: 1280, height: 800, dpr: 1, mobile: false, during: 'today' },
];

export async function renderScreenshots(outDir = path.join(kRoot, 'assets/screenshots')) {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  const server = await serveDist();
  const files = [];
  try {
    for (const shot of kShots) {
      const { context, page } = await openPage(browser, shot);
      await chooseTaster(page, server.url);
      if (shot.during === 'hold') {
        await startSession(page);
        await page.waitForFunction(() => /^Hold/.test(document.getElementById('live').textContent), null, { timeout: 20000 });
        await page.waitForTimeout(1200);
      }
      await page.waitForSelector('#loading', { state: 'hidden' });
      const file = path.join(outDir, shot.file);
      await page.screenshot({ path: file });
      // Fewer colours make the committed file several times smaller at no visible cost.
      execFileSync('convert', [file, '-strip', '-colors', '256', `PNG8:${file}`]);
      files.push(file);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  for (const f of await renderScreenshots(out)) console.log(`screenshots: ${f} (${fs.statSync(f).size} bytes)`);
}
