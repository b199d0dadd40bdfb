#version 300 es
// capsule.vert: one instanced quad per capsule (a segment with a radius), oriented along the
// segment and grown by the radius plus an anti-aliasing margin. Positions are CSS pixels.
precision highp float;

layout(location = 0) in vec2 a_corner;      // (-1..1, -1..1) quad corner
layout(location = 1) in vec4 a_segment;     // xy = end A, zw = end B (CSS px)
layout(location = 2) in vec2 a_shape;       // x = radius (CSS px), y = softness (CSS px)
layout(location = 3) in vec4 a_color;       // premultiplied later; straight alpha here

uniform vec2 u_display_size;   // CSS px of the whole canvas
uniform float u_px_per_css;    // device pixels per CSS px

out vec2 v_local;              // position relative to end A, CSS px
out vec2 v_axis;               // B - A
out vec2 v_shape;
out vec4 v_color;

void main() {
  vec2 a = a_segment.xy;
  vec2 b = a_segment.zw;
  vec2 d = b - a;
  float len = length(d);
  vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float grow = a_shape.x + a_shape.y + 2.0 / u_px_per_css;
  vec2 mid = (a + b) * 0.5;
  vec2 p = mid + dir * a_corner.x * (len * 0.5 + grow) + nrm * a_corner.y * grow;
  v_local = p - a;
  v_axis = d;
  v_shape = a_shape;
  v_color = a_color;
  vec2 ndc = p / u_display_size * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
