// prescription: a home programme a clinic prescribes, carried whole in the fragment of a link
// (https://clinic.example/exercises/#rx=1.AbC...), which browsers never send to a server. The
// codec is small enough for a QR code on a paper handout, versioned so links made today keep
// opening in every later release, and checksummed so a damaged or cut-off link is caught and
// explained instead of played. docs/PRESCRIPTION.md describes the format byte by byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace sb {

// ---- the prescription --------------------------------------------------------------------

struct Prescription {
  std::string title;        // the programme's name as the patient sees it; required
  std::string clinic;       // clinic or prescriber; may be empty
  std::string note;         // a note for the patient; may be empty
  int pain_threshold = 5;   // 0-10: stop an exercise when pain goes above this (5: "acceptable")
  std::string review_date;  // "YYYY-MM-DD" when to see the clinic again; empty = none
  // In playing order. Each exercise is named by id; per side or not is the exercise's own
  // property. Dosage source and note are not carried by links (empty after decoding).
  std::vector<ProgrammeItem> items;
};

// ---- limits (every one is checked when encoding and when decoding) --------------------------

constexpr int kRxFormatVersion = 1;       // what encode_prescription writes
constexpr size_t kRxInputMaxBytes = 2048;  // longer input is refused before any parsing
constexpr int kRxTitleMaxBytes = 60;       // UTF-8 bytes
constexpr int kRxClinicMaxBytes = 60;
constexpr int kRxNoteMaxBytes = 280;
constexpr int kRxItemsMax = 12;
constexpr int kRxPainThresholdMax = 10;
// Review dates from 2000-01-01 to kRxReviewDateMax.
constexpr const char* kRxReviewDateMin = "2000-01-01";
constexpr const char* kRxReviewDateMax = "2179-06-06";

// ---- errors ------------------------------------------------------------------------------

// Why a link cannot be opened (or a prescription cannot be made into one). Each kind is its
// own message in the interface; names (to_string) are stable.
enum class PrescriptionError {
  None,
  Empty,             // nothing after "#rx="
  TooLong,           // over kRxInputMaxBytes: refused unread
  NotAPrescription,  // no "rx=" part, or it does not start with a version ("1.")
  UnknownVersion,    // made by a newer (or unknown) version of the app
  BadCharacter,      // a character that cannot be in a link was typed or pasted in
  Truncated,         // shorter than it says it is: cut off while copying
  BadChecksum,       // the checksum does not match: damaged while copying or typing
  Malformed,         // checksum right but not laid out as the version says (hand-made link)
  BadText,           // title, clinic or note: not UTF-8, a control character, empty or too long
  NoExercises,       // no exercise at all
  TooManyExercises,  // more than kRxItemsMax
  UnknownExercise,   // an exercise this app's library does not have (or one without a code)
  AbsurdDosage,      // a figure outside the ranges of assets/SCHEMA.md
  BadPainThreshold,  // not 0-10
  BadDate,           // review date not a real "YYYY-MM-DD" in the supported range
};

// Stable name of an error ("unknown-version"), e.g. to build a string-table key.
std::string_view to_string(PrescriptionError error);

// What is wrong with a prescription, and where.
struct PrescriptionCheck {
  PrescriptionError error = PrescriptionError::None;
  int item = -1;       // 0-based index of the exercise at fault; -1 when not about one exercise
  std::string detail;  // plain words for clinic tools and logs, e.g. "reps: must be between..."
  bool ok() const { return error == PrescriptionError::None; }
};

struct PrescriptionDecode {
  Prescription prescription;  // complete only when ok()
  PrescriptionError error = PrescriptionError::None;
  int item = -1;       // as in PrescriptionCheck
  std::string detail;  // as in PrescriptionCheck
  int version = 0;     // format version the link says it has; 0 when none was found
  bool ok() const { return error == PrescriptionError::None; }
};

// ---- the codec -----------------------------------------------------------------------------

// Checks everything a link must satisfy: text, limits, exercises known and with a code,
// dosages within the ranges of SCHEMA.md (validate_dosage_ranges), the review date.
PrescriptionCheck check_prescription(const Prescription& p, const Content& content);

// p with every figure rounded to what a link carries: holds and rests to whole seconds,
// tempo to half seconds; dosage source and note cleared. decode(encode(p)) == this.
Prescription link_precision(const Prescription& p);

// The fragment value for p ("1.<base64url>", to follow "#rx="), or "" when
// check_prescription(link_precision(p)) finds a problem (check first to say what it is).
std::string encode_prescription(const Prescription& p, const Content& content);

// A whole link: base_url + "#rx=" + encode_prescription(p), or "" as above.
std::string prescription_link(std::string_view base_url, const Prescription& p,
                              const Content& content);

// Reads a prescription from a whole link, its fragment ("#a=b&rx=1.xyz"), "rx=1.xyz" or the
// bare value "1.xyz". Spaces and line breaks (links wrapped in e-mails) and punctuation
// pasted after the end are ignored. Never throws or crashes on any input; any problem comes
// back as an error kind with details, and the prescription is then left empty.
PrescriptionDecode decode_prescription(std::string_view fragment, const Content& content);

// The prescription as a programme for the session planner (make_session_plan): name is the
// title, description the clinic, note the note; id "prescription".
Programme to_programme(const Prescription& p);

// ---- making a prescription (the programme builder) --------------------------------------------

// The figures the builder changes with its steppers, one at a time.
enum class DosageKnob { Reps, Sets, Hold, Tempo, Rest, PerDay, DaysPerWeek };

// d with one figure a step up (direction > 0) or down (< 0): reps, sets, times a day and days
// a week by 1, hold by 1 s up to 10 s, 5 s up to 60 s, then 15 s, tempo (in and out
// together) by half a second, rest between sets by 5 s. Its range ("_max") is dropped. d is
// returned unchanged when the step would leave the ranges a link accepts.
Dosage step_dosage(const Dosage& d, DosageKnob knob, int direction, bool timed);

// The exercise's default dosage as a builder starts it: a single figure where the library
// gives a range (the lower end), source and note cleared.
Dosage builder_dosage(const Exercise& e);

// Adds exercise id at the end with builder_dosage; false (p unchanged) when there are
// kRxItemsMax exercises already or the id is unknown.
bool prescription_add(Prescription& p, const Content& content, const std::string& id);

// Moves exercise i one place earlier (direction < 0) or later; false when it cannot move.
bool prescription_move(Prescription& p, int i, int direction);

// ---- pieces the tests check on their own ------------------------------------------------------

// "1." + base64url of the body's length, the body and the checksum: a version 1 link value
// around any body bytes (the encoder's last step; the fuzzer wraps random bodies with it).
std::string wrap_v1_body(std::string_view body);

// CRC-32 (the common reflected 0xEDB88320 polynomial): "123456789" gives 0xCBF43926.
uint32_t crc32(std::string_view bytes);

// Days from 2000-01-01 of a "YYYY-MM-DD" date; false when it is not a real date from
// kRxReviewDateMin to kRxReviewDateMax.
bool review_date_to_days(std::string_view date, int& days);

// The "YYYY-MM-DD" date days after 2000-01-01 (days clamped to 0 to 65535).
std::string review_date_from_days(int days);

}  // namespace sb
