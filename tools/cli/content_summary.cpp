// content_summary: loads the content files of an assets folder with the app's own loader and
// prints every problem, what the library holds (exercises by category, position, equipment
// and what eases the pain; programmes) and which seed exercises it covers, for content
// authors and CI.
// Usage: content_summary [ASSETS_DIR]   (exit code 1 when the content has load errors)
#include "core/content.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "read_file.h"

namespace {

constexpr const char* kDefaultAssetsDir = STEADY_SOURCE_DIR "/assets";

using sb_cli::read_file;

// Prints "  label: name N, name N" for every name of the enum, in table order.
template <typename E, size_t N>
void print_counts(const char* label, const std::array<std::string_view, N>& names,
                  const std::map<E, int>& counts) {
  std::printf("  %-11s", (std::string(label) + ":").c_str());
  const char* sep = " ";
  for (size_t i = 0; i < N; ++i) {
    auto it = counts.find(static_cast<E>(i));
    std::printf("%s%.*s %d", sep, static_cast<int>(names[i].size()), names[i].data(),
                it == counts.end() ? 0 : it->second);
    sep = ", ";
  }
  std::printf("\n");
}

void print_diagnostics(const sb::Diagnostics& diags) {
  for (const sb::Diagnostic& d : diags) std::printf("%s\n", sb::format_diagnostic(d).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : kDefaultAssetsDir;
  bool unreadable = false;
  auto load = [&](const char* name) {
    std::string text;
    if (!read_file(dir + "/" + name, text)) {
      std::printf("%s: error: cannot read %s/%s\n", name, dir.c_str(), name);
      unreadable = true;
    }
    return text;
  };
  sb::ContentFiles files;
  files.exercises_json = load("exercises.json");
  files.guidance_json = load("guidance.json");
  files.programmes_json = load("programmes.json");
  const std::string seed_index_text = load("seed_index.json");
  if (unreadable) return 1;

  const sb::ContentLoad loaded = sb::load_content(files);
  const sb::SeedIndexLoad seeds = sb::load_seed_index(seed_index_text, loaded.content);
  print_diagnostics(loaded.diagnostics);
  print_diagnostics(seeds.diagnostics);
  const int errors = sb::count_errors(loaded.diagnostics) + sb::count_errors(seeds.diagnostics);
  const int warnings =
      sb::count_warnings(loaded.diagnostics) + sb::count_warnings(seeds.diagnostics);
  std::printf("content in %s: %d errors, %d warnings\n\n", dir.c_str(), errors, warnings);

  const sb::Content& c = loaded.content;
  std::map<sb::Category, int> by_category;
  std::map<sb::Position, int> by_position;
  std::map<sb::Equipment, int> by_equipment;
  std::map<sb::PainEase, int> by_eases;
  int timed = 0, per_side = 0;
  for (const sb::Exercise& e : c.exercises) {
    ++by_category[e.category];
    ++by_position[e.position];
    if (e.equipment.empty()) ++by_equipment[sb::Equipment::None];
    for (sb::Equipment q : e.equipment) ++by_equipment[q];
    for (sb::PainEase x : e.eases) ++by_eases[x];
    timed += e.timed;
    per_side += e.per_side;
  }
  std::printf("exercises: %zu (%d timed, %d per side)\n", c.exercises.size(), timed, per_side);
  print_counts("category", sb::kCategoryNames, by_category);
  print_counts("position", sb::kPositionNames, by_position);
  print_counts("equipment", sb::kEquipmentNames, by_equipment);
  print_counts("eases", sb::kPainEaseNames, by_eases);
  std::printf("guidance: %zu pain groups, %zu to avoid, %zu red flags, %zu advice\n\n",
              c.pain_groups.size(), c.avoid.size(), c.red_flags.size(), c.advice.size());

  std::printf("programmes: %zu\n", c.programmes.size());
  for (const sb::Programme& p : c.programmes) {
    std::printf("  %-24s %zu items  %s\n", p.id.c_str(), p.items.size(), p.name.c_str());
  }

  std::printf("\nseed exercises: %zu\n", seeds.exercises.size());
  int uncovered = 0;
  for (const sb::SeedExercise& s : seeds.exercises) {
    const bool covered = !s.id.empty();
    uncovered += !covered;
    std::printf("  %-9s %-40s %s\n", s.source.c_str(), s.seed_name.c_str(),
                covered ? ("-> " + s.id).c_str() : "NOT COVERED");
  }
  std::printf("uncovered seed exercises: %d\n", uncovered);
  return errors > 0 ? 1 : 0;
}
