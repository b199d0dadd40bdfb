// gl_program: shader compiling and linking with plain-words console messages.
#include "platform/gl_program.h"

#include <GLES3/gl3.h>

#include <cstdio>

#include "platform/embedded.h"

namespace sb {

namespace {

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
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[512];
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "shader %s failed to compile: %s\n", name, log);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

}  // namespace

unsigned gl_program_from(const char* vertex_name, const char* fragment_name) {
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
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    std::fprintf(stderr, "shaders %s and %s failed to link\n", vertex_name, fragment_name);
    glDeleteProgram(program);
    return 0;
  }
  return program;
}

}  // namespace sb
