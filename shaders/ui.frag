#version 300 es
// ui.frag: the vertex colour, its alpha scaled by the font atlas's coverage (one channel).
precision mediump float;

uniform sampler2D u_atlas;

in vec2 v_uv;
in vec4 v_color;

out vec4 frag_color;

void main() {
  frag_color = vec4(v_color.rgb, v_color.a * texture(u_atlas, v_uv).r);
}
