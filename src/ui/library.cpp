// library: a search box under the header, filter chips, and exercise cards in a scrolling list.
// The search box is the page's <input> (phones show their keyboard); this screen draws its
// frame and says where it goes.
#include "ui/library.h"

#include <imgui_internal.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/dosage_text.h"

namespace sb {

namespace {

// The equipment chips, the commonest first.
constexpr Equipment kEquipmentChoices[] = {Equipment::Mat,        Equipment::StoolChair,   Equipment::Wall,
                                           Equipment::TowelStrap, Equipment::Band,         Equipment::FoamRoller,
                                           Equipment::ExerciseBike, Equipment::CrossTrainer, Equipment::Pool};

constexpr float kSearchH = 52.0f;

// Lays chips out left to right, wrapping within the column.
struct ChipRow {
  float left, right, x, y, row_h = 52.0f;
  void place(Ui& ui, std::string_view label) {
    ImGui::PushFont(ui.fonts.small);
    float w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + 32.0f;
    ImGui::PopFont();
    if (x > left && x + w > right) new_row();
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    x += w + 8.0f;
  }
  void new_row() {
    x = left;
    y += row_h;
  }
  // Ends the current row (unless it is empty) and moves to the next.
  void end_row() {
    if (x > left) new_row();
  }
  float width() const { return right - left; }
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

// The search box's frame, a magnifier, and a clear button once something is typed. The page's
// <input> covers the box left of the clear button; keyboard users reach it as "library.search".
void search_box(Ui& ui, LibraryState& state, const Column& col, LibraryAction& action) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool typed = !fold_for_search(state.filter.query).empty();
  const float clear_w = typed ? 48.0f : 0.0f;
  ImGui::SetCursorScreenPos(pos);
  // While the page's input has the keys, the canvas shows no focus ring of its own.
  if (state.search_focused) GImGui->NavDisableHighlight = true;
  if (tap_button("library.search", ImVec2(col.width - clear_w, kSearchH), kSearchH * 0.5f)) {
    action.kind = LibraryAction::Kind::FocusSearch;
  }
  ui.layout.add("library.search", LayoutKind::Button, pos.x, pos.y, col.width - clear_w, kSearchH);
  dl->AddRectFilled(pos, ImVec2(pos.x + col.width, pos.y + kSearchH), to_u32(ui.palette.surface), kSearchH * 0.5f);
  const bool lit = typed || state.search_focused;
  dl->AddRect(pos, ImVec2(pos.x + col.width, pos.y + kSearchH), to_u32(lit ? ui.palette.primary : ui.palette.border),
              kSearchH * 0.5f, 0, (state.search_focused ? 3.0f : lit ? 2.0f : 1.5f) * ui.palette.border_scale);
  // A magnifier: a ring and its handle.
  const ImVec2 c(pos.x + 26.0f, pos.y + kSearchH * 0.5f - 2.0f);
  const ImU32 icon = to_u32(ui.palette.text_muted);
  dl->AddCircle(c, 7.5f, icon, 20, 2.2f);
  dl->AddLine(ImVec2(c.x + 5.5f, c.y + 5.5f), ImVec2(c.x + 11.0f, c.y + 11.0f), icon, 2.4f);
  if (typed) {
    const ImVec2 at(pos.x + col.width - clear_w, pos.y + (kSearchH - 48.0f) * 0.5f);
    ImGui::SetCursorScreenPos(at);
    if (tap_button("library.search.clear", ImVec2(48.0f, 48.0f), 24.0f)) {
      state.filter.query.clear();
      action.kind = LibraryAction::Kind::ClearSearch;  // main empties the page's field too
    }
    if (ImGui::IsItemHovered()) dl->AddCircleFilled(ImVec2(at.x + 24, at.y + 24), 18.0f, to_u32(ui.palette.mat));
    const ImVec2 x(at.x + 24.0f, at.y + 24.0f);
    const ImU32 ink = to_u32(ui.palette.text);
    dl->AddLine(ImVec2(x.x - 6, x.y - 6), ImVec2(x.x + 6, x.y + 6), ink, 2.2f);
    dl->AddLine(ImVec2(x.x - 6, x.y + 6), ImVec2(x.x + 6, x.y - 6), ink, 2.2f);
    ui.layout.add("library.search.clear", LayoutKind::Button, at.x, at.y, 48.0f, 48.0f);
  }
  // The <input> leaves room for the magnifier and the clear button.
  state.search_x = pos.x + 44.0f;
  state.search_y = pos.y + 2.0f;
  state.search_w = col.width - 44.0f - std::max(clear_w, 16.0f);
  state.search_h = kSearchH - 4.0f;
  ImGui::SetCursorScreenPos(ImVec2(col.left, pos.y + kSearchH));
}

// A chip that folds a row of choices away, showing the current choice: "Position: any  ↓".
void fold_chip(Ui& ui, ChipRow& chips, const char* id, std::string label, bool chosen, LibraryState::Unfolded which,
               LibraryState& state) {
  const bool open = state.unfolded == which;
  label += open ? "  \xE2\x86\x91" : "  \xE2\x86\x93";
  chips.place(ui, label);
  if (chip(ui, id, label, chosen)) state.unfolded = open ? LibraryState::Unfolded::None : which;
}

std::string equipment_summary(const Strings& s, const LibraryFilter& f) {
  if (!f.equipment_set) return s.get("library.equipment_any");
  std::vector<Equipment> chosen;
  for (Equipment q : kEquipmentChoices) {
    if (f.have & equipment_bit(q)) chosen.push_back(q);
  }
  if (chosen.empty()) return s.get("library.equipment_none");
  if (chosen.size() > 1) return s.format("library.equipment_many", {{"n", std::to_string(chosen.size())}});
  std::string name = s.get("equipment." + std::string(to_string(chosen.front())));
  for (char& c : name) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return name;
}

// All, then each category; a choice folds the row away when it was unfolded from its chip.
void category_chips(Ui& ui, ChipRow& chips, LibraryState& state) {
  LibraryFilter& f = state.filter;
  const bool fold_after = state.unfolded == LibraryState::Unfolded::Category;
  chips.place(ui, ui.strings.get("library.all"));
  if (chip(ui, "library.category.all", ui.strings.get("library.all"), f.category < 0)) {
    f.category = -1;
    if (fold_after) state.unfolded = LibraryState::Unfolded::None;
  }
  for (size_t i = 0; i < kCategoryNames.size(); ++i) {
    std::string label = ui.strings.get("category." + std::string(kCategoryNames[i]));
    chips.place(ui, label);
    if (chip(ui, "library.category." + std::string(kCategoryNames[i]), label, f.category == static_cast<int>(i))) {
      f.category = f.category == static_cast<int>(i) ? -1 : static_cast<int>(i);
      if (fold_after) state.unfolded = LibraryState::Unfolded::None;
    }
  }
  chips.end_row();
}

void position_row(Ui& ui, ChipRow& chips, LibraryState& state) {
  LibraryFilter& f = state.filter;
  for (size_t i = 0; i < kPositionNames.size(); ++i) {
    std::string label = ui.strings.get("position." + std::string(kPositionNames[i]));
    chips.place(ui, label);
    if (chip(ui, "library.position." + std::string(kPositionNames[i]), label, f.position == static_cast<int>(i))) {
      f.position = f.position == static_cast<int>(i) ? -1 : static_cast<int>(i);
      state.unfolded = LibraryState::Unfolded::None;
    }
  }
  chips.end_row();
}

// A short line saying what the row below it is for.
void row_hint(Ui& ui, ChipRow& chips, std::string_view id, const std::string& text) {
  ImGui::SetCursorScreenPos(ImVec2(chips.left, chips.y + 4.0f));
  text_block(ui, id, text, ui.fonts.small, ui.palette.text_muted, chips.width());
  chips.y = ImGui::GetCursorScreenPos().y + 6.0f;
  chips.x = chips.left;
}

// Several choices at once: "Nothing", then each piece of equipment the person has.
void equipment_row(Ui& ui, ChipRow& chips, LibraryFilter& f) {
  row_hint(ui, chips, "library.equipment.hint", ui.strings.get("library.equipment_hint"));
  const std::string all = ui.strings.get("library.all");
  chips.place(ui, all);
  if (chip(ui, "library.equipment.all", all, !f.equipment_set)) {
    f.equipment_set = false;
    f.have = 0;
  }
  const std::string nothing = ui.strings.get("library.equipment_nothing");
  chips.place(ui, nothing);
  if (chip(ui, "library.equipment.none", nothing, f.equipment_set && f.have == 0)) {
    f.equipment_set = true;
    f.have = 0;
  }
  for (Equipment q : kEquipmentChoices) {
    const std::string name(to_string(q));
    const std::string label = ui.strings.get("equipment." + name);
    const bool on = f.equipment_set && (f.have & equipment_bit(q));
    chips.place(ui, label);
    if (chip(ui, "library.equipment." + name, label, on)) {
      if (!f.equipment_set) f.have = 0;
      f.equipment_set = true;
      f.have ^= equipment_bit(q);
    }
  }
  chips.end_row();
}

void eases_row(Ui& ui, ChipRow& chips, LibraryState& state) {
  LibraryFilter& f = state.filter;
  row_hint(ui, chips, "library.eases.hint", ui.strings.get("library.eases_hint"));
  for (size_t i = 0; i < kPainEaseNames.size(); ++i) {
    const std::string label = ui.strings.get("eases." + std::string(kPainEaseNames[i]));
    chips.place(ui, label);
    if (chip(ui, "library.eases." + std::string(kPainEaseNames[i]), label, f.eases == static_cast<int>(i))) {
      f.eases = f.eases == static_cast<int>(i) ? -1 : static_cast<int>(i);
      state.unfolded = LibraryState::Unfolded::None;
    }
  }
  chips.end_row();
}

// The filter chips, with the unfolded row (if any) right under them.
void filter_chips(Ui& ui, LibraryState& state, const Column& col) {
  LibraryFilter& f = state.filter;
  const Strings& s = ui.strings;
  ChipRow chips{col.left, col.left + col.width, col.left, ImGui::GetCursorScreenPos().y};
  using U = LibraryState::Unfolded;
  // Categories get a row of their own where there is room; on the narrowest phones a chip.
  const bool compact = col.width < 320.0f;
  if (!compact) {
    if (state.unfolded == U::Category) state.unfolded = U::None;
    category_chips(ui, chips, state);
  } else {
    const std::string category = f.category < 0 ? s.get("library.any")
                                                : s.get("category." + std::string(kCategoryNames[static_cast<size_t>(f.category)]));
    fold_chip(ui, chips, "library.categories", s.format("library.category", {{"c", category}}), f.category >= 0, U::Category,
              state);
  }
  // What eases the pain first: it says most about which exercises suit the person.
  const std::string eases =
      f.eases < 0 ? s.get("library.any") : s.get("eases." + std::string(kPainEaseNames[static_cast<size_t>(f.eases)]) + ".short");
  fold_chip(ui, chips, "library.eases", s.format("library.eases", {{"e", eases}}), f.eases >= 0, U::Eases, state);
  const std::string position =
      f.position < 0 ? s.get("library.any") : s.get("position." + std::string(kPositionNames[static_cast<size_t>(f.position)]));
  fold_chip(ui, chips, "library.positions", s.format("library.position", {{"p", position}}), f.position >= 0, U::Position, state);
  fold_chip(ui, chips, "library.equipment", s.format("library.equipment", {{"e", equipment_summary(s, f)}}), f.equipment_set,
            U::Equipment, state);
  chips.end_row();
  if (state.unfolded == U::Category) category_chips(ui, chips, state);
  if (state.unfolded == U::Eases) eases_row(ui, chips, state);
  if (state.unfolded == U::Position) position_row(ui, chips, state);
  if (state.unfolded == U::Equipment) equipment_row(ui, chips, f);
  ImGui::SetCursorScreenPos(ImVec2(col.left, chips.y + 4.0f));
}

// "12 exercises", with Clear filters beside it while anything narrows the list.
void count_line(Ui& ui, const LibraryState& state, size_t shown, const Column& col, LibraryAction& action) {
  const float y = ImGui::GetCursorScreenPos().y;
  const std::string count = shown == 1 ? ui.strings.get("library.count_one")
                                       : ui.strings.format("library.count", {{"n", std::to_string(shown)}});
  const bool active = filter_active(state.filter);
  float clear_w = 0.0f;
  if (active && shown > 0) {
    const std::string label = ui.strings.get("library.clear");
    ImGui::PushFont(ui.fonts.button);
    clear_w = ImGui::CalcTextSize(label.c_str()).x + 36.0f;
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(col.left + col.width - clear_w, y));
    if (secondary_button(ui, "library.clear", label, clear_w, 44.0f)) action.kind = LibraryAction::Kind::Clear;
  }
  const float text_h = text_block_height(count, ui.fonts.body, col.width - clear_w - 8.0f);
  ImGui::SetCursorScreenPos(ImVec2(col.left, y + std::max(0.0f, (44.0f - text_h) * 0.5f)));
  text_block(ui, "library.count", count, ui.fonts.body, ui.palette.text_muted, col.width - clear_w - 8.0f);
  ImGui::SetCursorScreenPos(ImVec2(col.left, std::max(ImGui::GetCursorScreenPos().y, y + 44.0f) + 12.0f));
}

// Nothing matches: say so, and offer the way back to every exercise.
void empty_state(Ui& ui, const Column& col, LibraryAction& action) {
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8.0f));
  text_block(ui, "library.empty", ui.strings.get("library.empty"), ui.fonts.body, ui.palette.text_muted, col.width,
             Align::Center);
  const float w = std::min(col.width, 280.0f);
  ImGui::SetCursorScreenPos(ImVec2(col.left + (col.width - w) * 0.5f, ImGui::GetCursorScreenPos().y + 16.0f));
  if (secondary_button(ui, "library.empty.clear", ui.strings.get("library.clear"), w, 52.0f)) {
    action.kind = LibraryAction::Kind::Clear;
  }
}

}  // namespace

LibraryAction draw_library(Ui& ui, const Content& content, LibraryState& state) {
  LibraryAction action;
  ImGuiIO& io = ImGui::GetIO();
  begin_screen(ui, "library");
  if (screen_header(ui, "library", ui.strings.get("library.title"), true)) action.kind = LibraryAction::Kind::Back;
  Column col = page_column(io.DisplaySize.x);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12.0f));
  search_box(ui, state, col, action);
  ImGui::SetCursorScreenPos(ImVec2(0.0f, ImGui::GetCursorScreenPos().y + 4.0f));

  begin_scroll_area(ui, "library.scroll");
  filter_chips(ui, state, col);
  const std::vector<int> shown = filter_library(content.exercises, state.filter);
  if (!shown.empty()) count_line(ui, state, shown.size(), col, action);
  for (int i : shown) {
    if (exercise_card(ui, content.exercises[static_cast<size_t>(i)], col)) action = LibraryAction{LibraryAction::Kind::Open, i};
  }
  if (shown.empty()) empty_state(ui, col, action);
  end_scroll_area();
  end_screen();
  return action;
}

}  // namespace sb
