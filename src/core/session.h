// session: the timeline of a guided session (get ready, move in, hold, move out, rests, side
// switches, "up next" previews) and the player over it. The player is a pure function of the
// plan, the person's actions and the times passed in: it never reads a clock, so a view or a
// cue list at any moment is exact however many frames were missed.
//
// Two clocks: wall time is whatever the platform passes as now_s (seconds, one clock for every
// call); session time is active time since the start (wall time minus pauses). The timeline
// is laid out in session time and holds what was played (skipped segments cut short) followed
// by what is ahead, so session time only ever moves forward, also across Next and Previous.
//
// [SECTION] plan (input)
// [SECTION] timeline
// [SECTION] player state and actions
// [SECTION] view
#pragma once

#include <string>
#include <vector>

#include "core/side.h"

namespace sb {

// ---- [SECTION] plan (input) ---------------------------------------------------------------

// SCHEMA.md's ranges; counts outside them are clamped, and durations that are negative or
// not numbers count as 0 (the segment is left out).
inline constexpr int kSessionRepsMax = 50;
inline constexpr int kSessionSetsMax = 10;

// One exercise of a session with its dosage (filled from the content model by an adapter).
struct SessionItem {
  std::string exercise_id;
  std::string name;
  bool per_side = false;    // all reps on the left, then the same on the right
  bool timed = false;       // one bout of hold_s per set (per side), counted in seconds, never reps
  int reps = 1;             // per set (per side), 1..kSessionRepsMax; ignored when timed
  int sets = 1;             // 1..kSessionSetsMax
  double hold_s = 0.0;      // held at the end of each rep (none when 0); a bout's length when timed
  double move_in_s = 2.0;   // tempo into the position (getting into position when timed)
  double move_out_s = 2.0;  // tempo back out
  double rest_rep_s = 0.0;  // between reps, never after the last
  double rest_set_s = 0.0;  // between sets, never after the last
};

struct SessionPlan {
  std::vector<SessionItem> items;
  double get_ready_s = 3.0;           // countdown before the first exercise
  double switch_sides_s = 5.0;        // break between the sides of a per-side set
  double between_exercises_s = 10.0;  // "up next" preview before each later exercise
};

// ---- [SECTION] timeline -------------------------------------------------------------------

enum class SegmentKind { GetReady, MoveIn, Hold, MoveOut, RestRep, RestSet, SwitchSides, UpNext, Done };
// How a segment ended: as planned, or cut short by an action at the moment it was taken.
enum class SegmentEnd { Planned, Skipped, Stopped, Shortened };

// One stretch of the timeline. The exercise "owns" its GetReady / UpNext: starting an
// exercise means starting its preparation. Zero-length segments are left out, except Done
// and a segment stopped at its very start (kept so the record says "stopped").
struct Segment {
  SegmentKind kind = SegmentKind::Done;
  int item = -1;          // index in SessionPlan::items (the coming one for UpNext); -1 for Done
  int set = 0;            // 1-based; 0 for GetReady, UpNext, Done. RestSet: the set just done
  int rep = 0;            // 1-based; 0 outside a rep and for timed bouts. RestRep: the rep just done
  Side side = Side::None; // SwitchSides: the side coming
  double start_s = 0.0;     // session time
  double duration_s = 0.0;  // as played (less than planned_s when cut short)
  double planned_s = 0.0;   // as built
  SegmentEnd end = SegmentEnd::Planned;
  bool ends_rep = false;   // its end completes a rep
  bool ends_set = false;   // its end completes a set (both sides)
  bool ends_item = false;  // its end completes the exercise
  int run = -1;            // which start of its exercise it belongs to (a restart begins a new run)
};

struct Timeline {
  std::vector<Segment> segments;  // back-to-back in session time; the last one is Done
  double total_s = 0.0;           // session time at which Done starts
};

// Flattens the plan into segments: get ready; then per exercise, set, side and rep: move in,
// hold, move out, rest between reps; switch sides; rest between sets; up next; Done.
Timeline build_timeline(const SessionPlan& plan);

// Index of the segment playing at session time session_s (Done at or after total_s).
size_t segment_at(const Timeline& timeline, double session_s);

// ---- [SECTION] player state and actions ---------------------------------------------------

inline constexpr double kPreviousRestartS = 2.0;  // Previous further in than this restarts the exercise
inline constexpr double kTempoMin = 0.25;         // slowest and fastest SetTempo multipliers
inline constexpr double kTempoMax = 4.0;

enum class ActionKind {
  Pause,            // freeze everything (automatic: the page was hidden)
  Resume,           // carry on; also dismisses a pending pain rating
  Next,             // to the start of the next exercise
  Previous,         // restart the exercise if > kPreviousRestartS in, else the previous one
  RestartExercise,  // to the start of this exercise
  AddRep,           // one more rep in this set (both sides), not for timed exercises
  RemoveRep,        // one fewer, never below the rep in progress; cuts a rest that became last
  SetTempo,         // move_in_s and move_out_s times tempo, for segments starting after now
  Stop,             // "this hurts": end this exercise, go to the next, pause, ask for pain 0-10
  RatePain,         // the answer to Stop's question
};

enum class PauseReason { None, User, Automatic, Stop };

struct Action {
  ActionKind kind = ActionKind::Pause;
  double now_s = 0.0;      // wall time of the action
  bool automatic = false;  // Pause: sent by the platform (page hidden), not by the person
  double tempo = 1.0;      // SetTempo: multiplier of the plan's move_in_s and move_out_s
  int pain_0_10 = 0;       // RatePain
};

// Everything the player knows; owned by the caller, changed only by session_apply.
struct SessionState {
  SessionPlan plan;
  std::vector<std::vector<int>> set_reps;  // [item][set - 1]: reps now planned per set (per side)
  double tempo = 1.0;                      // multiplier of move_in_s / move_out_s
  Timeline timeline;                       // played, then ahead (session time)
  int next_run = 0;
  double anchor_wall_s = 0.0;     // wall time of the last action
  double anchor_session_s = 0.0;  // session time at anchor_wall_s
  bool paused = false;
  PauseReason pause_reason = PauseReason::None;
  int pain_item = -1;              // exercise stopped with "this hurts", awaiting a rating; -1 none
  std::vector<int> pain_0_10;      // per item, -1 = not rated
  int revision = 0;  // +1 for every action that changed anything: cancel cues after its now_s, re-ask
};

// A session starting (running, at its get-ready countdown) at wall time now_s.
SessionState session_start(const SessionPlan& plan, double now_s);

// Applies one action at action.now_s. Actions must come in time order; an earlier now_s
// counts as the time of the previous action. Actions that make no sense now are ignored.
void session_apply(SessionState& state, const Action& action);

// Session time at wall time now_s (now_s at or after the last action), stopping at Done.
double session_time(const SessionState& state, double now_s);

// Wall time at which session time session_s (at or after the last action's) will come,
// if nothing else is done; while paused, the moment it would come on resuming now.
double session_wall_time(const SessionState& state, double session_s);

// ---- [SECTION] view -----------------------------------------------------------------------

enum class ItemOutcome { NotReached, InProgress, Completed, Skipped, Stopped };

struct SetRecord {
  int reps_done = 0;        // completed reps (the left side's for a per-side exercise)
  int reps_done_right = 0;  // completed reps on the right side
  double hold_done_s = 0.0; // seconds held (both sides), the bout time for timed exercises
  bool done = false;        // every planned rep (or bout) of the set, both sides
};

// What one exercise came to. When an exercise was played more than once (Previous, Restart),
// the latest attempt counts, unless it did nothing (no rep done, no second held) and was not
// stopped: passing through with Previous and Next never wipes out work already done.
struct ItemRecord {
  ItemOutcome outcome = ItemOutcome::NotReached;
  std::vector<SetRecord> sets;  // one per planned set
  double hold_done_s = 0.0;     // sum over the sets
  int pain_0_10 = -1;           // from RatePain after Stop; -1 none
};

// What the screen shows at one moment.
struct SessionView {
  SegmentKind kind = SegmentKind::Done;
  int item = -1;          // exercise on screen (the coming one in GetReady / UpNext); -1 when done
  int set = 0;            // 1-based, 0 outside a set
  int sets = 0;
  int rep = 0;            // 1-based, 0 outside a rep and for timed exercises
  int reps = 0;           // reps planned in this set (set 1 while preparing); 0 when timed
  Side side = Side::None;
  double progress = 0.0;        // 0..1 through the segment
  double segment_left_s = 0.0;
  // The big number. Holds of a rep and every countdown (get ready, rests, switch sides, up
  // next): whole seconds left, rounded up (5 4 3 2 1). Timed bouts: whole seconds held,
  // counting up from 0. MoveIn / MoveOut: the rep number (0 when timed). Done: 0.
  int count = 0;
  double session_s = 0.0;       // session time now
  double session_left_s = 0.0;  // to the end, with the current reps and tempo
  int next_item = -1;           // the exercise after the one on screen; -1 none
  bool paused = false;
  PauseReason pause_reason = PauseReason::None;  // Automatic: say "paused while hidden"
  bool finished = false;
  int pain_item = -1;           // ask for a pain rating of this exercise; -1 none
  bool reps_editable = false;   // AddRep / RemoveRep would apply now
  double tempo = 1.0;
  std::vector<ItemRecord> records;  // one per item
};

// The completion record of every item at wall time now_s.
std::vector<ItemRecord> session_records(const SessionState& state, double now_s);

// The screen at wall time now_s (at or after the last action's now_s).
SessionView session_view(const SessionState& state, double now_s);

}  // namespace sb
