// rig: joint, contact and capsule tables of the figure, forward kinematics, limits, mirroring
// and draw data. Every per-joint fact is a row of a table below; the code only loops.
#include "core/rig.h"

#include <algorithm>
#include <cassert>

namespace sb {

// [SECTION] maths ----------------------------------------------------------------------------

Mat3 operator*(const Mat3& a, const Mat3& b) {
  Mat3 r;
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      r.m[static_cast<size_t>(i * 3 + j)] =
          a.at(i, 0) * b.at(0, j) + a.at(i, 1) * b.at(1, j) + a.at(i, 2) * b.at(2, j);
    }
  }
  return r;
}

Vec3 operator*(const Mat3& a, Vec3 v) {
  return {a.at(0, 0) * v.x + a.at(0, 1) * v.y + a.at(0, 2) * v.z,
          a.at(1, 0) * v.x + a.at(1, 1) * v.y + a.at(1, 2) * v.z,
          a.at(2, 0) * v.x + a.at(2, 1) * v.y + a.at(2, 2) * v.z};
}

Mat3 transpose(const Mat3& a) {
  return Mat3{{a.m[0], a.m[3], a.m[6], a.m[1], a.m[4], a.m[7], a.m[2], a.m[5], a.m[8]}};
}

Mat3 rotation_x(double angle_rad) {
  const double c = std::cos(angle_rad), s = std::sin(angle_rad);
  return Mat3{{1, 0, 0, 0, c, -s, 0, s, c}};
}

Mat3 rotation_y(double angle_rad) {
  const double c = std::cos(angle_rad), s = std::sin(angle_rad);
  return Mat3{{c, 0, s, 0, 1, 0, -s, 0, c}};
}

Mat3 rotation_z(double angle_rad) {
  const double c = std::cos(angle_rad), s = std::sin(angle_rad);
  return Mat3{{c, -s, 0, s, c, 0, 0, 0, 1}};
}

Mat3 rotation_between(Vec3 from, Vec3 to) {
  // Rodrigues with k = from x to (unnormalised): R = I + [k] + [k]^2 / (1 + c).
  const Vec3 k = cross(from, to);
  const double c = dot(from, to);
  if (c <= -1.0 + 1e-12) return rotation_z(kPi);  // opposite: never asked by the rig
  const double f = 1.0 / (1.0 + c);
  return Mat3{{1 - f * (k.y * k.y + k.z * k.z), -k.z + f * k.x * k.y, k.y + f * k.x * k.z,
               k.z + f * k.x * k.y, 1 - f * (k.x * k.x + k.z * k.z), -k.x + f * k.y * k.z,
               -k.y + f * k.x * k.z, k.x + f * k.y * k.z, 1 - f * (k.x * k.x + k.y * k.y)}};
}

// [SECTION] tables ---------------------------------------------------------------------------

namespace {

using Signs = std::array<double, 3>;

constexpr JointLimits limits(double flex_min, double flex_max, double abd_min, double abd_max,
                             double rot_min, double rot_max) {
  return {{flex_min, abd_min, rot_min}, {flex_max, abd_max, rot_max}};
}

// Signs of the rotations about z (flex), x (abd) and y (rot) for the left side or the spine;
// the right side's abd and rot turn the other way.
constexpr Signs kSpineSigns{-1, -1, 1};
constexpr Signs kArmSigns{1, 1, -1};
constexpr Signs kHipSigns{1, 1, -1};
constexpr Signs kKneeSigns{-1, 1, -1};
constexpr Signs kAnkleSigns{1, 1, -1};
constexpr Signs kToeSigns{-1, 1, -1};
constexpr Signs right(Signs s) { return {s[0], -s[1], -s[2]}; }
constexpr Vec3 right(Vec3 v) { return {v.x, v.y, -v.z}; }

// Ranges in degrees, from the AAOS / Norkin & White tables of normal active motion, widened
// to the passive range where the exercises need it (wrist extension on all fours, knee
// flexion sitting back on the heels). Spine ranges are split between lumbar and thoracic.
constexpr JointLimits kLumbarLimits = limits(-30, 60, -25, 25, -15, 15);
constexpr JointLimits kThoracicLimits = limits(-25, 45, -30, 30, -40, 40);
constexpr JointLimits kNeckLimits = limits(-60, 50, -45, 45, -70, 70);
constexpr JointLimits kHeadLimits = limits(-25, 20, -10, 10, -10, 10);
constexpr JointLimits kShoulderLimits = limits(-60, 180, -40, 180, -90, 70);
constexpr JointLimits kElbowLimits = limits(0, 145, -5, 5, -80, 80);
constexpr JointLimits kWristLimits = limits(-85, 80, -30, 20, 0, 0);
constexpr JointLimits kHipLimits = limits(-30, 125, -30, 45, -45, 45);
constexpr JointLimits kKneeLimits = limits(0, 155, -5, 5, -15, 15);
constexpr JointLimits kAnkleLimits = limits(-50, 20, -35, 15, -20, 20);
constexpr JointLimits kToeLimits = limits(-70, 40, 0, 0, 0, 0);
constexpr JointLimits kNoMotion = limits(0, 0, 0, 0, 0, 0);

using J = Joint;
using S = BodySide;

// Rest pose: standing, arms hanging with the palms toward the thighs. Offsets of the left
// side; the right side's are the same with z negated.
constexpr Vec3 kShoulderL{0.01, 0.20, -0.19};
constexpr Vec3 kElbow{0, -0.31, 0};
constexpr Vec3 kWrist{0, -0.25, 0};
constexpr Vec3 kHipL{0, 0, -0.09};
constexpr Vec3 kKnee{0, -0.42, 0};
constexpr Vec3 kAnkle{0, -0.42, 0};
constexpr Vec3 kToe{0.14, -0.05, 0};

constexpr std::array<JointInfo, kJointCount> kJoints{{
    {J::Pelvis, {0, 0, 0}, S::Centre, J::Pelvis, kSpineSigns, 0, kNoMotion},
    {J::Pelvis, {-0.04, 0.10, 0}, S::Centre, J::Lumbar, kSpineSigns, 0, kLumbarLimits},
    {J::Lumbar, {0, 0.18, 0}, S::Centre, J::Thoracic, kSpineSigns, 0, kThoracicLimits},
    {J::Thoracic, {0, 0.27, 0}, S::Centre, J::Neck, kSpineSigns, 0, kNeckLimits},
    {J::Neck, {0.02, 0.095, 0}, S::Centre, J::Head, kSpineSigns, 0, kHeadLimits},
    {J::Thoracic, kShoulderL, S::Left, J::ShoulderR, kArmSigns, 0, kShoulderLimits},
    {J::ShoulderL, kElbow, S::Left, J::ElbowR, kArmSigns, 90, kElbowLimits},
    {J::ElbowL, kWrist, S::Left, J::WristR, kArmSigns, 0, kWristLimits},
    {J::Thoracic, right(kShoulderL), S::Right, J::ShoulderL, right(kArmSigns), 0, kShoulderLimits},
    {J::ShoulderR, kElbow, S::Right, J::ElbowL, right(kArmSigns), 90, kElbowLimits},
    {J::ElbowR, kWrist, S::Right, J::WristL, right(kArmSigns), 0, kWristLimits},
    {J::Pelvis, kHipL, S::Left, J::HipR, kHipSigns, 0, kHipLimits},
    {J::HipL, kKnee, S::Left, J::KneeR, kKneeSigns, 0, kKneeLimits},
    {J::KneeL, kAnkle, S::Left, J::AnkleR, kAnkleSigns, 0, kAnkleLimits},
    {J::AnkleL, kToe, S::Left, J::ToeR, kToeSigns, 0, kToeLimits},
    {J::Pelvis, right(kHipL), S::Right, J::HipL, right(kHipSigns), 0, kHipLimits},
    {J::HipR, kKnee, S::Right, J::KneeL, right(kKneeSigns), 0, kKneeLimits},
    {J::KneeR, kAnkle, S::Right, J::AnkleL, right(kAnkleSigns), 0, kAnkleLimits},
    {J::AnkleR, kToe, S::Right, J::ToeL, right(kToeSigns), 0, kToeLimits},
}};

// A place on the body: a point fixed in a joint's frame.
struct Spot {
  Joint joint;
  Vec3 offset_m;
};

constexpr std::array<Spot, kBodyPointCount> kBodyPoints{{
    {J::Head, {0.02, 0.14, 0}},       // head_top
    {J::Head, {0.02, 0.04, 0}},       // head_centre
    {J::WristL, {0, -0.18, 0}},       // hand_tip_l
    {J::WristR, {0, -0.18, 0}},       // hand_tip_r
    {J::AnkleL, {-0.04, -0.05, 0}},   // heel_l
    {J::AnkleR, {-0.04, -0.05, 0}},   // heel_r
    {J::ToeL, {0.045, 0, 0}},         // toe_tip_l
    {J::ToeR, {0.045, 0, 0}},         // toe_tip_r
    {J::Pelvis, {-0.10, 0, 0}},       // sacrum
}};

using C = ContactPoint;
using K = ContactKind;
using L = Limb;

constexpr Vec3 kFootCentre{0.05, -0.05, 0};
constexpr Vec3 kHeelCentre{-0.04, -0.05, 0};
constexpr Vec3 kPalmCentre{0, -0.08, 0};
constexpr Vec3 kForearmMid{0, -0.12, 0};
constexpr Vec3 kThighTop{0, -0.15, 0};

constexpr std::array<ContactInfo, kContactPointCount> kContacts{{
    {J::AnkleL, kFootCentre, 0.025, K::End, false, L::LegL, C::FootR},
    {J::AnkleR, kFootCentre, 0.025, K::End, false, L::LegR, C::FootL},
    {J::ToeL, {0.03, 0, 0}, 0.02, K::End, true, L::LegL, C::ToesR},
    {J::ToeR, {0.03, 0, 0}, 0.02, K::End, true, L::LegR, C::ToesL},
    {J::AnkleL, kHeelCentre, 0.025, K::End, true, L::LegL, C::HeelR},
    {J::AnkleR, kHeelCentre, 0.025, K::End, true, L::LegR, C::HeelL},
    {J::KneeL, {0, 0, 0}, 0.05, K::Middle, false, L::LegL, C::KneeR},
    {J::KneeR, {0, 0, 0}, 0.05, K::Middle, false, L::LegR, C::KneeL},
    {J::HipL, kThighTop, 0.065, K::Anchor, false, L::None, C::ThighR},
    {J::HipR, kThighTop, 0.065, K::Anchor, false, L::None, C::ThighL},
    {J::Pelvis, {0.02, 0, -0.05}, 0.12, K::Anchor, false, L::None, C::HipR},  // side of the pelvis
    {J::Pelvis, {0.02, 0, 0.05}, 0.12, K::Anchor, false, L::None, C::HipL},
    {J::WristL, kPalmCentre, 0.02, K::End, false, L::ArmL, C::HandR},
    {J::WristR, kPalmCentre, 0.02, K::End, false, L::ArmR, C::HandL},
    {J::ElbowL, kForearmMid, 0.035, K::Middle, false, L::ArmL, C::ForearmR},
    {J::ElbowR, kForearmMid, 0.035, K::Middle, false, L::ArmR, C::ForearmL},
    {J::ShoulderL, {0, 0, 0}, 0.055, K::Anchor, false, L::None, C::ShoulderR},
    {J::ShoulderR, {0, 0, 0}, 0.055, K::Anchor, false, L::None, C::ShoulderL},
    {J::Pelvis, {0.02, 0, 0}, 0.12, K::Anchor, false, L::None, C::Pelvis},
    {J::Thoracic, {0.01, 0.20, 0}, 0.075, K::Anchor, false, L::None, C::Shoulders},  // upper back
    {J::Thoracic, {0.06, 0.10, 0}, 0.12, K::Anchor, false, L::None, C::Chest},
    {J::Head, {0.02, 0.04, 0}, 0.10, K::Anchor, false, L::None, C::Head},
}};

struct CapsuleInfo {
  Spot a, b;
  double radius_m;
  BodySide side;
  int mirror;  // index of the same capsule on the other side
};

constexpr double kHeadRadius_m = 0.10;
constexpr Vec3 kPelvisEndL{0.02, 0, -0.05};  // pelvis: 0.34 m wide, 0.24 m deep
constexpr Vec3 kHandEnd{0, -0.155, 0};
// Thigh and upper arm stop short of the knee and elbow, so their thickness does not stick out
// past the slimmer joint below (the shank and forearm capsules cover the joint).
constexpr Vec3 kThighEnd{0, -0.38, 0};
constexpr Vec3 kUpperArmEnd{0, -0.28, 0};
constexpr Vec3 kToeEnd{0.045, 0, 0};

constexpr std::array<CapsuleInfo, kCapsuleCount> kCapsules{{
    {{J::Pelvis, kPelvisEndL}, {J::Pelvis, right(kPelvisEndL)}, 0.12, S::Centre, 0},  // pelvis
    {{J::Lumbar, {0.06, 0, 0}}, {J::Lumbar, {0.06, 0.18, 0}}, 0.11, S::Centre, 1},  // abdomen
    {{J::Thoracic, {0.06, 0.02, 0}}, {J::Thoracic, {0.05, 0.17, 0}}, 0.12, S::Centre, 2},
    {{J::ShoulderL, {}}, {J::ShoulderR, {}}, 0.055, S::Centre, 3},  // shoulder girdle
    {{J::Neck, {}}, {J::Head, {}}, 0.05, S::Centre, 4},
    {{J::ShoulderL, {}}, {J::ShoulderL, kUpperArmEnd}, 0.045, S::Left, 8},
    {{J::ElbowL, {}}, {J::WristL, {}}, 0.035, S::Left, 9},
    {{J::WristL, {}}, {J::WristL, kHandEnd}, 0.025, S::Left, 10},
    {{J::ShoulderR, {}}, {J::ShoulderR, kUpperArmEnd}, 0.045, S::Right, 5},
    {{J::ElbowR, {}}, {J::WristR, {}}, 0.035, S::Right, 6},
    {{J::WristR, {}}, {J::WristR, kHandEnd}, 0.025, S::Right, 7},
    {{J::HipL, {}}, {J::HipL, kThighEnd}, 0.065, S::Left, 15},
    {{J::KneeL, {}}, {J::AnkleL, {}}, 0.05, S::Left, 16},
    {{J::AnkleL, kHeelCentre}, {J::ToeL, {}}, 0.025, S::Left, 17},
    {{J::ToeL, {}}, {J::ToeL, kToeEnd}, 0.02, S::Left, 18},
    {{J::HipR, {}}, {J::HipR, kThighEnd}, 0.065, S::Right, 11},
    {{J::KneeR, {}}, {J::AnkleR, {}}, 0.05, S::Right, 12},
    {{J::AnkleR, kHeelCentre}, {J::ToeR, {}}, 0.025, S::Right, 13},
    {{J::ToeR, {}}, {J::ToeR, kToeEnd}, 0.02, S::Right, 14},
}};

constexpr Spot kHeadSphere{J::Head, {0.02, 0.04, 0}};

size_t index(Joint j) { return static_cast<size_t>(j); }

Vec3 spot_position(const WorldPose& world, const Spot& spot) {
  return world.joint_m[index(spot.joint)] + world.frame[index(spot.joint)] * spot.offset_m;
}

// How far angles lie outside limits, in degrees summed over the three angles (0 inside).
double outside_deg(const JointLimits& lim, const JointAngles& a) {
  const std::array<double, 3> deg{a.flex_rad / kDegToRad, a.abd_rad / kDegToRad, a.rot_rad / kDegToRad};
  double sum = 0.0;
  for (size_t c = 0; c < 3; ++c) {
    sum += std::max(0.0, lim.min_deg[c] - deg[c]) + std::max(0.0, deg[c] - lim.max_deg[c]);
  }
  return sum;
}

double wrap_pi(double angle_rad) {
  while (angle_rad > kPi) angle_rad -= 2 * kPi;
  while (angle_rad <= -kPi) angle_rad += 2 * kPi;
  return angle_rad;
}

}  // namespace

// [SECTION] joints and kinematics --------------------------------------------------------------

const JointInfo& joint_info(Joint joint) { return kJoints[index(joint)]; }

const ContactInfo& contact_info(ContactPoint point) {
  return kContacts[static_cast<size_t>(point)];
}

Mat3 joint_rotation(Joint joint, const JointAngles& a) {
  const JointInfo& info = kJoints[index(joint)];
  const Signs& s = info.axis_sign;
  return rotation_z(s[0] * a.flex_rad) * rotation_x(s[1] * a.abd_rad) *
         rotation_y(s[2] * (a.rot_rad + info.rot_zero_deg * kDegToRad));
}

JointAngles joint_angles(Joint joint, const Mat3& r) {
  // r = Rz(A) Rx(B) Ry(C) has r01 = -sA cB, r11 = cA cB, r21 = sB, r20 = -cB sC, r22 = cB cC.
  // Every rotation has a second set (A + pi, pi - B, C + pi); of the two, take the one inside
  // the joint's range (a shoulder abducted past 90 deg is the second set).
  const JointInfo& info = kJoints[index(joint)];
  const Signs& s = info.axis_sign;
  const double a = std::atan2(-r.at(0, 1), r.at(1, 1));
  const double b = std::asin(std::clamp(r.at(2, 1), -1.0, 1.0));
  const double c = std::atan2(-r.at(2, 0), r.at(2, 2));
  const double zero = info.rot_zero_deg * kDegToRad;
  const JointAngles first{s[0] * a, s[1] * b, wrap_pi(s[2] * c - zero)};
  const JointAngles second{wrap_pi(s[0] * (a + kPi)), wrap_pi(s[1] * (kPi - b)),
                           wrap_pi(s[2] * (c + kPi) - zero)};
  return outside_deg(info.limits, second) < outside_deg(info.limits, first) ? second : first;
}

Mat3 root_rotation(const RootRotation& rot) {
  return rotation_z(rot.pitch_rad) * rotation_y(rot.yaw_rad) * rotation_x(rot.roll_rad);
}

void forward_kinematics(const Pose& pose, WorldPose& out) {
  out.joint_m[0] = pose.root_pos_m;
  out.frame[0] = root_rotation(pose.root_rot);
  for (size_t j = 1; j < kJointCount; ++j) {
    const JointInfo& info = kJoints[j];
    const size_t p = index(info.parent);
    out.joint_m[j] = out.joint_m[p] + out.frame[p] * info.offset_m;
    out.frame[j] = out.frame[p] * joint_rotation(static_cast<Joint>(j), pose.angles[j]);
  }
  for (size_t i = 0; i < kBodyPointCount; ++i) out.point_m[i] = spot_position(out, kBodyPoints[i]);
}

Vec3 contact_position(const WorldPose& world, ContactPoint point) {
  const ContactInfo& info = kContacts[static_cast<size_t>(point)];
  return spot_position(world, {info.joint, info.offset_m});
}

double segment_length_m(Joint joint) { return length(kJoints[index(joint)].offset_m); }

Pose mirror(const Pose& pose) {
  Pose out = pose;
  out.root_pos_m.z = -pose.root_pos_m.z;
  out.root_rot.yaw_rad = -pose.root_rot.yaw_rad;
  out.root_rot.roll_rad = -pose.root_rot.roll_rad;
  for (size_t j = 1; j < kJointCount; ++j) {
    const JointAngles& a = pose.angles[j];
    if (kJoints[j].side == BodySide::Centre) {
      out.angles[j] = {a.flex_rad, -a.abd_rad, -a.rot_rad};
    } else {
      out.angles[index(kJoints[j].mirror)] = a;
    }
  }
  for (int i = 0; i < pose.contact_count; ++i) {
    const size_t k = static_cast<size_t>(i);
    out.contacts[k].point = contact_info(pose.contacts[k].point).mirror;
  }
  return out;
}

LimitCheck check_limits(const Pose& pose, double tolerance_deg) {
  for (size_t j = 1; j < kJointCount; ++j) {
    const JointAngles& a = pose.angles[j];
    const std::array<double, 3> deg{a.flex_rad / kDegToRad, a.abd_rad / kDegToRad,
                                    a.rot_rad / kDegToRad};
    const JointLimits& lim = kJoints[j].limits;
    for (int c = 0; c < 3; ++c) {
      const size_t k = static_cast<size_t>(c);
      if (deg[k] < lim.min_deg[k] - tolerance_deg || deg[k] > lim.max_deg[k] + tolerance_deg) {
        return {static_cast<Joint>(j), c, deg[k]};
      }
    }
  }
  return {};
}

// [SECTION] draw data --------------------------------------------------------------------------

double lowest_point_y(const WorldPose& world) {
  double lowest = spot_position(world, kHeadSphere).y - kHeadRadius_m;
  for (const CapsuleInfo& c : kCapsules) {
    const double y = std::min(spot_position(world, c.a).y, spot_position(world, c.b).y);
    lowest = std::min(lowest, y - c.radius_m);
  }
  return lowest;
}

void build_figure(const Pose& pose, FigureDraw& out, Vec3 toward_camera) {
  WorldPose world;
  forward_kinematics(pose, world);
  for (size_t i = 0; i < kCapsuleCount; ++i) {
    const CapsuleInfo& info = kCapsules[i];
    Capsule& c = out.capsules[i];
    c.a_m = spot_position(world, info.a);
    c.b_m = spot_position(world, info.b);
    c.radius_m = info.radius_m;
    c.side = info.side;
    c.depth_m = dot((c.a_m + c.b_m) * 0.5, toward_camera);
  }
  for (size_t i = 0; i < kCapsuleCount; ++i) {
    Capsule& c = out.capsules[i];
    const double other = out.capsules[static_cast<size_t>(kCapsules[i].mirror)].depth_m;
    c.near = c.side == BodySide::Centre || c.depth_m > other ||
             (c.depth_m == other && c.side == BodySide::Right);
  }
  // Insertion sort of a fixed, tiny array: farthest first.
  for (size_t i = 0; i < kCapsuleCount; ++i) {
    int v = static_cast<int>(i);
    size_t k = i;
    while (k > 0 && out.capsules[static_cast<size_t>(out.draw_order[k - 1])].depth_m >
                        out.capsules[static_cast<size_t>(v)].depth_m) {
      out.draw_order[k] = out.draw_order[k - 1];
      --k;
    }
    out.draw_order[k] = v;
  }
  out.head = {spot_position(world, kHeadSphere), kHeadRadius_m};
  out.joint_m = world.joint_m;
  out.point_m = world.point_m;
  for (size_t i = 0; i < kContactPointCount; ++i) {
    out.contact_m[i] = contact_position(world, static_cast<ContactPoint>(i));
  }
  out.contact_count = pose.contact_count;
  for (int i = 0; i < pose.contact_count; ++i) {
    const size_t k = static_cast<size_t>(i);
    const PoseContact& pc = pose.contacts[k];
    out.contacts[k] = {pc.point, pc.surface, out.contact_m[static_cast<size_t>(pc.point)],
                       contact_info(pc.point).radius_m};
  }
  out.lowest_y_m = lowest_point_y(world);
}

}  // namespace sb
