// theme: the app's colours, fonts and ImGui style. Fonts are rasterised at the device pixel
// ratio (and the person's text size) so text stays crisp on phones; layout works in CSS px.
#pragma once

#include <imgui.h>

#include <array>
#include <memory>
#include <string_view>

namespace sb {

struct ClinicConfig;

// The colours the screens draw with, one field per colour of a theme in assets/themes.json
// (named as there; see core/palette.h for what each is for).
struct Palette {
  ImVec4 background;    // page
  ImVec4 surface;       // cards
  ImVec4 text;          // body text
  ImVec4 text_muted;    // secondary text
  ImVec4 primary;       // main action fill
  ImVec4 primary_hover;
  ImVec4 primary_active;
  ImVec4 on_primary;    // text on the main action
  ImVec4 accent;        // headings, highlights
  ImVec4 border;
  ImVec4 figure;        // the demonstration figure
  ImVec4 figure_far;    // limbs on the far side
  ImVec4 mat;
  ImVec4 danger;        // "Stop - this hurts", urgent red flags
  ImVec4 banner;        // background of notices (paused, warnings)
  ImVec4 shadow;        // soft shadow under the figure
  float border_scale = 1.0f;  // outline thickness relative to the light theme
};

// The calm light palette built into the code: the fallback when themes.json cannot be used.
Palette light_palette();

// The palette of theme id ("light", "dark", "high-contrast") read from the text of
// themes.json. Problems in the file are printed to the console; when the theme cannot be
// used, the file's light theme is used instead, and failing that the built-in light palette,
// so the app always has colours. With a clinic, its brand colours are fitted in
// (core/clinic.h brand_theme) and what had to change is printed as a warning.
Palette load_palette(std::string_view themes_json, std::string_view id, const ClinicConfig* clinic = nullptr);

// Each font is made in a font atlas (and texture) of its own, so that the start-up makes them
// in separate short steps (main.cpp start_step); the counter's is made after the first frame.
// A font is null until made.
enum class FontPart {
  Body,     // in ImGui's own atlas, which holds the default font
  Small,
  Heading,
  Button,
  Title,
  Counter,
};
constexpr int kFontParts = 6;

// Which characters a font is made with (core/glyphs.h). The first screen's fonts hold only the
// interface's own (Interface), half the work of All; they are made again with All before
// anything that could show other text (the library, a clinic's names, a link) is read
// (main.cpp start_step). The counter's font holds digits either way.
enum class Glyphs { Interface, All };

struct Fonts {
  ImFont* body = nullptr;     // 18 CSS px regular
  ImFont* small = nullptr;    // 15 CSS px regular
  ImFont* heading = nullptr;  // 22 CSS px semibold
  ImFont* title = nullptr;    // 36 CSS px semibold
  ImFont* button = nullptr;   // 20 CSS px semibold
  ImFont* count = nullptr;    // 112 CSS px semibold digits: the player's big counter
  float dpr = 0;              // device pixel ratio the fonts are made for
  float text_scale = 0;       // the person's text size setting (1 = normal)
  std::array<std::unique_ptr<ImFontAtlas>, kFontParts> atlases;  // [Body] unused: ImGui's own
  std::array<Glyphs, kFontParts> glyphs{};  // what each made font holds
};

// Forgets every font, to be made again for this pixel ratio and text size.
void reset_fonts(Fonts& fonts, float dpr, float text_scale);

// Whether a font is made, and whether it is made with all its characters.
bool font_part_ready(const Fonts& fonts, FontPart part);
bool font_part_complete(const Fonts& fonts, FontPart part);

// Makes a font (again) at the pixel ratio and text size of the last reset_fonts. Returns the
// atlas to upload, or null when the font file is missing or broken (the caller shows a plain
// message).
ImFontAtlas* build_font_part(Fonts& fonts, FontPart part, Glyphs glyphs = Glyphs::All);

// Draws text in font into dl with that font's own atlas as the texture. The fonts live in
// separate atlases, so ImDrawList::AddText, which draws with whatever texture dl has at the
// moment, must not be used with a font directly.
void draw_text(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* begin,
               const char* end = nullptr, float wrap_width = 0.0f, const ImVec4* clip = nullptr);

// Sets ImGui's style colours and metrics from the palette.
void apply_theme(const Palette& palette);

inline ImU32 to_u32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }

}  // namespace sb
