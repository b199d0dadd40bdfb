// ui_renderer: Dear ImGui's vertices and indices to WebGL2, with no state read back.
#include "platform/ui_renderer.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "platform/gl_program.h"

namespace sb {

namespace {

constexpr GLenum kIndexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;

// The whole state the UI pass needs; set at the start and after a callback asked for it.
void set_state(const UiRenderer& r, const ImDrawData* dd, int fb_w, int fb_h) {
  glViewport(0, 0, fb_w, fb_h);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glEnable(GL_SCISSOR_TEST);
  glUseProgram(r.program);
  glUniform4f(r.u_view, dd->DisplayPos.x, dd->DisplayPos.y, dd->DisplaySize.x, dd->DisplaySize.y);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(r.vao);
  glBindBuffer(GL_ARRAY_BUFFER, r.vbo);
}

void upload_atlas(ImFontAtlas* atlas, GLuint texture) {
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
  gl_texture_fill(texture, w, h, GL_R8, GL_RED, pixels);
  atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)));
  atlas->ClearTexData();  // the GPU has its copy; glyph metrics stay
}

}  // namespace

bool ui_renderer_init(UiRenderer& r) {
  r.program = gl_program_begin("ui.vert", "ui.frag");
  if (!r.program) return false;
  glGenVertexArrays(1, &r.vao);
  glGenBuffers(1, &r.vbo);
  glGenBuffers(1, &r.ebo);
  glBindVertexArray(r.vao);
  glBindBuffer(GL_ARRAY_BUFFER, r.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.ebo);  // remembered by the vertex array
  const GLsizei stride = sizeof(ImDrawVert);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "steady_webgl2";
  return true;
}

bool ui_renderer_ready(const UiRenderer& r) { return gl_program_ready(r.program); }

bool ui_renderer_finish(UiRenderer& r) {
  if (!gl_program_end(r.program, "ui.vert", "ui.frag")) {
    r.program = 0;
    return false;
  }
  r.u_view = glGetUniformLocation(r.program, "u_view");
  r.u_atlas = glGetUniformLocation(r.program, "u_atlas");
  r.u_rgba = glGetUniformLocation(r.program, "u_rgba");
  glUseProgram(r.program);
  glUniform1i(r.u_atlas, 0);
  r.linked = true;
  return true;
}

void ui_renderer_warm_up(const UiRenderer& r) {
  if (!r.linked || !r.font_textures[0]) return;
  ImDrawVert vertices[3] = {};
  vertices[1].pos = ImVec2(1, 0);
  vertices[2].pos = ImVec2(0, 1);
  for (ImDrawVert& v : vertices) v.col = IM_COL32_WHITE;
  const ImDrawIdx indices[3] = {0, 1, 2};
  ImDrawData dd;
  dd.DisplayPos = ImVec2(0, 0);
  dd.DisplaySize = ImVec2(1, 1);
  set_state(r, &dd, 1, 1);
  glBufferData(GL_ARRAY_BUFFER, sizeof vertices, vertices, GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof indices, indices, GL_STREAM_DRAW);
  glScissor(0, 0, 1, 1);
  glBindTexture(GL_TEXTURE_2D, r.font_textures[0]);
  glUniform1i(r.u_rgba, 0);
  glDrawElements(GL_TRIANGLES, 3, kIndexType, nullptr);
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
  // A fence makes the browser send the draw to be done now, not with the first frame.
  GLsync fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
  glFlush();
  glDeleteSync(fence);
}

void ui_renderer_upload_fonts(UiRenderer& r, ImFontAtlas& atlas, int slot) {
  unsigned& texture = r.font_textures[static_cast<size_t>(std::clamp(slot, 0, static_cast<int>(r.font_textures.size()) - 1))];
  if (!texture) glGenTextures(1, &texture);
  upload_atlas(&atlas, texture);
}

void ui_renderer_render(const UiRenderer& r, const ImDrawData* dd) {
  const ImVec2 scale = dd->FramebufferScale;
  const int fb_w = static_cast<int>(dd->DisplaySize.x * scale.x);
  const int fb_h = static_cast<int>(dd->DisplaySize.y * scale.y);
  if (fb_w <= 0 || fb_h <= 0 || !r.linked) return;
  set_state(r, dd, fb_w, fb_h);
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* list = dd->CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
        set_state(r, dd, fb_w, fb_h);
        continue;
      }
      if (cmd.UserCallback) {
        cmd.UserCallback(list, &cmd);
        continue;
      }
      // Clip rectangle in framebuffer pixels (GL's origin is the bottom-left corner).
      const float x0 = (cmd.ClipRect.x - dd->DisplayPos.x) * scale.x;
      const float y0 = (cmd.ClipRect.y - dd->DisplayPos.y) * scale.y;
      const float x1 = (cmd.ClipRect.z - dd->DisplayPos.x) * scale.x;
      const float y1 = (cmd.ClipRect.w - dd->DisplayPos.y) * scale.y;
      if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
      glScissor(static_cast<int>(x0), static_cast<int>(static_cast<float>(fb_h) - y1), static_cast<int>(x1 - x0),
                static_cast<int>(y1 - y0));
      const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
      glBindTexture(GL_TEXTURE_2D, tex);
      const bool font = std::find(r.font_textures.begin(), r.font_textures.end(), tex) != r.font_textures.end();
      glUniform1i(r.u_rgba, font ? 0 : 1);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), kIndexType,
                     reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
    }
  }
  glDisable(GL_SCISSOR_TEST);  // the next frame's clear covers the whole canvas
  glBindVertexArray(0);
}

}  // namespace sb
