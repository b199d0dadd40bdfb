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
  sb_page_started: function () {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark('sb-started');
    var hook = window.steadyShell;
    if (hook && hook.onStarted) hook.onStarted();
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
  // ---- prescription links, the builder's text fields, copying, the handout ----
  // Notes every change of the fragment (a link opened while the app is already open).
  sb_page_watch_hash: function () {
    var state = window.__steady || (window.__steady = {});
    window.addEventListener('hashchange', function () { state.hashChanged = true; });
  },
  sb_page_take_hash_changed: function () {
    var state = window.__steady || (window.__steady = {});
    var changed = !!state.hashChanged;
    state.hashChanged = false;
    return changed ? 1 : 0;
  },
  // Removes the fragment from the address bar without a reload or a history entry.
  sb_page_clear_hash: function () {
    if (!location.hash) return;
    try {
      history.replaceState(history.state, '', location.pathname + location.search);
    } catch (e) { /* a sandboxed frame may refuse; the link is then asked about again */ }
  },
  // The page's address without fragment or query: what a prescription link is built on.
  sb_page_base_url: function (buf, cap) {
    stringToUTF8(location.origin + location.pathname, buf, cap);
  },
  sb_page_set_title: function (ptr) {
    document.title = UTF8ToString(ptr);
  },
  // Copies text to the clipboard; window.__steady.copied holds it once the browser agreed.
  sb_page_copy_text: function (ptr) {
    var text = UTF8ToString(ptr);
    var state = window.__steady || (window.__steady = {});
    var fallback = function () {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'sb-offscreen';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      area.remove();
      state.copied = ok ? text : null;
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { state.copied = text; }, fallback);
    } else {
      fallback();
    }
  },
  // ---- text fields: real <input> and <textarea> elements over the canvas ----
  // The builder's fields, the library's search and the summary's note: phones show their
  // keyboard, and the text is only ever written through .value. Each field is made once,
  // then laid where the app drew its box every frame it shows. changed wakes the app (which
  // draws only when something changed); a field's own changed says its text waits to be
  // taken, at once or once the person pauses typing (pause_ms) or leaves the field.
  $sbFields: { changed: false, state: {} },
  sb_page_field_open__deps: ['$sbFields'],
  sb_page_field_open: function (idPtr, kind, cls, label, hint, text, max_chars, pause_ms) {
    var id = UTF8ToString(idPtr);
    var el = document.getElementById(id);
    if (!el) {
      el = document.createElement(kind === 2 ? 'textarea' : 'input');
      el.id = id;
      el.className = UTF8ToString(cls);
      el.hidden = true;
      el.autocomplete = 'off';
      if (kind === 2) el.rows = 3;
      else el.type = kind === 1 ? 'search' : 'text';
      if (kind === 1) {
        el.setAttribute('enterkeyhint', 'search');
        el.setAttribute('spellcheck', 'false');
      }
      el.value = UTF8ToString(text);
      var f = sbFields.state[id] = { changed: false, timer: 0 };
      var ready = function () {
        clearTimeout(f.timer);
        f.changed = true;
        sbFields.changed = true;
      };
      el.addEventListener('input', function () {
        sbFields.changed = true;
        clearTimeout(f.timer);
        if (pause_ms > 0) f.timer = setTimeout(ready, pause_ms);
        else f.changed = true;
      });
      el.addEventListener('focus', function () { sbFields.changed = true; });
      el.addEventListener('blur', ready);
      // A search box hands the keys back to the canvas on Enter, Escape or Tab, so keyboard
      // navigation carries on from the box (and a phone's keyboard closes).
      if (kind === 1) {
        el.addEventListener('keydown', function (e) {
          if (e.key !== 'Enter' && e.key !== 'Escape' && e.key !== 'Tab') return;
          e.preventDefault();
          var canvas = document.getElementById('canvas');
          if (canvas) canvas.focus();
        });
      }
      // The wheel over a field with nothing to scroll scrolls the screen it sits on.
      el.addEventListener('wheel', function (e) {
        if (el.scrollHeight > el.clientHeight) return;
        var canvas = document.getElementById('canvas');
        if (!canvas) return;
        e.preventDefault();
        canvas.dispatchEvent(new WheelEvent('wheel', e));
      }, { passive: false });
      document.body.appendChild(el);
    }
    el.setAttribute('aria-label', UTF8ToString(label));
    var h = UTF8ToString(hint);
    if (h) el.placeholder = h;
    else el.removeAttribute('placeholder');
    el.maxLength = max_chars;
  },
  // Lays the field at x, y, w, h (CSS px of the canvas), showing only the part between the
  // clip lines clip_y0 and clip_y1, as the canvas draws its scrolled area.
  sb_page_field_place: function (idPtr, x, y, w, h, clip_y0, clip_y1) {
    var el = document.getElementById(UTF8ToString(idPtr));
    if (!el) return;
    if (h <= 0 || clip_y1 <= y || clip_y0 >= y + h) {
      if (document.activeElement === el) el.blur();
      el.hidden = true;
      return;
    }
    var canvas = document.getElementById('canvas');
    var r = canvas ? canvas.getBoundingClientRect() : { left: 0, top: 0 };
    el.style.left = (r.left + x) + 'px';
    el.style.top = (r.top + y) + 'px';
    el.style.width = w + 'px';
    el.style.height = h + 'px';
    var top = Math.max(0, clip_y0 - y), bottom = Math.max(0, y + h - clip_y1);
    el.style.clipPath = top > 0 || bottom > 0 ? 'inset(' + top + 'px 0px ' + bottom + 'px 0px)' : '';
    el.hidden = false;
  },
  sb_page_field_hide: function (idPtr) {
    var el = document.getElementById(UTF8ToString(idPtr));
    if (!el) return;
    if (document.activeElement === el) el.blur();
    el.hidden = true;
  },
  // The field's text (malloc'd, for the app to free), or 0 when the field was never made,
  // or, with only_changed, when its text has not changed since it was last taken.
  sb_page_field_text__deps: ['$sbFields', 'malloc'],
  sb_page_field_text: function (idPtr, only_changed) {
    var id = UTF8ToString(idPtr);
    var el = document.getElementById(id);
    var f = sbFields.state[id];
    if (!el || !f) return 0;
    if (only_changed && !f.changed) return 0;
    f.changed = false;
    clearTimeout(f.timer);
    var size = lengthBytesUTF8(el.value) + 1;
    var ptr = _malloc(size);
    stringToUTF8(el.value, ptr, size);
    return ptr;
  },
  // Sets a field's text (a preset chosen, a new session, a cleared search): not a change to take.
  sb_page_field_set__deps: ['$sbFields'],
  sb_page_field_set: function (idPtr, text) {
    var id = UTF8ToString(idPtr);
    var el = document.getElementById(id);
    var f = sbFields.state[id];
    if (!el || !f) return;
    el.value = UTF8ToString(text);
    f.changed = false;
    clearTimeout(f.timer);
  },
  sb_page_field_focus: function (idPtr) {
    var el = document.getElementById(UTF8ToString(idPtr));
    if (el && !el.hidden) el.focus();
  },
  sb_page_field_focused: function (idPtr) {
    var el = document.getElementById(UTF8ToString(idPtr));
    return el && document.activeElement === el ? 1 : 0;
  },
  sb_page_fields_take_activity__deps: ['$sbFields'],
  sb_page_fields_take_activity: function () {
    var changed = sbFields.changed;
    sbFields.changed = false;
    return changed ? 1 : 0;
  },
  // The printable handout (web/handout.js), built from JSON as text and SVG nodes.
  // handout.js is fetched the first time it is needed (it is not part of the first visit).
  sb_page_open_handout: function (ptr, len, failedPtr) {
    var json = UTF8ToString(ptr, len);
    var failed = UTF8ToString(failedPtr);
    if (window.steadyHandout) {
      window.steadyHandout.open(json);
      return;
    }
    var tag = document.querySelector('script[data-handout-js]');
    var script = document.createElement('script');
    script.src = tag ? tag.getAttribute('data-handout-js') : 'handout.js';
    script.onload = function () {
      if (window.steadyHandout) window.steadyHandout.open(json);
    };
    script.onerror = function () {
      console.warn('the handout could not be loaded');
      var live = document.getElementById('live');
      if (live) live.textContent = failed;
    };
    document.body.appendChild(script);
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
