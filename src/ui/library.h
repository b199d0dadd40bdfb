// library: browse every exercise, filtered by category and starting position.
#pragma once

#include "core/content.h"
#include "ui/widgets.h"

namespace sb {

struct LibraryState {
  int category = -1;  // index into kCategoryNames, -1 = all
  int position = -1;  // index into kPositionNames, -1 = all
  bool show_positions = false;  // the position chips are folded away to keep the list in view
};

struct LibraryAction {
  enum class Kind { None, Back, Open } kind = Kind::None;
  int exercise = -1;  // index into content.exercises for Open
};

// True when the exercise passes the library's filters.
bool library_shows(const LibraryState& state, const Exercise& e);

LibraryAction draw_library(Ui& ui, const Content& content, LibraryState& state);

}  // namespace sb
