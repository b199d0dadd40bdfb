// figure_view: projection of the rig into 2D capsules, with props and highlights.
#include "ui/figure_view.h"

#include <algorithm>
#include <cmath>

namespace sb {

namespace {

// Screen axes of a view: right and up, both unit vectors perpendicular to the view direction.
struct ViewAxes {
  Vec3 right, up;
};

ViewAxes view_axes(View view) {
  Vec3 t = toward_camera(view);
  Vec3 up{0, 1, 0};
  if (std::fabs(t.y) > 0.9) up = Vec3{-1, 0, 0};  // looking down: the head end at the top
  up = up - t * dot(up, t);
  up = up * (1.0 / length(up));
  return ViewAxes{cross(up, t), up};
}

struct Projector {
  ViewAxes axes;
  const FigureFit* fit;
  const FigureSlot* slot;
  float px(Vec3 p) const {
    return slot->x + slot->w * 0.5f + (static_cast<float>(dot(p, axes.right)) - fit->centre_x_m) * fit->scale_px_per_m;
  }
  float py(Vec3 p) const {
    return slot->y + slot->h * 0.5f - (static_cast<float>(dot(p, axes.up)) - fit->centre_y_m) * fit->scale_px_per_m;
  }
};

void add(CapsuleBatch& batch, const Projector& pr, Vec3 a, Vec3 b, float radius_px, float soft_px, const ImVec4& c,
         float alpha = 1.0f) {
  batch.add(Capsule2D{pr.px(a), pr.py(a), pr.px(b), pr.py(b), radius_px, soft_px, c.x, c.y, c.z, c.w * alpha});
}

// Which capsules of the rig show each Target (see the capsule table in rig.cpp).
uint32_t capsules_of_target(Target t) {
  switch (t) {
    case Target::LowerBack: return (1u << 0) | (1u << 1);
    case Target::Glutes: return 1u << 0;
    case Target::Hamstrings: return (1u << 11) | (1u << 15);
    case Target::HipFlexors: return (1u << 0) | (1u << 11) | (1u << 15);
    case Target::Abdominals: return 1u << 1;
    case Target::Hips: return 1u << 0;
    case Target::ThoracicSpine: return 1u << 2;
    case Target::Legs: return (1u << 11) | (1u << 12) | (1u << 15) | (1u << 16);
    case Target::WholeBody: return 0;
  }
  return 0;
}

void bounds_of(const FigureDraw& fig, const ViewAxes& axes, float& x0, float& x1, float& y0, float& y1) {
  auto grow = [&](Vec3 p, double r) {
    float x = static_cast<float>(dot(p, axes.right)), y = static_cast<float>(dot(p, axes.up));
    float rr = static_cast<float>(r);
    x0 = std::min(x0, x - rr);
    x1 = std::max(x1, x + rr);
    y0 = std::min(y0, y - rr);
    y1 = std::max(y1, y + rr);
  };
  for (const Capsule& c : fig.capsules) {
    grow(c.a_m, c.radius_m);
    grow(c.b_m, c.radius_m);
  }
  grow(fig.head.centre_m, fig.head.radius_m);
}

}  // namespace

uint32_t target_mask(const Exercise& exercise) {
  uint32_t mask = 0;
  for (Target t : exercise.target) mask |= 1u << static_cast<unsigned>(t);
  return mask;
}

FigureFit fit_figure(const Clip& clip, float slot_w, float slot_h) {
  FigureFit fit;
  fit.clip = &clip;
  fit.slot_w = slot_w;
  fit.slot_h = slot_h;
  ViewAxes axes = view_axes(clip.view);
  float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
  Pose pose;
  FigureDraw fig;
  const Vec3 toward = toward_camera(clip.view);
  for (int s = 0; s < 2; ++s) {
    for (int p = 0; p < kPhaseCount; ++p) {
      for (int k = 0; k <= 4; ++k) {
        sample_pose(clip, static_cast<Phase>(p), k / 4.0, s == 0 ? Side::Left : Side::Right, pose);
        build_figure(pose, fig, toward);
        bounds_of(fig, axes, x0, x1, y0, y1);
      }
    }
  }
  // Include the floor under the figure so lying and standing figures sit on the same line.
  y0 = std::min(y0, 0.0f);
  float w = std::max(x1 - x0, 0.6f), h = std::max(y1 - y0, 0.6f);
  fit.scale_px_per_m = std::min(slot_w * 0.84f / w, slot_h * 0.78f / h);
  fit.centre_x_m = (x0 + x1) * 0.5f;
  fit.centre_y_m = (y0 + y1) * 0.5f;
  return fit;
}

void figure_batch(const Clip& clip, const FigureFit& fit, const FigureFrame& frame, const FigureSlot& slot,
                  const Palette& palette, uint32_t targets, CapsuleBatch& batch) {
  batch.count = 0;
  const Vec3 toward = toward_camera(clip.view);
  Projector pr{view_axes(clip.view), &fit, &slot};
  const float s = fit.scale_px_per_m;
  Pose pose;
  FigureDraw fig;
  sample_pose(clip, frame.phase, frame.progress, frame.side, pose);
  build_figure(pose, fig, toward);
  const Props& props = frame.side == Side::Right ? mirror(clip.props) : clip.props;

  // Floor line across the slot, and the mat on it.
  ImVec4 line = palette.border;
  float floor_y = pr.py(Vec3{0, 0, 0});
  if (clip.view == View::Side || clip.view == View::Front || !props.mat) {
    batch.add(Capsule2D{slot.x + 12, floor_y, slot.x + slot.w - 12, floor_y, 1.2f, 0, line.x, line.y, line.z, 1});
  }
  if (props.mat) {
    // Strips along the mat's length fill its outline in any view (a line seen from the side).
    const bool edge_on = clip.view == View::Side;
    const int strips = edge_on ? 1 : 8;
    for (int i = 0; i < strips; ++i) {
      double z = edge_on ? 0.0 : (static_cast<double>(i) + 0.5) / strips * kMatWidth_m - kMatWidth_m * 0.5;
      Vec3 a = props.mat_pos_m + Vec3{-kMatLength_m * 0.5, 0, z}, b = props.mat_pos_m + Vec3{kMatLength_m * 0.5, 0, z};
      add(batch, pr, a, b, edge_on ? std::max(3.0f, 0.012f * s) : 0.045f * s, 0, palette.mat);
    }
  }
  if (props.wall) {
    add(batch, pr, Vec3{props.wall_x_m - 0.03, 0, 0}, Vec3{props.wall_x_m - 0.03, 2.1, 0}, 0.03f * s, 0, palette.mat);
  }
  if (props.chair) {
    Vec3 c = props.chair_pos_m;
    double dx = std::cos(props.chair_yaw_rad) * kChairSeatDepth_m * 0.5, dz = -std::sin(props.chair_yaw_rad) * kChairSeatDepth_m * 0.5;
    Vec3 front = c + Vec3{dx, 0, dz}, back = c - Vec3{dx, 0, dz};
    add(batch, pr, front, back, 0.02f * s, 0, palette.figure_far);
    add(batch, pr, front, Vec3{front.x, 0, front.z}, 0.012f * s, 0, palette.figure_far);
    add(batch, pr, back, Vec3{back.x, 0, back.z}, 0.012f * s, 0, palette.figure_far);
    add(batch, pr, back, back + Vec3{0, kChairBackHeight_m, 0}, 0.015f * s, 0, palette.figure_far);
  }
  if (props.roller) {
    add(batch, pr, props.roller_pos_m, props.roller_pos_m, static_cast<float>(kRollerRadius_m) * s, 0, palette.mat);
  }
  if (props.pedals) {
    add(batch, pr, props.pedals_pos_m, props.pedals_pos_m, static_cast<float>(props.pedals_radius_m) * s + 2, 0, palette.mat);
    add(batch, pr, props.pedals_pos_m, Vec3{props.pedals_pos_m.x, 0, props.pedals_pos_m.z}, 0.02f * s, 0, palette.figure_far);
  }
  if (props.water) {
    add(batch, pr, Vec3{-3, props.water_y_m, 0}, Vec3{3, props.water_y_m, 0}, 0.02f * s, 0.01f * s, palette.mat, 0.8f);
  }

  // Soft shadow under the parts resting on the floor.
  for (int i = 0; i < fig.contact_count; ++i) {
    const ContactDraw& c = fig.contacts[static_cast<size_t>(i)];
    if (c.surface != Surface::Floor) continue;
    Vec3 p{c.pos_m.x, 0, c.pos_m.z};
    float r = static_cast<float>(c.radius_m) * s;
    const ImVec4& sh = palette.shadow;
    batch.add(Capsule2D{pr.px(p) - r, pr.py(p), pr.px(p) + r, pr.py(p), r * 0.35f, r * 0.6f, sh.x, sh.y, sh.z, sh.w});
  }

  // The target area glows under the body.
  uint32_t caps = 0;
  for (unsigned t = 0; t < kTargetNames.size(); ++t) {
    if (targets & (1u << t)) caps |= capsules_of_target(static_cast<Target>(t));
  }
  for (size_t i = 0; i < kCapsuleCount; ++i) {
    if (!(caps & (1u << i))) continue;
    const Capsule& c = fig.capsules[i];
    add(batch, pr, c.a_m, c.b_m, static_cast<float>(c.radius_m) * s + 7.0f, 7.0f, palette.accent, 0.45f);
  }

  // A trail of the hands' and feet's path so far in move phases.
  if (frame.phase == Phase::MoveIn || frame.phase == Phase::MoveOut) {
    Pose past;
    FigureDraw past_fig;
    for (int k = 1; k <= 6; ++k) {
      double p = frame.progress - 0.06 * k;
      if (p < 0) break;
      sample_pose(clip, frame.phase, p, frame.side, past);
      build_figure(past, past_fig, toward);
      for (BodyPoint bp : {BodyPoint::HandTipL, BodyPoint::HandTipR, BodyPoint::ToeTipL, BodyPoint::ToeTipR, BodyPoint::HeadTop}) {
        Vec3 now = fig.point_m[static_cast<size_t>(bp)], then = past_fig.point_m[static_cast<size_t>(bp)];
        if (length(now - then) < 0.04) continue;  // this part hardly moves
        add(batch, pr, then, then, 3.0f, 1.5f, palette.accent, 0.5f * (1.0f - static_cast<float>(k) / 7.0f));
      }
    }
  }

  // The body: far limbs first and lighter, then the trunk and near limbs, then the head.
  for (int idx : fig.draw_order) {
    const Capsule& c = fig.capsules[static_cast<size_t>(idx)];
    add(batch, pr, c.a_m, c.b_m, static_cast<float>(c.radius_m) * s, 0, c.near ? palette.figure : palette.figure_far);
  }
  add(batch, pr, fig.head.centre_m, fig.head.centre_m, static_cast<float>(fig.head.radius_m) * s, 0, palette.figure);

  // Towel and band lines through the body parts that hold them.
  auto prop_line = [&](const PropLine& l, const ImVec4& colour) {
    for (int i = 0; i + 1 < l.count; ++i) {
      add(batch, pr, fig.contact_m[static_cast<size_t>(l.points[static_cast<size_t>(i)])],
          fig.contact_m[static_cast<size_t>(l.points[static_cast<size_t>(i + 1)])], 2.5f, 0, colour);
    }
  };
  prop_line(props.towel, palette.accent);
  prop_line(props.band, palette.danger);
}

FigureFrame looping_frame(const Exercise& e, const Clip& clip, double elapsed_s) {
  const double hold = e.timed ? std::min(e.dosage.hold_s, 6.0) : std::min(std::max(e.dosage.hold_s, 0.5), 4.0);
  const double durations[kPhaseCount] = {0.6, e.dosage.move_in_s, hold, e.dosage.move_out_s, 0.8};
  double cycle = 0;
  for (double d : durations) cycle += d;
  long long n = static_cast<long long>(elapsed_s / cycle);
  double t = elapsed_s - static_cast<double>(n) * cycle;
  FigureFrame f;
  f.side = e.per_side && (n % 2 == 1) ? Side::Right : Side::Left;
  for (int p = 0; p < kPhaseCount; ++p) {
    if (t <= durations[p] || p == kPhaseCount - 1) {
      f.phase = static_cast<Phase>(p);
      f.progress = phase_progress(clip, f.phase, std::min(t, durations[p]), durations[p]);
      break;
    }
    t -= durations[p];
  }
  return f;
}

FigureFrame session_frame(const SessionView& view, const Clip& clip) {
  FigureFrame f;
  f.side = view.side == Side::Right ? Side::Right : Side::Left;
  double total = view.progress < 1.0 ? view.segment_left_s / (1.0 - view.progress) : 0.0;
  switch (view.kind) {
    case SegmentKind::MoveIn: f.phase = Phase::MoveIn; f.progress = view.progress; break;
    case SegmentKind::Hold: f.phase = Phase::Hold; f.progress = phase_progress(clip, Phase::Hold, view.progress * total, total); break;
    case SegmentKind::MoveOut: f.phase = Phase::MoveOut; f.progress = view.progress; break;
    case SegmentKind::RestRep:
    case SegmentKind::RestSet: f.phase = Phase::Rest; f.progress = view.progress; break;
    default: f.phase = Phase::Start; f.progress = 0; break;
  }
  return f;
}

}  // namespace sb
