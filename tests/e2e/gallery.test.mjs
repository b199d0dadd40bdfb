// Every exercise has a demonstration: the gallery renders each one's key poses in the real
// app, saves the contact sheet as an artifact, and each figure really drew something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { renderGallery } from '../../tools/gallery.mjs';
import { kArtifacts, kRoot } from './harness.mjs';

test('the gallery renders the key poses of every exercise', { timeout: 600000 }, async () => {
  const exercises = JSON.parse(fs.readFileSync(path.join(kRoot, 'assets/exercises.json'), 'utf8')).exercises;
  const { outDir, shots } = await renderGallery(path.join(kArtifacts, 'gallery'));
  assert.equal(shots.length, exercises.length);
  assert.ok(fs.existsSync(path.join(outDir, 'index.html')));
  // Each of the three panels holds a figure: dark figure pixels inside the white cards.
  for (const s of shots) {
    const png = PNG.sync.read(fs.readFileSync(path.join(outDir, s.file)));
    const third = Math.floor(png.width / 3);
    for (let panel = 0; panel < 3; panel++) {
      let dark = 0;
      for (let y = 110; y < png.height - 20; y += 2) {
        for (let x = panel * third + 20; x < (panel + 1) * third - 20; x += 2) {
          const i = (y * png.width + x) * 4;
          if (png.data[i] < 80 && png.data[i + 1] < 100 && png.data[i + 2] < 100) dark++;
        }
      }
      assert.ok(dark > 150, `${s.id}: panel ${panel + 1} shows the figure (${dark} figure pixels)`);
    }
  }
});
