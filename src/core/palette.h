// palette: the app's colour themes (light, dark, high contrast) as data, loaded from
// assets/themes.json, and the WCAG contrast arithmetic that checks every text colour
// against the background it is drawn on. Pure: the UI turns a Theme into ImGui colours.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace sb {

// A colour with straight (not premultiplied) alpha; each channel 0..1 in sRGB.
struct Rgba {
  double r = 0, g = 0, b = 0, a = 1;
};

// Every colour a theme must define, one per field of the UI's Palette (src/ui/theme.h).
enum class PaletteColour {
  Background,     // the page
  Surface,        // cards, figure frames, secondary buttons
  Text,           // body text
  TextMuted,      // secondary text
  Primary,        // main action fill; also text of secondary buttons
  PrimaryHover,   // main action fill under the pointer
  PrimaryActive,  // main action fill while pressed
  OnPrimary,      // text on the main action fill
  Accent,         // highlights, detail lines, focus ring
  Border,         // card outlines and dividers
  Figure,         // the demonstration figure's near limbs and head
  FigureFar,      // its far limbs
  Mat,            // exercise mat and props; hover fill of secondary buttons
  Danger,         // "Stop - this hurts", stopped exercises
  Banner,         // notices (captions, pause) and the Stop button under the pointer
  Shadow,         // soft shadow under the figure (usually translucent)
};

constexpr std::array<std::string_view, 16> kPaletteColourNames = {
    "background", "surface",    "text", "text_muted", "primary", "primary_hover", "primary_active", "on_primary",
    "accent",     "border",     "figure", "figure_far", "mat",   "danger",        "banner",         "shadow"};
constexpr size_t kPaletteColourCount = kPaletteColourNames.size();

std::string_view to_string(PaletteColour colour);
// The colour with this name; false when there is none.
bool from_string(std::string_view name, PaletteColour& out);

struct Theme {
  std::string id;                                  // "light", "dark", "high-contrast"
  std::array<Rgba, kPaletteColourCount> colours;   // indexed by PaletteColour
  double border_scale = 1.0;                       // outline thickness relative to the light theme

  const Rgba& operator[](PaletteColour c) const { return colours[static_cast<size_t>(c)]; }
};

// A colour the UI draws on another, and where; checked for contrast in every theme.
struct ColourPair {
  PaletteColour fore = PaletteColour::Text;
  PaletteColour back = PaletteColour::Background;
  std::string where;  // plain words: which parts of the interface draw this pair
};

// WCAG 2.x minimum contrast for normal-size text (AA) and for graphics and outlines.
constexpr double kTextContrastMin = 4.5;
constexpr double kGraphicContrastMin = 3.0;

struct ThemeSet {
  std::vector<Theme> themes;                // in file order
  std::vector<ColourPair> text_pairs;       // must reach kTextContrastMin in every theme
  std::vector<ColourPair> graphic_pairs;    // must reach kGraphicContrastMin in every theme

  // The theme with this id, or nullptr.
  const Theme* find(std::string_view id) const;
  // The theme to draw with for id: that theme, else the "light" theme, else nullptr (the
  // caller then falls back to its built-in colours).
  const Theme* choose(std::string_view id) const;
};

struct ThemesLoad {
  ThemeSet set;
  Diagnostics diagnostics;
};

// Reads {"schema": 1, "text_pairs": [...], "graphic_pairs": [...], "themes": {id: {colour: "#hex", ...}}}.
// A theme missing a colour, or with a colour that does not parse, is reported and left out.
ThemesLoad load_themes(std::string_view json_text, std::string_view file_name = "themes.json");

// Parses "#rrggbb" or "#rrggbbaa" (either case); false for anything else.
bool parse_hex_colour(std::string_view text, Rgba& out);

// top drawn over bottom with straight alpha blending; the result is as opaque as bottom.
Rgba composite(const Rgba& top, const Rgba& bottom);

// WCAG relative luminance of an opaque colour (alpha is ignored): 0 for black, 1 for white.
double relative_luminance(const Rgba& c);

// WCAG contrast ratio (1..21) of two opaque colours, in either order.
double contrast_ratio(const Rgba& a, const Rgba& b);

// Contrast of pair in theme as drawn: a translucent back is laid over the theme's
// background first, then a translucent fore over that.
double pair_contrast(const Theme& theme, const ColourPair& pair);

}  // namespace sb
