// contact_sheet: puts screenshots side by side in one PNG, one row per screen and one column
// per window size, each picture scaled down to fit its cell (box filter). Used by
// tests/e2e/screens.test.mjs.
//
//   node tools/contact_sheet.mjs OUT.png ROWS COLS FILE...   (FILE in row-major order; '-' = empty)
import fs from 'node:fs';
import { PNG } from 'pngjs';

export const kCell = 300;     // cell size in pixels (square; pictures keep their proportions)
const kGap = 12;
const kBackground = [245, 242, 236];

// Scales src down (or keeps it) to fit in max x max, averaging the source pixels of each target pixel.
export function fitImage(src, max) {
  const scale = Math.min(1, max / src.width, max / src.height);
  const w = Math.max(1, Math.round(src.width * scale));
  const h = Math.max(1, Math.round(src.height * scale));
  const out = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor(y / scale), y1 = Math.max(y0 + 1, Math.min(src.height, Math.floor((y + 1) / scale)));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x / scale), x1 = Math.max(x0 + 1, Math.min(src.width, Math.floor((x + 1) / scale)));
      const sum = [0, 0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * src.width + sx) * 4;
          for (let c = 0; c < 4; c++) sum[c] += src.data[i + c];
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * w + x) * 4;
      for (let c = 0; c < 4; c++) out.data[o + c] = Math.round(sum[c] / n);
    }
  }
  return out;
}

// The sheet as a PNG: rows x cols cells of the pictures (null leaves a cell empty).
export function contactSheet(images, rows, cols) {
  const width = cols * (kCell + kGap) + kGap;
  const height = rows * (kCell + kGap) + kGap;
  const sheet = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    sheet.data.set([...kBackground, 255], i * 4);
  }
  images.forEach((img, k) => {
    if (!img) return;
    const r = Math.floor(k / cols), c = k % cols;
    const small = fitImage(img, kCell);
    const left = kGap + c * (kCell + kGap) + Math.floor((kCell - small.width) / 2);
    const top = kGap + r * (kCell + kGap) + Math.floor((kCell - small.height) / 2);
    PNG.bitblt(small, sheet, 0, 0, small.width, small.height, left, top);
  });
  return sheet;
}

// Writes the sheet of the named PNG files (null or '-' for an empty cell) to out.
export function writeContactSheet(out, files, rows, cols) {
  const images = files.map((f) => (f && f !== '-' && fs.existsSync(f) ? PNG.sync.read(fs.readFileSync(f)) : null));
  fs.writeFileSync(out, PNG.sync.write(contactSheet(images, rows, cols)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, rows, cols, ...files] = process.argv.slice(2);
  if (!out || !rows || !cols || files.length === 0) {
    console.error('usage: node tools/contact_sheet.mjs OUT.png ROWS COLS FILE...');
    process.exit(2);
  }
  writeContactSheet(out, files, Number(rows), Number(cols));
}
