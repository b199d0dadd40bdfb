// library_filter: which exercises the library shows. The person narrows the list by category,
// starting position, the equipment they have, what eases their pain, and words typed in the
// search box; this is the pure part, so the rules are tested natively.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace sb {

struct LibraryFilter {
  int category = -1;           // index into kCategoryNames, -1 = any
  int position = -1;           // index into kPositionNames, -1 = any
  bool equipment_set = false;  // the person said what they have (false: show everything)
  uint32_t have = 0;           // one bit per Equipment they have; needing nothing always passes
  int eases = -1;              // index into kPainEaseNames, -1 = any
  std::string query;           // the search box's text, as typed

  bool operator==(const LibraryFilter& other) const;
  bool operator!=(const LibraryFilter& other) const { return !(*this == other); }
};

// The bit of one piece of equipment in LibraryFilter::have.
constexpr uint32_t equipment_bit(Equipment e) { return 1u << static_cast<unsigned>(e); }

// True when any filter or search narrows the list.
bool filter_active(const LibraryFilter& filter);

// Text made comparable for search: lowercase, accents taken off Latin letters ("É" -> "e",
// "ß" -> "ss"), apostrophes dropped ("Child's" -> "childs"), every other run of characters
// that are not letters or digits one space, no space at either end. Other scripts pass as
// they are.
std::string fold_for_search(std::string_view text);

// True when the exercise needs nothing beyond the equipment in have.
bool equipment_within(const Exercise& e, uint32_t have);

// How an exercise answers a search: every typed word is found in its name, or only in its
// name and summary together, or not.
enum class SearchMatch { None, Summary, Name };
SearchMatch search_match(const Exercise& e, std::string_view query);

// True when the exercise passes every filter and the search.
bool library_shows(const LibraryFilter& filter, const Exercise& e);

// Indices into exercises that pass, in library order, with name matches of a search before
// exercises found only by their summary.
std::vector<int> filter_library(const std::vector<Exercise>& exercises, const LibraryFilter& filter);

}  // namespace sb
