// prescription_view: the confirmation and the bad-link screens.
#include "ui/prescription_view.h"

#include <string>

#include "core/dosage_text.h"

namespace sb {

namespace {

// Moves the cursor down by dy at the column's left edge.
void gap(const Column& col, float dy) { ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + dy)); }

// One exercise of the prescription: number and name, then its dosage.
void item_card(Ui& ui, const std::string& id, const std::string& title, const std::string& detail, const Column& col) {
  const float pad = 16.0f, inner = col.width - 2 * pad;
  const float h = pad + text_block_height(title, ui.fonts.heading, inner) + 4 + text_block_height(detail, ui.fonts.small, inner) + pad;
  const ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(ui.palette.surface), 16.0f);
  dl->AddRect(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(ui.palette.border), 16.0f, 0, ui.palette.border_scale);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
  text_block(ui, id + ".name", title, ui.fonts.heading, ui.palette.text, inner);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y + 4));
  text_block(ui, id + ".dosage", detail, ui.fonts.small, ui.palette.accent, inner);
  ImGui::SetCursorScreenPos(ImVec2(col.left, pos.y + h + 10));
}

}  // namespace

std::string prescription_error_key(PrescriptionError error) {
  return "prescription.error." + std::string(to_string(error));
}

PrescriptionViewAction draw_prescription_confirm(Ui& ui, const Content& content, const Prescription& p,
                                                 const std::string& current_name) {
  PrescriptionViewAction action;
  begin_screen(ui, "prescription");
  ImGuiIO& io = ImGui::GetIO();
  const float w = io.DisplaySize.x, h = io.DisplaySize.y;
  const Column col = page_column(w);
  const float footer_h = 16 + 56 + 10 + 48 + 16;
  if (screen_header(ui, "prescription", ui.strings.get("prescription.title"), true)) action.kind = PrescriptionViewAction::Kind::NotNow;
  begin_scroll_area(ui, "prescription.scroll", footer_h);
  gap(col, 8);
  const std::string from = p.clinic.empty() ? ui.strings.get("prescription.from_unknown")
                                            : ui.strings.format("prescription.from", {{"clinic", p.clinic}});
  text_block(ui, "prescription.from", from, ui.fonts.small, ui.palette.accent, col.width);
  gap(col, 4);
  text_block(ui, "prescription.name", p.title, ui.fonts.title, ui.palette.text, col.width);
  gap(col, 12);
  if (!p.note.empty()) {
    notice(ui, "prescription.note", p.note, col, false);
  }
  text_block(ui, "prescription.pain", ui.strings.format("prescription.pain", {{"n", std::to_string(p.pain_threshold)}}),
             ui.fonts.body, ui.palette.text, col.width);
  gap(col, 6);
  if (!p.review_date.empty()) {
    text_block(ui, "prescription.review", ui.strings.format("prescription.review", {{"date", p.review_date}}),
               ui.fonts.body, ui.palette.text, col.width);
    gap(col, 6);
  }
  gap(col, 10);
  for (size_t i = 0; i < p.items.size(); ++i) {
    const Exercise* e = content.find_exercise(p.items[i].exercise);
    if (!e) continue;
    item_card(ui, "prescription.item." + std::to_string(i), std::to_string(i + 1) + ".  " + e->name,
              dosage_line(ui.strings, p.items[i].dosage, e->per_side, e->timed), col);
  }
  gap(col, 6);
  text_block(ui, "prescription.replaces", ui.strings.format("prescription.replaces", {{"name", current_name}}),
             ui.fonts.small, ui.palette.text_muted, col.width);
  end_scroll_area();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, h - footer_h), ImVec2(w, h), to_u32(ui.palette.background));
  ImGui::SetCursorScreenPos(ImVec2(col.left, h - footer_h + 16));
  if (primary_button(ui, "prescription.use", ui.strings.get("prescription.use"), col.width, 56)) {
    action.kind = PrescriptionViewAction::Kind::Use;
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, h - footer_h + 16 + 56 + 10));
  if (secondary_button(ui, "prescription.not_now", ui.strings.get("prescription.not_now"), col.width, 48)) {
    action.kind = PrescriptionViewAction::Kind::NotNow;
  }
  end_screen();
  return action;
}

PrescriptionViewAction draw_prescription_error(Ui& ui, PrescriptionError error, int item) {
  PrescriptionViewAction action;
  begin_screen(ui, "prescription_error");
  const Column col = page_column(ImGui::GetIO().DisplaySize.x);
  if (screen_header(ui, "prescription_error", ui.strings.get("prescription.error.title"), true)) {
    action.kind = PrescriptionViewAction::Kind::NotNow;
  }
  begin_scroll_area(ui, "prescription_error.scroll");
  gap(col, 12);
  text_block(ui, "prescription_error.heading", ui.strings.get("prescription.error.heading"), ui.fonts.title,
             ui.palette.text, col.width);
  gap(col, 12);
  notice(ui, "prescription_error.message", ui.strings.get(prescription_error_key(error)), col, true);
  if (item >= 0) {
    text_block(ui, "prescription_error.item", ui.strings.format("prescription.error.item", {{"n", std::to_string(item + 1)}}),
               ui.fonts.body, ui.palette.text_muted, col.width);
    gap(col, 12);
  }
  text_block(ui, "prescription_error.advice", ui.strings.get("prescription.error.advice"), ui.fonts.body,
             ui.palette.text, col.width);
  gap(col, 20);
  if (primary_button(ui, "prescription_error.library", ui.strings.get("prescription.error.library"), col.width, 56)) {
    action.kind = PrescriptionViewAction::Kind::Library;
  }
  gap(col, 12);
  if (secondary_button(ui, "prescription_error.today", ui.strings.get("prescription.error.today"), col.width, 48)) {
    action.kind = PrescriptionViewAction::Kind::NotNow;
  }
  end_scroll_area();
  end_screen();
  return action;
}

}  // namespace sb
