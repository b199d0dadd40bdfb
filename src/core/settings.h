// settings: the person's choices kept between visits (sound, voice, vibration, the current
// programme, the pain threshold, an accepted prescription, how the app looks and moves, and
// whether they have been through the safety questions), stored as one JSON record beside
// their progress.
#pragma once

#include <string>
#include <string_view>

namespace sb {

// The colours the person chose; System follows the device (dark mode, more contrast).
enum class ThemeChoice { System, Light, Dark, HighContrast };
// Less motion: System follows the device's "reduce motion" setting.
enum class MotionChoice { System, Reduced, Full };

// Text size steps and the scale each applies to every font.
constexpr int kTextSizeCount = 3;
constexpr float kTextScales[kTextSizeCount] = {1.0f, 1.15f, 1.3f};

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
  int text_size = 0;          // 0 normal, 1 large, 2 largest (kTextScales)
  ThemeChoice theme = ThemeChoice::System;
  MotionChoice motion = MotionChoice::System;
  bool safety_checked = false;  // answered "none of these" to the red-flag questions
};

constexpr size_t kSettingsPrescriptionMaxBytes = 2048;  // as a link (kRxInputMaxBytes)

std::string to_json(const Settings& settings);

// Reads a stored settings record; anything unreadable keeps its default (settings are never
// worth refusing to start over). Records from before a field existed read as its default.
// problem says what was wrong, empty when nothing.
Settings read_settings_record(std::string_view json_text, std::string* problem = nullptr);

// The theme id of assets/themes.json to use for a choice, given what the device prefers.
std::string theme_id_for(ThemeChoice choice, bool device_dark, bool device_more_contrast);

// Whether motion is reduced for a choice, given what the device prefers.
bool motion_reduced(MotionChoice choice, bool device_reduced);

}  // namespace sb
