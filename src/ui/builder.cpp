// builder: the programme builder and share screens.
#include "ui/builder.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/dosage_text.h"

namespace sb {

namespace {

void gap(const Column& col, float dy) { ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + dy)); }

std::string half_seconds(const Strings& s, double seconds) {
  char buf[16];
  std::snprintf(buf, sizeof buf, seconds == static_cast<int>(seconds) ? "%.0f" : "%.1f", seconds);
  return s.format("time.s", {{"n", buf}});
}

// A row with a label and value at the left and big − and + buttons at the right; returns
// -1, +1 or 0.
int stepper(Ui& ui, const std::string& id, const std::string& label, const std::string& value, const Column& col) {
  const float bw = 56.0f, bh = 48.0f, gap_px = 8.0f;
  const float text_w = col.width - 2 * bw - gap_px - 12.0f;
  const ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
  const float h = std::max(bh, text_block_height(label, ui.fonts.small, text_w) + 2 + text_block_height(value, ui.fonts.heading, text_w));
  ImGui::SetCursorScreenPos(pos);
  text_block(ui, id + ".label", label, ui.fonts.small, ui.palette.text_muted, text_w);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, ImGui::GetCursorScreenPos().y + 2));
  text_block(ui, id + ".value", value, ui.fonts.heading, ui.palette.text, text_w);
  int step = 0;
  ImGui::SetCursorScreenPos(ImVec2(pos.x + col.width - 2 * bw - gap_px, pos.y + (h - bh) * 0.5f));
  if (secondary_button(ui, id + ".down", "\xE2\x88\x92", bw, bh)) step = -1;  // U+2212 minus
  ImGui::SetCursorScreenPos(ImVec2(pos.x + col.width - bw, pos.y + (h - bh) * 0.5f));
  if (secondary_button(ui, id + ".up", "+", bw, bh)) step = +1;
  ImGui::SetCursorScreenPos(ImVec2(col.left, pos.y + h + 10));
  return step;
}

// A labelled box that a DOM text field covers; records where it is for main to place it.
void field_box(Ui& ui, BuilderField& field, const std::string& label, const std::string& text, float box_h, const Column& col) {
  text_block(ui, std::string("builder.field.") + field.key + ".label", label, ui.fonts.small, ui.palette.text_muted, col.width);
  gap(col, 4);
  const ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + col.width, pos.y + box_h), to_u32(ui.palette.surface), 10.0f);
  dl->AddRect(pos, ImVec2(pos.x + col.width, pos.y + box_h), to_u32(ui.palette.border), 10.0f, 0, 1.5f * ui.palette.border_scale);
  ui.layout.add(std::string("builder.field.") + field.key, LayoutKind::Button, pos.x, pos.y, col.width, box_h);
  // Only while wholly inside the scrolling area's visible part.
  const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin(), clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  const bool visible = pos.y >= clip_min.y && pos.y + box_h <= clip_max.y;
  field.x = pos.x;
  field.y = pos.y;
  field.w = col.width;
  field.h = visible ? box_h : 0.0f;
  if (!visible && !text.empty()) {
    // Scrolled partly out of view: the field is hidden, so its text is drawn in its place.
    dl->PushClipRect(ImVec2(pos.x + 8, pos.y + 4), ImVec2(pos.x + col.width - 8, pos.y + box_h - 4), true);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 12, pos.y + 12));
    text_block(ui, std::string("builder.field.") + field.key + ".text", text, ui.fonts.body, ui.palette.text, col.width - 24);
    dl->PopClipRect();
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, pos.y + box_h + 14));
}

// A link, broken between any two characters where the line is full (it has no spaces to
// break at, and none of it may be cut off).
void link_block(Ui& ui, const std::string& id, const std::string& link, const Column& col) {
  ImGui::PushFont(ui.fonts.small);
  const ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
  const float line_h = ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float y = pos.y;
  const char* end = link.data() + link.size();
  for (const char* line = link.data(); line < end; y += line_h) {
    const char* stop = line + 1;
    while (stop < end && ImGui::CalcTextSize(line, stop + 1).x <= col.width) ++stop;
    dl->AddText(ImVec2(pos.x, y), to_u32(ui.palette.accent), line, stop);
    line = stop;
  }
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(col.width, y - pos.y));
  ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
  ui.layout.add(id, LayoutKind::Text, pos.x, pos.y, col.width, y - pos.y);
  ui.layout.items.back().allowed_w = col.width;
}

// The steppers of one exercise's dosage.
void dosage_steppers(Ui& ui, const Exercise& e, Dosage& d, const std::string& id, const Column& col) {
  const Strings& s = ui.strings;
  auto apply = [&](DosageKnob knob, int step) {
    if (step != 0) d = step_dosage(d, knob, step, e.timed);
  };
  if (!e.timed) apply(DosageKnob::Reps, stepper(ui, id + ".reps", s.get("builder.reps"), std::to_string(d.reps), col));
  apply(DosageKnob::Sets, stepper(ui, id + ".sets", s.get("builder.sets"), std::to_string(d.sets), col));
  apply(DosageKnob::Hold, stepper(ui, id + ".hold", s.get(e.timed ? "builder.bout" : "builder.hold"),
                                  duration_text(s, d.hold_s), col));
  apply(DosageKnob::Tempo, stepper(ui, id + ".tempo", s.get("builder.tempo"), half_seconds(s, d.move_in_s), col));
  apply(DosageKnob::Rest, stepper(ui, id + ".rest", s.get("builder.rest"), duration_text(s, d.rest_set_s), col));
  apply(DosageKnob::PerDay, stepper(ui, id + ".per_day", s.get("builder.per_day"), std::to_string(d.per_day), col));
  apply(DosageKnob::DaysPerWeek,
        stepper(ui, id + ".days", s.get("builder.days_per_week"), std::to_string(d.days_per_week), col));
  text_block(ui, id + ".sides", s.get(e.per_side ? "builder.sides_each" : "builder.sides_both"), ui.fonts.small,
             ui.palette.text_muted, col.width);
  gap(col, 10);
}

// One exercise of the draft: name and dosage, then move, change and remove buttons; its
// steppers below when it is the selected one. Returns false when it was removed.
bool item_editor(Ui& ui, const Content& content, BuilderState& state, int i, const Column& col) {
  Prescription& p = state.draft;
  ProgrammeItem& it = p.items[static_cast<size_t>(i)];
  const Exercise* e = content.find_exercise(it.exercise);
  if (!e) return true;
  const std::string id = "builder.item." + std::to_string(i);
  const float pad = 14.0f, inner = col.width - 2 * pad;
  const std::string title = std::to_string(i + 1) + ".  " + e->name;
  const std::string detail = dosage_line(ui.strings, it.dosage, e->per_side, e->timed);
  const float bh = 48.0f, gap_px = 8.0f, small_w = 52.0f;
  // Move up, move down, change and remove in one row; change and remove on a row of their own
  // when their words would not fit (narrow phones, large text).
  const std::string change = ui.strings.get(state.selected == i ? "builder.done" : "builder.change");
  const std::string remove = ui.strings.get("builder.remove");
  float wide_w = (inner - 2 * small_w - 3 * gap_px) / 2.0f;
  const bool one_row = !word_wider_than(change, ui.fonts.small, wide_w - 16.0f) && !word_wider_than(remove, ui.fonts.small, wide_w - 16.0f);
  if (!one_row) wide_w = (inner - gap_px) / 2.0f;
  const float rows_h = one_row ? bh : 2 * bh + gap_px;
  const float h = pad + text_block_height(title, ui.fonts.heading, inner) + 4 + text_block_height(detail, ui.fonts.small, inner) +
                  10 + rows_h + pad;
  const ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool open = state.selected == i;
  dl->AddRectFilled(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(ui.palette.surface), 16.0f);
  dl->AddRect(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(open ? ui.palette.primary : ui.palette.border), 16.0f, 0,
              (open ? 2.0f : 1.0f) * ui.palette.border_scale);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
  text_block(ui, id + ".name", title, ui.fonts.heading, ui.palette.text, inner);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y + 4));
  text_block(ui, id + ".dosage", detail, ui.fonts.small, ui.palette.accent, inner);
  const float row_y = pos.y + h - pad - rows_h;
  bool keep = true;
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, row_y));
  if (secondary_button(ui, id + ".up", "\xE2\x86\x91", small_w, bh)) {  // U+2191 up arrow
    if (prescription_move(p, i, -1) && state.selected == i) state.selected = i - 1;
  }
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad + small_w + gap_px, row_y));
  if (secondary_button(ui, id + ".down", "\xE2\x86\x93", small_w, bh)) {  // U+2193 down arrow
    if (prescription_move(p, i, +1) && state.selected == i) state.selected = i + 1;
  }
  const ImVec2 wide_at = one_row ? ImVec2(pos.x + pad + 2 * (small_w + gap_px), row_y) : ImVec2(pos.x + pad, row_y + bh + gap_px);
  ImGui::SetCursorScreenPos(wide_at);
  if (choice_button(ui, id + ".change", change, wide_w, bh, open)) state.selected = open ? -1 : i;
  ImGui::SetCursorScreenPos(ImVec2(wide_at.x + wide_w + gap_px, wide_at.y));
  if (secondary_button(ui, id + ".remove", remove, wide_w, bh)) keep = false;
  ImGui::SetCursorScreenPos(ImVec2(col.left, pos.y + h + 10));
  if (keep && state.selected == i) {
    gap(col, 4);
    const Column inset{col.left + 8, col.width - 16};
    ImGui::SetCursorScreenPos(ImVec2(inset.left, ImGui::GetCursorScreenPos().y));
    dosage_steppers(ui, *e, it.dosage, id, inset);
    gap(col, 6);
  }
  return keep;
}

}  // namespace

BuilderAction draw_builder(Ui& ui, const Content& content, BuilderState& state) {
  BuilderAction action;
  begin_screen(ui, "builder");
  ImGuiIO& io = ImGui::GetIO();
  const float w = io.DisplaySize.x, h = io.DisplaySize.y;
  const Column col = page_column(w);
  const Strings& s = ui.strings;
  const float footer_h = 16 + 56 + 16;
  for (BuilderField& f : state.fields) f.h = 0;
  if (screen_header(ui, "builder", s.get("builder.title"), true)) action.kind = BuilderAction::Kind::Back;
  begin_scroll_area(ui, "builder.scroll", footer_h);
  gap(col, 8);
  text_block(ui, "builder.intro", s.get("builder.intro"), ui.fonts.body, ui.palette.text_muted, col.width);
  gap(col, 14);
  // Presets as starting points: chips that wrap within the column.
  text_block(ui, "builder.presets", s.get("builder.presets"), ui.fonts.heading, ui.palette.text, col.width);
  gap(col, 6);
  {
    float x = col.left, y = ImGui::GetCursorScreenPos().y;
    for (size_t i = 0; i < content.programmes.size(); ++i) {
      const Programme& preset = content.programmes[i];
      if (preset.id == "prescription") continue;
      ImGui::PushFont(ui.fonts.small);
      const float cw = ImGui::CalcTextSize(preset.name.c_str()).x + 32.0f;
      ImGui::PopFont();
      if (x > col.left && x + cw > col.left + col.width) {
        x = col.left;
        y += 50.0f;
      }
      ImGui::SetCursorScreenPos(ImVec2(x, y));
      if (chip(ui, "builder.preset." + preset.id, preset.name, false)) action = BuilderAction{BuilderAction::Kind::Preset, static_cast<int>(i)};
      x += cw + 8.0f;
    }
    ImGui::SetCursorScreenPos(ImVec2(col.left, y + 58.0f));
  }
  state.fields[0].key = "title";
  state.fields[1].key = "clinic";
  state.fields[2].key = "note";
  field_box(ui, state.fields[0], s.get("builder.field.title"), state.draft.title, 48.0f, col);
  field_box(ui, state.fields[1], s.get("builder.field.clinic"), state.draft.clinic, 48.0f, col);
  field_box(ui, state.fields[2], s.get("builder.field.note"), state.draft.note, 104.0f, col);
  // The exercises, in playing order.
  text_block(ui, "builder.exercises",
             s.format("builder.exercises", {{"n", std::to_string(state.draft.items.size())}, {"max", std::to_string(kRxItemsMax)}}),
             ui.fonts.heading, ui.palette.text, col.width);
  gap(col, 8);
  if (state.draft.items.empty()) {
    text_block(ui, "builder.empty", s.get("builder.empty"), ui.fonts.body, ui.palette.text_muted, col.width);
    gap(col, 10);
  }
  for (int i = 0; i < static_cast<int>(state.draft.items.size()); ++i) {
    if (!item_editor(ui, content, state, i, col)) {
      state.draft.items.erase(state.draft.items.begin() + i);
      if (state.selected == i) state.selected = -1;
      if (state.selected > i) --state.selected;
      --i;
    }
  }
  if (static_cast<int>(state.draft.items.size()) < kRxItemsMax &&
      secondary_button(ui, "builder.add", s.get("builder.add"), col.width, 52)) {
    action.kind = BuilderAction::Kind::AddExercises;
  }
  gap(col, 20);
  // Pain limit and review date.
  const int pain_step = stepper(ui, "builder.pain", s.get("builder.pain"),
                                s.format("builder.pain_value", {{"n", std::to_string(state.draft.pain_threshold)}}), col);
  state.draft.pain_threshold = std::clamp(state.draft.pain_threshold + pain_step, 0, kRxPainThresholdMax);
  const std::string review = state.review_weeks == 0
                                 ? s.get("builder.review_none")
                                 : s.format(state.review_weeks == 1 ? "builder.review_week_one" : "builder.review_weeks",
                                            {{"n", std::to_string(state.review_weeks)}, {"date", state.draft.review_date}});
  const int review_step = stepper(ui, "builder.review", s.get("builder.review"), review, col);
  state.review_weeks = std::clamp(state.review_weeks + review_step, 0, kReviewWeeksMax);
  if (!state.problem.empty()) {
    gap(col, 6);
    notice(ui, "builder.problem", state.problem, col, true);
  }
  end_scroll_area();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, h - footer_h), ImVec2(w, h), to_u32(ui.palette.background));
  ImGui::SetCursorScreenPos(ImVec2(col.left, h - footer_h + 16));
  if (primary_button(ui, "builder.make", s.get("builder.make"), col.width, 56)) action.kind = BuilderAction::Kind::MakeLink;
  end_screen();
  return action;
}

ShareAction draw_share(Ui& ui, const BuilderState& state) {
  ShareAction action;
  begin_screen(ui, "share");
  ImGuiIO& io = ImGui::GetIO();
  const Column col = page_column(io.DisplaySize.x, 560.0f);
  const Strings& s = ui.strings;
  if (screen_header(ui, "share", s.get("share.title"), true)) action.kind = ShareAction::Kind::Back;
  begin_scroll_area(ui, "share.scroll");
  gap(col, 8);
  text_block(ui, "share.name", state.draft.title, ui.fonts.title, ui.palette.text, col.width);
  gap(col, 4);
  text_block(ui, "share.intro", s.get("share.intro"), ui.fonts.body, ui.palette.text_muted, col.width);
  gap(col, 14);
  const float side = std::min(col.width, 340.0f);
  ImGui::SetCursorScreenPos(ImVec2(col.left + (col.width - side) * 0.5f, ImGui::GetCursorScreenPos().y));
  draw_qr(ui, "share.qr", state.qr, side);
  gap(col, 14);
  link_block(ui, "share.link", state.link, col);
  gap(col, 4);
  text_block(ui, "share.length", s.format("share.length", {{"n", std::to_string(state.link.size())}}), ui.fonts.small,
             ui.palette.text_muted, col.width);
  gap(col, 16);
  if (primary_button(ui, "share.copy", s.get("share.copy"), col.width, 56)) action.kind = ShareAction::Kind::Copy;
  gap(col, 12);
  if (secondary_button(ui, "share.try", s.get("share.try"), col.width, 52)) action.kind = ShareAction::Kind::Try;
  gap(col, 12);
  if (secondary_button(ui, "share.handout", s.get("share.handout"), col.width, 52)) action.kind = ShareAction::Kind::Handout;
  gap(col, 24);
  end_scroll_area();
  end_screen();
  return action;
}

}  // namespace sb
