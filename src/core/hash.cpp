// hash: eight bytes at a time, each word mixed in with a multiply and shifts.
#include "core/hash.h"

#include <cstring>

namespace sb {

namespace {

uint64_t mix(uint64_t h, uint64_t word) {
  h ^= word + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 31);
}

}  // namespace

uint64_t hash_bytes(const void* data, size_t size, uint64_t seed) {
  const auto* p = static_cast<const unsigned char*>(data);
  uint64_t h = mix(seed, size);
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, p + i, 8);
    h = mix(h, word);
  }
  if (i < size) {
    uint64_t tail = 0;
    std::memcpy(&tail, p + i, size - i);
    h = mix(h, tail ^ (static_cast<uint64_t>(size - i) << 56));
  }
  return h;
}

}  // namespace sb
