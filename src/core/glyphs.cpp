// glyphs: see glyphs.h.
#include "core/glyphs.h"

namespace sb {

bool glyph_in(const uint16_t* ranges, char32_t c) {
  for (const uint16_t* r = ranges; r[0] != 0; r += 2) {
    if (c >= r[0] && c <= r[1]) return true;
  }
  return false;
}

char32_t first_missing_glyph(const uint16_t* ranges, std::string_view utf8) {
  constexpr char32_t kBad = 0xFFFD;
  size_t i = 0;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    size_t extra = 0;  // continuation bytes after the lead
    char32_t c = lead;
    if (lead >= 0xC2 && lead <= 0xDF) {
      extra = 1;
      c = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      extra = 2;
      c = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      extra = 3;
      c = lead & 0x07u;
    } else if (lead >= 0x80) {
      return kBad;  // a continuation byte, or a byte no character starts with
    }
    if (i + extra >= utf8.size()) return kBad;  // cut short
    for (size_t k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(utf8[i + k]);
      if ((next & 0xC0u) != 0x80u) return kBad;
      c = (c << 6) | (next & 0x3Fu);
    }
    if (!glyph_in(ranges, c)) return c;
    i += extra + 1;
  }
  return 0;
}

}  // namespace sb
