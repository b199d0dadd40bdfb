// clinic: the hosting clinic's own settings, read from the clinic.json it places beside
// index.html: its name, brand colours, logo file, contact line, default programme and pain
// limit, the web pages allowed to embed the player, and whether those pages are told when a
// session is completed. The file is outside input: every field is checked and capped, and a
// file with any error is not used at all (the app shows its neutral brand). Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/diagnostic.h"
#include "core/palette.h"
#include "core/prescription.h"

namespace sb {

// ---- limits ------------------------------------------------------------------------------------

constexpr size_t kClinicFileMaxBytes = 16 * 1024;  // larger files are refused unread
constexpr int kClinicNameMaxChars = 60;
constexpr int kClinicContactMaxChars = 140;
constexpr int kClinicLogoNameMaxChars = 80;
constexpr int kClinicOriginsMax = 16;
constexpr int kClinicOriginMaxChars = 200;
constexpr size_t kClinicLogoMaxBytes = 512 * 1024;  // the logo file, checked before decoding
constexpr int kClinicLogoMaxSidePx = 1024;           // the decoded logo, either side

// ---- the file ------------------------------------------------------------------------------------

struct ClinicConfig {
  std::string name;                // shown on the Welcome and Today screens; "" = none
  std::string contact;             // one line, shown at the foot of Today; "" = none
  bool has_primary = false;        // colours.primary was given
  Rgba primary;                    // main action fill
  bool has_accent = false;         // colours.accent was given
  Rgba accent;                     // highlights and detail lines
  std::string logo;                // a PNG or JPEG file name beside index.html; "" = none
  std::string default_programme;   // a programme id of the content; "" = none
  bool has_prescription = false;   // default_programme was a prescription link
  Prescription prescription;       // ... and this is what it holds
  int pain_threshold = -1;         // 0..kPainThresholdMax; -1 = the app's own default
  std::vector<std::string> embed_origins;  // exact origins allowed to embed and be told
  bool completion_message = false;  // tell the embedding page when a session is completed
};

struct ClinicLoad {
  bool present = false;  // there was a file to read
  bool used = false;     // it had no error, so clinic holds it; otherwise clinic is neutral
  ClinicConfig clinic;
  Diagnostics diagnostics;  // errors (the file is not used) and warnings (it is)
};

// Reads the text of clinic.json. content resolves default_programme. An empty text is an
// absent file (neutral, no diagnostics). Never throws; any problem is a diagnostic.
ClinicLoad load_clinic(std::string_view json_text, const Content& content);

// The load of a file of file_bytes bytes that is over kClinicFileMaxBytes (refused unread).
ClinicLoad clinic_too_big(size_t file_bytes);

// The one line the console should show about the file ("" when there is nothing to say):
// that it was not used and why (the first error, and how many more), or its warnings.
std::string clinic_console_line(const ClinicLoad& load);

// True for an origin written exactly as a browser writes one: "https://clinic.example",
// "http://127.0.0.2:8080" (lower case, no path, no trailing slash, no user, port 1-65535).
bool is_exact_origin(std::string_view origin);

// True when origin is one of the clinic's embedding origins (exact comparison).
bool origin_allowed(const ClinicConfig& clinic, std::string_view origin);

// True for a logo file name the app will fetch: letters, digits, '-', '_' and '.', not
// starting with '.', ending in .png, .jpg or .jpeg (any case); no folders.
bool is_logo_file_name(std::string_view name);

// ---- brand colours ----------------------------------------------------------------------------

// theme with the clinic's primary (and its hover and pressed shades) and accent colours in
// place, each moved towards the theme's text colour as little as needed for every pair of
// set that uses it to keep its contrast minimum. A colour that would have to move more than
// half way is not used (the theme's own stays). Both are reported as warnings in diags.
// The high-contrast theme is returned unchanged: the person asked for its colours.
Theme brand_theme(const ThemeSet& set, const Theme& theme, const ClinicConfig& clinic, Diagnostics& diags);

// a moved fraction t (0..1) of the way towards b.
Rgba mix(const Rgba& a, const Rgba& b, double t);

}  // namespace sb
