// palette: colour parsing, WCAG contrast, and the loader of themes.json.
#include "core/palette.h"

#include <algorithm>
#include <cmath>

#include "core/json.h"

namespace sb {

// ---- [SECTION] names -------------------------------------------------------------------------

std::string_view to_string(PaletteColour colour) { return kPaletteColourNames[static_cast<size_t>(colour)]; }

bool from_string(std::string_view name, PaletteColour& out) {
  for (size_t i = 0; i < kPaletteColourCount; ++i) {
    if (kPaletteColourNames[i] == name) {
      out = static_cast<PaletteColour>(i);
      return true;
    }
  }
  return false;
}

const Theme* ThemeSet::find(std::string_view id) const {
  for (const Theme& t : themes) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const Theme* ThemeSet::choose(std::string_view id) const {
  const Theme* t = find(id);
  return t ? t : find("light");
}

// ---- [SECTION] colour arithmetic ---------------------------------------------------------------

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// sRGB channel (0..1) to linear light, as WCAG 2.x defines it.
double linear(double channel) {
  return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

}  // namespace

bool parse_hex_colour(std::string_view text, Rgba& out) {
  if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return false;
  double channel[4] = {0, 0, 0, 1};
  for (size_t i = 1, k = 0; i < text.size(); i += 2, ++k) {
    int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
    if (hi < 0 || lo < 0) return false;
    channel[k] = static_cast<double>(hi * 16 + lo) / 255.0;
  }
  out = Rgba{channel[0], channel[1], channel[2], channel[3]};
  return true;
}

Rgba composite(const Rgba& top, const Rgba& bottom) {
  const double a = top.a;
  return Rgba{top.r * a + bottom.r * (1 - a), top.g * a + bottom.g * (1 - a), top.b * a + bottom.b * (1 - a),
              a + bottom.a * (1 - a)};
}

double relative_luminance(const Rgba& c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast_ratio(const Rgba& a, const Rgba& b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  const double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
  return (hi + 0.05) / (lo + 0.05);
}

double pair_contrast(const Theme& theme, const ColourPair& pair) {
  const Rgba back = composite(theme[pair.back], theme[PaletteColour::Background]);
  return contrast_ratio(composite(theme[pair.fore], back), back);
}

// ---- [SECTION] loading -------------------------------------------------------------------------

namespace {

constexpr double kBorderScaleMax = 4.0;

std::string quoted(std::string_view s) {
  std::string out;
  json_append_string(out, s);
  return out;
}

struct Reader {
  std::string_view file;
  Diagnostics& diags;

  void add(Severity sev, JsonPos pos, std::string key, std::string message) const {
    diags.push_back(Diagnostic{sev, std::string(file), pos.line, pos.col, std::move(key), std::move(message)});
  }
  void error(JsonPos pos, std::string key, std::string message) const {
    add(Severity::Error, pos, std::move(key), std::move(message));
  }
  void warning(JsonPos pos, std::string key, std::string message) const {
    add(Severity::Warning, pos, std::move(key), std::move(message));
  }

  // A palette colour named by v; false (reported) when v is not one.
  bool colour_name(const JsonValue& v, const std::string& key, PaletteColour& out) const {
    if (!v.is_string()) {
      error(v.pos, key, std::string("must be a palette colour name, not ") + json_type_name(v.type));
      return false;
    }
    if (!from_string(v.text, out)) {
      error(v.pos, key, "unknown palette colour " + quoted(v.text));
      return false;
    }
    return true;
  }

  // {"colour": name, "on": name, "where": text}; false (reported) when unusable.
  bool pair(const JsonValue& v, const std::string& key, ColourPair& out) const {
    if (!v.is_object()) {
      error(v.pos, key, std::string("must be an object, not ") + json_type_name(v.type));
      return false;
    }
    bool ok = true;
    bool has_colour = false, has_on = false, has_where = false;
    for (const JsonMember& m : v.members) {
      const std::string k = key + "." + m.key;
      if (m.key == "colour") {
        has_colour = true;
        ok = colour_name(m.value, k, out.fore) && ok;
      } else if (m.key == "on") {
        has_on = true;
        ok = colour_name(m.value, k, out.back) && ok;
      } else if (m.key == "where") {
        has_where = true;
        if (m.value.is_string() && !m.value.text.empty()) {
          out.where = m.value.text;
        } else {
          error(m.value.pos, k, "must say in words where the interface draws this pair");
          ok = false;
        }
      } else {
        warning(m.key_pos, key, "unknown key " + quoted(m.key) + " (ignored)");
      }
    }
    if (!has_colour) error(v.pos, key, "missing required key \"colour\"");
    if (!has_on) error(v.pos, key, "missing required key \"on\"");
    if (!has_where) error(v.pos, key, "missing required key \"where\"");
    return ok && has_colour && has_on && has_where;
  }

  void pairs(const JsonValue& v, const std::string& key, std::vector<ColourPair>& out) const {
    if (!v.is_array()) {
      error(v.pos, key, std::string("must be a list of pairs, not ") + json_type_name(v.type));
      return;
    }
    if (v.items.empty()) error(v.pos, key, "must list at least one pair");
    for (size_t i = 0; i < v.items.size(); ++i) {
      ColourPair p;
      if (pair(v.items[i], key + "[" + std::to_string(i) + "]", p)) out.push_back(std::move(p));
    }
  }

  // One theme: every palette colour as hex, and optionally border_scale. Returns false when
  // the theme cannot be used (reported).
  bool theme(const JsonValue& v, const std::string& key, Theme& out) const {
    if (!v.is_object()) {
      error(v.pos, key, std::string("must be an object of colours, not ") + json_type_name(v.type));
      return false;
    }
    bool ok = true;
    std::array<bool, kPaletteColourCount> seen{};
    bool scale_seen = false;
    for (const JsonMember& m : v.members) {
      const std::string k = key + "." + m.key;
      PaletteColour c;
      if (m.key == "border_scale") {
        if (scale_seen) warning(m.key_pos, k, "repeated key (only the first one is used)");
        scale_seen = true;
        if (!m.value.is_number() || !(m.value.number >= 1.0 && m.value.number <= kBorderScaleMax)) {
          error(m.value.pos, k, "must be a number from 1 to 4");
          ok = false;
        } else {
          out.border_scale = m.value.number;
        }
      } else if (from_string(m.key, c)) {
        const size_t i = static_cast<size_t>(c);
        if (seen[i]) {
          warning(m.key_pos, k, "repeated key (only the first one is used)");
          continue;
        }
        seen[i] = true;
        if (!m.value.is_string() || !parse_hex_colour(m.value.text, out.colours[i])) {
          error(m.value.pos, k, "must be a colour written \"#rrggbb\" or \"#rrggbbaa\"");
          ok = false;
        } else if (c == PaletteColour::Background && out.colours[i].a < 1.0) {
          error(m.value.pos, k, "must be opaque: everything else is drawn over it");
          ok = false;
        }
      } else {
        warning(m.key_pos, key, "unknown key " + quoted(m.key) + " (not a palette colour; ignored)");
      }
    }
    for (size_t i = 0; i < kPaletteColourCount; ++i) {
      if (!seen[i]) {
        error(v.pos, key, "missing colour " + quoted(kPaletteColourNames[i]));
        ok = false;
      }
    }
    return ok;
  }
};

}  // namespace

ThemesLoad load_themes(std::string_view json_text, std::string_view file_name) {
  ThemesLoad load;
  Reader r{file_name, load.diagnostics};
  JsonParseResult parsed = parse_json(json_text);
  if (!parsed.ok) {
    r.error(parsed.error_pos, "", parsed.error);
    return load;
  }
  const JsonValue& root = parsed.root;
  if (!root.is_object()) {
    r.error(root.pos, "", std::string("the file must hold an object, not ") + json_type_name(root.type));
    return load;
  }
  const JsonValue* schema = root.find("schema");
  if (!schema || !schema->is_number() || schema->number != 1.0) {
    r.error(schema ? schema->pos : root.pos, "schema", "must be 1");
    return load;
  }
  for (const JsonMember& m : root.members) {
    if (m.key == "schema") continue;
    if (m.key == "text_pairs") {
      r.pairs(m.value, m.key, load.set.text_pairs);
    } else if (m.key == "graphic_pairs") {
      r.pairs(m.value, m.key, load.set.graphic_pairs);
    } else if (m.key == "themes") {
      if (!m.value.is_object()) {
        r.error(m.value.pos, m.key, std::string("must be an object of themes by id, not ") + json_type_name(m.value.type));
        continue;
      }
      std::vector<std::string_view> ids;
      for (const JsonMember& t : m.value.members) {
        const std::string key = "themes." + t.key;
        if (t.key.empty()) {
          r.error(t.key_pos, "themes", "a theme needs an id");
          continue;
        }
        if (std::find(ids.begin(), ids.end(), t.key) != ids.end()) {
          r.error(t.key_pos, key, "appears twice (only the first one is used)");
          continue;
        }
        ids.push_back(t.key);
        Theme theme;
        theme.id = t.key;
        if (r.theme(t.value, key, theme)) load.set.themes.push_back(std::move(theme));
      }
    } else {
      r.warning(m.key_pos, m.key, "unknown key " + quoted(m.key) + " (ignored)");
    }
  }
  for (const char* required : {"themes", "text_pairs"}) {
    if (!root.find(required)) r.error(root.pos, required, "is missing");
  }
  return load;
}

}  // namespace sb
