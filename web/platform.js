// platform: the browser services the app drives from C++ (through src/platform/page_lib.js):
// cue sounds synthesised with Web Audio and scheduled ahead on the audio clock, spoken cues,
// vibration, the screen wake lock, and page visibility. Times from the app are
// performance.now() milliseconds ("wall time"); sounds are placed on the audio clock by the
// context's output timestamp so they land on time even when frames drop.
(function () {
  'use strict';

  // Each sound is a list of notes: [start offset s, frequency Hz, end frequency Hz, length s, gain, wave].
  var kSounds = {
    get_ready: [[0, 523, 523, 0.16, 0.28, 'sine']],
    move: [[0, 587, 587, 0.08, 0.16, 'sine']],
    hold_start: [[0, 660, 660, 0.09, 0.3, 'triangle'], [0.1, 990, 990, 0.14, 0.3, 'triangle']],
    hold_second: [[0, 880, 880, 0.05, 0.22, 'sine']],
    last_three: [[0, 1320, 1320, 0.12, 0.32, 'square']],
    release: [[0, 990, 990, 0.09, 0.3, 'triangle'], [0.1, 660, 660, 0.16, 0.3, 'triangle']],
    rep_done: [[0, 523, 784, 0.12, 0.3, 'triangle']],
    rest: [[0, 440, 392, 0.3, 0.22, 'sine']],
    switch_side: [[0, 740, 740, 0.1, 0.3, 'square'], [0.16, 740, 740, 0.1, 0.3, 'square']],
    set_done: [[0, 523, 523, 0.35, 0.2, 'sine'], [0, 659, 659, 0.35, 0.2, 'sine'], [0, 784, 784, 0.35, 0.2, 'sine']],
    exercise_done: [[0, 523, 523, 0.14, 0.25, 'triangle'], [0.12, 659, 659, 0.14, 0.25, 'triangle'],
      [0.24, 784, 784, 0.14, 0.25, 'triangle'], [0.36, 1047, 1047, 0.3, 0.25, 'triangle']],
    up_next: [[0, 587, 587, 0.1, 0.22, 'sine'], [0.13, 880, 880, 0.16, 0.22, 'sine']],
    session_done: [[0, 523, 523, 0.5, 0.22, 'sine'], [0.15, 659, 659, 0.5, 0.22, 'sine'],
      [0.3, 784, 784, 0.5, 0.22, 'sine'], [0.45, 1047, 1047, 0.9, 0.22, 'sine']],
  };

  var audio = { ctx: null, master: null, volume: 0.8, muted: false, pending: [], log: [] };
  var speech = { enabled: true, lang: 'en', voice: null };
  var wake = { wanted: false, sentinel: null };
  var page = { hiddenAt: -1 };

  function ensureContext() {
    if (audio.ctx) return audio.ctx;
    var Ctor = window.AudioContext || window.webkitAudioContext;
    if (!Ctor) return null;
    try {
      audio.ctx = new Ctor({ latencyHint: 'interactive' });
    } catch (e) {
      return null;
    }
    audio.master = audio.ctx.createGain();
    audio.master.gain.value = audio.muted ? 0 : audio.volume;
    audio.master.connect(audio.ctx.destination);
    return audio.ctx;
  }

  // iOS plays Web Audio through the ringer channel (silenced by the switch) until an <audio>
  // element has played; a short silent clip made here moves it to the media channel.
  var unlocked = false;
  function unlock() {
    var ctx = ensureContext();
    if (ctx && ctx.state !== 'running') ctx.resume().catch(function () {});
    if (unlocked) return;
    unlocked = true;
    try {
      var rate = 8000;
      var samples = 800;
      var buf = new ArrayBuffer(44 + samples * 2);
      var v = new DataView(buf);
      var w = function (o, s) { for (var i = 0; i < s.length; i++) v.setUint8(o + i, s.charCodeAt(i)); };
      w(0, 'RIFF'); v.setUint32(4, 36 + samples * 2, true); w(8, 'WAVE'); w(12, 'fmt ');
      v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true);
      v.setUint32(24, rate, true); v.setUint32(28, rate * 2, true); v.setUint16(32, 2, true);
      v.setUint16(34, 16, true); w(36, 'data'); v.setUint32(40, samples * 2, true);
      var el = new Audio(URL.createObjectURL(new Blob([buf], { type: 'audio/wav' })));
      el.setAttribute('playsinline', '');
      var p = el.play();
      if (p && p.catch) p.catch(function () {});
    } catch (e) { /* not needed where it fails */ }
  }
  ['pointerdown', 'touchend', 'keydown', 'click'].forEach(function (type) {
    document.addEventListener(type, unlock, { capture: true, passive: true });
  });

  // Audio-clock time of a wall time (ms).
  function audioTimeOf(wallMs) {
    var ctx = audio.ctx;
    var ts = ctx.getOutputTimestamp ? ctx.getOutputTimestamp() : null;
    if (ts && ts.performanceTime > 0) return ts.contextTime + (wallMs - ts.performanceTime) / 1000;
    return ctx.currentTime + (wallMs - performance.now()) / 1000;
  }

  function schedule(kind, wallMs) {
    var entry = { kind: kind, wallMs: wallMs, audioTime: null, nodes: [] };
    audio.log.push(entry);
    if (audio.log.length > 2000) audio.log.splice(0, 1000);
    var ctx = audio.ctx;
    var notes = kSounds[kind];
    if (!ctx || !notes || ctx.state !== 'running') return;
    var t0 = audioTimeOf(wallMs);
    entry.audioTime = t0;
    entry.contextTimeAtSchedule = ctx.currentTime;
    if (t0 < ctx.currentTime - 0.05) return;  // already past: never play a stale cue
    notes.forEach(function (n) {
      var start = Math.max(ctx.currentTime, t0 + n[0]);
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.type = n[5];
      osc.frequency.setValueAtTime(n[1], start);
      if (n[2] !== n[1]) osc.frequency.linearRampToValueAtTime(n[2], start + n[3]);
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(n[4], start + 0.008);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + n[3]);
      osc.connect(gain);
      gain.connect(audio.master);
      osc.start(start);
      osc.stop(start + n[3] + 0.02);
      entry.nodes.push(osc);
    });
    audio.pending.push(entry);
  }

  function cancelFrom(wallMs) {
    var keep = [];
    audio.pending.forEach(function (e) {
      if (e.wallMs >= wallMs - 0.5) {
        e.cancelled = true;
        e.nodes.forEach(function (o) { try { o.stop(); o.disconnect(); } catch (x) { /* already stopped */ } });
      } else {
        keep.push(e);
      }
    });
    audio.pending = keep;
    // Forget finished ones.
    var now = audio.ctx ? audio.ctx.currentTime : 0;
    audio.pending = audio.pending.filter(function (e) { return e.audioTime === null || e.audioTime > now - 2; });
  }

  function setVolume(volume, muted) {
    audio.volume = volume;
    audio.muted = muted;
    if (audio.master) audio.master.gain.value = muted ? 0 : volume;
  }

  function speechAvailable() {
    if (!('speechSynthesis' in window)) return false;
    var voices = window.speechSynthesis.getVoices();
    return voices && voices.length > 0;
  }

  function say(text) {
    if (!speech.enabled || !speechAvailable()) return false;
    try {
      var u = new SpeechSynthesisUtterance(text);
      u.lang = speech.lang;
      u.rate = 0.95;
      u.volume = audio.muted ? 0 : audio.volume;
      window.speechSynthesis.speak(u);
      return true;
    } catch (e) {
      return false;
    }
  }

  function cancelSpeech() {
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
  }

  function requestWakeLock() {
    if (!wake.wanted || wake.sentinel || !navigator.wakeLock || document.visibilityState !== 'visible') return;
    navigator.wakeLock.request('screen').then(function (s) {
      wake.sentinel = s;
      s.addEventListener('release', function () { wake.sentinel = null; });
      if (!wake.wanted) s.release();
    }).catch(function () { /* refused (battery saver, iframe without permission): keep going */ });
  }

  function setWakeLock(on) {
    wake.wanted = on;
    if (on) {
      requestWakeLock();
    } else if (wake.sentinel) {
      wake.sentinel.release().catch(function () {});
      wake.sentinel = null;
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      if (page.hiddenAt < 0) page.hiddenAt = performance.now();
      cancelFrom(performance.now());  // nothing plays while no one is looking
      cancelSpeech();
    } else {
      requestWakeLock();  // the browser released it when the page was hidden
    }
  });

  window.steadyPlatform = {
    audio: audio,
    wake: wake,
    schedule: schedule,
    cancelFrom: cancelFrom,
    setVolume: setVolume,
    setSpeech: function (on, lang) { speech.enabled = on; if (lang) speech.lang = lang; },
    speechAvailable: speechAvailable,
    say: say,
    cancelSpeech: cancelSpeech,
    setWakeLock: setWakeLock,
    vibrate: function (ms) { if (navigator.vibrate) navigator.vibrate(ms); },
    takeHiddenAt: function () { var t = page.hiddenAt; page.hiddenAt = -1; return t; },
    isHidden: function () { return document.visibilityState === 'hidden'; },
  };
})();
