// library_filter: the library's filters and its forgiving search by name.
#include "core/library_filter.h"

#include <algorithm>

namespace sb {

namespace {

// A run of Latin code points with accents and the plain letters each stands for.
struct Unaccent {
  uint32_t first, last;
  const char* plain;
};

// U+00C0 to U+017F (Latin-1 Supplement and Latin Extended-A), upper and lower case alike.
constexpr Unaccent kUnaccent[] = {
    {0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},  {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},   {0xCC, 0xCF, "i"},
    {0xD0, 0xD0, "d"},   {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},   {0xD8, 0xD8, "o"},   {0xD9, 0xDC, "u"},
    {0xDD, 0xDD, "y"},   {0xDE, 0xDE, "th"},  {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},   {0xE6, 0xE6, "ae"},
    {0xE7, 0xE7, "c"},   {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},   {0xF0, 0xF0, "d"},   {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},   {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},   {0xFE, 0xFE, "th"},
    {0xFF, 0xFF, "y"},   {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"},
    {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"},
    {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

const char* unaccented(uint32_t cp) {
  for (const Unaccent& u : kUnaccent) {
    if (cp >= u.first && cp <= u.last) return u.plain;
  }
  return nullptr;
}

// Length of the UTF-8 sequence that starts with byte b (1 for a stray continuation byte).
size_t sequence_length(unsigned char b) {
  if (b >= 0xF0 && b < 0xF8) return 4;
  if (b >= 0xE0) return b < 0xF0 ? 3 : 1;
  if (b >= 0xC0) return 2;
  return 1;
}

// The code point of a well-formed sequence of n bytes at s, or 0 when it is not one.
uint32_t decode(std::string_view s, size_t n) {
  if (n < 2 || s.size() < n) return 0;
  uint32_t cp = static_cast<unsigned char>(s[0]) & (0x7Fu >> n);
  for (size_t i = 1; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3Fu);
  }
  return cp;
}

bool is_apostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC; }

// The folded query split into its words.
std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool has_all(std::string_view haystack, const std::vector<std::string>& words) {
  return std::all_of(words.begin(), words.end(),
                     [&](const std::string& w) { return haystack.find(w) != std::string_view::npos; });
}

SearchMatch match_words(const Exercise& e, const std::vector<std::string>& words) {
  if (words.empty()) return SearchMatch::Name;
  const std::string name = fold_for_search(e.name);
  if (has_all(name, words)) return SearchMatch::Name;
  const std::string both = name + " " + fold_for_search(e.summary);
  return has_all(both, words) ? SearchMatch::Summary : SearchMatch::None;
}

// Every filter but the search.
bool passes_filters(const LibraryFilter& f, const Exercise& e) {
  if (f.category >= 0 && static_cast<int>(e.category) != f.category) return false;
  if (f.position >= 0 && static_cast<int>(e.position) != f.position) return false;
  if (f.equipment_set && !equipment_within(e, f.have)) return false;
  if (f.eases >= 0 && std::none_of(e.eases.begin(), e.eases.end(),
                                   [&](PainEase x) { return static_cast<int>(x) == f.eases; })) {
    return false;
  }
  return true;
}

}  // namespace

bool LibraryFilter::operator==(const LibraryFilter& o) const {
  return category == o.category && position == o.position && equipment_set == o.equipment_set &&
         (!equipment_set || have == o.have) && eases == o.eases && query == o.query;
}

bool filter_active(const LibraryFilter& f) {
  return f.category >= 0 || f.position >= 0 || f.equipment_set || f.eases >= 0 ||
         !fold_for_search(f.query).empty();
}

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;  // a space is owed before the next kept character
  auto keep = [&](std::string_view s) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out += s;
  };
  for (size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      const char c = static_cast<char>(b);
      if (c >= 'A' && c <= 'Z') keep(std::string(1, static_cast<char>(c - 'A' + 'a')));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) keep(std::string_view(&text[i], 1));
      else if (c != '\'') space = true;
      ++i;
      continue;
    }
    const size_t len = sequence_length(b);
    const size_t n = std::min(len, text.size() - i);
    const uint32_t cp = n == len ? decode(text.substr(i, n), n) : 0;  // 0: cut short
    if (is_apostrophe(cp)) {
      // dropped, so "child's" and "childs" meet
    } else if (const char* plain = unaccented(cp)) {
      keep(plain);
    } else if (cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0 || cp == 0) {
      space = true;  // punctuation, spaces, and bytes that are not UTF-8
    } else {
      keep(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

bool equipment_within(const Exercise& e, uint32_t have) {
  return std::all_of(e.equipment.begin(), e.equipment.end(),
                     [&](Equipment q) { return q == Equipment::None || (have & equipment_bit(q)) != 0; });
}

SearchMatch search_match(const Exercise& e, std::string_view query) {
  return match_words(e, words_of(fold_for_search(query)));
}

bool library_shows(const LibraryFilter& filter, const Exercise& e) {
  return passes_filters(filter, e) && search_match(e, filter.query) != SearchMatch::None;
}

std::vector<int> filter_library(const std::vector<Exercise>& exercises, const LibraryFilter& filter) {
  const std::vector<std::string> words = words_of(fold_for_search(filter.query));
  std::vector<int> by_name, by_summary;
  for (size_t i = 0; i < exercises.size(); ++i) {
    const Exercise& e = exercises[i];
    if (!passes_filters(filter, e)) continue;
    const SearchMatch m = match_words(e, words);
    if (m == SearchMatch::Name) by_name.push_back(static_cast<int>(i));
    if (m == SearchMatch::Summary) by_summary.push_back(static_cast<int>(i));
  }
  by_name.insert(by_name.end(), by_summary.begin(), by_summary.end());
  return by_name;
}

}  // namespace sb
