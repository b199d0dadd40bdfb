// clinic_lib: the app's bridge to web/embed.js (linked with --js-library): clinic.json and
// its logo as bytes, embed mode, and the messages to an embedding page.
mergeInto(LibraryManager.library, {
  sb_clinic_state: function () {
    var e = window.steadyEmbed;
    return e ? e.clinicState() : 1;  // without embed.js there is no clinic.json to wait for
  },
  sb_clinic_size: function () {
    var e = window.steadyEmbed;
    return e ? e.clinicSize() : 0;
  },
  sb_clinic_take: function (buf, cap) {
    var e = window.steadyEmbed;
    var bytes = e && e.clinicBytes();
    if (!bytes) return 0;
    var n = Math.min(cap, bytes.length);
    HEAPU8.set(bytes.subarray(0, n), buf);
    return n;
  },
  sb_clinic_fetch_logo: function (name) {
    var e = window.steadyEmbed;
    if (e) e.fetchLogo(UTF8ToString(name));
  },
  // 0 not asked, 1 fetching, 2 ready, 3 failed (missing or too big).
  sb_clinic_logo_state: function () {
    var e = window.steadyEmbed;
    return e ? e.logoState() : 3;
  },
  sb_clinic_logo_size: function () {
    var e = window.steadyEmbed;
    return e ? e.logoSize() : 0;
  },
  sb_clinic_logo_take: function (buf, cap) {
    var e = window.steadyEmbed;
    var bytes = e && e.logoBytes();
    if (!bytes) return 0;
    var n = Math.min(cap, bytes.length);
    HEAPU8.set(bytes.subarray(0, n), buf);
    return n;
  },
  sb_embed_mode: function () {
    var e = window.steadyEmbed;
    return e && e.mode() ? 1 : 0;
  },
  sb_embed_configure: function (origins, completion) {
    var e = window.steadyEmbed;
    if (e) e.configure(JSON.parse(UTF8ToString(origins)), !!completion);
  },
  sb_embed_ready: function () {
    var e = window.steadyEmbed;
    if (e) e.ready();
  },
  sb_embed_session: function (type, fields) {
    var e = window.steadyEmbed;
    if (e) e.session(UTF8ToString(type), JSON.parse(UTF8ToString(fields)));
  },
});
