// page_lib: the app's bridge to the HTML page (linked with --js-library).
// Everything the canvas cannot do for itself goes through here: the first-frame mark the
// loading screen and the benchmarks wait for, the aria-live region for screen readers,
// and the layout data tests read.
mergeInto(LibraryManager.library, {
  sb_page_first_frame: function () {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark('sb-first-frame');
    var hook = window.steadyShell;
    if (hook && hook.onFirstFrame) hook.onFirstFrame();
  },
  sb_page_set_layout: function (ptr, len) {
    var state = window.__steady || (window.__steady = {});
    try {
      state.layout = JSON.parse(UTF8ToString(ptr, len));
    } catch (e) {
      state.layout = null;
    }
  },
  sb_page_set_cues: function (ptr, len) {
    var state = window.__steady || (window.__steady = {});
    try {
      state.cues = JSON.parse(UTF8ToString(ptr, len));
    } catch (e) {
      state.cues = null;
    }
  },
  sb_page_get_hash: function (buf, cap) {
    var h = (location.hash || '').replace(/^#/, '');
    try { h = decodeURIComponent(h); } catch (e) { /* keep the raw text */ }
    stringToUTF8(h, buf, cap);
  },
  // Counts a rendered frame and keeps, for the benchmark, how long the frame function took
  // (frame_ms[(frames - 1) % 4096], the last 4096 frames), the wasm memory's size and the top
  // of the malloc heap (bytes; the top only rises when the app needs more memory).
  sb_page_count_frame: function (frame_ms, heap_top) {
    var state = window.__steady || (window.__steady = {});
    state.frames = (state.frames || 0) + 1;
    var ring = state.frame_ms || (state.frame_ms = new Float64Array(4096));
    ring[(state.frames - 1) % ring.length] = frame_ms;
    state.heap_bytes = HEAP8.length;
    state.heap_top = heap_top;
  },
  sb_page_announce: function (ptr) {
    var el = document.getElementById('live');
    if (el) el.textContent = UTF8ToString(ptr);
  },
  sb_page_set_canvas_label: function (ptr) {
    var canvas = document.getElementById('canvas');
    if (canvas) canvas.setAttribute('aria-label', UTF8ToString(ptr));
  },
  // The person's system settings, read once at start: 1 when the media query matches.
  sb_page_prefers_dark: function () {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },
  sb_page_prefers_reduced_motion: function () {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
  },
  sb_page_prefers_more_contrast: function () {
    if (!window.matchMedia) return 0;
    return window.matchMedia('(prefers-contrast: more)').matches || window.matchMedia('(forced-colors: active)').matches ? 1 : 0;
  },
  // ---- cues, speech, wake lock and visibility (web/platform.js) ----
  sb_cue_schedule: function (kind, wall_ms) {
    var p = window.steadyPlatform;
    if (p) p.schedule(UTF8ToString(kind), wall_ms);
  },
  sb_cue_cancel_from: function (wall_ms) {
    var p = window.steadyPlatform;
    if (p) p.cancelFrom(wall_ms);
  },
  sb_cue_set_volume: function (volume, muted) {
    var p = window.steadyPlatform;
    if (p) p.setVolume(volume, !!muted);
  },
  sb_speech_set: function (on, lang) {
    var p = window.steadyPlatform;
    if (p) p.setSpeech(!!on, UTF8ToString(lang));
  },
  sb_speech_say: function (text) {
    var p = window.steadyPlatform;
    return p && p.say(UTF8ToString(text)) ? 1 : 0;
  },
  sb_speech_cancel: function () {
    var p = window.steadyPlatform;
    if (p) p.cancelSpeech();
  },
  sb_wake_lock: function (on) {
    var p = window.steadyPlatform;
    if (p) p.setWakeLock(!!on);
  },
  sb_vibrate: function (ms) {
    var p = window.steadyPlatform;
    if (p) p.vibrate(ms);
  },
  sb_page_take_hidden_at: function () {
    var p = window.steadyPlatform;
    return p ? p.takeHiddenAt() : -1;
  },
  sb_page_is_hidden: function () {
    var p = window.steadyPlatform;
    return p && p.isHidden() ? 1 : 0;
  },
  sb_page_show_error: function (ptr) {
    var hook = window.steadyShell;
    var text = UTF8ToString(ptr);
    if (hook && hook.showError) hook.showError(text);
  },
  sb_page_set_session_active: function (active) {
    var hook = window.steadyShell;
    if (hook && hook.setSessionActive) hook.setSessionActive(!!active);
  },
  sb_page_get_build: function (buf, cap) {
    var hook = window.steadyShell;
    stringToUTF8(String((hook && hook.build) || 'dev'), buf, cap);
  },
  sb_page_set_theme: function (ptr) {
    document.documentElement.setAttribute('data-theme', UTF8ToString(ptr));
  },
  sb_page_set_stat: function (name, value) {
    var state = window.__steady || (window.__steady = {});
    state[UTF8ToString(name)] = value;
  },
  // The session controls (#controls in index.html): words and state from the app; a press
  // is queued here and taken by the app's next frame (sb_page_take_control).
  sb_page_set_controls: function (ptr, len) {
    var c;
    try { c = JSON.parse(UTF8ToString(ptr, len)); } catch (e) { return; }
    var group = document.getElementById('controls');
    if (!group) return;
    var state = window.__steady || (window.__steady = {});
    state.controls = c;
    group.setAttribute('aria-label', c.label);
    ['start', 'pause', 'next', 'stop'].forEach(function (name, i) {
      var button = document.getElementById('sb-' + name);
      if (!button) return;
      if (!button.dataset.wired) {
        button.dataset.wired = '1';
        button.addEventListener('click', function () {
          (state.control_queue || (state.control_queue = [])).push(i + 1);
        });
      }
      button.textContent = c[name];
      button.hidden = !c[name];
      if (name === 'pause') button.setAttribute('aria-pressed', c.paused ? 'true' : 'false');
    });
    group.hidden = !(c.start || c.pause || c.next || c.stop);
  },
  sb_page_take_control: function () {
    var state = window.__steady;
    var queue = state && state.control_queue;
    return queue && queue.length ? queue.shift() : 0;
  },
});
