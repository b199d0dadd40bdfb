// Tests of session cues: the full cue list of a small programme against a list written by
// hand, to the millisecond; the window query in wall time (shifted by pauses, none while
// paused, nothing lost or doubled however the span is cut into windows); cues after actions.
#include <doctest/doctest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/cue.h"
#include "core/session.h"

namespace {

using sb::ActionKind;
using sb::CueKind;

const char* kind_name(CueKind kind) {
  switch (kind) {
    case CueKind::GetReady: return "GetReady";
    case CueKind::Move: return "Move";
    case CueKind::HoldStart: return "HoldStart";
    case CueKind::HoldSecond: return "HoldSecond";
    case CueKind::LastThree: return "LastThree";
    case CueKind::Release: return "Release";
    case CueKind::RepDone: return "RepDone";
    case CueKind::Rest: return "Rest";
    case CueKind::SwitchSide: return "SwitchSide";
    case CueKind::SetDone: return "SetDone";
    case CueKind::ExerciseDone: return "ExerciseDone";
    case CueKind::UpNext: return "UpNext";
    case CueKind::SessionDone: return "SessionDone";
  }
  return "?";
}

// "13.000 UpNext i1 s0 r0 - 4": one cue, time shifted by minus offset_s, to the millisecond.
std::string describe(const sb::Cue& c, double offset_s = 0.0) {
  char buf[128];
  const char* side = c.side == sb::Side::Left ? "L" : c.side == sb::Side::Right ? "R" : "-";
  std::snprintf(buf, sizeof buf, "%.3f %s i%d s%d r%d %s %d", c.time_s - offset_s, kind_name(c.kind), c.item,
                c.set, c.rep, side, c.count);
  return buf;
}

std::vector<std::string> describe(const std::vector<sb::Cue>& cues, double offset_s = 0.0) {
  std::vector<std::string> out;
  for (const sb::Cue& c : cues) out.push_back(describe(c, offset_s));
  return out;
}

// Knee rock: 2 reps, hold 2, in 1.5, out 1, rest 1. Side plank: timed 5 s per side, in/out 1.
// Get ready 3, switch sides 2, up next 4.
sb::SessionPlan small_programme() {
  sb::SessionPlan plan;
  sb::SessionItem rock;
  rock.exercise_id = "knee-rock";
  rock.name = "Knee rock";
  rock.reps = 2;
  rock.sets = 1;
  rock.hold_s = 2;
  rock.move_in_s = 1.5;
  rock.move_out_s = 1;
  rock.rest_rep_s = 1;
  sb::SessionItem plank;
  plank.exercise_id = "side-plank";
  plank.name = "Side plank";
  plank.per_side = true;
  plank.timed = true;
  plank.sets = 1;
  plank.hold_s = 5;
  plank.move_in_s = 1;
  plank.move_out_s = 1;
  plan.items = {rock, plank};
  plan.get_ready_s = 3;
  plan.switch_sides_s = 2;
  plan.between_exercises_s = 4;
  return plan;
}

// Written by hand from the plan above.
const std::vector<std::string> kExpected = {
    "0.000 GetReady i0 s0 r0 - 3",
    "1.000 LastThree i0 s0 r0 - 2",
    "2.000 LastThree i0 s0 r0 - 1",
    "3.000 Move i0 s1 r1 - 1",
    "4.500 HoldStart i0 s1 r1 - 2",
    "5.500 LastThree i0 s1 r1 - 1",
    "6.500 Release i0 s1 r1 - 1",
    "7.500 RepDone i0 s1 r1 - 1",
    "7.500 Rest i0 s1 r1 - 1",
    "8.500 Move i0 s1 r2 - 2",
    "10.000 HoldStart i0 s1 r2 - 2",
    "11.000 LastThree i0 s1 r2 - 1",
    "12.000 Release i0 s1 r2 - 2",
    "13.000 RepDone i0 s1 r2 - 2",
    "13.000 SetDone i0 s1 r2 - 1",
    "13.000 ExerciseDone i0 s1 r2 - 0",
    "13.000 UpNext i1 s0 r0 - 4",
    "14.000 LastThree i1 s0 r0 - 3",
    "15.000 LastThree i1 s0 r0 - 2",
    "16.000 LastThree i1 s0 r0 - 1",
    "17.000 Move i1 s1 r0 L 0",
    "18.000 HoldStart i1 s1 r0 L 5",
    "19.000 HoldSecond i1 s1 r0 L 1",
    "20.000 LastThree i1 s1 r0 L 3",
    "21.000 LastThree i1 s1 r0 L 2",
    "22.000 LastThree i1 s1 r0 L 1",
    "23.000 Release i1 s1 r0 L 0",
    "24.000 SwitchSide i1 s1 r0 R 2",
    "25.000 LastThree i1 s1 r0 R 1",
    "26.000 Move i1 s1 r0 R 0",
    "27.000 HoldStart i1 s1 r0 R 5",
    "28.000 HoldSecond i1 s1 r0 R 1",
    "29.000 LastThree i1 s1 r0 R 3",
    "30.000 LastThree i1 s1 r0 R 2",
    "31.000 LastThree i1 s1 r0 R 1",
    "32.000 Release i1 s1 r0 R 0",
    "33.000 SetDone i1 s1 r0 R 1",
    "33.000 ExerciseDone i1 s1 r0 R 0",
    "33.000 SessionDone i-1 s0 r0 - 0",
};

std::vector<std::string> after(const std::vector<std::string>& lines, double from_s) {
  std::vector<std::string> out;
  for (const std::string& line : lines) {
    if (std::stod(line) >= from_s) out.push_back(line);
  }
  return out;
}

sb::Action act(ActionKind kind, double now_s) {
  sb::Action a;
  a.kind = kind;
  a.now_s = now_s;
  return a;
}

constexpr double kStart = 500.0;

}  // namespace

TEST_CASE("cue list of a small programme equals the hand-written list") {
  const sb::Timeline tl = sb::build_timeline(small_programme());
  REQUIRE(tl.total_s == doctest::Approx(33.0));
  const std::vector<sb::Cue> cues = sb::timeline_cues(tl);
  CHECK(describe(cues) == kExpected);
  for (size_t i = 1; i < cues.size(); ++i) CHECK(cues[i - 1].time_s <= cues[i].time_s);
  for (const sb::Cue& c : cues) {
    CHECK(c.caption == sb::cue_caption(c.kind));
    if (c.item == 1) CHECK(c.kind != CueKind::RepDone);  // a timed bout is never counted as reps
  }
  CHECK(cues[4].caption == "cue.hold");
  CHECK(cues[5].caption == "cue.last_three");
}

TEST_CASE("cue counts of a rep's hold count down, with the last three marked") {
  sb::SessionPlan plan;
  sb::SessionItem it;
  it.reps = 1;
  it.hold_s = 6;
  it.move_in_s = 1;
  it.move_out_s = 1;
  plan.items = {it};
  plan.get_ready_s = 0;  // no get ready: left out with its cues
  const std::vector<std::string> expected = {
      "0.000 Move i0 s1 r1 - 1",
      "1.000 HoldStart i0 s1 r1 - 6",
      "2.000 HoldSecond i0 s1 r1 - 5",
      "3.000 HoldSecond i0 s1 r1 - 4",
      "4.000 LastThree i0 s1 r1 - 3",
      "5.000 LastThree i0 s1 r1 - 2",
      "6.000 LastThree i0 s1 r1 - 1",
      "7.000 Release i0 s1 r1 - 1",
      "8.000 RepDone i0 s1 r1 - 1",
      "8.000 SetDone i0 s1 r1 - 1",
      "8.000 ExerciseDone i0 s1 r1 - 0",
      "8.000 SessionDone i-1 s0 r0 - 0",
  };
  CHECK(describe(sb::timeline_cues(sb::build_timeline(plan))) == expected);
  // The counts agree with what the screen shows at each cue.
  const sb::SessionState s = sb::session_start(plan, 0.0);
  for (const sb::Cue& c : sb::timeline_cues(s.timeline)) {
    if (c.kind == CueKind::HoldSecond || c.kind == CueKind::LastThree || c.kind == CueKind::HoldStart) {
      CHECK(sb::session_view(s, c.time_s).count == c.count);
    }
  }
}

TEST_CASE("cue ticks of a hold of fractional length follow the seconds left") {
  sb::SessionPlan plan;
  sb::SessionItem it;
  it.hold_s = 2.5;
  it.move_in_s = 1;
  it.move_out_s = 1;
  plan.items = {it};
  plan.get_ready_s = 0;
  const std::vector<std::string> expected = {
      "0.000 Move i0 s1 r1 - 1",
      "1.000 HoldStart i0 s1 r1 - 3",
      "1.500 LastThree i0 s1 r1 - 2",
      "2.500 LastThree i0 s1 r1 - 1",
      "3.500 Release i0 s1 r1 - 1",
      "4.500 RepDone i0 s1 r1 - 1",
      "4.500 SetDone i0 s1 r1 - 1",
      "4.500 ExerciseDone i0 s1 r1 - 0",
      "4.500 SessionDone i-1 s0 r0 - 0",
  };
  CHECK(describe(sb::timeline_cues(sb::build_timeline(plan))) == expected);
}

TEST_CASE("cues between: wall-time windows of a running session") {
  const sb::SessionState s = sb::session_start(small_programme(), kStart);
  CHECK(describe(sb::cues_between(s, kStart, kStart + 100), kStart) == kExpected);
  CHECK(describe(sb::cues_between(s, kStart - 100, kStart + 100), kStart) == kExpected);
  // [a, b): a cue on the lower edge is in, one on the upper edge is out.
  const std::vector<std::string> expected = {"13.000 RepDone i0 s1 r2 - 2", "13.000 SetDone i0 s1 r2 - 1",
                                             "13.000 ExerciseDone i0 s1 r2 - 0", "13.000 UpNext i1 s0 r0 - 4"};
  CHECK(describe(sb::cues_between(s, kStart + 13, kStart + 14), kStart) == expected);
  CHECK(sb::cues_between(s, kStart + 12.5, kStart + 13).empty());
  CHECK(sb::cues_between(s, kStart + 14, kStart + 14).empty());
  CHECK(sb::cues_between(s, kStart + 15, kStart + 14).empty());
}

TEST_CASE("cues between: many small windows give exactly the cues of one big window") {
  sb::SessionState s = sb::session_start(small_programme(), kStart);
  sb::session_apply(s, act(ActionKind::Pause, kStart + 4.25));
  sb::session_apply(s, act(ActionKind::Resume, kStart + 11.0));
  const std::vector<sb::Cue> whole = sb::cues_between(s, kStart, kStart + 100);
  REQUIRE(!whole.empty());
  for (double step_s : {0.25, 1.0 / 60.0, 0.5, 0.1}) {
    std::vector<sb::Cue> tiled;
    for (int i = 0; kStart + i * step_s < kStart + 100; ++i) {
      const std::vector<sb::Cue> part = sb::cues_between(s, kStart + i * step_s, kStart + (i + 1) * step_s);
      tiled.insert(tiled.end(), part.begin(), part.end());
    }
    CAPTURE(step_s);
    REQUIRE(tiled.size() == whole.size());
    for (size_t i = 0; i < whole.size(); ++i) {
      CHECK(tiled[i].time_s == whole[i].time_s);  // bit for bit
      CHECK(tiled[i].kind == whole[i].kind);
    }
  }
  // Irregular windows, as frames come.
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> frame_s(0.0, 0.8);
  std::vector<sb::Cue> tiled;
  double at_s = kStart;
  while (at_s < kStart + 100) {
    const double next_s = at_s + frame_s(rng);
    const std::vector<sb::Cue> part = sb::cues_between(s, at_s, next_s);
    tiled.insert(tiled.end(), part.begin(), part.end());
    at_s = next_s;
  }
  CHECK(describe(tiled) == describe(whole));
}

TEST_CASE("cues between: after pause and resume, shifted by exactly the pause; none while paused") {
  sb::SessionState s = sb::session_start(small_programme(), kStart);
  sb::session_apply(s, act(ActionKind::Pause, kStart + 10.25));
  CHECK(sb::cues_between(s, kStart, kStart + 1000).empty());
  sb::session_apply(s, act(ActionKind::Resume, kStart + 30.25));  // paused 20 s
  const std::vector<sb::Cue> cues = sb::cues_between(s, kStart + 30.25, kStart + 1000);
  CHECK(describe(cues, kStart + 20.0) == after(kExpected, 10.25));
  CHECK(cues.front().time_s == doctest::Approx(kStart + 31.0).epsilon(1e-12));  // "1" at 11 s of the hold
  // Before the last action there is only history: nothing is scheduled there again.
  CHECK(sb::cues_between(s, kStart, kStart + 30.25).empty());
  // Each pause adds its length again.
  sb::session_apply(s, act(ActionKind::Pause, kStart + 40.0));  // session 20
  sb::session_apply(s, act(ActionKind::Resume, kStart + 45.5));
  CHECK(describe(sb::cues_between(s, kStart + 45.5, kStart + 1000), kStart + 25.5) == after(kExpected, 20.0));
}

TEST_CASE("cues between: Next starts the next exercise's cues at once, nothing left of the old") {
  sb::SessionState s = sb::session_start(small_programme(), kStart);
  sb::session_apply(s, act(ActionKind::Next, kStart + 5.0));  // in rep 1's hold
  const std::vector<std::string> expected_head = {
      "5.000 UpNext i1 s0 r0 - 4",
      "6.000 LastThree i1 s0 r0 - 3",
      "7.000 LastThree i1 s0 r0 - 2",
      "8.000 LastThree i1 s0 r0 - 1",
      "9.000 Move i1 s1 r0 L 0",
  };
  const std::vector<std::string> got = describe(sb::cues_between(s, kStart + 5.0, kStart + 100), kStart);
  REQUIRE(got.size() == kExpected.size() - 16);  // from the up next on, 8 s earlier
  CHECK(std::vector<std::string>(got.begin(), got.begin() + 5) == expected_head);
  CHECK(got.back() == "25.000 SessionDone i-1 s0 r0 - 0");
  // The whole timeline's list keeps what was played of the cut hold, and no end cues for it.
  const std::vector<std::string> all = describe(sb::timeline_cues(s.timeline));
  const std::vector<std::string> played = {
      "0.000 GetReady i0 s0 r0 - 3", "1.000 LastThree i0 s0 r0 - 2", "2.000 LastThree i0 s0 r0 - 1",
      "3.000 Move i0 s1 r1 - 1",     "4.500 HoldStart i0 s1 r1 - 2", "5.000 UpNext i1 s0 r0 - 4",
  };
  CHECK(std::vector<std::string>(all.begin(), all.begin() + 6) == played);
}

TEST_CASE("cues between: removing the last rep during a rest says the set is done now") {
  sb::SessionState s = sb::session_start(small_programme(), kStart);
  sb::session_apply(s, act(ActionKind::RemoveRep, kStart + 8.0));  // the rest after rep 1 of 2
  const std::vector<std::string> expected_head = {
      "8.000 SetDone i0 s1 r1 - 1",
      "8.000 ExerciseDone i0 s1 r1 - 0",
      "8.000 UpNext i1 s0 r0 - 4",
  };
  const std::vector<std::string> got = describe(sb::cues_between(s, kStart + 8.0, kStart + 100), kStart);
  REQUIRE(got.size() >= 3);
  CHECK(std::vector<std::string>(got.begin(), got.begin() + 3) == expected_head);
  CHECK(got.back() == "28.000 SessionDone i-1 s0 r0 - 0");
}

TEST_CASE("cues between: removing the last rep as its rest begins moves the set's end cues there") {
  sb::SessionState s = sb::session_start(small_programme(), kStart);
  sb::session_apply(s, act(ActionKind::RemoveRep, kStart + 7.5));  // the rest's first instant
  const std::vector<std::string> expected_head = {
      "7.500 RepDone i0 s1 r1 - 1",
      "7.500 SetDone i0 s1 r1 - 1",
      "7.500 ExerciseDone i0 s1 r1 - 0",
      "7.500 UpNext i1 s0 r0 - 4",
      "8.500 LastThree i1 s0 r0 - 3",
  };
  const std::vector<std::string> got = describe(sb::cues_between(s, kStart + 7.5, kStart + 100), kStart);
  REQUIRE(got.size() >= 5);
  CHECK(std::vector<std::string>(got.begin(), got.begin() + 5) == expected_head);
}

TEST_CASE("cues between: stopping at an exercise's very start says nothing of it") {
  sb::SessionState s = sb::session_start(small_programme(), kStart);
  sb::session_apply(s, act(ActionKind::Pause, kStart + 13.0));  // the knee rock just ended
  sb::session_apply(s, act(ActionKind::Stop, kStart + 14.0));  // at the plank's up next, 0 s in
  sb::session_apply(s, act(ActionKind::Resume, kStart + 15.0));
  const std::vector<std::string> expected = {
      "13.000 RepDone i0 s1 r2 - 2",
      "13.000 SetDone i0 s1 r2 - 1",
      "13.000 ExerciseDone i0 s1 r2 - 0",
      "13.000 SessionDone i-1 s0 r0 - 0",
  };
  CHECK(describe(sb::cues_between(s, kStart, kStart + 100), kStart + 2.0) == expected);
  CHECK(describe(sb::timeline_cues(s.timeline)).back() == "13.000 SessionDone i-1 s0 r0 - 0");
}

TEST_CASE("cues between: a long timed bout ticks every second, a short window sees one tick") {
  sb::SessionPlan plan;
  sb::SessionItem walk;
  walk.timed = true;
  walk.hold_s = 600;
  walk.move_in_s = 1;
  walk.move_out_s = 1;
  plan.items = {walk};
  const sb::Timeline tl = sb::build_timeline(plan);
  int seconds = 0, last_three = 0;
  for (const sb::Cue& c : sb::timeline_cues(tl)) {
    seconds += c.kind == CueKind::HoldSecond;
    last_three += c.kind == CueKind::LastThree && c.item == 0 && c.set == 1;
  }
  CHECK(seconds == 596);
  CHECK(last_three == 3);
  const sb::SessionState s = sb::session_start(plan, 0.0);
  const std::vector<sb::Cue> cues = sb::cues_between(s, 304.0, 305.0);  // bout began at 4
  REQUIRE(cues.size() == 1);
  CHECK(describe(cues[0]) == "304.000 HoldSecond i0 s1 r0 - 300");
}
