// cue: the sounds, spoken words and captions of a session, each at its exact time, so the
// platform can schedule them ahead on the audio clock instead of reacting to frames.
//
// Per segment: a cue at its start (GetReady, Move, HoldStart, Release, Rest, SwitchSide,
// UpNext, SessionDone); ticks inside it (HoldSecond for each counted second of a hold,
// LastThree for each of the last three seconds of a hold or of a countdown); cues at its end
// when it completes a rep, a set or the exercise (RepDone, SetDone, ExerciseDone). A tick
// that would fall on a segment's start is left to the start cue, which carries its count
// (a 3 s get ready says 3 at its start, then LastThree 2 and 1). Cues at
// the same moment come ending first, then starting (RepDone, SetDone, ExerciseDone, UpNext).
// Timed bouts never give RepDone. A segment cut short by an action gives nothing after the cut.
//
// Scheduling contract: after every session_apply that changes state.revision, cancel the cues
// already scheduled at or after the action's now_s and ask cues_between again from now_s.
#pragma once

#include <string_view>
#include <vector>

#include "core/session.h"

namespace sb {

enum class CueKind {
  GetReady, Move, HoldStart, HoldSecond, LastThree, Release, RepDone, Rest, SwitchSide,
  SetDone, ExerciseDone, UpNext, SessionDone
};

// Caption keys of strings.json; a caption may use {count}, {set}, {rep}, {side} and {name}.
inline constexpr std::string_view kCaptionGetReady = "cue.get_ready";          // Get ready
inline constexpr std::string_view kCaptionMove = "cue.move";                   // Rep {rep}
inline constexpr std::string_view kCaptionHold = "cue.hold";                   // Hold {count}
inline constexpr std::string_view kCaptionCount = "cue.count";                 // {count}
inline constexpr std::string_view kCaptionLastThree = "cue.last_three";        // {count}
inline constexpr std::string_view kCaptionRelease = "cue.release";             // And release
inline constexpr std::string_view kCaptionRepDone = "cue.rep_done";            // {rep}
inline constexpr std::string_view kCaptionRest = "cue.rest";                   // Rest {count} seconds
inline constexpr std::string_view kCaptionSwitchSide = "cue.switch_side";      // Switch to the {side} side
inline constexpr std::string_view kCaptionSetDone = "cue.set_done";            // Set {set} done
inline constexpr std::string_view kCaptionExerciseDone = "cue.exercise_done";  // Well done
inline constexpr std::string_view kCaptionUpNext = "cue.up_next";              // Up next: {name}
inline constexpr std::string_view kCaptionSessionDone = "cue.session_done";    // Session complete

struct Cue {
  double time_s = 0.0;  // session time (timeline_cues) or wall time (cues_between)
  CueKind kind = CueKind::SessionDone;
  int item = -1;  // exercise (the coming one for GetReady and UpNext); -1 for SessionDone
  int set = 0;    // 1-based, 0 when not in a set
  int rep = 0;    // 1-based, 0 when not in a rep and for timed bouts
  Side side = Side::None;
  // The number to show and say. HoldStart, GetReady, Rest, SwitchSide, UpNext: the segment's
  // whole seconds. HoldSecond: the hold's counter at that moment (seconds left for a rep's
  // hold, seconds held for a timed bout). LastThree: seconds left (3, 2, 1). Move, Release,
  // RepDone: the rep (0 for timed). SetDone: the set. Otherwise 0.
  int count = 0;
  std::string_view caption;  // one of the kCaption keys
};

// The caption key of a kind of cue.
std::string_view cue_caption(CueKind kind);

// Every cue of the timeline in time order, at session time.
std::vector<Cue> timeline_cues(const Timeline& timeline);

// The cues whose wall time lies in [from_s, to_s), in time order, with time_s in wall time.
// Only cues from the last action on (state.anchor_wall_s) are known; none while paused.
// Windows that tile a span give exactly the cues of the whole span, each once.
std::vector<Cue> cues_between(const SessionState& state, double from_s, double to_s);

}  // namespace sb
