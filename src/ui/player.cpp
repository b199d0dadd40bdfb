// player: layout of the session screen, the pain question and the summary.
#include "ui/player.h"

#include <algorithm>
#include <cmath>

#include "core/dosage_text.h"

namespace sb {

std::string phase_word(const Strings& strings, SegmentKind kind) {
  switch (kind) {
    case SegmentKind::GetReady: return strings.get("phase.get_ready");
    case SegmentKind::MoveIn: return strings.get("phase.move_in");
    case SegmentKind::Hold: return strings.get("phase.hold");
    case SegmentKind::MoveOut: return strings.get("phase.move_out");
    case SegmentKind::RestRep:
    case SegmentKind::RestSet: return strings.get("phase.rest");
    case SegmentKind::SwitchSides: return strings.get("phase.switch_sides");
    case SegmentKind::UpNext: return strings.get("phase.up_next");
    case SegmentKind::Done: return strings.get("phase.done");
  }
  return "";
}

namespace {

std::string clock_text(double seconds) {
  long long s = std::max(0LL, static_cast<long long>(std::ceil(seconds - 1e-9)));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  return buf;
}

// The pain question: 0-10 as a grid of large buttons.
void draw_pain_question(Ui& ui, const Column& col, PlayerAction& action) {
  text_block(ui, "player.pain.question", ui.strings.get("player.pain_question"), ui.fonts.heading, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16));
  int n = pain_scale(ui, "player.pain", col, -1);
  if (n >= 0) action = PlayerAction{PlayerAction::Kind::RatePain, n};
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  if (secondary_button(ui, "player.pain.skip", ui.strings.get("player.pain_skip"), col.width, 52)) {
    action.kind = PlayerAction::Kind::SkipRating;
  }
}

// A box for the person's note: drawn as an empty field, for the page to lay its text box on.
NoteSlot note_box(Ui& ui, const Column& col) {
  text_block(ui, "summary.note_label", ui.strings.get("summary.note"), ui.fonts.heading, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float h = 112.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(at, ImVec2(at.x + col.width, at.y + h), to_u32(ui.palette.surface), 14);
  dl->AddRect(at, ImVec2(at.x + col.width, at.y + h), to_u32(ui.palette.border), 14, 0, 1.5f * ui.palette.border_scale);
  ImGui::Dummy(ImVec2(col.width, h));
  ImGui::SetCursorScreenPos(ImVec2(col.left, at.y + h));
  ui.layout.add("summary.note", LayoutKind::Field, at.x, at.y, col.width, h);
  const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
  return NoteSlot{true, at.x, at.y, col.width, h, clip_min.x, clip_min.y, clip_max.x, clip_max.y};
}

void draw_summary(Ui& ui, const SessionView& view, const SessionPlan& plan, const SummaryAnswers& answers, const Column& col,
                  PlayerAction& action, NoteSlot& note) {
  text_block(ui, "summary.title", ui.strings.get("summary.title"), ui.fonts.title, ui.palette.text, col.width, Align::Center);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 6));
  text_block(ui, "summary.subtitle", ui.strings.get("summary.subtitle"), ui.fonts.body, ui.palette.text_muted, col.width,
             Align::Center);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 20));
  for (size_t i = 0; i < plan.items.size() && i < view.records.size(); ++i) {
    const ItemRecord& r = view.records[i];
    std::string outcome;
    ImVec4 colour = ui.palette.text_muted;
    switch (r.outcome) {
      case ItemOutcome::Completed: outcome = ui.strings.get("summary.completed"); colour = ui.palette.accent; break;
      case ItemOutcome::Skipped: outcome = ui.strings.get("summary.skipped"); break;
      case ItemOutcome::Stopped:
        outcome = r.pain_0_10 >= 0 ? ui.strings.format("summary.stopped", {{"pain", std::to_string(r.pain_0_10)}})
                                   : ui.strings.get("summary.stopped_unrated");
        colour = ui.palette.danger;
        break;
      case ItemOutcome::NotReached:
      case ItemOutcome::InProgress: outcome = ui.strings.get("summary.not_reached"); break;
    }
    float y = ImGui::GetCursorScreenPos().y;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(col.left, y), ImVec2(col.left + col.width, y + 64),
                                              to_u32(ui.palette.surface), 14);
    ImGui::SetCursorScreenPos(ImVec2(col.left + 16, y + 8));
    text_block(ui, "summary.item." + std::to_string(i + 1), plan.items[i].name, ui.fonts.body, ui.palette.text, col.width - 32);
    ImGui::SetCursorScreenPos(ImVec2(col.left + 16, y + 34));
    text_block(ui, "summary.outcome." + std::to_string(i + 1), outcome, ui.fonts.small, colour, col.width - 32);
    ImGui::SetCursorScreenPos(ImVec2(col.left, y + 72));
  }
  // Pain after, and how it felt: what the progress screen and the pain rules work from.
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  text_block(ui, "summary.pain_after", ui.strings.get("summary.pain_after"), ui.fonts.heading, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  int n = pain_scale(ui, "summary.pain", col, answers.pain_after);
  if (n >= 0) action = PlayerAction{PlayerAction::Kind::RatePainAfter, n};
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  text_block(ui, "summary.feel", ui.strings.get("summary.feel"), ui.fonts.heading, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  {
    // Three across when the words fit, else one under the other (narrow phones).
    const float gap = 8.0f;
    float widest = 0.0f;
    ImGui::PushFont(ui.fonts.button);
    for (const char* key : {"summary.easy", "summary.right", "summary.hard"}) {
      widest = std::max(widest, ImGui::CalcTextSize(ui.strings.get(key).c_str()).x);
    }
    ImGui::PopFont();
    const bool stacked = (col.width - 2 * gap) / 3.0f < widest + 24.0f;
    const float bw = stacked ? col.width : (col.width - 2 * gap) / 3.0f;
    const float y = ImGui::GetCursorScreenPos().y;
    const struct {
      const char* id;
      const char* key;
      Difficulty d;
    } choices[] = {{"summary.easy", "summary.easy", Difficulty::Easy},
                   {"summary.right", "summary.right", Difficulty::Right},
                   {"summary.hard", "summary.hard", Difficulty::Hard}};
    for (int i = 0; i < 3; ++i) {
      const float fi = static_cast<float>(i);
      ImGui::SetCursorScreenPos(stacked ? ImVec2(col.left, y + fi * (52 + gap)) : ImVec2(col.left + fi * (bw + gap), y));
      if (choice_button(ui, choices[i].id, ui.strings.get(choices[i].key), bw, 52, answers.difficulty == choices[i].d)) {
        action.kind = PlayerAction::Kind::SetDifficulty;
        action.difficulty = choices[i].d;
      }
    }
    ImGui::SetCursorScreenPos(ImVec2(col.left, y + (stacked ? 3 * (52 + gap) - gap : 52.0f) + 24));
  }
  note = note_box(ui, col);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16));
  text_block(ui, "summary.saved", ui.strings.get(answers.save_failed ? "summary.not_saved" : "summary.saved"), ui.fonts.small,
             answers.save_failed ? ui.palette.danger : ui.palette.text_muted, col.width, Align::Center);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16));
  if (primary_button(ui, "summary.finish", ui.strings.get("summary.finish"), col.width, 60)) action.kind = PlayerAction::Kind::Finish;
}

// The options panel: sound, volume, voice, vibration, tempo and reps, as rows of chips.
void draw_options(Ui& ui, const SessionView& view, const CueSettings& settings, const Column& col, PlayerAction& action) {
  auto on_off = [&](const char* key, bool on) {
    return ui.strings.format(key, {{"state", ui.strings.get(on ? "options.on" : "options.off")}});
  };
  struct Chip {
    const char* id;
    std::string label;
    bool selected;
    PlayerAction::Kind kind;
    bool enabled;
  };
  const int volume_pct = static_cast<int>(settings.volume * 100.0f + 0.5f);
  const Chip rows[3][4] = {
      {{"player.options.sound", on_off("options.sound", settings.sound), settings.sound, PlayerAction::Kind::ToggleSound, true},
       {"player.options.volume_down", ui.strings.get("options.quieter"), false, PlayerAction::Kind::VolumeDown, settings.sound},
       {"player.options.volume_up", ui.strings.format("options.louder", {{"pct", std::to_string(volume_pct)}}), false,
        PlayerAction::Kind::VolumeUp, settings.sound},
       {nullptr, {}, false, PlayerAction::Kind::None, false}},
      {{"player.options.speech", on_off("options.voice", settings.speech), settings.speech, PlayerAction::Kind::ToggleSpeech, true},
       {"player.options.vibration", on_off("options.vibrate", settings.vibration), settings.vibration,
        PlayerAction::Kind::ToggleVibration, true},
       {nullptr, {}, false, PlayerAction::Kind::None, false},
       {nullptr, {}, false, PlayerAction::Kind::None, false}},
      {{"player.options.slower", ui.strings.get("options.slower"), false, PlayerAction::Kind::Slower, true},
       {"player.options.faster", ui.strings.get("options.faster"), false, PlayerAction::Kind::Faster, true},
       {"player.options.rep_less", ui.strings.get("options.rep_less"), false, PlayerAction::Kind::RemoveRep, view.reps_editable},
       {"player.options.rep_more", ui.strings.get("options.rep_more"), false, PlayerAction::Kind::AddRep, view.reps_editable}},
  };
  float y = ImGui::GetCursorScreenPos().y;
  for (const auto& row : rows) {
    float x = col.left;
    for (const Chip& c : row) {
      if (!c.id || !c.enabled) continue;
      ImGui::PushFont(ui.fonts.small);
      float cw = ImGui::CalcTextSize(c.label.c_str()).x + 32.0f;
      ImGui::PopFont();
      if (x > col.left && x + cw > col.left + col.width) {
        x = col.left;
        y += 50.0f;
      }
      ImGui::SetCursorScreenPos(ImVec2(x, y));
      if (chip(ui, c.id, c.label, c.selected)) action.kind = c.kind;
      x += cw + 8.0f;
    }
    y += 50.0f;
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, y));
}

}  // namespace

PlayerAction draw_player(Ui& ui, const SessionView& view, const SessionPlan& plan, const Content& content,
                         const std::string& caption, const CueSettings& settings, bool options_open,
                         const SummaryAnswers& answers, FigureSlot& figure_slot, NoteSlot* note_slot) {
  PlayerAction action;
  figure_slot = FigureSlot{};
  NoteSlot note;
  if (note_slot) *note_slot = NoteSlot{};
  ImGuiIO& io = ImGui::GetIO();
  const float w = io.DisplaySize.x, h = io.DisplaySize.y;
  begin_screen(ui, view.finished ? "summary" : "player");
  Column col = page_column(w, 640.0f);

  if (view.finished) {
    begin_scroll_area(ui, "summary.scroll");
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 24));
    draw_summary(ui, view, plan, answers, col, action, note);
    end_scroll_area();
    end_screen();
    if (note_slot) *note_slot = note;
    return action;
  }

  const int item = std::clamp(view.item, 0, std::max(0, static_cast<int>(plan.items.size()) - 1));
  const SessionItem& si = plan.items[static_cast<size_t>(item)];
  const Exercise* ex = content.find_exercise(si.exercise_id);
  std::string title = si.name;
  bool options = false;
  // On a phone the options are an icon, leaving the exercise's name room beside the Safety icon.
  ui.header_action_icon = col.width < 480.0f;
  if (screen_header(ui, "player", title, true, ui.strings.get(options_open ? "options.close" : "options.open"), &options)) {
    action.kind = PlayerAction::Kind::Close;
  }
  if (options) action.kind = PlayerAction::Kind::ToggleOptions;

  const bool landscape = w > h * 1.15f;
  const float top = 64.0f + 8.0f;
  float y = top;
  // Everything below the header is measured against the space it has.
  const float controls_h = 56.0f + 12.0f + 52.0f;  // Back/Pause/Skip row, then Stop
  const float bottom = h - 16.0f - controls_h;

  // The words under (or beside) the figure, as tall as they were last frame without the count:
  // the figure, then the count's size, give way so that everything ends above the controls.
  ImGuiStorage* store = ImGui::GetStateStorage();
  const ImGuiID words_key = ImGui::GetID(options_open ? "player.words_h.options" : "player.words_h");
  const float words_h = store->GetFloat(words_key, 0.0f);
  auto line_h = [](const ImFont* f) { return f->FontSize * f->Scale; };
  ImFont* count_font = ui.fonts.count ? ui.fonts.count : ui.fonts.title;

  float info_left = col.left, info_w = col.width;
  Column side_options{0, 0};  // landscape: the options take the figure's place while open
  if (landscape) {
    if (words_h + line_h(count_font) > bottom - top - 8.0f) count_font = ui.fonts.title;
    float fig_w = std::min(w * 0.5f, (bottom - top) * 1.4f);
    if (options_open) {
      side_options = Column{16.0f, fig_w - 24.0f};
    } else {
      figure_slot = figure_slot_here(16.0f, top, fig_w - 24.0f, bottom - top);
    }
    info_left = fig_w + 8.0f;
    info_w = std::min(w - info_left - 16.0f, 520.0f);
  } else {
    float fig_h = std::clamp(h * 0.34f, 140.0f, 420.0f);
    if (view.pain_item >= 0) {
      // The pain question must fit whole, Skip included: the figure gives way on short screens.
      const int rows = 10 / (col.width < 360 ? 4 : 6) + 1;
      const float question_h = text_block_height(ui.strings.get("player.pain_question"), ui.fonts.heading, col.width) + 16 +
                               static_cast<float>(rows) * 64.0f + 8 + 52;
      fig_h = std::min(fig_h, h - 16.0f - top - 8.0f - question_h);
      if (fig_h < 72.0f) fig_h = 0.0f;
    } else if (words_h > 0.0f) {
      float room = bottom - 16.0f - top - words_h - line_h(count_font);
      if (room < 120.0f) {
        count_font = ui.fonts.title;  // a smaller count before a tiny figure
        room = bottom - 16.0f - top - words_h - line_h(count_font);
      }
      fig_h = std::min(fig_h, room);
      if (fig_h < 72.0f) fig_h = 0.0f;  // the options panel, open for a moment on a small phone
    }
    figure_slot = figure_slot_here(col.left, y, col.width, fig_h);
    y += fig_h > 0 ? fig_h + 8.0f : 0.0f;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(figure_slot.x, figure_slot.y), ImVec2(figure_slot.x + figure_slot.w, figure_slot.y + figure_slot.h),
                    to_u32(ui.palette.surface), 20.0f);
  ui.layout.add("player.figure", LayoutKind::Figure, figure_slot.x, figure_slot.y, figure_slot.w, figure_slot.h);

  if (view.pain_item >= 0) {
    ImGui::SetCursorScreenPos(ImVec2(info_left, landscape ? top : y));
    draw_pain_question(ui, Column{info_left, info_w}, action);
    end_screen();
    return action;
  }

  // Exercise n of N, phase word, big count, progress, caption.
  const float words_top = landscape ? top : y;
  ImGui::SetCursorScreenPos(ImVec2(info_left, words_top));
  text_block(ui, "player.exercise_of",
             ui.strings.format("player.exercise_of", {{"n", std::to_string(item + 1)}, {"total", std::to_string(plan.items.size())}}),
             ui.fonts.small, ui.palette.text_muted, info_w, Align::Center);
  ImVec4 phase_colour = view.kind == SegmentKind::Hold ? ui.palette.primary : ui.palette.text;
  std::string phase = view.paused ? ui.strings.get("player.paused") : phase_word(ui.strings, view.kind);
  if (view.kind == SegmentKind::UpNext && view.item >= 0) phase = ui.strings.format("player.up_next", {{"name", si.name}});
  text_block(ui, "player.phase", phase, ui.fonts.heading, phase_colour, info_w, Align::Center);
  text_block(ui, "player.count", std::to_string(view.count), count_font, ui.palette.text, info_w, Align::Center);

  if (options_open && side_options.width > 0) {
    const ImVec2 back = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(side_options.left, top));
    draw_options(ui, view, settings, side_options, action);
    ImGui::SetCursorScreenPos(back);
  } else if (options_open) {
    draw_options(ui, view, settings, Column{info_left, info_w}, action);
  }
  std::string progress;
  if (!options_open && view.sets > 0 && view.set > 0) {
    progress = ui.strings.format("player.set_of", {{"n", std::to_string(view.set)}, {"total", std::to_string(view.sets)}});
  }
  if (view.reps > 0 && view.rep > 0) {
    if (!progress.empty()) progress += "  \xC2\xB7  ";
    progress += ui.strings.format("player.rep_of", {{"n", std::to_string(view.rep)}, {"total", std::to_string(view.reps)}});
  }
  if (view.side != Side::None) {
    if (!progress.empty()) progress += "  \xC2\xB7  ";
    progress += ui.strings.get(view.side == Side::Left ? "player.side_left" : "player.side_right");
  }
  if (!options_open && !progress.empty()) text_block(ui, "player.progress", progress, ui.fonts.body, ui.palette.text, info_w, Align::Center);
  ImGui::SetCursorScreenPos(ImVec2(info_left, ImGui::GetCursorScreenPos().y + 4));
  text_block(ui, "player.left", ui.strings.format("player.left", {{"t", clock_text(view.session_left_s)}}), ui.fonts.small,
             ui.palette.text_muted, info_w, Align::Center);
  const float now_words_h = ImGui::GetCursorScreenPos().y - words_top - line_h(count_font);
  // Read in the next frame; a change comes with input or a new screen, which draw a few frames.
  store->SetFloat(words_key, now_words_h);
  std::string line = caption;
  if ((view.kind == SegmentKind::GetReady || view.kind == SegmentKind::UpNext) && ex && !ex->steps.empty()) line = ex->steps.front();
  if (view.paused && view.pause_reason == PauseReason::Automatic) line = ui.strings.get("player.paused_hidden");
  if (!line.empty() && !options_open) {
    ImGui::SetCursorScreenPos(ImVec2(info_left, ImGui::GetCursorScreenPos().y + 10));
    float cy = ImGui::GetCursorScreenPos().y;
    float ch = text_block_height(line, ui.fonts.body, info_w - 24) + 16;
    if (cy + ch < bottom) {
      dl->AddRectFilled(ImVec2(info_left, cy), ImVec2(info_left + info_w, cy + ch), to_u32(ui.palette.banner), 12.0f);
      ImGui::SetCursorScreenPos(ImVec2(info_left + 12, cy + 8));
      text_block(ui, "player.caption", line, ui.fonts.body, ui.palette.text, info_w - 24, Align::Center);
    }
  }

  // Controls: one-handed reach at the bottom.
  Column ctl = landscape ? Column{info_left, info_w} : col;
  const float gap = 10.0f;
  const float side_w = (ctl.width - 2 * gap) * 0.28f;
  const float mid_w = ctl.width - 2 * gap - 2 * side_w;
  float cy = h - 16.0f - controls_h;
  ImGui::SetCursorScreenPos(ImVec2(ctl.left, cy));
  if (secondary_button(ui, "player.previous", ui.strings.get("player.previous"), side_w, 56)) action.kind = PlayerAction::Kind::Previous;
  ImGui::SetCursorScreenPos(ImVec2(ctl.left + side_w + gap, cy));
  if (primary_button(ui, "player.pause", ui.strings.get(view.paused ? "player.resume" : "player.pause"), mid_w, 56)) {
    action.kind = view.paused ? PlayerAction::Kind::Resume : PlayerAction::Kind::Pause;
  }
  ImGui::SetCursorScreenPos(ImVec2(ctl.left + side_w + gap + mid_w + gap, cy));
  if (secondary_button(ui, "player.next", ui.strings.get("player.next"), side_w, 56)) action.kind = PlayerAction::Kind::Next;
  ImGui::SetCursorScreenPos(ImVec2(ctl.left, cy + 56 + 12));
  {
    // "Stop - this hurts": unmistakable, outlined in red.
    ImVec2 p = ImGui::GetCursorScreenPos();
    std::string label = ui.strings.get("player.stop");
    bool stop = tap_button("player.stop", ImVec2(ctl.width, 52));
    bool hovered = ImGui::IsItemHovered();
    dl->AddRectFilled(p, ImVec2(p.x + ctl.width, p.y + 52), to_u32(hovered ? ui.palette.banner : ui.palette.surface), 26);
    dl->AddRect(p, ImVec2(p.x + ctl.width, p.y + 52), to_u32(ui.palette.danger), 26, 0, 2.0f * ui.palette.border_scale);
    ImGui::PushFont(ui.fonts.button);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    draw_text(dl, ui.fonts.button, ImGui::GetFontSize(), ImVec2(p.x + (ctl.width - ts.x) * 0.5f, p.y + (52 - ts.y) * 0.5f),
              to_u32(ui.palette.danger), label.c_str());
    ImGui::PopFont();
    ui.layout.add("player.stop", LayoutKind::Button, p.x, p.y, ctl.width, 52, ts.x > ctl.width - 16);
    if (stop) action.kind = PlayerAction::Kind::Stop;
  }

  // Keyboard: Space pauses or resumes, arrows go back and skip, Esc is "this hurts".
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) {
    action.kind = view.paused ? PlayerAction::Kind::Resume : PlayerAction::Kind::Pause;
  } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false)) {
    action.kind = PlayerAction::Kind::Previous;
  } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), false)) {
    action.kind = PlayerAction::Kind::Next;
  } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    action.kind = PlayerAction::Kind::Stop;
  }
  end_screen();
  return action;
}

BeforeAction draw_pain_before(Ui& ui, const std::string& programme_name) {
  BeforeAction action;
  begin_screen(ui, "before");
  Column col = page_column(ImGui::GetIO().DisplaySize.x, 640.0f);
  if (screen_header(ui, "before", programme_name, true)) action.kind = BeforeAction::Kind::Back;
  begin_scroll_area(ui, "before.scroll");
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16));
  text_block(ui, "before.title", ui.strings.get("before.title"), ui.fonts.title, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  text_block(ui, "before.question", ui.strings.get("before.question"), ui.fonts.heading, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16));
  int n = pain_scale(ui, "before.pain", col, -1);
  if (n >= 0) action = BeforeAction{BeforeAction::Kind::Rate, n};
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
  if (secondary_button(ui, "before.skip", ui.strings.get("before.skip"), col.width, 52)) action.kind = BeforeAction::Kind::Skip;
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 16));
  text_block(ui, "before.why", ui.strings.get("before.why"), ui.fonts.small, ui.palette.text_muted, col.width);
  end_scroll_area();
  end_screen();
  return action;
}

}  // namespace sb
