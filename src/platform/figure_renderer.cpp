// figure_renderer: WebGL2 instanced capsules drawn from inside ImGui's render pass.
#include "platform/figure_renderer.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstddef>

#include "platform/gl_program.h"

namespace sb {

namespace {

void draw_job(const ImDrawList*, const ImDrawCmd* cmd) {
  const auto* job = static_cast<const FigureDrawJob*>(cmd->UserCallbackData);
  const FigureRenderer& r = *job->renderer;
  if (!r.ready || job->batch.count == 0) return;
  const ImDrawData* dd = ImGui::GetDrawData();
  const float sx = dd->FramebufferScale.x;
  const float sy = dd->FramebufferScale.y;
  const int fb_h = static_cast<int>(dd->DisplaySize.y * sy);
  const ImVec4 clip = cmd->ClipRect;
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<int>((clip.x - dd->DisplayPos.x) * sx),
            static_cast<int>(static_cast<float>(fb_h) - (clip.w - dd->DisplayPos.y) * sy),
            static_cast<int>((clip.z - clip.x) * sx), static_cast<int>((clip.w - clip.y) * sy));
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // the shader writes premultiplied colour
  glUseProgram(r.program);
  glUniform2f(r.u_display_size, dd->DisplaySize.x, dd->DisplaySize.y);
  glUniform1f(r.u_px_per_css, sx);
  glBindVertexArray(r.vao);
  glBindBuffer(GL_ARRAY_BUFFER, r.instance_vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(sizeof(Capsule2D)) * job->batch.count, job->batch.items.data(),
               GL_STREAM_DRAW);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, job->batch.count);
  glBindVertexArray(0);
}

}  // namespace

bool figure_renderer_init(FigureRenderer& r) {
  r.program = gl_program_begin("capsule.vert", "capsule.frag");
  if (!r.program) return false;

  static const float kCorners[] = {-1, -1, 1, -1, -1, 1, 1, 1};
  glGenVertexArrays(1, &r.vao);
  glBindVertexArray(r.vao);
  glGenBuffers(1, &r.quad_vbo);
  glBindBuffer(GL_ARRAY_BUFFER, r.quad_vbo);
  glBufferData(GL_ARRAY_BUFFER, sizeof kCorners, kCorners, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);

  glGenBuffers(1, &r.instance_vbo);
  glBindBuffer(GL_ARRAY_BUFFER, r.instance_vbo);
  const GLsizei stride = sizeof(Capsule2D);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Capsule2D, ax)));
  glVertexAttribDivisor(1, 1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Capsule2D, radius_px)));
  glVertexAttribDivisor(2, 1);
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Capsule2D, r)));
  glVertexAttribDivisor(3, 1);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  return true;
}

bool figure_renderer_compiled(const FigureRenderer& r) { return gl_program_ready(r.program); }

bool figure_renderer_finish(FigureRenderer& r) {
  if (!gl_program_end(r.program, "capsule.vert", "capsule.frag")) {
    r.program = 0;
    return false;
  }
  r.u_display_size = glGetUniformLocation(r.program, "u_display_size");
  r.u_px_per_css = glGetUniformLocation(r.program, "u_px_per_css");
  r.ready = true;
  return true;
}

void figure_renderer_queue(ImDrawList* draw_list, const FigureDrawJob* job) {
  draw_list->AddCallback(draw_job, const_cast<FigureDrawJob*>(job));
  draw_list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

}  // namespace sb
