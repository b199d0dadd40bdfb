// exercise_detail: one exercise: its looping demonstration, dosage, steps, cues, mistakes,
// safety notes, and links to the easier and harder variants.
#pragma once

#include "core/content.h"
#include "ui/widgets.h"

namespace sb {

struct DetailAction {
  enum class Kind { None, Back, Open } kind = Kind::None;
  int exercise = -1;  // for Open: index into content.exercises
};

// Where the screen wants the figure drawn this frame (CSS px); h == 0 when there is none.
// It remembers the window's draw list and visible area so the figure scrolls and clips
// with the content around it.
struct FigureSlot {
  float x = 0, y = 0, w = 0, h = 0;
  ImDrawList* draw_list = nullptr;
  ImVec2 clip_min, clip_max;
};

// A slot at this rectangle in the current window.
FigureSlot figure_slot_here(float x, float y, float w, float h);

// Draws the screen; figure_height_px == 0 leaves no room for a figure.
DetailAction draw_exercise_detail(Ui& ui, const Content& content, int exercise, float figure_height_px,
                                  FigureSlot& figure_slot);

}  // namespace sb
