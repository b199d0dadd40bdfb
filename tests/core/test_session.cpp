// Tests of the session timeline and player: timelines of a matrix of dosages against hand-
// computed figures, equal time for both sides, a timed bout never counted as reps, every
// action at exact times, and views at any moment (also after huge gaps) being exact.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/session.h"

namespace {

using sb::ActionKind;
using sb::ItemOutcome;
using sb::SegmentKind;
using sb::Side;

constexpr double kTol = 1e-9;

const char* kind_name(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::GetReady: return "GetReady";
    case SegmentKind::MoveIn: return "MoveIn";
    case SegmentKind::Hold: return "Hold";
    case SegmentKind::MoveOut: return "MoveOut";
    case SegmentKind::RestRep: return "RestRep";
    case SegmentKind::RestSet: return "RestSet";
    case SegmentKind::SwitchSides: return "SwitchSides";
    case SegmentKind::UpNext: return "UpNext";
    case SegmentKind::Done: return "Done";
  }
  return "?";
}

const char* side_name(Side side) { return side == Side::Left ? "L" : side == Side::Right ? "R" : "-"; }

// "MoveOut i0 s1 r2 - 24.000+3.000 rep set item": one segment, to the millisecond.
std::string describe(const sb::Segment& g) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s i%d s%d r%d %s %.3f+%.3f%s%s%s", kind_name(g.kind), g.item, g.set,
                g.rep, side_name(g.side), g.start_s, g.duration_s, g.ends_rep ? " rep" : "",
                g.ends_set ? " set" : "", g.ends_item ? " item" : "");
  return buf;
}

std::vector<std::string> describe(const sb::Timeline& tl) {
  std::vector<std::string> out;
  for (const sb::Segment& g : tl.segments) out.push_back(describe(g));
  return out;
}

sb::SessionItem reps_item(const char* name, int reps, int sets, double hold_s, double in_s, double out_s,
                          double rest_rep_s, double rest_set_s, bool per_side = false) {
  sb::SessionItem it;
  it.exercise_id = name;
  it.name = name;
  it.per_side = per_side;
  it.reps = reps;
  it.sets = sets;
  it.hold_s = hold_s;
  it.move_in_s = in_s;
  it.move_out_s = out_s;
  it.rest_rep_s = rest_rep_s;
  it.rest_set_s = rest_set_s;
  return it;
}

sb::SessionItem timed_item(const char* name, double hold_s, int sets, double in_s, double out_s,
                           double rest_set_s, bool per_side = false) {
  sb::SessionItem it = reps_item(name, 5, sets, hold_s, in_s, out_s, 10, rest_set_s, per_side);
  it.timed = true;  // reps 5 and rest_rep_s 10 must be ignored
  return it;
}

sb::SessionPlan plan_of(std::vector<sb::SessionItem> items) {
  sb::SessionPlan p;
  p.items = std::move(items);
  return p;
}

double sum_of_durations(const sb::Timeline& tl) {
  double sum = 0;
  for (const sb::Segment& g : tl.segments) sum += g.duration_s;
  return sum;
}

// Segments are back to back from 0 and end with Done at total_s.
void check_contiguous(const sb::Timeline& tl) {
  REQUIRE(!tl.segments.empty());
  double t = 0;
  for (const sb::Segment& g : tl.segments) {
    CHECK(g.start_s == doctest::Approx(t).epsilon(kTol));
    t = g.start_s + g.duration_s;
  }
  CHECK(tl.segments.back().kind == SegmentKind::Done);
  CHECK(tl.total_s == doctest::Approx(tl.segments.back().start_s));
}

sb::Action act(ActionKind kind, double now_s) {
  sb::Action a;
  a.kind = kind;
  a.now_s = now_s;
  return a;
}

sb::Action tempo_action(double tempo, double now_s) {
  sb::Action a = act(ActionKind::SetTempo, now_s);
  a.tempo = tempo;
  return a;
}

// Bridge: 3 reps x 2 sets, hold 2, tempo 1/1, rest 1 between reps, 5 between sets (33 s);
// then a timed plank of 10 s, tempo 2/2 (14 s). With get ready 3 and up next 10: 60 s.
//   0 GetReady | set 1: 3 MoveIn 4 Hold 6 MoveOut 7 Rest 8 MoveIn 9 Hold 11 MoveOut 12 Rest
//   13 MoveIn 14 Hold 16 MoveOut 17 | 17 RestSet | set 2: 22..36 | 36 UpNext | 46 MoveIn
//   48 Hold 58 MoveOut | 60 Done
sb::SessionPlan bridge_and_plank() {
  return plan_of({reps_item("bridge", 3, 2, 2, 1, 1, 1, 5), timed_item("plank", 10, 1, 2, 2, 0)});
}

constexpr double kStart = 1000.0;  // wall time of session_start in the player tests

}  // namespace

// ---- timelines -----------------------------------------------------------------------------

TEST_CASE("session timeline: reps with holds, rests between reps and sets") {
  sb::SessionPlan plan = plan_of({reps_item("pelvic-tilt", 2, 2, 5, 2, 3, 4, 30)});
  const sb::Timeline tl = sb::build_timeline(plan);
  const std::vector<std::string> expected = {
      "GetReady i0 s0 r0 - 0.000+3.000",
      "MoveIn i0 s1 r1 - 3.000+2.000",
      "Hold i0 s1 r1 - 5.000+5.000",
      "MoveOut i0 s1 r1 - 10.000+3.000 rep",
      "RestRep i0 s1 r1 - 13.000+4.000",
      "MoveIn i0 s1 r2 - 17.000+2.000",
      "Hold i0 s1 r2 - 19.000+5.000",
      "MoveOut i0 s1 r2 - 24.000+3.000 rep set",
      "RestSet i0 s1 r0 - 27.000+30.000",
      "MoveIn i0 s2 r1 - 57.000+2.000",
      "Hold i0 s2 r1 - 59.000+5.000",
      "MoveOut i0 s2 r1 - 64.000+3.000 rep",
      "RestRep i0 s2 r1 - 67.000+4.000",
      "MoveIn i0 s2 r2 - 71.000+2.000",
      "Hold i0 s2 r2 - 73.000+5.000",
      "MoveOut i0 s2 r2 - 78.000+3.000 rep set item",
      "Done i-1 s0 r0 - 81.000+0.000",
  };
  CHECK(describe(tl) == expected);
  // 3 get ready + 2 sets x (2 reps x (2 + 5 + 3) + 1 rest x 4) + 1 set rest x 30 = 81
  CHECK(tl.total_s == doctest::Approx(81.0));
  CHECK(sum_of_durations(tl) == doctest::Approx(tl.total_s));
  check_contiguous(tl);
}

TEST_CASE("session timeline: a single plain rep without hold or rest") {
  const sb::Timeline tl = sb::build_timeline(plan_of({reps_item("cat-cow", 1, 1, 0, 2, 3, 0, 0)}));
  const std::vector<std::string> expected = {
      "GetReady i0 s0 r0 - 0.000+3.000",
      "MoveIn i0 s1 r1 - 3.000+2.000",
      "MoveOut i0 s1 r1 - 5.000+3.000 rep set item",
      "Done i-1 s0 r0 - 8.000+0.000",
  };
  CHECK(describe(tl) == expected);
  CHECK(tl.total_s == doctest::Approx(8.0));
}

TEST_CASE("session timeline: several reps with zero hold and zero rests run straight on") {
  const sb::Timeline tl = sb::build_timeline(plan_of({reps_item("cat-cow", 3, 1, 0, 1.5, 1.5, 0, 0)}));
  CHECK(tl.segments.size() == 1 + 3 * 2 + 1);  // no Hold, no RestRep
  for (const sb::Segment& g : tl.segments) {
    CHECK(g.kind != SegmentKind::Hold);
    CHECK(g.kind != SegmentKind::RestRep);
  }
  CHECK(tl.total_s == doctest::Approx(3 + 3 * 3.0));
  CHECK(describe(tl.segments[5]) == "MoveIn i0 s1 r3 - 9.000+1.500");
}

TEST_CASE("session timeline: per side gives both sides exactly the same time") {
  sb::SessionPlan plan = plan_of({reps_item("knee-to-chest", 2, 2, 3, 1, 1, 2, 10, true)});
  plan.switch_sides_s = 5;
  const sb::Timeline tl = sb::build_timeline(plan);
  // 3 + 2 sets x (2 sides x (2 x (1 + 3 + 1) + 2) + 5 switch) + 10 = 71
  CHECK(tl.total_s == doctest::Approx(71.0));
  CHECK(sum_of_durations(tl) == doctest::Approx(tl.total_s));
  check_contiguous(tl);
  const std::vector<std::string> first_set = {
      "GetReady i0 s0 r0 - 0.000+3.000",
      "MoveIn i0 s1 r1 L 3.000+1.000",
      "Hold i0 s1 r1 L 4.000+3.000",
      "MoveOut i0 s1 r1 L 7.000+1.000 rep",
      "RestRep i0 s1 r1 L 8.000+2.000",
      "MoveIn i0 s1 r2 L 10.000+1.000",
      "Hold i0 s1 r2 L 11.000+3.000",
      "MoveOut i0 s1 r2 L 14.000+1.000 rep",
      "SwitchSides i0 s1 r0 R 15.000+5.000",
      "MoveIn i0 s1 r1 R 20.000+1.000",
      "Hold i0 s1 r1 R 21.000+3.000",
      "MoveOut i0 s1 r1 R 24.000+1.000 rep",
      "RestRep i0 s1 r1 R 25.000+2.000",
      "MoveIn i0 s1 r2 R 27.000+1.000",
      "Hold i0 s1 r2 R 28.000+3.000",
      "MoveOut i0 s1 r2 R 31.000+1.000 rep set",
      "RestSet i0 s1 r0 - 32.000+10.000",
  };
  const std::vector<std::string> got = describe(tl);
  CHECK(std::vector<std::string>(got.begin(), got.begin() + 17) == first_set);
  // Per set, the left and right sequences of (kind, rep, duration) are identical.
  for (int set = 1; set <= 2; ++set) {
    std::vector<std::string> left, right;
    double left_s = 0, right_s = 0;
    for (const sb::Segment& g : tl.segments) {
      if (g.set != set || g.kind == SegmentKind::SwitchSides) continue;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s r%d %.9f", kind_name(g.kind), g.rep, g.duration_s);
      if (g.side == Side::Left) left.push_back(buf), left_s += g.duration_s;
      if (g.side == Side::Right) right.push_back(buf), right_s += g.duration_s;
    }
    CHECK(left.size() == 7);
    CHECK(left == right);
    CHECK(left_s == right_s);
  }
}

TEST_CASE("session timeline: per side without a set rest switches sides between sets too") {
  sb::SessionPlan plan = plan_of({reps_item("clam", 1, 2, 0, 1, 1, 0, 0, true)});
  plan.switch_sides_s = 4;
  const std::vector<std::string> expected = {
      "GetReady i0 s0 r0 - 0.000+3.000",
      "MoveIn i0 s1 r1 L 3.000+1.000",
      "MoveOut i0 s1 r1 L 4.000+1.000 rep",
      "SwitchSides i0 s1 r0 R 5.000+4.000",
      "MoveIn i0 s1 r1 R 9.000+1.000",
      "MoveOut i0 s1 r1 R 10.000+1.000 rep set",
      "SwitchSides i0 s2 r0 L 11.000+4.000",
      "MoveIn i0 s2 r1 L 15.000+1.000",
      "MoveOut i0 s2 r1 L 16.000+1.000 rep",
      "SwitchSides i0 s2 r0 R 17.000+4.000",
      "MoveIn i0 s2 r1 R 21.000+1.000",
      "MoveOut i0 s2 r1 R 22.000+1.000 rep set item",
      "Done i-1 s0 r0 - 23.000+0.000",
  };
  CHECK(describe(sb::build_timeline(plan)) == expected);
}

TEST_CASE("session timeline: a timed bout is one hold per set, never reps") {
  const sb::Timeline tl = sb::build_timeline(plan_of({timed_item("wall-sit", 30, 3, 2, 2, 20)}));
  const std::vector<std::string> expected = {
      "GetReady i0 s0 r0 - 0.000+3.000",
      "MoveIn i0 s1 r0 - 3.000+2.000",
      "Hold i0 s1 r0 - 5.000+30.000",
      "MoveOut i0 s1 r0 - 35.000+2.000 set",
      "RestSet i0 s1 r0 - 37.000+20.000",
      "MoveIn i0 s2 r0 - 57.000+2.000",
      "Hold i0 s2 r0 - 59.000+30.000",
      "MoveOut i0 s2 r0 - 89.000+2.000 set",
      "RestSet i0 s2 r0 - 91.000+20.000",
      "MoveIn i0 s3 r0 - 111.000+2.000",
      "Hold i0 s3 r0 - 113.000+30.000",
      "MoveOut i0 s3 r0 - 143.000+2.000 set item",
      "Done i-1 s0 r0 - 145.000+0.000",
  };
  CHECK(describe(tl) == expected);  // reps 5 and rest_rep_s 10 of the input play no part
  for (const sb::Segment& g : tl.segments) CHECK_FALSE(g.ends_rep);
}

TEST_CASE("session timeline: a timed bout per side holds equally on each side") {
  sb::SessionPlan plan = plan_of({timed_item("side-plank", 20, 1, 1.5, 1.5, 0, true)});
  const sb::Timeline tl = sb::build_timeline(plan);
  const std::vector<std::string> expected = {
      "GetReady i0 s0 r0 - 0.000+3.000",
      "MoveIn i0 s1 r0 L 3.000+1.500",
      "Hold i0 s1 r0 L 4.500+20.000",
      "MoveOut i0 s1 r0 L 24.500+1.500",
      "SwitchSides i0 s1 r0 R 26.000+5.000",
      "MoveIn i0 s1 r0 R 31.000+1.500",
      "Hold i0 s1 r0 R 32.500+20.000",
      "MoveOut i0 s1 r0 R 52.500+1.500 set item",
      "Done i-1 s0 r0 - 54.000+0.000",
  };
  CHECK(describe(tl) == expected);
}

TEST_CASE("session timeline: up next between exercises, get ready only first, nothing after the last") {
  sb::SessionPlan plan = plan_of({reps_item("a", 1, 1, 0, 1, 1, 0, 0), reps_item("b", 1, 1, 0, 1, 1, 0, 0),
                                  reps_item("c", 1, 1, 0, 1, 1, 0, 0)});
  plan.get_ready_s = 3;
  plan.between_exercises_s = 10;
  const std::vector<std::string> expected = {
      "GetReady i0 s0 r0 - 0.000+3.000",
      "MoveIn i0 s1 r1 - 3.000+1.000",
      "MoveOut i0 s1 r1 - 4.000+1.000 rep set item",
      "UpNext i1 s0 r0 - 5.000+10.000",
      "MoveIn i1 s1 r1 - 15.000+1.000",
      "MoveOut i1 s1 r1 - 16.000+1.000 rep set item",
      "UpNext i2 s0 r0 - 17.000+10.000",
      "MoveIn i2 s1 r1 - 27.000+1.000",
      "MoveOut i2 s1 r1 - 28.000+1.000 rep set item",
      "Done i-1 s0 r0 - 29.000+0.000",
  };
  CHECK(describe(sb::build_timeline(plan)) == expected);
}

TEST_CASE("session timeline: an empty plan is just Done") {
  const sb::Timeline tl = sb::build_timeline(sb::SessionPlan{});
  REQUIRE(tl.segments.size() == 1);
  CHECK(tl.segments[0].kind == SegmentKind::Done);
  CHECK(tl.total_s == 0.0);
  const sb::SessionView v = sb::session_view(sb::session_start(sb::SessionPlan{}, 5), 6);
  CHECK(v.finished);
}

TEST_CASE("session timeline: totals over a matrix of dosages equal a closed-form figure") {
  int plans = 0;
  for (int reps : {1, 2, 5}) {
    for (int sets : {1, 3}) {
      for (double hold_s : {0.0, 2.5, 10.0}) {
        for (double rest_rep_s : {0.0, 1.5}) {
          for (double rest_set_s : {0.0, 30.0}) {
            for (int shape = 0; shape < 3; ++shape) {  // plain, per side, timed
              const bool per_side = shape == 1;
              const bool timed = shape == 2;
              sb::SessionItem a = reps_item("a", reps, sets, hold_s, 1.25, 2.0, rest_rep_s, rest_set_s, per_side);
              a.timed = timed;
              sb::SessionPlan plan = plan_of({a, reps_item("b", 2, 1, 1, 1, 1, 1, 0)});
              plan.switch_sides_s = 4;
              const sb::Timeline tl = sb::build_timeline(plan);
              const double rep_s = 1.25 + hold_s + 2.0;
              const double side_s = timed ? rep_s : reps * rep_s + (reps - 1) * rest_rep_s;
              const double set_s = (per_side ? 2 * side_s + 4 : side_s);
              const double between_sets_s = per_side && rest_set_s == 0 ? 4 : rest_set_s;
              const double a_s = sets * set_s + (sets - 1) * between_sets_s;
              const double b_s = 2 * (1 + 1 + 1) + 1;
              const double expected_s = 3 + a_s + 10 + b_s;
              CAPTURE(reps);
              CAPTURE(sets);
              CAPTURE(hold_s);
              CAPTURE(rest_rep_s);
              CAPTURE(rest_set_s);
              CAPTURE(shape);
              CHECK(tl.total_s == doctest::Approx(expected_s).epsilon(kTol));
              CHECK(sum_of_durations(tl) == doctest::Approx(tl.total_s).epsilon(kTol));
              check_contiguous(tl);
              int rep_ends = 0, set_ends = 0, item_ends = 0;
              for (const sb::Segment& g : tl.segments) {
                rep_ends += g.item == 0 && g.ends_rep;
                set_ends += g.item == 0 && g.ends_set;
                item_ends += g.ends_item;
                CHECK((g.duration_s > 0 || g.kind == SegmentKind::Done));
              }
              CHECK(rep_ends == (timed ? 0 : reps * sets * (per_side ? 2 : 1)));
              CHECK(set_ends == sets);
              CHECK(item_ends == 2);
              // Rebuilding from the get-ready countdown with tempo 2 doubles every move.
              sb::SessionState slow = sb::session_start(plan, 0.0);
              sb::session_apply(slow, tempo_action(2.0, 1.0));
              const double moves = (timed ? 1 : reps) * (per_side ? 2 : 1) * sets;
              CHECK(slow.timeline.total_s ==
                    doctest::Approx(expected_s + moves * (1.25 + 2.0) + 2 * 2.0).epsilon(kTol));
              check_contiguous(slow.timeline);
              // One more rep in the first set adds one rep and one rest per side, timed: nothing.
              sb::SessionState more = sb::session_start(plan, 0.0);
              sb::session_apply(more, act(ActionKind::AddRep, 3.5));
              const double added_s = timed ? 0.0 : (per_side ? 2 : 1) * (rep_s + rest_rep_s);
              CHECK(more.timeline.total_s == doctest::Approx(expected_s + added_s).epsilon(kTol));
              check_contiguous(more.timeline);
              ++plans;
            }
          }
        }
      }
    }
  }
  CHECK(plans == 216);
}

TEST_CASE("session timeline: bad figures are clamped or left out, never crash") {
  sb::SessionItem bad = reps_item("bad", 0, 1000, -5, std::nan(""), 1e300, -1, 0);
  const sb::Timeline tl = sb::build_timeline(plan_of({bad}));
  int moves = 0;
  for (const sb::Segment& g : tl.segments) {
    CHECK(std::isfinite(g.duration_s));
    CHECK(g.kind != SegmentKind::Hold);     // negative hold: none
    CHECK(g.kind != SegmentKind::MoveIn);   // not a number: none
    CHECK(g.kind != SegmentKind::RestRep);  // a single rep
    moves += g.kind == SegmentKind::MoveOut;
  }
  CHECK(moves == sb::kSessionSetsMax);  // reps 0 -> 1, sets 1000 -> 10
  CHECK(tl.total_s == doctest::Approx(3 + 10 * 86400.0));  // 1e300 s -> a day
}

TEST_CASE("session timeline: segment_at finds the segment playing at a session time") {
  const sb::Timeline tl = sb::build_timeline(bridge_and_plank());
  CHECK(tl.total_s == doctest::Approx(60.0));
  CHECK(tl.segments[sb::segment_at(tl, 0.0)].kind == SegmentKind::GetReady);
  CHECK(tl.segments[sb::segment_at(tl, -5.0)].kind == SegmentKind::GetReady);
  CHECK(describe(tl.segments[sb::segment_at(tl, 4.0)]) == "Hold i0 s1 r1 - 4.000+2.000");  // starts count
  CHECK(describe(tl.segments[sb::segment_at(tl, 5.999)]) == "Hold i0 s1 r1 - 4.000+2.000");
  CHECK(tl.segments[sb::segment_at(tl, 6.0)].kind == SegmentKind::MoveOut);
  CHECK(tl.segments[sb::segment_at(tl, 60.0)].kind == SegmentKind::Done);
  CHECK(tl.segments[sb::segment_at(tl, 1e12)].kind == SegmentKind::Done);
}

// ---- the player: views ----------------------------------------------------------------------

TEST_CASE("session view: the screen at arbitrary moments, in any order, with huge gaps") {
  const sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);

  sb::SessionView v = sb::session_view(s, kStart + 1e7);  // a huge gap first: finished
  CHECK(v.finished);
  CHECK(v.kind == SegmentKind::Done);
  CHECK(v.session_left_s == 0.0);
  CHECK(v.session_s == doctest::Approx(60.0));
  REQUIRE(v.records.size() == 2);
  CHECK(v.records[0].outcome == ItemOutcome::Completed);
  CHECK(v.records[0].sets[0].reps_done == 3);
  CHECK(v.records[0].sets[1].reps_done == 3);
  CHECK(v.records[0].sets[1].done);
  CHECK(v.records[0].hold_done_s == doctest::Approx(12.0));
  CHECK(v.records[1].outcome == ItemOutcome::Completed);
  CHECK(v.records[1].sets[0].reps_done == 0);  // a plank is never counted as reps
  CHECK(v.records[1].hold_done_s == doctest::Approx(10.0));

  v = sb::session_view(s, kStart + 0.5);  // then back to the start: the view is pure
  CHECK(v.kind == SegmentKind::GetReady);
  CHECK(v.item == 0);
  CHECK(v.count == 3);
  CHECK(v.sets == 2);
  CHECK(v.reps == 3);
  CHECK(v.records[0].outcome == ItemOutcome::InProgress);
  CHECK(v.records[1].outcome == ItemOutcome::NotReached);

  v = sb::session_view(s, kStart + 2.0);
  CHECK(v.count == 1);  // 3 2 1, changing on whole seconds

  v = sb::session_view(s, kStart + 4.5);
  CHECK(v.kind == SegmentKind::Hold);
  CHECK(v.set == 1);
  CHECK(v.rep == 1);
  CHECK(v.reps == 3);
  CHECK(v.count == 2);  // a rep's hold counts down: ceil(1.5)
  CHECK(v.progress == doctest::Approx(0.25));
  CHECK(v.segment_left_s == doctest::Approx(1.5));
  CHECK(v.session_left_s == doctest::Approx(55.5));
  CHECK(v.next_item == 1);
  CHECK(v.reps_editable);
  CHECK(v.records[0].sets[0].hold_done_s == doctest::Approx(0.5));

  v = sb::session_view(s, kStart + 5.0);
  CHECK(v.count == 1);

  v = sb::session_view(s, kStart + 19.0);
  CHECK(v.kind == SegmentKind::RestSet);
  CHECK(v.set == 1);
  CHECK(v.count == 3);
  CHECK_FALSE(v.reps_editable);
  CHECK(v.records[0].sets[0].done);
  CHECK(v.records[0].sets[0].reps_done == 3);

  v = sb::session_view(s, kStart + 40.0);
  CHECK(v.kind == SegmentKind::UpNext);
  CHECK(v.item == 1);  // the coming exercise
  CHECK(v.count == 6);
  CHECK(v.next_item == -1);
  CHECK(v.records[0].outcome == ItemOutcome::Completed);
  CHECK(v.records[1].outcome == ItemOutcome::InProgress);

  v = sb::session_view(s, kStart + 52.25);
  CHECK(v.kind == SegmentKind::Hold);
  CHECK(v.rep == 0);
  CHECK(v.reps == 0);
  CHECK(v.count == 4);  // a timed bout counts up: floor(4.25)
  CHECK(v.segment_left_s == doctest::Approx(5.75));
  CHECK_FALSE(v.reps_editable);

  v = sb::session_view(s, kStart + 60.0);
  CHECK(v.finished);
  v = sb::session_view(s, kStart - 50.0);  // before the start: the start
  CHECK(v.session_s == 0.0);
}

TEST_CASE("session view: exact far from zero on a wall clock of days") {
  const double start = 3 * 86400.0 + 0.123;
  const sb::SessionState s = sb::session_start(bridge_and_plank(), start);
  for (int i = 0; i <= 600; ++i) {
    const double at_s = i * 0.1;
    const sb::SessionView v = sb::session_view(s, start + at_s);
    CHECK(v.session_s == doctest::Approx(at_s).epsilon(kTol));
    CHECK(v.session_s + v.session_left_s == doctest::Approx(60.0).epsilon(kTol));
  }
}

// ---- the player: actions --------------------------------------------------------------------

TEST_CASE("session pause and resume: frozen while paused, then shifted by exactly the pause") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::Resume, kStart + 2.0));  // not paused: ignored
  CHECK(s.revision == 0);
  sb::session_apply(s, act(ActionKind::Pause, kStart + 5.5));
  CHECK(s.revision == 1);
  sb::SessionView v = sb::session_view(s, kStart + 50.0);
  CHECK(v.paused);
  CHECK(v.pause_reason == sb::PauseReason::User);
  CHECK(v.session_s == doctest::Approx(5.5));
  CHECK(v.kind == SegmentKind::Hold);
  CHECK(v.segment_left_s == doctest::Approx(0.5));
  CHECK(sb::session_view(s, kStart + 1e6).session_s == doctest::Approx(5.5));

  sb::session_apply(s, act(ActionKind::Pause, kStart + 60.0));  // already paused: ignored
  CHECK(s.revision == 1);

  sb::session_apply(s, act(ActionKind::Resume, kStart + 105.5));
  v = sb::session_view(s, kStart + 105.75);
  CHECK_FALSE(v.paused);
  CHECK(v.session_s == doctest::Approx(5.75));
  CHECK(v.kind == SegmentKind::Hold);
  CHECK(v.segment_left_s == doctest::Approx(0.25));
  CHECK(sb::session_view(s, kStart + 160.0 - 1e-6).kind == SegmentKind::MoveOut);
  CHECK(sb::session_view(s, kStart + 160.0).finished);  // 60 s of session + 100 s paused
  CHECK(sb::session_wall_time(s, 60.0) == doctest::Approx(kStart + 160.0));
  CHECK(s.timeline.total_s == doctest::Approx(60.0));   // pausing never changes the timeline

  sb::Action hidden = act(ActionKind::Pause, kStart + 110.0);
  hidden.automatic = true;
  sb::session_apply(s, hidden);
  v = sb::session_view(s, kStart + 500.0);
  CHECK(v.pause_reason == sb::PauseReason::Automatic);
  CHECK(v.session_s == doctest::Approx(10.0));
  sb::session_apply(s, act(ActionKind::Resume, kStart + 600.0));
  CHECK(sb::session_view(s, kStart + 650.0).session_s == doctest::Approx(60.0));
  CHECK(sb::session_view(s, kStart + 650.0).finished);
}

TEST_CASE("session actions: a timestamp earlier than the last action counts as that action's time") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::Pause, kStart + 10.0));
  sb::session_apply(s, act(ActionKind::Resume, kStart + 5.0));  // clock went back: treat as 10
  CHECK(sb::session_view(s, kStart + 12.0).session_s == doctest::Approx(12.0));
}

TEST_CASE("session next: to the start of the next exercise, the rest recorded as skipped") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::Next, kStart + 10.0));  // set 1, rep 2's hold, 1 s in
  sb::SessionView v = sb::session_view(s, kStart + 10.0);
  CHECK(v.kind == SegmentKind::UpNext);
  CHECK(v.item == 1);
  CHECK(v.count == 10);
  CHECK(s.timeline.total_s == doctest::Approx(10.0 + 10.0 + 14.0));
  check_contiguous(s.timeline);
  const sb::Segment& cut = s.timeline.segments[sb::segment_at(s.timeline, 9.5)];
  CHECK(describe(cut) == "Hold i0 s1 r2 - 9.000+1.000");
  CHECK(cut.end == sb::SegmentEnd::Skipped);
  CHECK(cut.planned_s == 2.0);
  CHECK(v.records[0].outcome == ItemOutcome::Skipped);
  CHECK(v.records[0].sets[0].reps_done == 1);
  CHECK_FALSE(v.records[0].sets[0].done);
  CHECK(v.records[0].hold_done_s == doctest::Approx(3.0));  // 2 s + 1 s of the cut hold
  CHECK(sb::session_view(s, kStart + 34.0).finished);

  sb::session_apply(s, act(ActionKind::Next, kStart + 25.0));  // from the plank: to Done
  v = sb::session_view(s, kStart + 25.0);
  CHECK(v.finished);
  CHECK(v.records[1].outcome == ItemOutcome::Skipped);
  CHECK(v.records[1].hold_done_s == doctest::Approx(3.0));  // its hold began at 22
  const int revision = s.revision;
  sb::session_apply(s, act(ActionKind::Next, kStart + 26.0));  // finished: ignored
  CHECK(s.revision == revision);
}

TEST_CASE("session previous: restart when more than 2 s in, else the previous exercise") {
  SUBCASE("more than 2 s into the exercise restarts it") {
    sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
    sb::session_apply(s, act(ActionKind::Previous, kStart + 20.0));
    sb::SessionView v = sb::session_view(s, kStart + 20.0);
    CHECK(v.kind == SegmentKind::GetReady);
    CHECK(v.item == 0);
    CHECK(s.timeline.total_s == doctest::Approx(80.0));
    // Its record keeps the earlier attempt until the new one does something.
    CHECK(v.records[0].outcome == ItemOutcome::Skipped);
    CHECK(v.records[0].sets[0].reps_done == 3);
    v = sb::session_view(s, kStart + 20.0 + 3.0 + 1.0 + 0.5);  // half a second into the new hold
    CHECK(v.records[0].outcome == ItemOutcome::InProgress);
    CHECK(v.records[0].sets[0].reps_done == 0);
    CHECK(v.records[0].hold_done_s == doctest::Approx(0.5));
  }
  SUBCASE("within 2 s of the first exercise's start it starts over") {
    sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
    sb::session_apply(s, act(ActionKind::Previous, kStart + 1.5));
    CHECK(sb::session_view(s, kStart + 1.5).count == 3);
    CHECK(s.timeline.total_s == doctest::Approx(61.5));
  }
  SUBCASE("within 2 s of an exercise's start goes to the previous one") {
    sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
    sb::session_apply(s, act(ActionKind::Previous, kStart + 38.0));  // up next began at 36
    sb::SessionView v = sb::session_view(s, kStart + 38.0);
    CHECK(v.kind == SegmentKind::GetReady);
    CHECK(v.item == 0);
    CHECK(s.timeline.total_s == doctest::Approx(98.0));
    CHECK(v.records[0].outcome == ItemOutcome::Completed);  // the finished attempt still counts
    CHECK(v.records[1].outcome == ItemOutcome::Skipped);
  }
  SUBCASE("exactly 2 s in is not more than 2 s") {
    sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
    sb::session_apply(s, act(ActionKind::Previous, kStart + 38.5));
    CHECK(sb::session_view(s, kStart + 38.5).item == 1);  // 2.5 s in: restart the plank
    CHECK(s.timeline.total_s == doctest::Approx(38.5 + 24.0));
    sb::session_apply(s, act(ActionKind::Previous, kStart + 40.5));  // exactly 2 s in
    CHECK(sb::session_view(s, kStart + 40.5).item == 0);
  }
  SUBCASE("from the end goes to the last exercise") {
    sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
    sb::session_apply(s, act(ActionKind::Previous, kStart + 500.0));
    sb::SessionView v = sb::session_view(s, kStart + 500.0);
    CHECK(v.kind == SegmentKind::UpNext);
    CHECK(v.item == 1);
    CHECK(v.session_s == doctest::Approx(60.0));
    CHECK(s.timeline.total_s == doctest::Approx(84.0));
    CHECK(sb::session_view(s, kStart + 524.0).finished);
  }
}

TEST_CASE("session restart exercise: from its preparation, with the same reps") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::RestartExercise, kStart + 50.0));  // plank move in... hold
  sb::SessionView v = sb::session_view(s, kStart + 50.0);
  CHECK(v.kind == SegmentKind::UpNext);
  CHECK(v.item == 1);
  CHECK(s.timeline.total_s == doctest::Approx(74.0));
  CHECK(describe(s.timeline.segments[sb::segment_at(s.timeline, 49.0)]) == "Hold i1 s1 r0 - 48.000+2.000");
  check_contiguous(s.timeline);
  CHECK(v.records[1].outcome == ItemOutcome::Skipped);
  CHECK(v.records[1].hold_done_s == doctest::Approx(2.0));
}

TEST_CASE("session add rep: one more in this set only, the rest of the timeline rebuilt exactly") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::AddRep, kStart + 15.0));  // set 1, last rep's hold
  CHECK(s.set_reps[0] == std::vector<int>{4, 3});
  const std::vector<std::string> got = describe(s.timeline);
  const std::vector<std::string> expected = {
      "MoveIn i0 s1 r3 - 13.000+1.000",
      "Hold i0 s1 r3 - 14.000+2.000",
      "MoveOut i0 s1 r3 - 16.000+1.000 rep",
      "RestRep i0 s1 r3 - 17.000+1.000",
      "MoveIn i0 s1 r4 - 18.000+1.000",
      "Hold i0 s1 r4 - 19.000+2.000",
      "MoveOut i0 s1 r4 - 21.000+1.000 rep set",
      "RestSet i0 s1 r0 - 22.000+5.000",
      "MoveIn i0 s2 r1 - 27.000+1.000",
  };
  CHECK(std::vector<std::string>(got.begin() + 9, got.begin() + 18) == expected);
  CHECK(s.timeline.total_s == doctest::Approx(65.0));
  check_contiguous(s.timeline);
  sb::SessionView v = sb::session_view(s, kStart + 19.5);
  CHECK(v.rep == 4);
  CHECK(v.reps == 4);
  CHECK(v.count == 2);
  v = sb::session_view(s, kStart + 27.5);
  CHECK(v.set == 2);
  CHECK(v.reps == 3);  // the next set keeps its reps
  v = sb::session_view(s, kStart + 65.0);
  CHECK(v.records[0].sets[0].reps_done == 4);
  CHECK(v.records[0].sets[0].done);
  CHECK(v.records[0].outcome == ItemOutcome::Completed);
}

TEST_CASE("session add rep on a per-side set keeps both sides equal") {
  sb::SessionPlan plan = plan_of({reps_item("knee-to-chest", 2, 1, 3, 1, 1, 2, 0, true)});
  sb::SessionState s = sb::session_start(plan, 0.0);
  sb::session_apply(s, act(ActionKind::AddRep, 5.0));  // left, rep 1's hold
  double left_s = 0, right_s = 0;
  for (const sb::Segment& g : s.timeline.segments) {
    if (g.side == Side::Left && g.kind != SegmentKind::SwitchSides) left_s += g.duration_s;
    if (g.side == Side::Right && g.kind != SegmentKind::SwitchSides) right_s += g.duration_s;
  }
  CHECK(left_s == doctest::Approx(3 * 5.0 + 2 * 2.0));
  CHECK(left_s == right_s);
}

TEST_CASE("session add and remove rep are ignored where they make no sense") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::AddRep, kStart + 1.0));  // get ready
  sb::session_apply(s, act(ActionKind::AddRep, kStart + 19.0));  // rest between sets
  sb::session_apply(s, act(ActionKind::RemoveRep, kStart + 15.0));  // rep 3 of 3 in progress
  sb::session_apply(s, act(ActionKind::AddRep, kStart + 50.0));  // timed plank
  sb::session_apply(s, act(ActionKind::RemoveRep, kStart + 50.0));
  CHECK(s.revision == 0);
  CHECK(s.timeline.total_s == doctest::Approx(60.0));
  sb::SessionState many = sb::session_start(plan_of({reps_item("x", 49, 1, 0, 1, 1, 0, 0)}), 0);
  sb::session_apply(many, act(ActionKind::AddRep, 4.0));
  sb::session_apply(many, act(ActionKind::AddRep, 4.5));
  CHECK(many.set_reps[0][0] == sb::kSessionRepsMax);
}

TEST_CASE("session remove rep: one fewer ahead, never the rep in progress") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::RemoveRep, kStart + 9.5));  // rep 2 of 3: rep 2 becomes last
  CHECK(s.set_reps[0] == std::vector<int>{2, 3});
  CHECK(describe(s.timeline.segments[sb::segment_at(s.timeline, 11.5)]) == "MoveOut i0 s1 r2 - 11.000+1.000 rep set");
  CHECK(describe(s.timeline.segments[sb::segment_at(s.timeline, 12.0)]) == "RestSet i0 s1 r0 - 12.000+5.000");
  CHECK(s.timeline.total_s == doctest::Approx(55.0));
  check_contiguous(s.timeline);
  sb::session_apply(s, act(ActionKind::RemoveRep, kStart + 10.0));  // rep 2 of 2 in progress
  CHECK(s.revision == 1);
}

TEST_CASE("session remove rep during a rest that becomes the last ends the set now") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::RemoveRep, kStart + 7.5));  // rest after rep 1: 3 -> 2
  CHECK(s.timeline.total_s == doctest::Approx(55.0));
  sb::session_apply(s, act(ActionKind::RemoveRep, kStart + 7.6));  // 2 -> 1: the rest is now last
  CHECK(s.set_reps[0][0] == 1);
  const sb::Segment& rest = s.timeline.segments[sb::segment_at(s.timeline, 7.55)];
  CHECK(rest.kind == SegmentKind::RestRep);
  CHECK(rest.end == sb::SegmentEnd::Shortened);
  CHECK(rest.duration_s == doctest::Approx(0.6));
  CHECK(rest.ends_set);
  CHECK_FALSE(rest.ends_rep);
  sb::SessionView v = sb::session_view(s, kStart + 7.6);
  CHECK(v.kind == SegmentKind::RestSet);
  CHECK(v.count == 5);
  CHECK(v.records[0].sets[0].done);
  CHECK(v.records[0].sets[0].reps_done == 1);
  // 7.6 + 5 set rest + 14 set 2 + 10 up next + 14 plank
  CHECK(s.timeline.total_s == doctest::Approx(50.6));
  check_contiguous(s.timeline);
}

TEST_CASE("session tempo: move times scaled for segments after now") {
  SUBCASE("during a hold") {
    sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
    sb::session_apply(s, tempo_action(2.0, kStart + 4.5));
    const std::vector<std::string> got = describe(s.timeline);
    const std::vector<std::string> expected = {
        "GetReady i0 s0 r0 - 0.000+3.000",
        "MoveIn i0 s1 r1 - 3.000+1.000",
        "Hold i0 s1 r1 - 4.000+2.000",
        "MoveOut i0 s1 r1 - 6.000+2.000 rep",
        "RestRep i0 s1 r1 - 8.000+1.000",
        "MoveIn i0 s1 r2 - 9.000+2.000",
        "Hold i0 s1 r2 - 11.000+2.000",
    };
    CHECK(std::vector<std::string>(got.begin(), got.begin() + 7) == expected);
    // 60 + 1 s more for each of the 11 bridge moves ahead + 2 s more for each plank move
    CHECK(s.timeline.total_s == doctest::Approx(75.0));
    CHECK(sb::session_view(s, kStart + 70.0).kind == SegmentKind::Hold);
    CHECK(sb::session_view(s, kStart + 70.0).item == 1);
    CHECK(sb::session_view(s, kStart + 70.0).tempo == 2.0);
    check_contiguous(s.timeline);
  }
  SUBCASE("the move in progress keeps its time") {
    sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
    sb::session_apply(s, tempo_action(0.5, kStart + 3.5));
    CHECK(describe(s.timeline.segments[1]) == "MoveIn i0 s1 r1 - 3.000+1.000");
    CHECK(describe(s.timeline.segments[3]) == "MoveOut i0 s1 r1 - 6.000+0.500 rep");
    CHECK(s.timeline.total_s == doctest::Approx(60.0 - 11 * 0.5 - 2 * 1.0));
  }
  SUBCASE("out of range is clamped, nonsense ignored, and the same tempo is no change") {
    sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
    sb::session_apply(s, tempo_action(100.0, kStart + 1.0));
    CHECK(s.tempo == sb::kTempoMax);
    sb::session_apply(s, tempo_action(-1.0, kStart + 1.0));
    sb::session_apply(s, tempo_action(std::nan(""), kStart + 1.0));
    sb::session_apply(s, tempo_action(100.0, kStart + 1.0));
    CHECK(s.revision == 1);
    CHECK(s.tempo == sb::kTempoMax);
  }
}

TEST_CASE("session stop: ends the exercise, pauses at the next and asks for a pain rating") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::Stop, kStart + 9.5));
  sb::SessionView v = sb::session_view(s, kStart + 100.0);
  CHECK(v.paused);
  CHECK(v.pause_reason == sb::PauseReason::Stop);
  CHECK(v.pain_item == 0);
  CHECK(v.kind == SegmentKind::UpNext);
  CHECK(v.item == 1);
  CHECK(v.session_s == doctest::Approx(9.5));
  CHECK(v.records[0].outcome == ItemOutcome::Stopped);
  CHECK(v.records[0].sets[0].reps_done == 1);

  sb::Action rating = act(ActionKind::RatePain, kStart + 120.0);
  rating.pain_0_10 = 4;
  sb::session_apply(s, rating);
  v = sb::session_view(s, kStart + 130.0);
  CHECK(v.pain_item == -1);
  CHECK(v.paused);  // still waiting for the person to carry on
  CHECK(v.records[0].pain_0_10 == 4);
  CHECK(v.records[1].pain_0_10 == -1);

  sb::session_apply(s, act(ActionKind::Resume, kStart + 200.0));
  CHECK(s.timeline.total_s == doctest::Approx(33.5));
  CHECK(sb::session_view(s, kStart + 224.0).finished);
  CHECK_FALSE(sb::session_view(s, kStart + 224.0 - 1e-6).finished);
  CHECK(sb::session_view(s, kStart + 224.0).records[1].outcome == ItemOutcome::Completed);
}

TEST_CASE("session stop on the last exercise finishes; resume dismisses an unanswered rating") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::Stop, kStart + 50.0));
  sb::SessionView v = sb::session_view(s, kStart + 50.0);
  CHECK(v.finished);
  CHECK(v.pain_item == 1);
  CHECK(v.records[1].outcome == ItemOutcome::Stopped);
  CHECK(v.records[1].hold_done_s == doctest::Approx(2.0));
  sb::session_apply(s, act(ActionKind::Resume, kStart + 60.0));
  CHECK(sb::session_view(s, kStart + 60.0).pain_item == -1);
  sb::Action rating = act(ActionKind::RatePain, kStart + 61.0);
  rating.pain_0_10 = 7;
  const int revision = s.revision;
  sb::session_apply(s, rating);  // nothing asked: ignored
  CHECK(s.revision == revision);
}

TEST_CASE("session stop at the very start of an exercise still records it as stopped") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::Pause, kStart + 20.0));
  sb::session_apply(s, act(ActionKind::Next, kStart + 21.0));  // paused at the plank's up next
  sb::session_apply(s, act(ActionKind::Stop, kStart + 22.0));  // nothing of it played
  const sb::SessionView v = sb::session_view(s, kStart + 23.0);
  CHECK(v.finished);
  CHECK(v.pain_item == 1);
  CHECK(v.records[0].outcome == ItemOutcome::Skipped);
  CHECK(v.records[1].outcome == ItemOutcome::Stopped);
  CHECK(s.timeline.total_s == doctest::Approx(20.0));
  const sb::Segment& stopped = s.timeline.segments[s.timeline.segments.size() - 2];
  CHECK(describe(stopped) == "UpNext i1 s0 r0 - 20.000+0.000");
  CHECK(stopped.end == sb::SegmentEnd::Stopped);
}

TEST_CASE("session actions while paused move the position and stay paused") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  sb::session_apply(s, act(ActionKind::Pause, kStart + 10.0));
  sb::session_apply(s, act(ActionKind::Next, kStart + 20.0));
  sb::SessionView v = sb::session_view(s, kStart + 30.0);
  CHECK(v.paused);
  CHECK(v.kind == SegmentKind::UpNext);
  CHECK(v.session_s == doctest::Approx(10.0));
  sb::session_apply(s, act(ActionKind::Resume, kStart + 40.0));
  CHECK(sb::session_view(s, kStart + 41.0).count == 9);
  CHECK(sb::session_view(s, kStart + 64.0).finished);
}

TEST_CASE("session records: many actions keep the timeline back to back and the views consistent") {
  sb::SessionState s = sb::session_start(bridge_and_plank(), kStart);
  const ActionKind kinds[] = {ActionKind::AddRep, ActionKind::Next,     ActionKind::Previous,
                              ActionKind::RemoveRep, ActionKind::Pause, ActionKind::Resume,
                              ActionKind::SetTempo, ActionKind::RestartExercise};
  double now_s = kStart;
  for (int i = 0; i < 200; ++i) {
    now_s += 0.37 * (i % 7) + 0.11;
    sb::Action a = act(kinds[(i * 5) % 8], now_s);
    a.tempo = 0.5 + 0.25 * (i % 5);
    const double before_s = sb::session_time(s, now_s);
    sb::session_apply(s, a);
    CHECK(sb::session_time(s, now_s) == doctest::Approx(before_s).epsilon(kTol));  // no jump in time
    check_contiguous(s.timeline);
    const sb::SessionView v = sb::session_view(s, now_s + 0.05);
    CHECK(v.progress >= 0.0);
    CHECK(v.progress <= 1.0);
    CHECK(v.session_left_s >= 0.0);
  }
}
