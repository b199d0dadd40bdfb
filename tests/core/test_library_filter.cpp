// Tests of the library's filters and search: what a person sees when they say what they have,
// what eases their pain, or type part of a name, however they spell its case and accents;
// and the same rules over the shipped library.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/library_filter.h"
#include "test_files.h"

namespace {

using sb::PainEase;
using sb::Equipment;

sb::Exercise make(const std::string& id, const std::string& name, std::vector<Equipment> equipment,
                  std::vector<PainEase> eases, const std::string& summary = "Does it.") {
  sb::Exercise e;
  e.id = id;
  e.name = name;
  e.summary = summary;
  e.equipment = std::move(equipment);
  e.eases = std::move(eases);
  return e;
}

std::vector<std::string> ids(const std::vector<sb::Exercise>& all, const std::vector<int>& shown) {
  std::vector<std::string> out;
  for (int i : shown) out.push_back(all[static_cast<size_t>(i)].id);
  return out;
}

const std::vector<sb::Exercise>& sample() {
  static const std::vector<sb::Exercise> list = {
      make("walk", "Walking", {}, {PainEase::Moving}, "Walk at an easy pace on flat ground."),
      make("stand-bend", "Standing backward bend", {Equipment::None}, {PainEase::LeaningBack}),
      make("knee", "Knee to chest", {Equipment::Mat}, {PainEase::BendingForward}, "Hug one knee towards your chest."),
      make("child", "Child\xE2\x80\x99s pose", {Equipment::Mat}, {PainEase::BendingForward}),
      make("strap", "Hamstring stretch", {Equipment::Mat, Equipment::TowelStrap}, {PainEase::Moving}, "Lie on your back, strap round one foot."),
      make("swim", "Swimming", {Equipment::Pool}, {PainEase::LeaningBack, PainEase::Moving}),
      make("cafe", "Étirement du café", {Equipment::StoolChair}, {PainEase::Moving}),
  };
  return list;
}

}  // namespace

TEST_CASE("search text folds case, accents, apostrophes and punctuation") {
  CHECK(sb::fold_for_search("Knee to Chest") == "knee to chest");
  CHECK(sb::fold_for_search("Child's pose") == "childs pose");
  CHECK(sb::fold_for_search("Child\xE2\x80\x99s pose") == "childs pose");  // curly apostrophe
  CHECK(sb::fold_for_search("  Cat-cow  ") == "cat cow");
  CHECK(sb::fold_for_search("ÉTIREMENT Été") == "etirement ete");
  CHECK(sb::fold_for_search("Straße, Œuvre, Łódź") == "strasse oeuvre lodz");
  CHECK(sb::fold_for_search("") == "");
  CHECK(sb::fold_for_search("---") == "");
  // Other scripts pass unchanged; bytes that are not UTF-8 break words but never crash.
  CHECK(sb::fold_for_search("腰 stretch") == "腰 stretch");
  CHECK(sb::fold_for_search(std::string("a\xFF" "b\xC3")) == "a b");
  CHECK(sb::fold_for_search(std::string("a\xE2\x80")) == "a");
}

TEST_CASE("search finds part of a name, in any case, and words in any order") {
  const auto& all = sample();
  CHECK(sb::search_match(all[2], "chest") == sb::SearchMatch::Name);
  CHECK(sb::search_match(all[2], "KNEE") == sb::SearchMatch::Name);
  CHECK(sb::search_match(all[2], "nee to") == sb::SearchMatch::Name);
  CHECK(sb::search_match(all[2], "chest knee") == sb::SearchMatch::Name);
  CHECK(sb::search_match(all[3], "childs") == sb::SearchMatch::Name);
  CHECK(sb::search_match(all[3], "child's pose") == sb::SearchMatch::Name);
  CHECK(sb::search_match(all[6], "etirement cafe") == sb::SearchMatch::Name);
  CHECK(sb::search_match(all[6], "CAFÉ") == sb::SearchMatch::Name);
  CHECK(sb::search_match(all[2], "hug") == sb::SearchMatch::Summary);  // only in the summary
  CHECK(sb::search_match(all[2], "knee hug") == sb::SearchMatch::Summary);
  CHECK(sb::search_match(all[2], "plank") == sb::SearchMatch::None);
  CHECK(sb::search_match(all[2], "") == sb::SearchMatch::Name);  // no words: everything
}

TEST_CASE("name matches come before summary matches, each in library order") {
  const auto& all = sample();
  sb::LibraryFilter f;
  f.query = "back";
  // "Standing backward bend" by name, then the strap stretch by "Lie on your back".
  CHECK(ids(all, sb::filter_library(all, f)) == std::vector<std::string>{"stand-bend", "strap"});
  f.query = "zzz";
  CHECK(sb::filter_library(all, f).empty());
  f.query = "  ";
  CHECK(sb::filter_library(all, f).size() == all.size());
}

TEST_CASE("what you have: exercises needing only that, or nothing") {
  const auto& all = sample();
  sb::LibraryFilter f;
  CHECK(sb::filter_library(all, f).size() == all.size());  // not said: everything
  f.equipment_set = true;                                  // "Nothing"
  CHECK(ids(all, sb::filter_library(all, f)) == std::vector<std::string>{"walk", "stand-bend"});
  f.have = sb::equipment_bit(Equipment::Mat);
  // The strap stretch needs a towel too, so a mat alone is not enough.
  CHECK(ids(all, sb::filter_library(all, f)) == std::vector<std::string>{"walk", "stand-bend", "knee", "child"});
  f.have |= sb::equipment_bit(Equipment::TowelStrap);
  CHECK(ids(all, sb::filter_library(all, f)) == std::vector<std::string>{"walk", "stand-bend", "knee", "child", "strap"});
  f.have = sb::equipment_bit(Equipment::Pool);
  CHECK(ids(all, sb::filter_library(all, f)) == std::vector<std::string>{"walk", "stand-bend", "swim"});
}

TEST_CASE("eases my pain when, and filters combine") {
  const auto& all = sample();
  sb::LibraryFilter f;
  f.eases = static_cast<int>(PainEase::LeaningBack);
  CHECK(ids(all, sb::filter_library(all, f)) == std::vector<std::string>{"stand-bend", "swim"});
  f.eases = static_cast<int>(PainEase::BendingForward);
  CHECK(ids(all, sb::filter_library(all, f)) == std::vector<std::string>{"knee", "child"});
  f.query = "pose";
  CHECK(ids(all, sb::filter_library(all, f)) == std::vector<std::string>{"child"});
  f.equipment_set = true;  // nothing at hand: neither needs no mat
  CHECK(sb::filter_library(all, f).empty());
  CHECK(sb::filter_active(f));
  CHECK_FALSE(sb::filter_active(sb::LibraryFilter{}));
  sb::LibraryFilter blank;
  blank.query = " - ";
  CHECK_FALSE(sb::filter_active(blank));  // a search of no words narrows nothing
}

TEST_CASE("filters compare by what they show") {
  sb::LibraryFilter a, b;
  CHECK(a == b);
  b.have = sb::equipment_bit(Equipment::Mat);  // unused while equipment is not said
  CHECK(a == b);
  a.equipment_set = b.equipment_set = true;
  CHECK(a != b);
  b = a;
  b.query = "x";
  CHECK(a != b);
}

TEST_CASE("over the shipped library, each filter keeps exactly what the rule says") {
  const std::string dir = STEADY_SOURCE_DIR "/assets/";
  static const sb::ContentLoad loaded =
      sb::load_content({sb_test::read_file(dir + "exercises.json"), sb_test::read_file(dir + "guidance.json"),
                        sb_test::read_file(dir + "programmes.json")});
  const std::vector<sb::Exercise>& all = loaded.content.exercises;
  REQUIRE(!all.empty());
  for (size_t k = 0; k < sb::kPainEaseNames.size(); ++k) {
    sb::LibraryFilter f;
    f.eases = static_cast<int>(k);
    const std::vector<int> shown = sb::filter_library(all, f);
    CHECK_MESSAGE(shown.size() >= 5, sb::kPainEaseNames[k]);  // every choice leaves a real choice
    for (size_t i = 0; i < all.size(); ++i) {
      const bool has = std::find(all[i].eases.begin(), all[i].eases.end(), static_cast<PainEase>(k)) != all[i].eases.end();
      CHECK(has == (std::find(shown.begin(), shown.end(), static_cast<int>(i)) != shown.end()));
    }
  }
  sb::LibraryFilter nothing;
  nothing.equipment_set = true;
  for (int i : sb::filter_library(all, nothing)) {
    for (Equipment q : all[static_cast<size_t>(i)].equipment) CHECK(q == Equipment::None);
  }
  CHECK(sb::filter_library(all, nothing).size() >= 3);  // a few things need nothing at all
  sb::LibraryFilter search;
  search.query = "KNEE TO";
  const std::vector<int> knee = sb::filter_library(all, search);
  REQUIRE(!knee.empty());
  CHECK(all[static_cast<size_t>(knee.front())].id == "knee-to-chest");
}
