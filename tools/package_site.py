#!/usr/bin/env python3
"""package_site: turns the staged site (the web build plus web/ and the icon) into the folder
that gets hosted: every file except the entry points gets a content-hashed name, the icons
named in the manifest are rendered from icon.svg, the manifest and the HTML pages point at
the hashed names, and the service worker learns the build id and the files to precache.

    python3 tools/package_site.py SOURCE OUT [--build-id ID] [--only NAME...]

SOURCE is the staging folder of the build, or an already packaged site (it holds
build-info.json): packaging that again, e.g. with another --build-id, makes a new version of
the same site. OUT is replaced as a whole. Without --build-id the id is a hash of the content.
--only takes just the named files of SOURCE (the build lists them, so a file that has left
web/ but stays in the staging folder is not shipped).
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# Entry points keep their names: people link to the pages, and the browser looks for the
# service worker and the manifest at a fixed address.
KEEP_SUFFIXES = ('.html',)
KEEP_NAMES = {'sw.js', 'manifest.webmanifest', 'build-info.json'}
MANIFEST = 'manifest.webmanifest'
SW = 'sw.js'
INFO = 'build-info.json'
CLINIC = 'clinic.json'
ICON_SOURCE = 'icon.svg'
# The line of the service worker this script rewrites (one line of JSON).
SW_BUILD_LINE = re.compile(r'^const kBuild = .*;$', re.MULTILINE)
# Attributes of HTML pages whose value may be the name of a file of the site.
HTML_REF = re.compile(r'\b((?:src|href|data-[a-z-]+)=")([^"]*)(")')
CSS_URL = re.compile(r'url\(\s*([\'"]?)([^\'")]+)\1\s*\)')
BUILD_ATTR = re.compile(r'data-build="[^"]*"')
# A page's script tag (a classic script of the site: no type, async or defer).
SCRIPT_TAG = re.compile(r'[ \t]*<script src="([^"]+)"((?: data-[a-z-]+="[^"]*")*)></script>\n?')


class PackageError(Exception):
    pass


def without_comment_lines(text):
    """text without the lines that hold nothing but a comment (// ..., or a /* ... */ block
    that begins and ends lines) or nothing at all: the comments are for the source, not for
    every visitor's download. Only whole lines go, so code and strings are never touched;
    a script with a template literal, whose lines could look like comments, is left alone."""
    if '`' in text:
        return text
    out = []
    in_block = False
    for line in text.split('\n'):
        bare = line.strip()
        if in_block:
            if '*/' in bare:
                in_block = False
                if not bare.endswith('*/'):
                    return text  # code after a block comment's end: not a whole-line comment
            continue
        if bare.startswith('/*'):
            if '*/' not in bare:
                in_block = True
            elif not bare.endswith('*/'):
                return text
            continue
        if bare.startswith('//') or not bare:
            continue
        out.append(line)
    if in_block:
        return text
    return '\n'.join(out) + '\n'


def bundle_scripts(files, page):
    """Puts the page's own scripts into one, in their order: a page asks for one file instead
    of several (over HTTP/1.1, at most six at a time, and the wasm's download waits for the
    shell). Each script runs as before even when one before it throws: the error is raised
    again after the others have run, so it is still reported. The scripts' data-* attributes
    go on the one tag. Scripts no other file names leave the site. Returns the new files."""
    text = files[page].decode('utf-8')
    tags = [m for m in SCRIPT_TAG.finditer(text) if m.group(1) in files and m.group(1).endswith('.js')]
    if len(tags) < 2:
        return files
    attrs = [m.group(2) for m in tags if m.group(2)]
    if len(attrs) > 1:
        raise PackageError(f'{page}: only one of the scripts to put together may carry data-* attributes')
    name = page.rpartition('.')[0] + '.scripts.js'
    if name in files:
        raise PackageError(f'{page}: {name} is the name of the scripts put together; rename that file')
    parts = []
    for m in tags:
        src = files[m.group(1)].decode('utf-8')
        parts.append(f'// {m.group(1)}\ntry {{\n{src}\n}} catch (e) {{ setTimeout(function () {{ throw e; }}, 0); }}\n')
    first, rest = tags[0], tags[1:]
    out = text[:first.start()] + f'  <script src="{name}"{attrs[0] if attrs else ""}></script>\n'
    pos = first.end()
    for m in rest:
        out += text[pos:m.start()]
        pos = m.end()
    out += text[pos:]
    files = dict(files)
    files[page] = out.encode('utf-8')
    files[name] = ''.join(parts).encode('utf-8')
    for m in tags:
        src = m.group(1)
        named_elsewhere = any(src.encode('utf-8') in data for other, data in files.items()
                              if other not in (src, name) and other.endswith(('.html', '.js', '.css')))
        if not named_elsewhere:
            del files[src]
    return files


def read_tree(root):
    """Every file under root, as {relative posix path: bytes}."""
    files = {}
    for path in sorted(root.rglob('*')):
        if path.is_file():
            files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def hashed_name(name, data):
    stem, dot, ext = name.rpartition('.')
    digest = hashlib.sha256(data).hexdigest()[:10]
    return f'{stem}.{digest}.{ext}' if dot else f'{name}.{digest}'


def rewrite_html(text, mapping):
    return HTML_REF.sub(lambda m: m.group(1) + mapping.get(m.group(2), m.group(2)) + m.group(3), text)


def rewrite_css(text, mapping):
    return CSS_URL.sub(lambda m: 'url(' + m.group(1) + mapping.get(m.group(2), m.group(2)) + m.group(1) + ')', text)


def png_size(data, name):
    if data[:8] != b'\x89PNG\r\n\x1a\n' or data[12:16] != b'IHDR':
        raise PackageError(f'{name} is not a PNG file')
    return struct.unpack('>II', data[16:24])


def parse_size(sizes, name):
    m = re.fullmatch(r'(\d+)x(\d+)', sizes or '')
    if not m or m.group(1) != m.group(2):
        raise PackageError(f'{MANIFEST}: icon {name} needs square "sizes" such as "192x192" (got {sizes!r})')
    return int(m.group(1))


def render_icon(svg, size, maskable, background):
    """PNG bytes of the SVG icon at size x size px; a maskable icon keeps the drawing inside the
    middle 80% (the safe zone) on a full-bleed background."""
    if not shutil.which('rsvg-convert'):
        raise PackageError('rsvg-convert is missing (Debian package librsvg2-bin): run tools/setup.sh')
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, 'icon.svg')
        out = Path(tmp, 'icon.png')
        src.write_bytes(svg)
        cmd = ['rsvg-convert', '-w', str(size), '-h', str(size)]
        if maskable:
            inner = round(size * 0.8)
            pad = (size - inner) // 2
            cmd = ['rsvg-convert', '-w', str(inner), '-h', str(inner), '--page-width', str(size),
                   '--page-height', str(size), '--left', str(pad), '--top', str(pad), '-b', background]
        subprocess.run(cmd + ['-o', str(out), str(src)], check=True)
        return out.read_bytes()


def unpackage(files):
    """Given a packaged site, gives back its files under their source names (sw.js keeps
    its build line, which is rewritten anyway)."""
    info = json.loads(files.pop(INFO))
    back = {hashed: name for name, hashed in info['files'].items()}
    out = {}
    for name, data in files.items():
        out[back.get(name, name)] = data
    for name in list(out):
        if name.endswith(KEEP_SUFFIXES):
            out[name] = rewrite_html(out[name].decode('utf-8'), back).encode('utf-8')
        elif name.endswith('.css'):
            out[name] = rewrite_css(out[name].decode('utf-8'), back).encode('utf-8')
    manifest = json.loads(out[MANIFEST])
    for entry in manifest.get('icons', []) + manifest.get('screenshots', []):
        entry['src'] = back.get(entry['src'], entry['src'])
    out[MANIFEST] = json.dumps(manifest).encode('utf-8')
    return out


def clinic_files(files):
    """Takes clinic.json and the logo it names out of files: the hosting clinic's own files
    (docs/CLINIC.md), which keep their names, are not precached (the app fetches them fresh
    at each start) and are not part of the build's id."""
    if CLINIC not in files:
        return {}
    own = {CLINIC: files.pop(CLINIC)}
    try:
        logo = json.loads(own[CLINIC]).get('logo')
    except (ValueError, AttributeError):
        logo = None
    if isinstance(logo, str) and logo in files:
        own[logo] = files.pop(logo)
    return own


def package(files, build_id=None):
    """The packaged site ({name: bytes}) and its build id, from the source files."""
    if INFO in files:
        files = unpackage(dict(files))
    own = clinic_files(files)
    for needed in ('index.html', SW, MANIFEST):
        if needed not in files:
            raise PackageError(f'{needed} is missing from the site\'s source files')
    for name in files:
        if name.endswith(('.js', '.css')):
            files[name] = without_comment_lines(files[name].decode('utf-8')).encode('utf-8')
    for page in [n for n in files if n.endswith(KEEP_SUFFIXES)]:
        files = bundle_scripts(files, page)
    sw_template = files.pop(SW).decode('utf-8')
    if not SW_BUILD_LINE.search(sw_template):
        raise PackageError(f'{SW} has no "const kBuild = ...;" line to fill in')
    try:
        manifest = json.loads(files.pop(MANIFEST))
    except json.JSONDecodeError as e:
        raise PackageError(f'{MANIFEST}: not valid JSON (line {e.lineno}: {e.msg})') from e

    # Icons named in the manifest that the source does not hold are drawn from icon.svg.
    for icon in manifest.get('icons', []):
        src = icon.get('src', '')
        if not src.endswith('.png') or src in files:
            continue
        if ICON_SOURCE not in files:
            raise PackageError(f'{MANIFEST}: icon {src} must be rendered, but {ICON_SOURCE} is missing')
        size = parse_size(icon.get('sizes'), src)
        maskable = 'maskable' in icon.get('purpose', '').split()
        files[src] = render_icon(files[ICON_SOURCE], size, maskable, manifest.get('theme_color', '#ffffff'))
    for shot in manifest.get('screenshots', []):
        src = shot.get('src', '')
        if src not in files:
            raise PackageError(f'{MANIFEST}: screenshot {src} is missing from the site\'s source files')
        w, h = png_size(files[src], src)
        shot['sizes'] = f'{w}x{h}'
        shot['type'] = 'image/png'

    # Content-hashed names: first everything a stylesheet may point at, then the stylesheets.
    mapping = {}
    out = {}
    later = []
    for name, data in files.items():
        if name.endswith(KEEP_SUFFIXES) or name in KEEP_NAMES:
            continue
        if name.endswith('.css'):
            later.append(name)
            continue
        mapping[name] = hashed_name(name, data)
        out[mapping[name]] = data
    for name in later:
        data = rewrite_css(files[name].decode('utf-8'), mapping).encode('utf-8')
        mapping[name] = hashed_name(name, data)
        out[mapping[name]] = data

    for entry in manifest.get('icons', []) + manifest.get('screenshots', []):
        entry['src'] = mapping.get(entry['src'], entry['src'])
    out[MANIFEST] = (json.dumps(manifest, indent=2, ensure_ascii=False) + '\n').encode('utf-8')
    pages = [n for n in files if n.endswith(KEEP_SUFFIXES)]
    for name in pages:
        text = BUILD_ATTR.sub('data-build="dev"', files[name].decode('utf-8'))  # the id is not content
        out[name] = rewrite_html(text, mapping).encode('utf-8')

    if not build_id:
        h = hashlib.sha256(sw_template.encode('utf-8'))
        for name in sorted(out):
            h.update(name.encode('utf-8') + b'\0' + out[name] + b'\0')
        build_id = h.hexdigest()[:12]
    if not re.fullmatch(r'[A-Za-z0-9._-]{1,64}', build_id):
        raise PackageError(f'build id {build_id!r}: use letters, digits, ".", "_" or "-" (at most 64)')
    for name in pages:
        out[name] = BUILD_ATTR.sub(f'data-build="{build_id}"', out[name].decode('utf-8')).encode('utf-8')

    out[INFO] = (json.dumps({'build': build_id, 'files': dict(sorted(mapping.items()))}, indent=2) + '\n').encode('utf-8')
    build = json.dumps({'id': build_id, 'files': sorted(out)}, separators=(',', ':'))
    out[SW] = SW_BUILD_LINE.sub(lambda _: f'const kBuild = {build};', sw_template, count=1).encode('utf-8')
    out.update(own)
    return out, build_id


def write_site(files, out_dir):
    """Writes the site to out_dir, replacing what was there (only if it looks like a site)."""
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / 'index.html').exists():
        raise PackageError(f'{out_dir} is not empty and holds no index.html: not replacing it')
    tmp = Path(tempfile.mkdtemp(prefix=out_dir.name + '.', dir=out_dir.parent))
    try:
        for name, data in files.items():
            path = tmp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        tmp.chmod(0o755)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        os.replace(tmp, out_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def main(argv):
    ap = argparse.ArgumentParser(description='Package the static site: hashed names, icons, manifest, service worker.')
    ap.add_argument('source', type=Path, help='staging folder of the build, or a packaged site')
    ap.add_argument('out', type=Path, help='the folder to host (replaced)')
    ap.add_argument('--build-id', help='id of this version (default: a hash of the content)')
    ap.add_argument('--only', nargs='+', metavar='NAME', help='take only these files of SOURCE')
    args = ap.parse_args(argv)
    src, out_dir = args.source.resolve(), args.out.resolve()
    if src == out_dir:
        print('package_site: SOURCE and OUT must be different folders', file=sys.stderr)
        return 2
    if not (src / 'index.html').is_file():
        print(f'package_site: {args.source} holds no index.html: build the web app first', file=sys.stderr)
        return 1
    try:
        files = read_tree(src)
        if args.only:
            missing = sorted(set(args.only) - set(files))
            if missing:
                raise PackageError(f'missing from {args.source}: {", ".join(missing)}')
            files = {name: files[name] for name in args.only}
        files, build_id = package(files, args.build_id)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        write_site(files, out_dir)
    except (PackageError, subprocess.CalledProcessError) as e:
        print(f'package_site: {e}', file=sys.stderr)
        return 1
    total = sum(len(d) for d in files.values())
    print(f'package_site: build {build_id}: {len(files)} files, {total / 1024:.0f} KiB in {args.out}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
