// page: C++ side of the page bridge.
#include "platform/page.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>

#include "core/json.h"

extern "C" {
void sb_page_field_open(const char* id, int kind, const char* css_class, const char* label, const char* hint,
                        const char* text, int max_chars, int pause_ms);
void sb_page_field_place(const char* id, float x, float y, float w, float h, float clip_y0, float clip_y1);
void sb_page_field_hide(const char* id);
char* sb_page_field_text(const char* id, int only_changed);
void sb_page_field_set(const char* id, const char* text);
void sb_page_field_focus(const char* id);
int sb_page_field_focused(const char* id);
int sb_page_fields_take_activity(void);
void sb_page_first_frame();
void sb_page_started();
void sb_page_count_frame(double frame_ms, double heap_top);
void sb_page_set_layout(const char* json, int len);
void sb_page_set_cues(const char* json, int len);
void sb_page_get_hash(char* buf, int cap);
void sb_page_announce(const char* text);
void sb_page_set_canvas_label(const char* text);
int sb_page_prefers_dark();
int sb_page_prefers_reduced_motion();
int sb_page_prefers_more_contrast();
void sb_page_show_error(const char* text);
void sb_page_set_session_active(int active);
void sb_page_watch_hash();
int sb_page_take_hash_changed();
void sb_page_clear_hash();
void sb_page_base_url(char* buf, int cap);
void sb_page_set_title(const char* text);
void sb_page_copy_text(const char* text);
void sb_page_open_handout(const char* json, int len, const char* failed);
void sb_page_get_build(char* buf, int cap);
void sb_page_set_theme(const char* id);
void sb_page_set_stat(const char* name, double value);
void sb_page_set_controls(const char* json, int len);
int sb_page_take_control();
void sb_cue_schedule(const char* kind, double wall_ms);
void sb_cue_cancel_from(double wall_ms);
void sb_cue_set_volume(float volume, int muted);
void sb_speech_set(int on, const char* lang);
int sb_speech_say(const char* text);
void sb_speech_cancel();
void sb_wake_lock(int on);
void sb_vibrate(int ms);
double sb_page_take_hidden_at();
int sb_page_is_hidden();
}

namespace sb {

void page_first_frame() { sb_page_first_frame(); }
void page_started() { sb_page_started(); }
void page_count_frame(double frame_ms) {
  // The program break: the top of what malloc has taken, which rises only when it needs more.
  sb_page_count_frame(frame_ms, static_cast<double>(reinterpret_cast<uintptr_t>(sbrk(0))));
}
void page_set_layout(const std::string& json) { sb_page_set_layout(json.data(), static_cast<int>(json.size())); }
std::string page_hash() {
  static char buf[4096];
  sb_page_get_hash(buf, sizeof buf);
  return buf;
}
void page_set_cues(const std::string& json) { sb_page_set_cues(json.data(), static_cast<int>(json.size())); }
void page_announce(const std::string& text) { sb_page_announce(text.c_str()); }
void page_set_canvas_label(const std::string& text) { sb_page_set_canvas_label(text.c_str()); }
bool page_prefers_dark() { return sb_page_prefers_dark() != 0; }
bool page_prefers_reduced_motion() { return sb_page_prefers_reduced_motion() != 0; }
bool page_prefers_more_contrast() { return sb_page_prefers_more_contrast() != 0; }
void page_show_error(const std::string& text) { sb_page_show_error(text.c_str()); }
void page_set_session_active(bool active) { sb_page_set_session_active(active ? 1 : 0); }
std::string page_build_id() {
  char buf[128];
  sb_page_get_build(buf, sizeof buf);
  return buf;
}
void page_set_theme(const std::string& theme_id) { sb_page_set_theme(theme_id.c_str()); }
void page_set_stat(const char* name, double value) { sb_page_set_stat(name, value); }

void page_set_controls(const PageControls& c) {
  std::string json = "{\"label\":";
  json_append_string(json, c.group_label);
  const std::pair<const char*, const std::string*> fields[] = {
      {"start", &c.start}, {"pause", &c.pause}, {"next", &c.next}, {"stop", &c.stop}};
  for (const auto& [name, text] : fields) {
    json += ",\"";
    json += name;
    json += "\":";
    json_append_string(json, *text);
  }
  json += c.paused ? ",\"paused\":true}" : ",\"paused\":false}";
  sb_page_set_controls(json.data(), static_cast<int>(json.size()));
}

PageControl page_take_control() {
  int n = sb_page_take_control();
  return n >= 1 && n <= 4 ? static_cast<PageControl>(n) : PageControl::None;
}

void page_watch_hash() { sb_page_watch_hash(); }
bool page_take_hash_changed() { return sb_page_take_hash_changed() != 0; }
void page_clear_hash() { sb_page_clear_hash(); }
std::string page_base_url() {
  static char buf[2048];
  sb_page_base_url(buf, sizeof buf);
  return buf;
}
void page_set_title(const std::string& text) { sb_page_set_title(text.c_str()); }
void page_copy_text(const std::string& text) { sb_page_copy_text(text.c_str()); }
void page_open_handout(const std::string& json, const std::string& failed) {
  sb_page_open_handout(json.data(), static_cast<int>(json.size()), failed.c_str());
}
void page_field_open(const char* id, const FieldSpec& spec, const std::string& text) {
  sb_page_field_open(id, static_cast<int>(spec.kind), spec.css_class, spec.label.c_str(), spec.hint.c_str(), text.c_str(),
                     spec.max_chars, spec.pause_ms);
}
void page_field_place(const char* id, float x, float y, float w, float h, float clip_y0, float clip_y1) {
  sb_page_field_place(id, x, y, w, h, clip_y0, clip_y1);
}
void page_field_hide(const char* id) { sb_page_field_hide(id); }
namespace {
bool field_text(const char* id, bool only_changed, std::string& out) {
  char* p = sb_page_field_text(id, only_changed ? 1 : 0);
  if (!p) return false;
  out = p;
  std::free(p);
  return true;
}
}  // namespace
bool page_field_value(const char* id, std::string& out) { return field_text(id, false, out); }
bool page_field_take(const char* id, std::string& out, bool force) { return field_text(id, !force, out); }
void page_field_set(const char* id, const std::string& text) { sb_page_field_set(id, text.c_str()); }
void page_field_focus(const char* id) { sb_page_field_focus(id); }
bool page_field_focused(const char* id) { return sb_page_field_focused(id) != 0; }
bool page_fields_take_activity() { return sb_page_fields_take_activity() != 0; }

void cue_schedule(const char* sound, double wall_s) { sb_cue_schedule(sound, wall_s * 1000.0); }
void cue_cancel_from(double wall_s) { sb_cue_cancel_from(wall_s * 1000.0); }
void cue_set_volume(float volume_0_1, bool muted) { sb_cue_set_volume(volume_0_1, muted ? 1 : 0); }
void speech_set(bool on, const std::string& lang) { sb_speech_set(on ? 1 : 0, lang.c_str()); }
bool speech_say(const std::string& text) { return sb_speech_say(text.c_str()) != 0; }
void speech_cancel() { sb_speech_cancel(); }
void wake_lock(bool on) { sb_wake_lock(on ? 1 : 0); }
void vibrate(int ms) { sb_vibrate(ms); }
double page_take_hidden_at() {
  double ms = sb_page_take_hidden_at();
  return ms < 0 ? -1.0 : ms / 1000.0;
}
bool page_is_hidden() { return sb_page_is_hidden() != 0; }

}  // namespace sb
