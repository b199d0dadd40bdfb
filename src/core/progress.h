// progress: what the person has done, kept on their device: one log per session (what was
// done of each exercise, pain before and after, how hard it felt, a note), the next-morning
// check, the suggestions they accepted, and the views made from them (streak, sessions per
// week, pain trend, per-exercise history). Also the backup file (JSON, versioned), its import
// (validated first, merged without duplicates, never touching existing records) and the CSV
// for a clinician.
//
// Stored records are JSON text, one per session / check / adjustment, each with "v" (its
// format version); sessions are kept a week to a stored value, one record a line. Version 1
// records (the first storage format) are upgraded when read and never rewritten behind the
// person's back. Times are milliseconds since 1970 (UTC) with the local offset of that
// moment, so a session keeps its calendar day when travelling.
//
// [SECTION] records
// [SECTION] stored records
// [SECTION] derived views
// [SECTION] backup and import
// [SECTION] clinician's CSV
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/diagnostic.h"
#include "core/session.h"

namespace sb {

// ---- [SECTION] records --------------------------------------------------------------------

inline constexpr int kRecordVersion = 2;        // the format written now
inline constexpr int kBackupVersion = 1;        // the backup file's format
inline constexpr int kStoredLineVersion = 3;    // a session's compact stored line (to_stored_line)
inline constexpr int kNoteMaxChars = 500;       // a session's note
inline constexpr int kLogItemsMax = 40;         // exercises in one session log
inline constexpr long long kEarliestMs = 946684800000LL;  // 2000-01-01: older times are damage

enum class Difficulty { None, Easy, Right, Hard };

// What was done of one exercise of a session.
struct LogItem {
  std::string exercise_id;
  ItemOutcome outcome = ItemOutcome::NotReached;  // InProgress: begun, the session closed midway
  int sets_done = 0;      // sets completed in full
  int reps_done = 0;      // reps completed over all sets (both sides counted once: the fewer)
  double hold_s = 0.0;    // seconds held over all sets and sides
  int pain_0_10 = -1;     // pain given after "this hurts"; -1 none
};

struct SessionLog {
  std::string id;               // unique, e.g. "s-1732170000000-a3f9"
  long long start_ms = 0;       // when it began
  int tz_offset_min = 0;        // local time = UTC - offset (JavaScript's getTimezoneOffset)
  double active_s = 0.0;        // time exercising, pauses left out
  std::string programme_id;
  std::string programme_name;   // as it was called then
  std::vector<LogItem> items;
  int pain_before = -1;         // 0-10, -1 not given
  int pain_after = -1;
  Difficulty difficulty = Difficulty::None;
  std::string note;
  bool finished = false;        // reached the end (not closed midway)
};

// The next-morning question: "is your pain or stiffness worse than yesterday?"
struct MorningCheck {
  std::string day;     // local date "YYYY-MM-DD", also the record's id: one answer a day
  bool worse = false;
  long long at_ms = 0;
};

// A change to the programme the person accepted from a suggestion (never made silently).
enum class AdjustmentKind { Easier, LowerDose, Harder };
struct Adjustment {
  std::string exercise_id;  // the programme's exercise it changes; also the record's id
  AdjustmentKind kind = AdjustmentKind::Easier;
  std::string to_id;        // Easier / Harder: the exercise done instead
  long long at_ms = 0;
};

// A stored record that could not be read: kept as it is (never deleted) and reported.
struct UnreadableRecord {
  std::string store;  // "sessions", "checks", "adjustments"
  std::string key;
  std::string text;
  std::string problem;  // plain words
};

struct Progress {
  std::vector<SessionLog> sessions;    // in start order
  std::vector<MorningCheck> checks;    // in day order
  std::vector<Adjustment> adjustments;
  std::vector<UnreadableRecord> unreadable;

  const SessionLog* find_session(std::string_view id) const;
  const MorningCheck* find_check(std::string_view day) const;
  const Adjustment* find_adjustment(std::string_view exercise_id) const;
  // Adds or replaces (same id) keeping the order.
  void put(SessionLog log);
  void put(MorningCheck check);
  void put(Adjustment adjustment);
  void remove_adjustment(std::string_view exercise_id);
};

// A note as it is kept: control characters other than line breaks dropped, blank space
// trimmed at both ends, cut to kNoteMaxChars characters (whole UTF-8 characters).
std::string clean_note(std::string_view text);

// The log of a session from the player's state at wall time now_s. started_ms and tz come
// from the platform's calendar clock; id must be unique on this device.
SessionLog make_session_log(const SessionState& state, const SessionView& view, std::string id, long long start_ms,
                            int tz_offset_min, const std::string& programme_id, const std::string& programme_name);

// ---- [SECTION] stored records ----------------------------------------------------------------

std::string to_json(const SessionLog& log);
// A session as it is stored: the fields of to_json by position in one array ("[3,...]"),
// less than half the bytes. read_session_record reads both forms.
std::string to_stored_line(const SessionLog& log);
std::string to_json(const MorningCheck& check);
std::string to_json(const Adjustment& adjustment);

// One record read back: ok, or the problem in plain words (with where, in diagnostics).
template <typename T>
struct RecordRead {
  bool ok = false;
  T value;
  std::string problem;
};
RecordRead<SessionLog> read_session_record(std::string_view json_text);
RecordRead<MorningCheck> read_check_record(std::string_view json_text);
RecordRead<Adjustment> read_adjustment_record(std::string_view json_text);

// A store's records as the platform hands them over: key and JSON text.
struct StoredRecord {
  std::string key;
  std::string text;
};

// Reads every stored record; the unreadable ones are listed (kept, never dropped).
Progress load_progress(const std::vector<StoredRecord>& sessions, const std::vector<StoredRecord>& checks,
                       const std::vector<StoredRecord>& adjustments);

// The same, with sessions also stored one per line in buckets (a week's sessions in one
// stored value): session_lines holds the buckets joined, each after a line "#KEY" naming it.
// A line that cannot be read is listed with its bucket's key; a session id met twice is kept
// once. sessions holds records stored one per key (kept aside when the buckets were made).
Progress load_progress(std::string_view session_lines, const std::vector<StoredRecord>& sessions,
                       const std::vector<StoredRecord>& checks, const std::vector<StoredRecord>& adjustments);

// The fast way through a stored session line: true, with log filled, when the line is written
// exactly as to_json writes it (then read_session_record gives the same log); false for
// anything else, which read_session_record then reads or words.
bool read_session_fast(std::string_view line, SessionLog& log);

// ---- [SECTION] derived views ----------------------------------------------------------------

// Days since 1970-01-01 of the local calendar date at ms with offset tz.
int local_day(long long ms, int tz_offset_min);
// "YYYY-MM-DD" of a day number, and back (-1 when the text is not a real date).
std::string day_text(int day);
int day_from_text(std::string_view text);
// 0 = Monday ... 6 = Sunday.
int weekday(int day);

// Days in a row, ending today (or yesterday, when today has nothing yet), with at least one
// session in which an exercise was completed.
int streak_days(const Progress& progress, int today);
// Days of the week containing day (Monday to Sunday) with a session done.
int days_done_in_week(const Progress& progress, int day);
// The local days, among [first, last], with a session done (sorted, unique).
std::vector<int> done_days(const Progress& progress, int first, int last);
// True when a session was done on day.
bool done_on(const Progress& progress, int day);

// Pain ratings over time: one point per session with a rating after it (or before it).
struct PainPoint {
  int day = 0;
  int pain_0_10 = 0;
  bool after = true;  // false: only the "before" rating was given
};
std::vector<PainPoint> pain_trend(const Progress& progress, int first_day, int last_day);

// One exercise's history: per session it was in, what was done.
struct ExercisePoint {
  int day = 0;
  ItemOutcome outcome = ItemOutcome::NotReached;
  int reps_done = 0;
  double hold_s = 0.0;
  int pain_0_10 = -1;
};
struct ExerciseHistory {
  std::string exercise_id;
  int times_completed = 0;
  int times_stopped = 0;
  std::vector<ExercisePoint> points;  // in time order
};
// Every exercise that appears in the log, most recently done first.
std::vector<ExerciseHistory> exercise_histories(const Progress& progress);

// ---- [SECTION] backup and import --------------------------------------------------------------

// The whole progress as one JSON file (records with full fidelity, unreadable ones as text).
std::string backup_json(const Progress& progress, long long now_ms);

enum class ImportError { None, NotJson, NotBackup, FutureVersion, BadRecord, DuplicateId, TooBig };

struct BackupRead {
  ImportError error = ImportError::None;  // the interface words it (strings "import.error.*")
  Diagnostics diagnostics;   // where exactly (file "backup"): the first error is shown as detail
  std::vector<SessionLog> sessions;
  std::vector<MorningCheck> checks;
  std::vector<Adjustment> adjustments;
};

inline constexpr size_t kBackupMaxBytes = 32u << 20;   // 32 MiB: ~100 years of daily sessions
inline constexpr size_t kBackupMaxSessions = 100000;

// Reads and validates a whole backup before anything is merged: any bad record rejects the
// file (nothing is half imported). now_ms bounds times (a session cannot start tomorrow).
BackupRead read_backup(std::string_view text, long long now_ms);

// What merging a backup did; the added records are the ones to store.
struct MergeResult {
  std::vector<SessionLog> added_sessions;
  std::vector<MorningCheck> added_checks;
  std::vector<Adjustment> added_adjustments;
  int already_here = 0;  // records with an id this device already has (kept as they are)
};

// Adds the backup's records whose ids are new; existing records are never changed, so
// importing the same file twice changes nothing.
MergeResult merge_backup(Progress& progress, const BackupRead& backup);

// ---- [SECTION] clinician's CSV ----------------------------------------------------------------

// One row per exercise of each session: date, time, programme, exercise, outcome, sets, reps,
// seconds held, pain during, pain before/after, difficulty, note. Names from content when
// known. Fields are quoted when needed, and text that a spreadsheet would run as a formula is
// defused.
std::string sessions_csv(const Progress& progress, const Content& content);

}  // namespace sb
