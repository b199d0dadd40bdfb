// cue_output: cue sounds, captions, speech and vibration.
#include "platform/cue_output.h"

#include <algorithm>
#include <cstdio>

#include "core/json.h"

#include "platform/page.h"

namespace sb {

namespace {

const char* sound_name(CueKind kind) {
  switch (kind) {
    case CueKind::GetReady: return "get_ready";
    case CueKind::Move: return "move";
    case CueKind::HoldStart: return "hold_start";
    case CueKind::HoldSecond: return "hold_second";
    case CueKind::LastThree: return "last_three";
    case CueKind::Release: return "release";
    case CueKind::RepDone: return "rep_done";
    case CueKind::Rest: return "rest";
    case CueKind::SwitchSide: return "switch_side";
    case CueKind::SetDone: return "set_done";
    case CueKind::ExerciseDone: return "exercise_done";
    case CueKind::UpNext: return "up_next";
    case CueKind::SessionDone: return "session_done";
  }
  return "";
}

const SessionItem* item_of(const SessionState& state, int item) {
  if (item < 0 || item >= static_cast<int>(state.plan.items.size())) return nullptr;
  return &state.plan.items[static_cast<size_t>(item)];
}

// Lists the cues still to come (wall times in ms) on the page, for tests and diagnostics.
void publish_cues(const SessionState& state, const Strings& strings) {
  std::string json = "[";
  char buf[64];
  for (const Cue& cue : cues_between(state, state.anchor_wall_s, 1e12)) {
    if (json.size() > 1) json += ',';
    std::snprintf(buf, sizeof buf, "{\"t\":%.3f,\"kind\":\"%s\",\"caption\":", cue.time_s * 1000.0, sound_name(cue.kind));
    json += buf;
    json_append_string(json, cue_caption_text(cue, state, strings));
    json += '}';
  }
  json += ']';
  page_set_cues(json);
}

// What to say aloud for a cue; empty for cues that only sound.
std::string spoken_text(const Cue& cue, const SessionState& state, const Content& content, const Strings& strings) {
  switch (cue.kind) {
    case CueKind::GetReady:
    case CueKind::UpNext: {
      const SessionItem* it = item_of(state, cue.item);
      if (!it) return "";
      const Exercise* e = content.find_exercise(it->exercise_id);
      std::string step = e && !e->steps.empty() ? e->steps.front() : "";
      return strings.format("speak.start", {{"name", it->name}, {"step", step}});
    }
    case CueKind::HoldStart: return strings.get("speak.hold");
    case CueKind::HoldSecond: {
      // A spoken countdown over the last five seconds of a rep's hold (3, 2, 1 come as LastThree).
      const SessionItem* it = item_of(state, cue.item);
      return it && !it->timed && cue.count <= 5 && cue.count > 3 ? std::to_string(cue.count) : "";
    }
    case CueKind::LastThree: return std::to_string(cue.count);
    case CueKind::Release: return strings.get("speak.release");
    case CueKind::SwitchSide: return strings.get("speak.switch_side");
    case CueKind::Rest: return strings.get("speak.rest");
    case CueKind::ExerciseDone: return strings.get("speak.well_done");
    case CueKind::SessionDone: return strings.get("speak.session_done");
    default: return "";
  }
}

}  // namespace

std::string cue_caption_text(const Cue& cue, const SessionState& state, const Strings& strings) {
  const SessionItem* it = item_of(state, cue.item);
  std::string side = cue.side == Side::Left ? strings.get("side.left") : cue.side == Side::Right ? strings.get("side.right") : "";
  return strings.format(cue.caption, {{"count", std::to_string(cue.count)},
                                      {"set", std::to_string(cue.set)},
                                      {"rep", std::to_string(cue.rep)},
                                      {"side", side},
                                      {"name", it ? it->name : std::string()}});
}

void cue_output_start(CueOutput& out, double now_s) {
  out.scheduled_until_s = now_s;
  out.captioned_until_s = now_s;
  out.revision = -1;
  out.caption.clear();
}

void cue_output_update(CueOutput& out, const SessionState& state, const Content& content, const Strings& strings,
                       double now_s) {
  if (state.revision != out.revision) {
    // Something changed (pause, skip, more reps...): drop what was planned from that moment.
    cue_cancel_from(state.anchor_wall_s);
    speech_cancel();
    out.scheduled_until_s = std::max(state.anchor_wall_s, std::min(out.scheduled_until_s, now_s));
    out.captioned_until_s = std::max(out.captioned_until_s, state.anchor_wall_s);
    if (out.captioned_until_s > now_s) out.captioned_until_s = now_s;
    out.revision = state.revision;
    publish_cues(state, strings);
  }
  if (state.paused) {
    out.scheduled_until_s = now_s;
    out.captioned_until_s = now_s;
    return;
  }
  // Sounds: schedule everything up to the lookahead on the audio clock.
  double horizon = now_s + kCueLookaheadS;
  if (horizon > out.scheduled_until_s) {
    for (const Cue& cue : cues_between(state, out.scheduled_until_s, horizon)) cue_schedule(sound_name(cue.kind), cue.time_s);
    out.scheduled_until_s = horizon;
  }
  // Captions, speech and vibration: as their moment passes.
  if (now_s > out.captioned_until_s) {
    // Cues that fall in the same frame are said as one announcement, or a screen reader
    // would hear only the last of them.
    std::string announcement;
    for (const Cue& cue : cues_between(state, out.captioned_until_s, now_s)) {
      std::string text = cue_caption_text(cue, state, strings);
      if (!announcement.empty()) announcement += kAnnouncementSeparator;
      announcement += text;
      // The on-screen caption keeps the last instruction; bare counts are the big number already.
      if (cue.kind != CueKind::HoldSecond && cue.kind != CueKind::LastThree) out.caption = std::move(text);
      if (out.speech) {
        std::string words = spoken_text(cue, state, content, strings);
        if (!words.empty()) speech_say(words);
      }
      if (out.vibration && (cue.kind == CueKind::HoldStart || cue.kind == CueKind::SwitchSide ||
                            cue.kind == CueKind::SessionDone)) {
        vibrate(cue.kind == CueKind::SessionDone ? 400 : 120);
      }
    }
    if (!announcement.empty()) page_announce(announcement);
    out.captioned_until_s = now_s;
  }
}

void cue_output_stop(CueOutput& out, double now_s) {
  cue_cancel_from(now_s);
  speech_cancel();
  out.scheduled_until_s = now_s;
  out.captioned_until_s = now_s;
}

}  // namespace sb
