// ui_renderer: draws Dear ImGui's draw data with WebGL2. The app owns the GL context, so this
// renderer sets the state it needs and never reads state back: a read (getParameter) makes the
// browser wait for the GPU process, which cost more than the rest of a frame. The font atlas is
// kept as one 8-bit channel, a quarter of the RGBA copy ImGui's own backend uploads.
#pragma once

#include <array>

struct ImDrawData;
struct ImFontAtlas;

namespace sb {

struct UiRenderer {
  unsigned program = 0;
  unsigned vao = 0;
  unsigned vbo = 0;
  unsigned ebo = 0;
  std::array<unsigned, 6> font_textures{};  // font atlases (R8), by slot: see ui_renderer_upload_fonts
  int u_view = -1;
  int u_atlas = -1;
  int u_rgba = -1;     // 1 while drawing an RGBA image (any texture but the atlas)
  bool linked = false; // ui_renderer_finish succeeded
};

// Starts compiling the shaders (gl_program.h) and creates the buffers. False (with a console
// message) on failure.
bool ui_renderer_init(UiRenderer& r);

// Whether ui_renderer_finish can run without waiting for the shaders.
bool ui_renderer_ready(const UiRenderer& r);

// Checks the shaders linked and reads their uniforms; false (with a console message) if not.
bool ui_renderer_finish(UiRenderer& r);

// Draws a pixel's worth with the UI's program, state and first font atlas into the default
// framebuffer (the canvas, hidden under the loading card until the first frame) and hands it
// to the GPU process at once. A driver that builds its drawing code at the first draw, as a
// software one does (tens of ms), then builds it while the start's other steps run, rather
// than while the first frame waits to be shown. Needs ui_renderer_finish and font slot 0.
void ui_renderer_warm_up(const UiRenderer& r);

// Uploads a font atlas (after ImFontAtlas::Build) into its texture and frees its pixels on
// the heap. The slot (0 to 5) is the atlas's ui/theme.h FontPart.
void ui_renderer_upload_fonts(UiRenderer& r, ImFontAtlas& atlas, int slot);

// Draws one frame's draw data (textures other than the font atlas are RGBA images) into the default framebuffer; runs the draw lists' callbacks
// (the figure renderer) in order and restores the UI state after ImDrawCallback_ResetRenderState.
void ui_renderer_render(const UiRenderer& r, const ImDrawData* draw_data);

}  // namespace sb
