// test_clinic: clinic.json as a hosting clinic writes it (every field), every kind of
// mistake it can hold (the file is then not used and the console says why in one line), the
// caps, the embedding origins, and brand colours fitted to each theme's contrast.
#include <doctest/doctest.h>

#include <string>

#include "core/clinic.h"
#include "core/pain_rules.h"
#include "test_files.h"

namespace {

const std::string kAssetsDir = STEADY_SOURCE_DIR "/assets";

const sb::Content& shipped() {
  static const sb::Content content =
      sb::load_content({sb_test::read_file(kAssetsDir + "/exercises.json"),
                        sb_test::read_file(kAssetsDir + "/guidance.json"),
                        sb_test::read_file(kAssetsDir + "/programmes.json")})
          .content;
  return content;
}

const sb::ThemeSet& themes() {
  static const sb::ThemeSet set = sb::load_themes(sb_test::read_file(kAssetsDir + "/themes.json")).set;
  return set;
}

sb::ClinicLoad load(const std::string& text) { return sb::load_clinic(text, shipped()); }

// A file with one field: {"schema": 1, <field>}.
sb::ClinicLoad with_field(const std::string& field) { return load("{\"schema\": 1, " + field + "}"); }

// The file is refused and the console line names key and says words.
void check_refused(const std::string& field, const std::string& key, const std::string& words) {
  CAPTURE(field);
  sb::ClinicLoad l = with_field(field);
  CHECK_FALSE(l.used);
  CHECK(l.clinic.name.empty());
  CHECK(l.clinic.embed_origins.empty());
  const std::string line = sb::clinic_console_line(l);
  CHECK(line.find("not used") != std::string::npos);
  CHECK(line.find(key) != std::string::npos);
  CHECK(line.find(words) != std::string::npos);
  CHECK(line.find('\n') == std::string::npos);
}

}  // namespace

TEST_CASE("clinic.json: every field is read") {
  sb::ClinicLoad l = load(R"({
    "schema": 1,
    "name": "Riverside Physiotherapy",
    "colours": {"primary": "#2a5d8f", "accent": "#2A5D8F"},
    "logo": "riverside-logo.png",
    "contact": "Questions? Call 01632 960 123, Monday to Friday 9–5",
    "default_programme": "taster",
    "pain_threshold": 3,
    "embed_origins": ["https://riverside.example", "http://127.0.0.2:8081"],
    "completion_message": true
  })");
  REQUIRE(l.used);
  CHECK(l.present);
  CHECK(l.diagnostics.empty());
  const sb::ClinicConfig& c = l.clinic;
  CHECK(c.name == "Riverside Physiotherapy");
  CHECK(c.contact == "Questions? Call 01632 960 123, Monday to Friday 9–5");
  REQUIRE(c.has_primary);
  CHECK(c.primary.r == doctest::Approx(0x2a / 255.0));
  REQUIRE(c.has_accent);
  CHECK(c.accent.b == doctest::Approx(0x8f / 255.0));
  CHECK(c.logo == "riverside-logo.png");
  CHECK(c.default_programme == "taster");
  CHECK_FALSE(c.has_prescription);
  CHECK(c.pain_threshold == 3);
  CHECK(c.embed_origins == std::vector<std::string>{"https://riverside.example", "http://127.0.0.2:8081"});
  CHECK(c.completion_message);
  CHECK(sb::clinic_console_line(l).empty());
}

TEST_CASE("clinic.json: absent, empty and minimal files are neutral") {
  sb::ClinicLoad absent = load("");
  CHECK_FALSE(absent.present);
  CHECK_FALSE(absent.used);
  CHECK(sb::clinic_console_line(absent).empty());

  sb::ClinicLoad minimal = load(R"({"schema": 1})");
  CHECK(minimal.used);
  CHECK(minimal.clinic.name.empty());
  CHECK_FALSE(minimal.clinic.has_primary);
  CHECK(minimal.clinic.pain_threshold == -1);
  CHECK_FALSE(minimal.clinic.completion_message);
  CHECK(minimal.clinic.embed_origins.empty());
}

TEST_CASE("clinic.json: a prescription link as the default programme") {
  sb::Prescription p;
  p.title = "Clinic programme";
  p.clinic = "Riverside";
  for (const char* id : {"knee-to-chest", "pelvic-tilt"}) {
    const sb::Exercise* e = shipped().find_exercise(id);
    REQUIRE(e != nullptr);
    p.items.push_back(sb::ProgrammeItem{id, e->dosage});
  }
  const std::string value = sb::encode_prescription(p, shipped());
  REQUIRE_FALSE(value.empty());
  for (const std::string& text : {"rx=" + value, "https://riverside.example/exercises/#rx=" + value}) {
    sb::ClinicLoad l = with_field("\"default_programme\": \"" + text + "\"");
    REQUIRE(l.used);
    CHECK(l.clinic.has_prescription);
    CHECK(l.clinic.prescription.title == "Clinic programme");
    CHECK(l.clinic.prescription.items.size() == 2);
  }
  std::string damaged = "rx=" + value;
  damaged[damaged.size() - 3] = damaged[damaged.size() - 3] == 'A' ? 'B' : 'A';
  check_refused("\"default_programme\": \"" + damaged + "\"", "default_programme", "cannot be opened");
}

TEST_CASE("clinic.json: each bad input is refused with its own words") {
  check_refused("\"name\": 42", "name", "must be");
  check_refused("\"name\": \"\"", "name", "must not be empty");
  check_refused("\"name\": \"" + std::string(61, 'x') + "\"", "name", "at most 60");
  check_refused("\"name\": \"Two\\nlines\"", "name", "one line");
  check_refused("\"contact\": [\"call us\"]", "contact", "must be");
  check_refused("\"contact\": \"" + std::string(141, 'x') + "\"", "contact", "at most 140");
  check_refused("\"colours\": \"blue\"", "colours", "must be");
  check_refused("\"colours\": {\"primary\": \"blue\"}", "colours.primary", "#rrggbb");
  check_refused("\"colours\": {\"accent\": \"#12345\"}", "colours.accent", "#rrggbb");
  check_refused("\"colours\": {\"accent\": \"#2a5d8f80\"}", "colours.accent", "#rrggbb");
  check_refused("\"logo\": \"../secret.png\"", "logo", "no folders");
  check_refused("\"logo\": \"logo.svg\"", "logo", ".png or .jpg");
  check_refused("\"logo\": \"javascript:alert(1).png\"", "logo", "no folders");
  check_refused("\"logo\": true", "logo", "must be");
  check_refused("\"default_programme\": \"no-such-programme\"", "default_programme", "no programme has the id");
  check_refused("\"default_programme\": 3", "default_programme", "must be");
  check_refused("\"pain_threshold\": 11", "pain_threshold", "between");
  check_refused("\"pain_threshold\": 2.5", "pain_threshold", "whole");
  check_refused("\"pain_threshold\": \"3\"", "pain_threshold", "must be");
  check_refused("\"embed_origins\": \"https://a.example\"", "embed_origins", "must be");
  check_refused("\"embed_origins\": [\"*\"]", "embed_origins[0]", "any website");
  check_refused("\"embed_origins\": [\"https://a.example/page\"]", "embed_origins[0]", "not an origin");
  check_refused("\"embed_origins\": [\"HTTPS://A.EXAMPLE\"]", "embed_origins[0]", "lower");
  check_refused("\"embed_origins\": [7]", "embed_origins[0]", "must be");
  check_refused("\"completion_message\": \"yes\"", "completion_message", "must be");
  std::string many = "\"embed_origins\": [";
  for (int i = 0; i < 17; ++i) many += (i ? "," : "") + std::string("\"https://a") + std::to_string(i) + ".example\"";
  check_refused(many + "]", "embed_origins", "at most 16");
}

TEST_CASE("clinic.json: broken files are refused whole") {
  auto refused = [](const std::string& text, const std::string& words) {
    CAPTURE(text.substr(0, 80));
    sb::ClinicLoad l = load(text);
    CHECK(l.present);
    CHECK_FALSE(l.used);
    CHECK(sb::clinic_console_line(l).find(words) != std::string::npos);
  };
  refused("{\"schema\": 1, \"name\": \"Riverside\"", "not valid JSON");
  refused("not json at all", "not valid JSON");
  refused("[1, 2, 3]", "must hold an object");
  refused("\"Riverside\"", "must hold an object");
  refused("{\"name\": \"Riverside\"}", "schema");
  refused("{\"schema\": 2, \"name\": \"Riverside\"}", "must be 1");
  refused("{\"schema\": 1, \"name\": \"" + std::string(20000, 'x') + "\"}", "at most 16 KiB");
  refused(std::string(10000, '['), "not valid JSON");
  // Two mistakes: the first is named, the other counted, on one line.
  sb::ClinicLoad two = load(R"({"schema": 1, "name": 1, "contact": 2})");
  const std::string line = sb::clinic_console_line(two);
  CHECK(line.find("name") != std::string::npos);
  CHECK(line.find("and 1 more problem") != std::string::npos);
}

TEST_CASE("clinic.json: unknown keys are warned about and the file still used") {
  sb::ClinicLoad l = load(R"({"schema": 1, "name": "Riverside", "colour": {"primary": "#000000"}})");
  CHECK(l.used);
  CHECK(l.clinic.name == "Riverside");
  CHECK(sb::count_warnings(l.diagnostics) == 1);
  CHECK(sb::clinic_console_line(l).find("colour") != std::string::npos);
}

TEST_CASE("exact origins") {
  for (const char* good : {"https://clinic.example", "http://127.0.0.2:8081", "https://a-b.c.example:443", "http://localhost"}) {
    CHECK_MESSAGE(sb::is_exact_origin(good), good);
  }
  for (const char* bad : {"", "*", "clinic.example", "https://", "https://clinic.example/", "https://Clinic.example",
                          "https://clinic.example:0", "https://clinic.example:65536", "https://clinic.example:",
                          "https://user@clinic.example", "ftp://clinic.example", "javascript:alert(1)",
                          "https://clinic..example", "https://.clinic.example", "null", "https://[::1]"}) {
    CHECK_MESSAGE(!sb::is_exact_origin(bad), bad);
  }
  sb::ClinicConfig c;
  c.embed_origins = {"https://clinic.example"};
  CHECK(sb::origin_allowed(c, "https://clinic.example"));
  CHECK_FALSE(sb::origin_allowed(c, "https://clinic.example.evil.example"));
  CHECK_FALSE(sb::origin_allowed(c, "http://clinic.example"));
  CHECK_FALSE(sb::origin_allowed(c, ""));
}

TEST_CASE("logo file names") {
  for (const char* good : {"logo.png", "Logo.PNG", "clinic_logo-2.jpg", "a.jpeg"}) CHECK_MESSAGE(sb::is_logo_file_name(good), good);
  for (const char* bad : {"", ".png", "logo", "logo.gif", "img/logo.png", "..png", "logo .png", "https://x.example/a.png",
                          "logo.png?x=1"}) {
    CHECK_MESSAGE(!sb::is_logo_file_name(bad), bad);
  }
}

TEST_CASE("brand colours keep every theme's contrast") {
  const sb::ThemeSet& set = themes();
  REQUIRE(set.find("light"));
  REQUIRE(set.find("dark"));
  auto all_pass = [&](const sb::Theme& t) {
    for (const sb::ColourPair& p : set.text_pairs) {
      if (sb::pair_contrast(t, p) < sb::kTextContrastMin) return false;
    }
    for (const sb::ColourPair& p : set.graphic_pairs) {
      if (sb::pair_contrast(t, p) < sb::kGraphicContrastMin) return false;
    }
    return true;
  };
  sb::ClinicConfig c;
  c.has_primary = true;
  REQUIRE(sb::parse_hex_colour("#2a5d8f", c.primary));
  c.has_accent = true;
  REQUIRE(sb::parse_hex_colour("#2a5d8f", c.accent));

  SUBCASE("a dark blue fits the light theme as it is") {
    sb::Diagnostics diags;
    sb::Theme t = sb::brand_theme(set, *set.find("light"), c, diags);
    CHECK(diags.empty());
    CHECK(t[sb::PaletteColour::Primary].r == doctest::Approx(c.primary.r));
    CHECK(t[sb::PaletteColour::Accent].b == doctest::Approx(c.accent.b));
    CHECK(all_pass(t));
  }
  SUBCASE("the same blue is lightened for the dark theme, and said so") {
    sb::Diagnostics diags;
    sb::Theme t = sb::brand_theme(set, *set.find("dark"), c, diags);
    CHECK(all_pass(t));
    CHECK(sb::relative_luminance(t[sb::PaletteColour::Primary]) > sb::relative_luminance(c.primary));
    REQUIRE_FALSE(diags.empty());
    CHECK(diags[0].severity == sb::Severity::Warning);
    CHECK(diags[0].message.find("dark theme") != std::string::npos);
  }
  SUBCASE("a pale yellow cannot be used on light backgrounds") {
    sb::ClinicConfig pale;
    pale.has_primary = true;
    REQUIRE(sb::parse_hex_colour("#fff7a0", pale.primary));
    sb::Diagnostics diags;
    const sb::Theme& light = *set.find("light");
    sb::Theme t = sb::brand_theme(set, light, pale, diags);
    CHECK(all_pass(t));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("theme's own colour") != std::string::npos);
    CHECK(t[sb::PaletteColour::Primary].r == doctest::Approx(light[sb::PaletteColour::Primary].r));
  }
  SUBCASE("high contrast keeps its own colours") {
    REQUIRE(set.find("high-contrast"));
    sb::Diagnostics diags;
    sb::Theme t = sb::brand_theme(set, *set.find("high-contrast"), c, diags);
    CHECK(t[sb::PaletteColour::Primary].r == doctest::Approx((*set.find("high-contrast"))[sb::PaletteColour::Primary].r));
    CHECK(diags.empty());
  }
}

TEST_CASE("clinic.json: a file too big to read is refused by its size alone") {
  sb::ClinicLoad l = sb::clinic_too_big(5 * 1024 * 1024);
  CHECK(l.present);
  CHECK_FALSE(l.used);
  CHECK(sb::clinic_console_line(l).find("5120 KiB; at most 16 KiB") != std::string::npos);
}
