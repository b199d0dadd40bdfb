// fuzz_strings: the interface string table loader (strings.json) and placeholder filling.
// Checked: no crash; every loaded key reads back its text; a missing key shows itself.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/strings.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sb::StringsLoad loaded =
      sb::load_strings(std::string_view(reinterpret_cast<const char*>(data), size));
  const sb::Strings& strings = loaded.strings;
  for (const auto& [key, text] : strings.table) {
    sb_fuzz::expect(strings.get(key) == text, "a loaded key reads back its text");
    strings.format(key, {{"n", "3"}, {"t", "5 s"}, {"a", "{b}"}});
  }
  if (strings.table.count("no.such.key") == 0) {
    sb_fuzz::expect(strings.get("no.such.key") == "[no.such.key]", "a missing key shows itself");
  }
  return 0;
}
