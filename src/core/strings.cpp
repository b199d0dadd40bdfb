// strings: loading and lookup of the interface text table.
#include "core/strings.h"

#include "core/json.h"

namespace sb {

std::string Strings::get(std::string_view key) const {
  auto it = table.find(key);
  if (it == table.end()) return "[" + std::string(key) + "]";
  return it->second;
}

std::string Strings::format(std::string_view key,
                            const std::vector<std::pair<std::string_view, std::string>>& values) const {
  std::string text = get(key);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string::npos) {
        std::string_view name(text.data() + i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [n, v] : values) {
          if (n == name) {
            out += v;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close;
          continue;
        }
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

StringsLoad load_strings(std::string_view json_text, std::string_view file_name) {
  StringsLoad load;
  auto add = [&](Severity sev, JsonPos pos, std::string key, std::string message) {
    load.diagnostics.push_back(
        Diagnostic{sev, std::string(file_name), pos.line, pos.col, std::move(key), std::move(message)});
  };
  JsonParseResult parsed = parse_json(json_text);
  if (!parsed.ok) {
    add(Severity::Error, parsed.error_pos, "", parsed.error);
    return load;
  }
  const JsonValue& root = parsed.root;
  if (!root.is_object()) {
    add(Severity::Error, root.pos, "", "the file must hold an object");
    return load;
  }
  const JsonValue* schema = root.find("schema");
  if (!schema || !schema->is_number() || schema->number != 1.0) {
    add(Severity::Error, schema ? schema->pos : root.pos, "schema", "must be 1");
    return load;
  }
  for (const JsonMember& m : root.members) {
    if (m.key == "schema") continue;
    if (m.key == "language") {
      if (m.value.is_string() && !m.value.text.empty()) {
        load.strings.language = m.value.text;
      } else {
        add(Severity::Error, m.value.pos, "language", "must be a language tag such as \"en\"");
      }
    } else if (m.key == "strings") {
      if (!m.value.is_object()) {
        add(Severity::Error, m.value.pos, "strings", "must be an object of key: text");
        continue;
      }
      for (const JsonMember& s : m.value.members) {
        std::string key = "strings." + s.key;
        if (!s.value.is_string()) {
          add(Severity::Error, s.value.pos, key, "must be a string");
        } else if (s.value.text.empty()) {
          add(Severity::Error, s.value.pos, key, "must not be empty");
        } else if (!load.strings.table.emplace(s.key, s.value.text).second) {
          add(Severity::Error, s.key_pos, key, "appears twice");
        }
      }
    } else {
      add(Severity::Warning, m.key_pos, m.key, "unknown key \"" + m.key + "\" (ignored)");
    }
  }
  if (load.strings.language.empty()) add(Severity::Error, root.pos, "language", "is missing");
  if (!root.find("strings")) add(Severity::Error, root.pos, "strings", "is missing");
  return load;
}

}  // namespace sb
