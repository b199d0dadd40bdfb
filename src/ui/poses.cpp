// poses: three framed figures with their labels.
#include "ui/poses.h"

#include <algorithm>
#include <string>

namespace sb {

PosesAction draw_poses(Ui& ui, const Exercise& exercise, std::array<FigureSlot, kKeyPoseCount>& slots) {
  PosesAction action;
  ImGuiIO& io = ImGui::GetIO();
  const float w = io.DisplaySize.x, h = io.DisplaySize.y;
  begin_screen(ui, "poses");
  if (screen_header(ui, "poses", exercise.name, true)) action.kind = PosesAction::Kind::Back;
  static const char* kLabels[kKeyPoseCount] = {"poses.start", "poses.move", "poses.hold"};
  const bool row = w > h;  // side by side when wide, stacked when tall
  const float gap = 12, top = 64 + 12, margin = 16;
  const float avail_w = w - 2 * margin, avail_h = h - top - margin;
  const float label_h = 30;
  for (int i = 0; i < kKeyPoseCount; ++i) {
    float cw = row ? (avail_w - 2 * gap) / 3 : avail_w;
    float ch = row ? avail_h : (avail_h - 2 * gap) / 3;
    float x = margin + (row ? static_cast<float>(i) * (cw + gap) : 0);
    float y = top + (row ? 0 : static_cast<float>(i) * (ch + gap));
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + cw, y + ch), to_u32(ui.palette.surface), 16);
    ImGui::SetCursorScreenPos(ImVec2(x, y + 8));
    text_block(ui, std::string("poses.label.") + std::to_string(i + 1), ui.strings.get(kLabels[i]), ui.fonts.heading,
               ui.palette.accent, cw, Align::Center);
    slots[static_cast<size_t>(i)] = figure_slot_here(x, y + label_h, cw, std::max(40.0f, ch - label_h));
    ui.layout.add(std::string("poses.figure.") + std::to_string(i + 1), LayoutKind::Figure, x, y + label_h, cw, ch - label_h);
  }
  end_screen();
  return action;
}

}  // namespace sb
