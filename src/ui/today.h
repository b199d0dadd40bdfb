// today: the home screen: the current programme, its exercises with their dosage, and one
// big Start. Also the programme chooser (presets), reached from it.
#pragma once

#include "core/content.h"
#include "ui/widgets.h"

namespace sb {

struct TodayAction {
  enum class Kind { None, Start, Open, Library, Programmes } kind = Kind::None;
  int exercise = -1;  // Open: index into content.exercises
};

TodayAction draw_today(Ui& ui, const Content& content, const Programme& programme);

struct ProgrammesAction {
  enum class Kind { None, Back, Choose } kind = Kind::None;
  int programme = -1;  // Choose: index into content.programmes
};

ProgrammesAction draw_programmes(Ui& ui, const Content& content, const std::string& current_id);

}  // namespace sb
