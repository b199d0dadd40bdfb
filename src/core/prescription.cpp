// prescription: the link codec. docs/PRESCRIPTION.md is the format's contract; version 1 is
// frozen: a new layout gets a new version number and its own decoder beside decode_v1.
//
// [SECTION] error names
// [SECTION] checksum, base64url, bits
// [SECTION] dates
// [SECTION] text
// [SECTION] checking
// [SECTION] version 1
// [SECTION] encoding
// [SECTION] decoding
#include "core/prescription.h"
#include "core/utf8.h"

#include <array>
#include <utility>
#include <cmath>
#include <cstdio>

namespace sb {

// ---- [SECTION] error names -----------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 16> kErrorNames{
    "none",         "empty",          "too-long",         "not-a-prescription",
    "unknown-version", "bad-character", "truncated",       "bad-checksum",
    "malformed",    "bad-text",       "no-exercises",     "too-many-exercises",
    "unknown-exercise", "absurd-dosage", "bad-pain-threshold", "bad-date"};
static_assert(static_cast<size_t>(PrescriptionError::BadDate) + 1 == kErrorNames.size(),
              "one name per error kind");

}  // namespace

std::string_view to_string(PrescriptionError error) {
  const size_t i = static_cast<size_t>(error);
  return i < kErrorNames.size() ? kErrorNames[i] : std::string_view("?");
}

// ---- [SECTION] checksum, base64url, bits ------------------------------------------------------

uint32_t crc32(std::string_view bytes) {
  uint32_t crc = 0xFFFFFFFFu;
  for (char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

namespace {

constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// base64url without padding: 3 bytes become 4 characters, a final 1 or 2 bytes 2 or 3.
std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : bytes) {
    acc = (acc << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kBase64Url[(acc >> bits) & 63u];
    }
  }
  if (bits > 0) out += kBase64Url[(acc << (6 - bits)) & 63u];
  return out;
}

// Value of a base64 character (url or standard alphabet), or -1.
int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-' || c == '+') return 62;
  if (c == '_' || c == '/') return 63;
  return -1;
}

// Decodes text into out; returns the index of the first character that is not base64, or
// npos. Bits left over at the end are dropped; clean_end tells whether they were all zero,
// as an encoder writes them.
size_t base64_decode(std::string_view text, std::string& out, bool& clean_end) {
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const int v = base64_value(text[i]);
    if (v < 0) return i;
    acc = ((acc << 6) | static_cast<uint32_t>(v)) & 0xFFFFu;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFFu);
    }
  }
  clean_end = (acc & ((1u << bits) - 1u)) == 0;
  return std::string_view::npos;
}

// Writes values most significant bit first; the last byte is padded with zero bits.
class BitWriter {
 public:
  void put(uint32_t value, int bits) {
    for (int i = bits - 1; i >= 0; --i) {
      if (used_ == 8) {
        bytes_ += '\0';
        used_ = 0;
      }
      if ((value >> i) & 1u) bytes_.back() = static_cast<char>(bytes_.back() | (0x80 >> used_));
      ++used_;
    }
  }
  void put_bytes(std::string_view s) {
    for (char c : s) put(static_cast<unsigned char>(c), 8);
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  int used_ = 8;  // bits used in the last byte
};

// Reads what BitWriter wrote. Reading past the end gives zeros and sets overrun().
class BitReader {
 public:
  explicit BitReader(std::string_view bytes) : bytes_(bytes) {}
  uint32_t get(int bits) {
    uint32_t value = 0;
    for (int i = 0; i < bits; ++i) {
      value <<= 1;
      if (pos_ >= bytes_.size() * 8) {
        overrun_ = true;
        continue;
      }
      value |= (static_cast<unsigned char>(bytes_[pos_ / 8]) >> (7 - pos_ % 8)) & 1u;
      ++pos_;
    }
    return value;
  }
  std::string get_bytes(size_t n) {
    std::string s;
    for (size_t i = 0; i < n && !overrun_; ++i) s += static_cast<char>(get(8));
    return s;
  }
  bool overrun() const { return overrun_; }
  // True when only zero padding bits of the last byte are left.
  bool at_clean_end() {
    if (overrun_ || bytes_.size() * 8 - pos_ >= 8) return false;
    while (pos_ < bytes_.size() * 8) {
      if (get(1)) return false;
    }
    return true;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;  // bits read
  bool overrun_ = false;
};

}  // namespace

// ---- [SECTION] dates ---------------------------------------------------------------------------

namespace {

constexpr int kFirstYear = 2000;
constexpr int kMaxDays = 65535;  // 2179-06-06

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

int days_in_year(int year) { return is_leap(year) ? 366 : 365; }

// The number of `width` digits at s[at], or -1.
int digits_at(std::string_view s, size_t at, int width) {
  int value = 0;
  for (int i = 0; i < width; ++i) {
    const char c = s[at + static_cast<size_t>(i)];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

bool review_date_to_days(std::string_view date, int& days) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  const int year = digits_at(date, 0, 4);
  const int month = digits_at(date, 5, 2);
  const int day = digits_at(date, 8, 2);
  if (year < kFirstYear || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return false;
  }
  int n = day - 1;
  for (int y = kFirstYear; y < year && n <= kMaxDays; ++y) n += days_in_year(y);
  for (int m = 1; m < month; ++m) n += days_in_month(year, m);
  if (n > kMaxDays) return false;
  days = n;
  return true;
}

std::string review_date_from_days(int days) {
  days = days < 0 ? 0 : days > kMaxDays ? kMaxDays : days;
  int year = kFirstYear;
  while (days >= days_in_year(year)) days -= days_in_year(year++);
  int month = 1;
  while (days >= days_in_month(year, month)) days -= days_in_month(year, month++);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, days + 1);
  return buf;
}

// ---- [SECTION] text ------------------------------------------------------------------------------

namespace {

// Empty when s is well-formed UTF-8 with no control character ('\n' allowed when
// allow_newline); otherwise what is wrong with it.
std::string text_problem(std::string_view s, bool allow_newline) {
  size_t i = 0;
  while (i < s.size()) {
    const Utf8Char c = utf8_char(s, i);
    if (c.size == 0) {
      return c.cut_short ? "is not valid UTF-8 (ends inside a character)"
                         : "is not valid UTF-8 (byte " + std::to_string(c.bad_byte) + ")";
    }
    const char32_t cp = c.code_point;
    const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    if (control && !(allow_newline && cp == '\n')) {
      return "holds a control character (byte " + std::to_string(i) + ")";
    }
    i += c.size;
  }
  return {};
}

// The problem with one text field (named name), or "".
std::string field_problem(std::string_view name, std::string_view s, int max_bytes,
                          bool required, bool allow_newline) {
  if (required && s.empty()) return std::string(name) + " is empty";
  if (s.size() > static_cast<size_t>(max_bytes)) {
    return std::string(name) + " is " + std::to_string(s.size()) + " bytes long; at most " +
           std::to_string(max_bytes) + " fit";
  }
  std::string problem = text_problem(s, allow_newline);
  return problem.empty() ? problem : std::string(name) + " " + problem;
}

}  // namespace

// ---- [SECTION] checking ----------------------------------------------------------------------

namespace {

PrescriptionCheck problem(PrescriptionError error, int item, std::string detail) {
  return PrescriptionCheck{error, item, std::move(detail)};
}

}  // namespace

PrescriptionCheck check_prescription(const Prescription& p, const Content& content) {
  struct TextField {
    const char* name;
    const std::string& text;
    int max_bytes;
    bool required;
    bool allow_newline;
  };
  const TextField texts[] = {{"title", p.title, kRxTitleMaxBytes, true, false},
                             {"clinic", p.clinic, kRxClinicMaxBytes, false, false},
                             {"note", p.note, kRxNoteMaxBytes, false, true}};
  for (const TextField& t : texts) {
    std::string why = field_problem(t.name, t.text, t.max_bytes, t.required, t.allow_newline);
    if (!why.empty()) return problem(PrescriptionError::BadText, -1, std::move(why));
  }
  if (p.pain_threshold < 0 || p.pain_threshold > kRxPainThresholdMax) {
    return problem(PrescriptionError::BadPainThreshold, -1,
                   "pain threshold must be between 0 and 10, not " +
                       std::to_string(p.pain_threshold));
  }
  int days = 0;
  if (!p.review_date.empty() && !review_date_to_days(p.review_date, days)) {
    return problem(PrescriptionError::BadDate, -1,
                   "review date must be a real date written YYYY-MM-DD, from " +
                       std::string(kRxReviewDateMin) + " to " + kRxReviewDateMax);
  }
  if (p.items.empty()) return problem(PrescriptionError::NoExercises, -1, "no exercises");
  if (p.items.size() > static_cast<size_t>(kRxItemsMax)) {
    return problem(PrescriptionError::TooManyExercises, -1,
                   std::to_string(p.items.size()) + " exercises; at most " +
                       std::to_string(kRxItemsMax) + " fit");
  }
  for (size_t i = 0; i < p.items.size(); ++i) {
    const int index = static_cast<int>(i);
    const ProgrammeItem& item = p.items[i];
    const Exercise* e = content.find_exercise(item.exercise);
    if (!e) {
      return problem(PrescriptionError::UnknownExercise, index,
                     "exercise \"" + item.exercise + "\" is not in the library");
    }
    if (e->code <= 0) {
      return problem(PrescriptionError::UnknownExercise, index,
                     "exercise \"" + item.exercise + "\" has no link code");
    }
    Diagnostics found;
    if (!validate_dosage_ranges(item.dosage, e->timed, nullptr, "", "", found) &&
        !found.empty()) {
      return problem(PrescriptionError::AbsurdDosage, index,
                     e->id + ": " + found.front().key + " " + found.front().message);
    }
  }
  return {};
}

Prescription link_precision(const Prescription& p) {
  Prescription out = p;
  auto whole = [](double& s) { s = std::round(s); };
  auto half = [](double& s) { s = std::round(s * 2.0) / 2.0; };
  for (ProgrammeItem& item : out.items) {
    Dosage& d = item.dosage;
    whole(d.hold_s);
    whole(d.hold_max_s);
    half(d.move_in_s);
    half(d.move_out_s);
    whole(d.rest_rep_s);
    whole(d.rest_set_s);
    d.source.clear();
    d.note.clear();
  }
  return out;
}

// ---- [SECTION] version 1 -------------------------------------------------------------------------
// Field widths of the body (docs/PRESCRIPTION.md). Each is wide enough for its whole range
// with room to spare, so an out-of-range figure in a link is read and then reported.

namespace {

namespace v1 {
constexpr int kTitleLenBits = 6;
constexpr int kClinicLenBits = 6;
constexpr int kNoteLenBits = 9;
constexpr int kPainBits = 4;
constexpr int kDateBits = 16;
constexpr int kCountBits = 4;
constexpr int kCodeGroupBits = 7;  // then a continuation bit before each group
constexpr int kCodeGroupsMax = 2;
constexpr int kRepsBits = 6;
constexpr int kSetsBits = 4;
constexpr int kHoldBits = 12;   // whole seconds
constexpr int kTempoBits = 6;   // half seconds
constexpr int kRestBits = 10;   // whole seconds
constexpr int kPerDayBits = 3;
constexpr int kDaysBits = 3;
}  // namespace v1

void put_code(BitWriter& w, int code) {
  auto rest = static_cast<uint32_t>(code);
  do {
    const uint32_t group = rest & 0x7Fu;
    rest >>= v1::kCodeGroupBits;
    w.put(rest ? 1 : 0, 1);
    w.put(group, v1::kCodeGroupBits);
  } while (rest);
}

// An optional upper end of a range: a flag bit, then the value.
void put_max(BitWriter& w, int value, int bits) {
  w.put(value != 0, 1);
  if (value != 0) w.put(static_cast<uint32_t>(value), bits);
}

uint32_t seconds(double s) { return static_cast<uint32_t>(std::lround(s)); }
uint32_t half_seconds(double s) { return static_cast<uint32_t>(std::lround(s * 2.0)); }

// The body of p (already checked and at link precision).
std::string encode_v1_body(const Prescription& p, const Content& content) {
  BitWriter w;
  w.put(static_cast<uint32_t>(p.title.size()), v1::kTitleLenBits);
  w.put_bytes(p.title);
  w.put(static_cast<uint32_t>(p.clinic.size()), v1::kClinicLenBits);
  w.put_bytes(p.clinic);
  w.put(static_cast<uint32_t>(p.note.size()), v1::kNoteLenBits);
  w.put_bytes(p.note);
  w.put(static_cast<uint32_t>(p.pain_threshold), v1::kPainBits);
  int days = 0;
  const bool dated = review_date_to_days(p.review_date, days);
  w.put(dated, 1);
  if (dated) w.put(static_cast<uint32_t>(days), v1::kDateBits);
  w.put(static_cast<uint32_t>(p.items.size()), v1::kCountBits);
  for (const ProgrammeItem& item : p.items) {
    const Dosage& d = item.dosage;
    put_code(w, content.find_exercise(item.exercise)->code);
    w.put(static_cast<uint32_t>(d.reps), v1::kRepsBits);
    put_max(w, d.reps_max, v1::kRepsBits);
    w.put(static_cast<uint32_t>(d.sets), v1::kSetsBits);
    put_max(w, d.sets_max, v1::kSetsBits);
    w.put(seconds(d.hold_s), v1::kHoldBits);
    put_max(w, static_cast<int>(seconds(d.hold_max_s)), v1::kHoldBits);
    w.put(half_seconds(d.move_in_s), v1::kTempoBits);
    w.put(half_seconds(d.move_out_s), v1::kTempoBits);
    w.put(seconds(d.rest_rep_s), v1::kRestBits);
    w.put(seconds(d.rest_set_s), v1::kRestBits);
    w.put(static_cast<uint32_t>(d.per_day), v1::kPerDayBits);
    w.put(static_cast<uint32_t>(d.days_per_week), v1::kDaysBits);
  }
  return w.bytes();
}

// Reads a body written by encode_v1_body into out. Structure only: ranges are checked
// afterwards by check_prescription, as for encoding.
PrescriptionCheck decode_v1_body(std::string_view body, const Content& content,
                                 Prescription& out) {
  BitReader r(body);
  const auto malformed = [](std::string detail) {
    return problem(PrescriptionError::Malformed, -1, std::move(detail));
  };
  struct TextField {
    const char* name;
    std::string* text;
    int bits;
    int max_bytes;
  };
  const TextField texts[] = {{"title", &out.title, v1::kTitleLenBits, kRxTitleMaxBytes},
                             {"clinic", &out.clinic, v1::kClinicLenBits, kRxClinicMaxBytes},
                             {"note", &out.note, v1::kNoteLenBits, kRxNoteMaxBytes}};
  for (const TextField& t : texts) {
    const uint32_t size = r.get(t.bits);
    if (size > static_cast<uint32_t>(t.max_bytes)) {
      return problem(PrescriptionError::BadText, -1,
                     std::string(t.name) + " is " + std::to_string(size) +
                         " bytes long; at most " + std::to_string(t.max_bytes) + " fit");
    }
    *t.text = r.get_bytes(size);
  }
  out.pain_threshold = static_cast<int>(r.get(v1::kPainBits));
  if (r.get(1)) out.review_date = review_date_from_days(static_cast<int>(r.get(v1::kDateBits)));
  const uint32_t count = r.get(v1::kCountBits);
  if (count > static_cast<uint32_t>(kRxItemsMax)) {
    return problem(PrescriptionError::TooManyExercises, -1,
                   std::to_string(count) + " exercises; at most " + std::to_string(kRxItemsMax) +
                       " fit");
  }
  for (uint32_t i = 0; i < count && !r.overrun(); ++i) {
    const int index = static_cast<int>(i);
    int code = 0;
    bool more = true;
    for (int group = 0; more && group < v1::kCodeGroupsMax; ++group) {
      more = r.get(1) != 0;
      code |= static_cast<int>(r.get(v1::kCodeGroupBits)) << (group * v1::kCodeGroupBits);
    }
    if (more) return malformed("exercise " + std::to_string(i + 1) + ": code is too long");
    ProgrammeItem item;
    Dosage& d = item.dosage;
    bool empty_range = false;  // a range flag followed by 0, which the encoder never writes
    const auto get_max = [&](int bits) -> uint32_t {
      if (!r.get(1)) return 0;
      const uint32_t value = r.get(bits);
      empty_range = empty_range || value == 0;
      return value;
    };
    d.reps = static_cast<int>(r.get(v1::kRepsBits));
    d.reps_max = static_cast<int>(get_max(v1::kRepsBits));
    d.sets = static_cast<int>(r.get(v1::kSetsBits));
    d.sets_max = static_cast<int>(get_max(v1::kSetsBits));
    d.hold_s = r.get(v1::kHoldBits);
    d.hold_max_s = get_max(v1::kHoldBits);
    d.move_in_s = r.get(v1::kTempoBits) / 2.0;
    d.move_out_s = r.get(v1::kTempoBits) / 2.0;
    d.rest_rep_s = r.get(v1::kRestBits);
    d.rest_set_s = r.get(v1::kRestBits);
    d.per_day = static_cast<int>(r.get(v1::kPerDayBits));
    d.days_per_week = static_cast<int>(r.get(v1::kDaysBits));
    if (r.overrun()) break;
    if (empty_range) {
      return malformed("exercise " + std::to_string(i + 1) + ": a range with no upper end");
    }
    const Exercise* e = content.find_exercise_by_code(code);
    if (!e) {
      return problem(PrescriptionError::UnknownExercise, index,
                     "exercise " + std::to_string(i + 1) + " has code " + std::to_string(code) +
                         ", which this version of the library does not have");
    }
    item.exercise = e->id;
    out.items.push_back(std::move(item));
  }
  if (r.overrun()) return malformed("the data ends before the last exercise");
  if (!r.at_clean_end()) return malformed("there is data after the last exercise");
  return {};
}

}  // namespace

// ---- [SECTION] encoding ------------------------------------------------------------------------

namespace {

// LEB128: 7 bits per byte, low first, high bit set when another byte follows.
void put_length(std::string& out, size_t n) {
  do {
    const auto low = static_cast<unsigned char>(n & 0x7Fu);
    n >>= 7;
    out += static_cast<char>(n ? (low | 0x80u) : low);
  } while (n);
}

}  // namespace

std::string wrap_v1_body(std::string_view body) {
  std::string bytes;
  put_length(bytes, body.size());
  bytes += body;
  const uint32_t crc = crc32(bytes);
  for (int shift = 24; shift >= 0; shift -= 8) {
    bytes += static_cast<char>((crc >> shift) & 0xFFu);
  }
  return "1." + base64url_encode(bytes);
}

std::string encode_prescription(const Prescription& p, const Content& content) {
  const Prescription exact = link_precision(p);
  if (!check_prescription(exact, content).ok()) return {};
  return wrap_v1_body(encode_v1_body(exact, content));
}

std::string prescription_link(std::string_view base_url, const Prescription& p,
                              const Content& content) {
  std::string value = encode_prescription(p, content);
  if (value.empty()) return value;
  return std::string(base_url) + "#rx=" + value;
}

Programme to_programme(const Prescription& p) {
  Programme out;
  out.id = "prescription";
  out.name = p.title;
  out.description = p.clinic;
  out.note = p.note;
  out.items = p.items;
  return out;
}

// ---- [SECTION] the builder's edits ------------------------------------------------------------

namespace {

double hold_step_s(double hold_s, int direction) {
  const double from = direction > 0 ? hold_s : hold_s - 1e-9;  // stepping down crosses a boundary
  if (from < 10) return 1;
  if (from < 60) return 5;
  return 15;
}

}  // namespace

Dosage step_dosage(const Dosage& d, DosageKnob knob, int direction, bool timed) {
  const int sign = direction > 0 ? 1 : -1;
  Dosage out = d;
  switch (knob) {
    case DosageKnob::Reps: out.reps += sign; out.reps_max = 0; break;
    case DosageKnob::Sets: out.sets += sign; out.sets_max = 0; break;
    case DosageKnob::Hold:
      out.hold_s = std::round(out.hold_s + sign * hold_step_s(out.hold_s, sign));
      out.hold_max_s = 0;
      break;
    case DosageKnob::Tempo:
      out.move_in_s += 0.5 * sign;
      out.move_out_s += 0.5 * sign;
      break;
    case DosageKnob::Rest: out.rest_set_s = std::round(out.rest_set_s + 5.0 * sign); break;
    case DosageKnob::PerDay: out.per_day += sign; break;
    case DosageKnob::DaysPerWeek: out.days_per_week += sign; break;
  }
  Diagnostics diags;
  if (!validate_dosage_ranges(out, timed, nullptr, "builder", "dosage", diags)) return d;
  return out;
}

Dosage builder_dosage(const Exercise& e) {
  Dosage d = e.dosage;
  d.reps_max = 0;
  d.sets_max = 0;
  d.hold_max_s = 0;
  d.source.clear();
  d.note.clear();
  return d;
}

bool prescription_add(Prescription& p, const Content& content, const std::string& id) {
  const Exercise* e = content.find_exercise(id);
  if (!e || static_cast<int>(p.items.size()) >= kRxItemsMax) return false;
  p.items.push_back(ProgrammeItem{id, builder_dosage(*e)});
  return true;
}

bool prescription_move(Prescription& p, int i, int direction) {
  const int j = i + (direction < 0 ? -1 : 1);
  const int n = static_cast<int>(p.items.size());
  if (i < 0 || i >= n || j < 0 || j >= n) return false;
  std::swap(p.items[static_cast<size_t>(i)], p.items[static_cast<size_t>(j)]);
  return true;
}

// ---- [SECTION] decoding -----------------------------------------------------------------------

namespace {

constexpr size_t kCrcBytes = 4;
constexpr size_t kVersionDigitsMax = 6;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Characters that end up after a link when it is pasted from a sentence or a list.
bool is_trailing_punctuation(char c) {
  return std::string_view(".,;:!?)]}>'\"").find(c) != std::string_view::npos;
}

std::string char_text(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b > 0x20 && b < 0x7F) return std::string("\"") + c + "\"";
  char buf[16];
  std::snprintf(buf, sizeof buf, "byte 0x%02X", b);
  return buf;
}

PrescriptionDecode failed(PrescriptionError error, std::string detail, int version = 0,
                          int item = -1) {
  PrescriptionDecode out;
  out.error = error;
  out.detail = std::move(detail);
  out.version = version;
  out.item = item;
  return out;
}

// The value of the "rx" parameter of the link or fragment in text (spaces removed), or the
// bare value when text is one; found is false when there is neither.
std::string_view find_value(std::string_view text, bool& found) {
  found = true;
  const size_t hash = text.find('#');
  if (hash != std::string_view::npos) text.remove_prefix(hash + 1);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    if (part.substr(0, 3) == "rx=") return part.substr(3);
    start = end + 1;
  }
  // A bare value starts with its version; an address (even "192.168.1.5/...") is not one.
  if (!text.empty() && text[0] >= '0' && text[0] <= '9' &&
      text.find_first_of("/:") == std::string_view::npos) {
    return text;
  }
  found = false;
  return {};
}

// Decodes the base64 data of a version 1 link.
PrescriptionDecode decode_v1(std::string_view data, const Content& content) {
  constexpr int kVersion = 1;
  std::string bytes;
  bool clean_end = false;
  const size_t bad = base64_decode(data, bytes, clean_end);
  if (bad != std::string_view::npos) {
    return failed(PrescriptionError::BadCharacter,
                  "the link holds " + char_text(data[bad]) + ", which no prescription link has",
                  kVersion);
  }
  // Declared size: the length prefix (1 or 2 bytes) + the body + the checksum.
  size_t body_size = 0;
  size_t prefix = 0;
  for (; prefix < bytes.size() && prefix < 2; ++prefix) {
    const auto b = static_cast<unsigned char>(bytes[prefix]);
    body_size |= static_cast<size_t>(b & 0x7Fu) << (7 * prefix);
    if (!(b & 0x80u)) break;
  }
  const bool prefix_complete = prefix < bytes.size() && prefix < 2;
  const size_t declared = prefix + 1 + body_size + kCrcBytes;
  const bool intact =
      clean_end && bytes.size() > kCrcBytes &&
      crc32(std::string_view(bytes).substr(0, bytes.size() - kCrcBytes)) ==
          ((static_cast<uint32_t>(static_cast<unsigned char>(bytes[bytes.size() - 4])) << 24) |
           (static_cast<uint32_t>(static_cast<unsigned char>(bytes[bytes.size() - 3])) << 16) |
           (static_cast<uint32_t>(static_cast<unsigned char>(bytes[bytes.size() - 2])) << 8) |
           static_cast<uint32_t>(static_cast<unsigned char>(bytes[bytes.size() - 1])));
  if (!intact) {
    if (!prefix_complete || declared > bytes.size()) {
      return failed(PrescriptionError::Truncated,
                    "the link is " + std::to_string(data.size()) +
                        " characters long but should be longer: part of it is missing",
                    kVersion);
    }
    return failed(PrescriptionError::BadChecksum,
                  "the checksum does not match: some characters of the link were changed",
                  kVersion);
  }
  if (!prefix_complete || declared != bytes.size()) {
    return failed(PrescriptionError::Malformed, "the length it gives does not match", kVersion);
  }
  PrescriptionDecode out;
  out.version = kVersion;
  PrescriptionCheck found =
      decode_v1_body(std::string_view(bytes).substr(prefix + 1, body_size), content,
                     out.prescription);
  if (found.ok()) found = check_prescription(out.prescription, content);
  if (!found.ok()) return failed(found.error, std::move(found.detail), kVersion, found.item);
  return out;
}

}  // namespace

PrescriptionDecode decode_prescription(std::string_view fragment, const Content& content) {
  if (fragment.size() > kRxInputMaxBytes) {
    return failed(PrescriptionError::TooLong,
                  "the link is " + std::to_string(fragment.size()) + " bytes long; at most " +
                      std::to_string(kRxInputMaxBytes) + " are read");
  }
  std::string text;
  for (char c : fragment) {
    if (!is_space(c)) text += c;
  }
  if (text.empty()) return failed(PrescriptionError::Empty, "the link is empty");
  bool found = false;
  std::string_view value = find_value(text, found);
  if (!found) {
    return failed(PrescriptionError::NotAPrescription,
                  "the link holds no programme (nothing after \"#rx=\")");
  }
  if (value.empty()) return failed(PrescriptionError::Empty, "nothing follows \"rx=\"");
  size_t digits = 0;
  while (digits < value.size() && value[digits] >= '0' && value[digits] <= '9') ++digits;
  if (digits == 0 || digits > kVersionDigitsMax || digits >= value.size() ||
      value[digits] != '.') {
    return failed(PrescriptionError::NotAPrescription,
                  "what follows \"rx=\" does not start with a version number and a dot");
  }
  int version = 0;
  for (size_t i = 0; i < digits; ++i) version = version * 10 + (value[i] - '0');
  std::string_view data = value.substr(digits + 1);
  while (!data.empty() && is_trailing_punctuation(data.back())) data.remove_suffix(1);
  while (!data.empty() && data.back() == '=') data.remove_suffix(1);  // base64 padding
  switch (version) {
    case 1:
      return decode_v1(data, content);
    default:
      if (version > kRxFormatVersion) {
        return failed(PrescriptionError::UnknownVersion,
                      "the link is in format " + std::to_string(version) +
                          ", made by a newer version of the app; this one reads formats 1 to " +
                          std::to_string(kRxFormatVersion),
                      version);
      }
      return failed(PrescriptionError::UnknownVersion,
                    "there is no link format " + std::to_string(version), version);
  }
}

}  // namespace sb
