// cue_output: where a session's cues leave the app. Sounds are scheduled ahead on the Web
// Audio clock (so they land on time even when frames drop); captions go on screen and to
// the aria-live region, spoken words to speech synthesis, and taps to the vibration motor,
// each when its moment passes.
#pragma once

#include <string>

#include "core/content.h"
#include "core/cue.h"
#include "core/session.h"
#include "core/strings.h"

namespace sb {

struct CueOutput {
  double scheduled_until_s = 0.0;  // wall time up to which sounds are scheduled
  double captioned_until_s = 0.0;  // wall time up to which captions were shown and spoken
  int revision = -1;               // session revision the schedule belongs to
  std::string caption;             // the latest instruction (not bare counts), for the screen
  bool speech = true;              // speak cues where a voice exists
  bool vibration = true;           // vibrate on phase changes where supported
};

// Between captions that are announced together.
constexpr const char* kAnnouncementSeparator = " \xE2\x80\x94 ";

// How far ahead sounds are scheduled: longer than any stall of the main loop we expect.
constexpr double kCueLookaheadS = 1.5;

// Starts output for a session beginning at now_s.
void cue_output_start(CueOutput& out, double now_s);

// Brings sounds, captions, speech and vibration up to now_s; call every frame of a session.
void cue_output_update(CueOutput& out, const SessionState& state, const Content& content, const Strings& strings,
                       double now_s);

// Stops everything still scheduled (end of session, leaving the player).
void cue_output_stop(CueOutput& out, double now_s);

// The words of a cue for captions, e.g. "Hold 5" or "Switch to the right side".
std::string cue_caption_text(const Cue& cue, const SessionState& state, const Strings& strings);

}  // namespace sb
