// app: the one value that holds the whole running app. main.cpp owns it and wires
// platform -> core -> ui -> render each frame; it holds state, not logic.
#pragma once

#include <SDL.h>

#include <string>

#include <vector>

#include "core/content.h"
#include "core/session.h"
#include "core/strings.h"
#include "platform/cue_output.h"
#include "platform/figure_renderer.h"
#include "ui/layout.h"
#include "ui/library.h"
#include "ui/theme.h"

namespace sb {

enum class Screen { Welcome, Today, Programmes, Library, Exercise, Player };

struct App {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;

  Strings strings;
  Content content;
  int content_errors = 0;  // problems in the shipped content (shown, never fatal)
  Palette palette;
  Fonts fonts;
  Layout layout;

  Screen screen = Screen::Welcome;
  std::vector<Screen> back_stack;  // screens to return to
  bool screen_announced = false;
  LibraryState library;
  int exercise = 0;   // the exercise shown on the detail screen
  int programme = 0;  // the current programme (index into content.programmes)

  // The session being played (Screen::Player).
  SessionState session;
  CueOutput cues;

  FigureRenderer figure_renderer;
  FigureDrawJob figure_job;

  int redraw_frames = 3;          // frames still to draw before going idle
  bool first_frame_done = false;
  std::string published_layout;   // last layout JSON sent to the page
};

}  // namespace sb
