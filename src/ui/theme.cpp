// theme: palette, fonts and ImGui style.
#include "ui/theme.h"

#include <cstdio>
#include <string>
#include <type_traits>

#include "core/clinic.h"
#include "core/glyphs.h"
#include "core/palette.h"
#include "platform/embedded.h"

namespace sb {

namespace {

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

static_assert(std::is_same_v<ImWchar, uint16_t>, "ImGui's characters are the 16-bit ones of core/glyphs.h");

ImFont* add_font(ImFontAtlas& atlas, const char* file, float size_css_px, float dpr, float text_scale,
                 const ImWchar* ranges) {
  const EmbeddedFile* f = find_embedded(file);
  if (!f) return nullptr;
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  void* data = const_cast<unsigned char*>(f->data);
  float px = size_css_px * text_scale * dpr;
  ImFont* font = atlas.AddFontFromMemoryTTF(data, static_cast<int>(f->size), px, &cfg, ranges);
  if (font) font->Scale = 1.0f / dpr;
  return font;
}

// Where each theme colour goes in the Palette.
struct PaletteField {
  PaletteColour colour;
  ImVec4 Palette::*field;
};
constexpr PaletteField kPaletteFields[] = {
    {PaletteColour::Background, &Palette::background},     {PaletteColour::Surface, &Palette::surface},
    {PaletteColour::Text, &Palette::text},                 {PaletteColour::TextMuted, &Palette::text_muted},
    {PaletteColour::Primary, &Palette::primary},           {PaletteColour::PrimaryHover, &Palette::primary_hover},
    {PaletteColour::PrimaryActive, &Palette::primary_active}, {PaletteColour::OnPrimary, &Palette::on_primary},
    {PaletteColour::Accent, &Palette::accent},             {PaletteColour::Border, &Palette::border},
    {PaletteColour::Figure, &Palette::figure},             {PaletteColour::FigureFar, &Palette::figure_far},
    {PaletteColour::Mat, &Palette::mat},                   {PaletteColour::Danger, &Palette::danger},
    {PaletteColour::Banner, &Palette::banner},             {PaletteColour::Shadow, &Palette::shadow}};

constexpr bool every_colour_once() {
  for (size_t i = 0; i < kPaletteColourCount; ++i) {
    int n = 0;
    for (const PaletteField& f : kPaletteFields) n += static_cast<size_t>(f.colour) == i;
    if (n != 1) return false;
  }
  return sizeof kPaletteFields / sizeof kPaletteFields[0] == kPaletteColourCount;
}
static_assert(every_colour_once(), "each theme colour has exactly one Palette field");

Palette palette_from(const Theme& theme) {
  Palette p;
  for (const PaletteField& f : kPaletteFields) {
    const Rgba& c = theme[f.colour];
    p.*f.field = ImVec4(static_cast<float>(c.r), static_cast<float>(c.g), static_cast<float>(c.b), static_cast<float>(c.a));
  }
  p.border_scale = static_cast<float>(theme.border_scale);
  return p;
}

}  // namespace

Palette light_palette() {
  Palette p;
  p.background = rgb(0xF5F2EC);
  p.surface = rgb(0xFFFFFF);
  p.text = rgb(0x1C2B2A);
  p.text_muted = rgb(0x4B5A58);
  p.primary = rgb(0x1B6B65);
  p.primary_hover = rgb(0x165A55);
  p.primary_active = rgb(0x114843);
  p.on_primary = rgb(0xFFFFFF);
  p.accent = rgb(0x1B6B65);
  p.border = rgb(0xD9D3C7);
  p.figure = rgb(0x24403E);
  p.figure_far = rgb(0x8FA6A2);
  p.mat = rgb(0xCEE0DA);
  p.danger = rgb(0xA8261B);
  p.banner = rgb(0xFBEBC8);
  p.shadow = rgb(0x1A2926, 0.28f);
  return p;
}

Palette load_palette(std::string_view themes_json, std::string_view id, const ClinicConfig* clinic) {
  ThemesLoad load = load_themes(themes_json);
  for (const Diagnostic& d : load.diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  const Theme* theme = load.set.choose(id);
  if (theme && theme->id == id && clinic) {
    Diagnostics brand;
    Theme branded = brand_theme(load.set, *theme, *clinic, brand);
    for (const Diagnostic& d : brand) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    return palette_from(branded);
  }
  if (theme && theme->id == id) return palette_from(*theme);
  const std::string wanted(id);
  if (theme) {
    std::fprintf(stderr, "themes.json: warning: no usable theme \"%s\"; using the light theme\n", wanted.c_str());
    return palette_from(*theme);
  }
  std::fprintf(stderr, "themes.json: warning: no usable theme \"%s\" or \"light\"; using the built-in light colours\n",
               wanted.c_str());
  return light_palette();
}

void reset_fonts(Fonts& fonts, float dpr, float text_scale) {
  fonts.body = fonts.small = fonts.heading = fonts.title = fonts.button = fonts.count = nullptr;
  fonts.dpr = dpr;
  fonts.text_scale = text_scale;
}

namespace {

struct FontSpec {
  const char* file;
  float size_css_px;
  bool text;  // holds text (core/glyphs.h kInterfaceGlyphs or kAllGlyphs), or only digits
  ImFont* Fonts::*slot;
};

// By FontPart.
constexpr FontSpec kFontSpecs[kFontParts] = {
    {"Inter-Regular.otf", 18.0f, true, &Fonts::body},      {"Inter-Regular.otf", 15.0f, true, &Fonts::small},
    {"Inter-SemiBold.otf", 22.0f, true, &Fonts::heading},  {"Inter-SemiBold.otf", 20.0f, true, &Fonts::button},
    {"Inter-SemiBold.otf", 36.0f, true, &Fonts::title},    {"Inter-SemiBold.otf", 112.0f, false, &Fonts::count},
};

}  // namespace

bool font_part_ready(const Fonts& fonts, FontPart part) {
  return fonts.*kFontSpecs[static_cast<size_t>(part)].slot != nullptr;
}

bool font_part_complete(const Fonts& fonts, FontPart part) {
  return font_part_ready(fonts, part) && fonts.glyphs[static_cast<size_t>(part)] == Glyphs::All;
}

ImFontAtlas* build_font_part(Fonts& fonts, FontPart part, Glyphs glyphs) {
  const size_t i = static_cast<size_t>(part);
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (part != FontPart::Body) {
    if (!fonts.atlases[i]) fonts.atlases[i] = std::make_unique<ImFontAtlas>();
    atlas = fonts.atlases[i].get();
  }
  atlas->Clear();
  atlas->Flags |= ImFontAtlasFlags_NoBakedLines | ImFontAtlasFlags_NoMouseCursors;
  const FontSpec& spec = kFontSpecs[i];
  if (!spec.text) glyphs = Glyphs::All;  // the digits are all there is
  const uint16_t* ranges = !spec.text ? kDigitGlyphs : glyphs == Glyphs::All ? kAllGlyphs : kInterfaceGlyphs;
  ImFont* font = add_font(*atlas, spec.file, spec.size_css_px, fonts.dpr, fonts.text_scale, ranges);
  if (!font || !atlas->Build()) return nullptr;
  fonts.glyphs[i] = glyphs;
  // Shapes (rectangles, circles, lines) are drawn with the atlas's white pixel, which lies
  // elsewhere in each atlas: a place outside every atlas tells the renderer "solid" instead
  // (shaders/ui.frag), so a shape looks the same whichever font's atlas is bound.
  atlas->TexUvWhitePixel = ImVec2(-1.0f, -1.0f);
  fonts.*spec.slot = font;
  if (part == FontPart::Body) ImGui::GetIO().FontDefault = font;
  return atlas;
}

void draw_text(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* begin,
               const char* end, float wrap_width, const ImVec4* clip) {
  dl->PushTextureID(font->ContainerAtlas->TexID);
  dl->AddText(font, size, pos, colour, begin, end, wrap_width, clip);
  dl->PopTextureID();
}

void apply_theme(const Palette& p) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowPadding = ImVec2(0, 0);
  s.WindowRounding = 0;
  s.WindowBorderSize = 0;
  s.FramePadding = ImVec2(16, 12);
  s.FrameRounding = 14;
  s.ItemSpacing = ImVec2(12, 12);
  s.ScrollbarSize = 10;
  s.ScrollbarRounding = 6;
  s.GrabRounding = 6;
  s.TouchExtraPadding = ImVec2(0, 0);
  s.AntiAliasedLinesUseTex = false;  // no lines baked in the font atlases (theme.cpp build_font_part)
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.text_muted;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = p.surface;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_FrameBg] = p.surface;
  c[ImGuiCol_Button] = p.primary;
  c[ImGuiCol_ButtonHovered] = p.primary_hover;
  c[ImGuiCol_ButtonActive] = p.primary_active;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = p.border;
  c[ImGuiCol_NavHighlight] = p.accent;
}

}  // namespace sb
