// gl_program: builds a WebGL2 shader program from two embedded GLSL ES 3.00 sources
// (shaders/ folder), shared by the UI and figure renderers.
#pragma once

namespace sb {

// Compiles and links the named embedded shaders; returns the program, or 0 after printing
// what failed (with the shader's log) to the console.
unsigned gl_program_from(const char* vertex_name, const char* fragment_name);

}  // namespace sb
