// Tests of turning a programme into a session plan.
#include <doctest/doctest.h>

#include "core/session_plan.h"

TEST_CASE("session plan: items carry the programme's dosage and the exercise's nature") {
  sb::Content content;
  sb::Exercise plank;
  plank.id = "plank";
  plank.name = "Plank";
  plank.timed = true;
  sb::Exercise ktc;
  ktc.id = "knee-to-chest";
  ktc.name = "Knee to chest";
  ktc.per_side = true;
  content.exercises = {plank, ktc};

  sb::ProgrammeItem a;
  a.exercise = "knee-to-chest";
  a.dosage.reps = 3;
  a.dosage.sets = 2;
  a.dosage.hold_s = 5;
  a.dosage.move_in_s = 3;
  a.dosage.move_out_s = 2.5;
  a.dosage.rest_rep_s = 4;
  a.dosage.rest_set_s = 30;
  sb::ProgrammeItem b;
  b.exercise = "plank";
  b.dosage.reps = 7;  // ignored: a timed exercise counts bouts, not reps
  b.dosage.hold_s = 20;
  sb::ProgrammeItem unknown;
  unknown.exercise = "no-such-thing";

  sb::SessionPlan plan = sb::make_session_plan(content, {a, unknown, b});
  REQUIRE(plan.items.size() == 2);
  CHECK(plan.items[0].exercise_id == "knee-to-chest");
  CHECK(plan.items[0].per_side);
  CHECK(plan.items[0].reps == 3);
  CHECK(plan.items[0].sets == 2);
  CHECK(plan.items[0].hold_s == 5);
  CHECK(plan.items[0].move_out_s == 2.5);
  CHECK(plan.items[0].rest_set_s == 30);
  CHECK(plan.items[1].timed);
  CHECK(plan.items[1].reps == 1);
  CHECK(plan.items[1].hold_s == 20);
}
