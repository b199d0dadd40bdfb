// progress: session logs, checks and adjustments; their stored form, the views made from
// them, the backup file and the clinician's CSV.
//
// [SECTION] records
// [SECTION] writing JSON
// [SECTION] reading records
// [SECTION] fast reading of stored sessions
// [SECTION] stored records
// [SECTION] derived views
// [SECTION] backup and import
// [SECTION] clinician's CSV
#include "core/progress.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <set>
#include <utility>

#include "core/json.h"
#include "core/json_read.h"

namespace sb {

namespace {

constexpr std::array<std::string_view, 5> kOutcomeNames = {"not-reached", "partial", "done", "skipped", "stopped"};
constexpr std::array<std::string_view, 4> kDifficultyNames = {"none", "easy", "right", "hard"};
constexpr std::array<std::string_view, 3> kAdjustmentNames = {"easier", "lower-dose", "harder"};

constexpr int kIdMaxChars = 64;
constexpr int kNameMaxChars = 120;
constexpr int kTzMaxMin = 16 * 60;
constexpr double kDayS = 86400.0;
constexpr long long kDayMs = 86400000LL;
constexpr int kRepsDoneMax = kSessionRepsMax * kSessionSetsMax * 2;
// Stored records were checked when written; only the calendar bounds them (year 2200).
constexpr long long kFarFutureMs = 7258118400000LL;

double round_tenth(double x) { return std::round(x * 10.0) / 10.0; }

template <typename T>
void put_sorted(std::vector<T>& list, T value, std::string T::*key, bool (*before)(const T&, const T&)) {
  for (T& existing : list) {
    if (existing.*key == value.*key) {
      existing = std::move(value);
      std::stable_sort(list.begin(), list.end(), before);
      return;
    }
  }
  auto at = std::upper_bound(list.begin(), list.end(), value, before);
  list.insert(at, std::move(value));
}

bool session_before(const SessionLog& a, const SessionLog& b) { return a.start_ms < b.start_ms; }
bool check_before(const MorningCheck& a, const MorningCheck& b) { return a.day < b.day; }
bool adjustment_before(const Adjustment& a, const Adjustment& b) { return a.exercise_id < b.exercise_id; }

}  // namespace

// ---- [SECTION] records --------------------------------------------------------------------

const SessionLog* Progress::find_session(std::string_view id) const {
  for (const SessionLog& s : sessions) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const MorningCheck* Progress::find_check(std::string_view day) const {
  for (const MorningCheck& c : checks) {
    if (c.day == day) return &c;
  }
  return nullptr;
}

const Adjustment* Progress::find_adjustment(std::string_view exercise_id) const {
  for (const Adjustment& a : adjustments) {
    if (a.exercise_id == exercise_id) return &a;
  }
  return nullptr;
}

void Progress::put(SessionLog log) { put_sorted(sessions, std::move(log), &SessionLog::id, session_before); }
void Progress::put(MorningCheck check) { put_sorted(checks, std::move(check), &MorningCheck::day, check_before); }
void Progress::put(Adjustment adjustment) {
  put_sorted(adjustments, std::move(adjustment), &Adjustment::exercise_id, adjustment_before);
}

void Progress::remove_adjustment(std::string_view exercise_id) {
  adjustments.erase(std::remove_if(adjustments.begin(), adjustments.end(),
                                   [&](const Adjustment& a) { return a.exercise_id == exercise_id; }),
                    adjustments.end());
}

std::string clean_note(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  int chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) continue;
    if ((c & 0xC0) != 0x80) {
      if (chars == kNoteMaxChars) break;
      ++chars;
    }
    out.push_back(static_cast<char>(c));
  }
  size_t first = out.find_first_not_of(" \n");
  if (first == std::string::npos) return std::string();
  size_t last = out.find_last_not_of(" \n");
  return out.substr(first, last - first + 1);
}

SessionLog make_session_log(const SessionState& state, const SessionView& view, std::string id, long long start_ms,
                            int tz_offset_min, const std::string& programme_id, const std::string& programme_name) {
  SessionLog log;
  log.id = std::move(id);
  log.start_ms = start_ms;
  log.tz_offset_min = tz_offset_min;
  log.active_s = round_tenth(view.session_s);
  log.programme_id = programme_id;
  log.programme_name = programme_name;
  log.finished = view.finished;
  for (size_t i = 0; i < state.plan.items.size() && i < view.records.size(); ++i) {
    const SessionItem& planned = state.plan.items[i];
    const ItemRecord& r = view.records[i];
    LogItem item;
    item.exercise_id = planned.exercise_id;
    item.outcome = r.outcome;
    for (const SetRecord& set : r.sets) {
      item.sets_done += set.done ? 1 : 0;
      item.reps_done += planned.per_side ? std::min(set.reps_done, set.reps_done_right) : set.reps_done;
    }
    item.hold_s = round_tenth(r.hold_done_s);
    item.pain_0_10 = r.pain_0_10;
    log.items.push_back(std::move(item));
  }
  return log;
}

// ---- [SECTION] writing JSON ----------------------------------------------------------------

namespace {

// The shortest text that reads back as exactly x.
void append_number(std::string& out, double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  if (std::strtod(buf, nullptr) != x) std::snprintf(buf, sizeof buf, "%.17g", x);
  out += buf;
}

class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  ~ObjectWriter() { out_ += '}'; }
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  void key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    json_append_string(out_, k);
    out_ += ':';
  }
  void text(std::string_view k, std::string_view v) {
    key(k);
    json_append_string(out_, v);
  }
  void number(std::string_view k, double v) {
    key(k);
    append_number(out_, v);
  }
  void whole(std::string_view k, long long v) {
    key(k);
    out_ += std::to_string(v);
  }
  void flag(std::string_view k, bool v) {
    key(k);
    out_ += v ? "true" : "false";
  }

 private:
  std::string& out_;
  bool first_ = true;
};

void write_session(std::string& out, const SessionLog& log) {
  ObjectWriter w(out);
  w.whole("v", kRecordVersion);
  w.text("id", log.id);
  w.whole("start", log.start_ms);
  w.whole("tz", log.tz_offset_min);
  w.number("active_s", log.active_s);
  w.text("programme", log.programme_id);
  w.text("programme_name", log.programme_name);
  w.key("items");
  out += '[';
  for (size_t i = 0; i < log.items.size(); ++i) {
    const LogItem& it = log.items[i];
    if (i) out += ',';
    ObjectWriter iw(out);
    iw.text("exercise", it.exercise_id);
    iw.text("outcome", kOutcomeNames[static_cast<size_t>(it.outcome)]);
    iw.whole("sets", it.sets_done);
    iw.whole("reps", it.reps_done);
    iw.number("hold_s", it.hold_s);
    if (it.pain_0_10 >= 0) iw.whole("pain", it.pain_0_10);
  }
  out += ']';
  if (log.pain_before >= 0) w.whole("pain_before", log.pain_before);
  if (log.pain_after >= 0) w.whole("pain_after", log.pain_after);
  if (log.difficulty != Difficulty::None) w.text("difficulty", kDifficultyNames[static_cast<size_t>(log.difficulty)]);
  if (!log.note.empty()) w.text("note", log.note);
  w.flag("finished", log.finished);
}

// The stored line of a session: the same fields by position, names as numbers (about 200
// bytes, not 500), so ten years of sessions read and hand over quickly:
// [3,id,start,tz,active_s,programme,programme_name,[[exercise,outcome,sets,reps,hold_s,pain]...],
//  pain_before,pain_after,difficulty,finished(0|1)(,note)]; absent ratings are -1.
void write_session_line(std::string& out, const SessionLog& log) {
  out += '[';
  out += std::to_string(kStoredLineVersion);
  out += ',';
  json_append_string(out, log.id);
  out += ',' + std::to_string(log.start_ms) + ',' + std::to_string(log.tz_offset_min) + ',';
  append_number(out, log.active_s);
  out += ',';
  json_append_string(out, log.programme_id);
  out += ',';
  json_append_string(out, log.programme_name);
  out += ",[";
  for (size_t i = 0; i < log.items.size(); ++i) {
    const LogItem& it = log.items[i];
    out += i ? ",[" : "[";
    json_append_string(out, it.exercise_id);
    out += ',' + std::to_string(static_cast<int>(it.outcome)) + ',' + std::to_string(it.sets_done) + ',' +
           std::to_string(it.reps_done) + ',';
    append_number(out, it.hold_s);
    out += ',' + std::to_string(it.pain_0_10) + ']';
  }
  out += "]," + std::to_string(log.pain_before) + ',' + std::to_string(log.pain_after) + ',' +
         std::to_string(static_cast<int>(log.difficulty)) + ',' + (log.finished ? "1" : "0");
  if (!log.note.empty()) {
    out += ',';
    json_append_string(out, log.note);
  }
  out += ']';
}

void write_check(std::string& out, const MorningCheck& c) {
  ObjectWriter w(out);
  w.whole("v", kRecordVersion);
  w.text("day", c.day);
  w.flag("worse", c.worse);
  w.whole("at", c.at_ms);
}

void write_adjustment(std::string& out, const Adjustment& a) {
  ObjectWriter w(out);
  w.whole("v", kRecordVersion);
  w.text("exercise", a.exercise_id);
  w.text("kind", kAdjustmentNames[static_cast<size_t>(a.kind)]);
  if (!a.to_id.empty()) w.text("to", a.to_id);
  w.whole("at", a.at_ms);
}

}  // namespace

std::string to_json(const SessionLog& log) {
  std::string out;
  write_session(out, log);
  return out;
}

std::string to_stored_line(const SessionLog& log) {
  std::string out;
  out.reserve(256);
  write_session_line(out, log);
  return out;
}

std::string to_json(const MorningCheck& check) {
  std::string out;
  write_check(out, check);
  return out;
}

std::string to_json(const Adjustment& adjustment) {
  std::string out;
  write_adjustment(out, adjustment);
  return out;
}

// ---- [SECTION] reading records ----------------------------------------------------------------

namespace {

// A record id: 1 to kIdMaxChars printable ASCII characters.
bool read_id(const JsonFields& f, std::string_view name, std::string& out) {
  if (!f.text(name, Need::Required, out, kIdMaxChars)) return false;
  for (char c : out) {
    if (c < 0x21 || c > 0x7e) {
      f.sink().error(f.get(name, Need::Required)->pos, f.key(name), "must be plain letters, digits and signs");
      return false;
    }
  }
  return true;
}

// The record's format version: 1 or 2 (absent means the first format).
int read_version(const JsonFields& f) {
  int v = 1;
  if (f.get("v", Need::Optional) && !f.whole_in("v", Need::Optional, v, 1, kRecordVersion)) return -1;
  return v;
}

// Optional pain rating: absent is -1.
bool read_pain(const JsonFields& f, std::string_view name, int& out) {
  out = -1;
  return !f.get(name, Need::Optional) || f.whole_in(name, Need::Optional, out, 0, 10);
}

bool read_start(const JsonFields& f, long long latest_ms, long long& out) {
  if (!f.whole64("start", Need::Required, out)) return false;
  if (out < kEarliestMs || out > latest_ms) {
    f.sink().error(f.get("start", Need::Required)->pos, f.key("start"), "is not a believable date and time");
    return false;
  }
  return true;
}

// The first format: {"v":1,"id","start","programme","done":[ids],"skipped":[ids],"pain"}.
bool read_session_v1(const JsonFields& f, long long latest_ms, SessionLog& log) {
  size_t first = f.sink().diags->size();
  read_id(f, "id", log.id);
  read_start(f, latest_ms, log.start_ms);
  f.text("programme", Need::Required, log.programme_id, kIdMaxChars);
  std::vector<std::string> done, skipped;
  // Exercise names no longer than today's format holds: a record read in this form is written
  // again in that one, and must read back the same.
  f.text_list("done", Need::Required, done, kIdMaxChars);
  f.text_list("skipped", Need::Optional, skipped, kIdMaxChars);
  read_pain(f, "pain", log.pain_after);
  for (std::string& id : done) log.items.push_back(LogItem{std::move(id), ItemOutcome::Completed, 0, 0, 0.0, -1});
  for (std::string& id : skipped) log.items.push_back(LogItem{std::move(id), ItemOutcome::Skipped, 0, 0, 0.0, -1});
  if (log.items.size() > static_cast<size_t>(kLogItemsMax)) {
    f.sink().error(JsonPos{}, f.key("done"), "has more exercises than one session can hold");
  }
  log.programme_name = log.programme_id;
  log.finished = true;
  return !has_error_since(*f.sink().diags, first);
}

// A stored line ([3,...], see write_session_line), each place named as its field would be.
bool read_session_line(const Sink& sink, const JsonValue& v, const std::string& path, long long latest_ms,
                       SessionLog& log) {
  static constexpr std::array<std::string_view, 13> kNames = {
      "v", "id", "start", "tz", "active_s", "programme", "programme_name", "items", "pain_before", "pain_after",
      "difficulty", "finished", "note"};
  size_t first = sink.diags->size();
  const std::vector<JsonValue>& a = v.items;
  if (a.size() < 12 || a.size() > 13) {
    sink.error(v.pos, path, "must hold 12 or 13 values, not " + std::to_string(a.size()));
    return false;
  }
  auto key = [&](size_t i) { return child_key(path, kNames[i]); };
  auto whole_in = [&](const JsonValue& x, const std::string& k, int& out, int lo, int hi) {
    if (!read_whole(sink, x, k, out)) return false;
    if (out < lo || out > hi) {
      sink.error(x.pos, k, "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", not " +
                               std::to_string(out));
      return false;
    }
    return true;
  };
  auto real_in = [&](const JsonValue& x, const std::string& k, double& out) {
    if (!expect_type(sink, x, JsonValue::Type::Number, k)) return false;
    if (!(x.number >= 0.0 && x.number <= kDayS)) {
      sink.error(x.pos, k, "must be between 0 and " + number_text(kDayS) + ", not " + number_text(x.number));
      return false;
    }
    out = x.number;
    return true;
  };
  int version = 0;
  if (whole_in(a[0], key(0), version, kStoredLineVersion, kStoredLineVersion) &&
      read_text(sink, a[1], key(1), log.id, kIdMaxChars)) {
    for (char c : log.id) {
      if (c < 0x21 || c > 0x7e) {
        sink.error(a[1].pos, key(1), "must be plain letters, digits and signs");
        break;
      }
    }
  }
  if (read_whole64(sink, a[2], key(2), log.start_ms) && (log.start_ms < kEarliestMs || log.start_ms > latest_ms)) {
    sink.error(a[2].pos, key(2), "is not a believable date and time");
  }
  whole_in(a[3], key(3), log.tz_offset_min, -kTzMaxMin, kTzMaxMin);
  real_in(a[4], key(4), log.active_s);
  read_text(sink, a[5], key(5), log.programme_id, kIdMaxChars);
  read_text(sink, a[6], key(6), log.programme_name, kNameMaxChars);
  if (expect_type(sink, a[7], JsonValue::Type::Array, key(7))) {
    if (a[7].items.size() > static_cast<size_t>(kLogItemsMax)) {
      sink.error(a[7].pos, key(7), "has more than " + std::to_string(kLogItemsMax) + " exercises");
    }
    for (size_t i = 0; i < a[7].items.size() && i < static_cast<size_t>(kLogItemsMax); ++i) {
      const JsonValue& iv = a[7].items[i];
      std::string k = item_key(key(7), std::to_string(i));
      if (!expect_type(sink, iv, JsonValue::Type::Array, k)) continue;
      if (iv.items.size() != 6) {
        sink.error(iv.pos, k, "must hold 6 values, not " + std::to_string(iv.items.size()));
        continue;
      }
      LogItem item;
      int outcome = 0;
      read_text(sink, iv.items[0], child_key(k, "exercise"), item.exercise_id, kIdMaxChars);
      if (whole_in(iv.items[1], child_key(k, "outcome"), outcome, 0, static_cast<int>(kOutcomeNames.size()) - 1)) {
        item.outcome = static_cast<ItemOutcome>(outcome);
      }
      whole_in(iv.items[2], child_key(k, "sets"), item.sets_done, 0, kSessionSetsMax);
      whole_in(iv.items[3], child_key(k, "reps"), item.reps_done, 0, kRepsDoneMax);
      real_in(iv.items[4], child_key(k, "hold_s"), item.hold_s);
      whole_in(iv.items[5], child_key(k, "pain"), item.pain_0_10, -1, 10);
      log.items.push_back(std::move(item));
    }
  }
  whole_in(a[8], key(8), log.pain_before, -1, 10);
  whole_in(a[9], key(9), log.pain_after, -1, 10);
  int difficulty = 0;
  if (whole_in(a[10], key(10), difficulty, 0, static_cast<int>(kDifficultyNames.size()) - 1)) {
    log.difficulty = static_cast<Difficulty>(difficulty);
  }
  int finished = 0;
  if (whole_in(a[11], key(11), finished, 0, 1)) log.finished = finished == 1;
  if (a.size() == 13) read_text(sink, a[12], key(12), log.note, kNoteMaxChars);
  return !has_error_since(*sink.diags, first);
}

bool read_session_at(const Sink& sink, const JsonValue& v, const std::string& path, long long latest_ms,
                     SessionLog& log) {
  if (v.is_array()) return read_session_line(sink, v, path, latest_ms, log);
  if (!expect_type(sink, v, JsonValue::Type::Object, path)) return false;
  size_t first = sink.diags->size();
  const JsonValue* version = v.find("v");
  if (!version || (version->is_number() && version->number == 1)) {
    JsonFields f(sink, v, path, {"v", "id", "start", "programme", "done", "skipped", "pain"});
    return read_session_v1(f, latest_ms, log);
  }
  JsonFields f(sink, v, path,
               {"v", "id", "start", "tz", "active_s", "programme", "programme_name", "items", "pain_before",
                "pain_after", "difficulty", "note", "finished"});
  if (read_version(f) < 0) return false;
  read_id(f, "id", log.id);
  read_start(f, latest_ms, log.start_ms);
  f.whole_in("tz", Need::Required, log.tz_offset_min, -kTzMaxMin, kTzMaxMin);
  f.real_in("active_s", Need::Required, log.active_s, 0.0, kDayS);
  f.text("programme", Need::Required, log.programme_id, kIdMaxChars);
  f.text("programme_name", Need::Required, log.programme_name, kNameMaxChars);
  const JsonValue* items = f.list("items", Need::Required, [&](const JsonValue& iv, const std::string& key) {
    if (!expect_type(sink, iv, JsonValue::Type::Object, key)) return;
    JsonFields fi(sink, iv, key, {"exercise", "outcome", "sets", "reps", "hold_s", "pain"});
    LogItem item;
    fi.text("exercise", Need::Required, item.exercise_id, kIdMaxChars);
    int outcome = fi.choice_of("outcome", Need::Required, "outcome", kOutcomeNames);
    if (outcome >= 0) item.outcome = static_cast<ItemOutcome>(outcome);
    fi.whole_in("sets", Need::Required, item.sets_done, 0, kSessionSetsMax);
    fi.whole_in("reps", Need::Required, item.reps_done, 0, kRepsDoneMax);
    fi.real_in("hold_s", Need::Required, item.hold_s, 0.0, kDayS);
    read_pain(fi, "pain", item.pain_0_10);
    log.items.push_back(std::move(item));
  });
  if (items && items->items.size() > static_cast<size_t>(kLogItemsMax)) {
    sink.error(items->pos, f.key("items"), "has more than " + std::to_string(kLogItemsMax) + " exercises");
  }
  read_pain(f, "pain_before", log.pain_before);
  read_pain(f, "pain_after", log.pain_after);
  if (f.get("difficulty", Need::Optional)) {
    int d = f.choice_of("difficulty", Need::Optional, "difficulty", kDifficultyNames);
    if (d >= 0) log.difficulty = static_cast<Difficulty>(d);
  }
  if (f.get("note", Need::Optional)) f.text("note", Need::Optional, log.note, kNoteMaxChars);
  f.flag("finished", Need::Required, log.finished);
  return !has_error_since(*sink.diags, first);
}

bool read_check_at(const Sink& sink, const JsonValue& v, const std::string& path, long long latest_ms,
                   MorningCheck& c) {
  if (!expect_type(sink, v, JsonValue::Type::Object, path)) return false;
  size_t first = sink.diags->size();
  JsonFields f(sink, v, path, {"v", "day", "worse", "at"});
  if (read_version(f) < 0) return false;
  if (f.text("day", Need::Required, c.day, 10) && day_from_text(c.day) < 0) {
    sink.error(f.get("day", Need::Required)->pos, f.key("day"), "must be a date written YYYY-MM-DD");
  }
  f.flag("worse", Need::Required, c.worse);
  if (f.whole64("at", Need::Required, c.at_ms) && (c.at_ms < kEarliestMs || c.at_ms > latest_ms)) {
    sink.error(f.get("at", Need::Required)->pos, f.key("at"), "is not a believable date and time");
  }
  return !has_error_since(*sink.diags, first);
}

bool read_adjustment_at(const Sink& sink, const JsonValue& v, const std::string& path, long long latest_ms,
                        Adjustment& a) {
  if (!expect_type(sink, v, JsonValue::Type::Object, path)) return false;
  size_t first = sink.diags->size();
  JsonFields f(sink, v, path, {"v", "exercise", "kind", "to", "at"});
  if (read_version(f) < 0) return false;
  f.text("exercise", Need::Required, a.exercise_id, kIdMaxChars);
  int kind = f.choice_of("kind", Need::Required, "kind of change", kAdjustmentNames);
  if (kind >= 0) a.kind = static_cast<AdjustmentKind>(kind);
  if (a.kind != AdjustmentKind::LowerDose || f.get("to", Need::Optional)) {
    f.text("to", Need::Required, a.to_id, kIdMaxChars);
  }
  if (f.whole64("at", Need::Required, a.at_ms) && (a.at_ms < kEarliestMs || a.at_ms > latest_ms)) {
    sink.error(f.get("at", Need::Required)->pos, f.key("at"), "is not a believable date and time");
  }
  return !has_error_since(*sink.diags, first);
}

template <typename T, typename F>
RecordRead<T> read_record(std::string_view json_text, F&& read) {
  RecordRead<T> out;
  Diagnostics diags;
  Sink sink{"record", &diags};
  JsonParseResult parsed = parse_json(json_text);
  if (!parsed.ok) {
    out.problem = "it is not complete JSON (" + parsed.error + ")";
    return out;
  }
  out.ok = read(sink, parsed.root, std::string(), kFarFutureMs, out.value);
  if (!out.ok) {
    for (const Diagnostic& d : diags) {
      if (d.severity == Severity::Error) {
        out.problem = (d.key.empty() ? std::string() : d.key + ": ") + d.message;
        break;
      }
    }
  }
  return out;
}

}  // namespace

RecordRead<SessionLog> read_session_record(std::string_view json_text) {
  return read_record<SessionLog>(json_text, read_session_at);
}

RecordRead<MorningCheck> read_check_record(std::string_view json_text) {
  return read_record<MorningCheck>(json_text, read_check_at);
}

RecordRead<Adjustment> read_adjustment_record(std::string_view json_text) {
  return read_record<Adjustment>(json_text, read_adjustment_at);
}

// ---- [SECTION] fast reading of stored sessions ---------------------------------------------

namespace {

// Reads a session line written exactly as write_session writes it: keys in its order, plain
// ASCII strings without escapes, numbers in JSON's grammar. Anything else makes it give up
// (false), and the full reader takes the line: it accepts what this accepts, with the same
// values, and words every problem.
class FastSession {
 public:
  // scratch: kept by the caller from line to line, so a log's items take one allocation.
  FastSession(std::string_view text, std::vector<LogItem>& scratch) : s_(text), scratch_(scratch) { scratch_.clear(); }

  // A stored line, [3,...] (write_session_line).
  bool read_line(SessionLog& log) {
    int v = 0, d = 0, finished = 0;
    if (!lit("[") || !whole(v) || v != kStoredLineVersion || !lit(",") || !id(log.id) || !lit(",")) return false;
    if (!whole64(log.start_ms) || log.start_ms < kEarliestMs || log.start_ms > kFarFutureMs || !lit(",")) return false;
    if (!whole(log.tz_offset_min) || std::abs(log.tz_offset_min) > kTzMaxMin || !lit(",")) return false;
    if (!real(log.active_s, kDayS) || !lit(",")) return false;
    if (!text(log.programme_id, kIdMaxChars) || !lit(",") || !text(log.programme_name, kNameMaxChars)) return false;
    if (!lit(",[")) return false;
    if (!lit("]")) {
      do {
        if (scratch_.size() >= static_cast<size_t>(kLogItemsMax)) return false;
        LogItem it;
        int outcome = 0;
        if (!lit("[") || !text(it.exercise_id, kIdMaxChars) || !lit(",")) return false;
        if (!whole(outcome) || outcome < 0 || outcome >= static_cast<int>(kOutcomeNames.size()) || !lit(",")) return false;
        it.outcome = static_cast<ItemOutcome>(outcome);
        if (!whole(it.sets_done) || it.sets_done < 0 || it.sets_done > kSessionSetsMax || !lit(",")) return false;
        if (!whole(it.reps_done) || it.reps_done < 0 || it.reps_done > kRepsDoneMax || !lit(",")) return false;
        if (!real(it.hold_s, kDayS) || !lit(",") || !rating(it.pain_0_10) || !lit("]")) return false;
        scratch_.push_back(std::move(it));
      } while (lit(","));
      if (!lit("]")) return false;
      take_items(log.items);
    }
    if (!lit(",") || !rating(log.pain_before) || !lit(",") || !rating(log.pain_after) || !lit(",")) return false;
    if (!whole(d) || d < 0 || d >= static_cast<int>(kDifficultyNames.size()) || !lit(",")) return false;
    log.difficulty = static_cast<Difficulty>(d);
    if (!whole(finished) || finished < 0 || finished > 1) return false;
    log.finished = finished == 1;
    if (lit(",") && !text(log.note, kNoteMaxChars)) return false;
    return lit("]") && at_ == s_.size();
  }

  bool read(SessionLog& log) {
    int v = 0;
    if (!lit("{\"v\":") || !whole(v) || v != kRecordVersion) return false;
    if (!key("id") || !id(log.id) || !key("start") || !whole64(log.start_ms)) return false;
    if (log.start_ms < kEarliestMs || log.start_ms > kFarFutureMs) return false;
    if (!key("tz") || !whole(log.tz_offset_min) || std::abs(log.tz_offset_min) > kTzMaxMin) return false;
    if (!key("active_s") || !real(log.active_s, kDayS)) return false;
    if (!key("programme") || !text(log.programme_id, kIdMaxChars)) return false;
    if (!key("programme_name") || !text(log.programme_name, kNameMaxChars)) return false;
    if (!key("items") || !lit("[") || !items()) return false;
    take_items(log.items);
    if (key("pain_before") && !pain(log.pain_before)) return false;
    if (key("pain_after") && !pain(log.pain_after)) return false;
    if (key("difficulty")) {
      int d = choice(kDifficultyNames);
      if (d <= 0) return false;  // "none" is never written
      log.difficulty = static_cast<Difficulty>(d);
    }
    if (key("note") && !text(log.note, kNoteMaxChars)) return false;
    if (!key("finished")) return false;
    if (lit("true")) {
      log.finished = true;
    } else if (lit("false")) {
      log.finished = false;
    } else {
      return false;
    }
    return lit("}") && at_ == s_.size();
  }

 private:
  bool items() {
    if (lit("]")) return true;
    do {
      if (scratch_.size() >= static_cast<size_t>(kLogItemsMax)) return false;
      LogItem it;
      if (!lit("{\"exercise\":") || !text(it.exercise_id, kIdMaxChars) || !key("outcome")) return false;
      int outcome = choice(kOutcomeNames);
      if (outcome < 0) return false;
      it.outcome = static_cast<ItemOutcome>(outcome);
      if (!key("sets") || !whole(it.sets_done) || it.sets_done < 0 || it.sets_done > kSessionSetsMax) return false;
      if (!key("reps") || !whole(it.reps_done) || it.reps_done < 0 || it.reps_done > kRepsDoneMax) return false;
      if (!key("hold_s") || !real(it.hold_s, kDayS)) return false;
      if (key("pain") && !pain(it.pain_0_10)) return false;
      if (!lit("}")) return false;
      scratch_.push_back(std::move(it));
    } while (lit(","));
    return lit("]");
  }

  void take_items(std::vector<LogItem>& out) {
    out.assign(std::make_move_iterator(scratch_.begin()), std::make_move_iterator(scratch_.end()));
    scratch_.clear();
  }

  bool lit(std::string_view t) {
    if (s_.size() - at_ < t.size()) return false;
    for (size_t i = 0; i < t.size(); ++i) {
      if (s_[at_ + i] != t[i]) return false;
    }
    at_ += t.size();
    return true;
  }
  // ,"name":
  bool key(std::string_view name) {
    size_t back = at_;
    if (lit(",\"") && lit(name) && lit("\":")) return true;
    at_ = back;
    return false;
  }

  // A string of printable ASCII other than '"' and '\', 1 to max_chars long.
  bool raw(std::string_view& out, size_t max_chars) {
    if (!lit("\"")) return false;
    size_t start = at_;
    while (at_ < s_.size() && s_[at_] != '"') {
      char c = s_[at_];
      if (c < 0x20 || c > 0x7e || c == '\\') return false;
      ++at_;
    }
    if (at_ >= s_.size()) return false;
    out = s_.substr(start, at_ - start);
    ++at_;
    return !out.empty() && out.size() <= max_chars;
  }
  bool text(std::string& out, int max_chars) {
    std::string_view v;
    if (!raw(v, static_cast<size_t>(max_chars))) return false;
    out.assign(v);
    return true;
  }
  bool id(std::string& out) {
    std::string_view v;
    if (!raw(v, kIdMaxChars) || v.find(' ') != std::string_view::npos) return false;
    out.assign(v);
    return true;
  }
  template <size_t N>
  int choice(const std::array<std::string_view, N>& names) {
    std::string_view v;
    if (!raw(v, 32)) return -1;
    for (size_t i = 0; i < N; ++i) {
      if (names[i] == v) return static_cast<int>(i);
    }
    return -1;
  }
  bool digits(long long& out, int max_digits) {
    bool negative = lit("-");
    size_t start = at_;
    long long v = 0;
    while (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') {
      v = v * 10 + (s_[at_] - '0');
      if (static_cast<int>(++at_ - start) > max_digits) return false;
    }
    size_t n = at_ - start;
    if (n == 0 || (n > 1 && s_[start] == '0')) return false;
    if (at_ < s_.size() && (s_[at_] == '.' || s_[at_] == 'e' || s_[at_] == 'E')) return false;
    out = negative ? -v : v;
    return true;
  }
  bool whole(int& out) {
    long long v = 0;
    if (!digits(v, 9)) return false;
    out = static_cast<int>(v);
    return true;
  }
  bool whole64(long long& out) { return digits(out, 15); }
  bool pain(int& out) { return whole(out) && out >= 0 && out <= 10; }
  bool rating(int& out) { return whole(out) && out >= -1 && out <= 10; }
  // A number in JSON's grammar, converted by strtod as the full reader does, in [0, max].
  bool real(double& out, double max) {
    size_t start = at_;
    auto run = [&]() {
      size_t from = at_;
      while (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') ++at_;
      return at_ - from;
    };
    lit("-");
    size_t int_start = at_;
    size_t n = run();
    if (n == 0 || (n > 1 && s_[int_start] == '0')) return false;
    if (lit(".") && run() == 0) return false;
    if (lit("e") || lit("E")) {
      if (!lit("+")) lit("-");
      if (run() == 0) return false;
    }
    if (!exact_decimal(s_.substr(start, at_ - start), out)) {
      char buf[40];
      if (at_ - start >= sizeof buf) return false;
      s_.copy(buf, at_ - start, start);
      buf[at_ - start] = '\0';
      out = std::strtod(buf, nullptr);
    }
    if (out == 0.0) out = 0.0;  // "-0" reads as 0
    return out >= 0.0 && out <= max;
  }

  // "312.5" without strtod: with at most 15 digits and no exponent, the digits and the power
  // of ten are exact doubles, and one division rounds correctly, as strtod does.
  static bool exact_decimal(std::string_view t, double& out) {
    static constexpr double kTens[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    bool negative = !t.empty() && t[0] == '-';
    long long m = 0;
    int digits = 0, decimals = -1;
    for (size_t i = negative ? 1 : 0; i < t.size(); ++i) {
      char c = t[i];
      if (c == '.') {
        decimals = 0;
        continue;
      }
      if (c < '0' || c > '9' || ++digits > 15) return false;
      m = m * 10 + (c - '0');
      if (decimals >= 0) ++decimals;
    }
    out = static_cast<double>(m) / kTens[decimals > 0 ? decimals : 0];
    if (negative) out = -out;
    return true;
  }

  std::string_view s_;
  std::vector<LogItem>& scratch_;
  size_t at_ = 0;
};

bool read_fast(std::string_view line, SessionLog& log, std::vector<LogItem>& scratch) {
  log = SessionLog{};
  FastSession reader(line, scratch);
  return !line.empty() && line[0] == '[' ? reader.read_line(log) : reader.read(log);
}

}  // namespace

bool read_session_fast(std::string_view line, SessionLog& log) {
  std::vector<LogItem> scratch;
  return read_fast(line, log, scratch);
}

// ---- [SECTION] stored records ----------------------------------------------------------------

Progress load_progress(const std::vector<StoredRecord>& sessions, const std::vector<StoredRecord>& checks,
                       const std::vector<StoredRecord>& adjustments) {
  return load_progress(std::string_view(), sessions, checks, adjustments);
}

namespace {

// Sessions in start order, each id once (a line met twice: the first one read is kept). A
// session's start never changes, so copies of one sit side by side once sorted. Stored weeks
// are mostly in order already; otherwise an order of indices is sorted, and each log moved
// once.
void order_sessions(std::vector<SessionLog>& sessions) {
  auto before = [&](size_t a, size_t b) {
    const SessionLog& x = sessions[a];
    const SessionLog& y = sessions[b];
    return x.start_ms != y.start_ms ? x.start_ms < y.start_ms : x.id < y.id;
  };
  std::vector<size_t> order(sessions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (!std::is_sorted(order.begin(), order.end(), before)) std::stable_sort(order.begin(), order.end(), before);
  std::vector<SessionLog> out;
  out.reserve(sessions.size());
  for (size_t i : order) {
    if (!out.empty() && out.back().start_ms == sessions[i].start_ms && out.back().id == sessions[i].id) continue;
    out.push_back(std::move(sessions[i]));
  }
  sessions = std::move(out);
}

}  // namespace

Progress load_progress(std::string_view session_lines, const std::vector<StoredRecord>& sessions,
                       const std::vector<StoredRecord>& checks, const std::vector<StoredRecord>& adjustments) {
  Progress p;
  auto unreadable = [&](const char* store, std::string_view key, std::string_view text, std::string problem) {
    p.unreadable.push_back(UnreadableRecord{store, std::string(key), std::string(text), std::move(problem)});
  };
  p.sessions.reserve(sessions.size() + static_cast<size_t>(std::count(session_lines.begin(), session_lines.end(), '\n')) + 1);
  std::string_view bucket;
  std::vector<LogItem> scratch;
  scratch.reserve(kLogItemsMax);
  for (size_t at = 0; at < session_lines.size();) {
    size_t end = session_lines.find('\n', at);
    if (end == std::string_view::npos) end = session_lines.size();
    std::string_view line = session_lines.substr(at, end - at);
    at = end + 1;
    if (line.empty()) continue;
    if (line[0] == '#') {
      bucket = line.substr(1);
      continue;
    }
    SessionLog log;
    if (read_fast(line, log, scratch)) {
      p.sessions.push_back(std::move(log));
      continue;
    }
    RecordRead<SessionLog> read = read_session_record(line);
    if (read.ok) {
      p.sessions.push_back(std::move(read.value));
    } else {
      unreadable("sessions", bucket, line, read.problem);
    }
  }
  for (const StoredRecord& r : sessions) {
    RecordRead<SessionLog> read = read_session_record(r.text);
    if (!read.ok) {
      unreadable("sessions", r.key, r.text, read.problem);
    } else if (read.value.id != r.key) {
      unreadable("sessions", r.key, r.text, "its id does not match where it is stored");
    } else {
      p.sessions.push_back(std::move(read.value));
    }
  }
  order_sessions(p.sessions);
  for (const StoredRecord& r : checks) {
    RecordRead<MorningCheck> read = read_check_record(r.text);
    if (read.ok && read.value.day == r.key) {
      p.checks.push_back(std::move(read.value));
    } else {
      unreadable("checks", r.key, r.text, read.ok ? "its day does not match where it is stored" : read.problem);
    }
  }
  std::stable_sort(p.checks.begin(), p.checks.end(), check_before);
  for (const StoredRecord& r : adjustments) {
    RecordRead<Adjustment> read = read_adjustment_record(r.text);
    if (read.ok && read.value.exercise_id == r.key) {
      p.adjustments.push_back(std::move(read.value));
    } else {
      unreadable("adjustments", r.key, r.text, read.ok ? "its exercise does not match where it is stored" : read.problem);
    }
  }
  std::stable_sort(p.adjustments.begin(), p.adjustments.end(), adjustment_before);
  return p;
}

// ---- [SECTION] derived views ----------------------------------------------------------------

namespace {

long long floor_div(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// A session counts for streaks and calendars when at least one exercise was completed.
bool counts(const SessionLog& s) {
  return std::any_of(s.items.begin(), s.items.end(),
                     [](const LogItem& it) { return it.outcome == ItemOutcome::Completed; });
}

int session_day(const SessionLog& s) { return local_day(s.start_ms, s.tz_offset_min); }

}  // namespace

int local_day(long long ms, int tz_offset_min) {
  return static_cast<int>(floor_div(ms - static_cast<long long>(tz_offset_min) * 60000LL, kDayMs));
}

// Civil calendar from a day count: shift to eras of 400 years starting on 1 March, where
// leap days fall at the end of a year.
std::string day_text(int day) {
  long long z = static_cast<long long>(day) + 719468;
  long long era = floor_div(z, 146097);
  long long doe = z - era * 146097;                                      // [0, 146096]
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  long long y = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // [0, 365]
  long long mp = (5 * doy + 2) / 153;                        // March = 0
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", y, m, d);
  return buf;
}

int day_from_text(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return -1;
  auto digits = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 1970 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
  long long yy = m <= 2 ? y - 1 : y;
  long long era = floor_div(yy, 400);
  long long yoe = yy - era * 400;
  long long mp = m > 2 ? m - 3 : m + 9;
  long long doy = (153 * mp + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int day = static_cast<int>(era * 146097 + doe - 719468);
  return day_text(day) == text ? day : -1;  // rejects 31 April and 29 February of common years
}

int weekday(int day) {
  long long shifted = static_cast<long long>(day) + 3;  // 1970-01-01 was a Thursday
  return static_cast<int>(shifted - floor_div(shifted, 7) * 7);
}

std::vector<int> done_days(const Progress& progress, int first, int last) {
  std::vector<int> days;
  for (const SessionLog& s : progress.sessions) {
    int d = session_day(s);
    if (d >= first && d <= last && counts(s)) days.push_back(d);
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

bool done_on(const Progress& progress, int day) { return !done_days(progress, day, day).empty(); }

int streak_days(const Progress& progress, int today) {
  std::vector<int> days = done_days(progress, today - 36600, today);
  std::set<int> set(days.begin(), days.end());
  int d = set.count(today) ? today : today - 1;
  int n = 0;
  while (set.count(d)) {
    ++n;
    --d;
  }
  return n;
}

int days_done_in_week(const Progress& progress, int day) {
  int monday = day - weekday(day);
  return static_cast<int>(done_days(progress, monday, monday + 6).size());
}

std::vector<PainPoint> pain_trend(const Progress& progress, int first_day, int last_day) {
  std::vector<PainPoint> points;
  for (const SessionLog& s : progress.sessions) {
    int d = session_day(s);
    if (d < first_day || d > last_day) continue;
    if (s.pain_after >= 0) {
      points.push_back(PainPoint{d, s.pain_after, true});
    } else if (s.pain_before >= 0) {
      points.push_back(PainPoint{d, s.pain_before, false});
    }
  }
  return points;
}

std::vector<ExerciseHistory> exercise_histories(const Progress& progress) {
  std::map<std::string, ExerciseHistory, std::less<>> by_id;
  std::map<std::string, long long, std::less<>> last_ms;
  for (const SessionLog& s : progress.sessions) {
    for (const LogItem& it : s.items) {
      if (it.outcome == ItemOutcome::NotReached) continue;
      ExerciseHistory& h = by_id[it.exercise_id];
      h.exercise_id = it.exercise_id;
      h.times_completed += it.outcome == ItemOutcome::Completed;
      h.times_stopped += it.outcome == ItemOutcome::Stopped;
      h.points.push_back(ExercisePoint{session_day(s), it.outcome, it.reps_done, it.hold_s, it.pain_0_10});
      last_ms[it.exercise_id] = s.start_ms;
    }
  }
  std::vector<ExerciseHistory> out;
  for (auto& [id, h] : by_id) out.push_back(std::move(h));
  std::stable_sort(out.begin(), out.end(), [&](const ExerciseHistory& a, const ExerciseHistory& b) {
    return last_ms[a.exercise_id] > last_ms[b.exercise_id];
  });
  return out;
}

// ---- [SECTION] backup and import --------------------------------------------------------------

std::string backup_json(const Progress& progress, long long now_ms) {
  std::string out;
  out.reserve(progress.sessions.size() * 400 + 256);
  out += "{\"app\":\"steady-back\",\"kind\":\"backup\",\"version\":";
  out += std::to_string(kBackupVersion);
  out += ",\"exported\":";
  out += std::to_string(now_ms);
  out += ",\n\"sessions\":[";
  for (size_t i = 0; i < progress.sessions.size(); ++i) {
    out += i ? ",\n" : "\n";
    write_session(out, progress.sessions[i]);
  }
  out += "],\n\"checks\":[";
  for (size_t i = 0; i < progress.checks.size(); ++i) {
    out += i ? ",\n" : "\n";
    write_check(out, progress.checks[i]);
  }
  out += "],\n\"adjustments\":[";
  for (size_t i = 0; i < progress.adjustments.size(); ++i) {
    out += i ? ",\n" : "\n";
    write_adjustment(out, progress.adjustments[i]);
  }
  // Records this device could not read go along as they are, so a backup loses nothing.
  out += "],\n\"unreadable\":[";
  for (size_t i = 0; i < progress.unreadable.size(); ++i) {
    const UnreadableRecord& u = progress.unreadable[i];
    out += i ? ",\n" : "\n";
    ObjectWriter w(out);
    w.text("store", u.store);
    w.text("key", u.key);
    w.text("text", u.text);
    w.text("problem", u.problem);
  }
  out += "]}\n";
  return out;
}

BackupRead read_backup(std::string_view text, long long now_ms) {
  BackupRead out;
  Sink sink{"backup", &out.diagnostics};
  auto fail = [&](ImportError e) {
    out.error = e;
    out.sessions.clear();
    out.checks.clear();
    out.adjustments.clear();
    return out;
  };
  if (text.size() > kBackupMaxBytes) {
    sink.error(JsonPos{}, "", "the file is " + std::to_string(text.size() >> 20) + " MB; a backup is at most " +
                                  std::to_string(kBackupMaxBytes >> 20) + " MB");
    return fail(ImportError::TooBig);
  }
  JsonParseResult parsed = parse_json(text);
  if (!parsed.ok) {
    sink.error(parsed.error_pos, "", parsed.error);
    return fail(ImportError::NotJson);
  }
  const JsonValue& root = parsed.root;
  const JsonValue* app = root.is_object() ? root.find("app") : nullptr;
  const JsonValue* kind = root.is_object() ? root.find("kind") : nullptr;
  if (!app || !app->is_string() || app->text != "steady-back" || !kind || !kind->is_string() ||
      kind->text != "backup") {
    sink.error(root.pos, "", "this is not a Steady Back backup");
    return fail(ImportError::NotBackup);
  }
  const JsonValue* version = root.find("version");
  int v = 0;
  if (!version || !read_whole(sink, *version, "version", v) || v < 1) {
    if (version && !has_error_since(out.diagnostics, 0)) sink.error(version->pos, "version", "must be 1 or more");
    if (!version) sink.error(root.pos, "", "missing required key \"version\"");
    return fail(ImportError::BadRecord);
  }
  if (v > kBackupVersion) {
    sink.error(version->pos, "version",
               "made by a newer version of the app (backup version " + std::to_string(v) + ")");
    return fail(ImportError::FutureVersion);
  }
  JsonFields f(sink, root, "", {"app", "kind", "version", "exported", "sessions", "checks", "adjustments", "unreadable"});
  const long long latest_ms = now_ms + kDayMs;  // a clock a little ahead elsewhere is fine
  long long exported = 0;
  f.whole64("exported", Need::Optional, exported);
  const JsonValue* sessions = f.get("sessions", Need::Required);
  if (sessions && sessions->is_array() && sessions->items.size() > kBackupMaxSessions) {
    sink.error(sessions->pos, "sessions", "holds more than " + std::to_string(kBackupMaxSessions) + " sessions");
    return fail(ImportError::TooBig);
  }
  f.list("sessions", Need::Required, [&](const JsonValue& item, const std::string& key) {
    SessionLog log;
    if (read_session_at(sink, item, key, latest_ms, log)) out.sessions.push_back(std::move(log));
  });
  f.list("checks", Need::Optional, [&](const JsonValue& item, const std::string& key) {
    MorningCheck c;
    if (read_check_at(sink, item, key, latest_ms, c)) out.checks.push_back(std::move(c));
  });
  f.list("adjustments", Need::Optional, [&](const JsonValue& item, const std::string& key) {
    Adjustment a;
    if (read_adjustment_at(sink, item, key, latest_ms, a)) out.adjustments.push_back(std::move(a));
  });
  if (has_error_since(out.diagnostics, 0)) return fail(ImportError::BadRecord);
  // The same id twice in one file: two different records claim one place.
  std::set<std::string> seen;
  for (const SessionLog& s : out.sessions) {
    if (!seen.insert(s.id).second) {
      sink.error(JsonPos{}, "sessions", "the session id " + quoted(s.id) + " appears twice");
      return fail(ImportError::DuplicateId);
    }
  }
  seen.clear();
  for (const MorningCheck& c : out.checks) {
    if (!seen.insert(c.day).second) {
      sink.error(JsonPos{}, "checks", "the morning check of " + c.day + " appears twice");
      return fail(ImportError::DuplicateId);
    }
  }
  seen.clear();
  for (const Adjustment& a : out.adjustments) {
    if (!seen.insert(a.exercise_id).second) {
      sink.error(JsonPos{}, "adjustments", "the change to " + quoted(a.exercise_id) + " appears twice");
      return fail(ImportError::DuplicateId);
    }
  }
  return out;
}

MergeResult merge_backup(Progress& progress, const BackupRead& backup) {
  MergeResult result;
  if (backup.error != ImportError::None) return result;
  std::set<std::string_view> have;
  for (const SessionLog& s : progress.sessions) have.insert(s.id);
  for (const SessionLog& s : backup.sessions) {
    if (have.count(s.id)) {
      ++result.already_here;
    } else {
      result.added_sessions.push_back(s);
    }
  }
  for (const MorningCheck& c : backup.checks) {
    if (progress.find_check(c.day)) {
      ++result.already_here;
    } else {
      result.added_checks.push_back(c);
    }
  }
  for (const Adjustment& a : backup.adjustments) {
    if (progress.find_adjustment(a.exercise_id)) {
      ++result.already_here;
    } else {
      result.added_adjustments.push_back(a);
    }
  }
  progress.sessions.insert(progress.sessions.end(), result.added_sessions.begin(), result.added_sessions.end());
  std::stable_sort(progress.sessions.begin(), progress.sessions.end(), session_before);
  for (const MorningCheck& c : result.added_checks) progress.put(c);
  for (const Adjustment& a : result.added_adjustments) progress.put(a);
  return result;
}

// ---- [SECTION] clinician's CSV ----------------------------------------------------------------

namespace {

// One CSV field: quoted when it holds a separator, quote or line break; text a spreadsheet
// would take for a formula gets a leading apostrophe.
void append_csv_field(std::string& out, std::string_view field, bool first) {
  if (!first) out += ',';
  std::string f(field);
  if (!f.empty() && (f[0] == '=' || f[0] == '+' || f[0] == '-' || f[0] == '@' || f[0] == '\t' || f[0] == '\r')) {
    f.insert(f.begin(), '\'');
  }
  if (f.find_first_of(",\"\r\n") == std::string::npos) {
    out += f;
    return;
  }
  out += '"';
  for (char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string optional_whole(int v) { return v >= 0 ? std::to_string(v) : std::string(); }

}  // namespace

std::string sessions_csv(const Progress& progress, const Content& content) {
  std::string out =
      "date,time,programme,exercise,outcome,sets_done,reps_done,seconds_held,pain_during,pain_before,pain_after,"
      "difficulty,note\r\n";
  for (const SessionLog& s : progress.sessions) {
    long long local_ms = s.start_ms - static_cast<long long>(s.tz_offset_min) * 60000LL;
    long long minute_of_day = floor_div(local_ms, 60000LL) - floor_div(local_ms, kDayMs) * 1440;
    char time[48];
    std::snprintf(time, sizeof time, "%02lld:%02lld", minute_of_day / 60, minute_of_day % 60);
    std::string difficulty = s.difficulty == Difficulty::None ? "" : std::string(kDifficultyNames[static_cast<size_t>(s.difficulty)]);
    for (const LogItem& it : s.items) {
      const Exercise* e = content.find_exercise(it.exercise_id);
      char held[32];
      std::snprintf(held, sizeof held, "%g", it.hold_s);
      append_csv_field(out, day_text(session_day(s)), true);
      append_csv_field(out, time, false);
      append_csv_field(out, s.programme_name, false);
      append_csv_field(out, e ? e->name : it.exercise_id, false);
      append_csv_field(out, kOutcomeNames[static_cast<size_t>(it.outcome)], false);
      append_csv_field(out, std::to_string(it.sets_done), false);
      append_csv_field(out, std::to_string(it.reps_done), false);
      append_csv_field(out, held, false);
      append_csv_field(out, optional_whole(it.pain_0_10), false);
      append_csv_field(out, optional_whole(s.pain_before), false);
      append_csv_field(out, optional_whole(s.pain_after), false);
      append_csv_field(out, difficulty, false);
      append_csv_field(out, s.note, false);
      out += "\r\n";
    }
  }
  return out;
}

}  // namespace sb
