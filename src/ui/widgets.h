// widgets: the few building blocks every screen uses, drawn in the app's style and recorded
// in the frame's Layout so tests and the page bridge know where they are.
#pragma once

#include <string_view>

#include "core/strings.h"
#include "ui/layout.h"
#include "ui/theme.h"

namespace sb {

// What every screen draws with. Screens read state and return actions; they keep no timing
// or storage logic.
struct Ui {
  const Strings& strings;
  const Palette& palette;
  const Fonts& fonts;
  Layout& layout;
};

enum class Align { Left, Center };

// Wrapped text at the cursor, wrap_width CSS px wide; records it under id.
void text_block(Ui& ui, std::string_view id, std::string_view text, ImFont* font, const ImVec4& color,
                float wrap_width, Align align = Align::Left);

// Height in CSS px that text_block would take for this text.
float text_block_height(std::string_view text, ImFont* font, float wrap_width);

// A large rounded button (at least 44 CSS px tall); true when pressed.
bool primary_button(Ui& ui, std::string_view id, std::string_view label, float width, float height = 56.0f);

}  // namespace sb
