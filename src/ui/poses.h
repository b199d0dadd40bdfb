// poses: an exercise's key poses side by side (start, end of the movement, mid-hold), for
// handouts and for checking every demonstration at a glance (tools/gallery.mjs).
#pragma once

#include <array>

#include "core/content.h"
#include "ui/exercise_detail.h"
#include "ui/widgets.h"

namespace sb {

constexpr int kKeyPoseCount = 3;

struct PosesAction {
  enum class Kind { None, Back } kind = Kind::None;
};

// Draws the screen; slots get the three rectangles where the figures go.
PosesAction draw_poses(Ui& ui, const Exercise& exercise, std::array<FigureSlot, kKeyPoseCount>& slots);

}  // namespace sb
