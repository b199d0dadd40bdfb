// page: calls from the app into its HTML page (see page_lib.js). No-ops in native builds.
#pragma once

#include <string>

namespace sb {

// Marks the first rendered frame (performance mark "sb-first-frame") and hides the loader.
void page_first_frame();
// Counts a rendered frame (window.__steady.frames) for tests and benchmarks.
void page_count_frame();
// Publishes the layout JSON to window.__steady.layout.
void page_set_layout(const std::string& json);
// Says text in the aria-live region.
void page_announce(const std::string& text);
// Labels the canvas for assistive technology.
void page_set_canvas_label(const std::string& text);
// Replaces the canvas with a plain-words error message.
void page_show_error(const std::string& text);

}  // namespace sb
