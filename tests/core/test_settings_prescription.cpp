// Tests of the settings record: choices survive a save and a read, an accepted prescription is
// kept as its link value, records written before prescriptions existed still read, and a
// damaged record falls back to defaults with a plain-words problem.
#include <doctest/doctest.h>

#include <string>

#include "core/settings.h"

TEST_CASE("settings: every choice and the accepted prescription survive a save and a read") {
  sb::Settings s;
  s.sound = false;
  s.volume = 0.35;
  s.speech = false;
  s.vibration = false;
  s.programme_id = "prescription";
  s.pain_threshold = 3;
  s.prescription = "1.AbC-_9";
  std::string problem = "unset";
  sb::Settings back = sb::read_settings_record(sb::to_json(s), &problem);
  CHECK(problem.empty());
  CHECK_FALSE(back.sound);
  CHECK(back.volume == doctest::Approx(0.35));
  CHECK_FALSE(back.speech);
  CHECK_FALSE(back.vibration);
  CHECK(back.programme_id == "prescription");
  CHECK(back.pain_threshold == 3);
  CHECK(back.prescription == "1.AbC-_9");
}

TEST_CASE("settings: without a prescription the record is written as before") {
  sb::Settings s;
  CHECK(sb::to_json(s).find("prescription") == std::string::npos);
}

TEST_CASE("settings: a record written before prescriptions existed still reads") {
  std::string problem = "unset";
  sb::Settings s = sb::read_settings_record(
      R"({"v":1,"sound":true,"volume":0.50,"speech":false,"vibration":true,"programme":"gentle-start","pain_threshold":4})",
      &problem);
  CHECK(problem.empty());
  CHECK(s.programme_id == "gentle-start");
  CHECK(s.pain_threshold == 4);
  CHECK_FALSE(s.speech);
  CHECK(s.prescription.empty());
}

TEST_CASE("settings: a prescription that is not a short text is dropped and reported") {
  std::string problem;
  sb::Settings s = sb::read_settings_record(R"({"v":1,"programme":"prescription","prescription":42})", &problem);
  CHECK(s.prescription.empty());
  CHECK(s.programme_id == "prescription");
  CHECK(problem.find("prescription") != std::string::npos);
  std::string huge(3000, 'A');
  s = sb::read_settings_record(R"({"v":1,"prescription":"1.)" + huge + R"("})", &problem);
  CHECK(s.prescription.empty());
  CHECK_FALSE(problem.empty());
}

TEST_CASE("settings: a damaged record gives the defaults and says so") {
  std::string problem;
  sb::Settings s = sb::read_settings_record("{\"v\":1,", &problem);
  CHECK(s.sound);
  CHECK(s.prescription.empty());
  CHECK_FALSE(problem.empty());
}
