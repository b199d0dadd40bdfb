// Tests of how dosages read to a patient, with the shipped English strings.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/dosage_text.h"
#include "test_files.h"

namespace {

sb::Strings english() {
  return sb::load_strings(sb_test::read_file(std::filesystem::path(STEADY_SOURCE_DIR) / "assets/strings.json")).strings;
}

}  // namespace

TEST_CASE("dosage text: durations") {
  sb::Strings s = english();
  CHECK(sb::duration_text(s, 5) == "5 s");
  CHECK(sb::duration_text(s, 59.6) == "1 min");
  CHECK(sb::duration_text(s, 600) == "10 min");
  CHECK(sb::duration_text(s, 90) == "1 min 30 s");
}

TEST_CASE("dosage text: a hold with a rep range on each side, twice a day") {
  sb::Strings s = english();
  sb::Dosage d;
  d.reps = 2;
  d.reps_max = 3;
  d.hold_s = 5;
  d.per_day = 2;
  CHECK(sb::dosage_line(s, d, true, false) == "Hold 5 s \xC2\xB7 2\xE2\x80\x93" "3 times each side \xC2\xB7 twice a day");
}

TEST_CASE("dosage text: timed bouts count sets as times, never reps") {
  sb::Strings s = english();
  sb::Dosage d;
  d.reps = 1;
  d.sets = 3;
  d.hold_s = 20;
  d.hold_max_s = 30;
  d.per_day = 1;
  CHECK(sb::dosage_line(s, d, false, true) == "For 20 s\xE2\x80\x93" "30 s \xC2\xB7 3 times \xC2\xB7 once a day");
}

TEST_CASE("dosage text: plain reps in sets without a hold") {
  sb::Strings s = english();
  sb::Dosage d;
  d.reps = 10;
  d.sets = 3;
  d.per_day = 4;
  auto parts = sb::dosage_parts(s, d, false, false);
  REQUIRE(parts.size() == 3);
  CHECK(parts[0] == "10 times");
  CHECK(parts[1] == "3 sets");
  CHECK(parts[2] == "4 times a day");
}
