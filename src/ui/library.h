// library: browse every exercise, filtered by category, starting position, the equipment the
// person has and what eases their pain, and searched by name (core/library_filter.h).
#pragma once

#include "core/content.h"
#include "core/library_filter.h"
#include "ui/widgets.h"

namespace sb {

struct LibraryState {
  LibraryFilter filter;
  // One filter row at a time unfolds under its chip, so the list stays in view on a phone.
  // On the narrowest phones the categories fold away too.
  enum class Unfolded { None, Category, Position, Equipment, Eases } unfolded = Unfolded::None;
  // Where the page lays its search <input> this frame (CSS px); h == 0: not on screen.
  float search_x = 0, search_y = 0, search_w = 0, search_h = 0;
  bool search_shown = false;    // the page's search field is on the page (main)
  bool search_focused = false;  // the page's search field has the keys (main sets it each frame)
  LibraryFilter announced;  // the filter whose count was last said in the aria-live region
};

struct LibraryAction {
  enum class Kind { None, Back, Open, Clear, ClearSearch, FocusSearch } kind = Kind::None;
  int exercise = -1;  // index into content.exercises for Open
};

LibraryAction draw_library(Ui& ui, const Content& content, LibraryState& state);

}  // namespace sb
