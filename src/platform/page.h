// page: calls from the app into its HTML page (see page_lib.js). No-ops in native builds.
#pragma once

#include <string>

namespace sb {

// Marks the first rendered frame (performance mark "sb-first-frame") and hides the loader.
void page_first_frame();
// Says the start-up has finished (everything read and made): the page may now do what can
// wait, such as installing the app for offline use.
void page_started();
// Counts a rendered frame (window.__steady.frames) for tests and benchmarks, with the time
// the frame function took (ms) and the wasm heap's size.
void page_count_frame(double frame_ms);
// Publishes the layout JSON to window.__steady.layout.
void page_set_layout(const std::string& json);
// The page URL's fragment without '#', decoded (e.g. "poses=knee-to-chest"), at most 4 KiB.
std::string page_hash();
// Publishes the session's coming cues (JSON list) to window.__steady.cues for tests.
void page_set_cues(const std::string& json);
// Says text in the aria-live region.
void page_announce(const std::string& text);
// Labels the canvas for assistive technology.
void page_set_canvas_label(const std::string& text);
// The person's system settings: dark colours, less motion, more contrast (or forced colours).
bool page_prefers_dark();
bool page_prefers_reduced_motion();
bool page_prefers_more_contrast();
// Replaces the canvas with a plain-words error message.
void page_show_error(const std::string& text);
// Tells the page whether a session is running (a new version is never offered during one).
void page_set_session_active(bool active);
// The build's id (shown on the About screen), "dev" when not packaged.
std::string page_build_id();
// Tells the page which colours the app uses ("light", "dark", "high-contrast"), so the page's
// own parts (session buttons, notices) match.
void page_set_theme(const std::string& theme_id);
// Publishes a figure for tests and benchmarks as window.__steady[name].
void page_set_stat(const char* name, double value);

// ---- session controls: real buttons in the page (#sb-start, #sb-pause, #sb-next, #sb-stop)
// for screen readers and switch access, doing what the canvas's buttons do.
enum class PageControl { None, Start, Pause, Next, Stop };
// Each control's words and state; an empty label hides it.
struct PageControls {
  std::string group_label;
  std::string start, pause, next, stop;
  bool paused = false;  // Pause is pressed (aria-pressed)
};
void page_set_controls(const PageControls& controls);
// The control activated since the last call, once (None when none).
PageControl page_take_control();

// ---- prescription links, copying, the handout ----
// Starts noting changes of the fragment; page_take_hash_changed says once that it changed.
void page_watch_hash();
bool page_take_hash_changed();
// Removes the fragment from the address bar (history.replaceState): a reload asks nothing.
void page_clear_hash();
// The page's address without query or fragment ("https://clinic.example/exercises/").
std::string page_base_url();
// Sets document.title (as text).
void page_set_title(const std::string& text);
// Copies text to the clipboard (window.__steady.copied holds it once done).
void page_copy_text(const std::string& text);
// Opens the printable handout (web/handout.js, fetched on first use) from its JSON; failed is
// announced when the handout's code cannot be fetched (offline before it was ever kept).
void page_open_handout(const std::string& json, const std::string& failed);

// ---- text fields: real <input> and <textarea> elements over the canvas (page_lib.js) ----
// The builder's fields, the library's search and the summary's note, so phones show their
// keyboard. A field is named by its element id.
enum class FieldKind { Line, Search, Multiline };  // Search: a search keyboard; Enter, Escape
                                                   // and Tab hand the keys back to the canvas
struct FieldSpec {
  FieldKind kind = FieldKind::Line;
  const char* css_class = "sb-field";  // web/shell.css
  std::string label;  // for assistive technology
  std::string hint;   // shown while empty; "" none
  int max_chars = 200;
  int pause_ms = 0;   // page_field_take reports typing once the person pauses this long (0: at once)
};
// Makes the field (hidden) with text on first use; later calls only relabel it.
void page_field_open(const char* id, const FieldSpec& spec, const std::string& text);
// Lays the field at x, y, w, h (CSS px of the canvas), showing only what lies between the
// clip lines clip_y0 and clip_y1; h <= 0, or nothing inside the lines, hides it.
void page_field_place(const char* id, float x, float y, float w, float h, float clip_y0 = -1e9f,
                      float clip_y1 = 1e9f);
void page_field_hide(const char* id);
// The field's text into out; false (out untouched) when the field was never made.
bool page_field_value(const char* id, std::string& out);
// The field's text when the person changed it since the last take (after pause_ms of quiet,
// or on leaving the field), or now when force; false (out untouched) otherwise.
bool page_field_take(const char* id, std::string& out, bool force);
// Sets the text (a preset chosen, a new session, a cleared search); not a change to take.
void page_field_set(const char* id, const std::string& text);
// Moves the keyboard focus into the field (a keyboard user pressed Enter on its box).
void page_field_focus(const char* id);
bool page_field_focused(const char* id);
// True once after the person typed in, entered or left any field: the app draws a frame.
bool page_fields_take_activity();

// ---- cue output (web/platform.js) ----
// Schedules the named cue sound ("hold_second", "rep_done", ...) at a wall time (seconds of
// emscripten_get_now()), on the audio clock, so it plays on time however frames go.
void cue_schedule(const char* sound, double wall_s);
// Cancels scheduled sounds at or after wall_s.
void cue_cancel_from(double wall_s);
void cue_set_volume(float volume_0_1, bool muted);
// Spoken cues: on/off and language; say() returns false when no voice is available.
void speech_set(bool on, const std::string& lang);
bool speech_say(const std::string& text);
void speech_cancel();
// Keeps the screen awake while on (re-acquired when the page becomes visible again).
void wake_lock(bool on);
void vibrate(int ms);
// Wall time (s) at which the page was last hidden, once; -1 when it was not.
double page_take_hidden_at();
bool page_is_hidden();

}  // namespace sb
