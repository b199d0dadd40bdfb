// fuzz_content: the content loaders (exercises.json, guidance.json, programmes.json and
// seed_index.json). The input is up to four files separated by zero bytes, in that order.
// Checked: no crash, and what load_content promises: only valid, unique ids; unique codes;
// no link to an unknown exercise; every dosage within range, so anything loaded can be played;
// known "eases" values, each once; and the library's search finds every exercise by its name.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/library_filter.h"
#include "fuzz_support.h"

namespace {

using sb_fuzz::expect;

void expect_known(const sb::Content& c, const std::vector<std::string>& ids, const char* what) {
  for (const std::string& id : ids) expect(c.find_exercise(id) != nullptr, what);
}

void expect_playable(const sb::Dosage& d, bool timed, const char* what) {
  sb::Diagnostics found;
  expect(sb::validate_dosage_ranges(d, timed, nullptr, "", "", found), what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  size_t start = 0;
  while (parts.size() < 3) {
    const size_t end = input.find('\0', start);
    if (end == std::string_view::npos) break;
    parts.emplace_back(input.substr(start, end - start));
    start = end + 1;
  }
  parts.emplace_back(input.substr(std::min(start, input.size())));
  parts.resize(4);

  const sb::ContentLoad loaded = sb::load_content({parts[0], parts[1], parts[2]});
  const sb::Content& c = loaded.content;
  std::set<std::string> ids;
  std::set<int> codes;
  for (const sb::Exercise& e : c.exercises) {
    expect(sb::is_valid_id(e.id), "exercise ids are valid");
    expect(ids.insert(e.id).second, "exercise ids are unique");
    expect(e.code >= 0 && e.code <= sb::kExerciseCodeMax, "codes are in range");
    expect(e.code == 0 || codes.insert(e.code).second, "codes are unique");
    expect_known(c, e.easier, "easier links resolve");
    expect_known(c, e.harder, "harder links resolve");
    expect_playable(e.dosage, e.timed, "default dosages are in range");
    for (const sb::Dosage& d : e.alt_dosages) expect_playable(d, e.timed, "alternatives are in range");
    for (size_t i = 0; i < e.eases.size(); ++i) {
      expect(static_cast<size_t>(e.eases[i]) < sb::kPainEaseNames.size(), "eases values are known");
      expect(i == 0 || e.eases[i - 1] < e.eases[i], "eases values are listed once");
    }
    expect(sb::search_match(e, e.name) == sb::SearchMatch::Name, "an exercise is found by its own name");
  }
  sb::LibraryFilter filter;
  filter.query = parts[3].substr(0, 64);  // whatever the seed index file starts with, typed as a search
  for (int i : sb::filter_library(c.exercises, filter)) {
    expect(i >= 0 && static_cast<size_t>(i) < c.exercises.size(), "the library shows real exercises");
  }
  for (const sb::PainGroup& g : c.pain_groups) expect_known(c, g.exercises, "pain groups resolve");
  for (const sb::AvoidEntry& a : c.avoid) expect_known(c, a.instead, "avoid entries resolve");
  for (const sb::Programme& p : c.programmes) {
    for (const sb::ProgrammeItem& item : p.items) {
      const sb::Exercise* e = c.find_exercise(item.exercise);
      expect(e != nullptr, "programme items resolve");
      expect(c.find_avoid(item.exercise) == nullptr, "programmes never use an avoid entry");
      expect_playable(item.dosage, e->timed, "programme dosages are in range");
    }
  }
  const sb::SeedIndexLoad seeds = sb::load_seed_index(parts[3], c);
  for (const sb::SeedExercise& s : seeds.exercises) {
    expect(s.id.empty() || c.find_exercise(s.id) != nullptr, "seed index ids resolve");
  }
  return 0;
}
