// storage_lib: the app's bridge to web/storage.js (IndexedDB) and the backup files
// (downloads, the import file chooser, the print view). Linked with --js-library.
mergeInto(LibraryManager.library, {
  // A JS string copied into the wasm heap; the caller frees it.
  $sbNewString: function (text) {
    var n = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(n);
    stringToUTF8(text, ptr, n);
    return ptr;
  },
  $sbNewString__deps: ['malloc'],

  sb_storage_status: function () {
    var s = window.steadyStorage;
    return s ? s.status() : 2;
  },
  sb_storage_reason: function () {
    var s = window.steadyStorage;
    return sbNewString(s ? s.reason() : 'blocked');
  },
  sb_storage_reason__deps: ['$sbNewString'],
  sb_storage_take_loaded: function () {
    var s = window.steadyStorage;
    return sbNewString(s ? s.takeLoaded() : '{}');
  },
  sb_storage_take_loaded__deps: ['$sbNewString'],
  // The weeks' session lines: a malloc'd copy of the UTF-8 bytes (the caller frees it), and
  // their count in *len.
  sb_storage_take_session_lines: function (len) {
    var s = window.steadyStorage;
    var bytes = s && s.takeSessionLines ? s.takeSessionLines() : new Uint8Array(0);
    var ptr = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, ptr);
    HEAPU8[ptr + bytes.length] = 0;
    HEAP32[len >> 2] = bytes.length;
    return ptr;
  },
  sb_storage_take_session_lines__deps: ['malloc'],
  sb_storage_put_session: function (id, start_ms, tz_min, text, len) {
    var s = window.steadyStorage;
    return s && s.putSession(UTF8ToString(id), start_ms, tz_min, UTF8ToString(text, len)) ? 1 : 0;
  },
  sb_storage_put_sessions: function (json, len) {
    var s = window.steadyStorage;
    return s && s.putSessions(UTF8ToString(json, len)) ? 1 : 0;
  },
  sb_storage_put: function (store, key, text, len) {
    var s = window.steadyStorage;
    return s && s.put(UTF8ToString(store), UTF8ToString(key), UTF8ToString(text, len)) ? 1 : 0;
  },
  sb_storage_put_many: function (store, json, len) {
    var s = window.steadyStorage;
    return s && s.putMany(UTF8ToString(store), UTF8ToString(json, len)) ? 1 : 0;
  },
  sb_storage_remove: function (store, key) {
    var s = window.steadyStorage;
    return s && s.remove(UTF8ToString(store), UTF8ToString(key)) ? 1 : 0;
  },
  sb_storage_take_write_error: function () {
    var s = window.steadyStorage;
    var e = s ? s.takeWriteError() : '';
    return e === 'quota' ? 1 : e ? 2 : 0;
  },
  sb_storage_pending: function () {
    var s = window.steadyStorage;
    return s ? s.pending() : 0;
  },
  sb_storage_mark: function (name) {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark(UTF8ToString(name));
  },
  sb_storage_report_load: function (parse_ms, sessions, unreadable) {
    var s = window.steadyStorage;
    if (s) {
      s.timings.parseMs = parse_ms;
      s.timings.sessions = sessions;
      s.timings.unreadable = unreadable;
    }
  },
  sb_clock_now_ms: function () {
    return Date.now();
  },
  sb_clock_tz_offset_min: function () {
    return new Date().getTimezoneOffset();
  },

  sb_files_download: function (name, mime, text, len) {
    var f = window.steadyFiles;
    if (f) f.download(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(text, len));
  },
  sb_files_pick: function () {
    var f = window.steadyFiles;
    if (f) f.pick();
  },
  sb_files_picked_state: function () {
    var f = window.steadyFiles;
    return f ? f.pickedState() : 0;
  },
  sb_files_take_picked: function () {
    var f = window.steadyFiles;
    return sbNewString(f ? f.takePicked() : '');
  },
  sb_files_take_picked__deps: ['$sbNewString'],
  sb_files_print: function (json, len) {
    var f = window.steadyFiles;
    if (f) f.print(UTF8ToString(json, len));
  },
  sb_files_embedded: function () {
    var f = window.steadyFiles;
    return f && f.embedded() ? 1 : 0;
  },
  sb_files_open_full_app: function () {
    var f = window.steadyFiles;
    if (f) f.openFullApp();
  },
});
