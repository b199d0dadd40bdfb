// clinic_state: the running app's side of clinic.json (web/embed.js fetches it): reading
// it once it arrives, fetching and decoding the clinic's logo (stb_image) into a WebGL
// texture, and the embedding page's messages. core/clinic.h does the checking.
#pragma once

#include <string>

#include "core/clinic.h"
#include "core/content.h"

namespace sb {

struct ClinicState {
  bool resolved = false;   // clinic.json was answered (present or not) and read
  ClinicLoad load;         // what it said; load.used says whether load.clinic applies
  bool logo_asked = false;
  bool logo_done = false;  // the logo was decoded, or given up on (warned)
  unsigned logo_texture = 0;       // GL texture of the logo; 0 = none
  int logo_w_px = 0, logo_h_px = 0;  // its size in pixels
  bool ready_posted = false;
};

// Reads clinic.json once web/embed.js has it (warning in the console about any problem),
// and later the logo. True when something changed that the screens show.
bool clinic_poll(ClinicState& state, const Content& content);

// The clinic's settings when its file is in use, else nullptr.
const ClinicConfig* clinic_in_use(const ClinicState& state);

// True when the app runs in embed mode (inside a frame, or with ?embed=1).
bool embed_mode();
// Hands the allowed origins and the completion flag to web/embed.js.
void embed_configure(const ClinicState& state);
// Posts "ready" to an allowed embedding page (once).
void embed_ready(ClinicState& state);
// Tells an allowed embedding page that a session started or was completed (only when the
// clinic enabled it; web/embed.js checks). fields_json: the message's other fields.
void embed_session(const char* type, const std::string& fields_json);

}  // namespace sb
