// read_file: the one file reader of the native command-line tools (core never reads files).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace sb_cli {

// The whole file into out; false when it cannot be read.
inline bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace sb_cli
