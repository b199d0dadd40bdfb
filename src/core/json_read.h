// json_read: reading outside JSON (content files, backups, stored records, links) into typed
// values, reporting each problem with its position and dotted key and carrying on. One
// reader for every loader, so every file's messages read the same way.
#pragma once

#include <array>
#include <cassert>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/json.h"

namespace sb {

// Larger "whole numbers" than this are reported, not converted.
inline constexpr double kJsonWholeNumberLimit = 1e9;

// s as a quoted JSON string, for messages.
std::string quoted(std::string_view s);
// x in the shortest readable form ("2", "0.5").
std::string number_text(double x);
// The number of characters (not bytes) of UTF-8 text.
int utf8_length(std::string_view s);
// "a.b" from path "a" and key "b"; "a[label]" for a list item.
std::string child_key(const std::string& path, std::string_view key);
std::string item_key(const std::string& path, std::string_view label);

// Index of name in names, or -1.
template <size_t N>
int index_of(const std::array<std::string_view, N>& names, std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

template <size_t N>
std::string joined(const std::array<std::string_view, N>& names) {
  std::string out;
  for (std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// Where the problems of one file go.
struct Sink {
  std::string_view file;
  Diagnostics* diags;

  void add(Severity severity, JsonPos pos, const std::string& key, std::string message) const;
  void error(JsonPos pos, const std::string& key, std::string message) const;
  void warning(JsonPos pos, const std::string& key, std::string message) const;
};

// True when diags holds an error from index first on.
bool has_error_since(const Diagnostics& diags, size_t first);

// Each reader below reports a bad value to sink under key and returns false.
bool expect_type(const Sink& sink, const JsonValue& v, JsonValue::Type type, const std::string& key);
// A non-empty string of at most max_chars characters (0: no limit).
bool read_text(const Sink& sink, const JsonValue& v, const std::string& key, std::string& out,
               int max_chars = 0);
bool read_whole(const Sink& sink, const JsonValue& v, const std::string& key, int& out);
// A whole number of any size up to 2^53 (milliseconds since 1970, ids).
bool read_whole64(const Sink& sink, const JsonValue& v, const std::string& key, long long& out);

// One of names; returns its index or -1 (reported as an unknown `what`).
template <size_t N>
int read_choice(const Sink& sink, const JsonValue& v, const std::string& key, const char* what,
                const std::array<std::string_view, N>& names) {
  if (!expect_type(sink, v, JsonValue::Type::String, key)) return -1;
  int i = index_of(names, v.text);
  if (i < 0) {
    sink.error(v.pos, key, std::string("unknown ") + what + " " + quoted(v.text) + " (allowed: " + joined(names) + ")");
  }
  return i;
}

enum class Need { Optional, Required };

// Reads the members of one JSON object whose dotted path is path. On construction it warns
// about keys that are not in known (and about repeated keys); each getter marks the
// missing required key or the badly typed value.
class JsonFields {
 public:
  JsonFields(const Sink& sink, const JsonValue& obj, std::string path, std::vector<std::string_view> known);

  const Sink& sink() const { return sink_; }
  std::string key(std::string_view name) const { return child_key(path_, name); }
  const std::string& path() const { return path_; }

  // The member's value, or nullptr when it is absent (an error when required).
  const JsonValue* get(std::string_view name, Need need) const;

  // Each getter below returns true when it read a good value into out.
  bool text(std::string_view name, Need need, std::string& out, int max_chars = 0) const;
  bool flag(std::string_view name, Need need, bool& out) const;
  bool whole(std::string_view name, Need need, int& out) const;
  bool whole64(std::string_view name, Need need, long long& out) const;
  bool real(std::string_view name, Need need, double& out) const;
  // A whole number (or any number when real) within [min, max].
  bool whole_in(std::string_view name, Need need, int& out, int min, int max) const;
  bool real_in(std::string_view name, Need need, double& out, double min, double max) const;
  template <size_t N>
  int choice_of(std::string_view name, Need need, const char* what, const std::array<std::string_view, N>& names) const {
    const JsonValue* v = get(name, need);
    return v ? read_choice(sink_, *v, key(name), what, names) : -1;
  }

  // Calls read_item(item, item_key) for each item of the list; returns the list or nullptr.
  template <typename F>
  const JsonValue* list(std::string_view name, Need need, F&& read_item) const {
    const JsonValue* v = get(name, need);
    if (!v || !expect_type(sink_, *v, JsonValue::Type::Array, key(name))) return nullptr;
    for (size_t i = 0; i < v->items.size(); ++i) read_item(v->items[i], item_key(key(name), std::to_string(i)));
    return v;
  }
  const JsonValue* text_list(std::string_view name, Need need, std::vector<std::string>& out,
                             int max_chars = 0) const;

 private:
  const Sink& sink_;
  const JsonValue& obj_;
  std::string path_;
  std::vector<std::string_view> known_;
};

}  // namespace sb
