// widgets: text blocks and buttons.
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace sb {

void text_block(Ui& ui, std::string_view id, std::string_view text, ImFont* font, const ImVec4& color,
                float wrap_width, Align align) {
  ImGui::PushFont(font);
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  ImVec2 size = ImGui::CalcTextSize(begin, end, false, wrap_width);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (align == Align::Center) {
    // Centre each wrapped line on its own.
    float y = pos.y;
    const char* line = begin;
    float line_h = ImGui::GetTextLineHeight();
    while (line < end) {
      const char* line_end = font->CalcWordWrapPositionA(ImGui::GetFontSize() / font->FontSize, line, end, wrap_width);
      if (line_end == line) line_end = line + 1;
      const char* visible_end = line_end;
      while (visible_end > line && (visible_end[-1] == ' ' || visible_end[-1] == '\n')) --visible_end;
      float w = ImGui::CalcTextSize(line, visible_end).x;
      draw_text(dl, font, ImGui::GetFontSize(), ImVec2(pos.x + (wrap_width - w) * 0.5f, y), to_u32(color), line,
                visible_end);
      y += line_h;
      line = line_end;
      while (line < end && (*line == ' ' || *line == '\n')) ++line;
    }
    ImGui::Dummy(ImVec2(wrap_width, y - pos.y));
    ImGui::SetCursorScreenPos(ImVec2(pos.x, y));  // stay in the caller's column
    ui.layout.add(id, LayoutKind::Text, pos.x, pos.y, wrap_width, y - pos.y, word_wider_than(text, font, wrap_width));
    ui.layout.items.back().allowed_w = wrap_width;
  } else {
    draw_text(dl, font, ImGui::GetFontSize(), pos, to_u32(color), begin, end, wrap_width);
    ImGui::Dummy(ImVec2(wrap_width, size.y));
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + size.y));  // stay in the caller's column
    // ImGui counts the space before a wrap in the line's width; only a longer overflow
    // (a single word wider than the column) really cuts text off.
    float slack = ImGui::CalcTextSize(" ").x + 0.5f;
    const bool cut = size.x > wrap_width + slack || (size.y > ImGui::GetTextLineHeight() + 0.5f && word_wider_than(text, font, wrap_width));
    ui.layout.add(id, LayoutKind::Text, pos.x, pos.y, std::min(size.x, wrap_width), size.y, cut);
    ui.layout.items.back().allowed_w = wrap_width;
  }
  ImGui::PopFont();
}

bool word_wider_than(std::string_view text, ImFont* font, float width) {
  ImGui::PushFont(font);
  bool wider = false;
  for (size_t start = 0; start < text.size() && !wider;) {
    size_t stop = text.find_first_of(" \n", start);
    if (stop == std::string_view::npos) stop = text.size();
    wider = stop > start && ImGui::CalcTextSize(text.data() + start, text.data() + stop).x > width + 0.5f;
    start = stop + 1;
  }
  ImGui::PopFont();
  return wider;
}

float text_block_height(std::string_view text, ImFont* font, float wrap_width) {
  ImGui::PushFont(font);
  float h = ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, wrap_width).y;
  ImGui::PopFont();
  return h;
}

namespace {

// The largest of the button, body and small fonts in which label fits avail CSS px (the
// small one when none does): long labels and large text sizes stay whole on narrow phones.
ImFont* label_font(const Ui& ui, std::string_view label, float avail) {
  for (ImFont* f : {ui.fonts.button, ui.fonts.body}) {
    ImGui::PushFont(f);
    float w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    ImGui::PopFont();
    if (w <= avail) return f;
  }
  return ui.fonts.small;
}

// Draws label centred in a button at pos, in the largest font that fits, on two lines in the
// small font when one is not enough. Returns false when even that does not fit.
bool button_label(const Ui& ui, std::string_view label, ImVec2 pos, float width, float height, const ImVec4& colour) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = label_font(ui, label, width - 16.0f);
  ImGui::PushFont(font);
  const char* begin = label.data();
  const char* end = begin + label.size();
  ImVec2 ts = ImGui::CalcTextSize(begin, end);
  bool fits = true;
  if (ts.x <= width - 16.0f) {
    draw_text(dl, font, ImGui::GetFontSize(), ImVec2(pos.x + (width - ts.x) * 0.5f, pos.y + (height - ts.y) * 0.5f),
              to_u32(colour), begin, end);
  } else {
    // Word-wrapped lines, at most four, centred one by one.
    const float wrap = width - 24.0f, line_h = ImGui::GetTextLineHeight(), scale = ImGui::GetFontSize() / font->FontSize;
    std::pair<const char*, const char*> lines[4];
    int n = 0;
    for (const char* p = begin; p < end && n < 4;) {
      const char* q = font->CalcWordWrapPositionA(scale, p, end, wrap);
      if (q == p) q = p + 1;
      const char* vis = q;
      while (vis > p && (vis[-1] == ' ' || vis[-1] == '\n')) --vis;
      lines[n++] = {p, vis};
      p = q;
      while (p < end && (*p == ' ' || *p == '\n')) ++p;
      if (n == 4 && p < end) fits = false;
    }
    fits = fits && line_h * static_cast<float>(n) <= height - 4.0f && !word_wider_than(label, font, wrap);
    float y = pos.y + (height - line_h * static_cast<float>(n)) * 0.5f;
    for (int i = 0; i < n; ++i) {
      float lw = ImGui::CalcTextSize(lines[i].first, lines[i].second).x;
      fits = fits && lw <= wrap + 0.5f;
      draw_text(dl, font, ImGui::GetFontSize(), ImVec2(pos.x + (width - lw) * 0.5f, y), to_u32(colour), lines[i].first,
                lines[i].second);
      y += line_h;
    }
  }
  ImGui::PopFont();
  return fits;
}

}  // namespace

bool primary_button(Ui& ui, std::string_view id, std::string_view label, float width, float height) {
  if (height < 44.0f) height = 44.0f;
  ImGui::PushFont(label_font(ui, label, width - 16.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.on_primary);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, height * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_NavHighlight, ImVec4(0, 0, 0, 0));  // focus_ring draws ours
  std::string imgui_label(label);
  imgui_label += "##";
  imgui_label += id;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::Button(imgui_label.c_str(), ImVec2(width, height));
  ImGui::PopStyleColor();
  if (ImGui::IsItemFocused() && !GImGui->NavDisableHighlight && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
    pressed = true;
  }
  focus_ring(height * 0.5f);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
  float text_w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ui.layout.add(id, LayoutKind::Button, pos.x, pos.y, width, height, text_w > width - 16.0f);
  return pressed;
}

}  // namespace sb

namespace sb {

namespace {
constexpr float kTapSlopPx = 10.0f;  // a press that moved further is a drag, not a tap
}  // namespace

void begin_screen(Ui& ui, const char* screen_name) {
  ImGuiIO& io = ImGui::GetIO();
  ui.layout.begin(screen_name, io.DisplaySize.x, io.DisplaySize.y);
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  std::string wid = std::string("##") + screen_name;
  ImGui::Begin(wid.c_str(), nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));  // spacing is explicit in layouts
}

void end_screen() {
  ImGui::PopStyleVar();
  ImGui::End();
}

Column page_column(float window_width, float max_width) {
  float margin = window_width < 400 ? 16.0f : 24.0f;
  float width = std::min(window_width - 2 * margin, max_width);
  return Column{(window_width - width) * 0.5f, width};
}

void focus_ring(float rounding) {
  if (!ImGui::IsItemFocused() || GImGui->NavDisableHighlight) return;
  // Drawn over everything, inside the window's visible area, so fills drawn after the
  // control cannot hide it.
  ImDrawList* window_dl = ImGui::GetWindowDrawList();
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  fg->PushClipRect(window_dl->GetClipRectMin(), window_dl->GetClipRectMax(), false);
  const ImVec4& c = ImGui::GetStyle().Colors[ImGuiCol_NavHighlight];
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  fg->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), to_u32(ImVec4(c.x, c.y, c.z, 1.0f)), rounding + 3, 0, 3.0f);
  fg->PopClipRect();
}

bool tap_button(std::string_view id, ImVec2 size, float rounding) {
  std::string bid(id);
  bool pressed = ImGui::InvisibleButton(bid.c_str(), size);
  focus_ring(rounding);
  if (ImGui::IsItemFocused() && !GImGui->NavDisableHighlight && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
    return true;
  }
  if (!pressed) return false;
  // A mouse or finger release counts only when it did not drag (scrolling); keys always count.
  const ImGuiIO& io = ImGui::GetIO();
  return !ImGui::IsMouseReleased(ImGuiMouseButton_Left) || io.MouseDragMaxDistanceSqr[0] < kTapSlopPx * kTapSlopPx;
}

namespace {

// The Safety icon: a shield with a cross, in a 44 CSS px circle.
void draw_safety_icon(ImDrawList* dl, ImVec2 c, ImU32 col) {
  const float w = 8.0f, top = -10.0f, mid = 1.0f, bottom = 11.0f;
  dl->PathLineTo(ImVec2(c.x, c.y + top));
  dl->PathLineTo(ImVec2(c.x + w + 1, c.y + top + 3));
  dl->PathBezierCubicCurveTo(ImVec2(c.x + w + 1, c.y + mid + 4), ImVec2(c.x + 5, c.y + bottom - 3), ImVec2(c.x, c.y + bottom));
  dl->PathBezierCubicCurveTo(ImVec2(c.x - 5, c.y + bottom - 3), ImVec2(c.x - w - 1, c.y + mid + 4), ImVec2(c.x - w - 1, c.y + top + 3));
  dl->PathStroke(col, ImDrawFlags_Closed, 2.2f);
  dl->AddLine(ImVec2(c.x, c.y - 5), ImVec2(c.x, c.y + 4), col, 2.2f);
  dl->AddLine(ImVec2(c.x - 4.5f, c.y - 0.5f), ImVec2(c.x + 4.5f, c.y - 0.5f), col, 2.2f);
}

// The Settings icon: a cog.
void draw_settings_icon(ImDrawList* dl, ImVec2 c, ImU32 col) {
  for (int i = 0; i < 8; ++i) {
    float a = static_cast<float>(i) * 3.14159265f / 4.0f;
    ImVec2 d(std::cos(a), std::sin(a));
    dl->AddLine(ImVec2(c.x + d.x * 7.5f, c.y + d.y * 7.5f), ImVec2(c.x + d.x * 11.0f, c.y + d.y * 11.0f), col, 3.2f);
  }
  dl->AddCircle(c, 7.5f, col, 24, 2.4f);
  dl->AddCircle(c, 2.8f, col, 12, 2.0f);
}

// The Options icon: three sliders, each with its knob.
void draw_options_icon(ImDrawList* dl, ImVec2 c, ImU32 col) {
  const float knob[3] = {-4.0f, 5.0f, -1.0f};
  for (int i = 0; i < 3; ++i) {
    const float y = c.y + static_cast<float>(i - 1) * 7.0f;
    dl->AddLine(ImVec2(c.x - 10.0f, y), ImVec2(c.x + 10.0f, y), col, 2.2f);
    dl->AddCircleFilled(ImVec2(c.x + knob[i], y), 3.4f, col, 12);
  }
}

// A 44 CSS px round icon button at pos; true when tapped.
bool icon_button(Ui& ui, const std::string& id, ImVec2 pos, void (*draw)(ImDrawList*, ImVec2, ImU32)) {
  const float size = 44.0f;
  ImGui::SetCursorScreenPos(pos);
  bool pressed = tap_button(id, ImVec2(size, size), size * 0.5f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 c(pos.x + size / 2, pos.y + size / 2);
  if (ImGui::IsItemHovered()) dl->AddCircleFilled(c, size / 2, to_u32(ui.palette.mat));
  draw(dl, c, to_u32(ui.palette.accent));
  ui.layout.add(id, LayoutKind::Button, pos.x, pos.y, size, size);
  return pressed;
}

}  // namespace

bool screen_header(Ui& ui, std::string_view id, std::string_view title, bool with_back, std::string_view action_label,
                   bool* action_pressed) {
  const float w = ImGui::GetIO().DisplaySize.x;
  const float bar_h = 64.0f;
  Column col = page_column(w);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 top = ImGui::GetCursorScreenPos();
  dl->AddLine(ImVec2(0, top.y + bar_h - 1), ImVec2(w, top.y + bar_h - 1), to_u32(ui.palette.border), ui.palette.border_scale);
  bool back = false;
  float title_x = col.left;
  if (with_back) {
    const float size = 48.0f;
    ImVec2 pos(col.left - 8.0f, top.y + (bar_h - size) * 0.5f);
    ImGui::SetCursorScreenPos(pos);
    std::string bid = std::string(id) + ".back";
    back = tap_button(bid, ImVec2(size, size), size * 0.5f);
    if (ImGui::IsItemHovered()) dl->AddCircleFilled(ImVec2(pos.x + size / 2, pos.y + size / 2), size / 2, to_u32(ui.palette.mat));
    // A chevron pointing left.
    ImVec2 c(pos.x + size / 2, pos.y + size / 2);
    dl->AddLine(ImVec2(c.x + 4, c.y - 9), ImVec2(c.x - 5, c.y), to_u32(ui.palette.text), 2.5f);
    dl->AddLine(ImVec2(c.x - 5, c.y), ImVec2(c.x + 4, c.y + 9), to_u32(ui.palette.text), 2.5f);
    ui.layout.add(bid, LayoutKind::Button, pos.x, pos.y, size, size);
    title_x = pos.x + size + 4.0f;
  }
  // Icons at the far right (the last reaches the column's edge, its circle overhanging the margin).
  float right = col.left + col.width + 6.0f;
  const float icon_y = top.y + (bar_h - 44.0f) * 0.5f;
  if (ui.header_safety) {
    right -= 44.0f;
    if (icon_button(ui, std::string(id) + ".safety", ImVec2(right, icon_y), draw_safety_icon)) ui.safety_pressed = true;
  }
  if (ui.header_settings) {
    right -= 44.0f;
    if (icon_button(ui, std::string(id) + ".settings", ImVec2(right, icon_y), draw_settings_icon)) ui.settings_pressed = true;
  }
  if (right < col.left + col.width) right -= 4.0f;
  else right = col.left + col.width;
  if (!action_label.empty() && ui.header_action_icon) {
    right -= 48.0f;
    const bool pressed = icon_button(ui, std::string(id) + ".action", ImVec2(right, icon_y), draw_options_icon);
    if (action_pressed) *action_pressed = pressed;
    right -= 4.0f;
  } else if (!action_label.empty()) {
    ImGui::PushFont(ui.fonts.button);
    ImVec2 ts = ImGui::CalcTextSize(action_label.data(), action_label.data() + action_label.size());
    ImGui::PopFont();
    ImVec2 size(ts.x + 24.0f, 48.0f);
    ImVec2 pos(right - size.x + 12.0f, top.y + (bar_h - size.y) * 0.5f);
    if (ui.header_safety || ui.header_settings) pos.x = right - size.x;
    ImGui::SetCursorScreenPos(pos);
    std::string aid = std::string(id) + ".action";
    bool pressed = tap_button(aid, size, 24.0f);
    if (action_pressed) *action_pressed = pressed;
    if (ImGui::IsItemHovered()) dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), to_u32(ui.palette.mat), 24.0f);
    draw_text(dl, ui.fonts.button, ui.fonts.button->FontSize * ui.fonts.button->Scale,
                ImVec2(pos.x + 12.0f, pos.y + (size.y - ts.y) * 0.5f), to_u32(ui.palette.primary), action_label.data(),
                action_label.data() + action_label.size());
    ui.layout.add(aid, LayoutKind::Button, pos.x, pos.y, size.x, size.y);
    right = pos.x - 8.0f;
  }
  float avail = right - title_x;
  // A long title (an exercise's name, large text) steps down to a smaller font before it is cut.
  ImFont* title_font = ui.fonts.heading;
  for (ImFont* f : {ui.fonts.heading, ui.fonts.button, ui.fonts.body}) {
    title_font = f;
    ImGui::PushFont(f);
    float fw = ImGui::CalcTextSize(title.data(), title.data() + title.size()).x;
    ImGui::PopFont();
    if (fw <= avail) break;
  }
  if (!with_back) title_font = ui.fonts.heading;
  ImGui::PushFont(title_font);
  float th = ImGui::GetTextLineHeight();
  std::string tid = std::string(id) + ".title";
  float tw = ImGui::CalcTextSize(title.data(), title.data() + title.size()).x;
  // A top-level screen's title (Today) is also said by the screen below it: on a narrow bar it
  // gives way to the controls rather than being cut.
  if (tw <= avail || with_back) {
    ImVec4 clip(title_x, top.y, title_x + avail, top.y + bar_h);
    draw_text(dl, title_font, ImGui::GetFontSize(), ImVec2(title_x, top.y + (bar_h - th) * 0.5f), to_u32(ui.palette.text),
                title.data(), title.data() + title.size(), 0.0f, &clip);
    ui.layout.add(tid, LayoutKind::Text, title_x, top.y + (bar_h - th) * 0.5f, std::min(tw, avail), th, tw > avail);
    ui.layout.items.back().allowed_w = avail;
  }
  ImGui::PopFont();
  ImGui::SetCursorScreenPos(ImVec2(0, top.y + bar_h));
  return back;
}

void begin_scroll_area(Ui& ui, std::string_view id, float bottom_reserve_px) {
  (void)ui;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 size(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y - pos.y - bottom_reserve_px);
  std::string cid(id);
  // Flattened: arrow keys move between the controls inside and outside the scroll area.
  ImGui::BeginChild(cid.c_str(), size, false, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
  ImGui::Dummy(ImVec2(0, 8));
}

void end_scroll_area() {
  ImGui::Dummy(ImVec2(0, 24));
  // Touch and mouse drag scrolls, as a finger expects on a phone.
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left, kTapSlopPx)) {
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
  }
  ImGui::EndChild();
}

bool chip(Ui& ui, std::string_view id, std::string_view label, bool selected) {
  ImGui::PushFont(ui.fonts.small);
  ImVec2 ts = ImGui::CalcTextSize(label.data(), label.data() + label.size());
  ImGui::PopFont();
  ImVec2 size(ts.x + 32.0f, 44.0f);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool tapped = tap_button(id, size, 18.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 a(pos.x, pos.y + 4), b(pos.x + size.x, pos.y + size.y - 4);
  if (selected) {
    dl->AddRectFilled(a, b, to_u32(ui.palette.primary), 18.0f);
  } else {
    dl->AddRectFilled(a, b, to_u32(ui.palette.surface), 18.0f);
    dl->AddRect(a, b, to_u32(ui.palette.border), 18.0f, 0, 1.5f * ui.palette.border_scale);
  }
  draw_text(dl, ui.fonts.small, ui.fonts.small->FontSize * ui.fonts.small->Scale,
              ImVec2(pos.x + 16.0f, pos.y + (size.y - ts.y) * 0.5f),
              to_u32(selected ? ui.palette.on_primary : ui.palette.text), label.data(), label.data() + label.size());
  ui.layout.add(id, LayoutKind::Button, pos.x, pos.y, size.x, size.y);
  return tapped;
}

bool secondary_button(Ui& ui, std::string_view id, std::string_view label, float width, float height) {
  if (height < 44.0f) height = 44.0f;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool tapped = tap_button(id, ImVec2(width, height), height * 0.5f);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 b(pos.x + width, pos.y + height);
  dl->AddRectFilled(pos, b, to_u32(ImGui::IsItemHovered() ? ui.palette.mat : ui.palette.surface), height * 0.5f);
  dl->AddRect(pos, b, to_u32(ui.palette.primary), height * 0.5f, 0, 2.0f * ui.palette.border_scale);
  ui.layout.add(id, LayoutKind::Button, pos.x, pos.y, width, height, !button_label(ui, label, pos, width, height, ui.palette.primary));
  return tapped;
}

bool choice_button(Ui& ui, std::string_view id, std::string_view label, float width, float height, bool selected) {
  if (!selected) return secondary_button(ui, id, label, width, height);
  if (height < 44.0f) height = 44.0f;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool tapped = tap_button(id, ImVec2(width, height), height * 0.5f);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), to_u32(ui.palette.primary), height * 0.5f);
  ui.layout.add(id, LayoutKind::Button, pos.x, pos.y, width, height, !button_label(ui, label, pos, width, height, ui.palette.on_primary));
  return tapped;
}

int pain_scale(Ui& ui, const std::string& id, const Column& col, int selected) {
  const int per_row = col.width < 360 ? 4 : 6;
  const float gap = 8.0f, bh = 56.0f;
  const float bw = (col.width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  const float y = ImGui::GetCursorScreenPos().y;
  int tapped = -1;
  for (int n = 0; n <= 10; ++n) {
    int r = n / per_row, c = n % per_row;
    ImGui::SetCursorScreenPos(ImVec2(col.left + static_cast<float>(c) * (bw + gap), y + static_cast<float>(r) * (bh + gap)));
    if (choice_button(ui, id + "." + std::to_string(n), std::to_string(n), bw, bh, n == selected)) tapped = n;
  }
  const int rows = 10 / per_row + 1;
  ImGui::SetCursorScreenPos(ImVec2(col.left, y + static_cast<float>(rows) * (bh + gap)));
  return tapped;
}

float brand_line(Ui& ui, std::string_view id, const Column& col, Align align) {
  const Brand* b = ui.brand;
  if (!b || (b->name.empty() && !b->logo)) return 0.0f;
  const float logo_h = 40.0f, gap = 12.0f;
  const float logo_w = b->logo ? std::min(logo_h * b->logo_aspect, col.width * 0.5f) : 0.0f;
  const float real_logo_h = b->logo ? logo_w / b->logo_aspect : 0.0f;
  const float text_room = col.width - (logo_w > 0 ? logo_w + gap : 0.0f);
  ImFont* font = ui.fonts.heading;
  ImGui::PushFont(font);
  const ImVec2 ts = ImGui::CalcTextSize(b->name.data(), b->name.data() + b->name.size(), false, text_room);
  ImGui::PopFont();
  const float name_w = b->name.empty() ? 0.0f : std::min(ts.x, text_room);
  const float line_h = std::max(real_logo_h, b->name.empty() ? 0.0f : ts.y);
  const float total_w = logo_w + (logo_w > 0 && name_w > 0 ? gap : 0.0f) + name_w;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  float x = align == Align::Center ? col.left + (col.width - total_w) * 0.5f : col.left;
  const std::string sid(id);
  if (b->logo) {
    const float y = top.y + (line_h - real_logo_h) * 0.5f;
    ImGui::GetWindowDrawList()->AddImage(b->logo, ImVec2(x, y), ImVec2(x + logo_w, y + real_logo_h));
    ui.layout.add(sid + ".logo", LayoutKind::Figure, x, y, logo_w, real_logo_h);
    x += logo_w + gap;
  }
  if (!b->name.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(x, top.y + (line_h - ts.y) * 0.5f));
    text_block(ui, sid + ".name", b->name, font, ui.palette.accent, text_room);
  }
  ImGui::SetCursorScreenPos(ImVec2(col.left, top.y + line_h));
  return line_h;
}

void notice(Ui& ui, std::string_view id, std::string_view text, const Column& col, bool danger) {
  const float pad = 14.0f;
  ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
  float h = text_block_height(text, ui.fonts.body, col.width - 2 * pad - 4) + 2 * pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(ui.palette.banner), 14.0f);
  dl->AddRectFilled(pos, ImVec2(pos.x + 5, pos.y + h), to_u32(danger ? ui.palette.danger : ui.palette.primary), 14.0f,
                    ImDrawFlags_RoundCornersLeft);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad + 4, pos.y + pad));
  text_block(ui, id, text, ui.fonts.body, ui.palette.text, col.width - 2 * pad - 4);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + 12));
}

bool switch_row(Ui& ui, std::string_view id, std::string_view label, bool on, const Column& col) {
  const float h = 60.0f, pad = 16.0f, track_w = 52.0f, track_h = 30.0f;
  ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
  ImGui::SetCursorScreenPos(pos);
  bool tapped = tap_button(id, ImVec2(col.width, h), 16.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(ImGui::IsItemHovered() ? ui.palette.mat : ui.palette.surface),
                    16.0f);
  dl->AddRect(pos, ImVec2(pos.x + col.width, pos.y + h), to_u32(ui.palette.border), 16.0f, 0, ui.palette.border_scale);
  ui.layout.add(id, LayoutKind::Button, pos.x, pos.y, col.width, h);
  // The switch: a filled track with the knob at the right when on.
  ImVec2 t(pos.x + col.width - pad - track_w, pos.y + (h - track_h) * 0.5f);
  const float r = track_h * 0.5f;
  if (on) {
    dl->AddRectFilled(t, ImVec2(t.x + track_w, t.y + track_h), to_u32(ui.palette.primary), r);
    dl->AddCircleFilled(ImVec2(t.x + track_w - r, t.y + r), r - 4, to_u32(ui.palette.on_primary), 24);
  } else {
    dl->AddRectFilled(t, ImVec2(t.x + track_w, t.y + track_h), to_u32(ui.palette.background), r);
    dl->AddRect(t, ImVec2(t.x + track_w, t.y + track_h), to_u32(ui.palette.text_muted), r, 0, 2.0f);
    dl->AddCircleFilled(ImVec2(t.x + r, t.y + r), r - 6, to_u32(ui.palette.text_muted), 24);
  }
  // The label, and the state in words for people who cannot tell the switch's colours apart.
  const std::string state = ui.strings.get(on ? "settings.on" : "settings.off");
  ImGui::PushFont(ui.fonts.small);
  const float state_w = ImGui::CalcTextSize(state.c_str()).x;
  ImGui::PopFont();
  const float label_w = col.width - 3 * pad - track_w - state_w - 10.0f;
  const float lh = text_block_height(label, ui.fonts.body, label_w);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + (h - lh) * 0.5f));
  text_block(ui, std::string(id) + ".label", label, ui.fonts.body, ui.palette.text, label_w);
  const float sh = text_block_height(state, ui.fonts.small, state_w + 1);
  ImGui::SetCursorScreenPos(ImVec2(t.x - 10.0f - state_w, pos.y + (h - sh) * 0.5f));
  text_block(ui, std::string(id) + ".state", state, ui.fonts.small, ui.palette.text_muted, state_w + 1);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + 10));
  return tapped;
}

int choice_group(Ui& ui, const std::string& id, const std::string* labels, int count, int selected, const Column& col) {
  const float gap = 8.0f, bh = 52.0f;
  float widest = 0.0f;
  ImGui::PushFont(ui.fonts.button);
  for (int i = 0; i < count; ++i) widest = std::max(widest, ImGui::CalcTextSize(labels[i].c_str()).x);
  ImGui::PopFont();
  // As many across as fit with room around the words: all, two, or one per row.
  int per_row = count;
  while (per_row > 1 && (col.width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row) < widest + 28.0f) {
    per_row = per_row > 2 && count % 2 == 0 ? 2 : 1;
  }
  const float bw = (col.width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  const float y = ImGui::GetCursorScreenPos().y;
  int tapped = -1;
  for (int i = 0; i < count; ++i) {
    int r = i / per_row, c = i % per_row;
    ImGui::SetCursorScreenPos(ImVec2(col.left + static_cast<float>(c) * (bw + gap), y + static_cast<float>(r) * (bh + gap)));
    if (choice_button(ui, id + "." + std::to_string(i), labels[i], bw, bh, i == selected)) tapped = i;
  }
  const int rows = (count + per_row - 1) / per_row;
  ImGui::SetCursorScreenPos(ImVec2(col.left, y + static_cast<float>(rows) * (bh + gap) - gap + 12));
  return tapped;
}

void section_heading(Ui& ui, std::string_view id, std::string_view text, const Column& col) {
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 14));
  text_block(ui, id, text, ui.fonts.heading, ui.palette.text, col.width);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
}

void bullet_item(Ui& ui, std::string_view id, std::string_view text, const Column& col, const ImVec4& colour) {
  const float indent = 22.0f;
  ImVec2 pos(col.left, ImGui::GetCursorScreenPos().y);
  ImGui::PushFont(ui.fonts.body);
  const float line_h = ImGui::GetTextLineHeight();
  ImGui::PopFont();
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + 7, pos.y + line_h * 0.5f + 1), 4.0f, to_u32(colour), 12);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + indent, pos.y));
  text_block(ui, id, text, ui.fonts.body, ui.palette.text, col.width - indent);
  ImGui::SetCursorScreenPos(ImVec2(col.left, ImGui::GetCursorScreenPos().y + 8));
}

}  // namespace sb
