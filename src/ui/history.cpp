// history: the progress screen and the print summary's data.
#include "ui/history.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include "core/json.h"
#include "core/json_read.h"

namespace sb {

namespace {

std::string name_of(const Content& content, const std::string& id) {
  const Exercise* e = content.find_exercise(id);
  return e ? e->name : id;
}

// Item i of a comma-separated list from the string table ("Jan,Feb,...").
std::string list_item(const std::string& list, int i) {
  size_t at = 0;
  for (int n = 0; n < i; ++n) {
    at = list.find(',', at);
    if (at == std::string::npos) return "";
    ++at;
  }
  return list.substr(at, list.find(',', at) == std::string::npos ? std::string::npos : list.find(',', at) - at);
}

// A short date: "21 Nov 2025".
std::string short_date(const Strings& s, int day) {
  std::string text = day_text(day);
  int month = std::clamp(std::atoi(text.substr(5, 2).c_str()), 1, 12);
  return s.format("date.short", {{"d", std::to_string(std::atoi(text.substr(8, 2).c_str()))},
                                 {"month", list_item(s.get("date.months"), month - 1)},
                                 {"year", text.substr(0, 4)}});
}

void section_title(Ui& ui, const std::string& id, const std::string& text, const Column& col) {
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  text_block(ui, id, text, ui.fonts.heading, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
}

// Three figures side by side in cards; one card a row, label beside figure, when a word of
// them would not fit a third of the column (narrow phones, large text).
void stat_cards(Ui& ui, const HistoryModel& m, const Column& col) {
  const float gap = 8.0f, pad = 12.0f;
  const std::string labels[3] = {ui.strings.get("history.streak"), ui.strings.get("history.week"), ui.strings.get("history.total")};
  const std::string values[3] = {
      m.streak == 1 ? ui.strings.get("history.streak_value_one")
                    : ui.strings.format("history.streak_value", {{"n", std::to_string(m.streak)}}),
      ui.strings.format("history.week_value", {{"n", std::to_string(m.week_done)}, {"target", std::to_string(m.week_target)}}),
      std::to_string(m.total)};
  const char* ids[3] = {"history.stat.streak", "history.stat.week", "history.stat.total"};
  const float third = (col.width - 2 * gap) / 3.0f - 2 * pad;
  bool across = true;
  for (int i = 0; i < 3; ++i) {
    across = across && !word_wider_than(labels[i], ui.fonts.small, third) && !word_wider_than(values[i], ui.fonts.heading, third);
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float y = ImGui::GetCursorScreenPos().y;
  if (across) {
    float ch = 84.0f;
    for (int i = 0; i < 3; ++i) {
      ch = std::max(ch, 2 * pad + text_block_height(labels[i], ui.fonts.small, third) + 6 +
                            text_block_height(values[i], ui.fonts.heading, third));
    }
    for (int i = 0; i < 3; ++i) {
      const float x = col.left + static_cast<float>(i) * (third + 2 * pad + gap);
      dl->AddRectFilled(ImVec2(x, y), ImVec2(x + third + 2 * pad, y + ch), to_u32(ui.palette.surface), 16.0f);
      ImGui::SetCursorScreenPos(ImVec2(x + pad, y + pad));
      text_block(ui, std::string(ids[i]) + ".label", labels[i], ui.fonts.small, ui.palette.text_muted, third);
      ImGui::SetCursorScreenPos(ImVec2(x + pad, ImGui::GetCursorScreenPos().y + 6));
      text_block(ui, ids[i], values[i], ui.fonts.heading, ui.palette.accent, third);
    }
    ImGui::SetCursorScreenPos(ImVec2(col.left, y + ch + 8));
    return;
  }
  const float inner = col.width - 2 * pad, label_w = inner * 0.5f - 4, value_w = inner * 0.5f - 4;
  for (int i = 0; i < 3; ++i) {
    const float lh = text_block_height(labels[i], ui.fonts.small, label_w);
    const float vh = text_block_height(values[i], ui.fonts.heading, value_w);
    const float ch = std::max(lh, vh) + 2 * pad;
    dl->AddRectFilled(ImVec2(col.left, y), ImVec2(col.left + col.width, y + ch), to_u32(ui.palette.surface), 16.0f);
    ImGui::SetCursorScreenPos(ImVec2(col.left + pad, y + (ch - lh) * 0.5f));
    text_block(ui, std::string(ids[i]) + ".label", labels[i], ui.fonts.small, ui.palette.text_muted, label_w);
    ImGui::PushFont(ui.fonts.heading);
    const float vw = std::min(value_w, ImGui::CalcTextSize(values[i].c_str()).x);
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(col.left + col.width - pad - vw, y + (ch - vh) * 0.5f));
    text_block(ui, ids[i], values[i], ui.fonts.heading, ui.palette.accent, vw + 1.0f);
    y += ch + gap;
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, y));
}

// Four weeks, Monday first, a filled dot for each day with a session; today ringed.
void calendar(Ui& ui, const HistoryModel& m, const Column& col) {
  const float cell = std::min(56.0f, col.width / 7.0f);
  const float left = col.left + (col.width - cell * 7) * 0.5f;
  float y = ImGui::GetCursorScreenPos().y;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::string letters = ui.strings.get("history.weekdays");
  std::vector<std::string> names;
  for (int c = 0; c < 7; ++c) names.push_back(list_item(letters, c));
  for (int c = 0; c < 7 && c < static_cast<int>(names.size()); ++c) {
    ImVec2 ts = ui.fonts.small->CalcTextSizeA(ui.fonts.small->FontSize * ui.fonts.small->Scale, 1e9f, 0, names[static_cast<size_t>(c)].c_str());
    draw_text(dl, ui.fonts.small, ui.fonts.small->FontSize * ui.fonts.small->Scale,
                ImVec2(left + static_cast<float>(c) * cell + (cell - ts.x) * 0.5f, y), to_u32(ui.palette.text_muted),
                names[static_cast<size_t>(c)].c_str());
  }
  y += 26;
  const int first = m.today - weekday(m.today) - 21;  // the Monday three weeks before this one
  for (int d = first; d < first + 28; ++d) {
    int r = (d - first) / 7, c = (d - first) % 7;
    ImVec2 centre(left + (static_cast<float>(c) + 0.5f) * cell, y + (static_cast<float>(r) + 0.5f) * cell);
    int back = m.today - d;
    bool done = back >= 0 && back < 28 && m.last_28[static_cast<size_t>(27 - back)];
    float radius = cell * 0.36f;
    if (d > m.today) {
      dl->AddCircle(centre, radius, to_u32(ui.palette.border), 24, 1.0f);
    } else if (done) {
      dl->AddCircleFilled(centre, radius, to_u32(ui.palette.primary), 24);
    } else {
      dl->AddCircleFilled(centre, radius, to_u32(ui.palette.surface), 24);
    }
    if (d == m.today) dl->AddCircle(centre, radius + 3, to_u32(ui.palette.accent), 24, 2.0f);
    std::string num = std::to_string(std::atoi(day_text(d).substr(8, 2).c_str()));
    ImVec2 ts = ui.fonts.small->CalcTextSizeA(ui.fonts.small->FontSize * ui.fonts.small->Scale, 1e9f, 0, num.c_str());
    draw_text(dl, ui.fonts.small, ui.fonts.small->FontSize * ui.fonts.small->Scale,
                ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.5f),
                to_u32(done ? ui.palette.on_primary : ui.palette.text_muted), num.c_str());
    if (done) ui.layout.add("history.day." + day_text(d), LayoutKind::Text, centre.x - radius, centre.y - radius, 2 * radius, 2 * radius);
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, y + cell * 4 + 8));
}

// Pain after each session over the last 60 days: points joined by a line, 0-10 upwards,
// with the person's limit as a dashed line.
void pain_chart(Ui& ui, const HistoryModel& m, const Column& col) {
  if (m.pain.empty()) {
    text_block(ui, "history.pain_none", ui.strings.get("history.pain_none"), ui.fonts.body, ui.palette.text_muted, col.width);
    return;
  }
  const float h = 180.0f, axis = 28.0f;
  const float y0 = ImGui::GetCursorScreenPos().y;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(col.left, y0), ImVec2(col.left + col.width, y0 + h), to_u32(ui.palette.surface), 16.0f);
  const float top = y0 + 16, bottom = y0 + h - 16, left = col.left + axis, right = col.left + col.width - 16;
  auto y_of = [&](double pain) { return bottom - static_cast<float>(pain / 10.0) * (bottom - top); };
  for (int level : {0, 5, 10}) {
    float y = y_of(level);
    dl->AddLine(ImVec2(left, y), ImVec2(right, y), to_u32(ui.palette.border), 1.0f);
    std::string t = std::to_string(level);
    draw_text(dl, ui.fonts.small, ui.fonts.small->FontSize * ui.fonts.small->Scale, ImVec2(col.left + 8, y - 9),
                to_u32(ui.palette.text_muted), t.c_str());
  }
  float ty = y_of(m.threshold);
  for (float x = left; x < right; x += 12) dl->AddLine(ImVec2(x, ty), ImVec2(std::min(x + 6, right), ty), to_u32(ui.palette.danger), 1.5f);
  const int first = m.today - 59;
  std::vector<ImVec2> pts;
  for (const PainPoint& p : m.pain) {
    float x = left + static_cast<float>(p.day - first) / 59.0f * (right - left);
    pts.push_back(ImVec2(x, y_of(p.pain_0_10)));
  }
  if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), to_u32(ui.palette.primary), 0, 2.5f);
  for (const ImVec2& p : pts) dl->AddCircleFilled(p, 4.0f, to_u32(ui.palette.primary), 12);
  ui.layout.add("history.pain_chart", LayoutKind::Figure, col.left, y0, col.width, h);
  ImGui::SetCursorScreenPos(ImVec2(col.left, y0 + h + 6));
  text_block(ui, "history.pain_threshold", ui.strings.format("history.pain_threshold", {{"n", std::to_string(m.threshold)}}),
             ui.fonts.small, ui.palette.danger, col.width);
}

}  // namespace

HistoryModel make_history_model(const Progress& progress, const std::vector<Suggestion>& suggestions, int today,
                                int week_target, int threshold) {
  HistoryModel m;
  m.today = today;
  m.streak = streak_days(progress, today);
  m.week_done = days_done_in_week(progress, today);
  m.week_target = week_target;
  m.threshold = threshold;
  m.last_28.assign(28, false);
  for (int d : done_days(progress, today - 27, today)) m.last_28[static_cast<size_t>(d - (today - 27))] = true;
  for (const SessionLog& s : progress.sessions) {
    m.total += std::any_of(s.items.begin(), s.items.end(), [](const LogItem& it) { return it.outcome == ItemOutcome::Completed; });
  }
  m.pain = pain_trend(progress, today - 59, today);
  m.suggestions = suggestions;
  m.changes = progress.adjustments;
  m.exercises = exercise_histories(progress);
  if (m.exercises.size() > 12) m.exercises.resize(12);
  for (auto s = progress.sessions.rbegin(); s != progress.sessions.rend() && m.recent.size() < 10; ++s) m.recent.push_back(*s);
  return m;
}

std::string suggestion_title(const Strings& strings, const Content& content, const Suggestion& s) {
  std::vector<std::pair<std::string_view, std::string>> v = {{"name", name_of(content, s.exercise_id)},
                                                             {"to", name_of(content, s.to_id)}};
  switch (s.kind) {
    case SuggestionKind::Easier: return strings.format("suggest.easier", v);
    case SuggestionKind::LowerDose: return strings.format("suggest.lower", v);
    case SuggestionKind::Harder: return strings.format("suggest.harder", v);
  }
  return "";
}

std::string suggestion_reason(const Strings& strings, const Content& content, const Suggestion& s, int threshold) {
  std::vector<std::pair<std::string_view, std::string>> v = {
      {"name", name_of(content, s.exercise_id)}, {"pain", std::to_string(s.pain_0_10)}, {"limit", std::to_string(threshold)}};
  switch (s.reason) {
    case SuggestionReason::PainDuring: return strings.format("suggest.why.pain_during", v);
    case SuggestionReason::PainAfter: return strings.format("suggest.why.pain_after", v);
    case SuggestionReason::WorseMorning: return strings.get("suggest.why.morning");
    case SuggestionReason::StableLowPain: return strings.get("suggest.why.steady");
  }
  return "";
}

std::string change_text(const Strings& strings, const Content& content, const Adjustment& a) {
  std::vector<std::pair<std::string_view, std::string>> v = {{"name", name_of(content, a.exercise_id)},
                                                             {"to", name_of(content, a.to_id)}};
  switch (a.kind) {
    case AdjustmentKind::Easier: return strings.format("change.easier", v);
    case AdjustmentKind::LowerDose: return strings.format("change.lower", v);
    case AdjustmentKind::Harder: return strings.format("change.harder", v);
  }
  return "";
}

HistoryAction draw_history(Ui& ui, const Content& content, const HistoryModel& m) {
  HistoryAction action;
  begin_screen(ui, "history");
  Column col = page_column(ImGui::GetIO().DisplaySize.x);
  if (screen_header(ui, "history", ui.strings.get("history.title"), true)) action.kind = HistoryAction::Kind::Back;
  begin_scroll_area(ui, "history.scroll");
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  for (size_t i = 0; i < m.notices.size(); ++i) {
    notice(ui, "history.notice." + std::to_string(i), m.notices[i], col, m.notice_danger[i]);
  }
  if (m.embedded) {
    notice(ui, "history.embedded", ui.strings.get("storage.embedded"), col, false);
    if (secondary_button(ui, "history.open_full", ui.strings.get("history.open_full"), col.width, 52)) {
      action.kind = HistoryAction::Kind::OpenFull;
    }
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 12));
  }
  stat_cards(ui, m, col);
  if (m.total == 0 && m.recent.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
    text_block(ui, "history.empty", ui.strings.get("history.empty"), ui.fonts.body, ui.palette.text_muted, col.width);
  }
  if (!m.suggestions.empty()) {
    section_title(ui, "history.suggestions", ui.strings.get("history.suggestions"), col);
    for (size_t i = 0; i < m.suggestions.size(); ++i) {
      const Suggestion& s = m.suggestions[i];
      const std::string id = "history.suggestion." + std::to_string(i);
      const float pad = 16.0f, inner = col.width - 2 * pad;
      std::string title = suggestion_title(ui.strings, content, s);
      std::string why = suggestion_reason(ui.strings, content, s, m.threshold);
      float h = pad + text_block_height(title, ui.fonts.heading, inner) + 6 + text_block_height(why, ui.fonts.body, inner) + 12 +
                52 + pad;
      ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
      ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(ui.palette.banner), 16.0f);
      ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
      text_block(ui, id + ".title", title, ui.fonts.heading, ui.palette.text, inner);
      ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y + 6));
      text_block(ui, id + ".why", why, ui.fonts.body, ui.palette.text, inner);
      float by = ImGui::GetCursorScreenPos().y + 12, bw = (inner - 8) / 2;
      ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, by));
      if (primary_button(ui, id + ".accept", ui.strings.get("suggest.accept"), bw, 52)) {
        action = HistoryAction{HistoryAction::Kind::Accept, static_cast<int>(i), {}};
      }
      ImGui::SetCursorScreenPos(ImVec2(pos.x + pad + bw + 8, by));
      if (secondary_button(ui, id + ".dismiss", ui.strings.get("suggest.dismiss"), bw, 52)) {
        action = HistoryAction{HistoryAction::Kind::Dismiss, static_cast<int>(i), {}};
      }
      ImGui::SetCursorScreenPos(ImVec2(col.left, pos.y + h + 12));
    }
  }
  if (!m.changes.empty()) {
    section_title(ui, "history.changes", ui.strings.get("history.changes"), col);
    for (const Adjustment& a : m.changes) {
      float y = ImGui::GetCursorScreenPos().y;
      const float bw = 110.0f;
      text_block(ui, "history.change." + a.exercise_id, change_text(ui.strings, content, a), ui.fonts.body, ui.palette.text,
                 col.width - bw - 12);
      float after = ImGui::GetCursorScreenPos().y;
      ImGui::SetCursorScreenPos(ImVec2(col.left + col.width - bw, y));
      if (secondary_button(ui, "history.undo." + a.exercise_id, ui.strings.get("history.undo"), bw, 48)) {
        action.kind = HistoryAction::Kind::Undo;
        action.exercise_id = a.exercise_id;
      }
      ImGui::SetCursorScreenPos(ImVec2(col.left, std::max(after, y + 48) + 10));
    }
  }
  section_title(ui, "history.calendar", ui.strings.get("history.calendar"), col);
  calendar(ui, m, col);
  section_title(ui, "history.pain", ui.strings.get("history.pain"), col);
  pain_chart(ui, m, col);
  if (!m.exercises.empty()) {
    section_title(ui, "history.exercises", ui.strings.get("history.exercises"), col);
    for (const ExerciseHistory& h : m.exercises) {
      const ExercisePoint& last = h.points.back();
      char amount[64];
      if (last.hold_s > 0 && last.reps_done <= 1) {
        std::snprintf(amount, sizeof amount, "%.0f s", last.hold_s);
      } else if (last.hold_s > 0) {
        std::snprintf(amount, sizeof amount, "%d reps, %.0f s held", last.reps_done, last.hold_s);
      } else {
        std::snprintf(amount, sizeof amount, "%d reps", last.reps_done);
      }
      std::string line = h.times_completed == 1
                             ? ui.strings.format("history.exercise_line_one", {{"last", amount}})
                             : ui.strings.format("history.exercise_line", {{"n", std::to_string(h.times_completed)}, {"last", amount}});
      if (h.times_stopped > 0) line += " · " + ui.strings.format("history.exercise_stopped", {{"n", std::to_string(h.times_stopped)}});
      text_block(ui, "history.exercise." + h.exercise_id, name_of(content, h.exercise_id), ui.fonts.body, ui.palette.text, col.width);
      text_block(ui, "history.exercise_line." + h.exercise_id, line, ui.fonts.small, ui.palette.text_muted, col.width);
      ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 10));
    }
  }
  if (!m.recent.empty()) {
    section_title(ui, "history.recent", ui.strings.get("history.recent"), col);
    for (const SessionLog& s : m.recent) {
      int day = local_day(s.start_ms, s.tz_offset_min);
      std::string line = ui.strings.format("history.session_line", {{"date", short_date(ui.strings, day)}, {"programme", s.programme_name}});
      std::string detail;
      int done = 0;
      for (const LogItem& it : s.items) done += it.outcome == ItemOutcome::Completed;
      detail = std::to_string(done) + "/" + std::to_string(s.items.size());
      if (s.pain_before >= 0 || s.pain_after >= 0) {
        detail += " · " + ui.strings.format("history.session_pain", {{"before", s.pain_before >= 0 ? std::to_string(s.pain_before) : "–"},
                                                                      {"after", s.pain_after >= 0 ? std::to_string(s.pain_after) : "–"}});
      }
      if (s.difficulty != Difficulty::None) {
        detail += " · " + ui.strings.get(s.difficulty == Difficulty::Easy ? "summary.easy"
                                         : s.difficulty == Difficulty::Right ? "summary.right" : "summary.hard");
      }
      text_block(ui, "history.session." + s.id, line, ui.fonts.body, ui.palette.text, col.width);
      text_block(ui, "history.session_detail." + s.id, detail, ui.fonts.small, ui.palette.text_muted, col.width);
      if (!s.note.empty()) {
        text_block(ui, "history.session_note." + s.id, ui.strings.format("history.session_note", {{"note", s.note}}),
                   ui.fonts.small, ui.palette.text_muted, col.width);
      }
      ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 10));
    }
  }
  section_title(ui, "history.backup", ui.strings.get("history.backup"), col);
  const struct {
    const char* id;
    const char* key;
    HistoryAction::Kind kind;
  } buttons[] = {{"history.export", "history.export", HistoryAction::Kind::Export},
                 {"history.export_csv", "history.export_csv", HistoryAction::Kind::ExportCsv},
                 {"history.print", "history.print", HistoryAction::Kind::Print},
                 {"history.import", "history.import", HistoryAction::Kind::Import}};
  for (const auto& b : buttons) {
    if (secondary_button(ui, b.id, ui.strings.get(b.key), col.width, 52)) action.kind = b.kind;
    ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 10));
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 24));
  end_scroll_area();
  end_screen();
  return action;
}

std::string history_print_report(const Strings& strings, const Content& content, const Progress& progress,
                                 const HistoryModel& m) {
  (void)content;
  std::string out = "{\"title\":";
  json_append_string(out, strings.get("print.title"));
  out += ",\"subtitle\":";
  json_append_string(out, strings.format("print.subtitle", {{"date", short_date(strings, m.today)}}));
  out += ",\"stats\":[";
  const std::pair<std::string, std::string> stats[] = {
      {strings.get("history.streak"), m.streak == 1 ? strings.get("history.streak_value_one")
                                                    : strings.format("history.streak_value", {{"n", std::to_string(m.streak)}})},
      {strings.get("history.week"), strings.format("history.week_value", {{"n", std::to_string(m.week_done)}, {"target", std::to_string(m.week_target)}})},
      {strings.get("history.total"), std::to_string(m.total)}};
  for (size_t i = 0; i < 3; ++i) {
    out += i ? ",[" : "[";
    json_append_string(out, stats[i].first);
    out += ',';
    json_append_string(out, stats[i].second);
    out += ']';
  }
  out += "],\"painTitle\":";
  json_append_string(out, strings.get("history.pain"));
  out += ",\"pain\":[";
  for (size_t i = 0; i < m.pain.size(); ++i) {
    out += (i ? ",[" : "[") + std::to_string(m.pain[i].day) + "," + std::to_string(m.pain[i].pain_0_10) + "]";
  }
  out += "],\"tableTitle\":";
  json_append_string(out, strings.get("print.table"));
  out += ",\"columns\":[";
  std::string cols = strings.get("print.columns");
  for (size_t at = 0, n = 0;; ++n) {
    size_t comma = cols.find(',', at);
    if (n) out += ',';
    json_append_string(out, cols.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  out += "],\"rows\":[";
  // The last 40 sessions fit one page.
  size_t first = progress.sessions.size() > 40 ? progress.sessions.size() - 40 : 0;
  for (size_t i = first; i < progress.sessions.size(); ++i) {
    const SessionLog& s = progress.sessions[i];
    int done = 0;
    for (const LogItem& it : s.items) done += it.outcome == ItemOutcome::Completed;
    std::string feel = s.difficulty == Difficulty::None ? ""
                       : strings.get(s.difficulty == Difficulty::Easy ? "summary.easy"
                                     : s.difficulty == Difficulty::Right ? "summary.right" : "summary.hard");
    const std::string cells[] = {short_date(strings, local_day(s.start_ms, s.tz_offset_min)), s.programme_name,
                                 std::to_string(done) + "/" + std::to_string(s.items.size()),
                                 s.pain_before >= 0 ? std::to_string(s.pain_before) : "",
                                 s.pain_after >= 0 ? std::to_string(s.pain_after) : "", feel, s.note};
    out += i > first ? ",[" : "[";
    for (size_t c = 0; c < std::size(cells); ++c) {
      if (c) out += ',';
      json_append_string(out, cells[c]);
    }
    out += ']';
  }
  out += "],\"footer\":";
  json_append_string(out, strings.get("print.footer"));
  out += '}';
  return out;
}

}  // namespace sb
