#version 300 es
// ui.frag: the vertex colour, its alpha scaled by the font atlas's coverage (one channel);
// for an image (u_rgba, e.g. the clinic's logo) the vertex colour times the texture's RGBA;
// for a shape (atlas position below zero) the vertex colour alone.
precision mediump float;

uniform sampler2D u_atlas;
uniform bool u_rgba;

in vec2 v_uv;
in vec4 v_color;

out vec4 frag_color;

void main() {
  if (v_uv.x < 0.0) {  // a shape, not a glyph or an image (ui/theme.cpp build_font_part)
    frag_color = v_color;
    return;
  }
  vec4 t = texture(u_atlas, v_uv);
  frag_color = u_rgba ? v_color * t : vec4(v_color.rgb, v_color.a * t.r);
}
