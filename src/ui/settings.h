// settings: the Settings screen: sound, voice, volume, vibration, text size, colours and
// motion. Reads the person's settings and returns what they changed; main applies and saves.
#pragma once

#include "core/settings.h"
#include "ui/widgets.h"

namespace sb {

struct SettingsAction {
  enum class Kind {
    None, Back, ToggleSound, ToggleSpeech, ToggleVibration, VolumeDown, VolumeUp, TextSize, Theme, Motion, About
  } kind = Kind::None;
  int choice = 0;  // TextSize: 0..kTextSizeCount-1; Theme: ThemeChoice; Motion: MotionChoice
};

SettingsAction draw_settings(Ui& ui, const Settings& settings);

// The words of a setting's new value for the aria-live region ("Text size: Large.").
std::string settings_change_text(const Strings& strings, const SettingsAction& action, const Settings& settings);

}  // namespace sb
