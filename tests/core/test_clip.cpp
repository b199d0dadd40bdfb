// Tests of clips: every exercise has a clip and the shipped clips.json loads cleanly; every
// clip, sampled densely in every phase (both sides of per-side exercises), keeps bone lengths,
// stays inside human joint limits, never sinks into the floor and keeps its resting parts
// still; the right side is the exact mirror of the left; a repetition ends where it started;
// the sampler eases and holds contacts as documented; and each loader rule gives the exact
// diagnostic an author sees.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/clip.h"
#include "core/json.h"
#include "test_files.h"

namespace {

using Lines = std::vector<std::string>;
using sb::Phase;
using sb::Side;

constexpr int kSamples = 200;  // per phase
const std::string kAssetsDir = STEADY_SOURCE_DIR "/assets";

using sb_test::read_file;

// Exercise ids in file order, and whether each is done per side.
std::vector<std::pair<std::string, bool>> exercises() {
  std::vector<std::pair<std::string, bool>> out;
  const sb::JsonParseResult r = sb::parse_json(read_file(kAssetsDir + "/exercises.json"));
  const sb::JsonValue* list = r.root.find("exercises");
  if (!list) return out;
  for (const sb::JsonValue& e : list->items) {
    const sb::JsonValue* id = e.find("id");
    const sb::JsonValue* per_side = e.find("per_side");
    if (id) out.emplace_back(id->text, per_side && per_side->boolean);
  }
  return out;
}

const sb::ClipLoad& shipped() {
  static const sb::ClipLoad load = sb::load_clips(read_file(kAssetsDir + "/clips.json"));
  return load;
}

bool per_side(const std::string& id) {
  static const auto list = exercises();
  for (const auto& [name, yes] : list) {
    if (name == id) return yes;
  }
  return false;
}

std::vector<Side> sides_of(const sb::Clip& clip) {
  return per_side(clip.exercise) ? std::vector<Side>{Side::Left, Side::Right}
                                 : std::vector<Side>{Side::Left};
}

Lines formatted(const sb::Diagnostics& diags) {
  Lines out;
  for (const sb::Diagnostic& d : diags) out.push_back(sb::format_diagnostic(d));
  return out;
}

std::string joined(const Lines& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

sb::WorldPose sample(const sb::Clip& clip, Phase phase, double progress, Side side) {
  sb::Pose pose;
  sb::sample_pose(clip, phase, progress, side, pose);
  sb::WorldPose w;
  sb::forward_kinematics(pose, w);
  return w;
}

double max_joint_gap(const sb::WorldPose& a, const sb::WorldPose& b) {
  double gap = 0.0;
  for (size_t j = 0; j < sb::kJointCount; ++j) gap = std::max(gap, sb::length(a.joint_m[j] - b.joint_m[j]));
  return gap;
}

std::string where(const sb::Clip& clip, Side side, size_t phase, double progress) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s %s %s@%.3f", clip.exercise.c_str(),
                side == Side::Left ? "left" : "right", std::string(sb::kPhaseNames[phase]).c_str(),
                progress);
  return buf;
}

// Problems by kind: one line per clip, side, phase and kind, with the worst case seen.
struct Problems {
  struct Worst {
    std::string key, text;
    double amount;
  };
  std::vector<Worst> worst;
  void add(const std::string& key, double amount, const std::string& text) {
    for (Worst& w : worst) {
      if (w.key != key) continue;
      if (amount > w.amount) w = {key, text, amount};
      return;
    }
    worst.push_back({key, text, amount});
  }
  Lines lines() const {
    Lines out;
    for (const Worst& w : worst) out.push_back(w.text);
    return out;
  }
};

}  // namespace

// [SECTION] the shipped clips ------------------------------------------------------------------

TEST_CASE("clips: every exercise in exercises.json has a clip") {
  Lines missing;
  const auto list = exercises();
  REQUIRE(list.size() >= 50);
  for (const auto& [id, side] : list) {
    if (!shipped().find(id)) missing.push_back(id);
  }
  CHECK_MESSAGE(missing.empty(), "exercises without a clip:\n" << joined(missing));
}

TEST_CASE("clips: every clip belongs to an exercise") {
  Lines orphans;
  const auto list = exercises();
  for (const sb::Clip& clip : shipped().clips) {
    bool known = false;
    for (const auto& [id, side] : list) known = known || id == clip.exercise;
    if (!known) orphans.push_back(clip.exercise);
  }
  CHECK_MESSAGE(orphans.empty(), "clips of unknown exercises:\n" << joined(orphans));
}

TEST_CASE("clips: the shipped clips.json loads with no errors and no warnings") {
  const sb::ClipLoad& load = shipped();
  CHECK_MESSAGE(load.diagnostics.empty(), joined(formatted(load.diagnostics)));
  CHECK(load.clips.size() == exercises().size());
}

TEST_CASE("clips: every sampled pose keeps bones, joint limits, floor and resting parts") {
  Problems problems;
  int frames = 0;
  for (const sb::Clip& clip : shipped().clips) {
    for (Side side : sides_of(clip)) {
      const sb::Props props = side == Side::Left ? clip.props : sb::mirror(clip.props);
      for (size_t ph = 0; ph < sb::kPhaseCount; ++ph) {
        sb::Pose first;
        sb::sample_pose(clip, static_cast<Phase>(ph), 0.0, side, first);
        sb::WorldPose w0;
        sb::forward_kinematics(first, w0);
        for (int i = 0; i < kSamples; ++i) {
          const double p = static_cast<double>(i) / (kSamples - 1);
          sb::Pose pose;
          sb::sample_pose(clip, static_cast<Phase>(ph), p, side, pose);
          sb::WorldPose w;
          sb::forward_kinematics(pose, w);
          sb::FigureDraw draw;
          sb::build_figure(pose, draw);
          ++frames;
          for (size_t j = 1; j < sb::kJointCount; ++j) {
            const sb::Joint joint = static_cast<sb::Joint>(j);
            const double len = sb::length(w.joint_m[j] - w.joint_m[static_cast<size_t>(sb::joint_info(joint).parent)]);
            const double change = std::fabs(len - sb::segment_length_m(joint));
            if (change > 1e-4) {
              problems.add(where(clip, side, ph, 0) + "bone", change,
                           where(clip, side, ph, p) + ": " + std::string(sb::kJointNames[j]) + " bone length changed");
            }
          }
          const sb::LimitCheck lim = sb::check_limits(pose);
          if (!lim.ok()) {
            static const char* const kComponent[] = {"flex", "abd", "rot"};
            const std::string joint(sb::kJointNames[static_cast<size_t>(lim.joint)]);
            problems.add(where(clip, side, ph, 0) + joint, std::fabs(lim.value_deg),
                         where(clip, side, ph, p) + ": " + joint + " " + kComponent[lim.component] + " " +
                             std::to_string(lim.value_deg) + " deg is outside its limits");
          }
          if (draw.lowest_y_m < -0.01) {
            problems.add(where(clip, side, ph, 0) + "floor", -draw.lowest_y_m,
                         where(clip, side, ph, p) + ": " + std::to_string(-draw.lowest_y_m * 100) +
                             " cm below the floor");
          }
          const sb::ClipPhase& phase = clip.phases[ph];
          for (int k = 0; k < pose.contact_count; ++k) {
            const sb::PoseContact& c = pose.contacts[static_cast<size_t>(k)];
            const sb::Vec3 now = sb::contact_position(w, c.point);
            const sb::Vec3 then = sb::contact_position(w0, c.point);
            const double r = sb::contact_info(c.point).radius_m;
            const double moved = phase.contacts[static_cast<size_t>(k)].slide
                                     ? std::fabs(sb::surface_distance_m(props, c.surface, now, r) -
                                                 sb::surface_distance_m(props, c.surface, then, r))
                                     : sb::length(now - then);
            if (moved > 0.01) {
              const std::string part(sb::kContactPointNames[static_cast<size_t>(c.point)]);
              problems.add(where(clip, side, ph, 0) + part, moved,
                           where(clip, side, ph, p) + ": resting " + part + " moved " +
                               std::to_string(moved * 100) + " cm");
            }
          }
        }
      }
    }
  }
  CHECK(frames >= 50 * 5 * kSamples);
  CHECK_MESSAGE(problems.worst.empty(), joined(problems.lines()));
}

TEST_CASE("clips: the right side is the exact mirror image of the authored left side") {
  int checked = 0;
  for (const sb::Clip& clip : shipped().clips) {
    if (!per_side(clip.exercise)) continue;
    const sb::Clip mirrored = sb::mirror(clip);
    ++checked;
    for (size_t ph = 0; ph < sb::kPhaseCount; ++ph) {
      for (int i = 0; i < kSamples; i += 7) {
        const double p = static_cast<double>(i) / (kSamples - 1);
        const sb::WorldPose left = sample(clip, static_cast<Phase>(ph), p, Side::Left);
        const sb::WorldPose right = sample(clip, static_cast<Phase>(ph), p, Side::Right);
        const sb::WorldPose direct = sample(mirrored, static_cast<Phase>(ph), p, Side::Left);
        double gap = max_joint_gap(right, direct);
        for (size_t j = 0; j < sb::kJointCount; ++j) {
          const sb::Vec3 a = left.joint_m[j];
          const sb::Vec3 b = right.joint_m[static_cast<size_t>(sb::joint_info(static_cast<sb::Joint>(j)).mirror)];
          gap = std::max(gap, sb::length(b - sb::Vec3{a.x, a.y, -a.z}));
        }
        CHECK_MESSAGE(gap < 1e-9, where(clip, Side::Right, ph, p));
      }
    }
  }
  CHECK(checked >= 20);
}

TEST_CASE("clips: a repetition ends in its start pose and the phases join up") {
  struct Join {
    Phase from, to;
    double tolerance_m;
  };
  for (const sb::Clip& clip : shipped().clips) {
    for (Side side : sides_of(clip)) {
      const sb::WorldPose start = sample(clip, Phase::Start, 0.0, side);
      CHECK_MESSAGE(max_joint_gap(sample(clip, Phase::MoveOut, 1.0, side), start) < 1e-6,
                    clip.exercise << ": move_out does not end in the start pose");
      for (const Join& j : {Join{Phase::Start, Phase::MoveIn, 0.01}, Join{Phase::MoveIn, Phase::Hold, 0.01},
                            Join{Phase::Hold, Phase::MoveOut, 0.01}, Join{Phase::MoveOut, Phase::Rest, 0.01},
                            Join{Phase::Rest, Phase::MoveIn, 0.01}}) {
        const double gap = max_joint_gap(sample(clip, j.from, 1.0, side), sample(clip, j.to, 0.0, side));
        CHECK_MESSAGE(gap < j.tolerance_m, clip.exercise << ": the figure jumps " << gap * 100 << " cm from "
                                                         << sb::kPhaseNames[static_cast<size_t>(j.from)] << " to "
                                                         << sb::kPhaseNames[static_cast<size_t>(j.to)]);
      }
      if (clip.loop_s > 0.0) {
        CHECK_MESSAGE(max_joint_gap(sample(clip, Phase::Hold, 0.0, side), sample(clip, Phase::Hold, 1.0, side)) < 1e-9,
                      clip.exercise << ": the hold loop does not close");
      }
    }
  }
}

TEST_CASE("clips: every clip visibly moves during move_in") {
  for (const sb::Clip& clip : shipped().clips) {
    const double moved = max_joint_gap(sample(clip, Phase::MoveIn, 0.0, Side::Left),
                                       sample(clip, Phase::MoveIn, 1.0, Side::Left));
    CHECK_MESSAGE(moved > 0.01, clip.exercise << " barely moves (" << moved * 100 << " cm)");
  }
}

// [SECTION] the loader's rules, each with the exact diagnostic -------------------------------

namespace {

// A valid file of one clip; the tests below change one fragment of it.
const std::string kValid = R"({"schema": 1, "clips": [{"exercise": "a", "view": "side",
 "poses": {"p": {"ground": true}, "q": {"extends": "p", "joints": {"knee": 20, "elbow_l": [30, 0, 10]}}},
 "phases": {"move_in": [{"t": 0, "pose": "p"}, {"t": 1, "pose": "q", "ease": "linear"}]},
 "contacts": [{"point": "foot_r", "surface": "floor"}]}]})";

// kValid with the first `from` replaced by `to`.
std::string changed(const std::string& from, const std::string& to) {
  std::string text = kValid;
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

Lines load(const std::string& text) { return formatted(sb::load_clips(text).diagnostics); }

}  // namespace

TEST_CASE("clip loader: the valid example loads, and a clip with errors is left out") {
  const sb::ClipLoad ok = sb::load_clips(kValid);
  CHECK(ok.diagnostics.empty());
  REQUIRE(ok.clips.size() == 1);
  const sb::Clip& clip = ok.clips[0];
  CHECK(clip.exercise == "a");
  CHECK(clip.pose_names == std::vector<std::string>{"p", "q"});
  // Defaults: start and rest hold the first pose, hold the last, move_out is move_in reversed.
  CHECK(clip.phases[static_cast<size_t>(Phase::Start)].keys.size() == 1);
  CHECK(clip.phases[static_cast<size_t>(Phase::Hold)].keys[0].pose == 1);
  CHECK(clip.phases[static_cast<size_t>(Phase::MoveOut)].keys.size() == 2);
  CHECK(clip.phases[static_cast<size_t>(Phase::MoveOut)].keys[0].pose == 1);
  CHECK(clip.phases[static_cast<size_t>(Phase::Rest)].keys[0].pose == 0);
  CHECK(clip.phases[static_cast<size_t>(Phase::Hold)].contacts.size() == 1);
  CHECK(sb::load_clips(changed(R"("view": "side")", R"("view": 3)")).clips.empty());
}

TEST_CASE("clip loader: syntax, file shape and schema") {
  CHECK(load(kValid.substr(0, kValid.size() - 2)) ==
        Lines{"clips.json:4:56: error: Missing a comma or ']' after an array element"});
  CHECK(load("[1]") == Lines{"clips.json:1:1: error: the file must hold an object, not a list"});
  CHECK(load(R"({"clips": []})") == Lines{"clips.json:1:1: error: missing required key \"schema\""});
  CHECK(load(R"({"schema": 2, "clips": []})") ==
        Lines{"clips.json:1:12: error: schema: unsupported schema version 2 (this app reads version 1)"});
}

TEST_CASE("clip loader: missing and wrongly typed fields") {
  CHECK(load(changed(R"("view": "side",)", "")) ==
        Lines{"clips.json:1:25: error: clips[a]: missing required key \"view\""});
  CHECK(load(changed(R"("view": "side")", R"("view": 3)")) ==
        Lines{"clips.json:1:51: error: clips[a].view: must be a string, not a number"});
  CHECK(load(changed(R"("view": "side")", R"("view": "back")")) ==
        Lines{"clips.json:1:51: error: clips[a].view: unknown view \"back\" (allowed: side, front, top, three-quarter)"});
  CHECK(load(changed(R"("knee": 20)", R"("knee": "bent")")) ==
        Lines{"clips.json:2:76: error: clips[a].poses.q.joints.knee: must be a number (flex) or a list of 3 numbers "
              "[flex, abd, rot]"});
  CHECK(load(changed(R"({"t": 1, "pose": "q")", R"({"t": "end", "pose": "q")")) ==
        Lines{"clips.json:3:54: error: clips[a].phases.move_in[1].t: must be a number, not a string"});
  CHECK(load(changed(R"("p": {"ground": true})", R"("p": {"ground": true, "root": {"pos": [0, 1]}})")) ==
        Lines{"clips.json:2:50: error: clips[a].poses.p.root.pos: must be a list of 3 numbers"});
  CHECK(load(changed(R"("move_in")", R"("hold")")) ==
        Lines{"clips.json:3:12: error: clips[a].phases: missing required key \"move_in\""});
  CHECK(load(changed(R"("exercise": "a")", R"("exercise": "Knee To")")) ==
        Lines{"clips.json:1:38: error: clips[Knee To].exercise: \"Knee To\" is not an exercise id (lowercase words "
              "joined by -)"});
}

TEST_CASE("clip loader: unknown joints and joint angles outside human limits") {
  CHECK(load(changed(R"("knee": 20)", R"("kneee": 20)")) ==
        Lines{"clips.json:2:68: error: clips[a].poses.q.joints.kneee: unknown joint \"kneee\" (allowed: lumbar, "
              "thoracic, neck, head, shoulder_l, elbow_l, wrist_l, shoulder_r, elbow_r, wrist_r, hip_l, knee_l, "
              "ankle_l, toe_l, hip_r, knee_r, ankle_r, toe_r; or hip, knee, ankle, toe, shoulder, elbow, wrist for "
              "both sides)"});
  CHECK(load(changed(R"("knee": 20)", R"("pelvis": 20)")) ==
        Lines{"clips.json:2:68: error: clips[a].poses.q.joints.pelvis: the pelvis is placed with \"root\", not "
              "\"joints\""});
  CHECK(load(changed(R"("knee": 20)", R"("knee": 170)")) ==
        Lines{"clips.json:2:76: error: clips[a].poses.q.joints.knee: flex 170 is outside the joint's range of 0 to "
              "155 degrees"});
  CHECK(load(changed(R"([30, 0, 10])", R"([30, 10, 10])")) ==
        Lines{"clips.json:2:91: error: clips[a].poses.q.joints.elbow_l: abd 10 is outside the joint's range of -5 "
              "to 5 degrees"});
}

TEST_CASE("clip loader: unknown pose references") {
  CHECK(load(changed(R"({"t": 1, "pose": "q")", R"({"t": 1, "pose": "z")")) ==
        Lines{"clips.json:3:48: error: clips[a].phases.move_in[1].pose: unknown pose \"z\""});
  CHECK(load(changed(R"("extends": "p")", R"("extends": "r")")) ==
        Lines{"clips.json:2:52: error: clips[a].poses.q.extends: unknown pose \"r\" (a pose can only build on the "
              "poses above it)"});
  CHECK(load(changed(R"("extends": "p")", R"("extends": "p", "mirror_of": "p")")) ==
        Lines{"clips.json:2:52: error: clips[a].poses.q: use either \"extends\" or \"mirror_of\", not both"});
}

TEST_CASE("clip loader: unknown phases, key times and easing") {
  CHECK(load(changed(R"("phases": {"move_in")", R"("phases": {"holding": [{"t": 0, "pose": "p"}], "move_in")")) ==
        Lines{"clips.json:3:13: error: clips[a].phases: unknown phase \"holding\" (allowed: start, move_in, hold, "
              "move_out, rest)"});
  CHECK(load(changed(R"({"t": 1, "pose": "q")", R"({"t": 1.5, "pose": "q")")) ==
        Lines{"clips.json:3:54: error: clips[a].phases.move_in[1].t: must be between 0 and 1, not 1.5"});
  CHECK(load(changed(R"({"t": 1, "pose": "q", "ease": "linear"})", R"({"t": 0.6, "pose": "q"}, {"t": 0.4, "pose": "p"})")) ==
        Lines{"clips.json:3:79: error: clips[a].phases.move_in[2].t: must be greater than the t of the key before (0.6)"});
  CHECK(load(changed(R"([{"t": 0, "pose": "p"}, {"t": 1)", R"([{"t": 0.2, "pose": "p"}, {"t": 1)")) ==
        Lines{"clips.json:3:31: error: clips[a].phases.move_in[0].t: the first key must be at t 0, not 0.2"});
  CHECK(load(changed(R"("ease": "linear")", R"("ease": "bounce")")) ==
        Lines{"clips.json:3:78: error: clips[a].phases.move_in[1].ease: unknown ease \"bounce\" (allowed: linear, in, "
              "out, in_out)"});
}

TEST_CASE("clip loader: phases must join up and a loop must close") {
  CHECK(load(changed(R"("phases": {"move_in")", R"("phases": {"move_out": [{"t": 0, "pose": "q"}, {"t": 1, "pose": "q"}], "move_in")")) ==
        Lines{"clips.json:3:84: error: clips[a].phases.move_in: starts at pose \"p\" but rest ends at pose \"q\"",
              "clips.json:3:25: error: clips[a].phases.move_out: ends at pose \"q\" but the start phase is pose \"p\" "
              "(a repetition must end where it began)"});
  CHECK(load(changed(R"("phases": {"move_in")", R"("loop_s": 1, "phases": {"hold": [{"t": 0, "pose": "q"}, {"t": 1, "pose": "p"}], "move_out": [{"t": 0, "pose": "p"}], "move_in")")) ==
        Lines{"clips.json:3:34: error: clips[a].phases.hold: a looping hold (loop_s) must end at the pose it starts "
              "with (\"q\")"});
  CHECK(load(changed(R"("view": "side",)", R"("view": "side", "loop_s": 100,)")) ==
        Lines{"clips.json:1:69: error: clips[a].loop_s: must be between 0.2 and 60 seconds, not 100"});
}

TEST_CASE("clip loader: contacts name known parts and surfaces, and touch them") {
  CHECK(load(changed(R"("point": "foot_r")", R"("point": "foot")")) ==
        Lines{"clips.json:4:25: error: clips[a].contacts[0].point: unknown contact point \"foot\" (allowed: foot_l, "
              "foot_r, toes_l, toes_r, heel_l, heel_r, knee_l, knee_r, thigh_l, thigh_r, hip_l, hip_r, hand_l, hand_r, "
              "forearm_l, forearm_r, shoulder_l, shoulder_r, pelvis, shoulders, chest, head)"});
  CHECK(load(changed(R"("surface": "floor")", R"("surface": "sofa")")) ==
        Lines{"clips.json:4:46: error: clips[a].contacts[0].surface: unknown surface \"sofa\" (allowed: floor, wall, "
              "chair, roller)"});
  CHECK(load(changed(R"("surface": "floor")", R"("surface": "chair")")) ==
        Lines{"clips.json:4:46: error: clips[a].contacts[0].surface: \"chair\" needs the prop \"chair\" in \"props\""});
  CHECK(load(changed(R"("point": "foot_r")", R"("point": "hand_r")")) ==
        Lines{"clips.json:4:15: error: clips[a].contacts[0]: \"hand_r\" is 73.5 cm away from the floor when phase "
              "\"start\" begins (pose \"p\"); it must touch it"});
  CHECK(load(changed(R"("surface": "floor"})", R"("surface": "floor", "phases": ["hold", "after"]})")) ==
        Lines{"clips.json:4:74: error: clips[a].contacts[0].phases[1]: unknown phase \"after\" (allowed: start, "
              "move_in, hold, move_out, rest)"});
  CHECK(load(changed(R"("surface": "floor"})", R"("surface": "floor"}, {"point": "foot_r", "surface": "floor"})")) ==
        Lines{"clips.json:4:66: error: clips[a].contacts[1].point: \"foot_r\" is listed twice for phase \"start\""});
  CHECK(load(changed(R"("surface": "floor"})", R"("surface": "floor"}, {"point": "toes_r", "surface": "floor"})")) ==
        Lines{"clips.json:4:66: error: clips[a].contacts[1].point: \"toes_r\" and \"foot_r\" cannot both hold one "
              "limb in phase \"start\""});
  CHECK(load(changed(R"("view": "side",)", R"("view": "side", "props": {"band": {"points": ["knee_l"]}},)")) ==
        Lines{"clips.json:1:88: error: clips[a].props.band.points: must list 2 to 4 body parts"});
}

TEST_CASE("clip loader: unknown and repeated keys warn, and the clip still loads") {
  const sb::ClipLoad extra = sb::load_clips(changed(R"("view": "side",)", R"("view": "side", "colour": "red",)"));
  CHECK(formatted(extra.diagnostics) == Lines{"clips.json:1:59: warning: clips[a]: unknown key \"colour\" (ignored)"});
  CHECK(extra.clips.size() == 1);
  CHECK(load(changed(R"("p": {"ground": true})", R"("p": {"ground": true, "speed": 2})")) ==
        Lines{"clips.json:2:34: warning: clips[a].poses.p: unknown key \"speed\" (ignored)"});
  CHECK(load(changed(R"("view": "side",)", R"("view": "side", "view": "top",)")) ==
        Lines{"clips.json:1:59: warning: clips[a].view: repeated key (only the first one is used)"});
}

TEST_CASE("clip loader: one clip per exercise") {
  const std::string two = changed(R"(}]}]})", R"(}]}, {"exercise": "a", "view": "side", "poses": {"p": {}}, "phases": {"move_in": [{"t": 0, "pose": "p"}]}}]})");
  const sb::ClipLoad load2 = sb::load_clips(two);
  CHECK(formatted(load2.diagnostics) ==
        Lines{"clips.json:4:71: error: clips[a].exercise: a second clip for \"a\" (each exercise has one clip)"});
  CHECK(load2.clips.size() == 1);
}

TEST_CASE("clip loader: bad input of any kind never crashes") {
  std::string text = kValid;
  for (size_t cut = 0; cut < text.size(); cut += 7) {
    const sb::ClipLoad partial = sb::load_clips(std::string_view(text).substr(0, cut));
    CHECK_FALSE(partial.diagnostics.empty());
  }
  for (char c : std::string("{}[]\",:0-")) {
    for (size_t at = 0; at < text.size(); at += 11) {
      std::string broken = text;
      broken[at] = c;
      (void)sb::load_clips(broken);  // may or may not be valid; must not crash
    }
  }
}

// [SECTION] the sampler ----------------------------------------------------------------------

namespace {

// A clip whose left elbow bends from 0 to 100 degrees (nothing touches), with the given ease.
sb::Clip elbow_clip(const std::string& ease) {
  const std::string text = R"({"schema": 1, "clips": [{"exercise": "e", "view": "side",
    "poses": {"p": {}, "q": {"joints": {"elbow_l": 100}}},
    "phases": {"move_in": [{"t": 0, "pose": "p"}, {"t": 1, "pose": "q", "ease": ")" + ease + R"("}]}}]})";
  const sb::ClipLoad l = sb::load_clips(text);
  REQUIRE(l.diagnostics.empty());
  return l.clips[0];
}

double elbow_deg(const sb::Clip& clip, Phase phase, double progress) {
  sb::Pose pose;
  sb::sample_pose(clip, phase, progress, Side::Left, pose);
  return pose.angles[static_cast<size_t>(sb::Joint::ElbowL)].flex_rad / sb::kDegToRad;
}

}  // namespace

TEST_CASE("sampler: easing shapes the way between keys") {
  CHECK(elbow_deg(elbow_clip("linear"), Phase::MoveIn, 0.25) == doctest::Approx(25));
  CHECK(elbow_deg(elbow_clip("in"), Phase::MoveIn, 0.25) == doctest::Approx(6.25));
  CHECK(elbow_deg(elbow_clip("out"), Phase::MoveIn, 0.25) == doctest::Approx(43.75));
  CHECK(elbow_deg(elbow_clip("in_out"), Phase::MoveIn, 0.25) == doctest::Approx(50 - 50 * std::cos(sb::kPi / 4)));
  CHECK(elbow_deg(elbow_clip("in_out"), Phase::MoveIn, 0.5) == doctest::Approx(50));
  // Out of range progress is clamped; NaN counts as the start.
  CHECK(elbow_deg(elbow_clip("linear"), Phase::MoveIn, 1.7) == doctest::Approx(100));
  CHECK(elbow_deg(elbow_clip("linear"), Phase::MoveIn, -3) == doctest::Approx(0));
  CHECK(elbow_deg(elbow_clip("linear"), Phase::MoveIn, std::nan("")) == doctest::Approx(0));
}

TEST_CASE("sampler: move_out defaults to move_in played backwards, with its easing turned") {
  const sb::Clip clip = elbow_clip("in");
  for (double p : {0.0, 0.1, 0.3, 0.5, 0.8, 1.0}) {
    CHECK(elbow_deg(clip, Phase::MoveOut, p) == doctest::Approx(elbow_deg(clip, Phase::MoveIn, 1.0 - p)));
  }
  CHECK(elbow_deg(clip, Phase::Start, 0.7) == doctest::Approx(0));
  CHECK(elbow_deg(clip, Phase::Hold, 0.3) == doctest::Approx(100));
  CHECK(elbow_deg(clip, Phase::Rest, 0.9) == doctest::Approx(0));
}

TEST_CASE("sampler: a resting foot stays put while the knees bend") {
  const sb::Clip clip = sb::load_clips(kValid).clips.at(0);
  const sb::WorldPose before = sample(clip, Phase::MoveIn, 0.0, Side::Left);
  const sb::WorldPose after = sample(clip, Phase::MoveIn, 1.0, Side::Left);
  const size_t ankle_r = static_cast<size_t>(sb::Joint::AnkleR);
  const size_t ankle_l = static_cast<size_t>(sb::Joint::AnkleL);
  CHECK(sb::length(after.joint_m[ankle_r] - before.joint_m[ankle_r]) < 1e-9);  // held by IK
  CHECK(sb::length(after.joint_m[ankle_l] - before.joint_m[ankle_l]) > 0.05);  // free: swings back
  // The held foot keeps its orientation too (flat on the floor).
  const sb::Mat3 turn = sb::transpose(before.frame[ankle_r]) * after.frame[ankle_r];
  CHECK(turn.at(0, 0) == doctest::Approx(1.0));
  CHECK(turn.at(1, 1) == doctest::Approx(1.0));
  sb::Pose pose;
  sb::sample_pose(clip, Phase::Hold, 0.5, Side::Right, pose);
  REQUIRE(pose.contact_count == 1);
  CHECK(pose.contacts[0].point == sb::ContactPoint::FootL);  // mirrored
}

TEST_CASE("sampler: mirror(clip) sampled on the left equals the clip sampled on the right") {
  const sb::Clip clip = sb::load_clips(kValid).clips.at(0);
  const sb::Clip m = sb::mirror(clip);
  CHECK(max_joint_gap(sample(m, Phase::MoveIn, 0.6, Side::Left), sample(clip, Phase::MoveIn, 0.6, Side::Right)) < 1e-12);
  CHECK(max_joint_gap(sample(sb::mirror(m), Phase::Hold, 0.3, Side::Left), sample(clip, Phase::Hold, 0.3, Side::Left)) < 1e-12);
}

TEST_CASE("sampler: a clip without keys gives the standing figure instead of crashing") {
  sb::Clip empty;
  sb::Pose pose;
  pose.root_pos_m = {5, 5, 5};
  sb::sample_pose(empty, Phase::Hold, 0.5, Side::Left, pose);
  CHECK(pose.root_pos_m.y == doctest::Approx(0.915));
}

TEST_CASE("phase_progress: plain phases run once, a looping hold plays whole loops") {
  sb::Clip clip;
  CHECK(sb::phase_progress(clip, Phase::MoveIn, 1.0, 4.0) == doctest::Approx(0.25));
  CHECK(sb::phase_progress(clip, Phase::MoveIn, 9.0, 4.0) == doctest::Approx(1.0));
  CHECK(sb::phase_progress(clip, Phase::Hold, 0.0, 0.0) == doctest::Approx(1.0));
  clip.loop_s = 3.0;  // 10 s of hold: 3 loops of 3.33 s
  CHECK(sb::phase_progress(clip, Phase::Hold, 1.0, 10.0) == doctest::Approx(0.3));
  CHECK(sb::phase_progress(clip, Phase::Hold, 5.0, 10.0) == doctest::Approx(0.5));
  CHECK(sb::phase_progress(clip, Phase::Hold, 10.0, 10.0) == doctest::Approx(1.0));
  CHECK(sb::phase_progress(clip, Phase::Hold, 1.0, 2.0) == doctest::Approx(0.5));  // at least one loop
  CHECK(sb::phase_progress(clip, Phase::MoveOut, 1.0, 2.0) == doctest::Approx(0.5));
}

TEST_CASE("surfaces: distance from a body part to the floor, wall, chair and roller") {
  sb::Props props;
  props.wall = true;
  props.wall_x_m = -0.5;
  props.chair = true;
  props.chair_pos_m = {1.0, 0.45, 0.0};
  props.roller = true;
  props.roller_pos_m = {0.0, sb::kRollerRadius_m, 0.0};
  CHECK(sb::surface_distance_m(props, sb::Surface::Floor, {0, 0.3, 0}, 0.1) == doctest::Approx(0.2));
  CHECK(sb::surface_distance_m(props, sb::Surface::Wall, {-0.3, 1, 0}, 0.1) == doctest::Approx(0.1));
  CHECK(sb::surface_distance_m(props, sb::Surface::Chair, {1.0, 0.57, 0}, 0.12) == doctest::Approx(0.0));
  CHECK(sb::surface_distance_m(props, sb::Surface::Chair, {1.0 - sb::kChairSeatDepth_m / 2 + 0.02, 0.45 + 0.42 + 0.05, 0}, 0.02) ==
        doctest::Approx(0.03));  // on top of the back rest
  CHECK(sb::surface_distance_m(props, sb::Surface::Roller, {0, 0.3, 0}, 0.1) == doctest::Approx(0.3 - 0.075 - 0.075 - 0.1));
  const sb::Props m = sb::mirror(props);
  CHECK(m.chair_pos_m.z == doctest::Approx(-props.chair_pos_m.z));
}

TEST_CASE("reading the clips a few at a time gives what reading them at once gives") {
  const std::string shipped = read_file(kAssetsDir + "/clips.json");
  // The shipped file; a file with a broken clip among good ones; a second clip for an
  // exercise; files that stop before the clips.
  std::string broken = shipped;
  broken.replace(broken.find("\"loop_s\""), 8, "\"loop_s\": -1, \"was\"");  // out of range: an error
  const std::vector<std::string> texts = {shipped, broken, "{\"schema\": 1, \"clips\": 3}", "[1, 2]", "{\"clips\": ["};
  for (const std::string& text : texts) {
    const sb::ClipLoad whole = sb::load_clips(text);
    for (size_t step : {size_t{1}, size_t{7}, size_t{17}}) {
      sb::ClipReader reader(text);
      int steps = 0;
      while (!reader.done()) {
        reader.read(step);
        ++steps;
      }
      const sb::ClipLoad parts = reader.take();
      REQUIRE(parts.clips.size() == whole.clips.size());
      for (size_t i = 0; i < whole.clips.size(); ++i) {
        CHECK(parts.clips[i].exercise == whole.clips[i].exercise);
        CHECK(parts.clips[i].phases[0].contacts.size() == whole.clips[i].phases[0].contacts.size());
      }
      REQUIRE(parts.diagnostics.size() == whole.diagnostics.size());
      for (size_t i = 0; i < whole.diagnostics.size(); ++i) {
        CHECK(sb::format_diagnostic(parts.diagnostics[i]) == sb::format_diagnostic(whole.diagnostics[i]));
      }
      if (text == shipped) CHECK(steps == static_cast<int>((whole.clips.size() + step - 1) / step));
    }
  }
  CHECK(sb::load_clips(broken).clips.size() + 1 == sb::load_clips(shipped).clips.size());
}
