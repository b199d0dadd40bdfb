// fuzz_prescription: the link decoder. The first byte picks what the rest is: even, the text
// of a link as a patient might paste it; odd, the body of a version 1 link, wrapped with a
// correct length and checksum so the fuzzer reaches the field reader behind the checksum.
// Checked: no crash; a link that opens passes check_prescription and encodes back to a link
// that opens to the same programme.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/prescription.h"
#include "fuzz_support.h"

namespace {

bool same(const sb::Prescription& a, const sb::Prescription& b) {
  if (a.title != b.title || a.clinic != b.clinic || a.note != b.note ||
      a.pain_threshold != b.pain_threshold || a.review_date != b.review_date ||
      a.items.size() != b.items.size()) {
    return false;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    const sb::Dosage& x = a.items[i].dosage;
    const sb::Dosage& y = b.items[i].dosage;
    if (a.items[i].exercise != b.items[i].exercise || x.reps != y.reps ||
        x.reps_max != y.reps_max || x.sets != y.sets || x.sets_max != y.sets_max ||
        x.hold_s != y.hold_s || x.hold_max_s != y.hold_max_s || x.move_in_s != y.move_in_s ||
        x.move_out_s != y.move_out_s || x.rest_rep_s != y.rest_rep_s ||
        x.rest_set_s != y.rest_set_s || x.per_day != y.per_day ||
        x.days_per_week != y.days_per_week) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const sb::Content& content = sb_fuzz::shipped_content();
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string text = (data[0] & 1) ? sb::wrap_v1_body(rest) : std::string(rest);
  const sb::PrescriptionDecode d = sb::decode_prescription(text, content);
  if (!d.ok()) {
    sb_fuzz::expect(d.prescription.items.empty(), "a refused link leaves no exercises");
    sb_fuzz::expect(!d.detail.empty(), "a refused link says why");
    return 0;
  }
  sb_fuzz::expect(sb::check_prescription(d.prescription, content).ok(), "an opened link checks");
  const std::string again = sb::encode_prescription(d.prescription, content);
  sb_fuzz::expect(!again.empty(), "an opened link encodes again");
  const sb::PrescriptionDecode back = sb::decode_prescription(again, content);
  sb_fuzz::expect(back.ok() && same(back.prescription, d.prescription),
                  "an opened link survives encode and decode");
  return 0;
}
