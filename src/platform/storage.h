// storage: the app's side of the progress store (web/storage.js keeps it in IndexedDB) and
// of the backup files. Calls return at once; results are polled each frame.
#pragma once

#include <string>
#include <vector>

#include "core/progress.h"

namespace sb {

enum class StorageStatus { Opening, Ready, Unavailable };
enum class StorageWriteError { None, Quota, Failed };

StorageStatus storage_status();
// Why storage is unavailable: "blocked" (no IndexedDB here: private mode, a sandboxed or
// partitioned frame), "failed" (it would not open or read), "closed" (another tab upgraded).
std::string storage_reason();

// Everything read at start, once: the small stores as JSON ({"checks": [[key, text]...],
// ...}) and the sessions' weeks as lines ("#2026-W47", then that week's records, one a line).
std::string storage_take_loaded();
std::string storage_take_session_lines();
// Splits that JSON into each store's records ("sessions_aside": sessions kept one a key);
// false when it is damaged.
struct LoadedStores {
  std::vector<StoredRecord> sessions, checks, adjustments, prefs;
};
bool storage_parse_loaded(const std::string& json, LoadedStores& out);

// One transaction each; false when it could not even start (storage unavailable).
bool storage_put(const char* store, const std::string& key, const std::string& text);
bool storage_put_many(const char* store, const std::vector<StoredRecord>& records);
// A session into its week's stored value (read and rewritten in one transaction).
bool storage_put_session(const SessionLog& log);
bool storage_put_sessions(const std::vector<SessionLog>& logs);
bool storage_remove(const char* store, const std::string& key);
// The last write that failed, once.
StorageWriteError storage_take_write_error();
int storage_pending();
// A performance mark, and the load's figures on window.steadyStorage.timings (benchmarks).
void storage_mark(const char* name);
void storage_report_load(double parse_ms, int sessions, int unreadable);

// The calendar clock: milliseconds since 1970 (UTC) and the local offset (getTimezoneOffset).
long long clock_now_ms();
int clock_tz_offset_min();

// ---- backup files ----
void files_download(const std::string& name, const std::string& mime, const std::string& text);
// Opens the file chooser; poll files_picked_state: 0 none yet, 1 text waiting, 2 too big.
void files_pick();
int files_picked_state();
std::string files_take_picked();
// Builds the print view from a report JSON (text only) and opens the print dialog.
void files_print(const std::string& report_json);
bool files_embedded();
void files_open_full_app();

}  // namespace sb
