// figure_renderer: draws the demonstration figure with WebGL2 as anti-aliased capsules
// (instanced quads with a distance-field fragment shader, sources in shaders/). It takes
// 2D capsules in CSS pixels, so it knows nothing of rigs or cameras; it is called from an
// ImGui draw callback so the figure sits in the right place in the UI's draw order.
#pragma once

#include <array>
#include <cstdint>

struct ImDrawList;
struct ImDrawCmd;

namespace sb {

struct Capsule2D {
  float ax, ay, bx, by;  // ends, CSS px
  float radius_px;       // CSS px; 0 with a and b equal draws nothing
  float softness_px;     // 0 = crisp edge; > 0 = soft falloff (shadows, glows)
  float r, g, b, a;      // straight-alpha colour
};

constexpr int kMaxCapsules = 256;

// One batch of capsules for one frame region; filled by the UI, drawn by the renderer.
struct CapsuleBatch {
  std::array<Capsule2D, kMaxCapsules> items{};
  int count = 0;
  bool add(const Capsule2D& c) {
    if (count >= kMaxCapsules) return false;
    items[static_cast<size_t>(count++)] = c;
    return true;
  }
};

struct FigureRenderer {
  unsigned program = 0;
  unsigned vao = 0;
  unsigned quad_vbo = 0;
  unsigned instance_vbo = 0;
  int u_display_size = -1;
  int u_px_per_css = -1;
  bool ready = false;
};

// A batch and the renderer that will draw it, kept alive until the frame is rendered.
struct FigureDrawJob {
  FigureRenderer* renderer = nullptr;
  CapsuleBatch batch;
};

// Starts compiling the shaders (gl_program.h) and creates buffers. Returns false (with a
// console message) on failure; the figure is then not drawn.
bool figure_renderer_init(FigureRenderer& r);

// Whether figure_renderer_finish can run without waiting for the shaders.
bool figure_renderer_compiled(const FigureRenderer& r);

// Checks the shaders linked and reads their uniforms; then r.ready. False (with a console
// message) if they did not link.
bool figure_renderer_finish(FigureRenderer& r);

// Queues job to be drawn when ImGui renders draw_list at this point in its commands.
void figure_renderer_queue(ImDrawList* draw_list, const FigureDrawJob* job);

}  // namespace sb
