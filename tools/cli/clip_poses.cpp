// clip_poses: prints, as JSON on stdout, the figure of one exercise's clip (or of every clip)
// at the start, at the end of move_in and in the middle of the hold: world joint positions,
// named points, capsules, head, contacts and props. The gallery renderer draws from it;
// authors use it to check poses numerically. Problems loading clips.json go to stderr.
// Usage: clip_poses [EXERCISE_ID] [--side left|right] [--steps N] [--clips PATH]
//   --steps N  instead of the three key frames, N+1 evenly spaced frames of every phase
#include "core/clip.h"
#include "core/json.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "read_file.h"

namespace {

constexpr const char* kDefaultClips = STEADY_SOURCE_DIR "/assets/clips.json";

using sb_cli::read_file;

void put_vec(std::string& out, sb::Vec3 v) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "[%.4f, %.4f, %.4f]", v.x, v.y, v.z);
  out += buf;
}

void put_number(std::string& out, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  out += buf;
}

void put_name(std::string& out, std::string_view name) { sb::json_append_string(out, name); }

std::string_view side_name(sb::BodySide side) {
  return side == sb::BodySide::Left ? "left" : side == sb::BodySide::Right ? "right" : "centre";
}

void put_line(std::string& out, const char* name, const sb::PropLine& line) {
  if (line.count == 0) return;
  out += ", \"";
  out += name;
  out += "\": [";
  for (int i = 0; i < line.count; ++i) {
    if (i) out += ", ";
    put_name(out, sb::kContactPointNames[static_cast<size_t>(line.points[static_cast<size_t>(i)])]);
  }
  out += "]";
}

void put_props(std::string& out, const sb::Props& p) {
  out += "{";
  std::string body;
  if (p.mat) { body += ", \"mat\": {\"pos\": "; put_vec(body, p.mat_pos_m); body += "}"; }
  if (p.chair) {
    body += ", \"chair\": {\"pos\": ";
    put_vec(body, p.chair_pos_m);
    body += ", \"yaw_deg\": ";
    put_number(body, p.chair_yaw_rad / sb::kDegToRad);
    body += "}";
  }
  if (p.wall) { body += ", \"wall\": {\"x\": "; put_number(body, p.wall_x_m); body += "}"; }
  if (p.roller) { body += ", \"roller\": {\"pos\": "; put_vec(body, p.roller_pos_m); body += "}"; }
  if (p.water) { body += ", \"water\": {\"y\": "; put_number(body, p.water_y_m); body += "}"; }
  if (p.pedals) {
    body += ", \"pedals\": {\"pos\": ";
    put_vec(body, p.pedals_pos_m);
    body += ", \"radius\": ";
    put_number(body, p.pedals_radius_m);
    body += "}";
  }
  put_line(body, "towel", p.towel);
  put_line(body, "band", p.band);
  out += body.empty() ? body : body.substr(2);
  out += "}";
}

void put_frame(std::string& out, const sb::Clip& clip, sb::Phase phase, double progress,
               sb::Side side, const std::string& label) {
  sb::Pose pose;
  sb::sample_pose(clip, phase, progress, side, pose);
  sb::FigureDraw draw;
  sb::build_figure(pose, draw, sb::toward_camera(clip.view));
  out += "      {\"label\": ";
  put_name(out, label);
  out += ", \"phase\": ";
  put_name(out, sb::kPhaseNames[static_cast<size_t>(phase)]);
  out += ", \"progress\": ";
  put_number(out, progress);
  out += ",\n       \"joints\": {";
  for (size_t j = 0; j < sb::kJointCount; ++j) {
    out += j ? ", " : "";
    put_name(out, sb::kJointNames[j]);
    out += ": ";
    put_vec(out, draw.joint_m[j]);
  }
  out += "},\n       \"angles_deg\": {";
  for (size_t j = 1; j < sb::kJointCount; ++j) {
    const sb::JointAngles& a = pose.angles[j];
    out += j > 1 ? ", " : "";
    put_name(out, sb::kJointNames[j]);
    out += ": ";
    put_vec(out, sb::Vec3{a.flex_rad / sb::kDegToRad, a.abd_rad / sb::kDegToRad, a.rot_rad / sb::kDegToRad});
  }
  out += "},\n       \"points\": {";
  for (size_t i = 0; i < sb::kBodyPointCount; ++i) {
    out += i ? ", " : "";
    put_name(out, sb::kBodyPointNames[i]);
    out += ": ";
    put_vec(out, draw.point_m[i]);
  }
  out += "},\n       \"parts\": {";
  for (size_t i = 0; i < sb::kContactPointCount; ++i) {
    out += i ? ", " : "";
    put_name(out, sb::kContactPointNames[i]);
    out += ": ";
    put_vec(out, draw.contact_m[i]);
  }
  out += "},\n       \"head\": {\"centre\": ";
  put_vec(out, draw.head.centre_m);
  out += ", \"radius\": ";
  put_number(out, draw.head.radius_m);
  out += "},\n       \"capsules\": [";
  for (size_t k = 0; k < sb::kCapsuleCount; ++k) {
    const size_t index = static_cast<size_t>(draw.draw_order[k]);
    const sb::Capsule& c = draw.capsules[index];
    out += k ? ",\n         " : "";
    out += "{\"name\": ";
    put_name(out, sb::kCapsuleNames[index]);
    out += ", \"a\": ";
    put_vec(out, c.a_m);
    out += ", \"b\": ";
    put_vec(out, c.b_m);
    out += ", \"radius\": ";
    put_number(out, c.radius_m);
    out += ", \"side\": ";
    put_name(out, side_name(c.side));
    out += c.near ? ", \"near\": true}" : ", \"near\": false}";
  }
  out += "],\n       \"contacts\": [";
  for (int i = 0; i < draw.contact_count; ++i) {
    const sb::ContactDraw& c = draw.contacts[static_cast<size_t>(i)];
    out += i ? ", " : "";
    out += "{\"point\": ";
    put_name(out, sb::kContactPointNames[static_cast<size_t>(c.point)]);
    out += ", \"surface\": ";
    put_name(out, sb::kSurfaceNames[static_cast<size_t>(c.surface)]);
    out += ", \"pos\": ";
    put_vec(out, c.pos_m);
    out += clip.phases[static_cast<size_t>(phase)].contacts[static_cast<size_t>(i)].slide ? ", \"slide\": true}" : "}";
  }
  out += "],\n       \"lowest_y\": ";
  put_number(out, draw.lowest_y_m);
  out += "}";
}

void put_clip(std::string& out, const sb::Clip& clip, sb::Side side, int steps) {
  out += "    {\"exercise\": ";
  put_name(out, clip.exercise);
  out += ", \"view\": ";
  put_name(out, sb::kViewNames[static_cast<size_t>(clip.view)]);
  out += ", \"side\": ";
  put_name(out, side == sb::Side::Left ? "left" : "right");
  out += ", \"props\": ";
  put_props(out, side == sb::Side::Left ? clip.props : sb::mirror(clip.props));
  out += ",\n     \"frames\": [\n";
  if (steps <= 0) {
    put_frame(out, clip, sb::Phase::Start, 0.0, side, "start");
    out += ",\n";
    put_frame(out, clip, sb::Phase::MoveIn, 1.0, side, "move_in_end");
    out += ",\n";
    put_frame(out, clip, sb::Phase::Hold, 0.5, side, "mid_hold");
  } else {
    bool first = true;
    for (size_t ph = 0; ph < sb::kPhaseCount; ++ph) {
      for (int i = 0; i <= steps; ++i) {
        const double p = static_cast<double>(i) / steps;
        out += first ? "" : ",\n";
        first = false;
        put_frame(out, clip, static_cast<sb::Phase>(ph), p, side,
                  std::string(sb::kPhaseNames[ph]) + "@" + std::to_string(i) + "/" + std::to_string(steps));
      }
    }
  }
  out += "\n     ]}";
}

}  // namespace

int main(int argc, char** argv) {
  std::string only;
  std::string path = kDefaultClips;
  sb::Side side = sb::Side::Left;
  int steps = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--side" && i + 1 < argc) {
      side = std::strcmp(argv[++i], "right") == 0 ? sb::Side::Right : sb::Side::Left;
    } else if (arg == "--steps" && i + 1 < argc) {
      steps = std::atoi(argv[++i]);
    } else if (arg == "--clips" && i + 1 < argc) {
      path = argv[++i];
    } else if (!arg.empty() && arg[0] == '-') {
      std::fprintf(stderr, "usage: clip_poses [EXERCISE_ID] [--side left|right] [--steps N] [--clips PATH]\n");
      return 2;
    } else {
      only = arg;
    }
  }
  std::string text;
  if (!read_file(path, text)) {
    std::fprintf(stderr, "clip_poses: cannot read %s\n", path.c_str());
    return 1;
  }
  const sb::ClipLoad load = sb::load_clips(text);
  for (const sb::Diagnostic& d : load.diagnostics) {
    std::fprintf(stderr, "%s\n", sb::format_diagnostic(d).c_str());
  }
  std::string out = "{\"clips\": [\n";
  int written = 0;
  for (const sb::Clip& clip : load.clips) {
    if (!only.empty() && clip.exercise != only) continue;
    out += written++ ? ",\n" : "";
    put_clip(out, clip, side, steps);
  }
  out += "\n]}\n";
  std::fputs(out.c_str(), stdout);
  if (!only.empty() && written == 0) {
    std::fprintf(stderr, "clip_poses: no clip for \"%s\"\n", only.c_str());
    return 1;
  }
  return sb::count_errors(load.diagnostics) > 0 ? 1 : 0;
}
