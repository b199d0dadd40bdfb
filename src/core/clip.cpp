// clip: the sampler (easing, contacts, two-bone IK), mirroring, surfaces, and the loader of
// clips.json. Index:
//   [SECTION] sampling     blend keys, then hold contacts (pelvis shift, limb IK)
//   [SECTION] surfaces     distance from a body part to the floor, wall, chair or roller
//   [SECTION] mirroring
//   [SECTION] loading      JSON reading helpers, poses, phases, contacts, defaults, targets
#include "core/clip.h"

#include "core/content.h"
#include "core/json.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <utility>

namespace sb {

namespace {

size_t index(Phase p) { return static_cast<size_t>(p); }
size_t index(Joint j) { return static_cast<size_t>(j); }

// [SECTION] sampling ---------------------------------------------------------------------------

double ease(Ease e, double u) {
  switch (e) {
    case Ease::Linear: return u;
    case Ease::In: return u * u;
    case Ease::Out: return 1.0 - (1.0 - u) * (1.0 - u);
    case Ease::InOut: return 0.5 - 0.5 * std::cos(kPi * u);
  }
  return u;
}

double lerp(double a, double b, double u) { return a + (b - a) * u; }

// The one interpolation path: every angle and the pelvis position move linearly in u.
void blend(const Pose& a, const Pose& b, double u, Pose& out) {
  out.root_pos_m = a.root_pos_m + (b.root_pos_m - a.root_pos_m) * u;
  out.root_rot = {lerp(a.root_rot.pitch_rad, b.root_rot.pitch_rad, u),
                  lerp(a.root_rot.yaw_rad, b.root_rot.yaw_rad, u),
                  lerp(a.root_rot.roll_rad, b.root_rot.roll_rad, u)};
  for (size_t j = 0; j < kJointCount; ++j) {
    const JointAngles& x = a.angles[j];
    const JointAngles& y = b.angles[j];
    out.angles[j] = {lerp(x.flex_rad, y.flex_rad, u), lerp(x.abd_rad, y.abd_rad, u),
                     lerp(x.rot_rad, y.rot_rad, u)};
  }
  out.contact_count = 0;
}

void interpolate(const Clip& clip, const ClipPhase& phase, double progress, Pose& out) {
  const std::vector<ClipKey>& keys = phase.keys;
  size_t i = 0;
  while (i + 1 < keys.size() && progress > keys[i + 1].t) ++i;
  const Pose& a = clip.poses[static_cast<size_t>(keys[i].pose)];
  if (i + 1 >= keys.size() || progress <= keys[i].t) {
    blend(a, a, 0.0, out);
    return;
  }
  const ClipKey& next = keys[i + 1];
  const double u = (progress - keys[i].t) / (next.t - keys[i].t);
  blend(a, clip.poses[static_cast<size_t>(next.pose)], ease(next.ease, std::clamp(u, 0.0, 1.0)),
        out);
}

struct Chain {
  Joint prox, mid, end;
};
constexpr int kShiftRounds = 4;
constexpr int kPivotRounds = 3;
constexpr std::array<Chain, 4> kChains{{{Joint::HipL, Joint::KneeL, Joint::AnkleL},
                                        {Joint::HipR, Joint::KneeR, Joint::AnkleR},
                                        {Joint::ShoulderL, Joint::ElbowL, Joint::WristL},
                                        {Joint::ShoulderR, Joint::ElbowR, Joint::WristR}}};

Vec3 unit(Vec3 v) {
  const double n = length(v);
  return n > 1e-12 ? v * (1.0 / n) : v;
}

// Sets a joint's angles so that its segment gets this world orientation.
void set_world_frame(Pose& pose, const WorldPose& world, Joint joint, const Mat3& frame) {
  const Mat3& parent = world.frame[index(joint_info(joint).parent)];
  pose.angles[index(joint)] = joint_angles(joint, transpose(parent) * frame);
}

// Turns prox so that the joint below it (mid) points at target.
void aim(Pose& pose, const WorldPose& world, const Chain& c, Vec3 target) {
  const Vec3 origin = world.joint_m[index(c.prox)];
  const Mat3 swing =
      rotation_between(unit(world.joint_m[index(c.mid)] - origin), unit(target - origin));
  set_world_frame(pose, world, c.prox, swing * world.frame[index(c.prox)]);
}

// Analytic two-bone IK: bends mid so the chain spans the distance to target, then swings
// prox (smallest rotation) so the end joint lands on it. Out-of-reach targets are clamped.
void two_bone(Pose& pose, const WorldPose& world, const Chain& c, Vec3 target) {
  if (length(target - world.joint_m[index(c.end)]) < 1e-9) return;  // already there: keep exact
  const Vec3 origin = world.joint_m[index(c.prox)];
  const double a = segment_length_m(c.mid);
  const double b = segment_length_m(c.end);
  const Vec3 to_target = target - origin;
  const double d = std::clamp(length(to_target), std::fabs(a - b) + 1e-9, a + b - 1e-9);
  // |end - prox|^2 = a^2 + b^2 + 2ab cos(bend); with mid = Rz(flex) Rx(abd) Ry(rot) and both
  // bones along -y, cos(bend) = cos(flex) cos(abd).
  JointAngles& m = pose.angles[index(c.mid)];
  const double cos_bend = (d * d - a * a - b * b) / (2.0 * a * b);
  m.flex_rad = std::acos(std::clamp(cos_bend / std::cos(m.abd_rad), -1.0, 1.0));
  const Vec3 reach = world.frame[index(c.prox)] *
                     (joint_info(c.mid).offset_m +
                      joint_rotation(c.mid, m) * joint_info(c.end).offset_m);
  const Mat3 swing = rotation_between(unit(reach), unit(to_target));
  set_world_frame(pose, world, c.prox, swing * world.frame[index(c.prox)]);
}

// Where a sliding part may be: its target moved along the surface to follow current, keeping
// only its distance to the surface.
Vec3 slid(const Props& props, Surface surface, Vec3 target, Vec3 current) {
  switch (surface) {
    case Surface::Floor:
    case Surface::Chair: return {current.x, target.y, current.z};
    case Surface::Wall: return {target.x, current.y, current.z};
    case Surface::Roller: {
      const Vec3 axis{props.roller_pos_m.x, props.roller_pos_m.y, current.z};
      const Vec3 want = target - props.roller_pos_m;
      return axis + unit(Vec3{current.x - axis.x, current.y - axis.y, 0.0}) *
                        std::sqrt(want.x * want.x + want.y * want.y);
    }
  }
  return target;
}

// The reference point a contact holds (the segment's joint, or the part itself when it is a
// trunk part or pivots), where that point should be now, and along which world axes the
// contact holds it (a sliding part only across its surface).
struct Hold {
  Vec3 now, want, weight;
};
Hold hold_of(const Props& props, const ClipContact& c, const WorldPose& world) {
  const ContactInfo& info = contact_info(c.point);
  const bool by_joint = info.kind == ContactKind::Middle ||
                        (info.kind == ContactKind::End && !c.pivot);
  const Vec3 now = by_joint ? world.joint_m[index(info.joint)] : contact_position(world, c.point);
  const Vec3 want = by_joint ? c.joint_m : c.target_m;
  if (!c.slide) return {now, want, {1, 1, 1}};
  const Vec3 to = slid(props, c.surface, want, now);
  const Vec3 n = unit(to - now);
  return {now, to, {std::fabs(n.x), std::fabs(n.y), std::fabs(n.z)}};
}

// Turns the end segment of a limb to frame. A foot turns at the ankle alone; a hand's turn about
// the forearm is pronation, so it goes to the elbow's rot and the wrist only flexes and deviates:
// elbow-without-twist^T * frame = Ry(twist) Rz(flex) Rx(dev), decomposed y-z-x.
void turn_end(Pose& pose, const WorldPose& world, const Chain& c, const Mat3& frame) {
  if (c.end != Joint::WristL && c.end != Joint::WristR) {
    set_world_frame(pose, world, c.end, frame);
    return;
  }
  JointAngles& elbow = pose.angles[index(c.mid)];
  const JointInfo& e = joint_info(c.mid);
  const Mat3 untwisted = world.frame[index(c.prox)] * rotation_z(e.axis_sign[0] * elbow.flex_rad) *
                         rotation_x(e.axis_sign[1] * elbow.abd_rad);
  const Mat3 m = transpose(untwisted) * frame;
  const double twist = std::atan2(-m.at(2, 0), m.at(0, 0));
  const double flex = std::asin(std::clamp(m.at(1, 0), -1.0, 1.0));
  const double dev = std::atan2(-m.at(1, 2), m.at(1, 1));
  elbow.rot_rad = e.axis_sign[2] * twist - e.rot_zero_deg * kDegToRad;
  const JointInfo& w = joint_info(c.end);
  pose.angles[index(c.end)] = {w.axis_sign[0] * flex, w.axis_sign[1] * dev, 0.0};
}

// Keeps every contact of a phase where it belongs: first the pelvis shifts (trunk parts, knees
// and forearms; sliding parts only across their surface), then each limb is solved from its own
// contacts: a knee or forearm aims the limb's root joint at it, a foot or hand is reached by
// two-bone IK. A contact's segment keeps the world orientation it had when the contact began;
// a pivoting foot (toes, heel) keeps its current orientation and a pivoting hand its wrist angles.
void hold_contacts(const Props& props, const ClipContact* contacts, size_t count, Pose& pose) {
  if (count == 0) return;
  WorldPose world;
  forward_kinematics(pose, world);
  // A trunk part pulls the pelvis by its own error; a knee or forearm pulls it until the hip or
  // shoulder above it is one bone length from where the knee or elbow must stay (the bone can
  // still swing). Several parts are averaged per axis; a few rounds settle the bone lengths.
  Vec3 shift;
  for (int round = 0; round < kShiftRounds; ++round) {
    Vec3 sum, weight;
    for (size_t i = 0; i < count; ++i) {
      const ContactInfo& info = contact_info(contacts[i].point);
      if (info.kind == ContactKind::End) continue;
      const Hold h = hold_of(props, contacts[i], world);
      Vec3 e = h.want - (h.now + shift);
      if (info.kind == ContactKind::Middle) {
        const Joint above = joint_info(info.joint).parent;
        const Vec3 root = world.joint_m[index(above)] + shift;
        e = h.want + unit(root - h.want) * segment_length_m(info.joint) - root;
      }
      sum = sum + Vec3{e.x * h.weight.x, e.y * h.weight.y, e.z * h.weight.z};
      weight = weight + h.weight;
    }
    auto mean = [](double s, double w) { return w > 1e-9 ? s / w : 0.0; };
    shift = shift + Vec3{mean(sum.x, weight.x), mean(sum.y, weight.y), mean(sum.z, weight.z)};
  }
  if (length(shift) > 0.0) {
    pose.root_pos_m = pose.root_pos_m + shift;
    forward_kinematics(pose, world);
  }
  for (size_t limb = 0; limb < kChains.size(); ++limb) {
    const ClipContact* middle = nullptr;
    const ClipContact* end = nullptr;
    for (size_t i = 0; i < count; ++i) {
      const ContactInfo& info = contact_info(contacts[i].point);
      if (static_cast<size_t>(info.limb) != limb + 1) continue;
      (info.kind == ContactKind::Middle ? middle : end) = &contacts[i];
    }
    const Chain& chain = kChains[limb];
    if (middle) {
      aim(pose, world, chain, hold_of(props, *middle, world).want);
      forward_kinematics(pose, world);
      if (!middle->pivot) {
        set_world_frame(pose, world, chain.mid, middle->frame);
        forward_kinematics(pose, world);
      }
    }
    const bool arm = chain.end == Joint::WristL || chain.end == Joint::WristR;
    if (end && end->pivot && arm) {
      // A pivoting hand keeps its wrist angles: reach the palm through the wrist, re-measuring
      // the lever between them as the arm turns.
      for (int round = 0; round < kPivotRounds && !middle; ++round) {
        const Hold h = hold_of(props, *end, world);
        two_bone(pose, world, chain, world.joint_m[index(chain.end)] + (h.want - h.now));
        forward_kinematics(pose, world);
      }
    } else if (end) {
      // A foot or hand keeps the world orientation it had when the contact began; a pivoting
      // foot (toes, heel) keeps the orientation it has now, turning at the ankle about the part.
      const Mat3 end_frame = end->pivot ? world.frame[index(chain.end)] : end->frame;
      if (!middle) {
        const Hold h = hold_of(props, *end, world);
        two_bone(pose, world, chain, world.joint_m[index(chain.end)] + (h.want - h.now));
        forward_kinematics(pose, world);
      }
      turn_end(pose, world, chain, end_frame);
      forward_kinematics(pose, world);
    }
  }
}

// The figure at progress through a phase: the keys blended, a grounded clip set on the floor,
// then the given contacts held.
void pose_at(const Clip& clip, const ClipPhase& phase, const ClipContact* contacts, size_t count,
             double progress, Pose& out) {
  interpolate(clip, phase, progress, out);
  if (clip.ground) {
    WorldPose world;
    forward_kinematics(out, world);
    out.root_pos_m.y -= lowest_point_y(world);
  }
  hold_contacts(clip.props, contacts, count, out);
}

}  // namespace

Vec3 toward_camera(View view) {
  switch (view) {
    case View::Side: return {0, 0, 1};
    case View::Front: return {1, 0, 0};
    case View::Top: return {0, 1, 0};
    case View::ThreeQuarter: return unit(Vec3{0.6, 0.35, 0.72});
  }
  return {0, 0, 1};
}

void sample_pose(const Clip& clip, Phase phase, double progress, Side side, Pose& out) {
  const ClipPhase& ph = clip.phases[index(phase)];
  if (ph.keys.empty()) {  // only a hand-built clip can lack keys
    out = Pose{};
    return;
  }
  progress = std::isfinite(progress) ? std::clamp(progress, 0.0, 1.0) : 0.0;
  pose_at(clip, ph, ph.contacts.data(), ph.contacts.size(), progress, out);
  out.contact_count = static_cast<int>(std::min<size_t>(ph.contacts.size(), kMaxPoseContacts));
  for (size_t i = 0; i < static_cast<size_t>(out.contact_count); ++i) {
    out.contacts[i] = {ph.contacts[i].point, ph.contacts[i].surface};
  }
  if (side == Side::Right) out = mirror(out);
}

double phase_progress(const Clip& clip, Phase phase, double elapsed_s, double duration_s) {
  if (!(duration_s > 0.0) || !(elapsed_s < duration_s)) return 1.0;
  const double p = std::max(0.0, elapsed_s / duration_s);
  if (phase != Phase::Hold || !(clip.loop_s > 0.0)) return p;
  const double loops = std::max(1.0, std::round(duration_s / clip.loop_s));
  const double x = p * loops;
  return x - std::floor(x);
}

const Clip* ClipLoad::find(std::string_view exercise) const {
  for (const Clip& c : clips) {
    if (c.exercise == exercise) return &c;
  }
  return nullptr;
}

// [SECTION] surfaces -----------------------------------------------------------------------------

namespace {

// Signed distance from p to an axis-aligned box given by its centre and half sizes.
double box_distance(Vec3 p, Vec3 centre, Vec3 half) {
  const Vec3 d{std::fabs(p.x - centre.x) - half.x, std::fabs(p.y - centre.y) - half.y,
               std::fabs(p.z - centre.z) - half.z};
  const Vec3 outside{std::max(d.x, 0.0), std::max(d.y, 0.0), std::max(d.z, 0.0)};
  return length(outside) + std::min(std::max(d.x, std::max(d.y, d.z)), 0.0);
}

}  // namespace

double surface_distance_m(const Props& props, Surface surface, Vec3 centre_m, double radius_m) {
  switch (surface) {
    case Surface::Floor: return centre_m.y - radius_m;
    case Surface::Wall: return centre_m.x - props.wall_x_m - radius_m;
    case Surface::Roller: {
      const Vec3 d = centre_m - props.roller_pos_m;
      return std::sqrt(d.x * d.x + d.y * d.y) - kRollerRadius_m - radius_m;
    }
    case Surface::Chair: {
      // In the chair's frame: seat top at y = 0, front edge toward +x, back rest at -x.
      const Vec3 p = rotation_y(-props.chair_yaw_rad) * (centre_m - props.chair_pos_m);
      const double seat = box_distance(
          p, {0, -kChairSeatThickness_m / 2, 0},
          {kChairSeatDepth_m / 2, kChairSeatThickness_m / 2, kChairSeatWidth_m / 2});
      const double back = box_distance(
          p, {-kChairSeatDepth_m / 2 + kChairBackThickness_m / 2, kChairBackHeight_m / 2, 0},
          {kChairBackThickness_m / 2, kChairBackHeight_m / 2, kChairSeatWidth_m / 2});
      return std::min(seat, back) - radius_m;
    }
  }
  return 0.0;
}

// [SECTION] mirroring ----------------------------------------------------------------------------

namespace {

Vec3 reflect(Vec3 v) { return {v.x, v.y, -v.z}; }

// M F M with M = diag(1, 1, -1).
Mat3 reflect(const Mat3& f) {
  Mat3 r = f;
  for (size_t k : {2u, 5u, 6u, 7u}) r.m[k] = -r.m[k];
  return r;
}

void reflect(PropLine& line) {
  for (ContactPoint& p : line.points) p = contact_info(p).mirror;
}

}  // namespace

Props mirror(const Props& props) {
  Props out = props;
  out.mat_pos_m = reflect(props.mat_pos_m);
  out.chair_pos_m = reflect(props.chair_pos_m);
  out.chair_yaw_rad = -props.chair_yaw_rad;
  out.roller_pos_m = reflect(props.roller_pos_m);
  out.pedals_pos_m = reflect(props.pedals_pos_m);
  reflect(out.towel);
  reflect(out.band);
  return out;
}

Clip mirror(const Clip& clip) {
  Clip out = clip;
  for (Pose& p : out.poses) p = mirror(p);
  for (ClipPhase& ph : out.phases) {
    for (ClipContact& c : ph.contacts) {
      c.point = contact_info(c.point).mirror;
      c.target_m = reflect(c.target_m);
      c.joint_m = reflect(c.joint_m);
      c.frame = reflect(c.frame);
    }
  }
  out.props = mirror(clip.props);
  return out;
}

// [SECTION] loading --------------------------------------------------------------------------------

namespace {

constexpr const char* kFile = "clips.json";
constexpr int kSchemaVersion = 1;
constexpr double kTouch_m = 0.03;  // a resting part may be this far off its surface
constexpr double kLoopMin_s = 0.2;
constexpr double kLoopMax_s = 60.0;

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string child(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : path + "." + std::string(name);
}

std::string item(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

template <size_t N>
int index_of(const std::array<std::string_view, N>& names, std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

template <size_t N>
std::string joined(const std::array<std::string_view, N>& names, size_t first = 0) {
  std::string out;
  for (size_t i = first; i < N; ++i) out += (i > first ? ", " : "") + std::string(names[i]);
  return out;
}

// Reports problems and reads typed values; every reader returns false after reporting.
class Reader {
 public:
  explicit Reader(Diagnostics& diags) : diags_(diags) {}

  void error(JsonPos pos, const std::string& key, std::string message) {
    diags_.push_back({Severity::Error, kFile, pos.line, pos.col, key, std::move(message)});
  }
  void warning(JsonPos pos, const std::string& key, std::string message) {
    diags_.push_back({Severity::Warning, kFile, pos.line, pos.col, key, std::move(message)});
  }
  size_t mark() const { return diags_.size(); }
  bool errors_since(size_t mark) const {
    for (size_t i = mark; i < diags_.size(); ++i) {
      if (diags_[i].severity == Severity::Error) return true;
    }
    return false;
  }

  bool type(const JsonValue& v, JsonValue::Type t, const std::string& key) {
    if (v.type == t) return true;
    error(v.pos, key, std::string("must be ") + json_type_name(t) + ", not " + json_type_name(v.type));
    return false;
  }

  // Warns about keys of obj not in known, and about repeated keys.
  void known_keys(const JsonValue& obj, const std::string& path,
                  std::initializer_list<std::string_view> known) {
    for (size_t i = 0; i < obj.members.size(); ++i) {
      const JsonMember& m = obj.members[i];
      if (std::find(known.begin(), known.end(), m.key) == known.end()) {
        warning(m.key_pos, path, "unknown key " + quoted(m.key) + " (ignored)");
      } else {
        repeated(obj, i, path);
      }
    }
  }

  // Warns when member i repeats an earlier key; true when it does.
  bool repeated(const JsonValue& obj, size_t i, const std::string& path) {
    for (size_t k = 0; k < i; ++k) {
      if (obj.members[k].key == obj.members[i].key) {
        warning(obj.members[i].key_pos, child(path, obj.members[i].key),
                "repeated key (only the first one is used)");
        return true;
      }
    }
    return false;
  }

  const JsonValue* get(const JsonValue& obj, const std::string& path, std::string_view name,
                       bool required) {
    const JsonValue* v = obj.find(name);
    if (!v && required) error(obj.pos, path, "missing required key " + quoted(name));
    return v;
  }

  bool number(const JsonValue& v, const std::string& key, double& out) {
    if (!type(v, JsonValue::Type::Number, key)) return false;
    out = v.number;
    return true;
  }

  bool vec3(const JsonValue& v, const std::string& key, Vec3& out) {
    if (!v.is_array() || v.items.size() != 3 ||
        std::any_of(v.items.begin(), v.items.end(), [](const JsonValue& x) { return !x.is_number(); })) {
      error(v.pos, key, "must be a list of 3 numbers");
      return false;
    }
    out = {v.items[0].number, v.items[1].number, v.items[2].number};
    return true;
  }

  template <size_t N>
  int choice(const JsonValue& v, const std::string& key, const char* what,
             const std::array<std::string_view, N>& names) {
    if (!type(v, JsonValue::Type::String, key)) return -1;
    const int i = index_of(names, v.text);
    if (i < 0) {
      error(v.pos, key, std::string("unknown ") + what + " " + quoted(v.text) + " (allowed: " +
                            joined(names) + ")");
    }
    return i;
  }

 private:
  Diagnostics& diags_;
};

struct NamedPose {
  std::string name;
  Pose pose;
};

const NamedPose* find_pose(const std::vector<NamedPose>& poses, std::string_view name) {
  for (const NamedPose& p : poses) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// The joints a name in "joints" sets: one joint, or both sides for "hip", "knee"...
int joints_named(std::string_view name, std::array<Joint, 2>& out) {
  const int exact = index_of(kJointNames, name);
  if (exact > 0) {
    out[0] = static_cast<Joint>(exact);
    return 1;
  }
  const int left = index_of(kJointNames, std::string(name) + "_l");
  if (left < 0) return 0;
  out[0] = static_cast<Joint>(left);
  out[1] = joint_info(out[0]).mirror;
  return 2;
}

constexpr std::array<std::string_view, 3> kComponentNames{"flex", "abd", "rot"};

void read_joints(Reader& r, const JsonValue& obj, const std::string& path, Pose& pose) {
  if (!r.type(obj, JsonValue::Type::Object, path)) return;
  for (size_t i = 0; i < obj.members.size(); ++i) {
    const JsonMember& m = obj.members[i];
    const std::string key = child(path, m.key);
    if (r.repeated(obj, i, path)) continue;
    std::array<Joint, 2> joints{};
    const int count = joints_named(m.key, joints);
    if (count == 0) {
      r.error(m.key_pos, key,
              m.key == "pelvis" ? "the pelvis is placed with \"root\", not \"joints\""
                                : "unknown joint " + quoted(m.key) + " (allowed: " +
                                      joined(kJointNames, 1) +
                                      "; or hip, knee, ankle, toe, shoulder, elbow, wrist "
                                      "for both sides)");
      continue;
    }
    std::array<double, 3> deg{0, 0, 0};
    if (m.value.is_number()) {
      deg[0] = m.value.number;
    } else if (m.value.is_array() && m.value.items.size() == 3 &&
               std::all_of(m.value.items.begin(), m.value.items.end(),
                           [](const JsonValue& x) { return x.is_number(); })) {
      for (size_t c = 0; c < 3; ++c) deg[c] = m.value.items[c].number;
    } else {
      r.error(m.value.pos, key, "must be a number (flex) or a list of 3 numbers [flex, abd, rot]");
      continue;
    }
    const JointLimits& lim = joint_info(joints[0]).limits;
    bool ok = true;
    for (size_t c = 0; c < 3; ++c) {
      if (deg[c] < lim.min_deg[c] || deg[c] > lim.max_deg[c]) {
        r.error(m.value.pos, key,
                std::string(kComponentNames[c]) + " " + number_text(deg[c]) +
                    " is outside the joint's range of " + number_text(lim.min_deg[c]) + " to " +
                    number_text(lim.max_deg[c]) + " degrees");
        ok = false;
      }
    }
    if (!ok) continue;
    for (int k = 0; k < count; ++k) {
      pose.angles[index(joints[static_cast<size_t>(k)])] = {
          deg[0] * kDegToRad, deg[1] * kDegToRad, deg[2] * kDegToRad};
    }
  }
}

// One pose: {"extends", "ground", "root": {"pos", "rot"}, "joints"}.
void read_pose(Reader& r, const JsonValue& v, const std::string& key,
               const std::vector<NamedPose>& above, const std::vector<NamedPose>* shared,
               Pose& pose) {
  if (!r.type(v, JsonValue::Type::Object, key)) return;
  r.known_keys(v, key, {"extends", "mirror_of", "ground", "root", "joints"});
  for (const char* how : {"extends", "mirror_of"}) {
    const JsonValue* e = r.get(v, key, how, false);
    if (!e || !r.type(*e, JsonValue::Type::String, child(key, how))) continue;
    const NamedPose* base = find_pose(above, e->text);
    if (!base && shared) base = find_pose(*shared, e->text);
    if (!base) {
      r.error(e->pos, child(key, how),
              "unknown pose " + quoted(e->text) + " (a pose can only build on the poses above it)");
    } else if (how[0] == 'e' && v.find("mirror_of")) {
      r.error(e->pos, key, "use either \"extends\" or \"mirror_of\", not both");
    } else {
      pose = how[0] == 'e' ? base->pose : mirror(base->pose);
    }
  }
  if (const JsonValue* root = r.get(v, key, "root", false)) {
    const std::string root_key = child(key, "root");
    if (r.type(*root, JsonValue::Type::Object, root_key)) {
      r.known_keys(*root, root_key, {"pos", "rot"});
      if (const JsonValue* pos = r.get(*root, root_key, "pos", false)) {
        r.vec3(*pos, child(root_key, "pos"), pose.root_pos_m);
      }
      Vec3 rot_deg;
      const JsonValue* rot = r.get(*root, root_key, "rot", false);
      if (rot && r.vec3(*rot, child(root_key, "rot"), rot_deg)) {
        pose.root_rot = {rot_deg.x * kDegToRad, rot_deg.y * kDegToRad, rot_deg.z * kDegToRad};
      }
    }
  }
  if (const JsonValue* joints = r.get(v, key, "joints", false)) {
    read_joints(r, *joints, child(key, "joints"), pose);
  }
  const JsonValue* ground = r.get(v, key, "ground", false);
  if (ground && r.type(*ground, JsonValue::Type::Bool, child(key, "ground")) && ground->boolean) {
    WorldPose world;
    forward_kinematics(pose, world);
    pose.root_pos_m.y -= lowest_point_y(world);
  }
}

void read_poses(Reader& r, const JsonValue& obj, const std::string& path,
                const std::vector<NamedPose>* shared, std::vector<NamedPose>& out) {
  if (!r.type(obj, JsonValue::Type::Object, path)) return;
  for (size_t i = 0; i < obj.members.size(); ++i) {
    if (r.repeated(obj, i, path)) continue;
    const JsonMember& m = obj.members[i];
    Pose pose;
    read_pose(r, m.value, child(path, m.key), out, shared, pose);
    out.push_back({m.key, pose});  // kept even when bad, so later references do not cascade
  }
}

void read_line(Reader& r, const JsonValue& v, const std::string& key, PropLine& line) {
  if (!r.type(v, JsonValue::Type::Object, key)) return;
  r.known_keys(v, key, {"points"});
  const JsonValue* points = r.get(v, key, "points", true);
  if (!points || !r.type(*points, JsonValue::Type::Array, child(key, "points"))) return;
  if (points->items.size() < 2 || points->items.size() > kMaxPropLinePoints) {
    r.error(points->pos, child(key, "points"),
            "must list 2 to " + std::to_string(kMaxPropLinePoints) + " body parts");
    return;
  }
  for (size_t i = 0; i < points->items.size(); ++i) {
    const int p = r.choice(points->items[i], item(child(key, "points"), i), "contact point",
                           kContactPointNames);
    if (p >= 0) line.points[static_cast<size_t>(line.count++)] = static_cast<ContactPoint>(p);
  }
}

void read_props(Reader& r, const JsonValue& v, const std::string& key, Props& props) {
  if (!r.type(v, JsonValue::Type::Object, key)) return;
  r.known_keys(v, key, {"mat", "chair", "wall", "roller", "towel", "band", "water", "pedals"});
  // Each prop is an object of its own keys; "pos" is optional only for the mat.
  auto open = [&](std::string_view name, std::initializer_list<std::string_view> known,
                  std::string& prop_key) -> const JsonValue* {
    const JsonValue* p = r.get(v, key, name, false);
    prop_key = child(key, name);
    if (!p || !r.type(*p, JsonValue::Type::Object, prop_key)) return nullptr;
    r.known_keys(*p, prop_key, known);
    return p;
  };
  std::string k;
  if (const JsonValue* mat = open("mat", {"pos"}, k)) {
    props.mat = true;
    if (const JsonValue* pos = r.get(*mat, k, "pos", false)) r.vec3(*pos, child(k, "pos"), props.mat_pos_m);
  }
  if (const JsonValue* chair = open("chair", {"pos", "yaw"}, k)) {
    const JsonValue* pos = r.get(*chair, k, "pos", true);
    props.chair = pos && r.vec3(*pos, child(k, "pos"), props.chair_pos_m);
    double yaw_deg = 0.0;
    const JsonValue* yaw = r.get(*chair, k, "yaw", false);
    if (yaw && r.number(*yaw, child(k, "yaw"), yaw_deg)) props.chair_yaw_rad = yaw_deg * kDegToRad;
  }
  if (const JsonValue* wall = open("wall", {"x"}, k)) {
    const JsonValue* x = r.get(*wall, k, "x", true);
    props.wall = x && r.number(*x, child(k, "x"), props.wall_x_m);
  }
  if (const JsonValue* roller = open("roller", {"pos"}, k)) {
    const JsonValue* pos = r.get(*roller, k, "pos", true);
    props.roller = pos && r.vec3(*pos, child(k, "pos"), props.roller_pos_m);
  }
  if (const JsonValue* water = open("water", {"y"}, k)) {
    const JsonValue* y = r.get(*water, k, "y", true);
    props.water = y && r.number(*y, child(k, "y"), props.water_y_m);
  }
  if (const JsonValue* pedals = open("pedals", {"pos", "radius"}, k)) {
    const JsonValue* pos = r.get(*pedals, k, "pos", true);
    const JsonValue* radius = r.get(*pedals, k, "radius", true);
    props.pedals = pos && r.vec3(*pos, child(k, "pos"), props.pedals_pos_m) && radius &&
                   r.number(*radius, child(k, "radius"), props.pedals_radius_m);
  }
  if (const JsonValue* towel = r.get(v, key, "towel", false)) read_line(r, *towel, child(key, "towel"), props.towel);
  if (const JsonValue* band = r.get(v, key, "band", false)) read_line(r, *band, child(key, "band"), props.band);
}

// A key as written, before its pose name is turned into an index.
struct KeyText {
  double t = 0.0;
  std::string pose;
  Ease ease = Ease::InOut;
  JsonPos pos;
};

struct PhaseText {
  std::vector<KeyText> keys;
  bool written = false;  // false: filled in by a default
  JsonPos pos;
};

void read_keys(Reader& r, const JsonValue& v, const std::string& key, PhaseText& phase) {
  phase.written = true;
  phase.pos = v.pos;
  if (!r.type(v, JsonValue::Type::Array, key)) return;
  if (v.items.empty()) {
    r.error(v.pos, key, "must have at least one key");
    return;
  }
  for (size_t i = 0; i < v.items.size(); ++i) {
    const JsonValue& k = v.items[i];
    const std::string kk = item(key, i);
    if (!r.type(k, JsonValue::Type::Object, kk)) continue;
    r.known_keys(k, kk, {"t", "pose", "ease"});
    KeyText out;
    out.pos = k.pos;
    const JsonValue* t = r.get(k, kk, "t", true);
    if (t && r.number(*t, child(kk, "t"), out.t)) {
      if (out.t < 0.0 || out.t > 1.0) {
        r.error(t->pos, child(kk, "t"), "must be between 0 and 1, not " + number_text(out.t));
      } else if (i == 0 && out.t != 0.0) {
        r.error(t->pos, child(kk, "t"), "the first key must be at t 0, not " + number_text(out.t));
      } else if (i > 0 && !phase.keys.empty() && out.t <= phase.keys.back().t) {
        r.error(t->pos, child(kk, "t"),
                "must be greater than the t of the key before (" +
                    number_text(phase.keys.back().t) + ")");
      }
    }
    const JsonValue* pose = r.get(k, kk, "pose", true);
    if (pose && r.type(*pose, JsonValue::Type::String, child(kk, "pose"))) out.pose = pose->text;
    if (const JsonValue* e = r.get(k, kk, "ease", false)) {
      const int c = r.choice(*e, child(kk, "ease"), "ease", kEaseNames);
      if (c >= 0) out.ease = static_cast<Ease>(c);
    }
    phase.keys.push_back(out);
  }
}

Ease reversed(Ease e) {
  return e == Ease::In ? Ease::Out : e == Ease::Out ? Ease::In : e;
}

// move_in played backwards: the key order and times reversed, each segment's easing turned.
std::vector<KeyText> reversed(const std::vector<KeyText>& keys) {
  std::vector<KeyText> out;
  const size_t n = keys.size();
  for (size_t j = 0; j < n; ++j) {
    KeyText k = keys[n - 1 - j];
    k.t = 1.0 - k.t;
    k.ease = j == 0 ? Ease::InOut : reversed(keys[n - j].ease);
    out.push_back(k);
  }
  if (!out.empty()) out.front().t = 0.0;
  return out;
}

struct ContactSpec {
  ContactPoint point = ContactPoint::Pelvis;
  Surface surface = Surface::Floor;
  bool pivot = false;
  bool slide = false;
  std::array<bool, kPhaseCount> phases{};
  JsonPos pos;
  std::string key;
};

void read_contacts(Reader& r, const JsonValue& v, const std::string& key, const Props& props,
                   std::vector<ContactSpec>& out) {
  if (!r.type(v, JsonValue::Type::Array, key)) return;
  for (size_t i = 0; i < v.items.size(); ++i) {
    const JsonValue& c = v.items[i];
    ContactSpec spec;
    spec.key = item(key, i);
    spec.pos = c.pos;
    if (!r.type(c, JsonValue::Type::Object, spec.key)) continue;
    r.known_keys(c, spec.key, {"point", "surface", "phases", "pivot", "slide"});
    const size_t mark = r.mark();
    const JsonValue* point = r.get(c, spec.key, "point", true);
    const int p = point ? r.choice(*point, child(spec.key, "point"), "contact point", kContactPointNames) : -1;
    const JsonValue* surface = r.get(c, spec.key, "surface", true);
    const int s = surface ? r.choice(*surface, child(spec.key, "surface"), "surface", kSurfaceNames) : -1;
    if (s >= 0) {
      spec.surface = static_cast<Surface>(s);
      const bool has = spec.surface == Surface::Floor || (spec.surface == Surface::Wall && props.wall) ||
                       (spec.surface == Surface::Chair && props.chair) ||
                       (spec.surface == Surface::Roller && props.roller);
      if (!has) {
        r.error(surface->pos, child(spec.key, "surface"),
                quoted(surface->text) + " needs the prop " +
                    quoted(spec.surface == Surface::Roller ? "roller" : surface->text) + " in \"props\"");
      }
    }
    spec.phases.fill(true);
    if (const JsonValue* phases = r.get(c, spec.key, "phases", false)) {
      const std::string pk = child(spec.key, "phases");
      if (r.type(*phases, JsonValue::Type::Array, pk)) {
        spec.phases.fill(false);
        for (size_t k = 0; k < phases->items.size(); ++k) {
          const int ph = r.choice(phases->items[k], item(pk, k), "phase", kPhaseNames);
          if (ph >= 0) spec.phases[static_cast<size_t>(ph)] = true;
        }
      }
    }
    for (const char* flag : {"pivot", "slide"}) {
      const JsonValue* f = r.get(c, spec.key, flag, false);
      if (f && r.type(*f, JsonValue::Type::Bool, child(spec.key, flag))) {
        (flag[0] == 'p' ? spec.pivot : spec.slide) = f->boolean;
      }
    }
    if (p < 0 || r.errors_since(mark)) continue;
    spec.point = static_cast<ContactPoint>(p);
    spec.pivot = spec.pivot || contact_info(spec.point).pivots;
    // One part once per phase; a limb has at most one knee/forearm part and one end part.
    for (size_t ph = 0; ph < kPhaseCount && !r.errors_since(mark); ++ph) {
      if (!spec.phases[ph]) continue;
      const ContactInfo& info = contact_info(spec.point);
      int in_phase = 0;
      for (const ContactSpec& o : out) {
        if (!o.phases[ph]) continue;
        ++in_phase;
        const ContactInfo& oi = contact_info(o.point);
        const bool same_role = oi.limb != Limb::None && oi.limb == info.limb &&
                               (oi.kind == ContactKind::Middle) == (info.kind == ContactKind::Middle);
        if (o.point == spec.point || same_role) {
          r.error(point->pos, child(spec.key, "point"),
                  o.point == spec.point
                      ? quoted(point->text) + " is listed twice for phase " + quoted(kPhaseNames[ph])
                      : quoted(point->text) + " and " + quoted(kContactPointNames[static_cast<size_t>(o.point)]) +
                            " cannot both hold one limb in phase " + quoted(kPhaseNames[ph]));
        }
      }
      if (in_phase >= kMaxPoseContacts) {
        r.error(c.pos, spec.key,
                "more than " + std::to_string(kMaxPoseContacts) + " contacts in phase " +
                    quoted(kPhaseNames[ph]));
      }
    }
    if (!r.errors_since(mark)) out.push_back(spec);
  }
}

// The pose of a key by name, added to the clip on first use; -1 when unknown.
int pose_index(Clip& clip, const std::string& name, const std::vector<NamedPose>& local,
               const std::vector<NamedPose>& shared) {
  for (size_t i = 0; i < clip.pose_names.size(); ++i) {
    if (clip.pose_names[i] == name) return static_cast<int>(i);
  }
  const NamedPose* p = find_pose(local, name);
  if (!p) p = find_pose(shared, name);
  if (!p) return -1;
  clip.pose_names.push_back(name);
  clip.poses.push_back(p->pose);
  return static_cast<int>(clip.poses.size() - 1);
}

std::string cm_text(double m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f cm", std::fabs(m) * 100.0);
  return buf;
}

// Computes where each contact stays, phase by phase: a part that was already resting in the
// phase before keeps its place; a part that starts resting takes its place in the phase's
// first pose (with the carried parts held). Each new place must touch its surface.
void place_contacts(Reader& r, const std::vector<ContactSpec>& specs, Clip& clip) {
  const ClipPhase* before = nullptr;
  for (size_t ph = 0; ph < kPhaseCount; ++ph) {
    std::vector<ClipContact> carried;
    for (const ContactSpec& s : specs) {
      if (!s.phases[ph] || !before) continue;
      for (const ClipContact& c : before->contacts) {
        if (c.point != s.point || c.surface != s.surface) continue;
        carried.push_back(c);
        carried.back().pivot = s.pivot;
        carried.back().slide = s.slide;
      }
    }
    Pose pose;
    pose_at(clip, clip.phases[ph], carried.data(), carried.size(), 0.0, pose);
    WorldPose world;
    forward_kinematics(pose, world);
    ClipPhase& phase = clip.phases[ph];
    for (const ContactSpec& s : specs) {
      if (!s.phases[ph]) continue;
      auto kept = std::find_if(carried.begin(), carried.end(),
                               [&](const ClipContact& c) { return c.point == s.point; });
      if (kept != carried.end()) {
        phase.contacts.push_back(*kept);
        continue;
      }
      const ContactInfo& info = contact_info(s.point);
      ClipContact c{s.point, s.surface, s.pivot, s.slide, contact_position(world, s.point),
                    world.joint_m[index(info.joint)], world.frame[index(info.joint)]};
      const double gap = surface_distance_m(clip.props, s.surface, c.target_m, info.radius_m);
      if (std::fabs(gap) > kTouch_m) {
        r.error(s.pos, s.key,
                quoted(kContactPointNames[static_cast<size_t>(s.point)]) + " is " + cm_text(gap) +
                    (gap > 0 ? " away from the " : " inside the ") +
                    std::string(kSurfaceNames[static_cast<size_t>(s.surface)]) + " when phase " +
                    quoted(kPhaseNames[ph]) + " begins (pose " +
                    quoted(clip.pose_names[static_cast<size_t>(phase.keys.front().pose)]) +
                    "); it must touch it");
      }
      phase.contacts.push_back(c);
    }
    before = &phase;
  }
}

// Reads one clip; false when it has errors (it is then left out).
bool read_clip(Reader& r, const JsonValue& v, const std::string& fallback_key,
               const std::vector<NamedPose>& shared, Clip& clip) {
  const size_t mark = r.mark();
  if (!r.type(v, JsonValue::Type::Object, fallback_key)) return false;
  const JsonValue* id = v.find("exercise");
  const std::string key = id && id->is_string() && !id->text.empty()
                              ? "clips[" + id->text + "]"
                              : fallback_key;
  r.known_keys(v, key, {"exercise", "view", "props", "loop_s", "ground", "poses", "phases", "contacts"});
  if (const JsonValue* e = r.get(v, key, "exercise", true)) {
    if (r.type(*e, JsonValue::Type::String, child(key, "exercise"))) {
      clip.exercise = e->text;
      if (!is_valid_id(e->text)) {
        r.error(e->pos, child(key, "exercise"),
                quoted(e->text) + " is not an exercise id (lowercase words joined by -)");
      }
    }
  }
  if (const JsonValue* view = r.get(v, key, "view", true)) {
    const int c = r.choice(*view, child(key, "view"), "view", kViewNames);
    if (c >= 0) clip.view = static_cast<View>(c);
  }
  if (const JsonValue* props = r.get(v, key, "props", false)) {
    read_props(r, *props, child(key, "props"), clip.props);
  }
  if (const JsonValue* loop = r.get(v, key, "loop_s", false)) {
    if (r.number(*loop, child(key, "loop_s"), clip.loop_s) &&
        (clip.loop_s < kLoopMin_s || clip.loop_s > kLoopMax_s)) {
      r.error(loop->pos, child(key, "loop_s"),
              "must be between " + number_text(kLoopMin_s) + " and " + number_text(kLoopMax_s) +
                  " seconds, not " + number_text(clip.loop_s));
    }
  }
  const JsonValue* ground = r.get(v, key, "ground", false);
  if (ground && r.type(*ground, JsonValue::Type::Bool, child(key, "ground"))) clip.ground = ground->boolean;
  std::vector<NamedPose> local;
  if (const JsonValue* poses = r.get(v, key, "poses", false)) {
    read_poses(r, *poses, child(key, "poses"), &shared, local);
  }

  // Phases as written, then the defaults for the ones left out.
  std::array<PhaseText, kPhaseCount> text;
  const std::string phases_key = child(key, "phases");
  const JsonValue* phases = r.get(v, key, "phases", true);
  if (!phases || !r.type(*phases, JsonValue::Type::Object, phases_key)) return false;
  for (size_t i = 0; i < phases->members.size(); ++i) {
    const JsonMember& m = phases->members[i];
    const int ph = index_of(kPhaseNames, m.key);
    if (ph < 0) {
      r.error(m.key_pos, phases_key,
              "unknown phase " + quoted(m.key) + " (allowed: " + joined(kPhaseNames) + ")");
    } else if (!r.repeated(*phases, i, phases_key)) {
      read_keys(r, m.value, child(phases_key, m.key), text[static_cast<size_t>(ph)]);
    }
  }
  PhaseText& move_in = text[index(Phase::MoveIn)];
  if (!move_in.written) r.error(phases->pos, phases_key, "missing required key \"move_in\"");
  if (r.errors_since(mark)) return false;
  auto single = [&](const std::string& pose) {
    PhaseText p;
    p.keys.push_back({0.0, pose, Ease::InOut, phases->pos});
    p.pos = phases->pos;
    return p;
  };
  PhaseText& start = text[index(Phase::Start)];
  PhaseText& hold = text[index(Phase::Hold)];
  PhaseText& move_out = text[index(Phase::MoveOut)];
  PhaseText& rest = text[index(Phase::Rest)];
  if (!start.written) start = single(move_in.keys.front().pose);
  if (!hold.written) hold = single(move_in.keys.back().pose);
  if (!move_out.written) {
    move_out.keys = reversed(move_in.keys);
    move_out.pos = phases->pos;
  }
  if (!rest.written) rest = single(move_out.keys.back().pose);

  // Pose names to indices.
  for (size_t ph = 0; ph < kPhaseCount; ++ph) {
    for (size_t i = 0; i < text[ph].keys.size(); ++i) {
      const KeyText& k = text[ph].keys[i];
      const int p = pose_index(clip, k.pose, local, shared);
      if (p < 0 && text[ph].written) {  // a default copies keys already reported
        r.error(k.pos, item(child(phases_key, kPhaseNames[ph]), i) + ".pose",
                "unknown pose " + quoted(k.pose));
      }
      clip.phases[ph].keys.push_back({k.t, p, k.ease});
    }
  }
  if (r.errors_since(mark)) return false;

  // The phases join up: each starts in the pose the one before ends in, a repetition ends in
  // the pose it started from, and a loop ends where it began.
  struct Join {
    Phase from, to;
  };
  for (const Join& j : {Join{Phase::Start, Phase::MoveIn}, Join{Phase::MoveIn, Phase::Hold},
                        Join{Phase::Hold, Phase::MoveOut}, Join{Phase::MoveOut, Phase::Rest},
                        Join{Phase::Rest, Phase::MoveIn}, Join{Phase::MoveOut, Phase::Start}}) {
    const PhaseText& a = text[index(j.from)];
    const PhaseText& b = text[index(j.to)];
    if (a.keys.back().pose == b.keys.front().pose) continue;
    const bool back_to_start = j.to == Phase::Start;
    const PhaseText& at = back_to_start ? a : b;
    r.error(at.pos, child(phases_key, kPhaseNames[index(back_to_start ? j.from : j.to)]),
            back_to_start
                ? "ends at pose " + quoted(a.keys.back().pose) + " but the start phase is pose " +
                      quoted(b.keys.front().pose) + " (a repetition must end where it began)"
                : "starts at pose " + quoted(b.keys.front().pose) + " but " +
                      std::string(kPhaseNames[index(j.from)]) + " ends at pose " +
                      quoted(a.keys.back().pose));
  }
  if (clip.loop_s > 0.0 && hold.keys.front().pose != hold.keys.back().pose) {
    r.error(hold.pos, child(phases_key, "hold"),
            "a looping hold (loop_s) must end at the pose it starts with (" +
                quoted(hold.keys.front().pose) + ")");
  }

  std::vector<ContactSpec> specs;
  if (const JsonValue* contacts = r.get(v, key, "contacts", false)) {
    read_contacts(r, *contacts, child(key, "contacts"), clip.props, specs);
  }
  if (r.errors_since(mark)) return false;
  place_contacts(r, specs, clip);
  return !r.errors_since(mark);
}

}  // namespace

struct ClipReader::State {
  ClipLoad out;
  JsonParseResult parsed;
  const JsonValue* clips = nullptr;  // the "clips" array; null when the file cannot be read further
  std::vector<NamedPose> shared;
  size_t next = 0;
};

ClipReader::ClipReader(std::string_view text) : state_(std::make_unique<State>()) {
  State& st = *state_;
  Reader r(st.out.diagnostics);
  st.parsed = parse_json(text);
  if (!st.parsed.ok) {
    r.error(st.parsed.error_pos, "", st.parsed.error);
    return;
  }
  const JsonValue& root = st.parsed.root;
  if (!root.is_object()) {
    r.error(root.pos, "", std::string("the file must hold an object, not ") + json_type_name(root.type));
    return;
  }
  r.known_keys(root, "", {"schema", "poses", "clips"});
  const JsonValue* schema = r.get(root, "", "schema", true);
  if (!schema) return;
  if (!schema->is_number() || schema->number != kSchemaVersion) {
    r.error(schema->pos, "schema",
            schema->is_number() ? "unsupported schema version " + number_text(schema->number) +
                                      " (this app reads version " + std::to_string(kSchemaVersion) + ")"
                                : std::string("must be a whole number, not ") + json_type_name(schema->type));
    return;
  }
  if (const JsonValue* poses = r.get(root, "", "poses", false)) read_poses(r, *poses, "poses", nullptr, st.shared);
  const JsonValue* clips = r.get(root, "", "clips", true);
  if (!clips || !r.type(*clips, JsonValue::Type::Array, "clips")) return;
  st.clips = clips;
}

ClipReader::~ClipReader() = default;

bool ClipReader::done() const { return !state_ || !state_->clips || state_->next >= state_->clips->items.size(); }

void ClipReader::read(size_t count) {
  if (done()) return;
  State& st = *state_;
  Reader r(st.out.diagnostics);
  for (; count > 0 && st.next < st.clips->items.size(); --count, ++st.next) {
    const size_t i = st.next;
    Clip clip;
    const bool ok = read_clip(r, st.clips->items[i], item("clips", i), st.shared, clip);
    const Clip* first = st.out.find(clip.exercise);
    if (first && !clip.exercise.empty()) {
      r.error(st.clips->items[i].find("exercise")->pos, "clips[" + clip.exercise + "].exercise",
              "a second clip for " + quoted(clip.exercise) + " (each exercise has one clip)");
    } else if (ok) {
      st.out.clips.push_back(std::move(clip));
    }
  }
}

ClipLoad ClipReader::take() {
  if (!state_) return {};
  ClipLoad out = std::move(state_->out);
  state_.reset();
  return out;
}

ClipLoad load_clips(std::string_view text) {
  ClipReader reader(text);
  while (!reader.done()) reader.read(SIZE_MAX);
  return reader.take();
}

}  // namespace sb
