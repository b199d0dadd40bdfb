// embedded: files compiled into the app at build time (fonts, content JSON).
#pragma once

#include <cstddef>
#include <string_view>

namespace sb {

struct EmbeddedFile {
  const char* name;           // base name, e.g. "exercises.json"
  const unsigned char* data;  // followed by a NUL byte not counted in size
  size_t size;                // bytes
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const int kEmbeddedFileCount;

// The embedded file with this base name, or nullptr.
inline const EmbeddedFile* find_embedded(std::string_view name) {
  for (int i = 0; i < kEmbeddedFileCount; ++i) {
    if (name == kEmbeddedFiles[i].name) return &kEmbeddedFiles[i];
  }
  return nullptr;
}

inline std::string_view embedded_text(const EmbeddedFile* f) {
  return f ? std::string_view(reinterpret_cast<const char*>(f->data), f->size) : std::string_view();
}

}  // namespace sb
