// fuzz_clips: the clip loader (clips.json), then the sampler over every clip that loaded, at
// the start, middle and end of each phase on both sides. Checked: no crash or undefined
// behaviour, and a loaded clip always samples to a finite figure.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/clip.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sb::ClipLoad loaded =
      sb::load_clips(std::string_view(reinterpret_cast<const char*>(data), size));
  sb::Pose pose;
  for (const sb::Clip& clip : loaded.clips) {
    for (int phase = 0; phase < sb::kPhaseCount; ++phase) {
      for (double progress : {0.0, 0.5, 1.0}) {
        for (sb::Side side : {sb::Side::Left, sb::Side::Right}) {
          sb::sample_pose(clip, static_cast<sb::Phase>(phase), progress, side, pose);
          sb_fuzz::expect(std::isfinite(pose.root_pos_m.x) && std::isfinite(pose.root_pos_m.y) &&
                              std::isfinite(pose.root_pos_m.z),
                          "a loaded clip samples to a finite figure");
        }
      }
      sb::phase_progress(clip, static_cast<sb::Phase>(phase), 1.5, 3.0);
    }
  }
  return 0;
}
