// settings: layout of the Settings screen, in two groups: sound and cues, text and colours.
#include "ui/settings.h"

#include <cmath>
#include <string>

namespace sb {

namespace {

constexpr const char* kThemeKeys[] = {"settings.theme.system", "settings.theme.light", "settings.theme.dark",
                                      "settings.theme.high-contrast"};
constexpr const char* kMotionKeys[] = {"settings.motion.system", "settings.motion.reduced", "settings.motion.full"};

std::string volume_text(const Strings& s, double volume) {
  return s.format("settings.volume", {{"pct", std::to_string(static_cast<int>(std::lround(volume * 100.0)))}});
}

// A sub-heading above a group of choices.
void label(Ui& ui, std::string_view id, const std::string& text, const Column& col) {
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 4));
  text_block(ui, id, text, ui.fonts.body, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
}

}  // namespace

SettingsAction draw_settings(Ui& ui, const Settings& st) {
  SettingsAction action;
  using K = SettingsAction::Kind;
  begin_screen(ui, "settings");
  Column col = page_column(ImGui::GetIO().DisplaySize.x, 640.0f);
  if (screen_header(ui, "settings", ui.strings.get("settings.title"), true)) action.kind = K::Back;
  begin_scroll_area(ui, "settings.scroll");
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y));
  section_heading(ui, "settings.cues", ui.strings.get("settings.cues"), col);
  if (switch_row(ui, "settings.sound", ui.strings.get("settings.sound"), st.sound, col)) action.kind = K::ToggleSound;
  if (st.sound) {
    // Volume: the level in words between Quieter and Louder.
    const float gap = 8.0f, bw = (col.width - 2 * gap) / 3.0f;
    const float y = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(col.left, y));
    if (secondary_button(ui, "settings.quieter", ui.strings.get("settings.quieter"), bw, 52)) action.kind = K::VolumeDown;
    std::string level = volume_text(ui.strings, st.volume);
    float lh = text_block_height(level, ui.fonts.small, bw);
    ImGui::SetCursorScreenPos(ImVec2(col.left + bw + gap, y + (52 - lh) * 0.5f));
    text_block(ui, "settings.volume", level, ui.fonts.small, ui.palette.text, bw, Align::Center);
    ImGui::SetCursorScreenPos(ImVec2(col.left + 2 * (bw + gap), y));
    if (secondary_button(ui, "settings.louder", ui.strings.get("settings.louder"), bw, 52)) action.kind = K::VolumeUp;
    ImGui::SetCursorScreenPos(ImVec2(col.left, y + 52 + 12));
  }
  if (switch_row(ui, "settings.speech", ui.strings.get("settings.voice"), st.speech, col)) action.kind = K::ToggleSpeech;
  if (switch_row(ui, "settings.vibration", ui.strings.get("settings.vibration"), st.vibration, col)) {
    action.kind = K::ToggleVibration;
  }

  section_heading(ui, "settings.look", ui.strings.get("settings.look"), col);
  label(ui, "settings.text_size.label", ui.strings.get("settings.text_size"), col);
  {
    std::string sizes[kTextSizeCount];
    for (int i = 0; i < kTextSizeCount; ++i) sizes[i] = ui.strings.get("settings.text_size." + std::to_string(i));
    int n = choice_group(ui, "settings.text_size", sizes, kTextSizeCount, st.text_size, col);
    if (n >= 0) action = SettingsAction{K::TextSize, n};
  }
  label(ui, "settings.theme.label", ui.strings.get("settings.theme"), col);
  {
    std::string themes[4];
    for (int i = 0; i < 4; ++i) themes[i] = ui.strings.get(kThemeKeys[i]);
    int n = choice_group(ui, "settings.theme", themes, 4, static_cast<int>(st.theme), col);
    if (n >= 0) action = SettingsAction{K::Theme, n};
  }
  label(ui, "settings.motion.label", ui.strings.get("settings.motion"), col);
  {
    std::string motions[3];
    for (int i = 0; i < 3; ++i) motions[i] = ui.strings.get(kMotionKeys[i]);
    int n = choice_group(ui, "settings.motion", motions, 3, static_cast<int>(st.motion), col);
    if (n >= 0) action = SettingsAction{K::Motion, n};
  }
  text_block(ui, "settings.motion_note", ui.strings.get("settings.motion_note"), ui.fonts.small, ui.palette.text_muted, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 20));
  if (secondary_button(ui, "settings.about", ui.strings.get("settings.about"), col.width, 52)) action.kind = K::About;
  end_scroll_area();
  end_screen();
  return action;
}

std::string settings_change_text(const Strings& s, const SettingsAction& a, const Settings& st) {
  using K = SettingsAction::Kind;
  auto on_off = [&](bool on) { return s.get(on ? "settings.on" : "settings.off"); };
  std::string name, value;
  switch (a.kind) {
    case K::ToggleSound: name = s.get("settings.sound"); value = on_off(st.sound); break;
    case K::ToggleSpeech: name = s.get("settings.voice"); value = on_off(st.speech); break;
    case K::ToggleVibration: name = s.get("settings.vibration"); value = on_off(st.vibration); break;
    case K::VolumeDown:
    case K::VolumeUp: return volume_text(s, st.volume) + ".";
    case K::TextSize: name = s.get("settings.text_size"); value = s.get("settings.text_size." + std::to_string(st.text_size)); break;
    case K::Theme: name = s.get("settings.theme"); value = s.get(kThemeKeys[static_cast<int>(st.theme)]); break;
    case K::Motion: name = s.get("settings.motion"); value = s.get(kMotionKeys[static_cast<int>(st.motion)]); break;
    case K::None:
    case K::Back:
    case K::About: return "";
  }
  return s.format("announce.setting", {{"name", name}, {"value", value}});
}

}  // namespace sb
