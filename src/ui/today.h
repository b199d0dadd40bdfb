// today: the home screen: the current programme, its exercises with their dosage, and one
// big Start. Also the programme chooser (presets), reached from it.
#pragma once

#include <string>
#include <vector>

#include "core/content.h"
#include "ui/widgets.h"

namespace sb {

struct TodayAction {
  enum class Kind { None, Start, Open, Library, Programmes, History, MorningWorse, MorningSame, OpenFull, Settings, About } kind = Kind::None;
  int exercise = -1;  // Open: index into content.exercises
};

// What the home screen shows of the person's progress.
struct TodayInfo {
  std::vector<ProgrammeItem> items;  // the programme as it will be played (accepted changes applied)
  std::vector<std::string> changes;  // words for each accepted change ("less of Bridge")
  int streak = 0;
  int week_done = 0;
  int week_target = 0;
  bool done_today = false;
  bool ask_morning = false;          // the next-morning question is due
  int suggestions = 0;
  std::string storage_notice;        // said before starting when progress cannot be kept
};

TodayAction draw_today(Ui& ui, const Content& content, const Programme& programme, const TodayInfo& info);

struct ProgrammesAction {
  enum class Kind { None, Back, Choose, Build } kind = Kind::None;
  int programme = -1;  // Choose: index into content.programmes
};

ProgrammesAction draw_programmes(Ui& ui, const Content& content, const std::string& current_id);

}  // namespace sb
