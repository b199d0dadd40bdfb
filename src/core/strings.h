// strings: the table of every piece of interface text, loaded from assets/strings.json,
// so a language can be added without touching code.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace sb {

struct Strings {
  std::string language;                      // BCP 47 tag, e.g. "en"
  std::map<std::string, std::string, std::less<>> table;  // key -> text

  // The text for key; a missing key returns "[key]" so the gap is visible, never blank.
  std::string get(std::string_view key) const;

  // The text for key with each {name} replaced by its value.
  std::string format(std::string_view key,
                     const std::vector<std::pair<std::string_view, std::string>>& values) const;
};

struct StringsLoad {
  Strings strings;
  Diagnostics diagnostics;
};

// Reads {"schema": 1, "language": "en", "strings": {"key": "text", ...}}.
StringsLoad load_strings(std::string_view json_text, std::string_view file_name = "strings.json");

}  // namespace sb
