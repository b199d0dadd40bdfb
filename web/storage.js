// storage: the person's progress in IndexedDB, for the app (window.steadyStorage).
//
// The app's core owns the records' meaning: here they are opaque JSON texts. Sessions are
// kept a week to a stored value ("weeks": key "2026-W47", value = that local ISO week's
// records, one a line, each a compact array "[3,id,...]" or, moved from older versions, the
// record as it was), so ten years load in a few hundred reads; checks, adjustments and
// prefs are one record a key. Every change is one transaction with strict durability where
// the browser offers it, so a session written before the page closes is on disk. Saving a
// session reads its week and writes it back inside one transaction: two tabs saving at once
// both keep their session. Nothing is ever deleted except an undone adjustment.
//
// Database versions: 1 (the first) had only "sessions", one record a key; 2 added "checks",
// "adjustments" and "prefs"; 3 moved the sessions into "weeks". Upgrading keeps every record:
// one that cannot be placed in a week (not JSON, no start time, stored under another id) goes
// to "sessions_aside" as it was, and the app reports it.
(function () {
  'use strict';

  var kName = 'steady-back';
  var kVersion = 3;
  var kStores = ['weeks', 'sessions_aside', 'checks', 'adjustments', 'prefs'];
  var kDayMs = 86400000;

  var state = {
    status: 'opening',   // opening | ready | unavailable
    reason: '',          // why unavailable: blocked | failed | closed
    loaded: null,        // JSON text of the small stores read at start, until the app takes it
    lines: null,         // the weeks' session lines, until the app takes them
    writeError: '',      // '' | quota | failed: the last write that did not land
    pending: 0,          // writes not yet committed
    db: null,
    persistAsked: false,
    timings: {},         // milliseconds, for the benchmark
  };

  function unavailable(reason) {
    state.status = 'unavailable';
    state.reason = reason;
    state.db = null;
  }

  // The local ISO week of a session ("2026-W47"): start in ms since 1970, tz as
  // getTimezoneOffset (local = UTC - tz).
  function weekKey(startMs, tzMin) {
    var day = Math.floor((startMs - tzMin * 60000) / kDayMs);
    var monday0 = ((day + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
    var thursday = day - monday0 + 3;
    var year = new Date(thursday * kDayMs).getUTCFullYear();
    var week = Math.floor((thursday - Date.UTC(year, 0, 1) / kDayMs) / 7) + 1;
    return year + '-W' + (week < 10 ? '0' : '') + week;
  }

  // The id a stored session line carries, or '' when it cannot be told.
  function lineId(line) {
    var m = /^(?:\[\d+,|\{"v":\d+,"id":)"([^"\\]*)"/.exec(line);
    if (m) return m[1];
    try {
      var r = JSON.parse(line);
      if (Array.isArray(r)) return typeof r[1] === 'string' ? r[1] : '';
      return r && typeof r.id === 'string' ? r.id : '';
    } catch (e) {
      return '';
    }
  }

  function readAll(db) {
    var t0 = performance.now();
    var out = {};
    var lines = [];
    var tx;
    try {
      tx = db.transaction(kStores, 'readonly');
    } catch (e) {
      unavailable('failed');
      return;
    }
    kStores.forEach(function (name) {
      var store = tx.objectStore(name);
      var keys = store.getAllKeys();
      var values = store.getAll();
      values.onsuccess = function () {
        var v = values.result;
        if (name === 'weeks') {
          for (var w = 0; w < v.length; ++w) lines.push('#' + keys.result[w], typeof v[w] === 'string' ? v[w] : '');
          return;
        }
        var pairs = [];
        for (var i = 0; i < v.length; ++i) {
          pairs.push([String(keys.result[i]), typeof v[i] === 'string' ? v[i] : JSON.stringify(v[i])]);
        }
        out[name] = pairs;
      };
    });
    tx.oncomplete = function () {
      state.loaded = JSON.stringify(out);
      state.lines = lines.join('\n');
      state.timings.readMs = performance.now() - t0;
      state.status = 'ready';
    };
    tx.onerror = tx.onabort = function () { unavailable('failed'); };
  }

  // Version 1 or 2 -> 3: every record of "sessions" into its week (or aside), inside the
  // upgrade's own transaction, then the old store goes. Any failure aborts the upgrade and
  // leaves the old database exactly as it was.
  function moveSessionsToWeeks(tx) {
    var old = tx.objectStore('sessions');
    var keys = old.getAllKeys();
    var values = old.getAll();
    values.onsuccess = function () {
      var weeks = {};
      var aside = tx.objectStore('sessions_aside');
      for (var i = 0; i < values.result.length; ++i) {
        var key = String(keys.result[i]);
        var v = values.result[i];
        var text = typeof v === 'string' ? v : JSON.stringify(v);
        var week = '';
        try {
          var r = JSON.parse(text);
          var tz = r && Number.isInteger(r.tz) ? r.tz : 0;
          if (r && r.id === key && Number.isSafeInteger(r.start) && r.start > 0 && text.indexOf('\n') < 0) {
            week = weekKey(r.start, tz);
          }
        } catch (e) { /* not JSON: kept aside below */ }
        if (week) {
          (weeks[week] = weeks[week] || []).push(text);
        } else {
          aside.put(text, key);
        }
      }
      var store = tx.objectStore('weeks');
      Object.keys(weeks).forEach(function (w) { store.put(weeks[w].join('\n'), w); });
      tx.db.deleteObjectStore('sessions');
    };
  }

  function open() {
    var idb;
    try {
      idb = window.indexedDB;
    } catch (e) {
      idb = null;  // sandboxed frames throw on access
    }
    if (!idb) {
      unavailable('blocked');
      return;
    }
    var t0 = performance.now();
    var req;
    try {
      req = idb.open(kName, kVersion);
    } catch (e) {
      unavailable('blocked');
      return;
    }
    req.onupgradeneeded = function () {
      var db = req.result;
      kStores.forEach(function (name) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
      });
      if (db.objectStoreNames.contains('sessions')) moveSessionsToWeeks(req.transaction);
    };
    req.onsuccess = function () {
      var db = req.result;
      state.db = db;
      state.timings.openMs = performance.now() - t0;
      // Another tab with a newer app wants to upgrade: step aside; this tab then says so.
      db.onversionchange = function () {
        db.close();
        unavailable('closed');
      };
      db.onclose = function () { unavailable('closed'); };
      readAll(db);
    };
    req.onerror = function (e) {
      if (e && e.preventDefault) e.preventDefault();
      unavailable('failed');
    };
    req.onblocked = function () { /* an older tab holds the database open; wait for it */ };
  }

  function askPersistence() {
    if (state.persistAsked) return;
    state.persistAsked = true;
    try {
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    } catch (e) { /* not offered: storage stays best-effort */ }
  }

  // One strict transaction over store; fill(objectStore) queues its requests. False when it
  // could not even start.
  function transact(store, fill) {
    if (state.status !== 'ready' || !state.db) {
      state.writeError = 'failed';
      return false;
    }
    var tx;
    try {
      tx = state.db.transaction([store], 'readwrite', { durability: 'strict' });
    } catch (e) {
      state.writeError = 'failed';
      return false;
    }
    var t0 = performance.now();
    var reported = false;
    state.pending++;
    tx.oncomplete = function () {
      state.pending--;
      state.timings.lastWriteMs = performance.now() - t0;
      askPersistence();
    };
    // A failed request aborts the whole transaction (nothing of it lands); the abort says why.
    tx.onabort = function (ev) {
      if (reported) return;
      reported = true;
      state.pending--;
      var err = tx.error || (ev && ev.target && ev.target.error);
      state.writeError = err && err.name === 'QuotaExceededError' ? 'quota' : 'failed';
    };
    try {
      fill(tx.objectStore(store));
    } catch (e) {
      try { tx.abort(); } catch (e2) { /* already finished */ }
    }
    return true;
  }

  // One transaction writing every [key, text] pair of entries to store (and removing keys).
  function write(store, entries, removals) {
    return transact(store, function (os) {
      entries.forEach(function (e) { os.put(e[1], e[0]); });
      (removals || []).forEach(function (k) { os.delete(k); });
    });
  }

  // Sessions [[id, start_ms, tz_min, text]...] into their weeks: each week is read and
  // written back within the one transaction, replacing the line of the same id or adding one.
  function writeSessions(sessions) {
    var byWeek = {};
    for (var i = 0; i < sessions.length; ++i) {
      var s = sessions[i];
      if (typeof s[3] !== 'string' || s[3].indexOf('\n') >= 0 || !Number.isFinite(s[1])) return false;
      var w = weekKey(s[1], s[2] || 0);
      (byWeek[w] = byWeek[w] || []).push(s);
    }
    return transact('weeks', function (os) {
      Object.keys(byWeek).forEach(function (w) {
        var get = os.get(w);
        get.onsuccess = function () {
          var lines = typeof get.result === 'string' && get.result ? get.result.split('\n') : [];
          byWeek[w].forEach(function (s) {
            var at = -1;
            for (var j = 0; j < lines.length && at < 0; ++j) {
              if (lineId(lines[j]) === s[0]) at = j;
            }
            if (at >= 0) lines[at] = s[3];
            else lines.push(s[3]);
          });
          os.put(lines.join('\n'), w);
        };
      });
    });
  }

  window.steadyStorage = {
    open: open,
    // 0 opening, 1 ready, 2 unavailable.
    status: function () { return state.status === 'ready' ? 1 : state.status === 'unavailable' ? 2 : 0; },
    reason: function () { return state.reason; },
    takeLoaded: function () {
      var text = state.loaded || '{}';
      state.loaded = null;
      return text;
    },
    // The weeks' session lines as UTF-8 bytes (encoded natively: ten years are megabytes).
    takeSessionLines: function () {
      var t0 = performance.now();
      var bytes = new TextEncoder().encode(state.lines || '');
      state.lines = null;
      state.timings.encodeMs = performance.now() - t0;
      state.timings.lineBytes = bytes.length;
      return bytes;
    },
    put: function (store, key, text) { return write(store, [[key, text]]); },
    putMany: function (store, entriesJson) {
      var entries;
      try {
        entries = JSON.parse(entriesJson);
      } catch (e) {
        return false;
      }
      return write(store, entries);
    },
    putSession: function (id, startMs, tzMin, text) { return writeSessions([[id, startMs, tzMin, text]]); },
    putSessions: function (sessionsJson) {
      var sessions;
      try {
        sessions = JSON.parse(sessionsJson);
      } catch (e) {
        return false;
      }
      return writeSessions(sessions);
    },
    remove: function (store, key) { return write(store, [], [key]); },
    // The last write problem, once: '' | 'quota' | 'failed'.
    takeWriteError: function () {
      var e = state.writeError;
      state.writeError = '';
      return e;
    },
    pending: function () { return state.pending; },
    weekKey: weekKey,
    timings: state.timings,
  };

  // ---- backup files: saving a download, choosing a file to import, the print view ----

  var picked = null;  // text of the file chosen for import, until the app takes it

  window.steadyFiles = {
    // Offers text as a file download (the person's own copy; nothing is uploaded).
    download: function (name, mime, text) {
      var url = URL.createObjectURL(new Blob([text], { type: mime }));
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    },
    // Opens the file chooser; the chosen file's text arrives through takePicked().
    pick: function () {
      var input = document.getElementById('import-file');
      if (!input) {
        input = document.createElement('input');
        input.type = 'file';
        input.id = 'import-file';
        input.accept = '.json,application/json';
        input.hidden = true;
        input.addEventListener('change', function () {
          var file = input.files && input.files[0];
          input.value = '';
          if (!file) return;
          if (file.size > 32 * 1024 * 1024) {
            picked = { text: '', tooBig: true };
            return;
          }
          file.text().then(function (text) { picked = { text: text, tooBig: false }; },
                           function () { picked = { text: '', tooBig: false }; });
        });
        document.body.appendChild(input);
      }
      input.click();
    },
    // 0 nothing chosen yet, 1 a file's text is waiting, 2 the file was too big to read.
    pickedState: function () { return picked ? (picked.tooBig ? 2 : 1) : 0; },
    takePicked: function () {
      var text = picked ? picked.text : '';
      picked = null;
      return text;
    },
    // The one-page summary for printing: built from data as text nodes (never as HTML).
    print: function (reportJson) {
      var report;
      try {
        report = JSON.parse(reportJson);
      } catch (e) {
        return;
      }
      var view = document.getElementById('print-view');
      if (view) view.remove();
      view = document.createElement('section');
      view.id = 'print-view';
      function add(parent, tag, text, cls) {
        var el = document.createElement(tag);
        if (text !== undefined) el.textContent = text;
        if (cls) el.className = cls;
        parent.appendChild(el);
        return el;
      }
      if (report.clinic) add(view, 'p', report.clinic, 'print-clinic');
      add(view, 'h1', report.title);
      add(view, 'p', report.subtitle, 'print-sub');
      var stats = add(view, 'dl', undefined, 'print-stats');
      (report.stats || []).forEach(function (kv) {
        var box = add(stats, 'div');
        add(box, 'dt', kv[0]);
        add(box, 'dd', kv[1]);
      });
      if (report.pain && report.pain.length) {
        add(view, 'h2', report.painTitle);
        var ns = 'http://www.w3.org/2000/svg';
        var svg = document.createElementNS(ns, 'svg');
        svg.setAttribute('viewBox', '0 0 600 160');
        svg.setAttribute('class', 'print-chart');
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', report.painTitle);
        var first = report.pain[0][0], last = report.pain[report.pain.length - 1][0];
        var span = Math.max(1, last - first);
        var points = report.pain.map(function (p) {
          return (20 + (p[0] - first) / span * 560).toFixed(1) + ',' + (150 - p[1] * 14).toFixed(1);
        });
        for (var level = 0; level <= 10; level += 5) {
          var line = document.createElementNS(ns, 'line');
          line.setAttribute('x1', '20'); line.setAttribute('x2', '580');
          line.setAttribute('y1', String(150 - level * 14)); line.setAttribute('y2', String(150 - level * 14));
          line.setAttribute('class', 'print-grid');
          svg.appendChild(line);
          var label = document.createElementNS(ns, 'text');
          label.setAttribute('x', '0'); label.setAttribute('y', String(154 - level * 14));
          label.textContent = String(level);
          svg.appendChild(label);
        }
        var poly = document.createElementNS(ns, 'polyline');
        poly.setAttribute('points', points.join(' '));
        poly.setAttribute('class', 'print-line');
        svg.appendChild(poly);
        view.appendChild(svg);
      }
      add(view, 'h2', report.tableTitle);
      var table = add(view, 'table');
      var head = add(add(table, 'thead'), 'tr');
      (report.columns || []).forEach(function (c) { add(head, 'th', c); });
      var body = add(table, 'tbody');
      (report.rows || []).forEach(function (r) {
        var tr = add(body, 'tr');
        r.forEach(function (c) { add(tr, 'td', c); });
      });
      add(view, 'p', report.footer, 'print-foot');
      document.body.appendChild(view);
      document.body.classList.add('printing');
      var done = function () {
        document.body.classList.remove('printing');
        window.removeEventListener('afterprint', done);
      };
      window.addEventListener('afterprint', done);
      window.print();
    },
    // True inside an iframe (progress is then kept for the embedding website only).
    embedded: function () {
      try {
        return window.self !== window.top;
      } catch (e) {
        return true;
      }
    },
    openFullApp: function () {
      var url = location.href.replace(/[?&]embed(=[^&#]*)?/, '');
      window.open(url, '_blank', 'noopener');
    },
  };

  // Start opening at once: the wasm is still downloading, so the records are ready first.
  open();
})();
