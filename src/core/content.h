// content: the exercise library, guidance and preset programmes, and the loader that turns
// the JSON files of assets/ (described in assets/SCHEMA.md) into them. The loader takes
// text, never paths, and returns the content plus every problem it found, each with file,
// line:col and dotted key, so a content author can fix the files without reading C++.
#pragma once

#include "core/diagnostic.h"
#include "core/json.h"

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

// ---- enums and their names in the files ------------------------------------------------
// Each enum's values index its name table, so a loop over the table visits every value.

enum class Category { Mobility, Stretch, Strength, CoreStability, Aerobic };
enum class Position { Supine, Prone, SideLying, Quadruped, Kneeling, Seated, Standing };
enum class Equipment { None, Mat, TowelStrap, FoamRoller, StoolChair, Wall, Band, Pool, ExerciseBike, CrossTrainer };
// What eases the person's pain (directional preference, the three groups of seed 003):
// sitting or bending forward (flexion), standing, lying or leaning back (extension), or no
// position in particular (keep moving: a mix of gentle movement).
enum class PainEase { BendingForward, LeaningBack, Moving };
enum class Target {
  LowerBack, Glutes, Hamstrings, HipFlexors, Abdominals, Hips, ThoracicSpine, Legs, WholeBody
};

inline constexpr std::array<std::string_view, 5> kCategoryNames{
    "mobility", "stretch", "strength", "core-stability", "aerobic"};
inline constexpr std::array<std::string_view, 7> kPositionNames{
    "supine", "prone", "side-lying", "quadruped", "kneeling", "seated", "standing"};
inline constexpr std::array<std::string_view, 10> kEquipmentNames{
    "none", "mat", "towel-strap", "foam-roller", "stool-chair", "wall", "band",
    "pool", "exercise-bike", "cross-trainer"};
inline constexpr std::array<std::string_view, 3> kPainEaseNames{"bending-forward", "leaning-back", "moving"};
inline constexpr std::array<std::string_view, 9> kTargetNames{
    "lower-back", "glutes", "hamstrings", "hip-flexors", "abdominals",
    "hips", "thoracic-spine", "legs", "whole-body"};
// The seed articles (shared/seeds/NNN_*.txt) and NICE guideline NG59: the only citable sources.
inline constexpr std::array<std::string_view, 6> kSourceNames{
    "000", "001", "002", "003", "004", "NICE-NG59"};

// The name used in the files ("core-stability").
std::string_view to_string(Category value);
std::string_view to_string(Position value);
std::string_view to_string(Equipment value);
std::string_view to_string(Target value);
std::string_view to_string(PainEase value);

// Sets out from a name used in the files; false (out unchanged) for an unknown name.
bool from_string(std::string_view name, Category& out);
bool from_string(std::string_view name, Position& out);
bool from_string(std::string_view name, Equipment& out);
bool from_string(std::string_view name, Target& out);
bool from_string(std::string_view name, PainEase& out);

// True for lowercase words of a-z and 0-9 joined by single dashes ("knee-to-chest").
bool is_valid_id(std::string_view id);

// True for one of kSourceNames.
bool is_known_source(std::string_view source);

// ---- the model -------------------------------------------------------------------------

// How much of an exercise to do. A "_max" of 0 means the source gives a single figure.
struct Dosage {
  int reps = 1;             // per set, per side when per_side; 1 for a timed exercise
  int reps_max = 0;         // upper end of a range ("2-3 reps"), 0 = none
  int sets = 1;
  int sets_max = 0;         // 0 = none
  double hold_s = 0.0;      // hold at the end of the movement; a bout's length when timed
  double hold_max_s = 0.0;  // 0 = none
  double move_in_s = 2.0;   // tempo into the position
  double move_out_s = 2.0;  // tempo back out
  double rest_rep_s = 0.0;  // between reps
  double rest_set_s = 0.0;  // between sets
  int per_day = 1;
  int days_per_week = 7;
  std::string source;       // one of kSourceNames
  std::string note;         // what the figures mean, our words; may be empty
};

struct Exercise {
  std::string id;
  int code = 0;         // link code: unique, never reused, 1 to kExerciseCodeMax; 0 = none
  std::string name;     // at most kNameMaxChars characters
  std::string summary;  // one sentence, at most kSummaryMaxChars characters
  Category category = Category::Mobility;
  Position position = Position::Supine;
  std::vector<Equipment> equipment;  // empty or {None}: nothing needed
  std::vector<Target> target;
  std::vector<PainEase> eases;           // pain this suits, by what eases it; empty: not said
  bool per_side = false;  // done left then right
  bool timed = false;     // counts time (hold_s per bout), not reps
  std::vector<std::string> steps;  // kStepsMin to kStepsMax
  std::vector<std::string> cues;
  std::vector<std::string> mistakes;
  std::vector<std::string> safety;
  Dosage dosage;                     // the default
  std::vector<Dosage> alt_dosages;   // other figures the seeds give, each with its source
  std::vector<std::string> easier;   // exercise ids (regressions)
  std::vector<std::string> harder;   // exercise ids (progressions)
  std::vector<std::string> sources;  // at least one of kSourceNames
};

// A group of seed 003: exercises to try when pain is eased by a position (or by none).
struct PainGroup {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> exercises;  // exercise ids
  std::string source;
  bool has_eases = false;  // the group names its PainEase: each of its exercises must list it
  PainEase eases = PainEase::Moving;
};

// An exercise the seeds advise against. Information only: never part of a programme.
struct AvoidEntry {
  std::string id;
  std::string name;
  std::string why;
  std::vector<std::string> instead;  // exercise ids to do instead
  std::string source;
};

struct RedFlag {
  std::string id;
  std::string text;
  bool urgent = false;  // seek emergency care now
  std::string source;
};

struct Advice {
  std::string id;
  std::string text;
  std::string source;
};

struct ProgrammeItem {
  std::string exercise;  // exercise id
  Dosage dosage;         // the exercise's default with the programme's overrides applied
};

struct Programme {
  std::string id;
  std::string name;
  std::string description;
  std::string note;  // may be empty
  std::vector<std::string> sources;
  std::vector<ProgrammeItem> items;  // kProgrammeItemsMin to kProgrammeItemsMax when valid
};

struct Content {
  std::vector<Exercise> exercises;
  std::vector<PainGroup> pain_groups;
  std::vector<AvoidEntry> avoid;
  std::vector<RedFlag> red_flags;
  std::vector<Advice> advice;
  std::vector<Programme> programmes;

  // The exercise with this id, or nullptr.
  const Exercise* find_exercise(std::string_view id) const;
  // Index of the exercise with this id in exercises, or -1.
  int exercise_index(std::string_view id) const;
  // The exercise with this link code (Exercise::code), or nullptr (also for code 0).
  const Exercise* find_exercise_by_code(int code) const;
  // The programme with this id, or nullptr.
  const Programme* find_programme(std::string_view id) const;
  // The avoid entry with this id, or nullptr.
  const AvoidEntry* find_avoid(std::string_view id) const;
};

// ---- limits from SCHEMA.md ---------------------------------------------------------------

constexpr int kContentSchemaVersion = 1;
constexpr int kNameMaxChars = 40;
constexpr int kSummaryMaxChars = 140;
constexpr int kStepsMin = 2;
constexpr int kStepsMax = 8;
constexpr int kProgrammeItemsMin = 3;
constexpr int kProgrammeItemsMax = 8;
constexpr int kExerciseCodeMax = 16383;  // fits two 7-bit groups of a prescription link

// ---- loading -------------------------------------------------------------------------------

// The text of the three content files (diagnostics name them "exercises.json",
// "guidance.json" and "programmes.json").
struct ContentFiles {
  std::string exercises_json;
  std::string guidance_json;
  std::string programmes_json;
};

struct ContentLoad {
  Content content;  // everything that could be read; bad entries are skipped
  Diagnostics diagnostics;
};

// Loads and cross-checks the three files. Never throws or crashes on any input: every
// problem becomes a diagnostic and loading carries on. Entries without a usable id
// (missing, malformed or duplicate) and links to unknown ids are left out of the result.
// Required keys: everything in SCHEMA.md except an exercise's cues, mistakes, safety,
// alt_dosages, easier, harder, equipment and eases, a pain group's eases, an avoid entry's instead (all empty when left
// out), a programme's note and an item's dosage, and the "_max" figures and note of a dosage.
ContentLoad load_content(const ContentFiles& files);

// load_content in short parts, so that a page can read the library between frames: each
// read() does one part (the structure of exercises.json, up to count of its exercises, the
// links between them, guidance.json or programmes.json). The result is load_content's.
class ContentReader {
 public:
  explicit ContentReader(ContentFiles files);
  ~ContentReader();
  ContentReader(const ContentReader&) = delete;
  ContentReader& operator=(const ContentReader&) = delete;

  bool done() const;
  void read(size_t count);
  // Reads what is left, and hands over the whole result; the reader is then spent.
  ContentLoad take();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Reads a dosage object at dotted path key of file. With base == nullptr it is a complete
// default dosage (every figure and source required); otherwise it holds overrides of *base:
// keys left out come from base, except that setting reps, sets or hold_s without its
// "_max" clears the range. Checks types, unknown keys and ranges (validate_dosage_ranges).
// out always ends up within range, so it is safe to play; returns false after any error.
bool read_dosage(const JsonValue& value, const Dosage* base, bool timed, std::string_view file,
                 const std::string& key, Dosage& out, Diagnostics& diags);

// Checks every figure of d against the ranges of SCHEMA.md, including reps_max >= reps and
// a timed exercise's reps == 1, no reps_max and hold_s > 0. When where is the JSON object
// d was read from, only the keys written there are checked and each problem points at its
// value; with where == nullptr everything is checked and problems have no position.
// Returns false when anything is out of range.
bool validate_dosage_ranges(const Dosage& d, bool timed, const JsonValue* where,
                            std::string_view file, const std::string& key, Diagnostics& diags);

// ---- seed index ----------------------------------------------------------------------------

// One exercise a seed article describes, and the library exercise that covers it.
struct SeedExercise {
  std::string source;     // the seed, one of kSourceNames
  std::string seed_name;  // as the seed calls it
  std::string id;         // covering exercise id; empty when deliberately not covered
  std::string why;        // why it maps there, or why it is left out
};

struct SeedIndexLoad {
  std::vector<SeedExercise> exercises;
  Diagnostics diagnostics;  // file "seed_index.json"
};

// Reads assets/seed_index.json ({"schema":1,"seeds":[{"source","exercises":[{"seed_name",
// "id" (or null),"why"}]}]}), checking each id against content.
SeedIndexLoad load_seed_index(std::string_view text, const Content& content);

}  // namespace sb
