// rig: the human figure of the exercise player. A ~1.70 m adult as one parent-first joint
// array (so forward kinematics is one loop), anatomical angles and joint limits from standard
// range-of-motion tables, the points of the body that can rest on something, and the draw
// data (capsules, head sphere, contacts) a renderer needs. Pure: no heap, no clock, no files.
//
// World frame: x = the figure's forward direction in its standing rest pose (right on screen
// in the side view), y = up, z = toward the camera of the side view. The floor is y = 0.
// The standing figure faces +x, so its right side is the near side (+z), its left side -z.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace sb {

// [SECTION] small vector maths -------------------------------------------------------------

// A point or direction, metres when a point.
struct Vec3 {
  double x = 0.0, y = 0.0, z = 0.0;
};

// Component-wise arithmetic, dot and cross products, Euclidean length.
inline Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator*(Vec3 a, double s) { return {a.x * s, a.y * s, a.z * s}; }
inline double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline Vec3 cross(Vec3 a, Vec3 b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline double length(Vec3 a) { return std::sqrt(dot(a, a)); }

// A rotation as a row-major 3x3 matrix.
struct Mat3 {
  std::array<double, 9> m{1, 0, 0, 0, 1, 0, 0, 0, 1};
  double at(int row, int col) const { return m[static_cast<size_t>(row * 3 + col)]; }
};

// Composition (a after b), rotation of a vector, and the inverse rotation.
Mat3 operator*(const Mat3& a, const Mat3& b);
Vec3 operator*(const Mat3& a, Vec3 v);
Mat3 transpose(const Mat3& a);
// Rotations by angle_rad about the world axes (right-handed).
Mat3 rotation_x(double angle_rad);
Mat3 rotation_y(double angle_rad);
Mat3 rotation_z(double angle_rad);
// The smallest rotation taking unit vector from onto unit vector to.
Mat3 rotation_between(Vec3 from, Vec3 to);

constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180.0;

// [SECTION] joints ---------------------------------------------------------------------------

// Every joint, parents before children. Pelvis is the root; "_l"/"_r" are the figure's left
// and right. The toe joint is the ball of the foot.
enum class Joint : uint8_t {
  Pelvis, Lumbar, Thoracic, Neck, Head,
  ShoulderL, ElbowL, WristL, ShoulderR, ElbowR, WristR,
  HipL, KneeL, AnkleL, ToeL, HipR, KneeR, AnkleR, ToeR
};
constexpr int kJointCount = 19;

inline constexpr std::array<std::string_view, kJointCount> kJointNames{
    "pelvis", "lumbar", "thoracic", "neck", "head",
    "shoulder_l", "elbow_l", "wrist_l", "shoulder_r", "elbow_r", "wrist_r",
    "hip_l", "knee_l", "ankle_l", "toe_l", "hip_r", "knee_r", "ankle_r", "toe_r"};

enum class BodySide : uint8_t { Centre, Left, Right };

// Range of one joint, degrees, for the three anatomical angles of JointAngles.
struct JointLimits {
  std::array<double, 3> min_deg;  // flex, abd, rot
  std::array<double, 3> max_deg;
};

// Fixed data of one joint. The parent always has a smaller index.
struct JointInfo {
  Joint parent;                // Pelvis for the root itself
  Vec3 offset_m;               // from the parent joint, in the parent's frame (rest pose)
  BodySide side;
  Joint mirror;                // the same joint on the other side (itself when central)
  std::array<double, 3> axis_sign;  // sign of the rotation about z, x, y for flex, abd, rot
  double rot_zero_deg;         // twist of the rest pose at rot = 0 (forearm: thumb forward)
  JointLimits limits;
};

// The joint table. Lengths for a 1.70 m adult (Drillis & Contini segment proportions):
// thigh and shank 0.42 m, upper arm 0.31 m, forearm 0.25 m, hand 0.18 m, hip centres
// 0.18 m apart, shoulder centres 0.38 m apart; standing pelvis 0.915 m, head top 1.70 m.
const JointInfo& joint_info(Joint joint);

// Anatomical angles of one joint, radians. flex: flexion (+) / extension (-) (ankle:
// dorsiflexion +; toe: curling down +). abd: abduction away from the midline (+) / adduction
// (-) (spine: side bend to the left +; ankle: eversion +; wrist: radial deviation +). rot:
// internal rotation (+) / external (-) (spine: turning to the left +; forearm: pronation +).
struct JointAngles {
  double flex_rad = 0.0;
  double abd_rad = 0.0;
  double rot_rad = 0.0;
};

// Orientation of the pelvis in the world, radians, applied as Rz(pitch) Ry(yaw) Rx(roll):
// pitch tips the body about the side-to-side axis (+90 deg: lying on the back, head toward -x;
// -90 deg: face down, head toward +x), yaw turns it about its own long axis (standing: turning
// round; lying: rolling onto a side), roll leans it about its own forward axis.
struct RootRotation {
  double pitch_rad = 0.0;
  double yaw_rad = 0.0;
  double roll_rad = 0.0;
};

// [SECTION] points of the body ---------------------------------------------------------------

// Named points on the body besides the joints.
enum class BodyPoint : uint8_t {
  HeadTop, HeadCentre, HandTipL, HandTipR, HeelL, HeelR, ToeTipL, ToeTipR, Sacrum
};
constexpr int kBodyPointCount = 9;
inline constexpr std::array<std::string_view, kBodyPointCount> kBodyPointNames{
    "head_top", "head_centre", "hand_tip_l", "hand_tip_r", "heel_l", "heel_r",
    "toe_tip_l", "toe_tip_r", "sacrum"};

// Parts of the body that can rest on a surface. Each is a sphere of the body (centre fixed to
// a joint's frame, radius = the body's thickness there), so "touching" does not depend on
// which side of the part is down.
enum class ContactPoint : uint8_t {
  FootL, FootR, ToesL, ToesR, HeelL, HeelR, KneeL, KneeR, ThighL, ThighR, HipL, HipR,
  HandL, HandR, ForearmL, ForearmR, ShoulderL, ShoulderR, Pelvis, Shoulders, Chest, Head
};
constexpr int kContactPointCount = 22;
inline constexpr std::array<std::string_view, kContactPointCount> kContactPointNames{
    "foot_l", "foot_r", "toes_l", "toes_r", "heel_l", "heel_r", "knee_l", "knee_r",
    "thigh_l", "thigh_r", "hip_l", "hip_r", "hand_l", "hand_r", "forearm_l", "forearm_r",
    "shoulder_l", "shoulder_r", "pelvis", "shoulders", "chest", "head"};

// How a contact keeps its place while the figure moves (see sample_pose in clip.h).
enum class ContactKind : uint8_t {
  Anchor,  // trunk or hip part: the pelvis is shifted so the part stays put
  Middle,  // knee or forearm: shifts the pelvis too, then the limb is aimed at it
  End      // foot, toes, heel or hand: two-bone IK brings the limb's end joint to it
};

// The limb a knee, forearm, foot or hand part belongs to (its IK chain).
enum class Limb : uint8_t { None, LegL, LegR, ArmL, ArmR };

// Fixed data of one contact part.
struct ContactInfo {
  Joint joint;     // the segment the part belongs to
  Vec3 offset_m;   // sphere centre in that joint's frame
  double radius_m;
  ContactKind kind;
  bool pivots;     // the segment may turn about the part (toes, heel); others hold their angle
  Limb limb;
  ContactPoint mirror;
};

// The table row of a contact part.
const ContactInfo& contact_info(ContactPoint point);

// What a contact rests on.
enum class Surface : uint8_t { Floor, Wall, Chair, Roller };
constexpr int kSurfaceCount = 4;
inline constexpr std::array<std::string_view, kSurfaceCount> kSurfaceNames{
    "floor", "wall", "chair", "roller"};

// [SECTION] pose and forward kinematics ------------------------------------------------------

struct PoseContact {
  ContactPoint point = ContactPoint::Pelvis;
  Surface surface = Surface::Floor;
};
constexpr int kMaxPoseContacts = 8;

// The figure at one instant: where the pelvis is, every joint's angles, and which parts bear
// weight. Plain data of fixed size; sampling and drawing never allocate.
struct Pose {
  Vec3 root_pos_m{0.0, 0.915, 0.0};  // pelvis: the mid-point of the hip joints
  RootRotation root_rot;
  std::array<JointAngles, kJointCount> angles;  // [Pelvis] is unused (see root_rot)
  std::array<PoseContact, kMaxPoseContacts> contacts{};
  int contact_count = 0;
};

// Forward kinematics: world position and frame of every joint and named point.
struct WorldPose {
  std::array<Vec3, kJointCount> joint_m;
  std::array<Mat3, kJointCount> frame;  // world rotation of the segment below each joint
  std::array<Vec3, kBodyPointCount> point_m;
};

// The local rotation of a joint for these angles (z-x-y: flex, then abd, then rot).
Mat3 joint_rotation(Joint joint, const JointAngles& angles);
// The angles of a joint whose local rotation is local (inverse of joint_rotation).
JointAngles joint_angles(Joint joint, const Mat3& local);
// The pelvis orientation in the world.
Mat3 root_rotation(const RootRotation& rot);

// Computes the world positions and frames of pose in one pass over the joint array.
void forward_kinematics(const Pose& pose, WorldPose& out);

// Centre of a contact part's sphere in the world.
Vec3 contact_position(const WorldPose& world, ContactPoint point);

// Rest length of the segment from a joint's parent to the joint, metres.
double segment_length_m(Joint joint);

// The same pose reflected left-right (z -> -z, "_l" <-> "_r").
Pose mirror(const Pose& pose);

// Limits: the first joint found outside its range, or Pelvis when every joint is inside.
// component is 0 flex, 1 abd, 2 rot; tolerance_deg allows rounding.
struct LimitCheck {
  Joint joint = Joint::Pelvis;
  int component = 0;
  double value_deg = 0.0;
  bool ok() const { return joint == Joint::Pelvis; }
};
LimitCheck check_limits(const Pose& pose, double tolerance_deg = 1e-6);

// [SECTION] draw data ------------------------------------------------------------------------

// One limb or trunk segment as a capsule (a cylinder with round ends).
struct Capsule {
  Vec3 a_m, b_m;
  double radius_m = 0.0;
  BodySide side = BodySide::Centre;
  bool near = true;      // on the camera's side of the body (central parts count as near)
  double depth_m = 0.0;  // of the mid-point along the direction toward the camera
};
constexpr int kCapsuleCount = 19;
inline constexpr std::array<std::string_view, kCapsuleCount> kCapsuleNames{
    "pelvis", "abdomen", "chest", "shoulder_girdle", "neck",
    "upper_arm_l", "forearm_l", "hand_l", "upper_arm_r", "forearm_r", "hand_r",
    "thigh_l", "shank_l", "foot_l", "toes_l", "thigh_r", "shank_r", "foot_r", "toes_r"};

struct Sphere {
  Vec3 centre_m;
  double radius_m = 0.0;
};

struct ContactDraw {
  ContactPoint point = ContactPoint::Pelvis;
  Surface surface = Surface::Floor;
  Vec3 pos_m;  // centre of the part's sphere
  double radius_m = 0.0;
};

// Everything a renderer needs for one frame, in fixed-size arrays.
struct FigureDraw {
  std::array<Capsule, kCapsuleCount> capsules;
  std::array<int, kCapsuleCount> draw_order{};  // capsule indices, farthest first
  Sphere head;
  std::array<Vec3, kJointCount> joint_m;
  std::array<Vec3, kBodyPointCount> point_m;
  std::array<Vec3, kContactPointCount> contact_m;  // every contact part (for towel/band lines)
  std::array<ContactDraw, kMaxPoseContacts> contacts;
  int contact_count = 0;
  double lowest_y_m = 0.0;  // lowest point of any capsule or the head (floor check)
};

// Builds the draw data of pose; toward_camera (unit) decides near/far and the draw order.
void build_figure(const Pose& pose, FigureDraw& out, Vec3 toward_camera = Vec3{0.0, 0.0, 1.0});

// Lowest y of the figure's surface (capsules and head), metres.
double lowest_point_y(const WorldPose& world);

}  // namespace sb
