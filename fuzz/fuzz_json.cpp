// fuzz_json: the JSON reader every loader stands on. Checked: no crash (deep nesting
// included); a failure says what and where; every position lies inside the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/json.h"
#include "fuzz_support.h"

namespace {

// Checks the positions of v and everything in it; depth guards the checker's own stack.
void walk(const sb::JsonValue& v, int lines, int depth) {
  sb_fuzz::expect(v.pos.line >= 1 && v.pos.line <= lines && v.pos.col >= 1, "positions are in the text");
  sb_fuzz::expect(depth <= sb::kJsonMaxDepth + 1, "nesting is limited");
  for (const sb::JsonValue& item : v.items) walk(item, lines, depth + 1);
  for (const sb::JsonMember& m : v.members) walk(m.value, lines, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const sb::JsonParseResult r = sb::parse_json(text);
  const int lines = sb::json_offset_to_pos(text, text.size()).line;
  if (r.ok) {
    walk(r.root, lines, 0);
  } else {
    sb_fuzz::expect(!r.error.empty(), "a failure says what is wrong");
  }
  return 0;
}
