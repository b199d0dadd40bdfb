// ui_renderer: draws Dear ImGui's draw data with WebGL2. The app owns the GL context, so this
// renderer sets the state it needs and never reads state back: a read (getParameter) makes the
// browser wait for the GPU process, which cost more than the rest of a frame. The font atlas is
// kept as one 8-bit channel, a quarter of the RGBA copy ImGui's own backend uploads.
#pragma once

struct ImDrawData;

namespace sb {

struct UiRenderer {
  unsigned program = 0;
  unsigned vao = 0;
  unsigned vbo = 0;
  unsigned ebo = 0;
  unsigned atlas = 0;  // font atlas texture (R8)
  int u_view = -1;
  int u_atlas = -1;
  int u_rgba = -1;     // 1 while drawing an RGBA image (any texture but the atlas)
};

// Compiles the shaders and creates the buffers. False (with a console message) on failure.
bool ui_renderer_init(UiRenderer& r);

// Uploads ImGui's font atlas (after ImFontAtlas::Build) and frees its pixels on the heap.
void ui_renderer_upload_fonts(UiRenderer& r);

// Draws one frame's draw data (textures other than the font atlas are RGBA images) into the default framebuffer; runs the draw lists' callbacks
// (the figure renderer) in order and restores the UI state after ImDrawCallback_ResetRenderState.
void ui_renderer_render(const UiRenderer& r, const ImDrawData* draw_data);

}  // namespace sb
