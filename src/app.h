// app: the one value that holds the whole running app. main.cpp owns it and wires
// platform -> core -> ui -> render each frame; it holds state, not logic.
#pragma once

#include <SDL.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include <vector>

#include "core/clip.h"
#include "core/content.h"
#include "core/prescription.h"
#include "core/session.h"
#include "core/strings.h"
#include "platform/clinic_state.h"
#include "platform/cue_output.h"
#include "platform/figure_renderer.h"
#include "platform/page.h"
#include "platform/progress_keeper.h"
#include "platform/ui_renderer.h"
#include "ui/layout.h"
#include "ui/builder.h"
#include "ui/figure_view.h"
#include "ui/history.h"
#include "ui/library.h"
#include "ui/player.h"
#include "ui/theme.h"
#include "ui/today.h"

namespace sb {

enum class Screen {
  Welcome, Today, Programmes, Library, Exercise, Poses, Before, Player, History,
  Prescription, Builder, Share,  // a link to confirm or explain; the programme builder; its link
  SafetyCheck, Care, About, Settings
};

struct App {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;

  Strings strings;
  Content content;
  int content_errors = 0;  // problems in the shipped content (shown, never fatal)
  std::string theme_id = "light";  // "light", "dark" or "high-contrast" (assets/themes.json)
  bool reduced_motion = false;     // less motion: asked in Settings, or by the system
  bool device_dark = false;        // the system's preferences, read once at start
  bool device_more_contrast = false;
  bool device_reduced_motion = false;
  std::string build_id;            // shown on the About screen
  Palette palette;                 // the colours of theme_id
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
  CueSettings cue_settings;     // sound, volume, voice, vibration
  bool player_options = false;  // the player's options panel is open
  bool care_urgent = false;      // Screen::Care shows the urgent advice
  bool safety_then_before = false;  // the safety questions were asked on the way to a session
  std::string published_controls;   // last session controls sent to the page
  PageControl control = PageControl::None;  // a page button pressed, handled this frame
  std::vector<SDL_Event> deferred_keyups;   // key releases held back a frame (see frame())

  // Progress and settings, kept in the browser (IndexedDB through web/storage.js).
  ProgressKeeper keeper;
  bool settings_applied = false;  // the stored settings were applied once loaded
  int progress_revision = 0;      // +1 for every change to keeper.progress
  int views_revision = -1;        // progress_revision the views below were made from
  int views_day = -1;             // and the day
  TodayInfo today_info;
  HistoryModel history;
  std::vector<Suggestion> suggestions;      // the pain rules' suggestions, minus dismissed ones
  std::vector<std::string> dismissed;       // "Not now" this visit: exercise ids
  // The session's log: started when the person starts, saved whenever an outcome changes.
  SessionLog log;
  std::string log_saved;          // what the last saved log looked like (outcomes, ratings)
  SummaryAnswers answers;

  // Prescriptions: a link being confirmed or explained, the accepted one, the builder.
  PrescriptionDecode incoming;      // Screen::Prescription shows this (confirmation or error)
  bool accept_after_load = false;   // accepted before the stored settings arrived: apply again then
  Prescription prescription;        // the accepted one; title empty: none
  bool builder_picking = false;     // the library was opened to add an exercise to the builder
  bool text_fields_shown = false;   // the builder's DOM text fields are on the page
  BuilderState builder;

  ClipLoad clips;                  // the demonstration of every exercise
  double figure_anim_start_s = 0;  // wall time the detail screen's loop started
  FigureFit figure_fit;            // framing of the last clip drawn, reused while the slot is the same
  UiRenderer ui_renderer;          // draws ImGui's draw data
  FigureRenderer figure_renderer;
  std::array<FigureDrawJob, 3> figure_jobs;  // up to three figures a frame (key poses)

  // The hosting clinic (clinic.json) and embedding in its pages.
  ClinicState clinic;
  Brand brand;                     // what the screens show of it; brand.compact in embed mode
  bool completion_told = false;    // the embedding page was told this session was completed

  int redraw_frames = 3;          // frames still to draw before going idle
  bool first_frame_done = false;
  bool loop_on_frames = false;    // the main loop follows the display's frames (not start-up's quick turns)
  bool link_at_start = false;     // the address names a screen: the library is read before the first frame
  bool content_loaded = false;    // exercises, guidance and programmes read (main.cpp: start_step)
  std::unique_ptr<ContentReader> content_reader;  // while the library is being read, a part per step
  std::unique_ptr<ClipReader> clip_reader;  // while the clips are being read, a few per frame
  bool library_loaded = false;    // content and clips read, and a link in the address followed
  bool figure_begun = false;      // the figure renderer's shaders are compiling (figure_renderer.ready when done)
  bool figure_failed = false;     // they did not build: the figure is not drawn
  bool start_told = false;        // the page was told the start-up finished (page_started)
  std::string published_layout;   // last layout JSON sent to the page
  uint64_t shown_look = 0;        // main.cpp frame_look of the picture on screen
  uint64_t shown_shape = 0;       // the same without where glyphs sit in the font atlases
  int presents = 0;               // pictures handed to the browser so far
  bool glyphs_moved = false;      // the fonts were made again with all characters since the last frame drawn
};

}  // namespace sb
