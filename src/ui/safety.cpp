// safety: layout of the red-flag questions, the advice to seek care, and About and safety.
#include "ui/safety.h"

#include <algorithm>

namespace sb {

namespace {

std::string key_n(const char* prefix, int n) { return std::string(prefix) + std::to_string(n); }

// A tinted card holding a group of signs: heading, the signs as bullets, then a button.
// Returns true when the button is tapped.
bool signs_card(Ui& ui, const std::string& id, const char* heading_key, const char* sign_prefix, int count,
                const char* yes_key, const Column& col, const ImVec4& mark) {
  const float pad = 16.0f;
  Column inner{col.left + pad, col.width - 2 * pad};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 top(col.left, ImGui::GetCursorScreenPos().y);
  dl->ChannelsSplit(2);  // the card's fill goes under its content, measured after it
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(inner.left, top.y + pad));
  text_block(ui, id + ".heading", ui.strings.get(heading_key), ui.fonts.heading, ui.palette.text, inner.width);
  ImGui::SetCursorScreenPos(ImVec2(inner.left, ImGui::GetCursorScreenPos().y + 10));
  for (int i = 1; i <= count; ++i) bullet_item(ui, id + ".sign." + std::to_string(i), ui.strings.get(key_n(sign_prefix, i)), inner, mark);
  ImGui::SetCursorScreenPos(ImVec2(inner.left, ImGui::GetCursorScreenPos().y + 6));
  bool yes = secondary_button(ui, id + ".yes", ui.strings.get(yes_key), inner.width, 52);
  float bottom = ImGui::GetCursorScreenPos().y + pad;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(top, ImVec2(col.left + col.width, bottom), to_u32(ui.palette.surface), 16.0f);
  dl->AddRectFilled(top, ImVec2(col.left + 6, bottom), to_u32(mark), 16.0f, ImDrawFlags_RoundCornersLeft);
  dl->AddRect(top, ImVec2(col.left + col.width, bottom), to_u32(ui.palette.border), 16.0f, 0, ui.palette.border_scale);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(col.left, bottom + 16));
  return yes;
}

}  // namespace

SafetyCheckAction draw_safety_check(Ui& ui) {
  SafetyCheckAction action;
  begin_screen(ui, "safety_check");
  Column col = page_column(ImGui::GetIO().DisplaySize.x, 640.0f);
  ui.header_safety = false;  // this is the safety screen
  if (screen_header(ui, "safety_check", ui.strings.get("header.safety"), true)) action.kind = SafetyCheckAction::Kind::Back;
  begin_scroll_area(ui, "safety_check.scroll");
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  text_block(ui, "safety_check.title", ui.strings.get("safety.check.title"), ui.fonts.title, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  text_block(ui, "safety_check.intro", ui.strings.get("safety.check.intro"), ui.fonts.body, ui.palette.text_muted, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16));
  if (signs_card(ui, "safety_check.urgent", "safety.urgent.heading", "safety.urgent.", kUrgentSigns, "safety.urgent.yes", col,
                 ui.palette.danger)) {
    action.kind = SafetyCheckAction::Kind::Urgent;
  }
  if (signs_card(ui, "safety_check.soon", "safety.soon.heading", "safety.soon.", kSoonSigns, "safety.soon.yes", col,
                 ui.palette.accent)) {
    action.kind = SafetyCheckAction::Kind::Soon;
  }
  notice(ui, "safety_check.notice", ui.strings.get("safety.notice"), col, false);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 4));
  if (primary_button(ui, "safety_check.none", ui.strings.get("safety.check.none"), col.width, 60)) {
    action.kind = SafetyCheckAction::Kind::NoneApply;
  }
  end_scroll_area();
  end_screen();
  return action;
}

CareAction draw_care(Ui& ui, bool urgent) {
  CareAction action = CareAction::None;
  begin_screen(ui, urgent ? "care_urgent" : "care_soon");
  ImGuiIO& io = ImGui::GetIO();
  Column col = page_column(io.DisplaySize.x, 640.0f);
  ui.header_safety = false;
  if (screen_header(ui, "care", ui.strings.get("header.safety"), true)) action = CareAction::Back;
  begin_scroll_area(ui, "care.scroll");
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16));
  const ImVec4& tone = urgent ? ui.palette.danger : ui.palette.accent;
  // A band in the warning colour: unmistakable at a glance.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 band(col.left, ImGui::GetCursorScreenPos().y);
  dl->AddRectFilled(band, ImVec2(col.left + col.width, band.y + 8), to_u32(tone), 4.0f);
  ImGui::SetCursorScreenPos(ImVec2(col.left, band.y + 24));
  text_block(ui, "care.title", ui.strings.get(urgent ? "care.urgent.title" : "care.soon.title"), ui.fonts.title, tone, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 14));
  text_block(ui, "care.body", ui.strings.get(urgent ? "care.urgent.body" : "care.soon.body"), ui.fonts.heading, ui.palette.text,
             col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16));
  notice(ui, "care.next", ui.strings.get(urgent ? "care.urgent.no_exercise" : "care.soon.worse"), col, true);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  if (secondary_button(ui, "care.back_to_questions", ui.strings.get("care.back"), col.width, 52)) action = CareAction::Back;
  end_scroll_area();
  end_screen();
  return action;
}

AboutAction draw_about(Ui& ui, const std::string& version) {
  AboutAction action = AboutAction::None;
  begin_screen(ui, "about");
  Column col = page_column(ImGui::GetIO().DisplaySize.x, 680.0f);
  ui.header_safety = false;
  if (screen_header(ui, "about", ui.strings.get("about.title"), true)) action = AboutAction::Back;
  begin_scroll_area(ui, "about.scroll");
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 4));
  section_heading(ui, "about.safety_heading", ui.strings.get("about.safety_heading"), col);
  text_block(ui, "about.urgent_lead", ui.strings.get("about.urgent_lead"), ui.fonts.body, ui.palette.danger, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  for (int i = 1; i <= kUrgentSigns; ++i) {
    bullet_item(ui, "about.urgent." + std::to_string(i), ui.strings.get(key_n("safety.urgent.", i)), col, ui.palette.danger);
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  text_block(ui, "about.soon_lead", ui.strings.get("about.soon_lead"), ui.fonts.body, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  for (int i = 1; i <= kSoonSigns; ++i) {
    bullet_item(ui, "about.soon." + std::to_string(i), ui.strings.get(key_n("safety.soon.", i)), col, ui.palette.accent);
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  notice(ui, "about.notice", ui.strings.get("safety.notice") + " " + ui.strings.get("about.stop"), col, true);
  if (secondary_button(ui, "about.ask_again", ui.strings.get("about.ask_again"), col.width, 52)) action = AboutAction::AskAgain;
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  section_heading(ui, "about.what_heading", ui.strings.get("about.what_heading"), col);
  text_block(ui, "about.what", ui.strings.get("about.what"), ui.fonts.body, ui.palette.text, col.width);
  section_heading(ui, "about.privacy_heading", ui.strings.get("about.privacy_heading"), col);
  text_block(ui, "about.privacy", ui.strings.get("about.privacy"), ui.fonts.body, ui.palette.text, col.width);
  section_heading(ui, "about.sources_heading", ui.strings.get("about.sources_heading"), col);
  text_block(ui, "about.sources", ui.strings.get("about.sources"), ui.fonts.body, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  for (int i = 0; i < kSourceCount; ++i) {
    bullet_item(ui, "about.source." + std::to_string(i), ui.strings.get(key_n("about.source.", i)), col, ui.palette.text_muted);
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  text_block(ui, "about.version", ui.strings.format("about.version", {{"v", version}}), ui.fonts.small, ui.palette.text_muted,
             col.width);
  end_scroll_area();
  end_screen();
  return action;
}

std::string safety_check_text(const Strings& s) {
  std::string out = s.get("safety.check.title") + ". " + s.get("safety.check.intro") + " " + s.get("safety.urgent.heading");
  for (int i = 1; i <= kUrgentSigns; ++i) out += " " + s.get(key_n("safety.urgent.", i)) + ".";
  out += " " + s.get("safety.soon.heading");
  for (int i = 1; i <= kSoonSigns; ++i) out += " " + s.get(key_n("safety.soon.", i)) + ".";
  return out + " " + s.get("safety.notice");
}

std::string care_text(const Strings& s, bool urgent) {
  std::string text = s.format("announce.care", {{"title", s.get(urgent ? "care.urgent.title" : "care.soon.title")},
                                                {"body", s.get(urgent ? "care.urgent.body" : "care.soon.body")}});
  return text + " " + s.get(urgent ? "care.urgent.no_exercise" : "care.soon.worse");
}

}  // namespace sb
