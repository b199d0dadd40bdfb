// dosage_text: a dosage in the words a patient reads ("Hold 5 s", "2–3 times each side",
// "twice a day"), from the string table so other languages can word it their own way.
#pragma once

#include <string>
#include <vector>

#include "core/content.h"
#include "core/strings.h"

namespace sb {

// Whole seconds as "45 s", "10 min" or "1 min 30 s" (strings "time.s", "time.min", "time.min_s").
std::string duration_text(const Strings& strings, double seconds);

// The parts of a dosage in reading order, e.g. {"Hold 5 s", "2–3 times each side", "twice a day"}.
std::vector<std::string> dosage_parts(const Strings& strings, const Dosage& d, bool per_side, bool timed);

// The parts joined with " · ".
std::string dosage_line(const Strings& strings, const Dosage& d, bool per_side, bool timed);

}  // namespace sb
