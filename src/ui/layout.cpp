// layout: recording and serialising the frame's named rectangles.
#include "ui/layout.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>

#include "core/json.h"

namespace sb {

void Layout::begin(std::string_view screen_name, float width_px, float height_px) {
  screen.assign(screen_name);
  width = width_px;
  height = height_px;
  focus_request.clear();
  if (tab != 0) {
    // The controls of the last frame, in drawing order (reading order on every screen).
    std::vector<const LayoutItem*> controls;
    int at = -1;
    for (const LayoutItem& it : items) {
      if (it.kind != LayoutKind::Button) continue;
      if (it.focused) at = static_cast<int>(controls.size());
      controls.push_back(&it);
    }
    const int n = static_cast<int>(controls.size());
    if (n > 0) {
      int next = at < 0 ? (tab > 0 ? 0 : n - 1) : ((at + tab) % n + n) % n;
      focus_request = controls[static_cast<size_t>(next)]->id;
    }
    tab = 0;
  }
  items.clear();
}

void Layout::add(std::string_view id, LayoutKind kind, float x, float y, float w, float h, bool clipped) {
  bool focused = false;
  if (kind == LayoutKind::Button && ImGui::GetCurrentContext()) {
    ImGuiContext& g = *GImGui;
    if (!focus_request.empty() && id == focus_request) {
      ImGuiWindow* window = ImGui::GetCurrentWindow();
      ImGui::SetFocusID(g.LastItemData.ID, window);
      g.NavDisableHighlight = false;
      g.NavDisableMouseHover = true;
      ImGui::ScrollToRect(window, g.LastItemData.Rect, ImGuiScrollFlags_KeepVisibleEdgeY);
      focus_request.clear();
    }
    focused = g.NavId != 0 && g.NavId == g.LastItemData.ID && !g.NavDisableHighlight;
  }
  LayoutItem item{std::string(id), kind, x, y, w, h, clipped, focused};
  if (ImGui::GetCurrentContext() && GImGui->CurrentWindow) {
    // A scrolling area shows only part of its window: tests scroll an item into it before a tap.
    const ImRect& clip = GImGui->CurrentWindow->ClipRect;
    if (clip.Min.y > 0.5f || clip.Max.y < height - 0.5f) {
      item.view_top = clip.Min.y;
      item.view_bottom = clip.Max.y;
    }
  }
  items.push_back(std::move(item));
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
    std::snprintf(buf, sizeof buf, ",\"kind\":\"%s\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"clipped\":%s%s",
                  kKindNames[static_cast<int>(it.kind)], static_cast<double>(it.x), static_cast<double>(it.y),
                  static_cast<double>(it.w), static_cast<double>(it.h), it.clipped ? "true" : "false",
                  it.focused ? ",\"focused\":true" : "");
    out += buf;
    if (it.allowed_w > 0) {
      std::snprintf(buf, sizeof buf, ",\"aw\":%.1f", static_cast<double>(it.allowed_w));
      out += buf;
    }
    if (it.view_bottom > it.view_top) {
      std::snprintf(buf, sizeof buf, ",\"vt\":%.1f,\"vb\":%.1f", static_cast<double>(it.view_top),
                    static_cast<double>(it.view_bottom));
      out += buf;
    }
    out += '}';
  }
  out += "]}";
  return out;
}

}  // namespace sb
