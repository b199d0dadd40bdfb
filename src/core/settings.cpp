// settings: the stored form of the person's choices.
#include "core/settings.h"

#include <cstdio>

#include "core/json_read.h"

namespace sb {

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
  JsonFields f(sink, parsed.root, "", {"v", "sound", "volume", "speech", "vibration", "programme", "pain_threshold",
                                             "prescription"});
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

}  // namespace sb
