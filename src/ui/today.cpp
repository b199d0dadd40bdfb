// today: home screen and programme chooser.
#include "ui/today.h"

#include <algorithm>
#include <string>

#include "core/dosage_text.h"

namespace sb {

namespace {

// A card with a title, a line of detail and an optional note; true when tapped.
bool list_card(Ui& ui, const std::string& id, const std::string& title, const std::string& detail, const std::string& note,
               const Column& col, bool highlighted) {
  const float pad = 16.0f, inner = col.width - 2 * pad;
  float h = pad + text_block_height(title, ui.fonts.heading, inner) + 4 + text_block_height(detail, ui.fonts.small, inner) + pad;
  if (!note.empty()) h += 6 + text_block_height(note, ui.fonts.body, inner);
  ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
  ImGui::SetCursorScreenPos(pos);
  bool tapped = tap_button(id, ImVec2(col.width, h));
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(ui.palette.surface), 16.0f);
  dl->AddRect(pos, ImVec2(pos.x + col.width, pos.y + h),
              to_u32(highlighted || hovered ? ui.palette.primary : ui.palette.border), 16.0f, 0,
              (highlighted ? 2.5f : 1.0f) * ui.palette.border_scale);
  ui.layout.add(id, LayoutKind::Button, pos.x, pos.y, col.width, h);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
  text_block(ui, id + ".title", title, ui.fonts.heading, ui.palette.text, inner);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y + 4));
  text_block(ui, id + ".detail", detail, ui.fonts.small, ui.palette.accent, inner);
  if (!note.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y + 6));
    text_block(ui, id + ".note", note, ui.fonts.body, ui.palette.text_muted, inner);
  }
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + 12));
  return tapped;
}

}  // namespace

TodayAction draw_today(Ui& ui, const Content& content, const Programme& programme, const TodayInfo& info) {
  TodayAction action;
  begin_screen(ui, "today");
  ImGuiIO& io = ImGui::GetIO();
  const float w = io.DisplaySize.x, h = io.DisplaySize.y;
  const bool compact = ui.brand && ui.brand->compact;
  Column col = page_column(w);
  const float footer_h = 16 + 60 + 16;
  bool library = false;
  screen_header(ui, "today", ui.strings.get("today.title"), false, ui.strings.get("today.library_short"), &library);
  if (library) action.kind = TodayAction::Kind::Library;
  begin_scroll_area(ui, "today.scroll", footer_h);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + (compact ? 4 : 12)));
  if (brand_line(ui, "today.brand", col, Align::Left) > 0) {
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  }
  text_block(ui, "today.programme", programme.name, compact ? ui.fonts.heading : ui.fonts.title, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 4));
  text_block(ui, "today.description", programme.description, ui.fonts.body, ui.palette.text_muted, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  // Progress at a glance: streak, this week against the plan, done today. Tapping opens History.
  {
    std::string line = info.streak > 0 ? ui.strings.format("today.streak", {{"n", std::to_string(info.streak)}})
                                       : ui.strings.get("today.streak_none");
    line += "  ·  " + ui.strings.format("today.week", {{"n", std::to_string(info.week_done)},
                                                       {"target", std::to_string(info.week_target)}});
    if (info.done_today) line += "  ·  " + ui.strings.get("today.done_today");
    if (list_card(ui, "today.progress", ui.strings.get("today.history"), line, "", col, false)) {
      action.kind = TodayAction::Kind::History;
    }
  }
  if (!info.storage_notice.empty()) notice(ui, "today.storage", info.storage_notice, col, true);
  if (info.ask_morning) {
    notice(ui, "today.morning", ui.strings.get("morning.question"), col, false);
    const float gap = 8.0f, bw = (col.width - gap) / 2.0f;
    const float y = ImGui::GetCursorScreenPos().y - 4;
    ImGui::SetCursorScreenPos(ImVec2(col.left, y));
    if (secondary_button(ui, "today.morning.worse", ui.strings.get("morning.worse"), bw, 52)) action.kind = TodayAction::Kind::MorningWorse;
    ImGui::SetCursorScreenPos(ImVec2(col.left + bw + gap, y));
    if (secondary_button(ui, "today.morning.same", ui.strings.get("morning.same"), bw, 52)) action.kind = TodayAction::Kind::MorningSame;
    ImGui::SetCursorScreenPos(ImVec2(col.left, y + 52 + 16));
  }
  if (info.suggestions > 0) {
    std::string text = info.suggestions == 1 ? ui.strings.get("today.suggestions")
                                             : ui.strings.format("today.suggestions_more", {{"n", std::to_string(info.suggestions)}});
    if (secondary_button(ui, "today.suggestions", text, col.width, 52)) action.kind = TodayAction::Kind::History;
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  }
  for (const std::string& change : info.changes) {
    text_block(ui, "today.change." + change, ui.strings.format("today.changed", {{"what", change}}), ui.fonts.small,
               ui.palette.accent, col.width);
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 4));
  for (size_t i = 0; i < info.items.size(); ++i) {
    const ProgrammeItem& it = info.items[i];
    int idx = content.exercise_index(it.exercise);
    if (idx < 0) continue;
    const Exercise& e = content.exercises[static_cast<size_t>(idx)];
    std::string title = std::to_string(i + 1) + ".  " + e.name;
    if (list_card(ui, "today.item." + e.id, title, dosage_line(ui.strings, it.dosage, e.per_side, e.timed), "", col, false)) {
      action = TodayAction{TodayAction::Kind::Open, idx};
    }
  }
  if (!programme.note.empty()) {
    text_block(ui, "today.note", programme.note, ui.fonts.small, ui.palette.text_muted, col.width);
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  if (secondary_button(ui, "today.programmes", ui.strings.get("today.change"), col.width)) action.kind = TodayAction::Kind::Programmes;
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  if (secondary_button(ui, "today.library", ui.strings.get("today.library"), col.width)) action.kind = TodayAction::Kind::Library;
  if (compact) {
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
    if (secondary_button(ui, "today.open_full", ui.strings.get("history.open_full"), col.width)) {
      action.kind = TodayAction::Kind::OpenFull;
    }
  }
  // Settings and About and safety, side by side when both fit.
  {
    const float gap = 12.0f, y = ImGui::GetCursorScreenPos().y + 12;
    const std::string settings = ui.strings.get("today.settings"), about = ui.strings.get("today.about");
    ImGui::PushFont(ui.fonts.button);
    const float widest = std::max(ImGui::CalcTextSize(settings.c_str()).x, ImGui::CalcTextSize(about.c_str()).x);
    ImGui::PopFont();
    const bool across = (col.width - gap) / 2.0f >= widest + 32.0f;
    const float bw = across ? (col.width - gap) / 2.0f : col.width;
    ImGui::SetCursorScreenPos(ImVec2(col.left, y));
    if (secondary_button(ui, "today.more.settings", settings, bw)) action.kind = TodayAction::Kind::Settings;
    ImGui::SetCursorScreenPos(across ? ImVec2(col.left + bw + gap, y) : ImVec2(col.left, y + 48 + gap));
    if (secondary_button(ui, "today.more.about", about, bw)) action.kind = TodayAction::Kind::About;
  }
  if (ui.brand && !ui.brand->contact.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16));
    text_block(ui, "today.contact", ui.brand->contact, ui.fonts.small, ui.palette.text_muted, col.width, Align::Center);
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  }
  end_scroll_area();
  // The one big Start, always in thumb reach.
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, h - footer_h), ImVec2(w, h), to_u32(ui.palette.background));
  ImGui::SetCursorScreenPos(ImVec2(col.left, h - footer_h + 16));
  if (primary_button(ui, "today.start", ui.strings.get("today.start"), col.width, 60)) action.kind = TodayAction::Kind::Start;
  end_screen();
  return action;
}

ProgrammesAction draw_programmes(Ui& ui, const Content& content, const std::string& current_id) {
  ProgrammesAction action;
  begin_screen(ui, "programmes");
  Column col = page_column(ImGui::GetIO().DisplaySize.x);
  if (screen_header(ui, "programmes", ui.strings.get("programmes.title"), true)) action.kind = ProgrammesAction::Kind::Back;
  begin_scroll_area(ui, "programmes.scroll");
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  for (size_t i = 0; i < content.programmes.size(); ++i) {
    const Programme& p = content.programmes[i];
    std::string detail = ui.strings.format("programmes.count", {{"n", std::to_string(p.items.size())}});
    if (list_card(ui, "programmes.card." + p.id, p.name, detail, p.description, col, p.id == current_id)) {
      action = ProgrammesAction{ProgrammesAction::Kind::Choose, static_cast<int>(i)};
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  if (secondary_button(ui, "programmes.build", ui.strings.get("programmes.build"), col.width, 52)) {
    action.kind = ProgrammesAction::Kind::Build;
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 24));
  end_scroll_area();
  end_screen();
  return action;
}

}  // namespace sb
