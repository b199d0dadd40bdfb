// gallery: renders every exercise's key poses (start, end of the movement, mid-hold) in
// headless Chromium from the built site, one PNG each, plus an HTML contact sheet.
//
//   node tools/gallery.mjs [OUT_DIR]      (default artifacts/gallery; build the site first)
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, serveDist, openPage, kRoot } from '../tests/e2e/harness.mjs';

export async function renderGallery(outDir = path.join(kRoot, 'artifacts/gallery'), { width = 1200, height = 420 } = {}) {
  const exercises = JSON.parse(fs.readFileSync(path.join(kRoot, 'assets/exercises.json'), 'utf8')).exercises;
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  const server = await serveDist();
  const shots = [];
  try {
    const { context, page } = await openPage(browser, { width, height, dpr: 1 });
    for (const e of exercises) {
      await page.goto(`${server.url}#poses=${e.id}`);
      await page.waitForFunction((id) => window.__steady?.layout?.screen === 'poses' &&
        window.__steady.layout.items.some((i) => i.id === 'poses.title'), e.id, { timeout: 20000 });
      await page.waitForSelector('#loading', { state: 'hidden' });
      const file = path.join(outDir, `${e.id}.png`);
      await page.screenshot({ path: file });
      shots.push({ id: e.id, name: e.name, file: path.basename(file) });
      await page.goto('about:blank');
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  const html = `<!doctype html><meta charset="utf-8"><title>Steady Back: key poses of every exercise</title>
<style>body{font-family:sans-serif;background:#eee;margin:16px}figure{margin:0 0 16px;background:#fff;padding:8px}
img{width:100%;max-width:1200px;display:block}figcaption{font-weight:600;margin:4px 0}</style>
<h1>Key poses of every exercise (${shots.length})</h1>
${shots.map((s) => `<figure><figcaption>${esc(s.name)} <small>(${esc(s.id)})</small></figcaption><img src="${esc(s.file)}" alt="${esc(s.name)}"></figure>`).join('\n')}
`;
  fs.writeFileSync(path.join(outDir, 'index.html'), html);
  return { outDir, shots };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  const { outDir, shots } = await renderGallery(out);
  console.log(`gallery: ${shots.length} exercises rendered; contact sheet ${path.join(outDir, 'index.html')}`);
}
