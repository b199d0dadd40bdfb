// builder: the programme builder a clinician uses to make a prescription link: exercises
// from the library in order, a dosage per exercise with steppers bounded as links are, a
// note, a pain limit and a review date, starting from a preset if they like. Then the share
// screen: the link, its QR code, copy, "Try it" and the printable handout.
#pragma once

#include <array>
#include <string>

#include "core/content.h"
#include "core/prescription.h"
#include "ui/qr.h"
#include "ui/widgets.h"

namespace sb {

constexpr int kReviewWeeksMax = 26;  // the review date stepper: none, then 1 to 26 weeks ahead

// A DOM text field the builder leaves room for (placed by main through the page bridge).
struct BuilderField {
  const char* key = "";  // "title", "clinic", "note"
  float x = 0, y = 0, w = 0, h = 0;  // CSS px; h == 0: not on screen this frame
};

struct BuilderState {
  Prescription draft;
  int selected = -1;      // the exercise whose steppers are open, -1 none
  int review_weeks = 0;   // 0: no review date
  std::string problem;    // why the last "Make the link" failed, in plain words; "" none
  std::array<BuilderField, 3> fields;  // title, clinic, note, as drawn this frame
  // The share screen's output.
  std::string link;
  QrCode qr;
};

struct BuilderAction {
  enum class Kind { None, Back, AddExercises, Preset, MakeLink } kind = Kind::None;
  int programme = -1;  // Preset: index into content.programmes
};

// Draws the builder; edits of order and dosage are applied to state directly.
BuilderAction draw_builder(Ui& ui, const Content& content, BuilderState& state);

struct ShareAction {
  enum class Kind { None, Back, Copy, Try, Handout } kind = Kind::None;
};

// The made link: QR code, the link as text, copy, try it, handout.
ShareAction draw_share(Ui& ui, const BuilderState& state);

}  // namespace sb
