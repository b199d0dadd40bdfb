// hash: a fast, non-cryptographic 64-bit hash of bytes, to tell cheaply whether something
// has changed (main.cpp: whether a frame would draw the same picture as the one on screen).
// Equal bytes give equal hashes; different bytes almost surely differ.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sb {

constexpr uint64_t kHashSeed = 0x9E3779B97F4A7C15ull;

// Hashes size bytes at data, continuing from seed (the previous part's hash), so several
// pieces can be hashed as one.
uint64_t hash_bytes(const void* data, size_t size, uint64_t seed = kHashSeed);

// The same for one value's bytes (plain data without padding).
template <typename T>
uint64_t hash_value(const T& value, uint64_t seed) {
  return hash_bytes(&value, sizeof value, seed);
}

}  // namespace sb
