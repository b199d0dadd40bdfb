// layout: recording and serialising the frame's named rectangles.
#include "ui/layout.h"

#include <cstdio>

#include "core/json.h"

namespace sb {

void Layout::begin(std::string_view screen_name, float width_px, float height_px) {
  screen.assign(screen_name);
  width = width_px;
  height = height_px;
  items.clear();
}

void Layout::add(std::string_view id, LayoutKind kind, float x, float y, float w, float h, bool clipped) {
  items.push_back(LayoutItem{std::string(id), kind, x, y, w, h, clipped});
}

std::string Layout::to_json() const {
  static const char* kKindNames[] = {"text", "button", "figure", "field"};
  std::string out = "{\"screen\":";
  json_append_string(out, screen);
  char buf[160];
  std::snprintf(buf, sizeof buf, ",\"width\":%.1f,\"height\":%.1f,\"items\":[", static_cast<double>(width),
                static_cast<double>(height));
  out += buf;
  for (size_t i = 0; i < items.size(); ++i) {
    const LayoutItem& it = items[i];
    if (i) out += ',';
    out += "{\"id\":";
    json_append_string(out, it.id);
    std::snprintf(buf, sizeof buf, ",\"kind\":\"%s\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"clipped\":%s}",
                  kKindNames[static_cast<int>(it.kind)], static_cast<double>(it.x), static_cast<double>(it.y),
                  static_cast<double>(it.w), static_cast<double>(it.h), it.clipped ? "true" : "false");
    out += buf;
  }
  out += "]}";
  return out;
}

}  // namespace sb
