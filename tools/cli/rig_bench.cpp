// rig_bench: how long the player's per-frame figure work takes. Samples every clip of
// clips.json in every phase (both sides) and builds its draw data, many times; prints the
// mean, median and 99th percentile microseconds per frame against the 0.2 ms budget, and
// counts heap allocations inside the timed loop (operator new is replaced in this tool only)
// to prove the rig and sampler allocate nothing per frame. Exit code 1 when either fails.
// Usage: rig_bench [ROUNDS] [--clips PATH]
#include "core/clip.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "read_file.h"

namespace {

std::atomic<long> g_allocations{0};

void* counted_alloc(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t size) { return counted_alloc(size); }
void* operator new[](std::size_t size) { return counted_alloc(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

constexpr const char* kDefaultClips = STEADY_SOURCE_DIR "/assets/clips.json";
constexpr int kSamplesPerPhase = 200;
constexpr double kBudget_us = 200.0;

using sb_cli::read_file;

}  // namespace

int main(int argc, char** argv) {
  int rounds = 3;
  std::string path = kDefaultClips;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--clips" && i + 1 < argc) {
      path = argv[++i];
    } else {
      rounds = std::max(1, std::atoi(arg.c_str()));
    }
  }
  std::string text;
  if (!read_file(path, text)) {
    std::fprintf(stderr, "rig_bench: cannot read %s\n", path.c_str());
    return 1;
  }
  const sb::ClipLoad load = sb::load_clips(text);
  if (sb::count_errors(load.diagnostics) > 0 || load.clips.empty()) {
    std::fprintf(stderr, "rig_bench: clips.json has load errors (run clip_poses to see them)\n");
    return 1;
  }

  const size_t frames = static_cast<size_t>(rounds) * load.clips.size() * 2 * sb::kPhaseCount * kSamplesPerPhase;
  std::vector<double> times_us;
  times_us.reserve(frames);
  sb::Pose pose;
  sb::FigureDraw draw;
  double checksum = 0.0;  // keeps the work from being optimised away

  const long allocations_before = g_allocations.load();
  for (int round = 0; round < rounds; ++round) {
    for (const sb::Clip& clip : load.clips) {
      const sb::Vec3 camera = sb::toward_camera(clip.view);
      for (sb::Side side : {sb::Side::Left, sb::Side::Right}) {
        for (int ph = 0; ph < sb::kPhaseCount; ++ph) {
          for (int i = 0; i < kSamplesPerPhase; ++i) {
            const double progress = static_cast<double>(i) / (kSamplesPerPhase - 1);
            const auto t0 = std::chrono::steady_clock::now();
            sb::sample_pose(clip, static_cast<sb::Phase>(ph), progress, side, pose);
            sb::build_figure(pose, draw, camera);
            const auto t1 = std::chrono::steady_clock::now();
            checksum += draw.head.centre_m.y;
            times_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
          }
        }
      }
    }
  }
  const long allocations = g_allocations.load() - allocations_before;

  std::sort(times_us.begin(), times_us.end());
  double sum = 0.0;
  for (double t : times_us) sum += t;
  const double mean = sum / static_cast<double>(times_us.size());
  const double median = times_us[times_us.size() / 2];
  const double p99 = times_us[std::min(times_us.size() - 1, times_us.size() * 99 / 100)];
  const bool fast = p99 < kBudget_us;

  std::printf("rig_bench: %zu clips, %zu frames (sample_pose + build_figure, both sides, %d rounds)\n",
              load.clips.size(), times_us.size(), rounds);
  std::printf("per frame: mean %.2f us, median %.2f us, p99 %.2f us, max %.2f us (budget %.0f us): %s\n",
              mean, median, p99, times_us.back(), kBudget_us, fast ? "ok" : "TOO SLOW");
  std::printf("heap allocations inside the timed loop: %ld%s\n", allocations,
              allocations == 0 ? "" : " (must be 0)");
  std::printf("checksum %.3f\n", checksum);
  return fast && allocations == 0 ? 0 : 1;
}
