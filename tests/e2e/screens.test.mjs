// Every screen and state of the app (walk.mjs) at five window sizes (small phone, phone at
// DPR 3, phone on its side, tablet, desktop) and on the small phone at the largest text size,
// one walk each. At each screen the walk saves a screenshot to artifacts/screenshots/screens/
// (it must show the app, not a blank canvas) and checks the layout the app publishes: no text
// cut off or wider than its room, every control at least 44x44 CSS px, nothing off the side,
// no control or text drawn over another. Then artifacts/contact-sheet.png puts them all side by side.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { openPage, useBrowserAndServer, kArtifacts } from './harness.mjs';
import { walkScreens, setTextSize, layoutProblems, overlaps, kWalkScreens } from './walk.mjs';
import { contactSheet, fitImage, kCell } from '../../tools/contact_sheet.mjs';

const env = useBrowserAndServer(before, after);
const kSizes = [
  { name: '320x568', width: 320, height: 568, dpr: 2, mobile: true },
  { name: '320x568-largest', width: 320, height: 568, dpr: 2, mobile: true, textSize: 2 },
  { name: '390x844', width: 390, height: 844, dpr: 3, mobile: true },
  { name: '844x390', width: 844, height: 390, dpr: 2, mobile: true },
  { name: '768x1024', width: 768, height: 1024, dpr: 2, mobile: true },
  { name: '1920x1080', width: 1920, height: 1080, dpr: 1, mobile: false },
];
// Known and reported, to be fixed in that screen's code: the screen, and why it is let pass.
// A screen listed here must still show the problem, so the entry goes when the fix comes.
const kKnownOverlaps = new Map([]);
const kDir = path.join(kArtifacts, 'screenshots', 'screens');
const knownSeen = new Set();  // screens of kKnownOverlaps that did show their problem
const thumbs = new Map();  // `${screen}|${size}` -> the screenshot scaled to a contact sheet cell

// Distinct colours in a picture (every 7th pixel): a blank or single-colour canvas has almost none.
function distinctColours(png) {
  const seen = new Set();
  for (let i = 0; i < png.data.length; i += 4 * 7) seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
  return seen.size;
}

for (const size of kSizes) {
  test(`every screen at ${size.name}: a screenshot each, and a layout that fits`, { timeout: 300000 }, async (t) => {
    fs.mkdirSync(kDir, { recursive: true });
    const { context, page, problems } = await openPage(env.browser, size);
    if (size.textSize) await setTextSize(page, env.server.url, size.textSize);
    const seen = [];
    const found = [];
    await walkScreens(page, env.server.url, async (name) => {
      const file = path.join(kDir, `${name}-${size.name}.png`);
      const png = PNG.sync.read(await page.screenshot({ path: file }));
      assert.equal(png.width, Math.round(size.width * size.dpr));
      const small = fitImage(png, kCell);
      assert.ok(distinctColours(small) > 8, `${name} at ${size.name} shows something`);
      thumbs.set(`${name}|${size.name}`, small);
      const lay = await page.evaluate(() => window.__steady.layout);
      assert.equal(lay.width, size.width);
      assert.ok(lay.items.some((i) => i.kind === 'text'), `${name} shows text`);
      assert.ok(lay.items.some((i) => i.kind === 'button'), `${name} has controls`);
      found.push(...layoutProblems(name, lay));
      const clashes = overlaps(name, lay);
      if (kKnownOverlaps.has(name)) {
        if (clashes.length > 0) {
          t.diagnostic(`known, at ${size.name}: ${kKnownOverlaps.get(name)}`);
          knownSeen.add(name);
        }
      } else {
        found.push(...clashes);
      }
      seen.push(name);
    }, { fresh: !size.textSize });
    assert.deepEqual(seen, kWalkScreens, 'every screen was visited');
    assert.deepEqual(found, [], `layout problems at ${size.name}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the contact sheet of every screen at every size', () => {
  const images = kWalkScreens.flatMap((n) => kSizes.map((s) => thumbs.get(`${n}|${s.name}`) ?? null));
  assert.ok(images.filter(Boolean).length > 0, 'screenshots were taken');
  if (images.every(Boolean)) {
    for (const name of kKnownOverlaps.keys()) assert.ok(knownSeen.has(name), `${name} is fixed: take it out of kKnownOverlaps`);
  }
  const sheet = contactSheet(images, kWalkScreens.length, kSizes.length);
  fs.writeFileSync(path.join(kArtifacts, 'contact-sheet.png'), PNG.sync.write(sheet));
  assert.equal(sheet.width, kSizes.length * (kCell + 12) + 12);
  assert.equal(sheet.height, kWalkScreens.length * (kCell + 12) + 12);
});
