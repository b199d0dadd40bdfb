// glyphs: see glyphs.h.
#include "core/glyphs.h"

#include "core/utf8.h"

namespace sb {

bool glyph_in(const uint16_t* ranges, char32_t c) {
  for (const uint16_t* r = ranges; r[0] != 0; r += 2) {
    if (c >= r[0] && c <= r[1]) return true;
  }
  return false;
}

char32_t first_missing_glyph(const uint16_t* ranges, std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    const Utf8Char c = utf8_char(utf8, i);
    if (c.size == 0) return 0xFFFD;  // not a whole, well-formed character
    if (!glyph_in(ranges, c.code_point)) return c.code_point;
    i += c.size;
  }
  return 0;
}

}  // namespace sb
