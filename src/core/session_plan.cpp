// session_plan: programme -> session plan.
#include "core/session_plan.h"

namespace sb {

SessionPlan make_session_plan(const Content& content, const std::vector<ProgrammeItem>& items) {
  SessionPlan plan;
  for (const ProgrammeItem& it : items) {
    const Exercise* e = content.find_exercise(it.exercise);
    if (!e) continue;
    SessionItem s;
    s.exercise_id = e->id;
    s.name = e->name;
    s.per_side = e->per_side;
    s.timed = e->timed;
    s.reps = e->timed ? 1 : it.dosage.reps;
    s.sets = it.dosage.sets;
    s.hold_s = it.dosage.hold_s;
    s.move_in_s = it.dosage.move_in_s;
    s.move_out_s = it.dosage.move_out_s;
    s.rest_rep_s = it.dosage.rest_rep_s;
    s.rest_set_s = it.dosage.rest_set_s;
    plan.items.push_back(std::move(s));
  }
  return plan;
}

}  // namespace sb
