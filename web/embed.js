// embed: the clinic's side of the page. Fetches clinic.json (and later its logo) for the app
// to read, notices when the app runs inside another page's frame (embed mode), and posts the
// app's few messages to that page: only when its origin is one clinic.json allows, and
// always to that exact origin. Messages coming in are ignored unless they come from that
// origin and are the one known request. docs/CLINIC.md describes all of it.
(function () {
  'use strict';

  var kClinicMaxBytes = 16 * 1024;  // as kClinicFileMaxBytes in src/core/clinic.h
  var kLogoMaxBytes = 512 * 1024;   // as kClinicLogoMaxBytes

  var framed = (function () {
    try {
      return window.self !== window.top;
    } catch (e) {
      return true;
    }
  })();
  var params = new URLSearchParams(location.search);
  var embedMode = framed || params.get('embed') === '1';
  if (embedMode) {
    document.documentElement.setAttribute('data-embed', '1');
    // Never offer to install a player that lives inside another site's page.
    var manifest = document.querySelector('link[rel="manifest"]');
    if (manifest) manifest.remove();
  }

  var state = window.__steady || (window.__steady = {});
  // What tests read: the mode, the parent's origin, whether it is allowed, what was posted.
  var info = state.embed = { mode: embedMode, framed: framed, parentOrigin: null, allowed: false,
    configured: false, sent: [], ignored: 0 };

  // ---- files the app reads: clinic.json and the logo ----

  // Fetches name fresh (the service worker falls back to its copy offline). Resolves to
  // { bytes: Uint8Array or null, size: bytes the file has }; a missing file is null/0.
  function fetchFile(name, maxBytes) {
    return fetch(name, { cache: 'no-cache', credentials: 'same-origin' }).then(function (resp) {
      if (!resp.ok) return { bytes: null, size: 0, status: resp.status };
      var declared = Number(resp.headers.get('Content-Length')) || 0;
      if (declared > maxBytes) {
        if (resp.body) resp.body.cancel().catch(function () {});
        return { bytes: null, size: declared, status: resp.status };
      }
      return resp.arrayBuffer().then(function (buf) {
        return { bytes: buf.byteLength > maxBytes ? null : new Uint8Array(buf), size: buf.byteLength, status: resp.status };
      });
    }).catch(function () {
      return { bytes: null, size: 0, status: 0 };
    });
  }

  var clinic = null;  // the answer for clinic.json once it came
  fetchFile('clinic.json', kClinicMaxBytes).then(function (r) { clinic = r; });

  var logo = null;
  var logoState = 0;  // 0 not asked, 1 fetching, 2 ready, 3 failed

  // ---- messages to and from the embedding page ----

  function parentOrigin() {
    if (!framed) return null;
    try {
      if (location.ancestorOrigins && location.ancestorOrigins.length) return location.ancestorOrigins[0];
      if (document.referrer) return new URL(document.referrer).origin;
    } catch (e) { /* no origin we can trust */ }
    return null;
  }

  var completion = false;

  function post(type, fields) {
    if (!info.allowed) return false;
    var message = { source: 'steady-back', type: type };
    Object.keys(fields || {}).forEach(function (k) { message[k] = fields[k]; });
    window.parent.postMessage(message, info.parentOrigin);
    info.sent.push(type);
    return true;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    var known = info.allowed && event.source === window.parent && event.origin === info.parentOrigin &&
      data && typeof data === 'object' && data.source === 'steady-back-host' && data.type === 'hello';
    if (!known) {
      info.ignored++;
      return;
    }
    if (info.ready) post('ready', { version: 1 });
  });

  window.steadyEmbed = {
    mode: function () { return embedMode; },
    // 0 clinic.json not answered yet; 1 answered. size(): its bytes (0 when absent).
    clinicState: function () { return clinic ? 1 : 0; },
    clinicSize: function () { return clinic ? clinic.size : 0; },
    clinicBytes: function () { return clinic && clinic.bytes; },
    fetchLogo: function (name) {
      logoState = 1;
      fetchFile(name, kLogoMaxBytes).then(function (r) {
        logo = r;
        logoState = r.bytes ? 2 : 3;
      });
    },
    logoState: function () { return logoState; },
    logoSize: function () { return logo ? logo.size : 0; },
    logoBytes: function () { return logo && logo.bytes; },
    // The allowed origins (from clinic.json, already checked) and the completion flag.
    configure: function (origins, withCompletion) {
      info.parentOrigin = parentOrigin();
      info.allowed = !!info.parentOrigin && origins.indexOf(info.parentOrigin) >= 0;
      info.configured = true;
      completion = !!withCompletion;
    },
    ready: function () {
      info.ready = true;
      post('ready', { version: 1 });
    },
    // A session started or was completed: told only when the clinic turned it on.
    session: function (type, fields) {
      if (completion) post(type, fields);
    },
    setTitle: function (text) { document.title = text; },
  };
})();
