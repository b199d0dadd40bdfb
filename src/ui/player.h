// player: the session screen: the figure at the prescribed pace, the phase word, a big count
// readable from across a room, set/rep/side progress, time left, and the controls (Pause,
// Back, Skip, Stop - this hurts), then the pain question and the end-of-session summary.
#pragma once

#include <string>

#include "core/content.h"
#include "core/progress.h"
#include "core/session.h"
#include "ui/exercise_detail.h"
#include "ui/widgets.h"

namespace sb {

struct PlayerAction {
  enum class Kind {
    None, Pause, Resume, Previous, Next, Stop, RatePain, SkipRating, AddRep, RemoveRep, Close, Finish,
    ToggleOptions, ToggleSound, VolumeDown, VolumeUp, ToggleSpeech, ToggleVibration, Slower, Faster,
    RatePainAfter, SetDifficulty
  };
  Kind kind = Kind::None;
  int pain_0_10 = 0;  // RatePain, RatePainAfter
  Difficulty difficulty = Difficulty::None;  // SetDifficulty
};

// How cues reach the person; changed from the player's options.
struct CueSettings {
  bool sound = true;
  float volume = 0.8f;  // 0..1
  bool speech = true;
  bool vibration = true;
};

// Volume steps of the options panel.
constexpr float kVolumeStep = 0.1f;

// The words of a phase ("Hold", "Rest"...).
std::string phase_word(const Strings& strings, SegmentKind kind);

// The summary's answers so far and whether the session is kept on this device.
struct SummaryAnswers {
  int pain_after = -1;
  Difficulty difficulty = Difficulty::None;
  std::string note;          // the person's own words (clean_note), "" none
  bool save_failed = false;  // storage refused it (or is unavailable)
};

// Where the summary's note box goes, in CSS px of the canvas, and the part of it visible in
// the scrolled area; shown false on every other screen. The page lays a real text box there.
struct NoteSlot {
  bool shown = false;
  float x = 0, y = 0, w = 0, h = 0;
  float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;
};

// Draws the player for view; caption is the latest cue's words. figure_slot gets the rect
// where the figure goes (h == 0 when the screen shows none); note_slot, when given, where the
// summary's note box goes.
PlayerAction draw_player(Ui& ui, const SessionView& view, const SessionPlan& plan, const Content& content,
                         const std::string& caption, const CueSettings& settings, bool options_open,
                         const SummaryAnswers& answers, FigureSlot& figure_slot, NoteSlot* note_slot = nullptr);

// The question before a session starts: pain now, 0-10, or start without rating.
struct BeforeAction {
  enum class Kind { None, Back, Rate, Skip } kind = Kind::None;
  int pain_0_10 = -1;  // Rate
};
BeforeAction draw_pain_before(Ui& ui, const std::string& programme_name);

}  // namespace sb
