// exercise_detail: a scrolling page of everything about one exercise.
#include "ui/exercise_detail.h"

#include <string>

#include "core/dosage_text.h"

namespace sb {

namespace {

void section_title(Ui& ui, const std::string& id, const std::string& text, const Column& col) {
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 20.0f));
  text_block(ui, id, text, ui.fonts.heading, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 6.0f));
}

// A list with a marker column ("1." or a dot) and wrapped text beside it.
void item_list(Ui& ui, const std::string& id, const std::vector<std::string>& items, bool numbered, const Column& col) {
  const float marker_w = 30.0f;
  for (size_t i = 0; i < items.size(); ++i) {
    float y = ImGui::GetCursorScreenPos().y;
    std::string marker = numbered ? std::to_string(i + 1) + "." : "\xE2\x80\xA2";
    draw_text(ImGui::GetWindowDrawList(), ui.fonts.body, ui.fonts.body->FontSize * ui.fonts.body->Scale,
              ImVec2(col.left, y), to_u32(ui.palette.accent), marker.c_str());
    ImGui::SetCursorScreenPos(ImVec2(col.left + marker_w, y));
    text_block(ui, id + "." + std::to_string(i + 1), items[i], ui.fonts.body, ui.palette.text, col.width - marker_w);
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8.0f));
  }
}

}  // namespace

FigureSlot figure_slot_here(float x, float y, float w, float h) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  return FigureSlot{x, y, w, h, dl, dl->GetClipRectMin(), dl->GetClipRectMax()};
}

DetailAction draw_exercise_detail(Ui& ui, const Content& content, int exercise, float figure_height_px,
                                  FigureSlot& figure_slot) {
  DetailAction action;
  figure_slot = FigureSlot{};
  ImGuiIO& io = ImGui::GetIO();
  begin_screen(ui, "exercise");
  const Exercise& e = content.exercises[static_cast<size_t>(exercise)];
  if (screen_header(ui, "exercise", e.name, true)) action.kind = DetailAction::Kind::Back;

  begin_scroll_area(ui, "exercise.scroll." + e.id);  // each exercise keeps its own scroll
  Column col = page_column(io.DisplaySize.x);
  if (figure_height_px > 0) {
    ImVec2 p(col.left, ImGui::GetCursorScreenPos().y + 4.0f);
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + col.width, p.y + figure_height_px), to_u32(ui.palette.surface),
                                              20.0f);
    figure_slot = figure_slot_here(p.x, p.y, col.width, figure_height_px);
    ui.layout.add("exercise.figure", LayoutKind::Figure, p.x, p.y, col.width, figure_height_px);
    ImGui::SetCursorScreenPos(ImVec2(col.left, p.y + figure_height_px + 12.0f));
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 4.0f));
  text_block(ui, "exercise.summary", e.summary, ui.fonts.body, ui.palette.text_muted, col.width);

  section_title(ui, "exercise.dosage.title", ui.strings.get("detail.dosage"), col);
  text_block(ui, "exercise.dosage", dosage_line(ui.strings, e.dosage, e.per_side, e.timed), ui.fonts.body, ui.palette.text,
             col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 4.0f));
  text_block(ui, "exercise.source", ui.strings.format("detail.source", {{"s", e.dosage.source}}), ui.fonts.small,
             ui.palette.text_muted, col.width);

  section_title(ui, "exercise.steps.title", ui.strings.get("detail.how"), col);
  item_list(ui, "exercise.step", e.steps, true, col);
  if (!e.cues.empty()) {
    section_title(ui, "exercise.cues.title", ui.strings.get("detail.cues"), col);
    item_list(ui, "exercise.cue", e.cues, false, col);
  }
  if (!e.mistakes.empty()) {
    section_title(ui, "exercise.mistakes.title", ui.strings.get("detail.mistakes"), col);
    item_list(ui, "exercise.mistake", e.mistakes, false, col);
  }
  if (!e.safety.empty()) {
    section_title(ui, "exercise.safety.title", ui.strings.get("detail.safety"), col);
    item_list(ui, "exercise.safety", e.safety, false, col);
  }
  // Variants: the easier and the harder ones, one button each.
  auto variant = [&](const std::vector<std::string>& ids, const char* title_key, const char* id_prefix) {
    bool titled = false;
    for (const std::string& vid : ids) {
      int idx = content.exercise_index(vid);
      if (idx < 0) continue;
      if (!titled) {
        section_title(ui, std::string(id_prefix) + ".title", ui.strings.get(title_key), col);
        titled = true;
      }
      ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 4.0f));
      if (secondary_button(ui, std::string(id_prefix) + "." + vid, content.exercises[static_cast<size_t>(idx)].name,
                           col.width)) {
        action = DetailAction{DetailAction::Kind::Open, idx};
      }
      ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8.0f));
    }
  };
  variant(e.easier, "detail.easier", "exercise.easier");
  variant(e.harder, "detail.harder", "exercise.harder");
  end_scroll_area();
  end_screen();
  return action;
}

}  // namespace sb
