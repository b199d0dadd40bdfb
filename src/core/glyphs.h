// glyphs: which characters the app's fonts hold, as lists of first and last code points
// (both included) ending in 0, the form ImGui's font atlas takes.
#pragma once

#include <cstdint>
#include <string_view>

namespace sb {

// The characters of the interface's own text (assets/strings.json). The fonts of the first
// screen hold only these: half as many glyphs to draw as kAllGlyphs, at the start, where the
// time shows (ui/theme.h Glyphs).
inline constexpr uint16_t kInterfaceGlyphs[] = {0x0020, 0x007E, 0x00B7, 0x00B7, 0x2013, 0x2026, 0x2190, 0x2193,
                                                0x2212, 0x2212, 0x2264, 0x2265, 0};
// Those and the rest of Latin-1: the exercise library, and names and notes from a clinic, a
// prescription link or the person (the font files hold no more: CMakeLists.txt FONT_UNICODES).
inline constexpr uint16_t kAllGlyphs[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190, 0x2193,
                                          0x2212, 0x2212, 0x2264, 0x2265, 0};
// The player's big counter: digits and ':'.
inline constexpr uint16_t kDigitGlyphs[] = {0x0030, 0x003A, 0};

// Whether code point c is in ranges.
bool glyph_in(const uint16_t* ranges, char32_t c);

// The first character of UTF-8 text that ranges do not hold, or 0 when they hold all of it.
// Text that is not well-formed UTF-8 counts as missing U+FFFD (core/utf8.h).
char32_t first_missing_glyph(const uint16_t* ranges, std::string_view utf8);

}  // namespace sb
