// safety: the red-flag questions asked once before the first session, the "get help" advice
// a yes leads to (urgent: emergency care today; otherwise: see a doctor soon), and the About
// and safety screen reachable from every screen's header.
#pragma once

#include <string>

#include "ui/widgets.h"

namespace sb {

constexpr int kUrgentSigns = 3;  // safety.urgent.1 .. 3
constexpr int kSoonSigns = 5;    // safety.soon.1 .. 5
constexpr int kSourceCount = 6;  // about.source.0 .. 5

struct SafetyCheckAction {
  enum class Kind { None, Back, Urgent, Soon, NoneApply } kind = Kind::None;
};

// The questions: urgent signs, then see-a-doctor signs, each group with its own "yes", and
// "None of these apply to me" at the end.
SafetyCheckAction draw_safety_check(Ui& ui);

enum class CareAction { None, Back };

// What to do now: urgent (emergency department or emergency number today) or soon.
CareAction draw_care(Ui& ui, bool urgent);

enum class AboutAction { None, Back, AskAgain };

// About and safety: when to stop and get help, what the app is, privacy, version, sources.
AboutAction draw_about(Ui& ui, const std::string& version);

// The words of the questions screen for the aria-live region (title, intro, every sign).
std::string safety_check_text(const Strings& strings);

// The words of the advice screen for the aria-live region.
std::string care_text(const Strings& strings, bool urgent);

}  // namespace sb
