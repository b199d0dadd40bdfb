// session: building the timeline, applying actions, and the view at a moment.
//
// Every change to what lies ahead (AddRep, RemoveRep, SetTempo, Next, Previous, Restart,
// Stop) works the same way: build the whole plan afresh with the current reps and tempo, keep
// the timeline up to now, and append the part of the fresh build that comes after the
// current position. Positions are compared by a key (item, set, side, rep, phase) that grows
// along every fresh build, so "what comes after" is exact whatever changed.
//
// [SECTION] building
// [SECTION] keys and rebuilding
// [SECTION] actions
// [SECTION] records and view
#include "core/session.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <climits>
#include <cmath>

namespace sb {

namespace {

constexpr double kEps = 1e-9;             // slack for whole-second counts of durations in seconds
constexpr double kSegmentMaxS = 86400.0;  // longer figures are bad data; keeps counts in int range

using RepsTable = std::vector<std::vector<int>>;

double clean_s(double seconds) {
  return std::isfinite(seconds) && seconds > 0.0 ? std::min(seconds, kSegmentMaxS) : 0.0;
}

int item_sets(const SessionItem& item) { return std::clamp(item.sets, 1, kSessionSetsMax); }

bool is_rep_phase(SegmentKind kind) {
  return kind == SegmentKind::MoveIn || kind == SegmentKind::Hold || kind == SegmentKind::MoveOut;
}

// ---- [SECTION] building ------------------------------------------------------------------

RepsTable plan_reps(const SessionPlan& plan) {
  RepsTable reps;
  for (const SessionItem& item : plan.items) {
    reps.emplace_back(static_cast<size_t>(item_sets(item)), std::clamp(item.reps, 1, kSessionRepsMax));
  }
  return reps;
}

// The fresh timeline of the whole plan, starting at session time 0.
std::vector<Segment> build_segments(const SessionPlan& plan, const RepsTable& reps, double tempo) {
  std::vector<Segment> out;
  double t = 0.0;
  auto add = [&](SegmentKind kind, int item, int set, int rep, Side side, double seconds) {
    seconds = clean_s(seconds);
    if (seconds <= 0.0 && kind != SegmentKind::Done) return;
    Segment g;
    g.kind = kind;
    g.item = item;
    g.set = set;
    g.rep = rep;
    g.side = side;
    g.start_s = t;
    g.duration_s = seconds;
    g.planned_s = seconds;
    out.push_back(g);
    t += seconds;
  };
  // Marks the last segment if it is a movement of this item and set (a part may be empty).
  auto last_move = [&](int item, int set) -> Segment* {
    if (out.empty()) return nullptr;
    Segment& g = out.back();
    return is_rep_phase(g.kind) && g.item == item && g.set == set ? &g : nullptr;
  };

  const int n = static_cast<int>(plan.items.size());
  for (int i = 0; i < n; ++i) {
    const SessionItem& it = plan.items[i];
    if (i == 0) {
      add(SegmentKind::GetReady, i, 0, 0, Side::None, plan.get_ready_s);
    } else {
      add(SegmentKind::UpNext, i, 0, 0, Side::None, plan.between_exercises_s);
    }
    const int sets = item_sets(it);
    for (int s = 1; s <= sets; ++s) {
      if (s > 1) {
        if (it.per_side && clean_s(it.rest_set_s) <= 0.0) {
          add(SegmentKind::SwitchSides, i, s, 0, Side::Left, plan.switch_sides_s);  // right -> left
        } else {
          add(SegmentKind::RestSet, i, s - 1, 0, Side::None, it.rest_set_s);
        }
      }
      const Side sides[2] = {it.per_side ? Side::Left : Side::None, Side::Right};
      for (int k = 0; k < (it.per_side ? 2 : 1); ++k) {
        const Side side = sides[k];
        if (side == Side::Right) add(SegmentKind::SwitchSides, i, s, 0, Side::Right, plan.switch_sides_s);
        const int rep_count = it.timed ? 1 : reps[i][s - 1];
        for (int r = 1; r <= rep_count; ++r) {
          const int rep = it.timed ? 0 : r;
          if (r > 1) add(SegmentKind::RestRep, i, s, r - 1, side, it.rest_rep_s);
          const size_t before = out.size();
          add(SegmentKind::MoveIn, i, s, rep, side, clean_s(it.move_in_s) * tempo);
          add(SegmentKind::Hold, i, s, rep, side, it.hold_s);
          add(SegmentKind::MoveOut, i, s, rep, side, clean_s(it.move_out_s) * tempo);
          if (!it.timed && out.size() > before) out.back().ends_rep = true;
        }
      }
      if (Segment* g = last_move(i, s)) g->ends_set = true;
    }
    if (Segment* g = last_move(i, sets)) g->ends_item = true;
  }
  add(SegmentKind::Done, -1, 0, 0, Side::None, 0.0);
  return out;
}

// ---- [SECTION] keys and rebuilding -------------------------------------------------------

using SegKey = std::array<int, 5>;  // item, set, side rank, rep, phase: grows along a fresh build

SegKey key_of(const Segment& g) {
  switch (g.kind) {
    case SegmentKind::GetReady:
    case SegmentKind::UpNext: return {g.item, 0, 0, 0, 0};
    case SegmentKind::Done: return {INT_MAX, 0, 0, 0, 0};
    case SegmentKind::RestSet: return {g.item, g.set, 3, 0, 0};
    case SegmentKind::SwitchSides:
      return g.side == Side::Left ? SegKey{g.item, g.set, 0, 0, 0} : SegKey{g.item, g.set, 2, 0, 0};
    case SegmentKind::MoveIn:
    case SegmentKind::Hold:
    case SegmentKind::MoveOut:
    case SegmentKind::RestRep: break;
  }
  const int side_rank = g.side == Side::Right ? 2 : 1;
  const int phase = g.kind == SegmentKind::MoveIn ? 1
                    : g.kind == SegmentKind::Hold ? 2
                    : g.kind == SegmentKind::MoveOut ? 3 : 4;
  return {g.item, g.set, side_rank, g.rep, phase};
}

SegKey item_start_key(int item, int item_count) {
  return item >= item_count ? SegKey{INT_MAX, 0, 0, 0, 0} : SegKey{item, 0, 0, 0, 0};
}

// Index of the first fresh segment with key >= key (or > key when strict).
size_t first_from(const std::vector<Segment>& fresh, const SegKey& key, bool strict) {
  auto it = std::partition_point(fresh.begin(), fresh.end(), [&](const Segment& g) {
    return strict ? key_of(g) <= key : key_of(g) < key;
  });
  return static_cast<size_t>(it - fresh.begin());
}

std::vector<Segment> fresh_build(const SessionState& s) {
  return build_segments(s.plan, s.set_reps, s.tempo);
}

// Appends fresh[from..] after the kept timeline, back to back. new_run: the first appended
// segment starts a new run of its exercise (a jump) rather than continuing the last one.
void append_fresh(SessionState& s, const std::vector<Segment>& fresh, size_t from, bool new_run) {
  std::vector<Segment>& segs = s.timeline.segments;
  double t = segs.empty() ? 0.0 : segs.back().start_s + segs.back().duration_s;
  int item = segs.empty() ? -1 : segs.back().item;
  int run = segs.empty() ? -1 : segs.back().run;
  for (size_t j = from; j < fresh.size(); ++j) {
    Segment g = fresh[j];
    if ((j == from && new_run) || g.item != item) run = s.next_run++;
    item = g.item;
    g.run = g.kind == SegmentKind::Done ? -1 : run;
    g.start_s = t;
    t += g.duration_s;
    segs.push_back(g);
  }
  s.timeline.total_s = segs.back().start_s;
}

// Cuts segment k at session time t, and drops everything after it. A segment of which
// nothing was played is dropped too, except when stopped: it stays, zero long, so the
// record of its exercise still says "stopped".
void cut_at(SessionState& s, size_t k, double t, SegmentEnd why) {
  std::vector<Segment>& segs = s.timeline.segments;
  segs.resize(k + 1);
  Segment& g = segs[k];
  const double played_s = t - g.start_s;
  if (played_s <= 0.0 && why != SegmentEnd::Stopped) {
    segs.pop_back();
    return;
  }
  g.duration_s = std::clamp(played_s, 0.0, g.duration_s);
  g.end = why;
  g.ends_rep = g.ends_set = g.ends_item = false;
}

// Jumps from segment k at session time t to the start of item target (Done past the last).
// Session time carries on from where the cut segment ended (t, up to rounding).
void jump_to_item(SessionState& s, size_t k, double t, int target, SegmentEnd why) {
  cut_at(s, k, t, why);
  const size_t kept = s.timeline.segments.size();
  const std::vector<Segment> fresh = fresh_build(s);
  const int n = static_cast<int>(s.plan.items.size());
  append_fresh(s, fresh, first_from(fresh, item_start_key(target, n), false), true);
  s.anchor_session_s = s.timeline.segments[kept].start_s;
}

// Rebuilds what comes after the current segment k (at session time t) with the current reps
// and tempo. If the current segment no longer exists (a rest after what became the last
// rep), it is cut at t and takes over the end-of-set flags of the rep before it.
void rebuild_after(SessionState& s, size_t k, double t) {
  const std::vector<Segment> fresh = fresh_build(s);
  std::vector<Segment>& segs = s.timeline.segments;
  const SegKey key = key_of(segs[k]);
  const size_t j = first_from(fresh, key, true);
  const bool still_there = j > 0 && key_of(fresh[j - 1]) == key;
  if (still_there) {
    segs.resize(k + 1);
    segs[k].ends_rep = fresh[j - 1].ends_rep;
    segs[k].ends_set = fresh[j - 1].ends_set;
    segs[k].ends_item = fresh[j - 1].ends_item;
  } else {
    assert(j > 0);
    const Segment& last_rep = fresh[j - 1];
    cut_at(s, k, t, SegmentEnd::Shortened);
    Segment& g = segs.back();  // the cut rest, or the rep's last movement if none was played
    g.ends_set = last_rep.ends_set;
    g.ends_item = last_rep.ends_item;
  }
  const size_t kept = segs.size();
  append_fresh(s, fresh, j, false);
  if (!still_there) s.anchor_session_s = segs[kept].start_s;
}

// ---- [SECTION] actions -------------------------------------------------------------------

// Session time at which the run of segment k began.
double run_start_s(const Timeline& tl, size_t k) {
  size_t first = k;
  while (first > 0 && tl.segments[first - 1].run == tl.segments[k].run) --first;
  return tl.segments[first].start_s;
}

bool reps_editable_at(const SessionState& s, const Segment& g) {
  if (g.item < 0 || s.plan.items[g.item].timed) return false;
  return is_rep_phase(g.kind) || g.kind == SegmentKind::RestRep || g.kind == SegmentKind::SwitchSides;
}

}  // namespace

// ---- public: timeline --------------------------------------------------------------------

Timeline build_timeline(const SessionPlan& plan) {
  Timeline tl;
  tl.segments = build_segments(plan, plan_reps(plan), 1.0);
  int run = -1;
  int item = -2;
  for (Segment& g : tl.segments) {
    if (g.item != item) ++run;
    item = g.item;
    g.run = g.kind == SegmentKind::Done ? -1 : run;
  }
  tl.total_s = tl.segments.back().start_s;
  return tl;
}

size_t segment_at(const Timeline& timeline, double session_s) {
  const std::vector<Segment>& segs = timeline.segments;
  auto it = std::upper_bound(segs.begin(), segs.end(), session_s,
                             [](double t, const Segment& g) { return t < g.start_s; });
  return it == segs.begin() ? 0 : static_cast<size_t>(it - segs.begin()) - 1;
}

// ---- public: player ----------------------------------------------------------------------

SessionState session_start(const SessionPlan& plan, double now_s) {
  SessionState s;
  s.plan = plan;
  s.set_reps = plan_reps(plan);
  s.timeline = build_timeline(plan);
  s.next_run = static_cast<int>(plan.items.size());  // build_timeline numbers the runs 0..n-1
  s.anchor_wall_s = now_s;
  s.anchor_session_s = 0.0;
  s.pain_0_10.assign(plan.items.size(), -1);
  return s;
}

double session_time(const SessionState& state, double now_s) {
  double t = state.anchor_session_s;
  if (!state.paused && now_s > state.anchor_wall_s) t += now_s - state.anchor_wall_s;
  return std::min(t, state.timeline.total_s);
}

double session_wall_time(const SessionState& state, double session_s) {
  return state.anchor_wall_s + (session_s - state.anchor_session_s);
}

void session_apply(SessionState& s, const Action& a) {
  const double now_s = std::max(a.now_s, s.anchor_wall_s);  // never back in time
  const double t = session_time(s, now_s);
  const size_t k = segment_at(s.timeline, t);
  const Segment cur = s.timeline.segments[k];
  const bool finished = cur.kind == SegmentKind::Done;
  const int n = static_cast<int>(s.plan.items.size());
  // Moves the clock's anchors to now; only done by actions that change something, so an
  // ignored action leaves every wall time of the state bit for bit as it was.
  auto rebase = [&] {
    s.anchor_wall_s = now_s;
    s.anchor_session_s = t;
  };

  switch (a.kind) {
    case ActionKind::Pause:
      if (s.paused || finished) return;
      rebase();
      s.paused = true;
      s.pause_reason = a.automatic ? PauseReason::Automatic : PauseReason::User;
      break;
    case ActionKind::Resume:
      if (!s.paused) return;
      rebase();
      s.paused = false;
      s.pause_reason = PauseReason::None;
      s.pain_item = -1;
      break;
    case ActionKind::Next:
      if (finished) return;
      rebase();
      jump_to_item(s, k, t, cur.item + 1, SegmentEnd::Skipped);
      break;
    case ActionKind::Previous: {
      if (n == 0) return;
      int target = n - 1;
      if (!finished) {
        const bool restart = t - run_start_s(s.timeline, k) > kPreviousRestartS;
        target = restart ? cur.item : std::max(cur.item - 1, 0);
      }
      rebase();
      jump_to_item(s, k, t, target, SegmentEnd::Skipped);
      break;
    }
    case ActionKind::RestartExercise:
      if (finished) return;
      rebase();
      jump_to_item(s, k, t, cur.item, SegmentEnd::Skipped);
      break;
    case ActionKind::Stop:
      if (finished) return;
      rebase();
      jump_to_item(s, k, t, cur.item + 1, SegmentEnd::Stopped);
      s.pain_item = cur.item;
      s.paused = true;
      s.pause_reason = PauseReason::Stop;
      break;
    case ActionKind::AddRep:
    case ActionKind::RemoveRep: {
      if (!reps_editable_at(s, cur)) return;
      int& reps = s.set_reps[cur.item][cur.set - 1];
      int wanted = reps;
      if (a.kind == ActionKind::AddRep) {
        wanted = std::min(reps + 1, kSessionRepsMax);
      } else {
        // The rep in progress (or the one just done, in its rest) always stays.
        const int min_reps = cur.kind == SegmentKind::SwitchSides ? 1 : std::max(1, cur.rep);
        wanted = std::max(reps - 1, min_reps);
      }
      if (wanted == reps) return;
      reps = wanted;
      rebase();
      rebuild_after(s, k, t);
      break;
    }
    case ActionKind::SetTempo: {
      if (!std::isfinite(a.tempo) || a.tempo <= 0.0) return;
      const double tempo = std::clamp(a.tempo, kTempoMin, kTempoMax);
      if (tempo == s.tempo) return;
      s.tempo = tempo;
      rebase();
      if (!finished) rebuild_after(s, k, t);
      break;
    }
    case ActionKind::RatePain:
      if (s.pain_item < 0) return;
      s.pain_0_10[s.pain_item] = std::clamp(a.pain_0_10, 0, 10);
      s.pain_item = -1;
      break;
  }
  ++s.revision;
}

// ---- [SECTION] records and view ----------------------------------------------------------

std::vector<ItemRecord> session_records(const SessionState& s, double now_s) {
  const int n = static_cast<int>(s.plan.items.size());
  const double t = session_time(s, now_s);
  const std::vector<Segment>& segs = s.timeline.segments;
  const int live_run = segs[segment_at(s.timeline, t)].run;

  std::vector<ItemRecord> records(n);
  struct Attempt {
    int run = -1;
    ItemRecord rec;
    bool worked = false, stopped = false, completed = false;
  };
  std::vector<Attempt> open(n);
  auto close = [&](int i) {
    Attempt& a = open[i];
    if (a.run < 0) return;
    const bool live = a.run == live_run;
    a.rec.outcome = live ? ItemOutcome::InProgress
                    : a.completed ? ItemOutcome::Completed
                    : a.stopped ? ItemOutcome::Stopped : ItemOutcome::Skipped;
    if (a.worked || a.stopped || a.completed || records[i].outcome == ItemOutcome::NotReached) {
      records[i] = a.rec;
    }
    a = Attempt{};
  };
  for (int i = 0; i < n; ++i) records[i].sets.resize(static_cast<size_t>(item_sets(s.plan.items[i])));

  for (const Segment& g : segs) {
    if (g.start_s > t) break;
    if (g.item < 0) continue;
    Attempt& a = open[g.item];
    if (g.run != a.run) {
      close(g.item);
      a.run = g.run;
      a.rec.sets.resize(static_cast<size_t>(item_sets(s.plan.items[g.item])));
    }
    const double end_s = g.start_s + g.duration_s;
    const bool ended = t >= end_s;
    SetRecord* set = g.set >= 1 && g.set <= static_cast<int>(a.rec.sets.size()) ? &a.rec.sets[g.set - 1] : nullptr;
    if (g.kind == SegmentKind::Hold && set) {
      const double held_s = std::min(t, end_s) - g.start_s;
      set->hold_done_s += held_s;
      a.rec.hold_done_s += held_s;
      a.worked = a.worked || held_s > 0.0;
    }
    if (ended && set && g.ends_rep) {
      ++(g.side == Side::Right ? set->reps_done_right : set->reps_done);
      a.worked = true;
    }
    if (ended && set && g.ends_set) set->done = true;
    if (ended && g.ends_item) a.completed = true;
    if (g.end == SegmentEnd::Stopped) a.stopped = true;
  }
  for (int i = 0; i < n; ++i) {
    close(i);
    records[i].pain_0_10 = s.pain_0_10[i];
  }
  return records;
}

SessionView session_view(const SessionState& s, double now_s) {
  SessionView v;
  const double t = session_time(s, now_s);
  const Segment& g = s.timeline.segments[segment_at(s.timeline, t)];
  const int n = static_cast<int>(s.plan.items.size());
  v.kind = g.kind;
  v.item = g.item;
  v.set = g.set;
  v.rep = g.rep;
  v.side = g.side;
  v.session_s = t;
  v.session_left_s = s.timeline.total_s - t;
  v.paused = s.paused;
  v.pause_reason = s.pause_reason;
  v.finished = g.kind == SegmentKind::Done;
  v.pain_item = s.pain_item;
  v.tempo = s.tempo;
  v.reps_editable = !v.finished && reps_editable_at(s, g);
  v.records = session_records(s, now_s);
  if (v.finished) {
    v.progress = 1.0;
    return v;
  }
  const SessionItem& item = s.plan.items[g.item];
  v.sets = item_sets(item);
  v.reps = item.timed ? 0 : s.set_reps[g.item][std::max(g.set, 1) - 1];
  v.next_item = g.item + 1 < n ? g.item + 1 : -1;
  const double elapsed_s = t - g.start_s;
  v.segment_left_s = std::max(0.0, g.duration_s - elapsed_s);
  v.progress = std::clamp(elapsed_s / g.duration_s, 0.0, 1.0);
  switch (g.kind) {
    case SegmentKind::MoveIn:
    case SegmentKind::MoveOut: v.count = g.rep; break;
    case SegmentKind::Hold:
      v.count = item.timed ? static_cast<int>(std::floor(elapsed_s + kEps))
                           : static_cast<int>(std::ceil(v.segment_left_s - kEps));
      break;
    default: v.count = static_cast<int>(std::ceil(v.segment_left_s - kEps)); break;
  }
  return v;
}

}  // namespace sb
