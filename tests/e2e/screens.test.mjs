// Screenshots of every screen at five window sizes (small phone, phone at DPR 3, phone on
// its side, tablet, desktop) into artifacts/screenshots/screens/, and a contact sheet of them
// all in artifacts/contact-sheet.png, for people to review. Each picture must show the app
// (not a blank canvas) and its layout must fit the window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { openPage, useBrowserAndServer, kArtifacts } from './harness.mjs';
import { walkScreens } from './walk.mjs';
import { writeContactSheet, fitImage } from '../../tools/contact_sheet.mjs';

const env = useBrowserAndServer(before, after);
const kSizes = [
  { name: '320x568', width: 320, height: 568, dpr: 2, mobile: true },
  { name: '390x844', width: 390, height: 844, dpr: 3, mobile: true },
  { name: '844x390', width: 844, height: 390, dpr: 2, mobile: true },
  { name: '768x1024', width: 768, height: 1024, dpr: 2, mobile: true },
  { name: '1920x1080', width: 1920, height: 1080, dpr: 1, mobile: false },
];
const kDir = path.join(kArtifacts, 'screenshots', 'screens');
const shots = new Map();  // screen -> size -> file

// Share of distinct colours in a picture: a blank or single-colour canvas has almost none.
function distinctColours(png) {
  const seen = new Set();
  for (let i = 0; i < png.data.length; i += 4 * 7) seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
  return seen.size;
}

for (const size of kSizes) {
  test(`every screen at ${size.name}`, { timeout: 240000 }, async () => {
    fs.mkdirSync(kDir, { recursive: true });
    const { context, page, problems } = await openPage(env.browser, size);
    await walkScreens(page, env.server.url, async (name) => {
      const file = path.join(kDir, `${name}-${size.name}.png`);
      const png = PNG.sync.read(await page.screenshot({ path: file }));
      assert.equal(png.width, Math.round(size.width * size.dpr));
      assert.ok(distinctColours(fitImage(png, 400)) > 8, `${name} at ${size.name} shows something`);
      const lay = await page.evaluate(() => window.__steady.layout);
      const cut = lay.items.filter((i) => i.clipped).map((i) => i.id);
      assert.deepEqual(cut, [], `${name} at ${size.name}: nothing cut off`);
      if (!shots.has(name)) shots.set(name, new Map());
      shots.get(name).set(size.name, file);
    });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the contact sheet of every screen at every size', () => {
  const names = [...shots.keys()];
  assert.ok(names.length >= 16, 'every screen was photographed');
  const files = names.flatMap((n) => kSizes.map((s) => shots.get(n).get(s.name) ?? null));
  const out = path.join(kArtifacts, 'contact-sheet.png');
  writeContactSheet(out, files, names.length, kSizes.length);
  const sheet = PNG.sync.read(fs.readFileSync(out));
  assert.equal(sheet.width, kSizes.length * 312 + 12);
  assert.equal(sheet.height, names.length * 312 + 12);
});
