// dosage_text: wording of dosages and durations.
#include "core/dosage_text.h"

#include <cmath>

namespace sb {

namespace {

std::string num(double v) {
  double r = std::round(v);
  if (std::fabs(v - r) < 1e-9) return std::to_string(static_cast<long long>(r));
  std::string s = std::to_string(std::round(v * 10.0) / 10.0);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string duration_text(const Strings& strings, double seconds) {
  long long total = std::llround(seconds);
  if (total < 60) return strings.format("time.s", {{"n", num(static_cast<double>(total))}});
  long long min = total / 60;
  long long sec = total % 60;
  if (sec == 0) return strings.format("time.min", {{"n", std::to_string(min)}});
  return strings.format("time.min_s", {{"m", std::to_string(min)}, {"s", std::to_string(sec)}});
}

std::vector<std::string> dosage_parts(const Strings& strings, const Dosage& d, bool per_side, bool timed) {
  std::vector<std::string> parts;
  if (d.hold_s > 0) {
    std::string len = duration_text(strings, d.hold_s);
    if (d.hold_max_s > d.hold_s) len = strings.format("range", {{"a", len}, {"b", duration_text(strings, d.hold_max_s)}});
    parts.push_back(strings.format(timed ? "dosage.for" : "dosage.hold", {{"t", len}}));
  }
  std::string count;
  int times = timed ? d.sets : d.reps;
  int times_max = timed ? d.sets_max : d.reps_max;
  if (times_max > times) {
    count = strings.format("dosage.times_range", {{"a", std::to_string(times)}, {"b", std::to_string(times_max)}});
  } else {
    count = strings.format(times == 1 ? "dosage.times_one" : "dosage.times", {{"n", std::to_string(times)}});
  }
  if (per_side) count += strings.get("dosage.each_side");
  parts.push_back(count);
  if (!timed && (d.sets > 1 || d.sets_max > d.sets)) {
    if (d.sets_max > d.sets) {
      parts.push_back(strings.format("dosage.sets_range", {{"a", std::to_string(d.sets)}, {"b", std::to_string(d.sets_max)}}));
    } else {
      parts.push_back(strings.format("dosage.sets", {{"n", std::to_string(d.sets)}}));
    }
  }
  if (d.per_day == 1) {
    parts.push_back(strings.get("dosage.per_day_one"));
  } else if (d.per_day == 2) {
    parts.push_back(strings.get("dosage.per_day_two"));
  } else {
    parts.push_back(strings.format("dosage.per_day", {{"n", std::to_string(d.per_day)}}));
  }
  return parts;
}

std::string dosage_line(const Strings& strings, const Dosage& d, bool per_side, bool timed) {
  std::string out;
  for (const std::string& p : dosage_parts(strings, d, per_side, timed)) {
    if (!out.empty()) out += " \xC2\xB7 ";
    out += p;
  }
  return out;
}

}  // namespace sb
