// prescription_view: what the person sees when they open a prescription link: who sent it
// and what it holds, with a choice before it replaces their programme; or, for a link that
// cannot be opened, what went wrong in plain words and the way on to the library.
#pragma once

#include "core/content.h"
#include "core/prescription.h"
#include "ui/widgets.h"

namespace sb {

struct PrescriptionViewAction {
  enum class Kind { None, Use, NotNow, Library } kind = Kind::None;
};

// The confirmation: clinic, title, note, review date, pain limit, each exercise with its
// dosage; "Use this programme" / "Not now". current_name is the programme it would replace.
PrescriptionViewAction draw_prescription_confirm(Ui& ui, const Content& content, const Prescription& p,
                                                 const std::string& current_name);

// A link that cannot be opened: its error kind's message, the exercise at fault if any, and
// "Continue with the library" (NotNow for Back).
PrescriptionViewAction draw_prescription_error(Ui& ui, PrescriptionError error, int item);

// The string-table key of an error kind's message ("prescription.error.bad-checksum").
std::string prescription_error_key(PrescriptionError error);

}  // namespace sb
