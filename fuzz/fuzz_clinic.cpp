// fuzz_clinic: the reader of clinic.json, the hosting clinic's file. Checked: no crash; a
// refused file leaves the neutral brand (no name, no origins, no completion message) and
// says why on one console line; a used file holds only what its caps allow (exact origins,
// a safe logo name, one-line texts), and its brand colours keep the themes' contrast.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clinic.h"
#include "core/json_read.h"
#include "fuzz_support.h"
#include "read_file.h"

namespace {

const sb::ThemeSet& themes() {
  static const sb::ThemeSet set = [] {
    std::string text;
    if (!sb_cli::read_file(STEADY_SOURCE_DIR "/assets/themes.json", text)) std::abort();
    return sb::load_themes(text).set;
  }();
  return set;
}

bool one_line(const std::string& s) { return s.find('\n') == std::string::npos && s.find('\r') == std::string::npos; }

bool theme_keeps_contrast(const sb::Theme& t) {
  for (const sb::ColourPair& p : themes().text_pairs) {
    if (sb::pair_contrast(t, p) < sb::kTextContrastMin - 1e-9) return false;
  }
  for (const sb::ColourPair& p : themes().graphic_pairs) {
    if (sb::pair_contrast(t, p) < sb::kGraphicContrastMin - 1e-9) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const sb::ClinicLoad load = sb::load_clinic(text, sb_fuzz::shipped_content());
  const std::string line = sb::clinic_console_line(load);
  sb_fuzz::expect(one_line(line), "the console line is one line");
  if (!load.used) {
    sb_fuzz::expect(load.clinic.name.empty() && load.clinic.embed_origins.empty() && !load.clinic.completion_message,
                    "a refused file leaves the neutral brand");
    sb_fuzz::expect(size == 0 || !line.empty(), "a refused file says why");
    return 0;
  }
  const sb::ClinicConfig& c = load.clinic;
  sb_fuzz::expect(sb::utf8_length(c.name) <= sb::kClinicNameMaxChars && one_line(c.name), "the name is capped");
  sb_fuzz::expect(sb::utf8_length(c.contact) <= sb::kClinicContactMaxChars && one_line(c.contact), "the contact is capped");
  sb_fuzz::expect(c.logo.empty() || sb::is_logo_file_name(c.logo), "the logo name is safe");
  sb_fuzz::expect(c.embed_origins.size() <= static_cast<size_t>(sb::kClinicOriginsMax), "origins are capped");
  for (const std::string& o : c.embed_origins) sb_fuzz::expect(sb::is_exact_origin(o), "every origin is exact");
  sb_fuzz::expect(c.pain_threshold >= -1 && c.pain_threshold <= 10, "the pain limit is in range");
  for (const sb::Theme& t : themes().themes) {
    sb::Diagnostics diags;
    sb_fuzz::expect(theme_keeps_contrast(sb::brand_theme(themes(), t, c, diags)), "brand colours keep contrast");
  }
  return 0;
}
