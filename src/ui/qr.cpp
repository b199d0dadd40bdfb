// qr: encoding with qrcodegen (C library) and drawing the modules.
#include "ui/qr.h"

#include <algorithm>
#include <cmath>

extern "C" {
#include <qrcodegen.h>
}

namespace sb {

namespace {

constexpr int kQrVersionMax = 20;  // 97 modules: far more than a 2 KiB link needs

}  // namespace

QrCode make_qr(std::string_view text) {
  QrCode out;
  std::string zero_terminated(text);
  std::vector<uint8_t> code(qrcodegen_BUFFER_LEN_FOR_VERSION(kQrVersionMax));
  std::vector<uint8_t> temp(code.size());
  if (!qrcodegen_encodeText(zero_terminated.c_str(), temp.data(), code.data(), qrcodegen_Ecc_MEDIUM,
                            qrcodegen_VERSION_MIN, kQrVersionMax, qrcodegen_Mask_AUTO, true)) {
    return out;
  }
  out.size = qrcodegen_getSize(code.data());
  out.modules.resize(static_cast<size_t>(out.size * out.size));
  for (int y = 0; y < out.size; ++y) {
    for (int x = 0; x < out.size; ++x) out.modules[static_cast<size_t>(y * out.size + x)] = qrcodegen_getModule(code.data(), x, y) ? 1 : 0;
  }
  return out;
}

void draw_qr(Ui& ui, std::string_view id, const QrCode& qr, float side_px) {
  if (qr.size <= 0) return;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const int total = qr.size + 2 * kQrQuietModules;
  // Whole device pixels per module keep the edges sharp for a camera.
  const float dpr = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
  const float module_px = std::max(1.0f, std::floor(side_px * dpr / static_cast<float>(total))) / dpr;
  const float side = module_px * static_cast<float>(total);
  const float x0 = std::round((pos.x + (side_px - side) * 0.5f) * dpr) / dpr, y0 = std::round(pos.y * dpr) / dpr;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + side, y0 + side), IM_COL32(255, 255, 255, 255), 8.0f);
  const ImU32 ink = IM_COL32(0, 0, 0, 255);
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (!qr.dark(x, y)) continue;
      // Runs of dark modules on a row become one rectangle.
      int run = 1;
      while (x + run < qr.size && qr.dark(x + run, y)) ++run;
      const float left = x0 + module_px * static_cast<float>(x + kQrQuietModules);
      const float top = y0 + module_px * static_cast<float>(y + kQrQuietModules);
      dl->AddRectFilled(ImVec2(left, top), ImVec2(left + module_px * static_cast<float>(run), top + module_px), ink);
      x += run - 1;
    }
  }
  ui.layout.add(id, LayoutKind::Figure, x0, y0, side, side);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, y0 + side));
}

std::string qr_rows_json(const QrCode& qr) {
  std::string out = "[";
  for (int y = 0; y < qr.size; ++y) {
    if (y) out += ',';
    out += '"';
    for (int x = 0; x < qr.size; ++x) out += qr.dark(x, y) ? '1' : '0';
    out += '"';
  }
  return out + "]";
}

}  // namespace sb
