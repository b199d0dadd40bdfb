// fuzz_support: what the fuzz targets share: the shipped content (for parsers that check
// against the library) and a way to stop on a broken promise, so the fuzzer reports it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/content.h"
#include "read_file.h"

namespace sb_fuzz {

// The content of assets/, loaded once. Aborts when it cannot be read: the run would be useless.
inline const sb::Content& shipped_content() {
  static const sb::Content content = [] {
    const std::string dir = STEADY_SOURCE_DIR "/assets/";
    sb::ContentFiles files;
    if (!sb_cli::read_file(dir + "exercises.json", files.exercises_json) ||
        !sb_cli::read_file(dir + "guidance.json", files.guidance_json) ||
        !sb_cli::read_file(dir + "programmes.json", files.programmes_json)) {
      std::fprintf(stderr, "fuzz: cannot read the content files in %s\n", dir.c_str());
      std::abort();
    }
    return sb::load_content(files).content;
  }();
  return content;
}

// Stops the run with a message when a property the code promises does not hold.
inline void expect(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz: broken promise: %s\n", what);
  std::abort();
}

}  // namespace sb_fuzz
