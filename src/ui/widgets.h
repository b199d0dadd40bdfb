// widgets: the few building blocks every screen uses, drawn in the app's style and recorded
// in the frame's Layout so tests and the page bridge know where they are.
#pragma once

#include <string>
#include <string_view>

#include "core/strings.h"
#include "ui/layout.h"
#include "ui/theme.h"

namespace sb {

// The hosting clinic's brand (clinic.json), and whether the app is embedded in its page.
struct Brand {
  std::string name;      // "" = neutral brand
  std::string contact;   // "" = none
  ImTextureID logo = nullptr;  // nullptr = no logo
  float logo_aspect = 1.0f;    // width / height
  bool compact = false;  // embed mode: smaller margins, no big picture
};

// What every screen draws with. Screens read state and return actions; they keep no timing
// or storage logic.
struct Ui {
  const Strings& strings;
  const Palette& palette;
  const Fonts& fonts;
  Layout& layout;
  const Brand* brand = nullptr;  // nullptr: neutral, full layout
  bool header_safety = true;     // screen_header shows the Safety icon
  bool header_settings = false;  // and the Settings icon
  bool header_action_icon = false;  // screen_header's text action is drawn as a sliders icon
  bool safety_pressed = false;   // set when the Safety icon was tapped this frame
  bool settings_pressed = false; // set when the Settings icon was tapped this frame
};

enum class Align { Left, Center };

// Wrapped text at the cursor, wrap_width CSS px wide; records it under id.
void text_block(Ui& ui, std::string_view id, std::string_view text, ImFont* font, const ImVec4& color,
                float wrap_width, Align align = Align::Left);

// Height in CSS px that text_block would take for this text.
float text_block_height(std::string_view text, ImFont* font, float wrap_width);
// Whether a word of text in font is wider than width CSS px: wrapping would break it in the
// middle, which cuts it as surely as running past the edge.
bool word_wider_than(std::string_view text, ImFont* font, float width);

// A large rounded button (at least 44 CSS px tall); true when pressed.
bool primary_button(Ui& ui, std::string_view id, std::string_view label, float width, float height = 56.0f);

// Starts a screen: one full-window ImGui window with explicit spacing, and a fresh layout
// record named screen_name. Pair with end_screen.
void begin_screen(Ui& ui, const char* screen_name);
void end_screen();

// Horizontal page metrics for the current window width: side margin and content column.
struct Column {
  float left = 0;   // CSS px from the window's left edge
  float width = 0;  // CSS px
};
Column page_column(float window_width, float max_width = 720.0f);

// A screen's top bar: optional back button, a title, an optional text action at the right
// ("id.action"; *action_pressed set when tapped; an icon when Ui::header_action_icon), then
// the Safety and Settings icons
// ("id.safety", "id.settings"; see Ui). Returns true when back is pressed. A top-level
// screen's title gives way when the bar is too narrow for it.
bool screen_header(Ui& ui, std::string_view id, std::string_view title, bool with_back,
                   std::string_view action_label = {}, bool* action_pressed = nullptr);

// A scrolling area from the cursor to the bottom of the window (minus bottom_reserve_px),
// scrolled by wheel, keyboard or touch drag. Pair with end_scroll_area.
void begin_scroll_area(Ui& ui, std::string_view id, float bottom_reserve_px = 0.0f);
void end_scroll_area();

// An invisible pressable area at the cursor; true when tapped, clicked or activated by
// keyboard (Space or Enter while focused), but not when a press ended a drag-scroll. Draws
// the focus ring (rounding in CSS px) while it has the keyboard focus.
bool tap_button(std::string_view id, ImVec2 size, float rounding = 14.0f);

// The keyboard focus ring around ImGui's last item, when it has the focus.
void focus_ring(float rounding);

// A row across col: label at the left, an On/Off switch at the right; true when tapped.
bool switch_row(Ui& ui, std::string_view id, std::string_view label, bool on, const Column& col);

// One choice of several as a group of buttons ("<id>.<i>"), as many across as fit col;
// selected is filled. Returns the index tapped, or -1.
int choice_group(Ui& ui, const std::string& id, const std::string* labels, int count, int selected, const Column& col);

// A section heading across col, with space above it.
void section_heading(Ui& ui, std::string_view id, std::string_view text, const Column& col);

// A bulleted list item across col (a small dot, then wrapped text) in colour.
void bullet_item(Ui& ui, std::string_view id, std::string_view text, const Column& col, const ImVec4& colour);

// A pill that can be on or off; true when tapped. Advances the cursor to the right.
bool chip(Ui& ui, std::string_view id, std::string_view label, bool selected);

// A secondary (outlined) button; true when tapped.
bool secondary_button(Ui& ui, std::string_view id, std::string_view label, float width, float height = 48.0f);

// A secondary button that shows a choice: filled when selected; true when tapped.
bool choice_button(Ui& ui, std::string_view id, std::string_view label, float width, float height, bool selected);

// The 0-10 pain scale as a grid of large buttons ("<id>.0" ... "<id>.10") across col;
// selected (-1 none) is filled. Returns the number tapped, or -1.
int pain_scale(Ui& ui, const std::string& id, const Column& col, int selected);

// The clinic's logo and name on one line across col (centred or from the left), recorded
// as "<id>.logo" and "<id>.name"; draws nothing without a brand name or logo. Returns the
// height it took (CSS px).
float brand_line(Ui& ui, std::string_view id, const Column& col, Align align);

// A notice across col: a tinted card with text (danger: in the warning colour).
void notice(Ui& ui, std::string_view id, std::string_view text, const Column& col, bool danger);

}  // namespace sb
