// update: registers the service worker that lets the app start with no network (sw.js) and
// offers a new version of the site once it has been downloaded: a calm notice with "Restart
// now" and "Later". The notice never shows, and nothing is swapped, while a session runs
// (the app says when one starts and ends through steadyShell.setSessionActive). A version
// the person was told about is put in place the next time the app starts.
(function () {
  'use strict';

  var shell = window.steadyShell || (window.steadyShell = {});
  var banner = document.getElementById('update');
  // waiting: the new version's worker, or true when it already runs the site and only this
  // page is older (the browser let it take over while the page was loading).
  var state = { waiting: null, sessionActive: false, dismissed: false, applying: false, reloading: false };
  var kCheckEvery_ms = 30 * 60 * 1000;
  var kStartWindow_ms = 4000;  // a restart this soon after opening interrupts nothing

  function hide() {
    if (banner) banner.hidden = true;
  }

  // Remembers (per site) that the person has been told, so the next start applies it.
  function offeredKey() {
    return 'steady-back update offered ' + new URL('./', location.href).pathname;
  }
  function setOffered(on) {
    try {
      if (on) localStorage.setItem(offeredKey(), '1'); else localStorage.removeItem(offeredKey());
    } catch (e) { /* storage blocked: the notice simply shows again next time */ }
  }
  function wasOffered() {
    try { return localStorage.getItem(offeredKey()) === '1'; } catch (e) { return false; }
  }

  function offer() {
    if (!state.waiting || state.sessionActive || state.dismissed || state.applying || !banner) return;
    banner.hidden = false;
    setOffered(true);
  }

  function reloadOnce() {
    if (state.reloading) return;
    state.reloading = true;
    location.reload();
  }

  function apply() {
    if (!state.waiting || state.applying) return;
    state.applying = true;
    hide();
    if (state.waiting === true) {
      reloadOnce();
      return;
    }
    state.waiting.postMessage({ type: 'take-over' });
    // The reload normally follows 'controllerchange'; this covers a worker that went away.
    setTimeout(reloadOnce, 10000);
  }

  shell.setSessionActive = function (active) {
    state.sessionActive = !!active;
    if (state.sessionActive) hide(); else offer();
  };

  var sw;
  try {
    sw = navigator.serviceWorker;
  } catch (e) {
    sw = null;  // e.g. a sandboxed frame without storage
  }
  if (!sw || !banner) return;

  document.getElementById('update-now').addEventListener('click', apply);
  document.getElementById('update-later').addEventListener('click', function () {
    state.dismissed = true;
    hide();
  });

  sw.addEventListener('controllerchange', function () {
    if (state.applying) reloadOnce();
  });

  function appStarted() {
    return document.documentElement.getAttribute('data-ready') === '1';
  }

  function watch(reg) {
    if (reg.waiting && sw.controller) {
      state.waiting = reg.waiting;
      offer();
    }
    reg.addEventListener('updatefound', function () {
      var worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        if (worker.state === 'installed' && sw.controller) {
          state.waiting = worker;
          offer();
        }
      });
    });
  }

  // At start, before the app is up: a version the person already heard about goes in now,
  // and so does one the browser put in place while this page was loading.
  var startCheck = sw.getRegistration().then(function (reg) {
    if (!reg || !sw.controller) return;
    var newer = null;
    if (reg.active && reg.active !== sw.controller) newer = true;
    else if (reg.waiting && wasOffered()) newer = reg.waiting;
    // The app may already be up when this answer comes (a fast start from the cache): within
    // its first seconds, before anyone could have begun a session, restarting is still fine.
    var early = !appStarted() || performance.now() < kStartWindow_ms;
    if (newer && early && !state.sessionActive) {
      state.waiting = newer;
      var text = document.getElementById('loading-text');
      if (text) text.textContent = 'Updating to the new version…';
      apply();
    } else if (newer) {
      state.waiting = newer;
      offer();
    } else if (!reg.waiting) {
      setOffered(false);
    }
  }).catch(function () { /* no service worker: the app works online as before */ });

  // Registered once the page has loaded so it does not compete with the app's own download.
  window.addEventListener('load', function () {
    startCheck.then(function () {
      return sw.register('sw.js', { scope: './', updateViaCache: 'none' });
    }).then(function (reg) {
      if (state.applying) return;
      watch(reg);
      setInterval(function () {
        if (document.visibilityState === 'visible') reg.update().catch(function () { /* offline */ });
      }, kCheckEvery_ms);
    }).catch(function (err) {
      console.warn('offline use is not available:', err && err.message);
    });
  });
})();
