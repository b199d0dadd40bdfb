// storage: C++ side of storage_lib.js.
#include "platform/storage.h"

#include <cstdlib>

#include "core/json.h"

extern "C" {
int sb_storage_status();
char* sb_storage_reason();
char* sb_storage_take_loaded();
char* sb_storage_take_session_lines(int* len);
int sb_storage_put_session(const char* id, double start_ms, int tz_min, const char* text, int len);
int sb_storage_put_sessions(const char* json, int len);
int sb_storage_put(const char* store, const char* key, const char* text, int len);
int sb_storage_put_many(const char* store, const char* json, int len);
int sb_storage_remove(const char* store, const char* key);
int sb_storage_take_write_error();
int sb_storage_pending();
void sb_storage_mark(const char* name);
void sb_storage_report_load(double parse_ms, int sessions, int unreadable);
double sb_clock_now_ms();
int sb_clock_tz_offset_min();
void sb_files_download(const char* name, const char* mime, const char* text, int len);
void sb_files_pick();
int sb_files_picked_state();
char* sb_files_take_picked();
void sb_files_print(const char* json, int len);
int sb_files_embedded();
void sb_files_open_full_app();
}

namespace sb {

namespace {

std::string take_string(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}

}  // namespace

StorageStatus storage_status() {
  int s = sb_storage_status();
  return s == 1 ? StorageStatus::Ready : s == 2 ? StorageStatus::Unavailable : StorageStatus::Opening;
}

std::string storage_reason() { return take_string(sb_storage_reason()); }
std::string storage_take_loaded() { return take_string(sb_storage_take_loaded()); }

std::string storage_take_session_lines() {
  int len = 0;
  char* p = sb_storage_take_session_lines(&len);
  std::string s(p, static_cast<size_t>(len));
  std::free(p);
  return s;
}

bool storage_parse_loaded(const std::string& json, LoadedStores& out) {
  JsonParseResult parsed = parse_json(json);
  if (!parsed.ok || !parsed.root.is_object()) return false;
  for (const JsonMember& m : parsed.root.members) {
    std::vector<StoredRecord>* list = m.key == "sessions_aside" ? &out.sessions
                                      : m.key == "checks"      ? &out.checks
                                      : m.key == "adjustments" ? &out.adjustments
                                      : m.key == "prefs"       ? &out.prefs
                                                               : nullptr;
    if (!list || !m.value.is_array()) continue;
    list->reserve(m.value.items.size());
    for (const JsonValue& pair : m.value.items) {
      if (pair.is_array() && pair.items.size() == 2 && pair.items[0].is_string() && pair.items[1].is_string()) {
        list->push_back(StoredRecord{pair.items[0].text, pair.items[1].text});
      }
    }
  }
  return true;
}

bool storage_put(const char* store, const std::string& key, const std::string& text) {
  return sb_storage_put(store, key.c_str(), text.data(), static_cast<int>(text.size())) != 0;
}

bool storage_put_many(const char* store, const std::vector<StoredRecord>& records) {
  std::string json = "[";
  for (size_t i = 0; i < records.size(); ++i) {
    if (i) json += ',';
    json += '[';
    json_append_string(json, records[i].key);
    json += ',';
    json_append_string(json, records[i].text);
    json += ']';
  }
  json += ']';
  return sb_storage_put_many(store, json.data(), static_cast<int>(json.size())) != 0;
}

bool storage_put_session(const SessionLog& log) {
  std::string text = to_stored_line(log);
  return sb_storage_put_session(log.id.c_str(), static_cast<double>(log.start_ms), log.tz_offset_min, text.data(),
                                static_cast<int>(text.size())) != 0;
}

bool storage_put_sessions(const std::vector<SessionLog>& logs) {
  std::string json = "[";
  for (size_t i = 0; i < logs.size(); ++i) {
    if (i) json += ',';
    json += '[';
    json_append_string(json, logs[i].id);
    json += ',' + std::to_string(logs[i].start_ms) + ',' + std::to_string(logs[i].tz_offset_min) + ',';
    json_append_string(json, to_stored_line(logs[i]));
    json += ']';
  }
  json += ']';
  return sb_storage_put_sessions(json.data(), static_cast<int>(json.size())) != 0;
}

bool storage_remove(const char* store, const std::string& key) { return sb_storage_remove(store, key.c_str()) != 0; }

StorageWriteError storage_take_write_error() {
  int e = sb_storage_take_write_error();
  return e == 1 ? StorageWriteError::Quota : e == 2 ? StorageWriteError::Failed : StorageWriteError::None;
}

int storage_pending() { return sb_storage_pending(); }
void storage_mark(const char* name) { sb_storage_mark(name); }
void storage_report_load(double parse_ms, int sessions, int unreadable) { sb_storage_report_load(parse_ms, sessions, unreadable); }
long long clock_now_ms() { return static_cast<long long>(sb_clock_now_ms()); }
int clock_tz_offset_min() { return sb_clock_tz_offset_min(); }

void files_download(const std::string& name, const std::string& mime, const std::string& text) {
  sb_files_download(name.c_str(), mime.c_str(), text.data(), static_cast<int>(text.size()));
}
void files_pick() { sb_files_pick(); }
int files_picked_state() { return sb_files_picked_state(); }
std::string files_take_picked() { return take_string(sb_files_take_picked()); }
void files_print(const std::string& report_json) {
  sb_files_print(report_json.data(), static_cast<int>(report_json.size()));
}
bool files_embedded() { return sb_files_embedded() != 0; }
void files_open_full_app() { sb_files_open_full_app(); }

}  // namespace sb
