// player: the session screen: the figure at the prescribed pace, the phase word, a big count
// readable from across a room, set/rep/side progress, time left, and the controls (Pause,
// Back, Skip, Stop - this hurts), then the pain question and the end-of-session summary.
#pragma once

#include <string>

#include "core/content.h"
#include "core/session.h"
#include "ui/exercise_detail.h"
#include "ui/widgets.h"

namespace sb {

struct PlayerAction {
  enum class Kind {
    None, Pause, Resume, Previous, Next, Stop, RatePain, SkipRating, AddRep, RemoveRep, Close, Finish,
    ToggleOptions, ToggleSound, VolumeDown, VolumeUp, ToggleSpeech, ToggleVibration, Slower, Faster
  };
  Kind kind = Kind::None;
  int pain_0_10 = 0;  // RatePain
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

// Draws the player for view; caption is the latest cue's words. figure_slot gets the rect
// where the figure goes (h == 0 when the screen shows none).
PlayerAction draw_player(Ui& ui, const SessionView& view, const SessionPlan& plan, const Content& content,
                         const std::string& caption, const CueSettings& settings, bool options_open,
                         FigureSlot& figure_slot);

}  // namespace sb
