// progress_keeper: keeps the person's progress and settings in step with the browser's
// store. It loads everything once storage is ready, writes each change as it happens (one
// transaction per change), and remembers what went wrong so the screens can say so.
#pragma once

#include <string>

#include "core/progress.h"
#include "core/settings.h"
#include "platform/storage.h"

namespace sb {

struct ImportOutcome {
  bool done = false;         // a file was read (successfully or not)
  ImportError error = ImportError::None;
  std::string detail;        // the first problem found, for the curious (format_diagnostic)
  int added = 0;             // records new to this device
  int already_here = 0;
  bool too_big = false;
};

struct ProgressKeeper {
  Progress progress;
  Settings settings;
  bool loaded = false;              // progress (possibly empty) is known
  bool available = true;            // false: nothing can be kept on this device
  std::string unavailable_reason;   // storage_reason()
  StorageWriteError write_error = StorageWriteError::None;  // the latest failed write
  int unsaved = 0;                  // changes held only in memory after a failed write
  double load_ms = 0.0;             // time to read the stored records into progress
  ImportOutcome import;             // the last import
  bool import_waiting = false;      // the file chooser is open
  bool import_finished = false;     // an import just ended (to announce); the caller clears it
  bool problem_fresh = false;       // storage just failed or became unavailable (to announce); the caller clears it
};

// Call every frame: finishes loading once storage is ready, picks up write failures and
// chosen import files. True when something changed that the screen should show.
bool keeper_poll(ProgressKeeper& k, long long now_ms);

void keeper_save(ProgressKeeper& k, const SessionLog& log);
void keeper_save(ProgressKeeper& k, const MorningCheck& check);
void keeper_save(ProgressKeeper& k, const Adjustment& adjustment);
void keeper_remove_adjustment(ProgressKeeper& k, const std::string& exercise_id);
void keeper_save_settings(ProgressKeeper& k);

// Backup files: the JSON backup and the clinician's CSV as downloads; importing opens the
// file chooser and the result arrives in k.import through keeper_poll.
void keeper_export_backup(const ProgressKeeper& k, long long now_ms);
void keeper_export_csv(const ProgressKeeper& k, const Content& content, long long now_ms);
void keeper_start_import(ProgressKeeper& k);

// A new session id, unique on this device.
std::string keeper_new_session_id(long long now_ms);

}  // namespace sb
