// package: tools/package_site.py puts a page's scripts into one file, in order, and a script
// that throws does not stop the ones after it (as with separate files); the error is still
// reported. Checked on a small site of its own, in the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, kRoot } from './harness.mjs';
import { startServer } from '../../tools/serve.mjs';

const env = { browser: null, dir: null };
before(async () => {
  env.browser = await launchBrowser();
  env.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-package-'));
});
after(async () => {
  await env.browser?.close();
  fs.rmSync(env.dir, { recursive: true, force: true });
});

test('the page\'s scripts become one file, in order, and one that throws stops none of the others', async () => {
  const src = path.join(env.dir, 'src');
  const out = path.join(env.dir, 'out');
  fs.mkdirSync(src);
  const write = (name, text) => fs.writeFileSync(path.join(src, name), text);
  write('index.html', '<!doctype html>\n<html><head><title>t</title></head><body>\n' +
    '  <script src="one.js"></script>\n  <script src="two.js" data-note="n.txt"></script>\n' +
    '  <script src="three.js"></script>\n</body></html>\n');
  write('one.js', '// the first\n(function () {\n  window.order = ["one"];\n})();\n');
  write('two.js', '(function () {\n  window.order.push("two");\n  throw new Error("two broke");\n})();\n');
  write('three.js', '(function () {\n  window.order.push("three:" + document.currentScript.dataset.note);\n})();\n');
  write('n.txt', 'note');
  write('sw.js', "const kBuild = { id: 'dev', files: [] };\n");
  write('manifest.webmanifest', '{"name": "t", "icons": []}');
  execFileSync('python3', [path.join(kRoot, 'tools/package_site.py'), src, out], { stdio: 'pipe' });

  const names = fs.readdirSync(out);
  const bundle = names.find((n) => /^index\.scripts\.[0-9a-f]{10}\.js$/.test(n));
  assert.ok(bundle, `one file holds the scripts: ${names.join(', ')}`);
  for (const gone of ['one', 'two', 'three']) {
    assert.ok(!names.some((n) => n.startsWith(`${gone}.`)), `${gone}.js is not shipped on its own`);
  }
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  assert.equal(html.match(/<script /g).length, 1, 'the page asks for one script');
  assert.match(html, new RegExp(`<script src="${bundle.replace(/\./g, '\\.')}" data-note="n\\.[0-9a-f]{10}\\.txt"></script>`));
  assert.doesNotMatch(fs.readFileSync(path.join(out, bundle), 'utf8'), /the first/, 'comment lines are left out');

  const server = await startServer({ root: out });
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => window.order?.length === 3);
    await page.waitForTimeout(100);
    const order = await page.evaluate(() => window.order);
    assert.deepEqual(order.slice(0, 2), ['one', 'two']);
    assert.match(order[2], /^three:n\.[0-9a-f]{10}\.txt$/, 'the third ran, and reads the attributes from the one tag');
    assert.deepEqual(errors, ['two broke'], 'the error is still reported');
  } finally {
    await context.close();
    await server.close();
  }
});
