// app: the one value that holds the whole running app. main.cpp owns it and wires
// platform -> core -> ui -> render each frame; it holds state, not logic.
#pragma once

#include <SDL.h>

#include <string>

#include "core/strings.h"
#include "ui/layout.h"
#include "ui/theme.h"

namespace sb {

enum class Screen { Welcome };

struct App {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;

  Strings strings;
  Palette palette;
  Fonts fonts;
  Layout layout;

  Screen screen = Screen::Welcome;
  bool screen_announced = false;

  int redraw_frames = 3;          // frames still to draw before going idle
  bool first_frame_done = false;
  std::string published_layout;   // last layout JSON sent to the page
};

}  // namespace sb
