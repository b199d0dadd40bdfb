// Settings: new choices (text size, theme, motion, safety answer) round-trip, records saved
// before they existed still read, and bad values fall back one by one.
#include <doctest/doctest.h>

#include "core/settings.h"

namespace sb {

TEST_CASE("look, motion and the safety answer round-trip") {
  Settings s;
  s.text_size = 2;
  s.theme = ThemeChoice::HighContrast;
  s.motion = MotionChoice::Reduced;
  s.safety_checked = true;
  s.sound = false;
  std::string problem = "x";
  Settings r = read_settings_record(to_json(s), &problem);
  CHECK(problem.empty());
  CHECK(r.text_size == 2);
  CHECK(r.theme == ThemeChoice::HighContrast);
  CHECK(r.motion == MotionChoice::Reduced);
  CHECK(r.safety_checked);
  CHECK_FALSE(r.sound);
  for (ThemeChoice t : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
    s.theme = t;
    CHECK(read_settings_record(to_json(s)).theme == t);
  }
  s.motion = MotionChoice::Full;
  CHECK(read_settings_record(to_json(s)).motion == MotionChoice::Full);
}

TEST_CASE("a record saved before the look settings existed reads with their defaults") {
  std::string problem = "x";
  Settings r = read_settings_record(
      R"({"v":1,"sound":false,"volume":0.50,"speech":true,"vibration":false,"programme":"taster","pain_threshold":3})", &problem);
  CHECK(problem.empty());
  CHECK_FALSE(r.sound);
  CHECK(r.programme_id == "taster");
  CHECK(r.pain_threshold == 3);
  CHECK(r.text_size == 0);
  CHECK(r.theme == ThemeChoice::System);
  CHECK(r.motion == MotionChoice::System);
  CHECK_FALSE(r.safety_checked);  // people who used the app before are asked once too
}

TEST_CASE("unknown or out-of-range look settings keep their defaults and say why") {
  std::string problem;
  Settings r = read_settings_record(R"({"v":1,"text_size":7,"theme":"neon","motion":"full","safety_checked":true})", &problem);
  CHECK(r.text_size == 0);
  CHECK(r.theme == ThemeChoice::System);
  CHECK(r.motion == MotionChoice::Full);
  CHECK(r.safety_checked);
  CHECK(problem.find("text_size") != std::string::npos);
  r = read_settings_record(R"({"theme":"neon"})", &problem);
  CHECK(problem.find("neon") != std::string::npos);
  r = read_settings_record(R"({"safety_checked":"yes"})", &problem);
  CHECK_FALSE(r.safety_checked);
  CHECK_FALSE(problem.empty());
}

TEST_CASE("the theme and motion follow the device only when the person left them on System") {
  CHECK(theme_id_for(ThemeChoice::System, false, false) == "light");
  CHECK(theme_id_for(ThemeChoice::System, true, false) == "dark");
  CHECK(theme_id_for(ThemeChoice::System, true, true) == "high-contrast");
  CHECK(theme_id_for(ThemeChoice::Light, true, true) == "light");
  CHECK(theme_id_for(ThemeChoice::Dark, false, false) == "dark");
  CHECK(theme_id_for(ThemeChoice::HighContrast, false, false) == "high-contrast");
  CHECK(motion_reduced(MotionChoice::System, true));
  CHECK_FALSE(motion_reduced(MotionChoice::System, false));
  CHECK(motion_reduced(MotionChoice::Reduced, false));
  CHECK_FALSE(motion_reduced(MotionChoice::Full, true));
}

TEST_CASE("text sizes grow step by step") {
  CHECK(kTextScales[0] == doctest::Approx(1.0));
  for (int i = 1; i < kTextSizeCount; ++i) CHECK(kTextScales[i] > kTextScales[i - 1]);
}

}  // namespace sb
