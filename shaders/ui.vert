#version 300 es
// ui.vert: Dear ImGui's vertices, in CSS pixels, to clip space; colour and atlas position
// pass through.
precision highp float;

layout(location = 0) in vec2 a_pos;    // CSS px
layout(location = 1) in vec2 a_uv;     // font atlas (0..1)
layout(location = 2) in vec4 a_color;  // straight alpha (bytes normalised to 0..1)

uniform vec4 u_view;  // xy = top-left, zw = size of the drawn area, CSS px

out vec2 v_uv;
out vec4 v_color;

void main() {
  v_uv = a_uv;
  v_color = a_color;
  vec2 ndc = (a_pos - u_view.xy) / u_view.zw * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
