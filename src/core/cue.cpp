// cue: the cues of each segment, and the window query over a player state.
#include "core/cue.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sb {

namespace {

constexpr double kEps = 1e-9;      // slack for whole-second counts
constexpr double kMarginS = 1e-6;  // segments this close to a window are looked at, then filtered exactly
constexpr int kLastThree = 3;

int whole_up(double seconds) { return static_cast<int>(std::ceil(seconds - kEps)); }

bool is_countdown(SegmentKind kind) {
  return kind == SegmentKind::GetReady || kind == SegmentKind::RestRep || kind == SegmentKind::RestSet ||
         kind == SegmentKind::SwitchSides || kind == SegmentKind::UpNext;
}

// Appends the cues of segment g whose session time may lie in [lo_s, hi_s] (callers filter
// exactly). timed: g belongs to a timed exercise.
void segment_cues(const Segment& g, bool timed, double lo_s, double hi_s, std::vector<Cue>& out) {
  const double end_s = g.start_s + g.duration_s;
  if (end_s < lo_s || g.start_s > hi_s) return;
  if (g.duration_s <= 0.0 && g.kind != SegmentKind::Done) return;  // stopped before it began
  auto add = [&](double time_s, CueKind kind, int count) {
    Cue c;
    c.time_s = time_s;
    c.kind = kind;
    c.item = g.item;
    c.set = g.set;
    c.rep = g.rep;
    c.side = g.side;
    c.count = count;
    c.caption = cue_caption(kind);
    out.push_back(c);
  };
  const int whole_s = whole_up(g.planned_s);

  // At the start.
  switch (g.kind) {
    case SegmentKind::GetReady: add(g.start_s, CueKind::GetReady, whole_s); break;
    case SegmentKind::MoveIn: add(g.start_s, CueKind::Move, g.rep); break;
    case SegmentKind::Hold: add(g.start_s, CueKind::HoldStart, whole_s); break;
    case SegmentKind::MoveOut: add(g.start_s, CueKind::Release, g.rep); break;
    case SegmentKind::RestRep:
    case SegmentKind::RestSet: add(g.start_s, CueKind::Rest, whole_s); break;
    case SegmentKind::SwitchSides: add(g.start_s, CueKind::SwitchSide, whole_s); break;
    case SegmentKind::UpNext: add(g.start_s, CueKind::UpNext, whole_s); break;
    case SegmentKind::Done: add(g.start_s, CueKind::SessionDone, 0); break;
  }

  // Inside: only ticks strictly inside what was played, and only near [lo_s, hi_s].
  const double from_offset_s = std::max(0.0, lo_s - g.start_s) - 1.0;
  const double to_offset_s = std::min(g.duration_s, hi_s - g.start_s) + 1.0;
  if (g.kind == SegmentKind::Hold && timed) {
    // Counting up: a tick each whole second held; the last three say the seconds left.
    const int first = std::max(1, static_cast<int>(std::floor(from_offset_s)));
    for (int k = first; k < g.planned_s - kEps && k <= to_offset_s; ++k) {
      const double time_s = g.start_s + k;
      if (time_s >= end_s) break;
      const int left = whole_up(g.planned_s - k);
      add(time_s, left <= kLastThree ? CueKind::LastThree : CueKind::HoldSecond, left <= kLastThree ? left : k);
    }
  } else if (g.kind == SegmentKind::Hold || is_countdown(g.kind)) {
    // Counting down: a tick whenever the whole seconds left change (each second for a
    // hold, only the last three for a countdown).
    const int top = g.kind == SegmentKind::Hold ? whole_s - 1 : std::min(whole_s - 1, kLastThree);
    const int high = std::min(top, static_cast<int>(std::floor(g.planned_s - from_offset_s)) + 1);
    for (int left = high; left >= 1; --left) {
      const double offset_s = g.planned_s - left;
      if (offset_s > to_offset_s) break;
      const double time_s = g.start_s + offset_s;
      if (time_s >= end_s) break;
      add(time_s, left <= kLastThree ? CueKind::LastThree : CueKind::HoldSecond, left);
    }
  }

  // At the end, when the segment completes something.
  if (g.ends_rep) add(end_s, CueKind::RepDone, g.rep);
  if (g.ends_set) add(end_s, CueKind::SetDone, g.set);
  if (g.ends_item) add(end_s, CueKind::ExerciseDone, 0);
}

// Whether the item of segment g is timed; the timeline alone does not say, so a timed
// bout is recognised by its Hold having rep 0 (rep holds are numbered from 1).
bool timed_hold(const Segment& g) { return g.kind == SegmentKind::Hold && g.rep == 0; }

}  // namespace

std::string_view cue_caption(CueKind kind) {
  switch (kind) {
    case CueKind::GetReady: return kCaptionGetReady;
    case CueKind::Move: return kCaptionMove;
    case CueKind::HoldStart: return kCaptionHold;
    case CueKind::HoldSecond: return kCaptionCount;
    case CueKind::LastThree: return kCaptionLastThree;
    case CueKind::Release: return kCaptionRelease;
    case CueKind::RepDone: return kCaptionRepDone;
    case CueKind::Rest: return kCaptionRest;
    case CueKind::SwitchSide: return kCaptionSwitchSide;
    case CueKind::SetDone: return kCaptionSetDone;
    case CueKind::ExerciseDone: return kCaptionExerciseDone;
    case CueKind::UpNext: return kCaptionUpNext;
    case CueKind::SessionDone: return kCaptionSessionDone;
  }
  return kCaptionCount;
}

std::vector<Cue> timeline_cues(const Timeline& timeline) {
  std::vector<Cue> out;
  const double inf = std::numeric_limits<double>::infinity();
  for (const Segment& g : timeline.segments) segment_cues(g, timed_hold(g), -inf, inf, out);
  return out;
}

std::vector<Cue> cues_between(const SessionState& state, double from_s, double to_s) {
  std::vector<Cue> out;
  if (state.paused || !(from_s < to_s)) return out;
  const Timeline& tl = state.timeline;
  // The session-time span to look at, widened a little; the wall-time test below is exact.
  const double lo_s = std::max(state.anchor_session_s, state.anchor_session_s + (from_s - state.anchor_wall_s));
  const double hi_s = state.anchor_session_s + (to_s - state.anchor_wall_s);
  if (hi_s + kMarginS < lo_s) return out;
  size_t k = segment_at(tl, lo_s - kMarginS);
  if (k > 0) --k;  // its end cues sit at the start of the next one
  std::vector<Cue> found;
  for (; k < tl.segments.size() && tl.segments[k].start_s <= hi_s + kMarginS; ++k) {
    const Segment& g = tl.segments[k];
    found.clear();
    segment_cues(g, timed_hold(g), lo_s - kMarginS, hi_s + kMarginS, found);
    for (Cue c : found) {
      if (c.time_s < state.anchor_session_s) continue;  // before the last action: history
      c.time_s = session_wall_time(state, c.time_s);
      if (c.time_s >= from_s && c.time_s < to_s) out.push_back(c);
    }
  }
  return out;
}

}  // namespace sb
