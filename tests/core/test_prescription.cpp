// Tests of the prescription link codec: random programmes survive the round trip; links made
// by the first release keep opening to the same programme forever (golden links); every kind
// of bad link gives its own error; a typical clinic link fits a QR code on paper; garbage of
// any kind is refused without a crash. Hand-made links are built by an independent writer of
// the layout in docs/PRESCRIPTION.md, so the test also pins that document to the code.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/prescription.h"
#include "core/session_plan.h"
#include "test_files.h"

namespace {

using sb::PrescriptionError;
using Lines = std::vector<std::string>;

const std::string kAssetsDir = STEADY_SOURCE_DIR "/assets";
const std::string kBase = "https://clinic.example/exercises/";

const sb::Content& shipped() {
  static const sb::Content content =
      sb::load_content({sb_test::read_file(kAssetsDir + "/exercises.json"),
                        sb_test::read_file(kAssetsDir + "/guidance.json"),
                        sb_test::read_file(kAssetsDir + "/programmes.json")})
          .content;
  return content;
}

sb::Dosage default_dosage(const std::string& id) {
  const sb::Exercise* e = shipped().find_exercise(id);
  REQUIRE_MESSAGE(e != nullptr, id);
  return e->dosage;
}

// "knee-to-chest r2-3 s1 h5 i3 o3 rr5 rs30 d2 w7": every figure a link carries.
std::string item_text(const sb::ProgrammeItem& item) {
  const sb::Dosage& d = item.dosage;
  auto range = [](double a, double b) {
    auto n = [](double x) {
      std::string s = std::to_string(x);
      s.erase(s.find_last_not_of('0') + 1);
      if (s.back() == '.') s.pop_back();
      return s;
    };
    return n(a) + (b != 0 ? "-" + n(b) : "");
  };
  return item.exercise + " r" + range(d.reps, d.reps_max) + " s" + range(d.sets, d.sets_max) +
         " h" + range(d.hold_s, d.hold_max_s) + " i" + range(d.move_in_s, 0) + " o" +
         range(d.move_out_s, 0) + " rr" + range(d.rest_rep_s, 0) + " rs" +
         range(d.rest_set_s, 0) + " d" + std::to_string(d.per_day) + " w" +
         std::to_string(d.days_per_week) + (d.source.empty() && d.note.empty() ? "" : " +text");
}

Lines describe(const sb::Prescription& p) {
  Lines out = {"title " + p.title, "clinic " + p.clinic, "note " + p.note,
               "pain " + std::to_string(p.pain_threshold), "review " + p.review_date};
  for (const sb::ProgrammeItem& item : p.items) out.push_back(item_text(item));
  return out;
}

sb::PrescriptionDecode decode(const std::string& text) {
  return sb::decode_prescription(text, shipped());
}

// ---- an independent writer of the version 1 layout (docs/PRESCRIPTION.md) --------------------

struct RawItem {
  int code = 8;  // pelvic-tilt: not timed, not per side
  int reps = 2, reps_max = -1, sets = 1, sets_max = -1, hold = 5, hold_max = -1;  // -1: absent
  int in_halves = 4, out_halves = 4, rest_rep = 0, rest_set = 30, per_day = 1, days = 7;
  int code_groups = 0;  // > 0: write the code in this many groups even if it needs fewer
};

struct Raw {
  std::string title = "T", clinic, note;
  int title_size = -1;  // >= 0: written instead of the true size
  int pain = 5;
  int date_days = -1;  // -1: none
  int count = -1;      // >= 0: written instead of items.size()
  std::vector<RawItem> items = {RawItem{}};
  int tail_bits = 0, tail_value = 0;  // written after the last item
  int length_delta = 0;               // added to the body length in the prefix
};

class Bits {
 public:
  void put(uint32_t value, int n) {
    for (int i = n - 1; i >= 0; --i) {
      if (count_ % 8 == 0) bytes_ += '\0';
      if ((value >> i) & 1u) bytes_.back() = static_cast<char>(bytes_.back() | (0x80 >> (count_ % 8)));
      ++count_;
    }
  }
  void put_text(const std::string& s, int size, int n) {
    put(static_cast<uint32_t>(size), n);
    for (char c : s) put(static_cast<unsigned char>(c), 8);
  }
  std::string bytes_;
  int count_ = 0;
};

std::string base64url(const std::string& bytes) {
  const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t group = 0;
    const size_t n = std::min<size_t>(3, bytes.size() - i);
    for (size_t k = 0; k < 3; ++k) {
      group = (group << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    }
    for (size_t k = 0; k <= n; ++k) out += kAlphabet[(group >> (18 - 6 * k)) & 63u];
  }
  return out;
}

std::string bytes_link(const std::string& body, int length_delta = 0) {
  std::string bytes;
  size_t n = body.size() + static_cast<size_t>(length_delta);
  do {
    bytes += static_cast<char>((n & 0x7Fu) | (n > 0x7F ? 0x80u : 0u));
    n >>= 7;
  } while (n);
  bytes += body;
  const uint32_t crc = sb::crc32(bytes);
  for (int shift = 24; shift >= 0; shift -= 8) bytes += static_cast<char>((crc >> shift) & 0xFFu);
  return "1." + base64url(bytes);
}

std::string raw_link(const Raw& raw) {
  Bits b;
  b.put_text(raw.title, raw.title_size >= 0 ? raw.title_size : static_cast<int>(raw.title.size()), 6);
  b.put_text(raw.clinic, static_cast<int>(raw.clinic.size()), 6);
  b.put_text(raw.note, static_cast<int>(raw.note.size()), 9);
  b.put(static_cast<uint32_t>(raw.pain), 4);
  b.put(raw.date_days >= 0, 1);
  if (raw.date_days >= 0) b.put(static_cast<uint32_t>(raw.date_days), 16);
  b.put(static_cast<uint32_t>(raw.count >= 0 ? raw.count : static_cast<int>(raw.items.size())), 4);
  for (const RawItem& it : raw.items) {
    int code = it.code;
    for (int group = 0; group < std::max(1, it.code_groups) || code; ++group) {
      const int low = code & 0x7F;
      code >>= 7;
      b.put(code != 0 || group + 1 < it.code_groups, 1);
      b.put(static_cast<uint32_t>(low), 7);
    }
    auto put_max = [&](int value, int n) {
      b.put(value >= 0, 1);
      if (value >= 0) b.put(static_cast<uint32_t>(value), n);
    };
    b.put(static_cast<uint32_t>(it.reps), 6);
    put_max(it.reps_max, 6);
    b.put(static_cast<uint32_t>(it.sets), 4);
    put_max(it.sets_max, 4);
    b.put(static_cast<uint32_t>(it.hold), 12);
    put_max(it.hold_max, 12);
    b.put(static_cast<uint32_t>(it.in_halves), 6);
    b.put(static_cast<uint32_t>(it.out_halves), 6);
    b.put(static_cast<uint32_t>(it.rest_rep), 10);
    b.put(static_cast<uint32_t>(it.rest_set), 10);
    b.put(static_cast<uint32_t>(it.per_day), 3);
    b.put(static_cast<uint32_t>(it.days), 3);
  }
  if (raw.tail_bits > 0) b.put(static_cast<uint32_t>(raw.tail_value), raw.tail_bits);
  return bytes_link(b.bytes_, raw.length_delta);
}

// ---- random programmes -----------------------------------------------------------------------

class Random {
 public:
  explicit Random(uint32_t seed) : gen_(seed) {}
  int pick(int lo, int hi) { return lo + static_cast<int>(gen_() % static_cast<uint32_t>(hi - lo + 1)); }
  bool chance(int percent) { return pick(1, 100) <= percent; }

  // Up to max_bytes of text mixing ASCII, URL syntax, accents, dashes and emoji.
  std::string text(int max_bytes, bool newlines) {
    static const Lines kPieces = {"a", "Z", "7", " ", "&", "#", "=", "%", "/", "?", "+", ".",
                                  "é", "ß", "—", "’", "✓", "腰", "😀", "\n"};
    std::string out;
    const int target = pick(0, max_bytes);
    while (true) {
      const std::string& piece = kPieces[static_cast<size_t>(pick(0, newlines ? 19 : 18))];
      if (static_cast<int>(out.size() + piece.size()) > target) break;
      out += piece;
    }
    return out;
  }

  sb::Prescription prescription(const sb::Content& content) {
    sb::Prescription p;
    do p.title = text(sb::kRxTitleMaxBytes, false);
    while (p.title.empty());
    p.clinic = chance(70) ? text(sb::kRxClinicMaxBytes, false) : "";
    p.note = chance(70) ? text(sb::kRxNoteMaxBytes, true) : "";
    p.pain_threshold = pick(0, 10);
    if (chance(50)) p.review_date = sb::review_date_from_days(pick(0, 65535));
    const int count = pick(1, sb::kRxItemsMax);
    for (int i = 0; i < count; ++i) {
      const sb::Exercise& e = content.exercises[static_cast<size_t>(
          pick(0, static_cast<int>(content.exercises.size()) - 1))];
      sb::Dosage d;
      d.reps = e.timed ? 1 : pick(1, 50);
      d.reps_max = !e.timed && chance(30) ? pick(d.reps, 50) : 0;
      d.sets = pick(1, 10);
      d.sets_max = chance(30) ? pick(d.sets, 10) : 0;
      d.hold_s = chance(50) ? pick(e.timed ? 1 : 0, 60) : pick(e.timed ? 1 : 0, 3600);
      d.hold_max_s = chance(30) ? pick(std::max(1, static_cast<int>(d.hold_s)), 3600) : 0;
      d.move_in_s = pick(1, 20) / 2.0;
      d.move_out_s = pick(1, 20) / 2.0;
      d.rest_rep_s = pick(0, 120);
      d.rest_set_s = pick(0, 600);
      d.per_day = pick(1, 6);
      d.days_per_week = pick(1, 7);
      p.items.push_back(sb::ProgrammeItem{e.id, d});
    }
    return p;
  }

 private:
  std::mt19937 gen_;
};

// The programme the golden links below were made from (before link precision).
sb::Prescription six_exercise_programme() {
  sb::Prescription p;
  p.title = "Lower back, weeks 1-2";
  p.clinic = "Riverside Physiotherapy Clinic";
  p.note = "Ease into it: stop if pain spreads down a leg. Walk daily!!!";
  p.pain_threshold = 4;
  p.review_date = "2026-01-15";
  for (const char* id : {"knee-to-chest", "cat-cow", "bird-dog", "glute-bridge", "pelvic-tilt", "walking"}) {
    p.items.push_back(sb::ProgrammeItem{id, default_dosage(id)});
  }
  return p;
}

}  // namespace

// ==== pieces ===================================================================================

TEST_CASE("crc32 is the common CRC-32") {
  CHECK(sb::crc32("123456789") == 0xCBF43926u);
  CHECK(sb::crc32("") == 0u);
  CHECK(sb::crc32(std::string(1, '\0')) == 0xD202EF8Du);
}

TEST_CASE("review dates: day numbers from 2000-01-01, real dates only") {
  int days = -1;
  CHECK((sb::review_date_to_days("2000-01-01", days) && days == 0));
  CHECK((sb::review_date_to_days("2000-03-01", days) && days == 60));  // 2000 is a leap year
  CHECK((sb::review_date_to_days("2024-02-29", days) && days == 8825));
  CHECK((sb::review_date_to_days("2179-06-06", days) && days == 65535));
  for (const char* bad : {"", "2023-02-29", "1999-12-31", "2179-06-07", "2024-13-01", "2024-00-10",
                          "2024-04-31", "2024-4-1", "2024/04/01", "20240401xx", "2024-04-01 "}) {
    CHECK_MESSAGE(!sb::review_date_to_days(bad, days), bad);
  }
  for (int n = 0; n <= 65535; ++n) {
    const std::string date = sb::review_date_from_days(n);
    int back = -1;
    REQUIRE_MESSAGE((sb::review_date_to_days(date, back) && back == n), date);
  }
  CHECK(sb::review_date_from_days(-5) == "2000-01-01");
  CHECK(sb::review_date_from_days(70000) == "2179-06-06");
}

TEST_CASE("every error kind has its own stable name") {
  CHECK(sb::to_string(PrescriptionError::None) == "none");
  CHECK(sb::to_string(PrescriptionError::UnknownVersion) == "unknown-version");
  CHECK(sb::to_string(PrescriptionError::BadChecksum) == "bad-checksum");
  CHECK(sb::to_string(PrescriptionError::BadDate) == "bad-date");
  Lines names;
  for (int i = 0; i <= static_cast<int>(PrescriptionError::BadDate); ++i) {
    const std::string name(sb::to_string(static_cast<PrescriptionError>(i)));
    CHECK(name != "?");
    CHECK(std::find(names.begin(), names.end(), name) == names.end());
    names.push_back(name);
  }
}

// ==== round trips ==================================================================================

TEST_CASE("random programmes survive encode and decode (seeded, 600 programmes)") {
  Random random(20261121);
  size_t longest = 0;
  for (int i = 0; i < 600; ++i) {
    const sb::Prescription p = random.prescription(shipped());
    INFO("programme " << i);
    REQUIRE(sb::check_prescription(p, shipped()).ok());
    const std::string value = sb::encode_prescription(p, shipped());
    REQUIRE(value.rfind("1.", 0) == 0);
    longest = std::max(longest, value.size());
    const sb::PrescriptionDecode d = decode(kBase + "#rx=" + value);
    REQUIRE_MESSAGE(d.ok(), sb::to_string(d.error) << ": " << d.detail);
    CHECK(d.version == 1);
    CHECK(describe(d.prescription) == describe(p));
    CHECK(sb::encode_prescription(d.prescription, shipped()) == value);
  }
  // The largest possible prescription still leaves room for a long base address.
  CHECK(longest < sb::kRxInputMaxBytes - 1000);
  MESSAGE("longest random link value: " << longest << " characters");
}

TEST_CASE("figures are rounded to what a link carries: whole seconds, tempo to half seconds") {
  sb::Prescription p;
  p.title = "Rounding";
  sb::Dosage d = default_dosage("pelvic-tilt");
  d.hold_s = 5.4;
  d.hold_max_s = 7.6;
  d.move_in_s = 1.3;
  d.move_out_s = 2.74;
  d.rest_rep_s = 2.5;
  d.rest_set_s = 29.9;
  p.items = {{"pelvic-tilt", d}};
  const sb::PrescriptionDecode back = decode(sb::encode_prescription(p, shipped()));
  REQUIRE(back.ok());
  CHECK(item_text(back.prescription.items[0]) == "pelvic-tilt r10 s1 h5-8 i1.5 o2.5 rr3 rs30 d1 w7");
  CHECK(describe(back.prescription) == describe(sb::link_precision(p)));
}

TEST_CASE("the layout is the one docs/PRESCRIPTION.md describes") {
  // Pelvic tilt with every figure different, then knee to chest, written by the test's own
  // writer of the documented layout and by the codec: the same characters.
  Raw raw;
  raw.title = "Quick taster";
  raw.clinic = "Clinic";
  raw.note = "Note\nhere";
  raw.pain = 3;
  raw.date_days = 9497;  // 2026-01-01
  raw.items = {RawItem{8, 10, 12, 2, 3, 5, 8, 3, 5, 4, 30, 2, 6, 0},
               RawItem{1, 2, -1, 1, -1, 5, -1, 6, 6, 5, 30, 2, 7, 0}};
  sb::Prescription p;
  p.title = raw.title;
  p.clinic = raw.clinic;
  p.note = raw.note;
  p.pain_threshold = 3;
  p.review_date = "2026-01-01";
  sb::Dosage tilt = default_dosage("pelvic-tilt");
  tilt.reps = 10, tilt.reps_max = 12, tilt.sets = 2, tilt.sets_max = 3, tilt.hold_s = 5;
  tilt.hold_max_s = 8, tilt.move_in_s = 1.5, tilt.move_out_s = 2.5, tilt.rest_rep_s = 4;
  tilt.rest_set_s = 30, tilt.per_day = 2, tilt.days_per_week = 6;
  sb::Dosage knee = default_dosage("knee-to-chest");
  knee.reps = 2, knee.reps_max = 0, knee.sets = 1, knee.sets_max = 0, knee.hold_s = 5;
  knee.hold_max_s = 0, knee.move_in_s = 3, knee.move_out_s = 3, knee.rest_rep_s = 5;
  knee.rest_set_s = 30, knee.per_day = 2, knee.days_per_week = 7;
  p.items = {{"pelvic-tilt", tilt}, {"knee-to-chest", knee}};
  CHECK(sb::encode_prescription(p, shipped()) == raw_link(raw));
  CHECK(sb::prescription_link(kBase, p, shipped()) == kBase + "#rx=" + raw_link(raw));
}

// ==== golden links of version 1: made once by the first release, checked forever ===================

TEST_CASE("golden v1 link: a preset programme with no clinic, note or review date") {
  const sb::PrescriptionDecode d =
      decode("https://clinic.example/exercises/#rx=1.KzFF1aWNrIHRhc3RlcgAAowgIIAMIIAQAHgIIQAYQQAAAXCwggAwYYBAAeAWnsGN");
  REQUIRE_MESSAGE(d.ok(), sb::to_string(d.error) << ": " << d.detail);
  CHECK(d.version == 1);
  CHECK(describe(d.prescription) == Lines{"title Quick taster", "clinic ", "note ", "pain 5", "review ",
                                          "pelvic-tilt r2 s1 h3 i2 o2 rr2 rs0 d1 w7",
                                          "knee-to-chest r1 s1 h3 i2 o2 rr0 rs0 d2 w7",
                                          "draw-in r2 s1 h3 i1.5 o1.5 rr2 rs0 d1 w7"});
}

TEST_CASE("golden v1 link: six exercises with ranges, UTF-8 clinic and note, review date") {
  const sb::PrescriptionDecode d = decode(
      "#rx="
      "1.sQFVMb3dlciBiYWNrLCB3ZWVrcyAxLTJ1DbMOtbmljYSBTw6NvIEpvw6NvIOKAlCBGaXNpbx8jt5Azsrc6NjyQcUBKEDm6"
      "N7gQNLMQODC0twU5uDkysLI5kDI3u7cQMJA2MrOXECuwtjWQMjC0tjyXEHFOSaSUnYBChiAFDDAKDy4MHFEAEGGAAHlw8iYI"
      "AUIIAYPHjRQQAQQYAw8LCCggA4AoggBg8eXAhEsThBBAAABcBrgIqS");
  REQUIRE_MESSAGE(d.ok(), sb::to_string(d.error) << ": " << d.detail);
  CHECK(describe(d.prescription) ==
        Lines{"title Lower back, weeks 1-2", "clinic Clínica São João — Fisio",
              "note Go gently — stop if pain\nspreads down a leg. Walk daily. ✓", "pain 4",
              "review 2026-01-15", "knee-to-chest r2-3 s1 h5 i3 o3 rr5 rs30 d2 w7",
              "cat-cow r3-5 s1 h2 i3 o3 rr0 rs30 d2 w7", "bird-dog r8-12 s1 h5 i2 o2 rr3 rs30 d1 w7",
              "glute-bridge r10 s1 h2 i2 o3 rr3 rs60 d1 w3", "pelvic-tilt r10 s1 h3-5 i2 o2 rr3 rs30 d1 w7",
              "walking r1 s1 h600-900 i2 o2 rr0 rs0 d2 w7"});
}

TEST_CASE("golden v1 link: twelve exercises, every text at its limit, pain 0, the last date") {
  const sb::PrescriptionDecode d = decode(
      "1.hQTxUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFRUVFTxDQ0NDQ0ND"
      "Q0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0OMYdTh1OHU4dTh1OHU4dTh1OHU"
      "4dS3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3"
      "Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3"
      "Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3"
      "Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nwf__wRBGAKDDAADxQkCIAUGGAAHiyMEIB4U"
      "UAAPHlwIRLE4QQQAAAXLwQiWAggAAAWUgo0AUGGAADyyQOKIB4MMAoPHkwQQDwYYBQePGDJ5AAQggAB4WQFBABBBgDB4shIm"
      "CADDDAGDx5kCESwEEAAACwdFMReA");
  REQUIRE_MESSAGE(d.ok(), sb::to_string(d.error) << ": " << d.detail);
  std::string e10;
  for (int i = 0; i < 10; ++i) e10 += "é";
  CHECK(describe(d.prescription) ==
        Lines{"title " + std::string(60, 'T'), "clinic " + std::string(60, 'C'),
              "note " + e10 + std::string(260, 'n'), "pain 0", "review 2179-06-06",
              "plank r1 s3 h10 i3 o3 rr0 rs30 d1 w2", "side-plank-beginner r1 s2 h10 i3 o3 rr0 rs30 d1 w3",
              "childs-pose r1 s1 h30 i5 o5 rr0 rs30 d1 w7", "walking r1 s1 h600-900 i2 o2 rr0 rs0 d2 w7",
              "swimming r1 s1 h600 i2 o2 rr0 rs0 d1 w3", "wall-sit r1 s8-10 h10 i3 o3 rr0 rs15 d1 w3",
              "hamstring-stretch-strap r3-5 s1 h30 i3 o3 rr5 rs30 d1 w7",
              "figure-four-stretch r2 s1 h30 i3 o3 rr5 rs30 d1 w7", "clam r12-15 s2 h1 i2 o2 rr0 rs60 d1 w3",
              "superman r10 s1 h2 i2 o3 rr3 rs30 d1 w3", "press-up r8-12 s1 h3 i3 o3 rr3 rs30 d1 w7",
              "elliptical r1 s1 h600 i2 o2 rr0 rs0 d1 w3"});
}

// ==== size ==============================================================================================

TEST_CASE("a six-exercise link with a 60-character note and a clinic name fits a QR code on paper") {
  const sb::Prescription p = six_exercise_programme();
  REQUIRE(p.note.size() == 60);
  const std::string link = sb::prescription_link(kBase, p, shipped());
  MESSAGE("six exercises, 21-character title, 30-character clinic, 60-character note, review date: "
          << link.size() << " characters: " << link);
  CHECK(link.size() < 300);
  CHECK(decode(link).ok());
}

// ==== every kind of bad link ======================================================================

TEST_CASE("bad link: empty") {
  for (const char* text : {"", "  \n ", "#rx=", "https://clinic.example/exercises/#rx=", "#a=b&rx=&c=d"}) {
    const sb::PrescriptionDecode d = decode(text);
    CHECK_MESSAGE(d.error == PrescriptionError::Empty, "[" << text << "]");
    CHECK(!d.ok());
    CHECK(d.prescription.items.empty());
  }
}

TEST_CASE("bad link: too long, refused before reading") {
  const std::string good = sb::prescription_link(kBase, six_exercise_programme(), shipped());
  std::string padded = good + std::string(sb::kRxInputMaxBytes - good.size(), ' ');
  CHECK(decode(padded).ok());
  padded += ' ';
  const sb::PrescriptionDecode d = decode(padded);
  CHECK(d.error == PrescriptionError::TooLong);
  CHECK(d.detail == "the link is 2049 bytes long; at most 2048 are read");
  CHECK(decode(std::string(1 << 20, 'A')).error == PrescriptionError::TooLong);
}

TEST_CASE("bad link: not a prescription") {
  for (const char* text : {"https://clinic.example/exercises/", "https://clinic.example/exercises/#lang=fr",
                           "hello", "#rxx=1.AAAA", "rx=v1.AAAA", "rx=1AAAA", "rx=.AAAA", "rx=1234567.AAAA",
                           "rx=1", "192.168.1.5/exercises/"}) {
    CHECK_MESSAGE(decode(text).error == PrescriptionError::NotAPrescription, text);
  }
}

TEST_CASE("bad link: a version this app does not read") {
  const sb::PrescriptionDecode newer = decode(kBase + "#rx=2.KzFF1aWNrIHRhc3RlcgAAowgIIAMIIAQAHgIIQAYQQAAAXCwggAwYYBAAeAWnsGN");
  CHECK(newer.error == PrescriptionError::UnknownVersion);
  CHECK(newer.version == 2);
  CHECK(newer.detail == "the link is in format 2, made by a newer version of the app; this one reads formats 1 to 1");
  CHECK(decode("rx=0.AAAA").error == PrescriptionError::UnknownVersion);
  CHECK(decode("rx=999999.AAAA").version == 999999);
}

TEST_CASE("bad link: a character no link has") {
  std::string value = sb::encode_prescription(six_exercise_programme(), shipped());
  for (char bad : {'*', '%', '\x01', '\xC3', '.', '~'}) {
    std::string broken = value;
    broken[40] = bad;
    const sb::PrescriptionDecode d = decode("rx=" + broken);
    CHECK_MESSAGE(d.error == PrescriptionError::BadCharacter, static_cast<int>(bad));
    CHECK(d.version == 1);
  }
  value[40] = '*';
  CHECK(decode("rx=" + value).detail == "the link holds \"*\", which no prescription link has");
}

TEST_CASE("bad link: cut off anywhere is truncated") {
  const std::string value = sb::encode_prescription(six_exercise_programme(), shipped());
  for (size_t keep = 2; keep < value.size(); ++keep) {
    const sb::PrescriptionDecode d = decode("rx=" + value.substr(0, keep));
    CHECK_MESSAGE(d.error == PrescriptionError::Truncated, "kept " << keep << " of " << value.size());
  }
}

TEST_CASE("bad link: any changed character fails the checksum") {
  const std::string value = sb::encode_prescription(six_exercise_programme(), shipped());
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  int checked = 0;
  for (size_t i = 2; i < value.size(); ++i) {
    for (size_t k = 0; k < alphabet.size(); k += 7) {
      if (alphabet[k] == value[i]) continue;
      std::string broken = value;
      broken[i] = alphabet[k];
      const PrescriptionError e = decode("rx=" + broken).error;
      // The first characters hold the length: changing them can also look like a cut-off link.
      if (i < 2 + 3) {
        CHECK_MESSAGE((e == PrescriptionError::BadChecksum || e == PrescriptionError::Truncated), i);
      } else {
        CHECK_MESSAGE(e == PrescriptionError::BadChecksum, "character " << i << " -> " << alphabet[k]);
      }
      ++checked;
    }
  }
  CHECK(checked > 1000);
  std::string swapped = value;  // two neighbours swapped while typing
  std::swap(swapped[50], swapped[51]);
  REQUIRE(swapped != value);
  CHECK(decode("rx=" + swapped).error == PrescriptionError::BadChecksum);
  CHECK(decode("rx=" + value + "AAAA").error == PrescriptionError::BadChecksum);
  const sb::PrescriptionDecode d = decode("rx=" + swapped);
  CHECK(d.detail == "the checksum does not match: some characters of the link were changed");
}

TEST_CASE("bad link: the checksum is right but the layout is not (hand-made links)") {
  Raw extra;
  extra.tail_bits = 8;  // a whole byte after the last exercise
  CHECK(decode(raw_link(extra)).error == PrescriptionError::Malformed);
  Raw padding;  // non-zero padding bits
  padding.tail_bits = 1;
  padding.tail_value = 1;
  const sb::PrescriptionDecode d = decode(raw_link(padding));
  CHECK(d.error == PrescriptionError::Malformed);
  CHECK(d.detail == "there is data after the last exercise");
  Raw empty_range;
  empty_range.items[0].reps_max = 0;
  CHECK(decode(raw_link(empty_range)).error == PrescriptionError::Malformed);
  Raw long_code;
  long_code.items[0].code_groups = 3;
  CHECK(decode(raw_link(long_code)).detail == "exercise 1: code is too long");
  Raw short_data;
  short_data.count = 2;  // says two exercises, holds one
  CHECK(decode(raw_link(short_data)).detail == "the data ends before the last exercise");
  Raw short_length;
  short_length.length_delta = -1;  // the prefix says one byte less than there is
  CHECK(decode(raw_link(short_length)).error == PrescriptionError::Malformed);
  Raw long_title;
  long_title.title_size = 40;  // more title than there is data
  CHECK(decode(raw_link(long_title)).error == PrescriptionError::Malformed);
  CHECK(decode(raw_link(Raw{})).ok());  // the base of all of these is a good link
}

TEST_CASE("bad link: text that is not UTF-8, has control characters, is empty or too long") {
  struct Case {
    std::string title, clinic, note;
    int title_size;
    std::string detail;
  };
  const std::vector<Case> cases = {
      {"", "", "", -1, "title is empty"},
      {"Bad \xFF", "", "", -1, "title is not valid UTF-8 (byte 4)"},
      {"Overlong \xC0\xAF", "", "", -1, "title is not valid UTF-8 (byte 9)"},
      {"Surrogate \xED\xA0\x80", "", "", -1, "title is not valid UTF-8 (byte 10)"},
      {"Cut \xE2\x80", "", "", -1, "title is not valid UTF-8 (ends inside a character)"},
      {"Bell \x07", "", "", -1, "title holds a control character (byte 5)"},
      {"T", "Tab\there", "", -1, "clinic holds a control character (byte 3)"},
      {"Line\nbreak", "", "", -1, "title holds a control character (byte 4)"},
      {"T", "", "C1 \xC2\x85", -1, "note holds a control character (byte 3)"},
      {std::string(61, 'x'), "", "", -1, "title is 61 bytes long; at most 60 fit"},
      {"T", "", std::string(300, 'n'), -1, "note is 300 bytes long; at most 280 fit"},
  };
  for (const Case& c : cases) {
    Raw raw;
    raw.title = c.title;
    raw.clinic = c.clinic;
    raw.note = c.note;
    const sb::PrescriptionDecode d = decode(raw_link(raw));
    CHECK_MESSAGE(d.error == PrescriptionError::BadText, c.detail);
    CHECK(d.detail == c.detail);
    CHECK(d.item == -1);
    // The same text is refused when making a link.
    sb::Prescription p = six_exercise_programme();
    p.title = c.title;
    p.clinic = c.clinic;
    p.note = c.note;
    CHECK(sb::check_prescription(p, shipped()).error == PrescriptionError::BadText);
    CHECK(sb::encode_prescription(p, shipped()).empty());
  }
  Raw clinic_too_long;
  clinic_too_long.clinic = std::string(63, 'c');
  CHECK(decode(raw_link(clinic_too_long)).detail == "clinic is 63 bytes long; at most 60 fit");
  Raw note_newline;  // a note may hold line breaks
  note_newline.note = "Line one\nline two";
  CHECK(decode(raw_link(note_newline)).ok());
}

TEST_CASE("bad link: no exercises, or more than twelve") {
  Raw none;
  none.items.clear();
  CHECK(decode(raw_link(none)).error == PrescriptionError::NoExercises);
  Raw many;
  many.items.assign(13, RawItem{});
  const sb::PrescriptionDecode d = decode(raw_link(many));
  CHECK(d.error == PrescriptionError::TooManyExercises);
  CHECK(d.detail == "13 exercises; at most 12 fit");
  many.items.assign(12, RawItem{});
  CHECK(decode(raw_link(many)).ok());
  sb::Prescription p = six_exercise_programme();
  p.items.clear();
  CHECK(sb::check_prescription(p, shipped()).error == PrescriptionError::NoExercises);
  p = six_exercise_programme();
  while (p.items.size() < 13) p.items.push_back(p.items[0]);
  CHECK(sb::check_prescription(p, shipped()).error == PrescriptionError::TooManyExercises);
  CHECK(sb::encode_prescription(p, shipped()).empty());
}

TEST_CASE("bad link: an exercise this library does not have, with which one") {
  Raw raw;
  raw.items = {RawItem{}, RawItem{}, RawItem{}};
  raw.items[2].code = 9999;
  const sb::PrescriptionDecode d = decode(raw_link(raw));
  CHECK(d.error == PrescriptionError::UnknownExercise);
  CHECK(d.item == 2);
  CHECK(d.detail == "exercise 3 has code 9999, which this version of the library does not have");
  raw.items[2].code = 0;
  CHECK(decode(raw_link(raw)).error == PrescriptionError::UnknownExercise);

  // A link from a newer library, with an exercise this one lacks.
  sb::Content newer = shipped();
  sb::Exercise added = newer.exercises[0];
  added.id = "new-exercise";
  added.code = 300;
  newer.exercises.push_back(added);
  sb::Prescription p = six_exercise_programme();
  p.items[1] = sb::ProgrammeItem{"new-exercise", added.dosage};
  const std::string value = sb::encode_prescription(p, newer);
  REQUIRE(!value.empty());
  REQUIRE(sb::decode_prescription(value, newer).ok());  // a two-group code reads back
  const sb::PrescriptionDecode old = decode(value);
  CHECK(old.error == PrescriptionError::UnknownExercise);
  CHECK(old.item == 1);

  p.items[1].exercise = "no-such-exercise";
  const sb::PrescriptionCheck check = sb::check_prescription(p, shipped());
  CHECK(check.error == PrescriptionError::UnknownExercise);
  CHECK(check.item == 1);
  CHECK(sb::encode_prescription(p, shipped()).empty());
}

TEST_CASE("bad link: absurd dosages, each figure, with which exercise") {
  struct Case {
    RawItem item;
    const char* detail;
  };
  auto with = [](auto change) {
    RawItem it;
    change(it);
    return it;
  };
  const std::vector<Case> cases = {
      {with([](RawItem& i) { i.reps = 0; }), "pelvic-tilt: reps must be between 1 and 50, not 0"},
      {with([](RawItem& i) { i.reps = 63; }), "pelvic-tilt: reps must be between 1 and 50, not 63"},
      {with([](RawItem& i) { i.reps_max = 1; }), "pelvic-tilt: reps_max must be between reps (2) and 50, not 1"},
      {with([](RawItem& i) { i.sets = 0; }), "pelvic-tilt: sets must be between 1 and 10, not 0"},
      {with([](RawItem& i) { i.sets = 11; }), "pelvic-tilt: sets must be between 1 and 10, not 11"},
      {with([](RawItem& i) { i.hold = 3601; }), "pelvic-tilt: hold_s must be between 0 and 3600, not 3601"},
      {with([](RawItem& i) { i.hold_max = 4095; }), "pelvic-tilt: hold_max_s must be between hold_s (5) and 3600, not 4095"},
      {with([](RawItem& i) { i.in_halves = 0; }), "pelvic-tilt: move_in_s must be between 0.5 and 10, not 0"},
      {with([](RawItem& i) { i.out_halves = 63; }), "pelvic-tilt: move_out_s must be between 0.5 and 10, not 31.5"},
      {with([](RawItem& i) { i.rest_rep = 121; }), "pelvic-tilt: rest_rep_s must be between 0 and 120, not 121"},
      {with([](RawItem& i) { i.rest_set = 1023; }), "pelvic-tilt: rest_set_s must be between 0 and 600, not 1023"},
      {with([](RawItem& i) { i.per_day = 7; }), "pelvic-tilt: per_day must be between 1 and 6, not 7"},
      {with([](RawItem& i) { i.days = 0; }), "pelvic-tilt: days_per_week must be between 1 and 7, not 0"},
      {with([](RawItem& i) { i.code = 17, i.reps = 3; }), "plank: reps must be 1 for a timed exercise, not 3"},
      {with([](RawItem& i) { i.code = 17, i.reps = 1, i.hold = 0; }),
       "plank: hold_s must be more than 0 for a timed exercise (it is the length of a bout)"},
  };
  for (const Case& c : cases) {
    Raw raw;
    raw.items = {RawItem{}, c.item};
    const sb::PrescriptionDecode d = decode(raw_link(raw));
    CHECK_MESSAGE(d.error == PrescriptionError::AbsurdDosage, c.detail);
    CHECK(d.item == 1);
    CHECK(d.detail == c.detail);
  }
  sb::Prescription p = six_exercise_programme();
  p.items[3].dosage.sets = 40;
  const sb::PrescriptionCheck check = sb::check_prescription(p, shipped());
  CHECK(check.error == PrescriptionError::AbsurdDosage);
  CHECK(check.item == 3);
  CHECK(sb::encode_prescription(p, shipped()).empty());
  p.items[3].dosage.sets = 1;
  p.items[3].dosage.hold_s = std::nan("");
  CHECK(sb::check_prescription(sb::link_precision(p), shipped()).error == PrescriptionError::AbsurdDosage);
  CHECK(sb::encode_prescription(p, shipped()).empty());
}

TEST_CASE("bad link: a pain threshold outside 0-10") {
  Raw raw;
  raw.pain = 11;
  const sb::PrescriptionDecode d = decode(raw_link(raw));
  CHECK(d.error == PrescriptionError::BadPainThreshold);
  CHECK(d.detail == "pain threshold must be between 0 and 10, not 11");
  raw.pain = 15;
  CHECK(decode(raw_link(raw)).error == PrescriptionError::BadPainThreshold);
  raw.pain = 10;
  CHECK(decode(raw_link(raw)).ok());
  sb::Prescription p = six_exercise_programme();
  p.pain_threshold = -1;
  CHECK(sb::check_prescription(p, shipped()).error == PrescriptionError::BadPainThreshold);
}

TEST_CASE("bad prescription: a review date that is not a real date in range") {
  sb::Prescription p = six_exercise_programme();
  for (const char* bad : {"2026-02-30", "15/01/2026", "1999-12-31", "2180-01-01"}) {
    p.review_date = bad;
    CHECK_MESSAGE(sb::check_prescription(p, shipped()).error == PrescriptionError::BadDate, bad);
    CHECK(sb::encode_prescription(p, shipped()).empty());
  }
  Raw raw;  // every day number a link can hold is a real date
  raw.date_days = 65535;
  CHECK(decode(raw_link(raw)).prescription.review_date == "2179-06-06");
}

// ==== how links arrive ==================================================================================

TEST_CASE("a link opens however it was pasted: whole, fragment, parameter, bare, wrapped, punctuated") {
  const sb::Prescription p = six_exercise_programme();
  const std::string value = sb::encode_prescription(p, shipped());
  const Lines expected = describe(sb::link_precision(p));
  std::string wrapped = kBase + "#rx=" + value;
  wrapped.insert(70, "\n  ");
  wrapped.insert(20, "\r\n");
  for (const std::string& text :
       {kBase + "#rx=" + value, "#rx=" + value, "rx=" + value, value, kBase + "#lang=fr&rx=" + value + "&x=1",
        "  " + kBase + "#rx=" + value + "\n", wrapped, "(" + kBase + "#rx=" + value + ").", value + "==",
        "<" + kBase + "#rx=" + value + ">"}) {
    const sb::PrescriptionDecode d = decode(text);
    CHECK_MESSAGE(d.ok(), text << " -> " << sb::to_string(d.error));
    CHECK(describe(d.prescription) == expected);
  }
}

TEST_CASE("a prescription plays: it becomes a programme and a session plan") {
  const sb::PrescriptionDecode d = decode(sb::prescription_link(kBase, six_exercise_programme(), shipped()));
  REQUIRE(d.ok());
  const sb::Programme programme = sb::to_programme(d.prescription);
  CHECK(programme.id == "prescription");
  CHECK(programme.name == "Lower back, weeks 1-2");
  CHECK(programme.description == "Riverside Physiotherapy Clinic");
  CHECK(programme.note == d.prescription.note);
  const sb::SessionPlan plan = sb::make_session_plan(shipped(), programme.items);
  REQUIRE(plan.items.size() == 6);
  CHECK(plan.items[0].exercise_id == "knee-to-chest");
  CHECK(plan.items[0].per_side);  // the exercise's own property
  CHECK(plan.items[0].reps == 2);
  CHECK(plan.items[0].hold_s == 5);
  CHECK(plan.items[5].timed);
  CHECK(plan.items[5].hold_s == 600);
}

// ==== garbage ============================================================================================

TEST_CASE("garbage of any kind is refused without a crash") {
  Random random(7);
  const std::string good = sb::encode_prescription(six_exercise_programme(), shipped());
  const Lines expected = describe(sb::link_precision(six_exercise_programme()));
  const std::string url_chars = "ABCxyz019-_+/=.#&?% \n";
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    switch (i % 4) {
      case 0:  // random bytes
        for (int n = random.pick(0, 300); n > 0; --n) text += static_cast<char>(random.pick(0, 255));
        break;
      case 1:  // a version and random characters of the right kind
        text = "rx=1.";
        for (int n = random.pick(0, 600); n > 0; --n) text += url_chars[static_cast<size_t>(random.pick(0, 20))];
        break;
      default: {  // a good link with a few bytes changed, cut or added
        text = "#rx=" + good;
        for (int n = random.pick(1, 3); n > 0; --n) {
          const size_t at = static_cast<size_t>(random.pick(0, static_cast<int>(text.size()) - 1));
          switch (random.pick(0, 2)) {
            case 0: text[at] = static_cast<char>(random.pick(0, 255)); break;
            case 1: text.erase(at, 1); break;
            default: text.insert(at, 1, static_cast<char>(random.pick(0, 255))); break;
          }
        }
      }
    }
    const sb::PrescriptionDecode d = decode(text);
    if (d.ok()) {
      // Only a change the reader ignores (a space, trailing punctuation) can leave a good link.
      CHECK_MESSAGE(describe(d.prescription) == expected, text);
    } else {
      CHECK(d.prescription.items.empty());
      CHECK(!d.detail.empty());
    }
  }
}

// ---- the programme builder's edits ------------------------------------------------------------

TEST_CASE("builder: a stepper moves one figure and stops at the ranges a link accepts") {
  const sb::Exercise* e = shipped().find_exercise("knee-to-chest");
  REQUIRE(e != nullptr);
  sb::Dosage d = sb::builder_dosage(*e);
  CHECK(d.reps == 2);
  CHECK(d.reps_max == 0);  // the library's 2-3 becomes a single figure
  CHECK(d.source.empty());
  d = sb::step_dosage(d, sb::DosageKnob::Reps, +1, false);
  CHECK(d.reps == 3);
  for (int i = 0; i < 80; ++i) d = sb::step_dosage(d, sb::DosageKnob::Reps, +1, false);
  CHECK(d.reps == 50);
  for (int i = 0; i < 80; ++i) d = sb::step_dosage(d, sb::DosageKnob::Reps, -1, false);
  CHECK(d.reps == 1);
  for (int i = 0; i < 20; ++i) d = sb::step_dosage(d, sb::DosageKnob::DaysPerWeek, +1, false);
  CHECK(d.days_per_week == 7);
  for (int i = 0; i < 20; ++i) d = sb::step_dosage(d, sb::DosageKnob::PerDay, +1, false);
  CHECK(d.per_day == 6);
  for (int i = 0; i < 40; ++i) d = sb::step_dosage(d, sb::DosageKnob::Tempo, -1, false);
  CHECK(d.move_in_s == doctest::Approx(0.5));
  CHECK(d.move_out_s == doctest::Approx(0.5));
  for (int i = 0; i < 200; ++i) d = sb::step_dosage(d, sb::DosageKnob::Rest, +1, false);
  CHECK(d.rest_set_s == doctest::Approx(600));
  // Whatever the steps, the result makes a link.
  sb::Prescription p;
  p.title = "Steps";
  p.items.push_back({"knee-to-chest", d});
  CHECK(sb::check_prescription(p, shipped()).ok());
  CHECK_FALSE(sb::encode_prescription(p, shipped()).empty());
}

TEST_CASE("builder: holds step by 1 s, then 5 s, then 15 s, and a timed exercise keeps a hold") {
  const sb::Exercise* plank = shipped().find_exercise("plank");
  REQUIRE(plank != nullptr);
  sb::Dosage d = sb::builder_dosage(*plank);
  CHECK(d.hold_s == doctest::Approx(10));
  d = sb::step_dosage(d, sb::DosageKnob::Hold, +1, true);
  CHECK(d.hold_s == doctest::Approx(15));
  d = sb::step_dosage(d, sb::DosageKnob::Hold, -1, true);
  CHECK(d.hold_s == doctest::Approx(10));
  d = sb::step_dosage(d, sb::DosageKnob::Hold, -1, true);
  CHECK(d.hold_s == doctest::Approx(9));
  for (int i = 0; i < 20; ++i) d = sb::step_dosage(d, sb::DosageKnob::Hold, -1, true);
  CHECK(d.hold_s == doctest::Approx(1));  // a timed bout never reaches 0 s
  CHECK(sb::step_dosage(d, sb::DosageKnob::Reps, +1, true).reps == 1);  // reps stay 1 when timed
  d.hold_s = 60;
  CHECK(sb::step_dosage(d, sb::DosageKnob::Hold, +1, true).hold_s == doctest::Approx(75));
  CHECK(sb::step_dosage(d, sb::DosageKnob::Hold, -1, true).hold_s == doctest::Approx(55));
}

TEST_CASE("builder: adding stops at twelve exercises, moving reorders, and the link round-trips") {
  sb::Prescription p;
  p.title = "Built";
  CHECK_FALSE(sb::prescription_add(p, shipped(), "no-such-exercise"));
  for (const sb::Programme& preset : shipped().programmes) {
    for (const sb::ProgrammeItem& it : preset.items) sb::prescription_add(p, shipped(), it.exercise);
  }
  CHECK(static_cast<int>(p.items.size()) == sb::kRxItemsMax);
  CHECK_FALSE(sb::prescription_add(p, shipped(), "cat-cow"));
  const std::string first = p.items[0].exercise, second = p.items[1].exercise;
  CHECK(sb::prescription_move(p, 0, +1));
  CHECK(p.items[0].exercise == second);
  CHECK(p.items[1].exercise == first);
  CHECK_FALSE(sb::prescription_move(p, 0, -1));
  CHECK_FALSE(sb::prescription_move(p, sb::kRxItemsMax - 1, +1));
  const std::string link = sb::encode_prescription(p, shipped());
  REQUIRE_FALSE(link.empty());
  sb::PrescriptionDecode back = sb::decode_prescription(link, shipped());
  REQUIRE(back.ok());
  REQUIRE(back.prescription.items.size() == p.items.size());
  for (size_t i = 0; i < p.items.size(); ++i) CHECK(item_text(back.prescription.items[i]) == item_text(p.items[i]));
}
