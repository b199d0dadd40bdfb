// session_plan: turns programme items (exercise ids with their dosage) into the plan the
// session timeline plays.
#pragma once

#include <vector>

#include "core/content.h"
#include "core/session.h"

namespace sb {

// One SessionItem per programme item whose exercise exists (unknown ids are left out).
SessionPlan make_session_plan(const Content& content, const std::vector<ProgrammeItem>& items);

}  // namespace sb
