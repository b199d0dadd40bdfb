// clinic_state: clinic.json, the logo texture and embed messages (see clinic_lib.js).
#include "platform/clinic_state.h"

#include <GLES3/gl3.h>

#include <cstdio>
#include <vector>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_MAX_DIMENSIONS 4096
#include <stb/stb_image.h>

#include "core/json.h"
#include "platform/gl_program.h"

extern "C" {
int sb_clinic_state();
int sb_clinic_size();
int sb_clinic_take(char* buf, int cap);
void sb_clinic_fetch_logo(const char* name);
int sb_clinic_logo_state();
int sb_clinic_logo_size();
int sb_clinic_logo_take(unsigned char* buf, int cap);
int sb_embed_mode();
void sb_embed_configure(const char* origins_json, int completion);
void sb_embed_ready();
void sb_embed_session(const char* type, const char* fields_json);
}

namespace sb {

namespace {

void warn(const std::string& line) {
  if (!line.empty()) std::fprintf(stderr, "%s\n", line.c_str());
}

// Decodes the logo's bytes into a texture; "" on success, else what is wrong in words.
std::string decode_logo(ClinicState& s, const std::vector<unsigned char>& bytes) {
  int w = 0, h = 0, channels = 0;
  const int size = static_cast<int>(bytes.size());
  if (!stbi_info_from_memory(bytes.data(), size, &w, &h, &channels)) return "is not a PNG or JPEG image";
  if (w > kClinicLogoMaxSidePx || h > kClinicLogoMaxSidePx) {
    return "is " + std::to_string(w) + " x " + std::to_string(h) + " pixels; at most " +
           std::to_string(kClinicLogoMaxSidePx) + " x " + std::to_string(kClinicLogoMaxSidePx) + " are shown";
  }
  unsigned char* pixels = stbi_load_from_memory(bytes.data(), size, &w, &h, &channels, 4);
  if (!pixels) return std::string("cannot be decoded: ") + stbi_failure_reason();
  GLuint tex = 0;
  glGenTextures(1, &tex);
  gl_texture_fill(tex, w, h, GL_RGBA8, GL_RGBA, pixels);
  stbi_image_free(pixels);
  s.logo_texture = tex;
  s.logo_w_px = w;
  s.logo_h_px = h;
  return "";
}

bool poll_logo(ClinicState& s) {
  const int st = sb_clinic_logo_state();
  if (st < 2) return false;
  s.logo_done = true;
  const std::string& name = s.load.clinic.logo;
  const int size = sb_clinic_logo_size();
  std::string problem;
  if (st == 3) {
    problem = size > static_cast<int>(kClinicLogoMaxBytes)
                  ? "is " + std::to_string((size + 1023) / 1024) + " KiB; at most " +
                        std::to_string(kClinicLogoMaxBytes / 1024) + " KiB is read"
                  : "could not be fetched (is the file beside index.html?)";
  } else {
    std::vector<unsigned char> bytes(static_cast<size_t>(size));
    sb_clinic_logo_take(bytes.data(), size);
    problem = decode_logo(s, bytes);
  }
  if (!problem.empty()) warn("clinic.json: logo: \"" + name + "\" " + problem + "; no logo is shown");
  return problem.empty();
}

}  // namespace

bool clinic_poll(ClinicState& s, const Content& content) {
  if (s.resolved) return s.logo_asked && !s.logo_done && poll_logo(s);
  if (sb_clinic_state() == 0) return false;
  s.resolved = true;
  const int size = sb_clinic_size();
  if (size > static_cast<int>(kClinicFileMaxBytes)) {
    s.load = clinic_too_big(static_cast<size_t>(size));
  } else {
    std::string text(static_cast<size_t>(size), '\0');
    if (size > 0) sb_clinic_take(text.data(), size);
    s.load = load_clinic(text, content);
  }
  warn(clinic_console_line(s.load));
  if (s.load.used && !s.load.clinic.logo.empty()) {
    s.logo_asked = true;
    sb_clinic_fetch_logo(s.load.clinic.logo.c_str());
  }
  return true;
}

const ClinicConfig* clinic_in_use(const ClinicState& s) { return s.load.used ? &s.load.clinic : nullptr; }

bool embed_mode() { return sb_embed_mode() != 0; }

void embed_configure(const ClinicState& s) {
  std::string origins = "[";
  if (const ClinicConfig* c = clinic_in_use(s)) {
    for (const std::string& o : c->embed_origins) {
      if (origins.size() > 1) origins += ',';
      json_append_string(origins, o);
    }
  }
  origins += "]";
  const ClinicConfig* c = clinic_in_use(s);
  sb_embed_configure(origins.c_str(), c && c->completion_message ? 1 : 0);
}

void embed_ready(ClinicState& s) {
  if (s.ready_posted) return;
  s.ready_posted = true;
  sb_embed_ready();
}

void embed_session(const char* type, const std::string& fields_json) { sb_embed_session(type, fields_json.c_str()); }


}  // namespace sb
