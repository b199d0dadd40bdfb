// clinic: reading clinic.json, checking origins and logo names, and fitting brand colours
// into a theme without losing contrast.
#include "core/clinic.h"

#include <cmath>
#include <cstdio>

#include "core/json.h"
#include "core/json_read.h"
#include "core/pain_rules.h"

namespace sb {

namespace {

constexpr const char* kFile = "clinic.json";

// ---- [SECTION] small checks ------------------------------------------------------------------

bool has_control_character(std::string_view text) {
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return true;
  }
  return false;
}

bool lower_host_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

bool ends_with_lower(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = text[text.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

std::string hex_text(const Rgba& c) {
  auto channel = [](double v) { return static_cast<int>(std::lround(std::fmin(1.0, std::fmax(0.0, v)) * 255.0)); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
  return buf;
}

// ---- [SECTION] reading the file ------------------------------------------------------------------

// A one-line text of at most max_chars characters without control characters.
bool read_line(const JsonFields& f, std::string_view name, std::string& out, int max_chars) {
  std::string text;
  if (!f.text(name, Need::Optional, text, max_chars)) return false;
  if (has_control_character(text)) {
    const JsonValue* v = f.get(name, Need::Optional);
    f.sink().error(v->pos, f.key(name), "must be one line of text, without tabs or line breaks");
    return false;
  }
  out = std::move(text);
  return true;
}

void read_colours(const JsonFields& f, ClinicConfig& c) {
  const JsonValue* v = f.get("colours", Need::Optional);
  if (!v || !expect_type(f.sink(), *v, JsonValue::Type::Object, f.key("colours"))) return;
  JsonFields colours(f.sink(), *v, f.key("colours"), {"primary", "accent"});
  struct Slot {
    const char* name;
    bool* has;
    Rgba* colour;
  };
  for (const Slot& s : {Slot{"primary", &c.has_primary, &c.primary}, Slot{"accent", &c.has_accent, &c.accent}}) {
    const JsonValue* cv = colours.get(s.name, Need::Optional);
    if (!cv) continue;
    Rgba rgba;
    if (!cv->is_string() || cv->text.size() != 7 || !parse_hex_colour(cv->text, rgba)) {
      f.sink().error(cv->pos, colours.key(s.name), "must be a colour written \"#rrggbb\", e.g. \"#2a5d8f\"");
      continue;
    }
    *s.has = true;
    *s.colour = rgba;
  }
}

void read_logo(const JsonFields& f, ClinicConfig& c) {
  std::string name;
  if (!f.text("logo", Need::Optional, name, kClinicLogoNameMaxChars)) return;
  if (!is_logo_file_name(name)) {
    f.sink().error(f.get("logo", Need::Optional)->pos, f.key("logo"),
                   "must be the name of a .png or .jpg file beside index.html, e.g. \"logo.png\" (letters, digits, "
                   "'-', '_' and '.' only, no folders)");
    return;
  }
  c.logo = std::move(name);
}

void read_default_programme(const JsonFields& f, const Content& content, ClinicConfig& c) {
  std::string value;
  if (!f.text("default_programme", Need::Optional, value, static_cast<int>(kRxInputMaxBytes))) return;
  const JsonValue* v = f.get("default_programme", Need::Optional);
  if (content.find_programme(value)) {
    c.default_programme = std::move(value);
    return;
  }
  if (value.find("rx=") == std::string::npos && value.rfind("1.", 0) != 0) {
    f.sink().error(v->pos, f.key("default_programme"),
                   "no programme has the id " + quoted(value) + " (use a programme id or a prescription link)");
    return;
  }
  PrescriptionDecode d = decode_prescription(value, content);
  if (!d.ok()) {
    f.sink().error(v->pos, f.key("default_programme"),
                   "the prescription link cannot be opened: " + std::string(to_string(d.error)) +
                       (d.detail.empty() ? "" : " (" + d.detail + ")"));
    return;
  }
  c.has_prescription = true;
  c.prescription = std::move(d.prescription);
}

void read_origins(const JsonFields& f, ClinicConfig& c) {
  const JsonValue* list = f.get("embed_origins", Need::Optional);
  if (!list || !expect_type(f.sink(), *list, JsonValue::Type::Array, f.key("embed_origins"))) return;
  if (list->items.size() > static_cast<size_t>(kClinicOriginsMax)) {
    f.sink().error(list->pos, f.key("embed_origins"),
                   "lists " + std::to_string(list->items.size()) + " origins; at most " +
                       std::to_string(kClinicOriginsMax) + " are allowed");
    return;
  }
  for (size_t i = 0; i < list->items.size(); ++i) {
    const JsonValue& v = list->items[i];
    const std::string key = item_key(f.key("embed_origins"), std::to_string(i));
    std::string origin;
    if (!read_text(f.sink(), v, key, origin, kClinicOriginMaxChars)) continue;
    if (origin == "*") {
      f.sink().error(v.pos, key, "\"*\" would tell any website; list each allowed origin exactly");
      continue;
    }
    if (!is_exact_origin(origin)) {
      f.sink().error(v.pos, key,
                     quoted(origin) + " is not an origin as a browser writes it: scheme, host and port only, in lower "
                                      "case, e.g. \"https://clinic.example\"");
      continue;
    }
    c.embed_origins.push_back(std::move(origin));
  }
}

}  // namespace

// ---- [SECTION] public ----------------------------------------------------------------------------

ClinicLoad load_clinic(std::string_view json_text, const Content& content) {
  ClinicLoad load;
  if (json_text.empty()) return load;
  if (json_text.size() > kClinicFileMaxBytes) return clinic_too_big(json_text.size());
  load.present = true;
  Sink sink{kFile, &load.diagnostics};
  JsonParseResult parsed = parse_json(json_text);
  if (!parsed.ok) {
    sink.error(parsed.error_pos, "", "is not valid JSON: " + parsed.error);
    return load;
  }
  if (!parsed.root.is_object()) {
    sink.error(parsed.root.pos, "", std::string("the file must hold an object, not ") + json_type_name(parsed.root.type));
    return load;
  }
  JsonFields f(sink, parsed.root, "",
               {"schema", "name", "colours", "logo", "contact", "default_programme", "pain_threshold", "embed_origins",
                "completion_message"});
  int schema = 0;
  if (f.whole("schema", Need::Required, schema) && schema != 1) {
    sink.error(parsed.root.find("schema")->pos, "schema", "must be 1 (this app reads version 1 of the format)");
  }
  ClinicConfig c;
  read_line(f, "name", c.name, kClinicNameMaxChars);
  read_line(f, "contact", c.contact, kClinicContactMaxChars);
  read_colours(f, c);
  read_logo(f, c);
  read_default_programme(f, content, c);
  f.whole_in("pain_threshold", Need::Optional, c.pain_threshold, 0, kPainThresholdMax);
  read_origins(f, c);
  f.flag("completion_message", Need::Optional, c.completion_message);
  if (count_errors(load.diagnostics) == 0) {
    load.used = true;
    load.clinic = std::move(c);
  }
  return load;
}

ClinicLoad clinic_too_big(size_t file_bytes) {
  ClinicLoad load;
  load.present = true;
  Sink sink{kFile, &load.diagnostics};
  sink.error(JsonPos{}, "", "the file is " + std::to_string((file_bytes + 1023) / 1024) + " KiB; at most " +
                                std::to_string(kClinicFileMaxBytes / 1024) + " KiB is read");
  return load;
}

std::string clinic_console_line(const ClinicLoad& load) {
  const int errors = count_errors(load.diagnostics);
  std::string line;
  if (errors > 0) {
    for (const Diagnostic& d : load.diagnostics) {
      if (d.severity != Severity::Error) continue;
      line = "clinic.json is not used, so the app shows its neutral brand: " + format_diagnostic(d);
      break;
    }
    if (errors > 1) line += " (and " + std::to_string(errors - 1) + " more problem" + (errors > 2 ? "s" : "") + ")";
    return line;
  }
  for (const Diagnostic& d : load.diagnostics) {
    line += line.empty() ? "" : "; ";
    line += format_diagnostic(d);
  }
  return line;
}

bool is_exact_origin(std::string_view origin) {
  size_t rest;
  if (origin.rfind("https://", 0) == 0) {
    rest = 8;
  } else if (origin.rfind("http://", 0) == 0) {
    rest = 7;
  } else {
    return false;
  }
  std::string_view host = origin.substr(rest);
  std::string_view port;
  const size_t colon = host.rfind(':');
  if (colon != std::string_view::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
    if (port.empty() || port.size() > 5 || port[0] == '0') return false;
    long value = 0;
    for (char ch : port) {
      if (ch < '0' || ch > '9') return false;
      value = value * 10 + (ch - '0');
    }
    if (value > 65535) return false;
  }
  if (host.empty() || host.front() == '.' || host.front() == '-' || host.back() == '.' || host.back() == '-') {
    return false;
  }
  for (size_t i = 0; i < host.size(); ++i) {
    if (!lower_host_char(host[i])) return false;
    if (host[i] == '.' && host[i + 1] == '.') return false;
  }
  return true;
}

bool origin_allowed(const ClinicConfig& clinic, std::string_view origin) {
  for (const std::string& o : clinic.embed_origins) {
    if (o == origin) return true;
  }
  return false;
}

bool is_logo_file_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.size() > static_cast<size_t>(kClinicLogoNameMaxChars)) return false;
  for (char ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                    ch == '_' || ch == '.';
    if (!ok) return false;
  }
  if (name.find("..") != std::string_view::npos) return false;
  return ends_with_lower(name, ".png") || ends_with_lower(name, ".jpg") || ends_with_lower(name, ".jpeg");
}

// ---- [SECTION] brand colours -------------------------------------------------------------------

Rgba mix(const Rgba& a, const Rgba& b, double t) {
  return Rgba{a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, a.a + (b.a - a.a) * t};
}

namespace {

constexpr double kMixStep = 0.05;
constexpr double kMixMax = 0.5;
constexpr double kHoverMix = 0.15;   // the hover shade: this far towards the text colour
constexpr double kActiveMix = 0.30;  // the pressed shade

bool uses(const ColourPair& p, const std::vector<PaletteColour>& colours) {
  for (PaletteColour c : colours) {
    if (p.fore == c || p.back == c) return true;
  }
  return false;
}

bool pairs_pass(const ThemeSet& set, const Theme& theme, const std::vector<PaletteColour>& colours) {
  for (const ColourPair& p : set.text_pairs) {
    if (uses(p, colours) && pair_contrast(theme, p) < kTextContrastMin) return false;
  }
  for (const ColourPair& p : set.graphic_pairs) {
    if (uses(p, colours) && pair_contrast(theme, p) < kGraphicContrastMin) return false;
  }
  return true;
}

void set_colour(Theme& theme, PaletteColour c, const Rgba& value) { theme.colours[static_cast<size_t>(c)] = value; }

// Puts want into theme as colour (with its derived shades), moved towards the text colour as
// little as needed; reports what happened under key.
void fit_colour(const ThemeSet& set, Theme& theme, const Rgba& want, bool primary, const char* key, Diagnostics& diags) {
  const Rgba text = theme[PaletteColour::Text];
  const std::vector<PaletteColour> colours =
      primary ? std::vector<PaletteColour>{PaletteColour::Primary, PaletteColour::PrimaryHover, PaletteColour::PrimaryActive}
              : std::vector<PaletteColour>{PaletteColour::Accent};
  const int steps = static_cast<int>(std::lround(kMixMax / kMixStep));
  for (int i = 0; i <= steps; ++i) {
    const double t = i * kMixStep;
    Theme trial = theme;
    const Rgba c = mix(want, text, t);
    set_colour(trial, colours[0], c);
    if (primary) {
      set_colour(trial, PaletteColour::PrimaryHover, mix(c, text, kHoverMix));
      set_colour(trial, PaletteColour::PrimaryActive, mix(c, text, kActiveMix));
    }
    if (!pairs_pass(set, trial, colours)) continue;
    if (i > 0) {
      diags.push_back(Diagnostic{Severity::Warning, kFile, 0, 0, std::string("colours.") + key,
                                 hex_text(want) + " has too little contrast in the " + theme.id + " theme; " +
                                     hex_text(c) + " is used there instead"});
    }
    theme = trial;
    return;
  }
  diags.push_back(Diagnostic{Severity::Warning, kFile, 0, 0, std::string("colours.") + key,
                             hex_text(want) + " cannot reach enough contrast in the " + theme.id +
                                 " theme; the theme's own colour is used there"});
}

}  // namespace

Theme brand_theme(const ThemeSet& set, const Theme& theme, const ClinicConfig& clinic, Diagnostics& diags) {
  Theme out = theme;
  if (theme.id == "high-contrast") return out;
  if (clinic.has_primary) fit_colour(set, out, clinic.primary, true, "primary", diags);
  if (clinic.has_accent) fit_colour(set, out, clinic.accent, false, "accent", diags);
  return out;
}

}  // namespace sb
