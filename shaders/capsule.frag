#version 300 es
// capsule.frag: signed distance to the capsule, turned into a smooth, anti-aliased edge
// (one device pixel wide) or a soft falloff for shadows.
precision mediump float;

in vec2 v_local;
in vec2 v_axis;
in vec2 v_shape;
in vec4 v_color;

uniform highp float u_px_per_css;  // must match the vertex shader's precision

out vec4 frag_color;

void main() {
  float len2 = dot(v_axis, v_axis);
  float h = len2 > 1e-6 ? clamp(dot(v_local, v_axis) / len2, 0.0, 1.0) : 0.0;
  float dist = length(v_local - v_axis * h) - v_shape.x;   // CSS px outside the surface
  float edge = max(v_shape.y, 1.0 / u_px_per_css);
  float coverage = clamp(0.5 - dist / edge, 0.0, 1.0);
  if (v_shape.y > 0.0) coverage = coverage * coverage * (3.0 - 2.0 * coverage);
  float alpha = v_color.a * coverage;
  if (alpha <= 0.002) discard;
  frag_color = vec4(v_color.rgb * alpha, alpha);
}
