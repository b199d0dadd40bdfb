// utf8: see utf8.h.
#include "core/utf8.h"

namespace sb {

Utf8Char utf8_char(std::string_view s, size_t i) {
  Utf8Char out;
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t extra = 0;
  char32_t cp = 0;
  if (b0 < 0x80) {
    cp = b0;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    extra = 1;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    extra = 2;
    cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    extra = 3;
    cp = b0 & 0x07u;
  } else {
    out.bad_byte = i;
    return out;
  }
  if (extra > 0 && i + extra >= s.size()) {
    out.cut_short = true;
    return out;
  }
  for (size_t k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      out.bad_byte = i + k;
      return out;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  const bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
  if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    out.bad_byte = i;
    return out;
  }
  out.code_point = cp;
  out.size = 1 + extra;
  return out;
}

}  // namespace sb
