// figure_view: the demonstration figure in a rectangle of the screen. Samples the exercise's
// clip, projects the 3D figure for the clip's camera view, and fills a batch of 2D capsules
// (floor, mat and props, a soft contact shadow, the highlighted target area, far limbs
// lighter than near ones, a trail in move phases) for the WebGL renderer. No allocation.
#pragma once

#include <cstdint>

#include "core/clip.h"
#include "core/content.h"
#include "core/session.h"
#include "platform/figure_renderer.h"
#include "ui/exercise_detail.h"
#include "ui/theme.h"

namespace sb {

// How a clip is framed in a slot: metres to CSS px, and the view-space point at the centre.
struct FigureFit {
  float scale_px_per_m = 0;
  float centre_x_m = 0, centre_y_m = 0;  // view-space centre of the figure's bounds
  float slot_w = 0, slot_h = 0;          // the slot size this fit was made for
  const Clip* clip = nullptr;
};

// Frames every pose the clip passes through (both sides) inside a slot of this size.
FigureFit fit_figure(const Clip& clip, float slot_w, float slot_h);

// Bit mask of Target values to highlight on the figure.
uint32_t target_mask(const Exercise& exercise);

struct FigureFrame {
  Phase phase = Phase::Start;
  double progress = 0;  // 0..1 through the phase
  Side side = Side::Left;
};

// The exercise page's demonstration elapsed_s into its loop: the whole rep at the exercise's
// own pace, alternating sides for a per-side exercise.
FigureFrame looping_frame(const Exercise& e, const Clip& clip, double elapsed_s);

// The player's figure for a session moment: it moves in the move phases, stays still in holds.
FigureFrame session_frame(const SessionView& view, const Clip& clip);

// Fills batch with the figure of clip at frame inside slot.
void figure_batch(const Clip& clip, const FigureFit& fit, const FigureFrame& frame, const FigureSlot& slot,
                  const Palette& palette, uint32_t targets, CapsuleBatch& batch);

}  // namespace sb
