// layout: the named rectangles the UI drew this frame (buttons, headings, text blocks).
// Tests read them through the page bridge to check sizes, clipping and positions without
// guessing at pixels; the page bridge also uses them to place real DOM buttons.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sb {

enum class LayoutKind { Text, Button, Figure, Field };  // Field: a text box the page lays over

struct LayoutItem {
  std::string id;     // stable name, e.g. "welcome.title"
  LayoutKind kind = LayoutKind::Text;
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels from the canvas's top-left corner
  bool clipped = false;  // text did not fit its box
  bool focused = false;  // a control with the keyboard focus ring
  float allowed_w = 0;   // text: the width it was given to fit in (0: not recorded)
  // The rows of the window it was drawn in that show (CSS px): inside a scrolling area, the
  // part of the item outside [view_top, view_bottom] is hidden. Equal: the whole window.
  float view_top = 0, view_bottom = 0;
};

struct Layout {
  std::string screen;  // e.g. "welcome"
  float width = 0, height = 0;  // CSS pixels of the canvas
  std::vector<LayoutItem> items;
  // Keyboard focus: Tab (+1) or Shift+Tab (-1) pressed since the last frame moves the focus
  // to the next or previous control in drawing order; focus_request names it for this frame.
  int tab = 0;
  std::string focus_request;

  // Starts a new frame's record (and turns a pending Tab into a focus request).
  void begin(std::string_view screen_name, float width_px, float height_px);
  // Records a rectangle. A Button is ImGui's last item: it takes the focus when requested,
  // and is marked focused while it has the keyboard focus ring.
  void add(std::string_view id, LayoutKind kind, float x, float y, float w, float h, bool clipped = false);
  // {"screen":..,"width":..,"height":..,"items":[{"id":..,"kind":..,"x":..,...}]}
  std::string to_json() const;
};

}  // namespace sb
