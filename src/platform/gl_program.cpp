// gl_program: shader compiling and linking with plain-words console messages.
#include "platform/gl_program.h"

#include <GLES3/gl3.h>
#include <emscripten/html5.h>

#include <cstdio>

#include "platform/embedded.h"

namespace sb {

namespace {

constexpr GLenum kCompletionStatus = 0x91B1;  // COMPLETION_STATUS_KHR
bool g_parallel = false;

unsigned compile(GLenum type, const char* name) {
  const EmbeddedFile* file = find_embedded(name);
  if (!file) {
    std::fprintf(stderr, "shader %s is missing from the build\n", name);
    return 0;
  }
  unsigned shader = glCreateShader(type);
  const char* src = reinterpret_cast<const char*>(file->data);
  GLint len = static_cast<GLint>(file->size);
  glShaderSource(shader, 1, &src, &len);
  glCompileShader(shader);  // its status is asked only if linking fails (gl_program_end)
  return shader;
}

void print_shader_logs(unsigned program) {
  GLuint shaders[2] = {0, 0};
  GLsizei count = 0;
  glGetAttachedShaders(program, 2, &count, shaders);
  for (GLsizei i = 0; i < count; ++i) {
    GLint ok = 0;
    glGetShaderiv(shaders[i], GL_COMPILE_STATUS, &ok);
    if (ok) continue;
    char log[512] = {0};
    glGetShaderInfoLog(shaders[i], sizeof log, nullptr, log);
    std::fprintf(stderr, "  a shader failed to compile: %s\n", log);
  }
}

}  // namespace

void gl_programs_enable_parallel() {
  g_parallel = emscripten_webgl_enable_extension(emscripten_webgl_get_current_context(),
                                                 "KHR_parallel_shader_compile") != 0;
}

unsigned gl_program_begin(const char* vertex_name, const char* fragment_name) {
  unsigned vs = compile(GL_VERTEX_SHADER, vertex_name);
  unsigned fs = compile(GL_FRAGMENT_SHADER, fragment_name);
  if (!vs || !fs) {
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return 0;
  }
  unsigned program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  // Marked for deletion: they go with the program, and stay readable for its logs until then.
  glDeleteShader(vs);
  glDeleteShader(fs);
  glFlush();  // hand the work to the GPU process now, not at the next question about it
  return program;
}

bool gl_program_ready(unsigned program) {
  if (!g_parallel || !program) return true;
  GLint done = 0;
  glGetProgramiv(program, kCompletionStatus, &done);
  return done != 0;
}

bool gl_program_end(unsigned program, const char* vertex_name, const char* fragment_name) {
  if (!program) return false;
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok) return true;
  std::fprintf(stderr, "shaders %s and %s failed to link\n", vertex_name, fragment_name);
  print_shader_logs(program);
  glDeleteProgram(program);
  return false;
}

void gl_texture_fill(unsigned texture, int w, int h, int internal_format, unsigned format, const void* pixels) {
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, internal_format, w, h, 0, format, GL_UNSIGNED_BYTE, pixels);
}

}  // namespace sb
