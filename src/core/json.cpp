// json: rapidjson SAX events turned into a JsonValue tree with source positions.
#include "core/json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cstdio>
#include <cstdlib>

namespace sb {

const JsonValue* JsonValue::find(std::string_view key) const {
  if (type != Type::Object) return nullptr;
  for (const JsonMember& m : members) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

const char* json_type_name(JsonValue::Type type) {
  switch (type) {
    case JsonValue::Type::Null: return "null";
    case JsonValue::Type::Bool: return "true or false";
    case JsonValue::Type::Number: return "a number";
    case JsonValue::Type::String: return "a string";
    case JsonValue::Type::Array: return "a list";
    case JsonValue::Type::Object: return "an object";
  }
  return "a value";
}

JsonPos json_offset_to_pos(std::string_view text, size_t offset) {
  JsonPos pos{1, 1};
  if (offset > text.size()) offset = text.size();
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++pos.col;  // count characters, not UTF-8 continuation bytes
    }
  }
  return pos;
}

namespace {

// A plain input stream over the text. Unlike rapidjson's StringStream it does not ask the
// reader to work on a local copy, so Tell() is exact when an event handler runs. It never
// moves past the terminating NUL: rapidjson's UTF-8 check takes every byte a lead byte
// promises, so a text cut off inside a character would otherwise be read past its end.
class TextStream {
 public:
  typedef char Ch;
  explicit TextStream(const char* s) : begin_(s), cur_(s) {}
  Ch Peek() const { return *cur_; }
  Ch Take() { return *cur_ ? *cur_++ : *cur_; }
  size_t Tell() const { return static_cast<size_t>(cur_ - begin_); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

 private:
  const char* begin_;
  const char* cur_;
};

// Builds the tree from SAX events. Each value's start offset is found by skipping the
// white space and separators that follow the previous event's end.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, const TextStream& stream)
      : text_(text), stream_(stream) {}

  bool Null() { return scalar(JsonValue{}); }
  bool Bool(bool b) {
    JsonValue v;
    v.type = JsonValue::Type::Bool;
    v.boolean = b;
    return scalar(std::move(v));
  }
  // Never called: numbers arrive as text (RawNumber below), but the reader's interface has them.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(int64_t) { return false; }
  bool Uint64(uint64_t) { return false; }
  bool Double(double) { return false; }
  // Every number arrives here as its text (kParseNumbersAsStringsFlag) and strtod converts
  // it, correctly rounded: the conversion of Debian's rapidjson 1.1.0 turns a zero written
  // with an exponent ("0e-23") into garbage (clz(0) in its DiyFp::Normalize).
  bool RawNumber(const char* s, rapidjson::SizeType len, bool) {
    const std::string text(s, len);
    JsonValue v;
    v.type = JsonValue::Type::Number;
    v.number = std::strtod(text.c_str(), nullptr);
    if (v.number == 0.0) v.number = 0.0;  // "-0" reads as 0
    v.is_integer = text.find_first_of(".eE") == std::string::npos;
    return scalar(std::move(v));
  }
  bool String(const char* s, rapidjson::SizeType len, bool) {
    JsonValue v;
    v.type = JsonValue::Type::String;
    v.text.assign(s, len);
    return scalar(std::move(v));
  }
  bool Key(const char* s, rapidjson::SizeType len, bool) {
    size_t start = value_start();
    pending_key_.assign(s, len);
    pending_key_pos_ = pos_of(start);
    last_end_ = stream_.Tell();
    return true;
  }
  bool StartObject() { return open(JsonValue::Type::Object); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open(JsonValue::Type::Array); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  JsonValue take_root() { return std::move(root_); }
  bool too_deep() const { return too_deep_; }

 private:
  size_t value_start() const {
    size_t i = last_end_;
    while (i < text_.size()) {
      char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':' || c == '}' || c == ']') {
        ++i;
      } else {
        break;
      }
    }
    return i;
  }

  JsonPos pos_of(size_t offset) {
    // Positions are requested in increasing order, so walk forward from the last one.
    if (offset < cursor_offset_) {
      cursor_offset_ = 0;
      cursor_pos_ = JsonPos{1, 1};
    }
    for (; cursor_offset_ < offset && cursor_offset_ < text_.size(); ++cursor_offset_) {
      char c = text_[cursor_offset_];
      if (c == '\n') {
        ++cursor_pos_.line;
        cursor_pos_.col = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++cursor_pos_.col;
      }
    }
    return cursor_pos_;
  }

  // Places a finished value into its parent (or as the root).
  void place(JsonValue&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return;
    }
    JsonValue* parent = stack_.back();
    if (parent->type == JsonValue::Type::Array) {
      parent->items.push_back(std::move(v));
    } else {
      parent->members.push_back(JsonMember{std::move(pending_key_), pending_key_pos_, std::move(v)});
      pending_key_.clear();
    }
  }

  JsonValue* last_placed() {
    if (stack_.empty()) return &root_;
    JsonValue* parent = stack_.back();
    if (parent->type == JsonValue::Type::Array) return &parent->items.back();
    return &parent->members.back().value;
  }

  bool scalar(JsonValue&& v) {
    v.pos = pos_of(value_start());
    last_end_ = stream_.Tell();
    place(std::move(v));
    return true;
  }

  bool open(JsonValue::Type type) {
    if (static_cast<int>(stack_.size()) >= kJsonMaxDepth) {
      too_deep_ = true;
      return false;
    }
    // The reader may call this before or after taking the bracket, so find it in the text.
    JsonValue v;
    v.type = type;
    size_t start = value_start();
    v.pos = pos_of(start);
    last_end_ = start + 1;
    place(std::move(v));
    stack_.push_back(last_placed());
    return true;
  }

  bool close() {
    last_end_ = stream_.Tell();
    stack_.pop_back();
    return true;
  }

  std::string_view text_;
  const TextStream& stream_;
  JsonValue root_;
  std::vector<JsonValue*> stack_;
  std::string pending_key_;
  JsonPos pending_key_pos_;
  size_t last_end_ = 0;
  size_t cursor_offset_ = 0;
  JsonPos cursor_pos_{1, 1};
  bool too_deep_ = false;
};

}  // namespace

JsonParseResult parse_json(std::string_view text) {
  JsonParseResult result;
  // The stream needs a terminating NUL; the view may not have one.
  std::string owned(text);
  if (owned.find('\0') != std::string::npos) {
    result.error = "the text contains a NUL byte";
    result.error_pos = json_offset_to_pos(text, owned.find('\0'));
    return result;
  }
  TextStream stream(owned.c_str());
  TreeBuilder builder(owned, stream);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag |
                              rapidjson::kParseValidateEncodingFlag;
  rapidjson::ParseResult pr = reader.Parse<kFlags>(stream, builder);
  if (!pr) {
    if (builder.too_deep()) {
      result.error = "lists and objects are nested too deeply (more than " +
                     std::to_string(kJsonMaxDepth) + " levels)";
    } else {
      result.error = rapidjson::GetParseError_En(pr.Code());
      if (!result.error.empty() && result.error.back() == '.') result.error.pop_back();
    }
    result.error_pos = json_offset_to_pos(text, pr.Offset());
    return result;
  }
  result.ok = true;
  result.root = builder.take_root();
  return result;
}

void json_append_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

}  // namespace sb
