// welcome: layout of the first screen, adapting from small phones to desktops.
#include "ui/welcome.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace sb {

namespace {

// A figure resting in a bridge on a mat: a calm picture of what the app is about.
void draw_hero_figure(Ui& ui, ImVec2 origin, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Palette& p = ui.palette;
  float unit = std::min(size.x / 10.0f, size.y / 5.0f);
  float cx = origin.x + size.x * 0.5f;
  float floor_y = origin.y + size.y * 0.86f;
  auto pt = [&](float x, float y) { return ImVec2(cx + x * unit, floor_y - y * unit); };
  // Mat and its soft shadow.
  dl->AddRectFilled(pt(-4.6f, 0.0f), pt(4.6f, -0.22f), to_u32(p.mat), unit * 0.12f);
  // Far arm (lighter), then body, then near limbs.
  float limb = unit * 0.34f;
  ImU32 near_col = to_u32(p.figure);
  ImU32 far_col = to_u32(p.figure_far);
  auto bone = [&](ImVec2 a, ImVec2 b, ImU32 col) {
    dl->AddLine(a, b, col, limb);
    dl->AddCircleFilled(a, limb * 0.5f, col, 16);
    dl->AddCircleFilled(b, limb * 0.5f, col, 16);
  };
  ImVec2 head = pt(-3.3f, 0.55f);
  ImVec2 shoulder = pt(-2.4f, 0.45f);
  ImVec2 hip = pt(0.3f, 1.55f);
  ImVec2 knee = pt(1.7f, 2.05f);
  ImVec2 ankle = pt(2.1f, 0.35f);
  ImVec2 toe = pt(2.75f, 0.3f);
  bone(shoulder, pt(-0.9f, 0.3f), far_col);
  bone(pt(-0.9f, 0.3f), pt(0.3f, 0.3f), far_col);
  bone(shoulder, hip, near_col);
  bone(hip, knee, near_col);
  bone(knee, ankle, near_col);
  bone(ankle, toe, near_col);
  bone(shoulder, pt(-1.0f, 0.32f), near_col);
  bone(pt(-1.0f, 0.32f), pt(0.1f, 0.32f), near_col);
  dl->AddCircleFilled(head, unit * 0.52f, near_col, 32);
  // A gentle arc showing the hips lifting.
  dl->PathArcTo(pt(0.3f, 1.55f), unit * 1.1f, -2.3f, -1.2f, 24);
  dl->PathStroke(to_u32(p.accent), 0, unit * 0.09f);
}

}  // namespace

WelcomeAction draw_welcome(Ui& ui) {
  WelcomeAction action = WelcomeAction::None;
  ImGuiIO& io = ImGui::GetIO();
  float w = io.DisplaySize.x;
  float h = io.DisplaySize.y;
  begin_screen(ui, "welcome");

  const bool compact = ui.brand && ui.brand->compact;
  const float margin = compact ? 12.0f : w < 400 ? 20.0f : 28.0f;
  const float column = std::min(w - 2 * margin, 520.0f);
  const float left = (w - column) * 0.5f;
  const bool landscape_phone = h < 500 && w > h;

  const std::string title = ui.strings.get("app.name");
  const std::string tagline = ui.strings.get("app.tagline");
  const std::string what = ui.strings.get("welcome.what");
  const std::string privacy = ui.strings.get("welcome.privacy");
  const std::string safety = ui.strings.get("welcome.safety");

  // Measure both groups first so they can be centred in the space they have.
  float figure_h = landscape_phone || compact ? 0.0f : std::clamp(h * 0.28f, 110.0f, 240.0f);
  // The clinic's logo and name above the title (about one heading line, or the logo's 40 px).
  const bool branded = ui.brand && (!ui.brand->name.empty() || ui.brand->logo);
  const float brand_h =
      branded ? std::max(40.0f, text_block_height(ui.brand->name, ui.fonts.heading, column - 52.0f)) + 14.0f : 0.0f;
  const float button_h = 60.0f;
  // The safety line's link is 44 px tall at least, below the privacy line (not over it).
  const float safety_h = text_block_height(safety, ui.fonts.small, column);
  const float link_h = std::max(44.0f, safety_h + 8.0f);
  const float footer_h = button_h + 14.0f + text_block_height(privacy, ui.fonts.small, column) + 2.0f + link_h;
  // On a short screen or with large text, the picture shrinks or goes, then the description
  // takes the small font, so everything stays on the one screen.
  ImFont* what_font = ui.fonts.body;
  auto text_height = [&]() {
    return brand_h + text_block_height(title, ui.fonts.title, column) + 2.0f +
           text_block_height(tagline, ui.fonts.heading, column) + 10.0f + text_block_height(what, what_font, column);
  };
  float text_h = text_height();
  const float room = h - 2 * margin - 24.0f - footer_h;
  if (figure_h > 0 && figure_h + 16.0f + text_h > room) {
    figure_h = room - 16.0f - text_h;
    if (figure_h < 80.0f) figure_h = 0.0f;
  }
  if (figure_h == 0.0f && text_h > room) {
    what_font = ui.fonts.small;
    text_h = text_height();
  }
  const float content_h = (figure_h > 0 ? figure_h + 16.0f : 0.0f) + text_h;
  const bool phone_portrait = w < 600 && h > w;
  float content_y;
  float footer_y;
  if (phone_portrait) {
    // The Start button sits low, within reach of a thumb; the rest is centred above it.
    footer_y = std::max(h - margin - footer_h, margin + content_h + 24.0f);
    content_y = std::max(margin, (footer_y - 24.0f - content_h) * 0.5f);
  } else {
    content_y = std::max(margin, (h - content_h - 32.0f - footer_h) * 0.5f);
    footer_y = content_y + content_h + 32.0f;
  }

  float y = content_y;
  if (figure_h > 0) {
    ImVec2 fig_pos(left, y);
    draw_hero_figure(ui, fig_pos, ImVec2(column, figure_h));
    ui.layout.add("welcome.figure", LayoutKind::Figure, fig_pos.x, fig_pos.y, column, figure_h);
    y += figure_h + 16.0f;
  }
  if (branded) {
    ImGui::SetCursorScreenPos(ImVec2(left, y));
    y += brand_line(ui, "welcome.brand", Column{left, column}, Align::Center) + 14.0f;
  }
  ImGui::SetCursorScreenPos(ImVec2(left, y));
  text_block(ui, "welcome.title", title, ui.fonts.title, ui.palette.text, column, Align::Center);
  ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + 2.0f));
  text_block(ui, "welcome.tagline", tagline, ui.fonts.heading, ui.palette.accent, column, Align::Center);
  ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + 10.0f));
  text_block(ui, "welcome.what", what, what_font, ui.palette.text_muted, column, Align::Center);

  ImGui::SetCursorScreenPos(ImVec2(left, footer_y));
  if (primary_button(ui, "welcome.start", ui.strings.get("welcome.start"), column, button_h)) {
    action = WelcomeAction::Start;
  }
  ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + 14.0f));
  text_block(ui, "welcome.privacy", privacy, ui.fonts.small, ui.palette.text_muted, column, Align::Center);
  // The safety line opens About and safety: a link in the accent colour.
  const float link_y = ImGui::GetCursorScreenPos().y + 2.0f;
  const float safety_y = link_y + (link_h - safety_h) * 0.5f;
  ImGui::SetCursorScreenPos(ImVec2(left, link_y));
  if (tap_button("welcome.about", ImVec2(column, link_h), 12.0f)) action = WelcomeAction::About;
  ui.layout.add("welcome.about", LayoutKind::Button, left, link_y, column, link_h);
  ImGui::SetCursorScreenPos(ImVec2(left, safety_y));
  text_block(ui, "welcome.safety", safety, ui.fonts.small, ui.palette.accent, column, Align::Center);

  end_screen();
  return action;
}

}  // namespace sb
