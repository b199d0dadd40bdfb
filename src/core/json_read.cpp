// json_read: the shared typed reader over JsonValue trees.
#include "core/json_read.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace sb {

std::string quoted(std::string_view s) {
  std::string out;
  json_append_string(out, s);
  return out;
}

std::string number_text(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

int utf8_length(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string child_key(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string item_key(const std::string& path, std::string_view label) {
  return path + "[" + std::string(label) + "]";
}

void Sink::add(Severity severity, JsonPos pos, const std::string& key, std::string message) const {
  diags->push_back(Diagnostic{severity, std::string(file), pos.line, pos.col, key, std::move(message)});
}
void Sink::error(JsonPos pos, const std::string& key, std::string message) const {
  add(Severity::Error, pos, key, std::move(message));
}
void Sink::warning(JsonPos pos, const std::string& key, std::string message) const {
  add(Severity::Warning, pos, key, std::move(message));
}

bool has_error_since(const Diagnostics& diags, size_t first) {
  for (size_t i = first; i < diags.size(); ++i) {
    if (diags[i].severity == Severity::Error) return true;
  }
  return false;
}

bool expect_type(const Sink& sink, const JsonValue& v, JsonValue::Type type, const std::string& key) {
  if (v.type == type) return true;
  sink.error(v.pos, key, std::string("must be ") + json_type_name(type) + ", not " + json_type_name(v.type));
  return false;
}

bool read_text(const Sink& sink, const JsonValue& v, const std::string& key, std::string& out, int max_chars) {
  if (!expect_type(sink, v, JsonValue::Type::String, key)) return false;
  out = v.text;
  if (out.empty()) {
    sink.error(v.pos, key, "must not be empty");
    return false;
  }
  int length = utf8_length(out);
  if (max_chars > 0 && length > max_chars) {
    sink.error(v.pos, key,
               "is " + std::to_string(length) + " characters long; at most " + std::to_string(max_chars) + " fit");
    return false;
  }
  return true;
}

bool read_whole(const Sink& sink, const JsonValue& v, const std::string& key, int& out) {
  if (!v.is_number()) {
    sink.error(v.pos, key, std::string("must be a whole number, not ") + json_type_name(v.type));
    return false;
  }
  if (v.number != std::floor(v.number) || std::fabs(v.number) > kJsonWholeNumberLimit) {
    sink.error(v.pos, key, "must be a whole number, not " + number_text(v.number));
    return false;
  }
  out = static_cast<int>(v.number);
  return true;
}

bool read_whole64(const Sink& sink, const JsonValue& v, const std::string& key, long long& out) {
  constexpr double kLimit = 9007199254740992.0;  // 2^53: exact in a double
  if (!v.is_number()) {
    sink.error(v.pos, key, std::string("must be a whole number, not ") + json_type_name(v.type));
    return false;
  }
  if (v.number != std::floor(v.number) || !(std::fabs(v.number) <= kLimit)) {
    sink.error(v.pos, key, "must be a whole number, not " + number_text(v.number));
    return false;
  }
  out = static_cast<long long>(v.number);
  return true;
}

JsonFields::JsonFields(const Sink& sink, const JsonValue& obj, std::string path, std::vector<std::string_view> known)
    : sink_(sink), obj_(obj), path_(std::move(path)), known_(std::move(known)) {
  std::vector<bool> seen(known_.size(), false);
  for (const JsonMember& m : obj_.members) {
    auto it = std::find(known_.begin(), known_.end(), m.key);
    if (it == known_.end()) {
      sink_.warning(m.key_pos, path_, "unknown key " + quoted(m.key) + " (ignored)");
    } else if (seen[static_cast<size_t>(it - known_.begin())]) {
      sink_.warning(m.key_pos, key(m.key), "repeated key (only the first one is used)");
    } else {
      seen[static_cast<size_t>(it - known_.begin())] = true;
    }
  }
}

const JsonValue* JsonFields::get(std::string_view name, Need need) const {
  assert(std::find(known_.begin(), known_.end(), name) != known_.end());
  const JsonValue* v = obj_.find(name);
  if (!v && need == Need::Required) sink_.error(obj_.pos, path_, "missing required key " + quoted(name));
  return v;
}

bool JsonFields::text(std::string_view name, Need need, std::string& out, int max_chars) const {
  const JsonValue* v = get(name, need);
  return v && read_text(sink_, *v, key(name), out, max_chars);
}

bool JsonFields::flag(std::string_view name, Need need, bool& out) const {
  const JsonValue* v = get(name, need);
  if (!v || !expect_type(sink_, *v, JsonValue::Type::Bool, key(name))) return false;
  out = v->boolean;
  return true;
}

bool JsonFields::whole(std::string_view name, Need need, int& out) const {
  const JsonValue* v = get(name, need);
  return v && read_whole(sink_, *v, key(name), out);
}

bool JsonFields::whole64(std::string_view name, Need need, long long& out) const {
  const JsonValue* v = get(name, need);
  return v && read_whole64(sink_, *v, key(name), out);
}

bool JsonFields::real(std::string_view name, Need need, double& out) const {
  const JsonValue* v = get(name, need);
  if (!v || !expect_type(sink_, *v, JsonValue::Type::Number, key(name))) return false;
  out = v->number;
  return true;
}

bool JsonFields::whole_in(std::string_view name, Need need, int& out, int min, int max) const {
  int x = 0;
  if (!whole(name, need, x)) return false;
  if (x < min || x > max) {
    sink_.error(get(name, need)->pos, key(name),
                "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", not " + std::to_string(x));
    return false;
  }
  out = x;
  return true;
}

bool JsonFields::real_in(std::string_view name, Need need, double& out, double min, double max) const {
  double x = 0;
  if (!real(name, need, x)) return false;
  if (!(x >= min && x <= max)) {
    sink_.error(get(name, need)->pos, key(name),
                "must be between " + number_text(min) + " and " + number_text(max) + ", not " + number_text(x));
    return false;
  }
  out = x;
  return true;
}

const JsonValue* JsonFields::text_list(std::string_view name, Need need, std::vector<std::string>& out,
                                       int max_chars) const {
  return list(name, need, [&](const JsonValue& item, const std::string& k) {
    std::string s;
    if (read_text(sink_, item, k, s, max_chars)) out.push_back(std::move(s));
  });
}

}  // namespace sb
