// Tests of the rig: the joint table is parent-first and left/right consistent, the standing
// figure has adult proportions and stands on the floor, every angle turns the way rig.h says,
// angles survive a round trip through a rotation, mirroring is an exact reflection, limits
// catch a bad pose, and the draw data is complete, ordered and allocation-free in size.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "core/rig.h"

namespace {

using sb::Joint;
using sb::Vec3;

size_t at(Joint j) { return static_cast<size_t>(j); }

sb::WorldPose fk(const sb::Pose& pose) {
  sb::WorldPose w;
  sb::forward_kinematics(pose, w);
  return w;
}

sb::Pose with(Joint j, double flex_deg, double abd_deg = 0, double rot_deg = 0) {
  sb::Pose p;
  p.angles[at(j)] = {flex_deg * sb::kDegToRad, abd_deg * sb::kDegToRad, rot_deg * sb::kDegToRad};
  return p;
}

double dist(Vec3 a, Vec3 b) { return sb::length(a - b); }

// A random pose with every joint inside its limits.
sb::Pose random_pose(std::mt19937& rng) {
  sb::Pose p;
  std::uniform_real_distribution<double> u(0.0, 1.0);
  p.root_pos_m = {u(rng) - 0.5, u(rng), u(rng) - 0.5};
  p.root_rot = {(u(rng) - 0.5) * 3, (u(rng) - 0.5) * 3, (u(rng) - 0.5) * 3};
  for (size_t j = 1; j < sb::kJointCount; ++j) {
    const sb::JointLimits& lim = sb::joint_info(static_cast<Joint>(j)).limits;
    double v[3];
    for (size_t c = 0; c < 3; ++c) {
      // Stay away from +-90 deg of abduction, where z-x-y angles lose a degree of freedom.
      double deg = lim.min_deg[c] + u(rng) * (lim.max_deg[c] - lim.min_deg[c]);
      if (c == 1) deg = std::clamp(deg, -80.0, 80.0);
      v[c] = deg * sb::kDegToRad;
    }
    p.angles[j] = {v[0], v[1], v[2]};
  }
  return p;
}

}  // namespace

TEST_CASE("rig: joints are parent-first, named, and paired left/right") {
  CHECK(sb::joint_info(Joint::Pelvis).parent == Joint::Pelvis);
  for (size_t j = 1; j < sb::kJointCount; ++j) {
    const sb::JointInfo& info = sb::joint_info(static_cast<Joint>(j));
    CAPTURE(sb::kJointNames[j]);
    CHECK(at(info.parent) < j);
    const sb::JointInfo& other = sb::joint_info(info.mirror);
    CHECK(other.mirror == static_cast<Joint>(j));
    CHECK(other.offset_m.x == info.offset_m.x);
    CHECK(other.offset_m.y == info.offset_m.y);
    CHECK(other.offset_m.z == -info.offset_m.z);
    if (info.side == sb::BodySide::Centre) {
      CHECK(info.mirror == static_cast<Joint>(j));
    } else {
      CHECK(other.side != info.side);
      const std::string name(sb::kJointNames[j]);
      const std::string mirrored(sb::kJointNames[at(info.mirror)]);
      CHECK(name.substr(0, name.size() - 2) == mirrored.substr(0, mirrored.size() - 2));
    }
    for (size_t c = 0; c < 3; ++c) CHECK(info.limits.min_deg[c] <= info.limits.max_deg[c]);
  }
  for (size_t i = 0; i < sb::kContactPointCount; ++i) {
    const sb::ContactInfo& c = sb::contact_info(static_cast<sb::ContactPoint>(i));
    CHECK(sb::contact_info(c.mirror).mirror == static_cast<sb::ContactPoint>(i));
  }
}

TEST_CASE("rig: the standing figure is a 1.70 m adult on the floor") {
  const sb::Pose stand;
  const sb::WorldPose w = fk(stand);
  const double height = w.point_m[static_cast<size_t>(sb::BodyPoint::HeadTop)].y;
  CHECK(height == doctest::Approx(1.70).epsilon(0.01));
  CHECK(sb::lowest_point_y(w) == doctest::Approx(0.0).epsilon(1e-9));
  // Drillis & Contini proportions of height, within 3 cm.
  CHECK(std::fabs(w.joint_m[at(Joint::KneeL)].y - 0.285 * height) < 0.03);
  CHECK(std::fabs(w.joint_m[at(Joint::ShoulderL)].y - 0.818 * height) < 0.03);
  CHECK(std::fabs(w.joint_m[at(Joint::ElbowR)].y - 0.630 * height) < 0.03);
  CHECK(std::fabs(w.joint_m[at(Joint::WristR)].y - 0.485 * height) < 0.03);
  CHECK(std::fabs(dist(w.joint_m[at(Joint::ShoulderL)], w.joint_m[at(Joint::ShoulderR)]) -
                  0.38) < 0.02);
  CHECK(sb::segment_length_m(Joint::KneeL) == doctest::Approx(0.42));
  CHECK(sb::segment_length_m(Joint::ElbowR) == doctest::Approx(0.31));
  // Left is -z (far side in the side view), right +z; face toward +x.
  CHECK(w.joint_m[at(Joint::HipL)].z < 0);
  CHECK(w.joint_m[at(Joint::HipR)].z > 0);
  CHECK(w.point_m[static_cast<size_t>(sb::BodyPoint::ToeTipL)].x > w.joint_m[at(Joint::AnkleL)].x);
  CHECK(w.point_m[static_cast<size_t>(sb::BodyPoint::Sacrum)].x < w.joint_m[at(Joint::Pelvis)].x);
}

TEST_CASE("rig: each anatomical angle moves the body the way its name says") {
  const sb::WorldPose rest = fk(sb::Pose{});
  auto moved = [&](Joint j, double f, double a, double r, Joint probe) {
    return fk(with(j, f, a, r)).joint_m[at(probe)] - rest.joint_m[at(probe)];
  };
  CHECK(moved(Joint::HipL, 90, 0, 0, Joint::KneeL).x > 0.4);           // hip flexion: thigh forward
  CHECK(moved(Joint::HipL, -20, 0, 0, Joint::KneeL).x < 0);            // extension: back
  CHECK(moved(Joint::HipL, 0, 30, 0, Joint::KneeL).z < -0.1);          // left abduction: to -z
  CHECK(moved(Joint::HipR, 0, 30, 0, Joint::KneeR).z > 0.1);           // right abduction: to +z
  CHECK(moved(Joint::KneeL, 90, 0, 0, Joint::AnkleL).x < -0.4);        // knee flexion: shank back
  CHECK(moved(Joint::ShoulderR, 90, 0, 0, Joint::WristR).x > 0.4);     // shoulder flexion: forward
  CHECK(moved(Joint::ShoulderL, 0, 90, 0, Joint::ElbowL).z < -0.25);   // abduction: out to the side
  CHECK(moved(Joint::ElbowL, 90, 0, 0, Joint::WristL).x > 0.2);        // elbow flexion: forearm up front
  CHECK(moved(Joint::Lumbar, 30, 0, 0, Joint::Head).x > 0.25);         // spine flexion: bend forward
  CHECK(moved(Joint::Lumbar, -20, 0, 0, Joint::Head).x < -0.15);       // extension: lean back
  CHECK(moved(Joint::Thoracic, 0, 20, 0, Joint::Head).z < -0.05);      // side bend to the left
  CHECK(moved(Joint::Thoracic, 0, 0, 30, Joint::ShoulderR).x > 0.05);  // turning left: right shoulder forward
  CHECK(moved(Joint::AnkleR, 20, 0, 0, Joint::ToeR).y > 0.03);         // dorsiflexion: toes up
  // Internal rotation of the flexed left hip swings the foot out (to -z).
  sb::Pose sit = with(Joint::HipL, 90);
  sit.angles[at(Joint::KneeL)].flex_rad = 90 * sb::kDegToRad;
  sb::Pose inward = sit;
  inward.angles[at(Joint::HipL)].rot_rad = 30 * sb::kDegToRad;
  CHECK(fk(inward).joint_m[at(Joint::AnkleL)].z < fk(sit).joint_m[at(Joint::AnkleL)].z - 0.1);
  // Root: pitch +90 lies on the back with the head toward -x; yaw then rolls the body.
  sb::Pose supine;
  supine.root_rot.pitch_rad = 90 * sb::kDegToRad;
  const sb::WorldPose s = fk(supine);
  CHECK(s.joint_m[at(Joint::Head)].x < -0.5);
  CHECK(std::fabs(s.joint_m[at(Joint::Head)].y - supine.root_pos_m.y) < 0.05);
  CHECK(s.point_m[static_cast<size_t>(sb::BodyPoint::Sacrum)].y < supine.root_pos_m.y - 0.09);
  supine.root_rot.yaw_rad = 90 * sb::kDegToRad;  // rolled onto the left side
  CHECK(fk(supine).joint_m[at(Joint::HipL)].y < supine.root_pos_m.y - 0.08);
}

TEST_CASE("rig: joint angles survive a round trip through the rotation") {
  std::mt19937 rng(7);
  for (int n = 0; n < 200; ++n) {
    const sb::Pose p = random_pose(rng);
    for (size_t j = 1; j < sb::kJointCount; ++j) {
      const Joint joint = static_cast<Joint>(j);
      const sb::JointAngles back = sb::joint_angles(joint, sb::joint_rotation(joint, p.angles[j]));
      CAPTURE(sb::kJointNames[j]);
      CHECK(back.flex_rad == doctest::Approx(p.angles[j].flex_rad).epsilon(1e-9));
      CHECK(back.abd_rad == doctest::Approx(p.angles[j].abd_rad).epsilon(1e-9));
      CHECK(back.rot_rad == doctest::Approx(p.angles[j].rot_rad).epsilon(1e-9));
    }
  }
}

TEST_CASE("rig: rotation_between turns one direction onto another") {
  const Vec3 a{0.6, 0.0, 0.8};
  const Vec3 b{0.0, -1.0, 0.0};
  const Vec3 r = sb::rotation_between(a, b) * a;
  CHECK(dist(r, b) < 1e-12);
  CHECK(dist(sb::rotation_between(a, a) * b, b) < 1e-12);
}

TEST_CASE("rig: mirror reflects the figure exactly and twice is identity") {
  std::mt19937 rng(11);
  for (int n = 0; n < 100; ++n) {
    sb::Pose p = random_pose(rng);
    p.contact_count = 1;
    p.contacts[0] = {sb::ContactPoint::FootL, sb::Surface::Floor};
    const sb::Pose m = sb::mirror(p);
    CHECK(m.contacts[0].point == sb::ContactPoint::FootR);
    const sb::WorldPose a = fk(p);
    const sb::WorldPose b = fk(m);
    for (size_t j = 0; j < sb::kJointCount; ++j) {
      const Vec3 pa = a.joint_m[j];
      const Vec3 pb = b.joint_m[at(sb::joint_info(static_cast<Joint>(j)).mirror)];
      CHECK(dist(pb, Vec3{pa.x, pa.y, -pa.z}) < 1e-9);
    }
    const sb::WorldPose c = fk(sb::mirror(m));
    for (size_t j = 0; j < sb::kJointCount; ++j) CHECK(dist(c.joint_m[j], a.joint_m[j]) < 1e-12);
  }
}

TEST_CASE("rig: check_limits names the first joint outside its range") {
  CHECK(sb::check_limits(sb::Pose{}).ok());
  const sb::LimitCheck knee = sb::check_limits(with(Joint::KneeR, -10));
  CHECK(knee.joint == Joint::KneeR);
  CHECK(knee.component == 0);
  CHECK(knee.value_deg == doctest::Approx(-10));
  const sb::LimitCheck hip = sb::check_limits(with(Joint::HipL, 10, 50));
  CHECK(hip.joint == Joint::HipL);
  CHECK(hip.component == 1);
  CHECK(sb::check_limits(with(Joint::HipL, 125, 45, -45)).ok());
}

TEST_CASE("rig: build_figure gives every capsule, near/far sides and a depth order") {
  sb::Pose p;
  p.contact_count = 2;
  p.contacts[0] = {sb::ContactPoint::FootL, sb::Surface::Floor};
  p.contacts[1] = {sb::ContactPoint::FootR, sb::Surface::Floor};
  sb::FigureDraw d;
  sb::build_figure(p, d);
  CHECK(d.lowest_y_m == doctest::Approx(0.0).epsilon(1e-9));
  CHECK(d.head.radius_m > 0.08);
  CHECK(d.head.centre_m.y > 1.5);
  int near = 0, far = 0;
  for (const sb::Capsule& c : d.capsules) {
    CHECK(c.radius_m > 0.0);
    CHECK(dist(c.a_m, c.b_m) > 0.01);
    CHECK(std::min(c.a_m.y, c.b_m.y) - c.radius_m >= -1e-9);
    if (c.side == sb::BodySide::Right) CHECK(c.near);  // the right side faces the side camera
    if (c.side == sb::BodySide::Left) CHECK_FALSE(c.near);
    (c.near ? near : far)++;
  }
  CHECK(far == 7);
  for (size_t i = 1; i < sb::kCapsuleCount; ++i) {
    CHECK(d.capsules[static_cast<size_t>(d.draw_order[i - 1])].depth_m <=
          d.capsules[static_cast<size_t>(d.draw_order[i])].depth_m);
  }
  REQUIRE(d.contact_count == 2);
  CHECK(d.contacts[0].point == sb::ContactPoint::FootL);
  CHECK(d.contacts[0].pos_m.z < 0);
  CHECK(d.contacts[0].pos_m.y - d.contacts[0].radius_m == doctest::Approx(0.0).epsilon(1e-9));
  // Seen from behind (camera at -z), the left side is the near one.
  sb::build_figure(p, d, Vec3{0, 0, -1});
  for (const sb::Capsule& c : d.capsules) {
    if (c.side == sb::BodySide::Left) CHECK(c.near);
  }
}

TEST_CASE("rig: a shoulder raised past 90 degrees reads back as itself, inside its limits") {
  for (double abd : {95.0, 110.0, 150.0}) {
    const sb::JointAngles a{10 * sb::kDegToRad, abd * sb::kDegToRad, -20 * sb::kDegToRad};
    const sb::JointAngles back = sb::joint_angles(Joint::ShoulderR, sb::joint_rotation(Joint::ShoulderR, a));
    CAPTURE(abd);
    CHECK(back.flex_rad == doctest::Approx(a.flex_rad).epsilon(1e-9));
    CHECK(back.abd_rad == doctest::Approx(a.abd_rad).epsilon(1e-9));
    CHECK(back.rot_rad == doctest::Approx(a.rot_rad).epsilon(1e-9));
  }
}
