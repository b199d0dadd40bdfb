// theme: palette, fonts and ImGui style.
#include "ui/theme.h"

#include "platform/embedded.h"

namespace sb {

namespace {

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

constexpr ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190, 0x2193, 0x2212, 0x2212, 0x2264, 0x2265, 0};
constexpr ImWchar kDigitRanges[] = {0x0030, 0x003A, 0};  // 0-9 and ':'

ImFont* add_font(const char* file, float size_css_px, float dpr, float text_scale, const ImWchar* ranges = kTextRanges) {
  const EmbeddedFile* f = find_embedded(file);
  if (!f) return nullptr;
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  void* data = const_cast<unsigned char*>(f->data);
  float px = size_css_px * text_scale * dpr;
  ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, static_cast<int>(f->size), px, &cfg, ranges);
  if (font) font->Scale = 1.0f / dpr;
  return font;
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
  p.mat = rgb(0xC9DCD6);
  p.danger = rgb(0xA8261B);
  p.banner = rgb(0xFBEBC8);
  return p;
}

bool build_fonts(Fonts& fonts, float dpr, float text_scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  fonts.body = add_font("Inter-Regular.otf", 18.0f, dpr, text_scale);
  fonts.small = add_font("Inter-Regular.otf", 15.0f, dpr, text_scale);
  fonts.heading = add_font("Inter-SemiBold.otf", 22.0f, dpr, text_scale);
  fonts.title = add_font("Inter-SemiBold.otf", 36.0f, dpr, text_scale);
  fonts.button = add_font("Inter-SemiBold.otf", 20.0f, dpr, text_scale);
  fonts.count = add_font("Inter-SemiBold.otf", 112.0f, dpr, text_scale, kDigitRanges);
  fonts.dpr = dpr;
  fonts.text_scale = text_scale;
  if (!fonts.body || !fonts.small || !fonts.heading || !fonts.title || !fonts.button || !fonts.count) return false;
  io.FontDefault = fonts.body;
  return io.Fonts->Build();
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
