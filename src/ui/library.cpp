// library: filter chips and exercise cards in a scrolling list.
#include "ui/library.h"

#include <string>

#include "core/dosage_text.h"

namespace sb {

bool library_shows(const LibraryState& state, const Exercise& e) {
  if (state.category >= 0 && static_cast<int>(e.category) != state.category) return false;
  if (state.position >= 0 && static_cast<int>(e.position) != state.position) return false;
  return true;
}

namespace {

// Lays chips out left to right, wrapping within the column.
struct ChipRow {
  float left, right, x, y, row_h = 52.0f;
  void place(Ui& ui, std::string_view label) {
    ImGui::PushFont(ui.fonts.small);
    float w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + 32.0f;
    ImGui::PopFont();
    if (x > left && x + w > right) {
      x = left;
      y += row_h;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    x += w + 8.0f;
  }
  void finish() { ImGui::SetCursorScreenPos(ImVec2(left, y + row_h)); }
};

bool exercise_card(Ui& ui, const Exercise& e, const Column& col) {
  const float pad = 16.0f;
  const float inner = col.width - 2 * pad;
  std::string meta = ui.strings.get(std::string("position.") + std::string(to_string(e.position))) + "  \xC2\xB7  " +
                     dosage_line(ui.strings, e.dosage, e.per_side, e.timed);
  float h_name = text_block_height(e.name, ui.fonts.heading, inner);
  float h_summary = text_block_height(e.summary, ui.fonts.body, inner);
  float h_meta = text_block_height(meta, ui.fonts.small, inner);
  float h = pad + h_name + 6 + h_summary + 8 + h_meta + pad;
  ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
  std::string id = "library.card." + e.id;
  ImGui::SetCursorScreenPos(pos);
  bool tapped = tap_button(id, ImVec2(col.width, h));
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(ui.palette.surface), 16.0f);
  dl->AddRect(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(hovered ? ui.palette.primary : ui.palette.border), 16.0f, 0,
              (hovered ? 2.0f : 1.0f) * ui.palette.border_scale);
  ui.layout.add(id, LayoutKind::Button, pos.x, pos.y, col.width, h);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
  text_block(ui, id + ".name", e.name, ui.fonts.heading, ui.palette.text, inner);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y + 6));
  text_block(ui, id + ".summary", e.summary, ui.fonts.body, ui.palette.text_muted, inner);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y + 8));
  text_block(ui, id + ".meta", meta, ui.fonts.small, ui.palette.accent, inner);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + 12.0f));
  return tapped;
}

}  // namespace

LibraryAction draw_library(Ui& ui, const Content& content, LibraryState& state) {
  LibraryAction action;
  ImGuiIO& io = ImGui::GetIO();
  begin_screen(ui, "library");
  if (screen_header(ui, "library", ui.strings.get("library.title"), true)) action.kind = LibraryAction::Kind::Back;

  begin_scroll_area(ui, "library.scroll");
  Column col = page_column(io.DisplaySize.x);
  ChipRow chips{col.left, col.left + col.width, col.left, ImGui::GetCursorScreenPos().y};
  chips.place(ui, ui.strings.get("library.all"));
  if (chip(ui, "library.category.all", ui.strings.get("library.all"), state.category < 0)) state.category = -1;
  for (size_t i = 0; i < kCategoryNames.size(); ++i) {
    std::string label = ui.strings.get("category." + std::string(kCategoryNames[i]));
    chips.place(ui, label);
    if (chip(ui, "library.category." + std::string(kCategoryNames[i]), label, state.category == static_cast<int>(i))) {
      state.category = state.category == static_cast<int>(i) ? -1 : static_cast<int>(i);
    }
  }
  chips.x = col.left;
  chips.y += chips.row_h;
  std::string position_label = ui.strings.format(
      "library.position", {{"p", state.position < 0 ? ui.strings.get("library.any")
                                                      : ui.strings.get("position." + std::string(kPositionNames[static_cast<size_t>(state.position)]))}});
  position_label += state.show_positions ? "  \xE2\x86\x91" : "  \xE2\x86\x93";
  chips.place(ui, position_label);
  if (chip(ui, "library.positions", position_label, state.position >= 0)) state.show_positions = !state.show_positions;
  if (state.show_positions) {
    chips.x = col.left;
    chips.y += chips.row_h;
    for (size_t i = 0; i < kPositionNames.size(); ++i) {
      std::string label = ui.strings.get("position." + std::string(kPositionNames[i]));
      chips.place(ui, label);
      if (chip(ui, "library.position." + std::string(kPositionNames[i]), label, state.position == static_cast<int>(i))) {
        state.position = state.position == static_cast<int>(i) ? -1 : static_cast<int>(i);
        state.show_positions = false;
      }
    }
  }
  chips.finish();
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8.0f));

  int shown = 0;
  for (size_t i = 0; i < content.exercises.size(); ++i) {
    const Exercise& e = content.exercises[i];
    if (!library_shows(state, e)) continue;
    ++shown;
    if (exercise_card(ui, e, col)) action = LibraryAction{LibraryAction::Kind::Open, static_cast<int>(i)};
  }
  if (shown == 0) {
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16.0f));
    text_block(ui, "library.empty", ui.strings.get("library.empty"), ui.fonts.body, ui.palette.text_muted, col.width,
               Align::Center);
  }
  end_scroll_area();
  end_screen();
  return action;
}

}  // namespace sb
