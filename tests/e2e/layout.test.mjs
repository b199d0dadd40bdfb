// The layout checks themselves (walk.mjs): each kind of problem is caught, and a layout that
// fits passes. The walks that apply them to every screen, at every size and at the largest
// text size, are in screens.test.mjs, where each walk also takes the screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutProblems, overlaps } from './walk.mjs';

test('the layout checks catch cut-off text, text wider than its room, small controls and controls off the side', () => {
  const lay = { width: 320, items: [
    { id: 'a', kind: 'text', x: 16, y: 0, w: 300, h: 20, clipped: false, aw: 288 },
    { id: 'b', kind: 'button', x: 16, y: 0, w: 40, h: 44, clipped: false },
    { id: 'c', kind: 'text', x: 16, y: 0, w: 100, h: 20, clipped: true, aw: 100 },
    { id: 'd', kind: 'button', x: 300, y: 0, w: 60, h: 60, clipped: false },
    { id: 'e', kind: 'figure', x: -10, y: 0, w: 340, h: 200, clipped: false },
  ] };
  assert.deepEqual(layoutProblems('x', lay), [
    'x: a is 300 px wide in 288 px',
    'x: b is 40x44 px, under 44x44',
    'x: c is cut off',
    'x: d runs off the side (300..360 of 320)',
  ]);
  const fits = { width: 320, items: [
    { id: 'a', kind: 'text', x: 16, y: 0, w: 288, h: 20, clipped: false, aw: 288 },
    { id: 'b', kind: 'button', x: 16, y: 30, w: 288, h: 44, clipped: false },
  ] };
  assert.deepEqual(layoutProblems('x', fits), []);
});

test('the overlap check catches controls drawn over one another where both show', () => {
  const lay = { width: 320, height: 568, items: [
    // A chip under a fixed button: both show, so they clash.
    { id: 'chip', kind: 'button', x: 16, y: 440, w: 100, h: 44, vt: 64, vb: 500 },
    { id: 'pause', kind: 'button', x: 90, y: 450, w: 140, h: 56 },
    // A card and its own button inside it: by design.
    { id: 'card', kind: 'button', x: 16, y: 100, w: 288, h: 120, vt: 64, vb: 500 },
    { id: 'card.open', kind: 'button', x: 200, y: 150, w: 90, h: 48, vt: 64, vb: 500 },
    // A list item scrolled under the fixed footer: hidden there, so no clash.
    { id: 'item', kind: 'button', x: 16, y: 520, w: 288, h: 60, vt: 64, vb: 500 },
    { id: 'start', kind: 'button', x: 16, y: 508, w: 288, h: 56 },
  ] };
  assert.deepEqual(overlaps('x', lay), ['x: chip and pause overlap']);
});
