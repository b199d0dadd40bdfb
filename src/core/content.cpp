// content: reading and cross-checking the content files (assets/SCHEMA.md is the contract).
// Every reader reports what is wrong and carries on with a default, so one run of the
// loader lists every problem in every file.
//
// [SECTION] enum names and ids
// [SECTION] lookups
// [SECTION] reporting and reading helpers
// [SECTION] dosage
// [SECTION] exercises.json
// [SECTION] guidance.json
// [SECTION] programmes.json
// [SECTION] load_content
// [SECTION] seed_index.json
#include "core/content.h"

#include "core/json_read.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>

namespace sb {

// ---- [SECTION] enum names and ids --------------------------------------------------------

namespace {

constexpr const auto& names_of(Category) { return kCategoryNames; }
constexpr const auto& names_of(Position) { return kPositionNames; }
constexpr const auto& names_of(Equipment) { return kEquipmentNames; }
constexpr const auto& names_of(Target) { return kTargetNames; }
constexpr const auto& names_of(PainEase) { return kPainEaseNames; }


template <typename E>
std::string_view enum_to_string(E value) {
  const auto& names = names_of(value);
  size_t i = static_cast<size_t>(value);
  return i < names.size() ? names[i] : std::string_view("?");
}

template <typename E>
bool enum_from_string(std::string_view name, E& out) {
  int i = index_of(names_of(out), name);
  if (i < 0) return false;
  out = static_cast<E>(i);
  return true;
}

}  // namespace

std::string_view to_string(Category value) { return enum_to_string(value); }
std::string_view to_string(Position value) { return enum_to_string(value); }
std::string_view to_string(Equipment value) { return enum_to_string(value); }
std::string_view to_string(Target value) { return enum_to_string(value); }
std::string_view to_string(PainEase value) { return enum_to_string(value); }

bool from_string(std::string_view name, Category& out) { return enum_from_string(name, out); }
bool from_string(std::string_view name, Position& out) { return enum_from_string(name, out); }
bool from_string(std::string_view name, Equipment& out) { return enum_from_string(name, out); }
bool from_string(std::string_view name, Target& out) { return enum_from_string(name, out); }
bool from_string(std::string_view name, PainEase& out) { return enum_from_string(name, out); }

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char prev = 0;
  for (char c : id) {
    bool word_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word_char && (c != '-' || prev == '-')) return false;
    prev = c;
  }
  return true;
}

bool is_known_source(std::string_view source) { return index_of(kSourceNames, source) >= 0; }

// ---- [SECTION] lookups ---------------------------------------------------------------------

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& list, std::string_view id) {
  for (const T& item : list) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

const Exercise* Content::find_exercise(std::string_view id) const {
  return find_by_id(exercises, id);
}

int Content::exercise_index(std::string_view id) const {
  const Exercise* e = find_exercise(id);
  return e ? static_cast<int>(e - exercises.data()) : -1;
}

const Exercise* Content::find_exercise_by_code(int code) const {
  if (code <= 0) return nullptr;
  for (const Exercise& e : exercises) {
    if (e.code == code) return &e;
  }
  return nullptr;
}

const Programme* Content::find_programme(std::string_view id) const {
  return find_by_id(programmes, id);
}

const AvoidEntry* Content::find_avoid(std::string_view id) const { return find_by_id(avoid, id); }

// ---- [SECTION] reporting and reading helpers ---------------------------------------------

namespace {

constexpr double kTimedHoldFallback_s = 10.0;

bool read_source(const Sink& sink, const JsonValue& v, const std::string& key, std::string& out) {
  if (read_choice(sink, v, key, "source", kSourceNames) < 0) return false;
  out = v.text;
  return true;
}

// An id written in a link, kept with its place so it can be checked once all ids are known.
struct IdRef {
  std::string id;
  JsonPos pos;
  std::string key;
};

// The shared reader plus the content files' own kinds of value: sources, named choices, ids.
class Fields : public JsonFields {
 public:
  using JsonFields::JsonFields;

  bool source(std::string_view name, Need need, std::string& out) const {
    const JsonValue* v = get(name, need);
    return v && read_source(sink(), *v, key(name), out);
  }
  template <typename E>
  bool choice(std::string_view name, Need need, const char* what, E& out) const {
    const JsonValue* v = get(name, need);
    int i = v ? read_choice(sink(), *v, key(name), what, names_of(out)) : -1;
    if (i >= 0) out = static_cast<E>(i);
    return i >= 0;
  }

  const JsonValue* source_list(std::string_view name, Need need,
                               std::vector<std::string>& out) const {
    return list(name, need, [&](const JsonValue& item, const std::string& k) {
      std::string s;
      if (read_source(sink(), item, k, s)) out.push_back(std::move(s));
    });
  }
  template <typename E>
  const JsonValue* choice_list(std::string_view name, Need need, const char* what,
                               std::vector<E>& out) const {
    return list(name, need, [&](const JsonValue& item, const std::string& k) {
      int i = read_choice(sink(), item, k, what, names_of(E{}));
      if (i >= 0) out.push_back(static_cast<E>(i));
    });
  }
  const JsonValue* id_list(std::string_view name, Need need, std::vector<IdRef>& out) const {
    return list(name, need, [&](const JsonValue& item, const std::string& k) {
      std::string s;
      if (read_text(sink(), item, k, s)) out.push_back(IdRef{std::move(s), item.pos, k});
    });
  }

};

// Reads one entry of the list at list_key: an object with an "id", labelled by that id in
// diagnostics (by index_key when the id is unusable). read_entry(fields, id, usable) reads it;
// usable is false when the id is missing, malformed or already used in this file (reported
// here), and the caller then leaves the entry out.
template <typename F>
void read_entry(const Sink& sink, const JsonValue& item, const std::string& list_key, const std::string& index_key,
                std::map<std::string, JsonPos, std::less<>>& ids, const std::vector<std::string_view>& known,
                F&& read_entry) {
  if (!expect_type(sink, item, JsonValue::Type::Object, index_key)) return;
  const JsonValue* idv = item.find("id");
  bool labelled = idv && idv->is_string() && is_valid_id(idv->text);
  Fields fields(sink, item, labelled ? item_key(list_key, idv->text) : index_key, known);
  std::string id;
  bool usable = fields.text("id", Need::Required, id);
  if (usable && !is_valid_id(id)) {
    sink.error(idv->pos, fields.key("id"),
               quoted(id) + " is not a valid id: use lowercase words joined by \"-\", "
                            "like \"knee-to-chest\"");
    usable = false;
  } else if (usable) {
    auto [it, added] = ids.emplace(id, idv->pos);
    if (!added) {
      sink.error(idv->pos, fields.key("id"),
                 "duplicate id " + quoted(id) + " (first used at line " + std::to_string(it->second.line) + ")");
      usable = false;
    }
  }
  read_entry(fields, id, usable);
}

// Reads each entry of the list at name (read_entry above).
template <typename F>
void read_entries(const Fields& parent, std::string_view name, std::map<std::string, JsonPos, std::less<>>& ids,
                  const std::vector<std::string_view>& known, F&& read_one) {
  const std::string list_key = parent.key(name);
  parent.list(name, Need::Required, [&](const JsonValue& item, const std::string& index_key) {
    read_entry(parent.sink(), item, list_key, index_key, ids, known, read_one);
  });
}

// Checks the file's "schema" version before anything else is read; false when it is a version
// this code cannot read (a missing or badly typed version is reported, and the file is then
// read as version 1).
bool check_schema(const Sink& sink, const JsonValue& root) {
  int version = kContentSchemaVersion;
  const JsonValue* v = root.find("schema");
  if (!v) {
    sink.error(root.pos, "", "missing required key \"schema\"");
    return true;
  }
  if (!read_whole(sink, *v, "schema", version) || version == kContentSchemaVersion) return true;
  sink.error(v->pos, "schema",
             "unsupported schema version " + std::to_string(version) +
                 " (this app reads version " + std::to_string(kContentSchemaVersion) + ")");
  return false;
}

// Opens a content file: parsed, an object, of a supported schema. Returns the root or nullptr.
const JsonValue* open_content_file(const Sink& sink, const JsonParseResult& parsed) {
  if (!parsed.ok) {
    sink.error(parsed.error_pos, "", parsed.error);
    return nullptr;
  }
  if (!parsed.root.is_object()) {
    sink.error(parsed.root.pos, "",
               std::string("the file must hold an object, not ") +
                   json_type_name(parsed.root.type));
    return nullptr;
  }
  return check_schema(sink, parsed.root) ? &parsed.root : nullptr;
}

}  // namespace

// ---- [SECTION] dosage ----------------------------------------------------------------------

namespace {

// One figure of a dosage: its key, its member (a whole number or seconds) and its range.
struct DosageField {
  std::string_view key;
  int Dosage::*whole;
  double Dosage::*real;
  double min;
  double max;
  int floor;  // index of the field whose value is also this one's minimum ("_max"), or -1
};

constexpr DosageField kDosageFields[] = {
    {"reps", &Dosage::reps, nullptr, 1, 50, -1},
    {"reps_max", &Dosage::reps_max, nullptr, 1, 50, 0},
    {"sets", &Dosage::sets, nullptr, 1, 10, -1},
    {"sets_max", &Dosage::sets_max, nullptr, 1, 10, 2},
    {"hold_s", nullptr, &Dosage::hold_s, 0, 3600, -1},
    {"hold_max_s", nullptr, &Dosage::hold_max_s, 0, 3600, 4},
    {"move_in_s", nullptr, &Dosage::move_in_s, 0.5, 10, -1},
    {"move_out_s", nullptr, &Dosage::move_out_s, 0.5, 10, -1},
    {"rest_rep_s", nullptr, &Dosage::rest_rep_s, 0, 120, -1},
    {"rest_set_s", nullptr, &Dosage::rest_set_s, 0, 600, -1},
    {"per_day", &Dosage::per_day, nullptr, 1, 6, -1},
    {"days_per_week", &Dosage::days_per_week, nullptr, 1, 7, -1},
};

double field_value(const Dosage& d, const DosageField& f) {
  return f.whole ? d.*f.whole : d.*f.real;
}

void set_field(Dosage& d, const DosageField& f, double x) {
  if (f.whole) {
    d.*f.whole = static_cast<int>(x);
  } else {
    d.*f.real = x;
  }
}

std::vector<std::string_view> dosage_keys() {
  std::vector<std::string_view> keys;
  for (const DosageField& f : kDosageFields) keys.push_back(f.key);
  keys.push_back("source");
  keys.push_back("note");
  return keys;
}

// d with every figure moved into its range (no-op for valid figures), so it can be played.
Dosage clamped(Dosage d, bool timed) {
  if (timed) {
    d.reps = 1;
    d.reps_max = 0;
    if (!(d.hold_s > 0)) d.hold_s = kTimedHoldFallback_s;
  }
  for (const DosageField& f : kDosageFields) {
    double x = field_value(d, f);
    double lo = f.min;
    if (f.floor >= 0) {
      if (x == 0) continue;  // no range
      lo = std::max(lo, field_value(d, kDosageFields[f.floor]));
    }
    if (!(x >= lo)) x = lo;  // also replaces NaN
    if (!(x <= f.max)) x = f.max;
    set_field(d, f, x);
  }
  return d;
}

}  // namespace

bool validate_dosage_ranges(const Dosage& d, bool timed, const JsonValue* where,
                            std::string_view file, const std::string& key, Diagnostics& diags) {
  Sink sink{file, &diags};
  bool ok = true;
  std::vector<std::string_view> reported;
  auto report = [&](std::string_view name, const std::string& message) {
    const JsonValue* v = where ? where->find(name) : nullptr;
    if ((where && !v) || std::find(reported.begin(), reported.end(), name) != reported.end()) {
      return;
    }
    reported.push_back(name);
    ok = false;
    sink.error(v ? v->pos : JsonPos{}, child_key(key, name), message);
  };
  for (const DosageField& f : kDosageFields) {
    double x = field_value(d, f);
    double lo = f.min;
    std::string lo_text = number_text(f.min);
    if (f.floor >= 0) {
      const DosageField& floor = kDosageFields[f.floor];
      if (x == 0 && !(where && where->find(f.key))) continue;  // no range given
      lo = std::max(lo, field_value(d, floor));
      lo_text = std::string(floor.key) + " (" + number_text(lo) + ")";
    }
    if (!(x >= lo && x <= f.max)) {
      report(f.key, "must be between " + lo_text + " and " + number_text(f.max) + ", not " +
                        number_text(x));
    }
  }
  if (timed) {
    if (d.reps != 1) {
      report("reps", "must be 1 for a timed exercise, not " + std::to_string(d.reps));
    }
    if (d.reps_max != 0) report("reps_max", "must be left out for a timed exercise");
    if (!(d.hold_s > 0)) {
      report("hold_s", "must be more than 0 for a timed exercise (it is the length of a bout)");
    }
  }
  return ok;
}

bool read_dosage(const JsonValue& value, const Dosage* base, bool timed, std::string_view file,
                 const std::string& key, Dosage& out, Diagnostics& diags) {
  const size_t first = diags.size();
  Sink sink{file, &diags};
  Dosage d = base ? *base : Dosage{};
  if (!expect_type(sink, value, JsonValue::Type::Object, key)) {
    out = clamped(d, timed);
    return false;
  }
  Fields fields(sink, value, key, dosage_keys());
  const Need need = base ? Need::Optional : Need::Required;
  for (const DosageField& f : kDosageFields) {
    const Need field_need = f.floor < 0 ? need : Need::Optional;
    if (f.whole) {
      fields.whole(f.key, field_need, d.*f.whole);
    } else {
      fields.real(f.key, field_need, d.*f.real);
    }
    // An override of reps, sets or hold_s without its "_max" is a single figure.
    if (base && f.floor >= 0 && !value.find(f.key) && value.find(kDosageFields[f.floor].key)) {
      set_field(d, f, 0);
    }
  }
  fields.source("source", need, d.source);
  fields.text("note", Need::Optional, d.note);
  validate_dosage_ranges(d, timed, &value, file, key, diags);
  out = clamped(d, timed);
  return !has_error_since(diags, first);
}

// ---- [SECTION] exercises.json --------------------------------------------------------------

namespace {

using IdSet = std::map<std::string, JsonPos, std::less<>>;

// An easier/harder link of one exercise, checked once every exercise is known.
struct PendingLink {
  size_t owner = 0;  // index in Content::exercises
  bool harder = false;
  IdRef ref;
};

// What load_content knows while it works through the files.
struct Loader {
  ContentLoad result;
  bool exercises_read = false;  // exercises.json held a list, so links to exercises can be checked

  Content& content() { return result.content; }
  Diagnostics& diags() { return result.diagnostics; }

  // True when ref names a known exercise; reports it otherwise (unless exercises.json
  // itself could not be read, which has been reported already).
  bool resolve_exercise(const Sink& sink, const IdRef& ref) {
    if (content().find_exercise(ref.id)) return true;
    if (exercises_read) sink.error(ref.pos, ref.key, "unknown exercise " + quoted(ref.id));
    return false;
  }
};

const std::vector<std::string_view> kExerciseKeys = {
    "id", "code", "name", "summary", "category", "position", "equipment", "target", "eases", "per_side", "timed",
    "steps", "cues", "mistakes", "safety", "dosage", "alt_dosages", "easier", "harder",
    "sources"};

// Link codes already taken in the file, with the id of the exercise that took each.
using CodeSet = std::map<int, std::string>;

// Reads the link code: a whole number in range, not used before in the file (else left 0).
void read_code(const Fields& f, const std::string& id, CodeSet& codes, int& out) {
  int code = 0;
  if (!f.whole("code", Need::Required, code)) return;
  const JsonValue* v = f.get("code", Need::Required);
  if (code < 1 || code > kExerciseCodeMax) {
    f.sink().error(v->pos, f.key("code"),
                   "must be between 1 and " + std::to_string(kExerciseCodeMax) + ", not " +
                       std::to_string(code));
    return;
  }
  auto [it, added] = codes.emplace(code, id);
  if (!added) {
    f.sink().error(v->pos, f.key("code"),
                   "code " + std::to_string(code) + " is already used by " + quoted(it->second) +
                       " (every exercise needs its own, never reused)");
    return;
  }
  out = code;
}

// Reads "eases": at least one value when the key is there, each at most once.
void read_eases(const Fields& f, std::vector<PainEase>& out) {
  const JsonValue* list = f.choice_list("eases", Need::Optional, "eases value", out);
  if (!list) return;
  if (list->items.empty()) {
    f.sink().error(list->pos, f.key("eases"), "must list at least one value, or be left out");
  }
  for (size_t i = 0; i < list->items.size(); ++i) {
    const JsonValue& item = list->items[i];
    for (size_t j = 0; j < i; ++j) {
      if (item.is_string() && list->items[j].is_string() && list->items[j].text == item.text) {
        f.sink().error(item.pos, item_key(f.key("eases"), std::to_string(i)), quoted(item.text) + " is listed twice");
        break;
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

void read_exercise(const Fields& f, Exercise& e, CodeSet& codes, std::vector<PendingLink>& links) {
  const Sink& sink = f.sink();
  read_code(f, e.id, codes, e.code);
  f.text("name", Need::Required, e.name, kNameMaxChars);
  f.text("summary", Need::Required, e.summary, kSummaryMaxChars);
  f.choice("category", Need::Required, "category", e.category);
  f.choice("position", Need::Required, "position", e.position);
  if (const JsonValue* list = f.choice_list("equipment", Need::Optional, "equipment", e.equipment);
      list && e.equipment.size() > 1 && std::count(e.equipment.begin(), e.equipment.end(),
                                                   Equipment::None) > 0) {
    sink.error(list->pos, f.key("equipment"),
               "\"none\" cannot be listed together with other equipment");
    e.equipment.erase(std::remove(e.equipment.begin(), e.equipment.end(), Equipment::None),
                      e.equipment.end());
  }
  f.choice_list("target", Need::Required, "target", e.target);
  read_eases(f, e.eases);
  f.flag("per_side", Need::Required, e.per_side);
  f.flag("timed", Need::Required, e.timed);
  if (const JsonValue* steps = f.text_list("steps", Need::Required, e.steps)) {
    const size_t n = steps->items.size();
    if (n < static_cast<size_t>(kStepsMin) || n > static_cast<size_t>(kStepsMax)) {
      sink.error(steps->pos, f.key("steps"),
                 "must have " + std::to_string(kStepsMin) + " to " + std::to_string(kStepsMax) +
                     " steps, not " + std::to_string(n));
    }
  }
  f.text_list("cues", Need::Optional, e.cues);
  f.text_list("mistakes", Need::Optional, e.mistakes);
  f.text_list("safety", Need::Optional, e.safety);
  if (const JsonValue* v = f.get("dosage", Need::Required)) {
    read_dosage(*v, nullptr, e.timed, sink.file, f.key("dosage"), e.dosage, *sink.diags);
  } else {
    e.dosage = clamped(Dosage{}, e.timed);
  }
  Dosage alt_base = e.dosage;  // figures an alternative leaves out come from the default
  alt_base.note.clear();
  f.list("alt_dosages", Need::Optional, [&](const JsonValue& item, const std::string& k) {
    const bool cited = !item.is_object() || item.find("source");
    if (!cited) {
      sink.error(item.pos, k, "missing required key \"source\" (each alternative cites its own)");
    }
    Dosage alt;
    if (read_dosage(item, &alt_base, e.timed, sink.file, k, alt, *sink.diags) && cited) {
      e.alt_dosages.push_back(std::move(alt));
    }
  });
  for (bool harder : {false, true}) {
    std::vector<IdRef> refs;
    f.id_list(harder ? "harder" : "easier", Need::Optional, refs);
    for (IdRef& ref : refs) links.push_back(PendingLink{0, harder, std::move(ref)});
  }
  if (const JsonValue* list = f.source_list("sources", Need::Required, e.sources);
      list && list->items.empty()) {
    sink.error(list->pos, f.key("sources"), "must list at least one source");
  }
}

// exercises.json, read in parts (ContentReader): the file's structure, then its exercises a
// few at a time, then the links between them.
struct ExercisesFile {
  Loader& loader;
  Sink sink;
  JsonParseResult parsed;
  std::optional<Fields> top;            // the file's object, once its structure is read
  const JsonValue* list = nullptr;      // its "exercises" array, when it is one
  std::string list_key;
  size_t next = 0;                      // the next exercise to read
  std::vector<PendingLink> links;
  IdSet ids;
  CodeSet codes;

  ExercisesFile(Loader& l, std::string_view text) : loader(l), sink{"exercises.json", &l.diags()} {
    parsed = parse_json(text);
    const JsonValue* root = open_content_file(sink, parsed);
    if (!root) return;
    top.emplace(sink, *root, "", std::vector<std::string_view>{"schema", "exercises"});
    list = top->get("exercises", Need::Required);
    list_key = top->key("exercises");
    if (list && !expect_type(sink, *list, JsonValue::Type::Array, list_key)) list = nullptr;
    loader.exercises_read = list != nullptr;
  }

  bool entries_done() const { return !list || next >= list->items.size(); }

  // Reads up to count more exercises.
  void read_entries(size_t count) {
    for (; count > 0 && !entries_done(); --count, ++next) {
      read_entry(sink, list->items[next], list_key, item_key(list_key, std::to_string(next)), ids, kExerciseKeys,
                 [&](const Fields& f, const std::string& id, bool usable) {
                   Exercise e;
                   e.id = id;
                   std::vector<PendingLink> own_links;
                   read_exercise(f, e, codes, own_links);
                   if (!usable) return;
                   for (PendingLink& link : own_links) {
                     link.owner = loader.content().exercises.size();
                     links.push_back(std::move(link));
                   }
                   loader.content().exercises.push_back(std::move(e));
                 });
    }
  }

  // Links can point forward in the file, so they are resolved once every id is known.
  void finish() {
    std::vector<Exercise>& exercises = loader.content().exercises;
    std::vector<PendingLink> known;
    for (PendingLink& link : links) {
      if (!loader.resolve_exercise(sink, link.ref)) continue;
      Exercise& owner = exercises[link.owner];
      (link.harder ? owner.harder : owner.easier).push_back(link.ref.id);
      known.push_back(std::move(link));
    }
    for (const PendingLink& link : known) {
      const Exercise& owner = exercises[link.owner];
      const Exercise& other = *loader.content().find_exercise(link.ref.id);
      if (!contains(link.harder ? other.easier : other.harder, owner.id)) {
        sink.warning(link.ref.pos, link.ref.key,
                     quoted(other.id) + " does not list " + quoted(owner.id) + " under " +
                         (link.harder ? "easier" : "harder") + "; links should go both ways");
      }
    }
    links.clear();
  }
};

// ---- [SECTION] guidance.json ---------------------------------------------------------------

// Reads a list of exercise ids, keeping the known ones.
void read_exercise_links(Loader& loader, const Fields& f, std::string_view name, Need need,
                         std::vector<std::string>& out) {
  std::vector<IdRef> refs;
  f.id_list(name, need, refs);
  for (const IdRef& ref : refs) {
    if (loader.resolve_exercise(f.sink(), ref)) out.push_back(ref.id);
  }
}

// Every exercise of a group that names what eases the pain lists that value in its own
// "eases", so the library's filter shows what the group recommends.
void check_group_eases(Loader& loader, const Fields& f, const PainGroup& g) {
  const JsonValue* list = f.get("exercises", Need::Optional);
  if (!list || !list->is_array()) return;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const JsonValue& item = list->items[i];
    const Exercise* e = item.is_string() ? loader.content().find_exercise(item.text) : nullptr;
    if (e && std::find(e->eases.begin(), e->eases.end(), g.eases) == e->eases.end()) {
      f.sink().error(item.pos, item_key(f.key("exercises"), std::to_string(i)),
                     quoted(e->id) + " is in this group, so its \"eases\" must list " + quoted(to_string(g.eases)));
    }
  }
}

void read_guidance_file(Loader& loader, std::string_view text) {
  const Sink sink{"guidance.json", &loader.diags()};
  const JsonParseResult parsed = parse_json(text);
  const JsonValue* root = open_content_file(sink, parsed);
  if (!root) return;
  Fields top(sink, *root, "", {"schema", "pain_groups", "avoid", "red_flags", "advice"});

  Content& c = loader.content();
  IdSet ids;  // ids are unique within the whole file
  read_entries(top, "pain_groups", ids, {"id", "name", "description", "exercises", "source", "eases"},
               [&](const Fields& f, const std::string& id, bool usable) {
                 PainGroup g;
                 g.id = id;
                 f.text("name", Need::Required, g.name);
                 f.text("description", Need::Required, g.description);
                 read_exercise_links(loader, f, "exercises", Need::Required, g.exercises);
                 f.source("source", Need::Required, g.source);
                 g.has_eases = f.choice("eases", Need::Optional, "eases value", g.eases);
                 if (g.has_eases) check_group_eases(loader, f, g);
                 if (usable) c.pain_groups.push_back(std::move(g));
               });
  read_entries(top, "avoid", ids, {"id", "name", "why", "instead", "source"},
               [&](const Fields& f, const std::string& id, bool usable) {
                 AvoidEntry a;
                 a.id = id;
                 f.text("name", Need::Required, a.name);
                 f.text("why", Need::Required, a.why);
                 read_exercise_links(loader, f, "instead", Need::Optional, a.instead);
                 f.source("source", Need::Required, a.source);
                 if (usable) c.avoid.push_back(std::move(a));
               });
  read_entries(top, "red_flags", ids, {"id", "text", "urgent", "source"},
               [&](const Fields& f, const std::string& id, bool usable) {
                 RedFlag r;
                 r.id = id;
                 f.text("text", Need::Required, r.text);
                 f.flag("urgent", Need::Required, r.urgent);
                 f.source("source", Need::Required, r.source);
                 if (usable) c.red_flags.push_back(std::move(r));
               });
  read_entries(top, "advice", ids, {"id", "text", "source"},
               [&](const Fields& f, const std::string& id, bool usable) {
                 Advice a;
                 a.id = id;
                 f.text("text", Need::Required, a.text);
                 f.source("source", Need::Required, a.source);
                 if (usable) c.advice.push_back(std::move(a));
               });
}

// ---- [SECTION] programmes.json -------------------------------------------------------------

void read_programme_item(Loader& loader, const Fields& f, Programme& p) {
  const Sink& sink = f.sink();
  const JsonValue* exv = f.get("exercise", Need::Required);
  std::string id;
  if (!exv || !read_text(sink, *exv, f.key("exercise"), id)) return;
  const Exercise* exercise = nullptr;
  if (loader.content().find_avoid(id)) {
    sink.error(exv->pos, f.key("exercise"),
               quoted(id) + " is on the avoid list, so it can never be played in a programme");
  } else if (loader.resolve_exercise(sink, IdRef{id, exv->pos, f.key("exercise")})) {
    exercise = loader.content().find_exercise(id);
  }
  // The overrides are checked even when the exercise is unusable, against a neutral default.
  const Dosage base = exercise ? exercise->dosage : Dosage{};
  ProgrammeItem item{id, base};
  if (const JsonValue* dv = f.get("dosage", Need::Optional)) {
    read_dosage(*dv, &base, exercise && exercise->timed, sink.file, f.key("dosage"), item.dosage,
                *sink.diags);
  }
  if (exercise) p.items.push_back(std::move(item));
}

void read_programmes_file(Loader& loader, std::string_view text) {
  const Sink sink{"programmes.json", &loader.diags()};
  const JsonParseResult parsed = parse_json(text);
  const JsonValue* root = open_content_file(sink, parsed);
  if (!root) return;
  Fields top(sink, *root, "", {"schema", "programmes"});

  IdSet ids;
  read_entries(
      top, "programmes", ids, {"id", "name", "description", "note", "sources", "items"},
      [&](const Fields& f, const std::string& id, bool usable) {
        Programme p;
        p.id = id;
        f.text("name", Need::Required, p.name);
        f.text("description", Need::Required, p.description);
        f.text("note", Need::Optional, p.note);
        if (const JsonValue* list = f.source_list("sources", Need::Required, p.sources);
            list && list->items.empty()) {
          sink.error(list->pos, f.key("sources"), "must list at least one source");
        }
        const JsonValue* items =
            f.list("items", Need::Required, [&](const JsonValue& item, const std::string& k) {
              if (!expect_type(sink, item, JsonValue::Type::Object, k)) return;
              read_programme_item(loader, Fields(sink, item, k, {"exercise", "dosage"}), p);
            });
        const size_t n = items ? items->items.size() : 0;
        if (items && (n < static_cast<size_t>(kProgrammeItemsMin) ||
                      n > static_cast<size_t>(kProgrammeItemsMax))) {
          sink.error(items->pos, f.key("items"),
                     "must have " + std::to_string(kProgrammeItemsMin) + " to " +
                         std::to_string(kProgrammeItemsMax) + " items, not " + std::to_string(n));
        }
        if (usable) loader.content().programmes.push_back(std::move(p));
      });
}

}  // namespace

// ---- [SECTION] load_content ----------------------------------------------------------------

struct ContentReader::State {
  ContentFiles files;
  Loader loader;
  std::unique_ptr<ExercisesFile> exercises;  // while exercises.json is read
  enum class Stage { Exercises, Guidance, Programmes, Done } stage = Stage::Exercises;
};

ContentReader::ContentReader(ContentFiles files) : state_(std::make_unique<State>()) {
  state_->files = std::move(files);
}

ContentReader::~ContentReader() = default;

bool ContentReader::done() const { return !state_ || state_->stage == State::Stage::Done; }

void ContentReader::read(size_t count) {
  if (done()) return;
  State& st = *state_;
  switch (st.stage) {
    case State::Stage::Exercises:
      if (!st.exercises) {
        st.exercises = std::make_unique<ExercisesFile>(st.loader, st.files.exercises_json);
        return;
      }
      st.exercises->read_entries(count);
      if (!st.exercises->entries_done()) return;
      st.exercises->finish();
      st.exercises.reset();
      st.stage = State::Stage::Guidance;
      return;
    case State::Stage::Guidance:
      read_guidance_file(st.loader, st.files.guidance_json);
      st.stage = State::Stage::Programmes;
      return;
    case State::Stage::Programmes:
      read_programmes_file(st.loader, st.files.programmes_json);
      st.stage = State::Stage::Done;
      return;
    case State::Stage::Done:
      return;
  }
}

ContentLoad ContentReader::take() {
  while (!done()) read(SIZE_MAX);
  ContentLoad out = std::move(state_->loader.result);
  state_.reset();
  return out;
}

ContentLoad load_content(const ContentFiles& files) {
  ContentReader reader(files);
  return reader.take();
}

// ---- [SECTION] seed_index.json -------------------------------------------------------------

SeedIndexLoad load_seed_index(std::string_view text, const Content& content) {
  SeedIndexLoad out;
  const Sink sink{"seed_index.json", &out.diagnostics};
  const JsonParseResult parsed = parse_json(text);
  const JsonValue* root = open_content_file(sink, parsed);
  if (!root) return out;
  Fields top(sink, *root, "", {"schema", "seeds"});
  top.list("seeds", Need::Required, [&](const JsonValue& seed, const std::string& seed_key) {
    if (!expect_type(sink, seed, JsonValue::Type::Object, seed_key)) return;
    const JsonValue* src = seed.find("source");
    bool labelled = src && src->is_string() && is_known_source(src->text);
    Fields sf(sink, seed, labelled ? item_key("seeds", src->text) : seed_key,
              {"source", "exercises"});
    std::string source;
    sf.source("source", Need::Required, source);
    sf.list("exercises", Need::Required, [&](const JsonValue& item, const std::string& k) {
      if (!expect_type(sink, item, JsonValue::Type::Object, k)) return;
      Fields f(sink, item, k, {"seed_name", "id", "why"});
      SeedExercise se;
      se.source = source;
      f.text("seed_name", Need::Required, se.seed_name);
      f.text("why", Need::Optional, se.why);
      const JsonValue* idv = f.get("id", Need::Required);
      if (idv && !idv->is_null()) {
        if (!idv->is_string()) {
          sink.error(idv->pos, f.key("id"),
                     std::string("must be an exercise id or null, not ") +
                         json_type_name(idv->type));
        } else if (!content.find_exercise(idv->text)) {
          sink.error(idv->pos, f.key("id"), "unknown exercise " + quoted(idv->text));
        } else {
          se.id = idv->text;
        }
      }
      out.exercises.push_back(std::move(se));
    });
  });
  return out;
}

}  // namespace sb
