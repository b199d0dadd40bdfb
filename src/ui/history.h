// history: the progress screen: streak, this week against the plan, a four-week calendar,
// the pain chart, the suggestions of the pain rules (offered, never applied silently), the
// accepted changes (undoable), exercise-by-exercise progress, recent sessions, and backup:
// export, CSV for a clinician, print view, import.
#pragma once

#include <string>
#include <vector>

#include "core/content.h"
#include "core/pain_rules.h"
#include "core/progress.h"
#include "ui/widgets.h"

namespace sb {

// Everything the screen shows, computed once when progress changes (not every frame).
struct HistoryModel {
  int today = 0;
  int streak = 0;
  int week_done = 0;
  int week_target = 0;
  int total = 0;
  std::vector<bool> last_28;  // done, from today - 27 to today
  std::vector<PainPoint> pain;  // the last 60 days
  int threshold = kPainThresholdDefault;
  std::vector<Suggestion> suggestions;
  std::vector<Adjustment> changes;
  std::vector<ExerciseHistory> exercises;  // most recent first, at most 12
  std::vector<SessionLog> recent;          // newest first, at most 10
  std::vector<std::string> notices;        // storage problems, import results (plain words)
  std::vector<bool> notice_danger;
  bool embedded = false;
};

// Builds the model for today (a local day number) from progress.
HistoryModel make_history_model(const Progress& progress, const std::vector<Suggestion>& suggestions, int today,
                                int week_target, int threshold);

struct HistoryAction {
  enum class Kind { None, Back, Accept, Dismiss, Undo, Export, ExportCsv, Print, Import, OpenFull } kind = Kind::None;
  int suggestion = -1;      // Accept, Dismiss
  std::string exercise_id;  // Undo
};

HistoryAction draw_history(Ui& ui, const Content& content, const HistoryModel& model);

// Words for a suggestion: its headline and why.
std::string suggestion_title(const Strings& strings, const Content& content, const Suggestion& s);
std::string suggestion_reason(const Strings& strings, const Content& content, const Suggestion& s, int threshold);
// Words for an accepted change ("less of Bridge").
std::string change_text(const Strings& strings, const Content& content, const Adjustment& a);

// The print view's data (JSON, text only) for the one-page summary.
std::string history_print_report(const Strings& strings, const Content& content, const Progress& progress,
                                 const HistoryModel& model);

}  // namespace sb
