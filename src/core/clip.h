// clip: the movement of one exercise as data (assets/clips.json, described in
// assets/CLIPS.md), its loader, and the pure sampler the player calls every frame. A clip is
// a set of named poses, key lists for the five phases of a repetition, and the body parts
// that rest on something in each phase; sampling blends the keys with easing, then shifts the
// pelvis and bends the limbs (analytic two-bone IK) so resting parts neither slide nor sink.
#pragma once

#include "core/diagnostic.h"
#include "core/rig.h"
#include "core/side.h"

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

// The phases of one repetition, in playing order; a timed exercise's bout is its hold.
enum class Phase : uint8_t { Start, MoveIn, Hold, MoveOut, Rest };
constexpr int kPhaseCount = 5;
inline constexpr std::array<std::string_view, kPhaseCount> kPhaseNames{
    "start", "move_in", "hold", "move_out", "rest"};

// Side (core/side.h): clips are authored for the left side; Side::Right plays the mirror
// image, Left and None the clip as written.

// How the figure arrives at a key from the key before it.
enum class Ease : uint8_t { Linear, In, Out, InOut };
inline constexpr std::array<std::string_view, 4> kEaseNames{"linear", "in", "out", "in_out"};

// The camera a clip is best seen from.
enum class View : uint8_t { Side, Front, Top, ThreeQuarter };
inline constexpr std::array<std::string_view, 4> kViewNames{
    "side", "front", "top", "three-quarter"};

// Unit direction from the figure toward the camera of a view (for build_figure).
Vec3 toward_camera(View view);

struct ClipKey {
  double t = 0.0;  // 0..1 through the phase
  int pose = 0;    // index into Clip::poses
  Ease ease = Ease::InOut;
};

// A body part resting on a surface for a whole phase, with where it stays (computed by the
// loader from the pose the phase starts with).
struct ClipContact {
  ContactPoint point = ContactPoint::Pelvis;
  Surface surface = Surface::Floor;
  bool pivot = false;  // the segment may turn about the part (always for toes and heel)
  bool slide = false;  // the part may glide along the surface, keeping only its distance to it
  Vec3 target_m;       // the part's sphere centre
  Vec3 joint_m;        // its segment's joint (ankle, wrist, knee, elbow)
  Mat3 frame;          // its segment's world orientation
};

struct ClipPhase {
  std::vector<ClipKey> keys;  // at least one; t starts at 0 and increases
  std::vector<ClipContact> contacts;
};

// Equipment drawn with the figure. Positions in world metres.
constexpr int kMaxPropLinePoints = 4;
struct PropLine {  // a towel or band drawn through body parts
  std::array<ContactPoint, kMaxPropLinePoints> points{};
  int count = 0;
};
struct Props {
  bool mat = false;
  Vec3 mat_pos_m;  // centre of the mat on the floor
  bool chair = false;
  Vec3 chair_pos_m;            // centre of the top of the seat
  double chair_yaw_rad = 0.0;  // 0: someone sitting on it faces +x
  bool wall = false;
  double wall_x_m = 0.0;  // the wall fills x < wall_x_m
  bool roller = false;
  Vec3 roller_pos_m;  // centre of the foam roller, lying along z
  PropLine towel;
  PropLine band;
  bool water = false;
  double water_y_m = 0.0;  // height of the water's surface (swimming, water exercise)
  bool pedals = false;
  Vec3 pedals_pos_m;       // crank axle of an exercise bike (axle along z)
  double pedals_radius_m = 0.0;
};
constexpr double kMatLength_m = 1.9;
constexpr double kMatWidth_m = 0.6;
constexpr double kChairSeatDepth_m = 0.42;
constexpr double kChairSeatWidth_m = 0.44;
constexpr double kChairSeatThickness_m = 0.04;
constexpr double kChairBackHeight_m = 0.42;  // above the seat
constexpr double kChairBackThickness_m = 0.04;
constexpr double kRollerRadius_m = 0.075;
constexpr double kRollerLength_m = 0.9;

struct Clip {
  std::string exercise;  // exercise id
  View view = View::Side;
  Props props;
  double loop_s = 0.0;  // > 0: the hold is a loop of this period (walking, cycling)
  bool ground = false;  // every sampled pose is lowered or raised onto the floor (in-place gait)
  std::vector<std::string> pose_names;
  std::vector<Pose> poses;  // every pose a key uses, with the names above
  std::array<ClipPhase, kPhaseCount> phases;
};

struct ClipLoad {
  std::vector<Clip> clips;  // the clips that loaded without errors
  Diagnostics diagnostics;  // file "clips.json"
  // The clip of an exercise, or nullptr.
  const Clip* find(std::string_view exercise) const;
};

// Reads clips.json text. Never throws: every problem becomes a diagnostic with line:col and
// dotted key, and a clip with errors is left out.
ClipLoad load_clips(std::string_view text);

// Reads clips.json a few clips at a time, so that the app can spread the work over several
// short tasks (main.cpp start_step). Gives exactly what load_clips gives.
class ClipReader {
 public:
  // Reads the file's structure and its shared poses.
  explicit ClipReader(std::string_view text);
  ~ClipReader();
  ClipReader(const ClipReader&) = delete;
  ClipReader& operator=(const ClipReader&) = delete;

  bool done() const;
  // Reads up to count more clips.
  void read(size_t count);
  // The clips and diagnostics read so far (all of them once done()); the reader is then spent.
  ClipLoad take();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The figure at progress (0..1) through a phase: blends the phase's keys with their easing,
// then holds the phase's contacts in place. Pure; no allocation. Side::Right mirrors.
void sample_pose(const Clip& clip, Phase phase, double progress, Side side, Pose& out);

// Progress to pass to sample_pose after elapsed_s of a phase lasting duration_s. A looping
// hold plays a whole number of loops (at least one) in the duration, ending where it began.
double phase_progress(const Clip& clip, Phase phase, double elapsed_s, double duration_s);

// The clip reflected left-right: the right side of a per-side exercise.
Clip mirror(const Clip& clip);

// The props reflected left-right.
Props mirror(const Props& props);

// Gap between a body part's sphere and a surface, metres (negative: sunk into it).
double surface_distance_m(const Props& props, Surface surface, Vec3 centre_m, double radius_m);

}  // namespace sb
