// gl_program: builds a WebGL2 shader program from two embedded GLSL ES 3.00 sources
// (shaders/ folder), shared by the UI and figure renderers. Building is split in two, so the
// browser can compile in the background (KHR_parallel_shader_compile) while the app does
// other start-up work: asking whether a program linked makes the page wait until it has.
#pragma once

namespace sb {

// Turns on background shader compiling where the browser offers it (once, after the WebGL
// context is made).
void gl_programs_enable_parallel();

// Starts compiling and linking the named embedded shaders; returns the program, or 0 after
// printing what is missing to the console.
unsigned gl_program_begin(const char* vertex_name, const char* fragment_name);

// Whether the program's compiling and linking is done, so gl_program_end will not wait.
// Always true where the browser compiles in the foreground.
bool gl_program_ready(unsigned program);

// Checks that the program linked: true, or false after printing the shaders' logs to the
// console and deleting it.
bool gl_program_end(unsigned program, const char* vertex_name, const char* fragment_name);

// Fills texture with w x h pixels (format GL_RED or GL_RGBA, stored as internal_format),
// sampled linearly and clamped at the edges: the font atlases and the clinic's logo.
void gl_texture_fill(unsigned texture, int w, int h, int internal_format, unsigned format, const void* pixels);

}  // namespace sb
