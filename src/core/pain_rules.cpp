// pain_rules: suggestions from the log, and the programme with accepted changes applied.
#include "core/pain_rules.h"

#include <algorithm>
#include <cmath>

namespace sb {

namespace {

int day_of(const SessionLog& s) { return local_day(s.start_ms, s.tz_offset_min); }

bool has_suggestion_for(const std::vector<Suggestion>& list, const std::string& id) {
  return std::any_of(list.begin(), list.end(), [&](const Suggestion& s) { return s.exercise_id == id; });
}

// The easier (or harder) exercise to offer instead of e, or "" when there is none.
std::string step_from(const Exercise& e, bool harder, const Content& content) {
  for (const std::string& id : harder ? e.harder : e.easier) {
    if (content.find_exercise(id)) return id;
  }
  return "";
}

}  // namespace

std::vector<Suggestion> suggest(const Progress& progress, const std::vector<ProgrammeItem>& programme,
                                const Content& content, int threshold_0_10, int today) {
  std::vector<Suggestion> out;
  const int threshold = std::clamp(threshold_0_10, 0, 10);
  auto adjusted = [&](const std::string& id) { return progress.find_adjustment(id) != nullptr; };

  // Pain during an exercise: its latest recent session rated it above the threshold.
  for (const ProgrammeItem& item : programme) {
    const Exercise* e = content.find_exercise(item.exercise);
    if (!e || adjusted(item.exercise) || has_suggestion_for(out, item.exercise)) continue;
    for (auto s = progress.sessions.rbegin(); s != progress.sessions.rend(); ++s) {
      int day = day_of(*s);
      if (day < today - kRecentDays) break;
      auto it = std::find_if(s->items.begin(), s->items.end(),
                             [&](const LogItem& li) { return li.exercise_id == item.exercise && li.outcome != ItemOutcome::NotReached; });
      if (it == s->items.end()) continue;
      if (it->pain_0_10 > threshold) {
        Suggestion sug;
        sug.to_id = step_from(*e, false, content);
        sug.kind = sug.to_id.empty() ? SuggestionKind::LowerDose : SuggestionKind::Easier;
        sug.reason = SuggestionReason::PainDuring;
        sug.exercise_id = item.exercise;
        sug.pain_0_10 = it->pain_0_10;
        sug.day = day;
        out.push_back(sug);
      }
      break;  // only the latest time it was done counts
    }
  }

  // The whole programme: a worse morning, or pain after the last session above the
  // threshold and worse than before it, suggests a lower dose of every exercise.
  const MorningCheck* latest_check = progress.checks.empty() ? nullptr : &progress.checks.back();
  int check_day = latest_check ? day_from_text(latest_check->day) : -1;
  bool worse_morning = latest_check && latest_check->worse && check_day >= today - 1;
  const SessionLog* last = progress.sessions.empty() ? nullptr : &progress.sessions.back();
  bool painful_after = last && day_of(*last) >= today - kRecentDays && last->pain_after > threshold &&
                       (last->pain_before < 0 || last->pain_after > last->pain_before);
  if (worse_morning || painful_after) {
    for (const ProgrammeItem& item : programme) {
      if (!content.find_exercise(item.exercise) || adjusted(item.exercise) || has_suggestion_for(out, item.exercise)) continue;
      Suggestion sug;
      sug.kind = SuggestionKind::LowerDose;
      sug.reason = worse_morning ? SuggestionReason::WorseMorning : SuggestionReason::PainAfter;
      sug.exercise_id = item.exercise;
      sug.pain_0_10 = worse_morning ? -1 : last->pain_after;
      sug.day = worse_morning ? check_day : day_of(*last);
      out.push_back(sug);
    }
    return out;
  }
  if (!out.empty()) return out;

  // A steady week: enough rated sessions over the last seven days, every rating within the
  // threshold, nothing stopped, no worse morning, and a log that is at least a week old.
  if (progress.sessions.empty() || day_of(progress.sessions.front()) > today - (kStableWeekDays - 1)) return out;
  int rated = 0;
  for (const SessionLog& s : progress.sessions) {
    int day = day_of(s);
    if (day < today - (kStableWeekDays - 1) || day > today) continue;
    for (const LogItem& it : s.items) {
      if (it.outcome == ItemOutcome::Stopped || it.pain_0_10 > threshold) return out;
    }
    int pain = s.pain_after >= 0 ? s.pain_after : s.pain_before;
    if (pain > threshold) return out;
    rated += pain >= 0;
  }
  for (const MorningCheck& c : progress.checks) {
    if (c.worse && day_from_text(c.day) >= today - (kStableWeekDays - 1)) return out;
  }
  if (rated < kStableSessionsMin) return out;
  for (const ProgrammeItem& item : programme) {
    const Exercise* e = content.find_exercise(item.exercise);
    if (!e || adjusted(item.exercise) || has_suggestion_for(out, item.exercise)) continue;
    std::string to = step_from(*e, true, content);
    if (to.empty()) continue;
    Suggestion sug;
    sug.kind = SuggestionKind::Harder;
    sug.reason = SuggestionReason::StableLowPain;
    sug.exercise_id = item.exercise;
    sug.to_id = to;
    sug.day = today;
    out.push_back(sug);
  }
  return out;
}

Adjustment adjustment_for(const Suggestion& s, long long at_ms) {
  Adjustment a;
  a.exercise_id = s.exercise_id;
  a.kind = s.kind == SuggestionKind::Easier ? AdjustmentKind::Easier
           : s.kind == SuggestionKind::Harder ? AdjustmentKind::Harder
                                              : AdjustmentKind::LowerDose;
  a.to_id = s.kind == SuggestionKind::LowerDose ? "" : s.to_id;
  a.at_ms = at_ms;
  return a;
}

std::vector<ProgrammeItem> adjusted_programme(const std::vector<ProgrammeItem>& programme,
                                              const std::vector<Adjustment>& adjustments, const Content& content) {
  std::vector<ProgrammeItem> out = programme;
  for (ProgrammeItem& item : out) {
    auto a = std::find_if(adjustments.begin(), adjustments.end(),
                          [&](const Adjustment& x) { return x.exercise_id == item.exercise; });
    if (a == adjustments.end()) continue;
    if (a->kind == AdjustmentKind::LowerDose) {
      Dosage& d = item.dosage;
      d.reps = std::max(1, static_cast<int>(std::lround(d.reps * 2.0 / 3.0)));
      d.reps_max = 0;
      d.sets = std::max(1, d.sets - 1);
      d.sets_max = 0;
      if (d.hold_s > 0) d.hold_s = std::max(3.0, std::round(d.hold_s * 2.0 / 3.0));
      d.hold_max_s = 0;
    } else if (const Exercise* to = content.find_exercise(a->to_id)) {
      item.exercise = to->id;
      item.dosage = to->dosage;
    }
  }
  return out;
}

}  // namespace sb
