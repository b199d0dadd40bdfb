// progress_keeper: loading, saving, export and import of progress through the page's store.
#include "platform/progress_keeper.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <random>

namespace sb {

namespace {

void note_write(ProgressKeeper& k, bool started) {
  if (!started) {
    ++k.unsaved;
    k.write_error = StorageWriteError::Failed;
    k.problem_fresh = true;
  }
}

std::string file_date(long long now_ms) { return day_text(local_day(now_ms, clock_tz_offset_min())); }

void finish_import(ProgressKeeper& k, const std::string& text, long long now_ms) {
  ImportOutcome out;
  out.done = true;
  BackupRead backup = read_backup(text, now_ms);
  out.error = backup.error;
  if (backup.error != ImportError::None) {
    if (!backup.diagnostics.empty()) out.detail = format_diagnostic(backup.diagnostics.front());
    k.import = out;
    return;
  }
  MergeResult merged = merge_backup(k.progress, backup);
  out.added = static_cast<int>(merged.added_sessions.size() + merged.added_checks.size() +
                               merged.added_adjustments.size());
  out.already_here = merged.already_here;
  auto store = [&](const char* name, auto& list, auto key_of) {
    if (list.empty() || !k.available) return;
    std::vector<StoredRecord> records;
    for (const auto& r : list) records.push_back(StoredRecord{key_of(r), to_json(r)});
    note_write(k, storage_put_many(name, records));
  };
  if (!merged.added_sessions.empty() && k.available) note_write(k, storage_put_sessions(merged.added_sessions));
  store("checks", merged.added_checks, [](const MorningCheck& c) { return c.day; });
  store("adjustments", merged.added_adjustments, [](const Adjustment& a) { return a.exercise_id; });
  k.import = out;
}

}  // namespace

bool keeper_poll(ProgressKeeper& k, long long now_ms) {
  bool changed = false;
  if (!k.loaded) {
    StorageStatus status = storage_status();
    if (status == StorageStatus::Ready) {
      double t0 = emscripten_get_now();
      LoadedStores stores;
      std::string lines = storage_take_session_lines();
      if (storage_parse_loaded(storage_take_loaded(), stores)) {
        k.progress = load_progress(lines, stores.sessions, stores.checks, stores.adjustments);
        for (const StoredRecord& r : stores.prefs) {
          if (r.key != "settings") continue;
          std::string problem;
          k.settings = read_settings_record(r.text, &problem);
          if (!problem.empty()) std::fprintf(stderr, "settings: %s\n", problem.c_str());
        }
      } else {
        k.available = false;
        k.unavailable_reason = "failed";
        k.problem_fresh = true;
      }
      k.load_ms = emscripten_get_now() - t0;
      storage_mark("sb-progress-loaded");
      storage_report_load(k.load_ms, static_cast<int>(k.progress.sessions.size()), static_cast<int>(k.progress.unreadable.size()));
      for (const UnreadableRecord& u : k.progress.unreadable) {
        std::fprintf(stderr, "a stored %s record (%s) could not be read and is kept as it is: %s\n", u.store.c_str(),
                     u.key.c_str(), u.problem.c_str());
      }
      k.loaded = true;
      changed = true;
    } else if (status == StorageStatus::Unavailable) {
      k.available = false;
      k.unavailable_reason = storage_reason();
      k.loaded = true;
      k.problem_fresh = true;
      changed = true;
    }
  } else if (k.available && storage_status() == StorageStatus::Unavailable) {
    k.available = false;  // closed by another tab's upgrade, or the browser
    k.unavailable_reason = storage_reason();
    k.problem_fresh = true;
    changed = true;
  }
  StorageWriteError e = storage_take_write_error();
  if (e != StorageWriteError::None) {
    k.write_error = e;
    ++k.unsaved;
    k.problem_fresh = true;
    changed = true;
  }
  if (k.import_waiting) {
    int picked = files_picked_state();
    if (picked == 2) {
      k.import = ImportOutcome{};
      k.import.done = true;
      k.import.error = ImportError::TooBig;
      k.import.too_big = true;
      files_take_picked();
      k.import_waiting = false;
      k.import_finished = true;
      changed = true;
    } else if (picked == 1) {
      finish_import(k, files_take_picked(), now_ms);
      k.import_waiting = false;
      k.import_finished = true;
      changed = true;
    }
  }
  return changed;
}

void keeper_save(ProgressKeeper& k, const SessionLog& log) {
  k.progress.put(log);
  if (k.available) note_write(k, storage_put_session(log));
}

void keeper_save(ProgressKeeper& k, const MorningCheck& check) {
  k.progress.put(check);
  if (k.available) note_write(k, storage_put("checks", check.day, to_json(check)));
}

void keeper_save(ProgressKeeper& k, const Adjustment& adjustment) {
  k.progress.put(adjustment);
  if (k.available) note_write(k, storage_put("adjustments", adjustment.exercise_id, to_json(adjustment)));
}

void keeper_remove_adjustment(ProgressKeeper& k, const std::string& exercise_id) {
  k.progress.remove_adjustment(exercise_id);
  if (k.available) note_write(k, storage_remove("adjustments", exercise_id));
}

void keeper_save_settings(ProgressKeeper& k) {
  if (k.available && k.loaded) note_write(k, storage_put("prefs", "settings", to_json(k.settings)));
}

void keeper_export_backup(const ProgressKeeper& k, long long now_ms) {
  files_download("steady-back-backup-" + file_date(now_ms) + ".json", "application/json",
                 backup_json(k.progress, now_ms));
}

void keeper_export_csv(const ProgressKeeper& k, const Content& content, long long now_ms) {
  files_download("steady-back-sessions-" + file_date(now_ms) + ".csv", "text/csv", sessions_csv(k.progress, content));
}

void keeper_start_import(ProgressKeeper& k) {
  k.import = ImportOutcome{};
  k.import_waiting = true;
  files_pick();
}

std::string keeper_new_session_id(long long now_ms) {
  std::random_device device;  // the browser's crypto source under Emscripten
  char buf[48];
  std::snprintf(buf, sizeof buf, "s-%lld-%04x", now_ms, static_cast<unsigned>(device() & 0xffff));
  return buf;
}

}  // namespace sb
