// Tests of the interface string table: loading, lookup, placeholders, and that every key
// the interface code asks for exists in the shipped English table.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/strings.h"
#include "test_files.h"

namespace {

using sb_test::read_file;

std::string formatted(const sb::Diagnostics& d) {
  std::string out;
  for (const auto& x : d) out += sb::format_diagnostic(x) + "\n";
  return out;
}

}  // namespace

TEST_CASE("strings: the shipped table loads cleanly") {
  auto load = sb::load_strings(read_file(std::filesystem::path(STEADY_SOURCE_DIR) / "assets/strings.json"));
  INFO(formatted(load.diagnostics));
  CHECK(load.diagnostics.empty());
  CHECK(load.strings.language == "en");
  CHECK(load.strings.get("app.name") == "Steady Back");
}

TEST_CASE("strings: every key used by the interface exists") {
  auto load = sb::load_strings(read_file(std::filesystem::path(STEADY_SOURCE_DIR) / "assets/strings.json"));
  std::regex use(R"re((?:strings\.get|strings\.format|tr)\(\s*"([a-z0-9_.\-]+)"\s*[,)])re");
  int uses = 0;
  for (const char* dir : {"src/ui", "src", "src/core"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(STEADY_SOURCE_DIR) / dir)) {
      if (entry.path().extension() != ".cpp") continue;
      std::string text = read_file(entry.path());
      for (std::sregex_iterator it(text.begin(), text.end(), use), end; it != end; ++it) {
        ++uses;
        std::string key = (*it)[1];
        INFO(entry.path().filename().string() << " uses " << key);
        CHECK(load.strings.table.count(key) == 1);
      }
    }
  }
  CHECK(uses > 3);
}

TEST_CASE("strings: a missing key is visible, not blank") {
  sb::Strings s;
  CHECK(s.get("nope.key") == "[nope.key]");
}

TEST_CASE("strings: placeholders are filled by name") {
  auto load = sb::load_strings(R"({"schema":1,"language":"en","strings":{"k":"Set {set} of {sets}, {x}"}})");
  REQUIRE(load.diagnostics.empty());
  CHECK(load.strings.format("k", {{"set", "2"}, {"sets", "3"}}) == "Set 2 of 3, {x}");
}

TEST_CASE("strings: bad tables are reported with position and key") {
  auto check = [](const char* json, const char* expected) {
    auto load = sb::load_strings(json);
    REQUIRE(!load.diagnostics.empty());
    CHECK(sb::format_diagnostic(load.diagnostics.front()) == expected);
  };
  check("{\"schema\":1,\"language\":\"en\",\"strings\":{\"a\":3}}", "strings.json:1:44: error: strings.a: must be a string");
  check("{\"schema\":2}", "strings.json:1:11: error: schema: must be 1");
  check("{\"schema\":1,\n\"language\":\"en\",\"strings\":{},\n\"colour\":1}",
        "strings.json:3:1: warning: colour: unknown key \"colour\" (ignored)");
  check("{\"schema\":1,\"strings\":{}}", "strings.json:1:1: error: language: is missing");
  check("{\"schema\":1,\"language\":\"en\",\"strings\":{\"a\":\"\"}}",
        "strings.json:1:44: error: strings.a: must not be empty");
  check("[1,", "strings.json:1:4: error: Invalid value");
}
