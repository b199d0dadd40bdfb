// Tests of the fonts' character lists: the interface's text needs only the first screen's
// glyphs, and the exercise library only what the fonts hold in the end.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "core/glyphs.h"
#include "core/strings.h"
#include "test_files.h"

namespace {

std::string asset(const char* name) {
  return sb_test::read_file(std::filesystem::path(STEADY_SOURCE_DIR) / "assets" / name);
}

std::string hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

}  // namespace

TEST_CASE("glyphs: every interface string is drawn with the first screen's glyphs") {
  auto load = sb::load_strings(asset("strings.json"));
  REQUIRE(load.strings.table.size() > 100);
  for (const auto& [key, text] : load.strings.table) {
    const char32_t missing = sb::first_missing_glyph(sb::kInterfaceGlyphs, text);
    INFO(key, ": ", text);
    CHECK_MESSAGE(missing == 0, "add ", hex(missing), " to kInterfaceGlyphs (core/glyphs.h)");
  }
}

TEST_CASE("glyphs: the exercise library needs no character the fonts lack") {
  for (const char* file : {"exercises.json", "guidance.json", "programmes.json"}) {
    std::string text = asset(file);
    REQUIRE(!text.empty());
    for (char& c : text) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';  // the file's layout, not text that is drawn
    }
    const char32_t missing = sb::first_missing_glyph(sb::kAllGlyphs, text);
    INFO(std::string(file));
    CHECK_MESSAGE(missing == 0, hex(missing), " is not in the fonts");
  }
}

TEST_CASE("glyphs: all the glyphs include the interface's and the rest of Latin-1") {
  for (char32_t c = 0x20; c <= 0x2265; ++c) {
    if (sb::glyph_in(sb::kInterfaceGlyphs, c)) CHECK(sb::glyph_in(sb::kAllGlyphs, c));
  }
  CHECK(sb::first_missing_glyph(sb::kAllGlyphs, "Physioth\xC3\xA9rapie Gen\xC3\xA8ve \xC2\xB7 \xE2\x80\x93 10\xC2\xB0") == 0);
  // A name from a clinic is exactly what the first screen's fonts lack.
  CHECK(sb::first_missing_glyph(sb::kInterfaceGlyphs, "Gen\xC3\xA8ve") == U'\u00E8');
  CHECK(sb::first_missing_glyph(sb::kInterfaceGlyphs, "Side \xC2\xB7 left \xE2\x86\x92 right") == 0);
  CHECK(sb::first_missing_glyph(sb::kDigitGlyphs, "12:05") == 0);
  CHECK(sb::first_missing_glyph(sb::kDigitGlyphs, "12 s") == U' ');
}

TEST_CASE("glyphs: text that is not whole UTF-8 counts as missing") {
  CHECK(sb::first_missing_glyph(sb::kAllGlyphs, "ok\x80") == 0xFFFD);      // a lone continuation byte
  CHECK(sb::first_missing_glyph(sb::kAllGlyphs, "ok\xC3") == 0xFFFD);      // cut short
  CHECK(sb::first_missing_glyph(sb::kAllGlyphs, "\xE2\x28\xA1") == 0xFFFD);  // a bad continuation
  CHECK(sb::first_missing_glyph(sb::kAllGlyphs, "\xF8\x88\x80\x80") == 0xFFFD);
  CHECK(sb::first_missing_glyph(sb::kAllGlyphs, "\xF0\x9F\x98\x80") == 0x1F600);  // whole, but not in the fonts
  CHECK(sb::first_missing_glyph(sb::kAllGlyphs, "") == 0);
}
