#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/hash.h"

using sb::hash_bytes;

TEST_CASE("equal bytes hash alike, wherever they are") {
  const std::string a = "the same twenty-three b";
  const std::string b = a;
  CHECK(hash_bytes(a.data(), a.size()) == hash_bytes(b.data(), b.size()));
}

TEST_CASE("one changed bit, one more byte or another seed changes the hash") {
  std::vector<unsigned char> bytes(64, 0x5A);
  const uint64_t base = hash_bytes(bytes.data(), bytes.size());
  std::set<uint64_t> seen{base};
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      bytes[i] ^= static_cast<unsigned char>(1 << bit);
      seen.insert(hash_bytes(bytes.data(), bytes.size()));
      bytes[i] ^= static_cast<unsigned char>(1 << bit);
    }
  }
  CHECK(seen.size() == 1 + 64 * 8);
  // Lengths that end inside a word, and trailing zeros, count.
  for (size_t n = 0; n < 20; ++n) seen.insert(hash_bytes(bytes.data(), n));
  CHECK(seen.size() == 1 + 64 * 8 + 20);
  CHECK(hash_bytes(bytes.data(), bytes.size(), 1) != base);
}

TEST_CASE("pieces hashed in turn depend on their order") {
  const int x = 1;
  const int y = 2;
  const uint64_t xy = sb::hash_value(y, sb::hash_value(x, sb::kHashSeed));
  const uint64_t yx = sb::hash_value(x, sb::hash_value(y, sb::kHashSeed));
  CHECK(xy != yx);
  CHECK(xy == sb::hash_value(y, sb::hash_value(x, sb::kHashSeed)));
}
