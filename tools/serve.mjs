// serve: a small static file server for the built site, used by the start command and the
// browser tests. Serves .wasm as application/wasm (streaming compilation needs it), can
// mount the site under a sub-path (e.g. /clinic/exercises/) and add response headers.
//
//   node tools/serve.mjs DIR [--port 8080] [--host 127.0.0.1] [--prefix /sub/path/]
//
// Tests can lay extra files over DIR without changing it: `overlay` maps a path inside the
// site ("clinic.json") to its content (string or Buffer); the map is read at each request,
// so a test may change it while serving.
//
// `compress` sends text and wasm gzip-compressed to browsers that accept it, as a real host
// would (the benchmark uses it; the tests do not need it).
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// Starts serving root; resolves to { server, url, close() }.
const kCompressible = /^(text\/|application\/(wasm|json|manifest\+json)|image\/svg)/;

export function startServer({ root, host = '127.0.0.1', port = 0, prefix = '/', headers = {}, overlay = null,
  compress = false } = {}) {
  const gzipped = new Map();  // file -> { source, data }: each file compressed once
  if (!prefix.endsWith('/')) prefix += '/';
  const rootAbs = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix });
      res.end();
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    let rel = pathname.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(rootAbs, rel);
    if (!file.startsWith(rootAbs + path.sep)) {
      res.writeHead(403);
      res.end();
      return;
    }
    const extra = overlay && Object.prototype.hasOwnProperty.call(overlay, rel) ? overlay[rel] : undefined;
    const read = extra !== undefined ? (cb) => cb(null, Buffer.from(extra)) : (cb) => fs.readFile(file, cb);
    read((err, data) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
      const type = kTypes[path.extname(file).toLowerCase()] || 'application/octet-stream';
      const encoding = {};
      if (compress && kCompressible.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        let cached = gzipped.get(file);
        if (!cached || !cached.source.equals(data)) {
          cached = { source: data, data: zlib.gzipSync(data, { level: 9 }) };
          gzipped.set(file, cached);
        }
        data = cached.data;
        encoding['Content-Encoding'] = 'gzip';
        encoding.Vary = 'Accept-Encoding';
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': data.length,
        'Cache-Control': 'no-cache',
        ...encoding,
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        server,
        url: `http://${host}:${actual}${prefix}`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const root = args[0] && !args[0].startsWith('--') ? args[0] : 'dist';
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`serve: ${root}/index.html is missing: build the site first (tools/build.sh web)`);
    process.exit(1);
  }
  const { url } = await startServer({
    root,
    host: opt('--host', '127.0.0.1'),
    port: Number(opt('--port', '8080')),
    prefix: opt('--prefix', '/'),
  });
  console.log(`Steady Back is being served at ${url}  (Ctrl+C to stop)`);
}
