// Tests of the colour themes: every text colour the interface draws is readable (WCAG AA,
// 4.5:1) on the background it is drawn on, in every shipped theme; the contrast arithmetic
// matches WCAG's published figures; and a broken themes file is reported, never trusted.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "core/json.h"
#include "core/palette.h"
#include "test_files.h"

namespace {

using sb_test::read_file;

const std::filesystem::path kSourceDir = STEADY_SOURCE_DIR;

std::string formatted(const sb::Diagnostics& d) {
  std::string out;
  for (const auto& x : d) out += sb::format_diagnostic(x) + "\n";
  return out;
}

sb::ThemesLoad shipped() { return sb::load_themes(read_file(kSourceDir / "assets/themes.json")); }

sb::Rgba hex(const char* text) {
  sb::Rgba c;
  REQUIRE(sb::parse_hex_colour(text, c));
  return c;
}

// A complete theme's colours as JSON members (without braces), every colour the same grey
// except where the caller appends its own members.
std::string all_colours(const std::string& except = "") {
  std::string out;
  for (std::string_view name : sb::kPaletteColourNames) {
    if (name == except) continue;
    if (!out.empty()) out += ",\n";
    out += "      \"" + std::string(name) + "\": \"#808080\"";
  }
  return out;
}

// A themes file with one theme "t" whose members are given, and one text pair.
std::string file_with_theme(const std::string& members) {
  return "{\n  \"schema\": 1,\n  \"text_pairs\": [{\"colour\": \"text\", \"on\": \"background\", \"where\": \"body\"}],\n"
         "  \"themes\": {\n    \"t\": {\n" +
         members + "\n    }\n  }\n}\n";
}

}  // namespace

// ---- contrast arithmetic ----------------------------------------------------------------------

TEST_CASE("palette: hex colours parse in both lengths and either case, and nothing else") {
  sb::Rgba c;
  REQUIRE(sb::parse_hex_colour("#1B6b65", c));
  CHECK(c.r == doctest::Approx(0x1b / 255.0));
  CHECK(c.g == doctest::Approx(0x6b / 255.0));
  CHECK(c.b == doctest::Approx(0x65 / 255.0));
  CHECK(c.a == 1.0);
  REQUIRE(sb::parse_hex_colour("#00000080", c));
  CHECK(c.a == doctest::Approx(128 / 255.0));
  for (const char* bad : {"", "#", "1b6b65", "#1b6b6", "#1b6b650", "#1b6b6g", "#1b6b65 ", " #1b6b65", "#fff", "red"}) {
    INFO(bad);
    CHECK_FALSE(sb::parse_hex_colour(bad, c));
  }
}

TEST_CASE("palette: contrast ratios match WCAG's figures") {
  CHECK(sb::contrast_ratio(hex("#000000"), hex("#ffffff")) == doctest::Approx(21.0));
  CHECK(sb::contrast_ratio(hex("#ffffff"), hex("#000000")) == doctest::Approx(21.0));
  CHECK(sb::contrast_ratio(hex("#1b6b65"), hex("#1b6b65")) == doctest::Approx(1.0));
  // #767676 is the lightest grey that passes AA on white; #777777 just fails.
  CHECK(sb::contrast_ratio(hex("#767676"), hex("#ffffff")) == doctest::Approx(4.54).epsilon(0.005));
  CHECK(sb::contrast_ratio(hex("#777777"), hex("#ffffff")) < 4.5);
  CHECK(sb::relative_luminance(hex("#ffffff")) == doctest::Approx(1.0));
  CHECK(sb::relative_luminance(hex("#ff0000")) == doctest::Approx(0.2126));
}

TEST_CASE("palette: translucent colours are judged as drawn, over the background") {
  sb::Rgba half_black = hex("#00000080");
  sb::Rgba on_white = sb::composite(half_black, hex("#ffffff"));
  CHECK(on_white.r == doctest::Approx(127 / 255.0).epsilon(0.01));
  CHECK(on_white.a == 1.0);
  sb::Theme t;
  for (sb::Rgba& c : t.colours) c = hex("#ffffff");
  t.colours[static_cast<size_t>(sb::PaletteColour::Text)] = half_black;
  sb::ColourPair pair{sb::PaletteColour::Text, sb::PaletteColour::Surface, "test"};
  // Half-transparent black on white reads as mid grey, far below black's 21:1.
  CHECK(sb::pair_contrast(t, pair) == doctest::Approx(sb::contrast_ratio(on_white, hex("#ffffff"))));
  CHECK(sb::pair_contrast(t, pair) < 5.0);
  // A translucent surface is laid over the page first.
  t.colours[static_cast<size_t>(sb::PaletteColour::Background)] = hex("#000000");
  t.colours[static_cast<size_t>(sb::PaletteColour::Surface)] = hex("#ffffff00");
  t.colours[static_cast<size_t>(sb::PaletteColour::Text)] = hex("#ffffff");
  CHECK(sb::pair_contrast(t, pair) == doctest::Approx(21.0));
}

// ---- the shipped themes -----------------------------------------------------------------------

TEST_CASE("palette: the shipped themes load cleanly: light, dark and high contrast") {
  sb::ThemesLoad load = shipped();
  INFO(formatted(load.diagnostics));
  CHECK(load.diagnostics.empty());
  REQUIRE(load.set.themes.size() == 3);
  CHECK(load.set.find("light"));
  CHECK(load.set.find("dark"));
  CHECK(load.set.find("high-contrast"));
  CHECK(load.set.text_pairs.size() >= 10);
  CHECK(!load.set.graphic_pairs.empty());
}

TEST_CASE("palette: every text colour meets WCAG AA (4.5:1) on its background in every theme") {
  sb::ThemesLoad load = shipped();
  REQUIRE(load.set.themes.size() == 3);
  REQUIRE(!load.set.text_pairs.empty());
  for (const sb::Theme& theme : load.set.themes) {
    double lowest = 21.0;
    std::string lowest_pair;
    for (const sb::ColourPair& p : load.set.text_pairs) {
      double ratio = sb::pair_contrast(theme, p);
      std::string name = std::string(sb::to_string(p.fore)) + " on " + std::string(sb::to_string(p.back));
      INFO(theme.id << ": " << name << " (" << p.where << ") is " << ratio << ":1");
      CHECK(ratio >= sb::kTextContrastMin);
      if (ratio < lowest) {
        lowest = ratio;
        lowest_pair = name;
      }
    }
    char ratio_text[16];
    std::snprintf(ratio_text, sizeof ratio_text, "%.2f", lowest);
    MESSAGE("theme " << theme.id << ": lowest text contrast " << ratio_text << ":1 (" << lowest_pair << ")");
  }
}

TEST_CASE("palette: figures, outlines and the focus ring meet 3:1 in every theme") {
  sb::ThemesLoad load = shipped();
  REQUIRE(!load.set.graphic_pairs.empty());
  for (const sb::Theme& theme : load.set.themes) {
    for (const sb::ColourPair& p : load.set.graphic_pairs) {
      double ratio = sb::pair_contrast(theme, p);
      INFO(theme.id << ": " << sb::to_string(p.fore) << " on " << sb::to_string(p.back) << " (" << p.where << ") is "
                    << ratio << ":1");
      CHECK(ratio >= sb::kGraphicContrastMin);
    }
  }
}

TEST_CASE("palette: the high-contrast theme is stronger than the others") {
  sb::ThemesLoad load = shipped();
  const sb::Theme* hc = load.set.find("high-contrast");
  REQUIRE(hc);
  CHECK(hc->border_scale >= 2.0);
  for (const sb::ColourPair& p : load.set.text_pairs) {
    INFO(sb::to_string(p.fore) << " on " << sb::to_string(p.back));
    CHECK(sb::pair_contrast(*hc, p) >= 7.0);  // WCAG AAA
  }
}

TEST_CASE("palette: the UI's Palette has a field for every theme colour, and every theme sets them all") {
  // The UI's Palette (src/ui/theme.h) holds one ImVec4 per theme colour, named alike.
  std::string header = read_file(kSourceDir / "src/ui/theme.h");
  std::smatch block;
  REQUIRE(std::regex_search(header, block, std::regex(R"(struct Palette \{([^}]*)\})")));
  std::string body = block[1];
  std::set<std::string> fields;
  std::regex field(R"(ImVec4\s+([a-z_]+)\s*;)");
  for (std::sregex_iterator it(body.begin(), body.end(), field), end; it != end; ++it) fields.insert((*it)[1]);
  std::set<std::string> names(sb::kPaletteColourNames.begin(), sb::kPaletteColourNames.end());
  CHECK(fields == names);
  // And every shipped theme writes out every one of them.
  sb::JsonParseResult parsed = sb::parse_json(read_file(kSourceDir / "assets/themes.json"));
  REQUIRE(parsed.ok);
  const sb::JsonValue* themes = parsed.root.find("themes");
  REQUIRE(themes);
  REQUIRE(themes->members.size() == 3);
  for (const sb::JsonMember& theme : themes->members) {
    for (std::string_view name : sb::kPaletteColourNames) {
      INFO(theme.key << " defines " << name);
      CHECK(theme.value.find(name));
    }
  }
}

// ---- loader errors ------------------------------------------------------------------------------

TEST_CASE("palette: a complete theme loads") {
  sb::ThemesLoad load = sb::load_themes(file_with_theme(all_colours()));
  INFO(formatted(load.diagnostics));
  CHECK(load.diagnostics.empty());
  REQUIRE(load.set.themes.size() == 1);
  CHECK(load.set.themes[0].id == "t");
  CHECK(load.set.themes[0].border_scale == 1.0);
  CHECK(load.set.themes[0][sb::PaletteColour::Shadow].g == doctest::Approx(128 / 255.0));
}

TEST_CASE("palette: a bad hex colour is reported at its place and the theme is left out") {
  std::string members = all_colours("text") + ",\n      \"text\": \"#1c2b2\"";
  sb::ThemesLoad load = sb::load_themes(file_with_theme(members));
  CHECK(load.set.themes.empty());
  REQUIRE(load.diagnostics.size() == 1);
  CHECK(sb::format_diagnostic(load.diagnostics[0]) ==
        "themes.json:21:15: error: themes.t.text: must be a colour written \"#rrggbb\" or \"#rrggbbaa\"");
}

TEST_CASE("palette: a missing colour is reported and the theme is left out") {
  sb::ThemesLoad load = sb::load_themes(file_with_theme(all_colours("shadow")));
  CHECK(load.set.themes.empty());
  REQUIRE(load.diagnostics.size() == 1);
  CHECK(sb::format_diagnostic(load.diagnostics[0]) == "themes.json:5:10: error: themes.t: missing colour \"shadow\"");
}

TEST_CASE("palette: an unknown key in a theme warns and the theme still loads") {
  std::string members = all_colours() + ",\n      \"backround\": \"#ffffff\"";
  sb::ThemesLoad load = sb::load_themes(file_with_theme(members));
  REQUIRE(load.set.themes.size() == 1);
  REQUIRE(load.diagnostics.size() == 1);
  CHECK(sb::format_diagnostic(load.diagnostics[0]) ==
        "themes.json:22:7: warning: themes.t: unknown key \"backround\" (not a palette colour; ignored)");
}

TEST_CASE("palette: other mistakes are each reported in words") {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::string good_theme = "\"t\": {" + all_colours() + "}";
  const Case cases[] = {
      {"{\"schema\": 1, \"text_pairs\": [", "themes.json:1:"},
      {"[]", "the file must hold an object, not a list"},
      {"{\"schema\": 2}", "schema: must be 1"},
      {"{\"schema\": 1, \"text_pairs\": [{\"colour\": \"text\", \"on\": \"paper\", \"where\": \"x\"}], \"themes\": {" + good_theme + "}}",
       "text_pairs[0].on: unknown palette colour \"paper\""},
      {"{\"schema\": 1, \"text_pairs\": [{\"colour\": \"text\", \"on\": \"surface\"}], \"themes\": {" + good_theme + "}}",
       "text_pairs[0]: missing required key \"where\""},
      {"{\"schema\": 1, \"text_pairs\": [], \"themes\": {" + good_theme + "}}", "text_pairs: must list at least one pair"},
      {"{\"schema\": 1, \"text_pairs\": [{\"colour\": \"text\", \"on\": \"surface\", \"where\": \"x\"}], \"themes\": []}",
       "themes: must be an object of themes by id, not a list"},
      {"{\"schema\": 1, \"themes\": {" + good_theme + "}}", "text_pairs: is missing"},
      {file_with_theme(all_colours("background") + ", \"background\": \"#ffffff80\""),
       "themes.t.background: must be opaque"},
      {file_with_theme(all_colours() + ", \"border_scale\": 9"), "themes.t.border_scale: must be a number from 1 to 4"},
      {file_with_theme(all_colours("text") + ", \"text\": 12"), "themes.t.text: must be a colour written"},
  };
  for (const Case& c : cases) {
    sb::ThemesLoad load = sb::load_themes(c.text);
    std::string all = formatted(load.diagnostics);
    INFO(c.text);
    INFO(all);
    CHECK(sb::count_errors(load.diagnostics) >= 1);
    CHECK(all.find(c.message) != std::string::npos);
  }
}

TEST_CASE("palette: an unusable theme falls back to light, and an unusable file to nothing") {
  const std::string good = "{" + all_colours() + "}";
  const std::string pairs = "\"text_pairs\": [{\"colour\": \"text\", \"on\": \"surface\", \"where\": \"x\"}]";
  sb::ThemesLoad load = sb::load_themes("{\"schema\": 1, " + pairs + ", \"themes\": {\"light\": " + good +
                                        ", \"dark\": {\"text\": \"#fff\"}}}");
  REQUIRE(load.set.themes.size() == 1);
  CHECK(sb::count_errors(load.diagnostics) > 0);
  REQUIRE(load.set.choose("dark"));
  CHECK(load.set.choose("dark")->id == "light");
  CHECK(load.set.choose("sepia")->id == "light");
  CHECK(load.set.choose("light")->id == "light");
  CHECK(sb::load_themes("").set.choose("light") == nullptr);
  CHECK(sb::load_themes("{\"schema\": 1, \"themes\": {\"dark\": " + good + "}}").set.choose("light") == nullptr);
}

TEST_CASE("palette: a theme id used twice keeps the first") {
  const std::string theme = "{" + all_colours() + "}";
  sb::ThemesLoad load = sb::load_themes(
      "{\"schema\": 1, \"text_pairs\": [{\"colour\": \"text\", \"on\": \"surface\", \"where\": \"x\"}], "
      "\"themes\": {\"a\": " + theme + ", \"a\": " + theme + "}}");
  CHECK(load.set.themes.size() == 1);
  REQUIRE(load.diagnostics.size() == 1);
  CHECK(load.diagnostics[0].key == "themes.a");
}
