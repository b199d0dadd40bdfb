// Tests of the pain-monitoring rules: what suggests an easier variant or a lower dose, what
// suggests a step up, that nothing is suggested twice, and how accepted changes apply.
#include <doctest/doctest.h>

#include "core/pain_rules.h"

namespace sb {
namespace {

constexpr long long kDayMs = 86400000LL;

Content small_content() {
  Content c;
  auto add = [&](const char* id, std::vector<std::string> easier, std::vector<std::string> harder) {
    Exercise e;
    e.id = id;
    e.name = id;
    e.easier = std::move(easier);
    e.harder = std::move(harder);
    e.dosage.reps = 9;
    e.dosage.sets = 3;
    e.dosage.hold_s = 15;
    c.exercises.push_back(e);
  };
  add("bridge", {"bridge-small"}, {"bridge-march"});
  add("bridge-small", {}, {"bridge"});
  add("bridge-march", {"bridge"}, {});
  add("cat-cow", {}, {});
  return c;
}

std::vector<ProgrammeItem> programme(const Content& c) {
  return {ProgrammeItem{"bridge", c.exercises[0].dosage}, ProgrammeItem{"cat-cow", c.exercises[3].dosage}};
}

// A session on day with the given pain during the bridge and after the session.
SessionLog session(int n, int day, int pain_during, int pain_after, int pain_before = -1,
                   ItemOutcome bridge = ItemOutcome::Completed) {
  SessionLog s;
  s.id = "s-" + std::to_string(n);
  s.start_ms = static_cast<long long>(day) * kDayMs + 8 * 3600000LL;
  s.items = {LogItem{"bridge", bridge, 3, 9, 45, pain_during}, LogItem{"cat-cow", ItemOutcome::Completed, 1, 5, 0, -1}};
  s.pain_after = pain_after;
  s.pain_before = pain_before;
  return s;
}

const int kToday = 20413;  // 2025-11-21

}  // namespace

TEST_CASE("pain during an exercise above the threshold suggests its easier variant") {
  Content c = small_content();
  Progress p;
  p.put(session(1, kToday - 1, 5, 1, -1, ItemOutcome::Stopped));
  std::vector<Suggestion> s = suggest(p, programme(c), c, kPainThresholdDefault, kToday);
  REQUIRE(s.size() == 1);
  CHECK(s[0].kind == SuggestionKind::Easier);
  CHECK(s[0].reason == SuggestionReason::PainDuring);
  CHECK(s[0].exercise_id == "bridge");
  CHECK(s[0].to_id == "bridge-small");
  CHECK(s[0].pain_0_10 == 5);
  // At the threshold is fine; a clinician's higher threshold allows more.
  p = Progress();
  p.put(session(1, kToday - 1, 2, 1));
  CHECK(suggest(p, programme(c), c, kPainThresholdDefault, kToday).empty());
  p.put(session(2, kToday, 4, 1));
  CHECK(suggest(p, programme(c), c, 5, kToday).empty());
  CHECK(suggest(p, programme(c), c, 3, kToday).size() == 1);
}

TEST_CASE("only the latest, recent time an exercise was done counts") {
  Content c = small_content();
  Progress p;
  p.put(session(1, kToday - 2, 7, 1));
  p.put(session(2, kToday - 1, 1, 1));  // fine again since
  CHECK(suggest(p, programme(c), c, kPainThresholdDefault, kToday).empty());
  Progress old;
  old.put(session(1, kToday - 10, 7, 1));  // too long ago to act on
  CHECK(suggest(old, programme(c), c, kPainThresholdDefault, kToday).empty());
}

TEST_CASE("without an easier variant, pain during it suggests a lower dose") {
  Content c = small_content();
  Progress p;
  SessionLog s = session(1, kToday, 0, 1);
  s.items[1].pain_0_10 = 6;
  p.put(s);
  std::vector<Suggestion> out = suggest(p, programme(c), c, kPainThresholdDefault, kToday);
  REQUIRE(out.size() == 1);
  CHECK(out[0].exercise_id == "cat-cow");
  CHECK(out[0].kind == SuggestionKind::LowerDose);
}

TEST_CASE("a worse morning suggests a lower dose of every exercise") {
  Content c = small_content();
  Progress p;
  p.put(session(1, kToday - 1, 1, 1));
  p.put(MorningCheck{day_text(kToday), true, kToday * kDayMs});
  std::vector<Suggestion> s = suggest(p, programme(c), c, kPainThresholdDefault, kToday);
  REQUIRE(s.size() == 2);
  for (const Suggestion& x : s) {
    CHECK(x.kind == SuggestionKind::LowerDose);
    CHECK(x.reason == SuggestionReason::WorseMorning);
  }
  // A morning that was not worse suggests nothing.
  p.put(MorningCheck{day_text(kToday), false, kToday * kDayMs});
  CHECK(suggest(p, programme(c), c, kPainThresholdDefault, kToday).empty());
}

TEST_CASE("pain after a session above the threshold and worse than before suggests a lower dose") {
  Content c = small_content();
  Progress p;
  p.put(session(1, kToday, 0, 4, 2));
  std::vector<Suggestion> s = suggest(p, programme(c), c, kPainThresholdDefault, kToday);
  REQUIRE(s.size() == 2);
  CHECK(s[0].reason == SuggestionReason::PainAfter);
  CHECK(s[0].pain_0_10 == 4);
  // High but no worse than before the session: the exercise did not cause it.
  Progress same;
  same.put(session(1, kToday, 0, 4, 4));
  CHECK(suggest(same, programme(c), c, kPainThresholdDefault, kToday).empty());
}

TEST_CASE("a steady week of low pain suggests the next step up") {
  Content c = small_content();
  Progress p;
  for (int d = 0; d < 8; ++d) p.put(session(d, kToday - 7 + d, 1, d % 2 ? 1 : 2));
  std::vector<Suggestion> s = suggest(p, programme(c), c, kPainThresholdDefault, kToday);
  REQUIRE(s.size() == 1);  // cat-cow has no harder variant
  CHECK(s[0].kind == SuggestionKind::Harder);
  CHECK(s[0].reason == SuggestionReason::StableLowPain);
  CHECK(s[0].to_id == "bridge-march");

  SUBCASE("not with a log younger than a week") {
    Progress young;
    for (int d = 3; d < 8; ++d) young.put(session(d, kToday - 7 + d, 1, 1));
    CHECK(suggest(young, programme(c), c, kPainThresholdDefault, kToday).empty());
  }
  SUBCASE("not with too few rated sessions") {
    Progress few;
    few.put(session(0, kToday - 8, 1, 1));
    few.put(session(1, kToday - 1, 1, 1));
    few.put(session(2, kToday, 1, 1));
    CHECK(suggest(few, programme(c), c, kPainThresholdDefault, kToday).empty());
  }
  SUBCASE("not after a worse morning this week") {
    p.put(MorningCheck{day_text(kToday - 4), true, (kToday - 4) * kDayMs});
    CHECK(suggest(p, programme(c), c, kPainThresholdDefault, kToday).empty());
  }
  SUBCASE("not when an exercise was stopped this week") {
    p.put(session(20, kToday - 3, -1, 1, -1, ItemOutcome::Stopped));
    CHECK(suggest(p, programme(c), c, kPainThresholdDefault, kToday).empty());
  }
  SUBCASE("not again once accepted, until undone") {
    p.put(adjustment_for(s[0], kToday * kDayMs));
    CHECK(suggest(p, programme(c), c, kPainThresholdDefault, kToday).empty());
    p.remove_adjustment("bridge");
    CHECK(suggest(p, programme(c), c, kPainThresholdDefault, kToday).size() == 1);
  }
}

TEST_CASE("accepted changes apply to the programme as it is played") {
  Content c = small_content();
  std::vector<ProgrammeItem> items = programme(c);
  std::vector<Adjustment> adj = {Adjustment{"bridge", AdjustmentKind::Easier, "bridge-small", 0},
                                 Adjustment{"cat-cow", AdjustmentKind::LowerDose, "", 0}};
  std::vector<ProgrammeItem> played = adjusted_programme(items, adj, c);
  REQUIRE(played.size() == 2);
  CHECK(played[0].exercise == "bridge-small");
  CHECK(played[1].exercise == "cat-cow");
  CHECK(played[1].dosage.reps == 6);
  CHECK(played[1].dosage.sets == 2);
  CHECK(played[1].dosage.hold_s == 10);
  // The prescription itself is untouched.
  CHECK(items[0].exercise == "bridge");
  CHECK(items[1].dosage.reps == 9);
  // A change towards an exercise that no longer exists leaves the item as prescribed.
  std::vector<Adjustment> stale = {Adjustment{"bridge", AdjustmentKind::Harder, "gone", 0}};
  CHECK(adjusted_programme(items, stale, c)[0].exercise == "bridge");
}

}  // namespace sb
