// fuzz_progress: the backup import (a file the person chooses) and the stored records read
// back at start (sessions, checks, changes, settings), which may be damaged on disk.
// Checked: no crash; a refused backup carries its reason and nothing to merge; an accepted
// one merges idempotently (a second merge adds nothing); a record that reads is written back
// to text that reads the same, in both stored forms; the fast reader of stored lines agrees
// with the full one.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/progress.h"
#include "core/settings.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const long long now_ms = 1763726400000LL;
  sb::BackupRead backup = sb::read_backup(text, now_ms);
  if (backup.error != sb::ImportError::None) {
    sb_fuzz::expect(!backup.diagnostics.empty(), "a refused backup says why");
    sb_fuzz::expect(backup.sessions.empty() && backup.checks.empty(), "a refused backup brings nothing");
  } else {
    sb::Progress progress;
    sb::merge_backup(progress, backup);
    const std::string once = sb::backup_json(progress, now_ms);
    sb::MergeResult again = sb::merge_backup(progress, backup);
    sb_fuzz::expect(again.added_sessions.empty() && again.added_checks.empty(), "a second merge adds nothing");
    sb_fuzz::expect(sb::backup_json(progress, now_ms) == once, "a second merge changes nothing");
  }
  sb::RecordRead<sb::SessionLog> session = sb::read_session_record(text);
  if (session.ok) {
    sb::RecordRead<sb::SessionLog> again = sb::read_session_record(sb::to_json(session.value));
    sb_fuzz::expect(again.ok && sb::to_json(again.value) == sb::to_json(session.value), "a session record round-trips");
  } else {
    sb_fuzz::expect(!session.problem.empty(), "an unreadable record says why");
  }
  // The fast reader of stored lines never takes what the full reader refuses, and agrees
  // with it; a stored line round-trips; a whole text of lines loads, keeping what it can't read.
  sb::SessionLog quick;
  if (sb::read_session_fast(text, quick)) {
    sb_fuzz::expect(session.ok && sb::to_json(quick) == sb::to_json(session.value), "the fast reader agrees");
  }
  if (session.ok) {
    sb::RecordRead<sb::SessionLog> line = sb::read_session_record(sb::to_stored_line(session.value));
    sb_fuzz::expect(line.ok && sb::to_json(line.value) == sb::to_json(session.value), "a stored line round-trips");
  }
  sb::Progress lines = sb::load_progress(text, {}, {}, {});
  for (const sb::UnreadableRecord& u : lines.unreadable) sb_fuzz::expect(!u.problem.empty(), "an unreadable line says why");
  sb::read_check_record(text);
  sb::read_adjustment_record(text);
  sb::read_settings_record(text);
  return 0;
}
