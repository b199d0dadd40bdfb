// test_files: reading the repository's files from native tests (core itself never reads files).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sb_test {

// The whole file, or "" when it cannot be read (the test then fails on the empty content).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace sb_test
