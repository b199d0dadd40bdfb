// page: C++ side of the page bridge.
#include "platform/page.h"

extern "C" {
void sb_page_first_frame();
void sb_page_count_frame();
void sb_page_set_layout(const char* json, int len);
void sb_page_announce(const char* text);
void sb_page_set_canvas_label(const char* text);
void sb_page_show_error(const char* text);
}

namespace sb {

void page_first_frame() { sb_page_first_frame(); }
void page_count_frame() { sb_page_count_frame(); }
void page_set_layout(const std::string& json) { sb_page_set_layout(json.data(), static_cast<int>(json.size())); }
void page_announce(const std::string& text) { sb_page_announce(text.c_str()); }
void page_set_canvas_label(const std::string& text) { sb_page_set_canvas_label(text.c_str()); }
void page_show_error(const std::string& text) { sb_page_show_error(text.c_str()); }

}  // namespace sb
