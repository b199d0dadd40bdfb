// json: a small read-only JSON tree that remembers where each value stood in the text.
// Parsing is done by rapidjson's SAX reader (iterative, so deep input cannot overflow the
// stack); this layer adds line/column positions so loaders can point at the exact place
// of a bad value, and a depth limit so hostile input stays cheap.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

// 1-based line and column of a value's first character in the parsed text.
struct JsonPos {
  int line = 0;
  int col = 0;
};

struct JsonMember;

struct JsonValue {
  enum class Type { Null, Bool, Number, String, Array, Object };

  Type type = Type::Null;
  bool boolean = false;
  double number = 0.0;
  bool is_integer = false;  // the number was written without fraction or exponent
  std::string text;         // for strings
  std::vector<JsonValue> items;     // for arrays
  std::vector<JsonMember> members;  // for objects, in text order
  JsonPos pos;

  bool is_null() const { return type == Type::Null; }
  bool is_bool() const { return type == Type::Bool; }
  bool is_number() const { return type == Type::Number; }
  bool is_string() const { return type == Type::String; }
  bool is_array() const { return type == Type::Array; }
  bool is_object() const { return type == Type::Object; }

  // The member named key, or nullptr (also when this is not an object).
  const JsonValue* find(std::string_view key) const;
};

struct JsonMember {
  std::string key;
  JsonPos key_pos;
  JsonValue value;
};

// Name of a JSON type as a person would say it ("a number", "an object").
const char* json_type_name(JsonValue::Type type);

struct JsonParseResult {
  bool ok = false;
  JsonValue root;
  std::string error;  // plain words, empty when ok
  JsonPos error_pos;  // where parsing stopped
};

// Largest nesting of arrays and objects accepted; deeper input is an error.
constexpr int kJsonMaxDepth = 64;

// Parses UTF-8 JSON text. Never throws; bad input gives ok == false with a message.
JsonParseResult parse_json(std::string_view text);

// Position (1-based line and column) of a byte offset in text.
JsonPos json_offset_to_pos(std::string_view text, size_t offset);

// Appends s to out as a quoted JSON string.
void json_append_string(std::string& out, std::string_view s);

}  // namespace sb
