// layout: the named rectangles the UI drew this frame (buttons, headings, text blocks).
// Tests read them through the page bridge to check sizes, clipping and positions without
// guessing at pixels; the page bridge also uses them to place real DOM buttons.
#pragma once

#include <string>
#include <vector>

namespace sb {

enum class LayoutKind { Text, Button, Figure, Field };  // Field: a text box the page lays over

struct LayoutItem {
  std::string id;     // stable name, e.g. "welcome.title"
  LayoutKind kind = LayoutKind::Text;
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels from the canvas's top-left corner
  bool clipped = false;  // text did not fit its box
};

struct Layout {
  std::string screen;  // e.g. "welcome"
  float width = 0, height = 0;  // CSS pixels of the canvas
  std::vector<LayoutItem> items;

  void begin(std::string_view screen_name, float width_px, float height_px);
  void add(std::string_view id, LayoutKind kind, float x, float y, float w, float h, bool clipped = false);
  // {"screen":..,"width":..,"height":..,"items":[{"id":..,"kind":..,"x":..,...}]}
  std::string to_json() const;
};

}  // namespace sb
