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

  function appStarted() {
    return document.documentElement.getAttribute('data-ready') === '1';
  }

  // Whether restarting now interrupts nothing: the app is not up yet, or it has only just
  // come up (a fast start from the cache), before anyone could have begun a session.
  function canRestartNow() {
    return (!appStarted() || performance.now() < kStartWindow_ms) && !state.sessionActive;
  }

  // A restart for an update is remembered for five seconds in this tab, so that a site whose
  // files disagree about their version can never make the page restart over and over.
  var kRestartKey = 'steady-back restarted for an update';
  function restartedJustNow() {
    try {
      var at = Number(sessionStorage.getItem(kRestartKey));
      sessionStorage.setItem(kRestartKey, String(Date.now()));
      return at > 0 && Date.now() - at < 5000;
    } catch (e) {
      return false;
    }
  }

  // Puts a newer version in place (a waiting worker, or true when it already runs the site and
  // only this page is older): at once if that interrupts nothing, otherwise by offering it.
  function takeOver(newer) {
    state.waiting = newer;
    if (canRestartNow() && !restartedJustNow()) {
      var text = document.getElementById('loading-text');
      if (text) text.textContent = 'Updating to the new version…';
      apply();
    } else {
      offer();
    }
  }

  // The build the worker controlling this page serves ('' when it does not answer in time,
  // e.g. a worker of an older version that does not know the question).
  function controllerBuild() {
    return new Promise(function (resolve) {
      var controller = sw.controller;
      if (!controller || typeof MessageChannel !== 'function') { resolve(''); return; }
      var channel = new MessageChannel();
      var timer = setTimeout(function () { resolve(''); }, 3000);
      channel.port1.onmessage = function (event) {
        clearTimeout(timer);
        resolve(String((event.data && event.data.build) || ''));
      };
      controller.postMessage({ type: 'which-build' }, [channel.port2]);
    });
  }

  // Another worker took over without this page asking. If it serves another build (another
  // window of the app took a new version, or the browser put a waiting version in place while
  // this page reloaded), this page's files are now the older ones, and a "Later" said to the
  // waiting version no longer holds. (A first visit's page that the new worker starts to
  // control runs the same build: nothing to do.)
  sw.addEventListener('controllerchange', function () {
    if (state.applying) {
      reloadOnce();
      return;
    }
    controllerBuild().then(function (build) {
      if (state.applying || !build || build === shell.build) return;
      state.dismissed = false;
      takeOver(true);
    });
  });

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
    if (!reg || !sw.controller) return null;
    return controllerBuild().then(function (build) {
      if (state.applying) return;  // a take-over already under way (controllerchange)
      var older = (build && build !== shell.build) || (reg.active && reg.active !== sw.controller);
      if (older) {
        takeOver(true);
      } else if (reg.waiting && wasOffered()) {
        takeOver(reg.waiting);
      } else if (!reg.waiting) {
        setOffered(false);
      }
    });
  }).catch(function () { /* no service worker: the app works online as before */ });

  // Registered once the page has loaded and the app has started (steadyShell.started), so that
  // installing, which downloads and stores every file of the site again, does not compete with
  // the app's own download and start; and not at all while a new version takes over (a
  // registration then would race it).
  var loaded = new Promise(function (resolve) {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', function () { resolve(); });
  });
  loaded.then(function () { return shell.started; }).then(function () {
    startCheck.then(function () {
      if (state.applying) return null;
      return sw.register('sw.js', { scope: './', updateViaCache: 'none' });
    }).then(function (reg) {
      if (!reg || state.applying) return;
      watch(reg);
      setInterval(function () {
        if (document.visibilityState === 'visible') reg.update().catch(function () { /* offline */ });
      }, kCheckEvery_ms);
    }).catch(function (err) {
      console.warn('offline use is not available:', err && err.message);
    });
  });
})();
