// shell: checks the browser can run the app, shows loading progress while the WebAssembly
// downloads, starts it, and replaces the canvas with plain words if anything goes wrong.
(function () {
  'use strict';

  var loading = document.getElementById('loading');
  var fill = document.getElementById('loading-fill');
  var loadingText = document.getElementById('loading-text');
  var problem = document.getElementById('problem');
  var problemText = document.getElementById('problem-text');
  var canvas = document.getElementById('canvas');
  var failed = false;
  // The packaged site names the app's files with content hashes (tools/package_site.py).
  var files = (document.currentScript && document.currentScript.dataset) || {};
  var appJs = files.appJs || 'steady.js';
  var appWasm = files.appWasm || 'steady.wasm';
  // Settles once the app has finished starting, or could not start: what can wait until then
  // (installing for offline use, update.js) does not compete with the start for the processor.
  // A start that neither finishes nor fails within kStartLimit_ms counts as over too.
  var kStartLimit_ms = 20000;
  var startOver;
  var started = new Promise(function (resolve) { startOver = resolve; });
  setTimeout(function () { startOver(); }, kStartLimit_ms);

  function showError(text) {
    failed = true;
    startOver();
    problemText.textContent = text;
    problem.hidden = false;
    loading.hidden = true;
    canvas.hidden = true;
  }

  function setProgress(fraction) {
    var pct = Math.max(4, Math.min(100, Math.round(fraction * 100)));
    fill.style.width = pct + '%';
  }

  document.getElementById('problem-reload').addEventListener('click', function () {
    location.reload();
  });

  window.steadyShell = {
    build: files.build || 'dev',
    showError: showError,
    started: started,
    onStarted: function () { startOver(); },
    onFirstFrame: function () {
      if (failed) return;
      // Gone at once, not faded: on a phone drawing without a GPU (and in Lighthouse) each
      // frame of a fade over the whole window costs more than the app's own frame.
      loading.hidden = true;
      document.documentElement.setAttribute('data-ready', '1');
      // Keyboard focus to the app, in a task of its own: focusing makes the browser work out
      // the page's styles, which need not hold up the frame just drawn.
      setTimeout(function () { canvas.focus({ preventScroll: true }); }, 0);
    },
  };

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showError('This browser cannot run the app (WebAssembly is missing or turned off). ' +
      'Please open this page in an up-to-date Chrome, Edge, Firefox or Safari.');
    return;
  }
  // Start the big download first, and compile the wasm as it arrives: compiling needs nothing
  // from steady.js, which only runs once the loading card is on screen (below). Making the
  // WebGL context below takes a while on some devices, and the compile goes on meanwhile.
  var wasmModule = fetch(appWasm, { credentials: 'same-origin' }).then(function (resp) {
    if (!resp.ok) throw new Error(appWasm + ': HTTP ' + resp.status);
    var total = Number(resp.headers.get('Content-Length')) || 0;
    var streaming = typeof WebAssembly.compileStreaming === 'function' &&
      (resp.headers.get('Content-Type') || '').indexOf('application/wasm') === 0;
    if (resp.body && total > 0 && typeof ReadableStream === 'function') {
      var reader = resp.body.getReader();
      var loaded = 0;
      var counted = new ReadableStream({
        pull: function (controller) {
          return reader.read().then(function (r) {
            if (r.done) { controller.close(); return; }
            loaded += r.value.byteLength;
            setProgress(0.9 * loaded / total);
            controller.enqueue(r.value);
          });
        },
      });
      resp = new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
    }
    if (streaming) return WebAssembly.compileStreaming(resp);
    return resp.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
  });
  wasmModule.catch(function () { /* reported by instantiateWasm below */ });
  // The app's own drawing context, made now while the wasm downloads: this both checks that
  // WebGL 2 works and takes its set-up out of the app's start, which later asks the canvas
  // for a context and gets this one back. The attributes are the ones the app would ask for.
  var gl = canvas.getContext('webgl2', {
    alpha: false, antialias: false, depth: false, stencil: false,
    premultipliedAlpha: true, preserveDrawingBuffer: false,
  });
  if (!gl) {
    showError('This browser or device cannot draw the app (WebGL 2 is turned off or unsupported). ' +
      'Try an up-to-date Chrome, Edge, Firefox or Safari, and check that hardware acceleration is on.');
    return;
  }

  canvas.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();
    showError('The browser reset the display. Reload to carry on; your saved progress is kept.');
  });

  // Starts the wasm compiled above with steady.js's imports.
  function instantiateWasm(imports, receive) {
    wasmModule.then(function (module) {
      return WebAssembly.instantiate(module, imports).then(function (instance) {
        return { instance: instance, module: module };
      });
    }).then(function (result) {
      loadingText.textContent = 'Starting…';
      receive(result.instance, result.module);
    }).catch(function (err) {
      console.warn('wasm load failed:', err);
      if (err && (err.name === 'EvalError' || /unsafe-eval|Content.Security.Policy/i.test(String(err.message)))) {
        // Browsers older than the 'wasm-unsafe-eval' policy keyword (e.g. Safari 15) refuse here.
        showError('This browser is too old to start the app safely. Please update it (Safari 16 or newer, ' +
          'or an up-to-date Chrome, Edge or Firefox) and open this page again.');
        return;
      }
      showError('Part of the app could not be downloaded. Check your connection and reload the page.');
    });
    return {};
  }

  window.Module = {
    canvas: canvas,
    instantiateWasm: instantiateWasm,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function () {
      showError('The app stopped unexpectedly. Reload to try again; your saved progress is kept.');
    },
  };

  var script = document.createElement('script');
  script.src = appJs;
  script.onerror = function () {
    showError('Part of the app could not be downloaded. Check your connection and reload the page.');
  };
  // The app's code runs once the loading card has been painted, so the page shows something
  // at once even on a slow phone (the wasm is already downloading: see the preload in
  // index.html). A hidden tab gets no animation frames, hence the timer as well.
  var added = false;
  var addScript = function () {
    if (added) return;
    added = true;
    document.body.appendChild(script);
  };
  requestAnimationFrame(function () { setTimeout(addScript, 0); });
  setTimeout(addScript, 100);
})();
