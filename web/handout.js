// handout: the printable handout of a prescription, shown over the app and printed on paper.
// Built from the app's JSON with DOM nodes, textContent and SVG only: the clinic's name and
// note come from a link, so nothing here is ever parsed as HTML.
(function () {
  'use strict';

  var kSvg = 'http://www.w3.org/2000/svg';

  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    if (cls) el.className = cls;
    parent.appendChild(el);
    return el;
  }

  function svgNode(tag, attrs) {
    var el = document.createElementNS(kSvg, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, String(attrs[k])); });
    return el;
  }

  // The box around every capsule of an exercise's poses (so they share one scale), padded.
  function poseBounds(poses, box) {
    var b = { x0: box, y0: box, x1: 0, y1: 0 };
    (poses || []).forEach(function (capsules) {
      (capsules || []).forEach(function (c) {
        if (!Array.isArray(c) || c.length < 7) return;
        var r = +c[4];
        b.x0 = Math.min(b.x0, +c[0] - r, +c[2] - r);
        b.x1 = Math.max(b.x1, +c[0] + r, +c[2] + r);
        b.y0 = Math.min(b.y0, +c[1] - r, +c[3] - r);
        b.y1 = Math.max(b.y1, +c[1] + r, +c[3] + r);
      });
    });
    if (!(b.x1 > b.x0 && b.y1 > b.y0)) return '0 0 ' + box + ' ' + box;
    var pad = 8, h = Math.max(b.y1 - b.y0, (b.x1 - b.x0) * 0.45);
    var cy = (b.y0 + b.y1) / 2;
    return [b.x0 - pad, cy - h / 2 - pad, b.x1 - b.x0 + 2 * pad, h + 2 * pad].map(function (v) { return v.toFixed(1); }).join(' ');
  }

  // One key pose: the app's capsules as round-capped lines, [ax, ay, bx, by, r, colour, alpha].
  function poseSvg(capsules, viewBox, label) {
    var svg = svgNode('svg', { viewBox: viewBox, class: 'handout-pose', role: 'img' });
    svg.setAttribute('aria-label', String(label));
    (capsules || []).forEach(function (c) {
      if (!Array.isArray(c) || c.length < 7) return;
      var colour = /^#[0-9a-f]{6}$/.test(c[5]) ? c[5] : '#888888';
      svg.appendChild(svgNode('line', {
        x1: +c[0], y1: +c[1], x2: +c[2], y2: +c[3],
        stroke: colour, 'stroke-opacity': +c[6], 'stroke-width': 2 * +c[4], 'stroke-linecap': 'round',
      }));
    });
    return svg;
  }

  // The QR code from its rows of modules, dark on white with its quiet zone; one path.
  function qrSvg(rows, quiet, label) {
    var n = rows.length, side = n + 2 * quiet, d = '';
    rows.forEach(function (row, y) {
      for (var x = 0; x < row.length; x++) {
        if (row.charAt(x) !== '1') continue;
        var run = 1;
        while (x + run < row.length && row.charAt(x + run) === '1') run++;
        d += 'M' + (x + quiet) + ' ' + (y + quiet) + 'h' + run + 'v1h-' + run + 'z';
        x += run - 1;
      }
    });
    var svg = svgNode('svg', { viewBox: '0 0 ' + side + ' ' + side, class: 'handout-qr', role: 'img',
      'shape-rendering': 'crispEdges' });
    svg.setAttribute('aria-label', String(label));
    svg.appendChild(svgNode('rect', { width: side, height: side, fill: '#ffffff' }));
    svg.appendChild(svgNode('path', { d: d, fill: '#000000' }));
    return svg;
  }

  function close() {
    var view = document.getElementById('handout-view');
    if (view) view.remove();
    document.body.classList.remove('printing-handout');
    var canvas = document.getElementById('canvas');
    if (canvas) canvas.focus({ preventScroll: true });
  }

  function open(json) {
    var h;
    try {
      h = JSON.parse(json);
    } catch (e) {
      return;
    }
    close();
    var view = document.createElement('section');
    view.id = 'handout-view';
    view.setAttribute('role', 'dialog');
    view.setAttribute('aria-label', String(h.heading));
    var bar = add(view, 'div', undefined, 'handout-bar');
    var printButton = add(bar, 'button', h.print, 'handout-print');
    printButton.type = 'button';
    printButton.addEventListener('click', function () {
      document.body.classList.add('printing-handout');
      window.print();
    });
    var closeButton = add(bar, 'button', h.close, 'handout-close');
    closeButton.type = 'button';
    closeButton.addEventListener('click', close);

    var page = add(view, 'article', undefined, 'handout-page');
    var head = add(page, 'header', undefined, 'handout-head');
    if (h.clinic) add(head, 'p', h.clinic, 'handout-clinic');
    add(head, 'p', h.heading, 'handout-kicker');
    add(head, 'h1', h.title, 'handout-title');
    if (h.note) {
      var note = add(page, 'section', undefined, 'handout-note');
      add(note, 'h2', h.noteTitle);
      add(note, 'p', h.note);
    }
    var facts = add(page, 'ul', undefined, 'handout-facts');
    add(facts, 'li', h.pain);
    if (h.review) add(facts, 'li', h.review);

    (h.exercises || []).forEach(function (ex) {
      var card = add(page, 'section', undefined, 'handout-exercise');
      add(card, 'h2', ex.name);
      add(card, 'p', ex.dosage, 'handout-dosage');
      var poses = add(card, 'div', undefined, 'handout-poses');
      var viewBox = poseBounds(ex.poses, h.box || 160);
      (ex.poses || []).forEach(function (capsules, k) {
        var fig = add(poses, 'figure');
        var label = (h.poseLabels || [])[k] || '';
        fig.appendChild(poseSvg(capsules, viewBox, label));
        add(fig, 'figcaption', label);
      });
      add(card, 'h3', h.stepsTitle);
      var steps = add(card, 'ol', undefined, 'handout-steps');
      (ex.steps || []).forEach(function (s) { add(steps, 'li', s); });
    });

    var qr = add(page, 'section', undefined, 'handout-qr-box');
    if (Array.isArray(h.qr) && h.qr.length) qr.appendChild(qrSvg(h.qr, h.quiet || 4, h.qrTitle));
    var qrText = add(qr, 'div', undefined, 'handout-qr-text');
    add(qrText, 'h2', h.qrTitle);
    add(qrText, 'p', h.qrLabel);
    add(qrText, 'p', h.link, 'handout-link');

    document.body.appendChild(view);
    window.addEventListener('afterprint', function done() {
      document.body.classList.remove('printing-handout');
      window.removeEventListener('afterprint', done);
    });
    printButton.focus({ preventScroll: true });
  }

  window.steadyHandout = { open: open, close: close };
})();
