// utf8: reading UTF-8 text one character at a time.
#pragma once

#include <cstddef>
#include <string_view>

namespace sb {

// One character of UTF-8 text, or where it goes wrong.
struct Utf8Char {
  char32_t code_point = 0;
  size_t size = 0;         // its bytes; 0 when the text is not well-formed here
  size_t bad_byte = 0;     // when size is 0: the offset in the text of the byte at fault
  bool cut_short = false;  // when size is 0: the text ends inside the character
};

// The character at byte i of s (i < s.size()). Only well-formed UTF-8 is read: no overlong
// forms, surrogates or code points past U+10FFFF.
Utf8Char utf8_char(std::string_view s, size_t i);

}  // namespace sb
