// settings: the stored form of the person's choices.
#include "core/settings.h"

#include <cstdio>

#include "core/json_read.h"

namespace sb {

namespace {

constexpr const char* kThemeNames[] = {"system", "light", "dark", "high-contrast"};
constexpr const char* kMotionNames[] = {"system", "reduced", "full"};

// Index of name in names (n entries), or -1.
int find_name(const std::string& name, const char* const* names, int n) {
  for (int i = 0; i < n; ++i) {
    if (name == names[i]) return i;
  }
  return -1;
}

}  // namespace

std::string to_json(const Settings& s) {
  std::string out = "{\"v\":1,\"sound\":";
  out += s.sound ? "true" : "false";
  char buf[32];
  std::snprintf(buf, sizeof buf, ",\"volume\":%.2f", s.volume);
  out += buf;
  out += ",\"speech\":";
  out += s.speech ? "true" : "false";
  out += ",\"vibration\":";
  out += s.vibration ? "true" : "false";
  out += ",\"programme\":";
  json_append_string(out, s.programme_id);
  out += ",\"pain_threshold\":" + std::to_string(s.pain_threshold);
  if (!s.prescription.empty()) {
    out += ",\"prescription\":";
    json_append_string(out, s.prescription);
  }
  out += ",\"text_size\":" + std::to_string(s.text_size);
  out += ",\"theme\":\"";
  out += kThemeNames[static_cast<int>(s.theme)];
  out += "\",\"motion\":\"";
  out += kMotionNames[static_cast<int>(s.motion)];
  out += "\",\"safety_checked\":";
  out += s.safety_checked ? "true" : "false";
  out += "}";
  return out;
}

Settings read_settings_record(std::string_view json_text, std::string* problem) {
  Settings s;
  Diagnostics diags;
  Sink sink{"settings", &diags};
  JsonParseResult parsed = parse_json(json_text);
  if (!parsed.ok || !parsed.root.is_object()) {
    if (problem) *problem = "the saved settings are damaged";
    return s;
  }
  JsonFields f(sink, parsed.root, "",
               {"v", "sound", "volume", "speech", "vibration", "programme", "pain_threshold", "prescription", "text_size",
                "theme", "motion", "safety_checked"});
  f.flag("sound", Need::Optional, s.sound);
  f.real_in("volume", Need::Optional, s.volume, 0.0, 1.0);
  f.flag("speech", Need::Optional, s.speech);
  f.flag("vibration", Need::Optional, s.vibration);
  std::string programme;
  if (f.get("programme", Need::Optional) && parsed.root.find("programme")->is_string()) {
    s.programme_id = parsed.root.find("programme")->text.substr(0, 64);
  }
  f.whole_in("pain_threshold", Need::Optional, s.pain_threshold, -1, 10);
  // Records written before prescriptions existed have no "prescription": none accepted.
  if (f.get("prescription", Need::Optional)) {
    const JsonValue* rx = parsed.root.find("prescription");
    if (rx->is_string() && rx->text.size() <= kSettingsPrescriptionMaxBytes) {
      s.prescription = rx->text;
    } else {
      sink.error(rx->pos, "prescription", "must be a link value of at most 2048 bytes");
    }
  }
  f.whole_in("text_size", Need::Optional, s.text_size, 0, kTextSizeCount - 1);
  std::string name;
  if (f.text("theme", Need::Optional, name, 32)) {
    int i = find_name(name, kThemeNames, 4);
    if (i >= 0) s.theme = static_cast<ThemeChoice>(i);
    else sink.error(parsed.root.find("theme")->pos, "theme", "unknown theme \"" + name + "\"");
  }
  name.clear();
  if (f.text("motion", Need::Optional, name, 32)) {
    int i = find_name(name, kMotionNames, 3);
    if (i >= 0) s.motion = static_cast<MotionChoice>(i);
    else sink.error(parsed.root.find("motion")->pos, "motion", "unknown motion setting \"" + name + "\"");
  }
  f.flag("safety_checked", Need::Optional, s.safety_checked);
  if (problem) {
    problem->clear();
    for (const Diagnostic& d : diags) {
      if (d.severity == Severity::Error) {
        *problem = format_diagnostic(d);
        break;
      }
    }
  }
  return s;
}

std::string theme_id_for(ThemeChoice choice, bool device_dark, bool device_more_contrast) {
  switch (choice) {
    case ThemeChoice::Light: return "light";
    case ThemeChoice::Dark: return "dark";
    case ThemeChoice::HighContrast: return "high-contrast";
    case ThemeChoice::System: break;
  }
  return device_more_contrast ? "high-contrast" : device_dark ? "dark" : "light";
}

bool motion_reduced(MotionChoice choice, bool device_reduced) {
  if (choice == MotionChoice::System) return device_reduced;
  return choice == MotionChoice::Reduced;
}

}  // namespace sb
