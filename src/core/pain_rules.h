// pain_rules: the pain-monitoring model (PRODUCT.md, after Silbernagel 2007) turned into
// suggestions for the next session. Pain during an exercise above the threshold, pain after
// a session above it and worse than before, or a morning that is worse than the day before
// suggest an easier variant or a lower dose; a week of low, steady pain suggests the next
// step up. Suggestions are only ever offered: nothing changes until the person accepts, and
// an accepted change (an Adjustment) can be undone.
#pragma once

#include <string>
#include <vector>

#include "core/content.h"
#include "core/progress.h"

namespace sb {

// Pain above this (0-10) counts as too much. Cautious by default: only the "safe" band
// (0-2) passes; a clinician's prescription may set up to 5 ("acceptable").
inline constexpr int kPainThresholdDefault = 2;
inline constexpr int kPainThresholdMax = 5;
inline constexpr int kStableWeekDays = 7;       // "a week of low pain"
inline constexpr int kStableSessionsMin = 3;    // rated sessions needed in that week
inline constexpr int kRecentDays = 3;           // how fresh a painful session must be to count

enum class SuggestionKind { Easier, LowerDose, Harder };
enum class SuggestionReason { PainDuring, PainAfter, WorseMorning, StableLowPain };

struct Suggestion {
  SuggestionKind kind = SuggestionKind::LowerDose;
  SuggestionReason reason = SuggestionReason::PainDuring;
  std::string exercise_id;  // the programme's exercise it is about
  std::string to_id;        // Easier / Harder: the exercise to do instead
  int pain_0_10 = -1;       // the rating behind it (PainDuring, PainAfter)
  int day = 0;              // when that was
};

// Suggestions for the programme's exercises (ids as prescribed) given the log up to today.
// Exercises with an accepted change are not suggested again until it is undone.
std::vector<Suggestion> suggest(const Progress& progress, const std::vector<ProgrammeItem>& programme,
                                const Content& content, int threshold_0_10, int today);

// The adjustment that accepting s makes (at_ms: when).
Adjustment adjustment_for(const Suggestion& s, long long at_ms);

// The programme as it will be played: accepted changes applied (an easier or harder exercise
// takes its own default dosage; a lower dose has about a third fewer reps, a shorter hold and
// one set less, never below one).
std::vector<ProgrammeItem> adjusted_programme(const std::vector<ProgrammeItem>& programme,
                                              const std::vector<Adjustment>& adjustments, const Content& content);

}  // namespace sb
