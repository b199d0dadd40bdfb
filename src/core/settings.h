// settings: the person's choices kept between visits (sound, voice, vibration, the current
// programme, the pain threshold, an accepted prescription), stored as one JSON record beside
// their progress.
#pragma once

#include <string>
#include <string_view>

namespace sb {

struct Settings {
  bool sound = true;
  double volume = 0.8;  // 0..1
  bool speech = true;
  bool vibration = true;
  std::string programme_id;   // empty: the default programme
  int pain_threshold = -1;    // 0..10; -1: the cautious default (pain_rules.h)
  // The prescription the person accepted, as its link value ("1.<base64url>", what follows
  // "#rx="); empty: none. Kept as the link carries it so it decodes the same forever.
  std::string prescription;
};

constexpr size_t kSettingsPrescriptionMaxBytes = 2048;  // as a link (kRxInputMaxBytes)

std::string to_json(const Settings& settings);

// Reads a stored settings record; anything unreadable keeps its default (settings are never
// worth refusing to start over). problem says what was wrong, empty when nothing.
Settings read_settings_record(std::string_view json_text, std::string* problem = nullptr);

}  // namespace sb
