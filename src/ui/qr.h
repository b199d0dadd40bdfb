// qr: a prescription link as a QR code (Nayuki's QR Code generator, compiled from Debian's
// source package), drawn as ImGui rectangles dark on light whatever the theme, and handed to
// the printable handout as rows of modules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ui/widgets.h"

namespace sb {

constexpr int kQrQuietModules = 4;  // light border around the code, in modules (the standard's minimum)

struct QrCode {
  int size = 0;                  // modules per side; 0: no code
  std::vector<uint8_t> modules;  // size * size, row by row, 1 = dark
  bool dark(int x, int y) const { return modules[static_cast<size_t>(y * size + x)] != 0; }
};

// The QR code of text (medium error correction, raised when it costs no size); size 0 when
// text is too long for a code.
QrCode make_qr(std::string_view text);

// Draws qr at the cursor, side_px CSS px square with its quiet zone, recorded under id;
// moves the cursor below it.
void draw_qr(Ui& ui, std::string_view id, const QrCode& qr, float side_px);

// The modules as JSON rows of '0' and '1' (["0110...", ...]) for the handout's SVG.
std::string qr_rows_json(const QrCode& qr);

}  // namespace sb
