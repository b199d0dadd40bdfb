// Tests of the JSON layer: the tree, the line:col positions the content loaders report
// (they must point at the real value, also in pretty-printed files and after multi-byte
// UTF-8), syntax errors, the depth limit, and string escaping.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/json.h"

namespace {

std::string pos_text(sb::JsonPos p) { return std::to_string(p.line) + ":" + std::to_string(p.col); }

std::string error_text(const sb::JsonParseResult& r) {
  return pos_text(r.error_pos) + " " + r.error;
}

}  // namespace

TEST_CASE("parse_json builds the tree of a document") {
  const sb::JsonParseResult r =
      sb::parse_json(R"({"name": "Bridge", "reps": 10, "on": true, "off": null, "list": [1, "x"]})");
  REQUIRE(r.ok);
  CHECK(r.error.empty());
  const sb::JsonValue& root = r.root;
  REQUIRE(root.is_object());
  REQUIRE(root.members.size() == 5);
  CHECK(root.members[0].key == "name");
  CHECK(root.find("name")->text == "Bridge");
  CHECK(root.find("reps")->number == 10);
  CHECK(root.find("on")->is_bool());
  CHECK(root.find("on")->boolean);
  CHECK(root.find("off")->is_null());
  REQUIRE(root.find("list")->items.size() == 2);
  CHECK(root.find("list")->items[1].text == "x");
  CHECK(root.find("missing") == nullptr);
  CHECK(root.find("list")->find("name") == nullptr);  // not an object
}

TEST_CASE("find returns the first of repeated keys") {
  const sb::JsonParseResult r = sb::parse_json(R"({"a": 1, "a": 2})");
  REQUIRE(r.ok);
  CHECK(r.root.members.size() == 2);
  CHECK(r.root.find("a")->number == 1);
}

TEST_CASE("positions of keys and values on one line, nested") {
  //                                      1         2         3         4         5
  //                             12345678901234567890123456789012345678901234567890
  const sb::JsonParseResult r = sb::parse_json(R"({"a": [1, {"b": 2}, 3], "c": {"d": [true]}, "e": 5})");
  REQUIRE(r.ok);
  const sb::JsonValue& root = r.root;
  CHECK(pos_text(root.pos) == "1:1");
  CHECK(pos_text(root.members[0].key_pos) == "1:2");
  const sb::JsonValue& a = root.members[0].value;
  CHECK(pos_text(a.pos) == "1:7");
  CHECK(pos_text(a.items[0].pos) == "1:8");
  CHECK(pos_text(a.items[1].pos) == "1:11");
  CHECK(pos_text(a.items[1].members[0].key_pos) == "1:12");
  CHECK(pos_text(a.items[1].members[0].value.pos) == "1:17");
  CHECK(pos_text(a.items[2].pos) == "1:21");  // after a closed object
  CHECK(pos_text(root.members[1].key_pos) == "1:25");  // after a closed list
  CHECK(pos_text(root.members[1].value.pos) == "1:30");
  CHECK(pos_text(root.members[1].value.members[0].key_pos) == "1:31");
  CHECK(pos_text(root.members[1].value.members[0].value.pos) == "1:36");
  CHECK(pos_text(root.members[1].value.members[0].value.items[0].pos) == "1:37");
  CHECK(pos_text(root.members[2].key_pos) == "1:45");
  CHECK(pos_text(root.members[2].value.pos) == "1:50");
}

TEST_CASE("positions in a pretty-printed file") {
  const char* text =
      "{\n"
      "  \"schema\": 1,\n"
      "  \"list\": [\n"
      "    {\"id\": \"x\"},\n"
      "    {}\n"
      "  ],\n"
      "  \"empty\": []\n"
      "}\n";
  const sb::JsonParseResult r = sb::parse_json(text);
  REQUIRE(r.ok);
  const sb::JsonValue& root = r.root;
  CHECK(pos_text(root.members[0].key_pos) == "2:3");
  CHECK(pos_text(root.members[0].value.pos) == "2:13");
  CHECK(pos_text(root.members[1].key_pos) == "3:3");
  const sb::JsonValue& list = root.members[1].value;
  CHECK(pos_text(list.pos) == "3:11");
  CHECK(pos_text(list.items[0].pos) == "4:5");
  CHECK(pos_text(list.items[0].members[0].key_pos) == "4:6");
  CHECK(pos_text(list.items[0].members[0].value.pos) == "4:12");
  CHECK(pos_text(list.items[1].pos) == "5:5");
  CHECK(pos_text(root.members[2].key_pos) == "7:3");
  CHECK(pos_text(root.members[2].value.pos) == "7:12");
}

TEST_CASE("columns count characters, not bytes, after multi-byte UTF-8") {
  //                                   é and ü are 2 bytes, ☕ is 3 bytes: one column each
  const sb::JsonParseResult r = sb::parse_json("{\"é\": \"ü☕\", \"b\": [2]}");
  REQUIRE(r.ok);
  CHECK(r.root.members[0].key == "é");
  CHECK(r.root.members[0].value.text == "ü☕");
  CHECK(pos_text(r.root.members[1].key_pos) == "1:13");
  CHECK(pos_text(r.root.members[1].value.pos) == "1:18");
  CHECK(pos_text(r.root.members[1].value.items[0].pos) == "1:19");
}

TEST_CASE("positions after escaped quotes and backslashes in strings") {
  //                                   1         2
  //                          123456789012345678901234567
  const sb::JsonParseResult r = sb::parse_json(R"({"a": "x\"y\\", "b": "\u00e9", "c": 1})");
  REQUIRE(r.ok);
  CHECK(r.root.members[0].value.text == "x\"y\\");
  CHECK(r.root.members[1].value.text == "é");
  CHECK(pos_text(r.root.members[1].key_pos) == "1:17");
  CHECK(pos_text(r.root.members[1].value.pos) == "1:22");
  CHECK(pos_text(r.root.members[2].key_pos) == "1:32");
  CHECK(pos_text(r.root.members[2].value.pos) == "1:37");
}

TEST_CASE("lines count with CRLF line ends") {
  const sb::JsonParseResult r = sb::parse_json("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}");
  REQUIRE(r.ok);
  CHECK(pos_text(r.root.members[1].key_pos) == "3:3");
  CHECK(pos_text(r.root.members[1].value.pos) == "3:8");
}

TEST_CASE("syntax errors give plain words and the position where reading stopped") {
  CHECK(error_text(sb::parse_json(R"({"a": 1,})")) == "1:9 Missing a name for object member");
  CHECK(error_text(sb::parse_json("{\n  \"a\": [1, 2\n}")) ==
        "3:1 Missing a comma or ']' after an array element");
  CHECK(error_text(sb::parse_json(R"({"a" 1})")) == "1:6 Missing a colon after a name of object member");
  CHECK(error_text(sb::parse_json(R"({"a": 1} x)")) ==
        "1:10 The document root must not be followed by other values");
  CHECK(error_text(sb::parse_json("{\"é\": \"ü\" \"b\": 1}")) ==
        "1:11 Missing a comma or '}' after an object member");
  CHECK(error_text(sb::parse_json("")) == "1:1 The document is empty");
  CHECK(error_text(sb::parse_json("[1e999]")) == "1:2 Number too big to be stored in double");
  CHECK(error_text(sb::parse_json("{\"a\": \"\xff\"}")) == "1:8 Invalid encoding in string");
  const sb::JsonParseResult r = sb::parse_json("[");
  CHECK_FALSE(r.ok);
  CHECK(r.root.is_null());
}

TEST_CASE("nesting deeper than kJsonMaxDepth is an error, at the limit it is fine") {
  const std::string ok_text = std::string(sb::kJsonMaxDepth, '[') + std::string(sb::kJsonMaxDepth, ']');
  const sb::JsonParseResult ok = sb::parse_json(ok_text);
  CHECK(ok.ok);
  const std::string deep = std::string(sb::kJsonMaxDepth + 1, '[') + std::string(sb::kJsonMaxDepth + 1, ']');
  const sb::JsonParseResult r = sb::parse_json(deep);
  CHECK_FALSE(r.ok);
  CHECK(error_text(r) == "1:65 lists and objects are nested too deeply (more than 64 levels)");
  // Hostile depth stays cheap and does not overflow the stack.
  CHECK_FALSE(sb::parse_json(std::string(1000000, '[')).ok);
}

TEST_CASE("a NUL byte is an error at its position") {
  const sb::JsonParseResult r = sb::parse_json(std::string("{\n \"a\":\0}", 9));
  CHECK_FALSE(r.ok);
  CHECK(error_text(r) == "2:6 the text contains a NUL byte");
}

TEST_CASE("a text cut off inside a multi-byte character is an error, never a read past its end") {
  // Found by fuzz/fuzz_content: validating UTF-8 read the bytes after the terminating NUL.
  for (const char* tail : {"\xE1", "\xF0", "\xF0\x9F", "\xE2\x80", "\xC3"}) {
    const std::string text = std::string("{\"note\": \"a string long enough for the heap ") + tail;
    const sb::JsonParseResult r = sb::parse_json(text);
    CHECK_FALSE(r.ok);
    CHECK(!r.error.empty());
  }
}

TEST_CASE("numbers remember whether they were written as integers") {
  const sb::JsonParseResult r =
      sb::parse_json("[1, -3, 0, 1.0, 1e2, 0.5, 12345678901, 18446744073709551615, -9223372036854775808]");
  REQUIRE(r.ok);
  const auto& v = r.root.items;
  REQUIRE(v.size() == 9);
  CHECK(v[0].is_integer);
  CHECK(v[1].is_integer);
  CHECK(v[1].number == -3);
  CHECK(v[2].is_integer);
  CHECK_FALSE(v[3].is_integer);
  CHECK(v[3].number == 1.0);
  CHECK_FALSE(v[4].is_integer);
  CHECK(v[4].number == 100.0);
  CHECK_FALSE(v[5].is_integer);
  CHECK(v[6].is_integer);
  CHECK(v[6].number == 12345678901.0);
  CHECK(v[7].is_integer);
  CHECK(v[8].is_integer);
  CHECK(v[8].number < 0);
}

TEST_CASE("a zero written with an exponent is zero; numbers are correctly rounded") {
  // Found by fuzz/fuzz_json: rapidjson 1.1.0's own conversion read "0e-23" as 1.4e-42 or 5e61.
  const sb::JsonParseResult r =
      sb::parse_json("[0e-23, -0e-23, 0.000e-30, 0E+5, 0.0e-400, -0, 1e-23, 2.5e3, 0.1, 123456789012345678901234]");
  REQUIRE(r.ok);
  const auto& v = r.root.items;
  REQUIRE(v.size() == 10);
  for (size_t i = 0; i < 6; ++i) {
    CHECK_MESSAGE(v[i].number == 0.0, i);
    CHECK_FALSE(std::signbit(v[i].number));
  }
  CHECK(v[5].is_integer);
  CHECK(v[6].number == 1e-23);
  CHECK(v[7].number == 2500.0);
  CHECK(v[8].number == 0.1);
  CHECK(v[9].is_integer);  // written without fraction or exponent, however large
  CHECK(v[9].number == 123456789012345678901234.0);
  CHECK(error_text(sb::parse_json("[1e400]")) == "1:2 Number too big to be stored in double");
}

TEST_CASE("json_type_name says the type in words") {
  CHECK(std::string(sb::json_type_name(sb::JsonValue::Type::Array)) == "a list");
  CHECK(std::string(sb::json_type_name(sb::JsonValue::Type::Object)) == "an object");
  CHECK(std::string(sb::json_type_name(sb::JsonValue::Type::Bool)) == "true or false");
}

TEST_CASE("json_offset_to_pos counts lines and characters") {
  CHECK(pos_text(sb::json_offset_to_pos("ab\ncé d", 0)) == "1:1");
  CHECK(pos_text(sb::json_offset_to_pos("ab\ncé d", 3)) == "2:1");
  CHECK(pos_text(sb::json_offset_to_pos("ab\ncé d", 7)) == "2:4");  // é is 2 bytes
  CHECK(pos_text(sb::json_offset_to_pos("ab", 99)) == "1:3");       // clamped to the end
}

TEST_CASE("json_append_string escapes and appends") {
  std::string out = "x=";
  sb::json_append_string(out, "a\"b\\c\nd\re\tf\x01g é");
  CHECK(out == "x=\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g é\"");
  std::string empty;
  sb::json_append_string(empty, "");
  CHECK(empty == "\"\"");
  // What it writes reads back as the same string.
  const std::string original = "q\"\\\n\x1f end\x7f";
  std::string doc;
  sb::json_append_string(doc, original);
  const sb::JsonParseResult r = sb::parse_json(doc);
  REQUIRE(r.ok);
  CHECK(r.root.text == original);
}
