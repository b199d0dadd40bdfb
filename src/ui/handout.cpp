// handout: the handout's data, key poses included.
#include "ui/handout.h"

#include <cmath>
#include <cstdio>
#include <memory>

#include "core/dosage_text.h"
#include "core/json.h"
#include "ui/figure_view.h"
#include "ui/poses.h"

namespace sb {

namespace {

void add_field(std::string& out, const char* key, const std::string& value) {
  json_append_string(out, key);
  out += ':';
  json_append_string(out, value);
  out += ',';
}

// The figure at a key pose as [[ax,ay,bx,by,radius,"#rrggbb",alpha],...] in a square box,
// from the same capsules the WebGL renderer draws (soft shadows left out).
std::string pose_capsules(const Clip& clip, const Exercise& e, const FigureFrame& frame, const Palette& palette) {
  static const auto batch = std::make_unique<CapsuleBatch>();  // 6 KiB: kept off the stack
  FigureSlot slot;
  slot.w = slot.h = kHandoutPoseBox_px;
  const FigureFit fit = fit_figure(clip, slot.w, slot.h);
  batch->count = 0;
  figure_batch(clip, fit, frame, slot, palette, target_mask(e), *batch);
  std::string out = "[";
  char buf[96];
  for (int i = 0; i < batch->count; ++i) {
    const Capsule2D& c = batch->items[static_cast<size_t>(i)];
    if (c.softness_px > 0 || c.radius_px <= 0 || c.a <= 0) continue;
    auto byte = [](float v) { return static_cast<int>(std::lround(std::fmin(1.0f, std::fmax(0.0f, v)) * 255.0f)); };
    std::snprintf(buf, sizeof buf, "%s[%.1f,%.1f,%.1f,%.1f,%.1f,\"#%02x%02x%02x\",%.2f]", out.size() > 1 ? "," : "", c.ax, c.ay,
                  c.bx, c.by, c.radius_px, byte(c.r), byte(c.g), byte(c.b), c.a);
    out += buf;
  }
  return out + "]";
}

}  // namespace

std::string handout_json(const Strings& strings, const Content& content, const ClipLoad& clips, const Palette& palette,
                         const Prescription& p, const std::string& link, const QrCode& qr) {
  std::string out = "{";
  add_field(out, "heading", strings.get("handout.heading"));
  add_field(out, "title", p.title);
  add_field(out, "clinic", p.clinic);
  add_field(out, "note", p.note);
  add_field(out, "noteTitle", strings.get("handout.note"));
  add_field(out, "pain", strings.format("prescription.pain", {{"n", std::to_string(p.pain_threshold)}}));
  add_field(out, "review", p.review_date.empty() ? "" : strings.format("prescription.review", {{"date", p.review_date}}));
  add_field(out, "stepsTitle", strings.get("handout.steps"));
  add_field(out, "qrTitle", strings.get("handout.qr"));
  add_field(out, "qrLabel", strings.get("handout.qr_label"));
  add_field(out, "link", link);
  add_field(out, "print", strings.get("handout.print"));
  add_field(out, "close", strings.get("handout.close"));
  out += "\"poseLabels\":[";
  const char* kPoseKeys[kKeyPoseCount] = {"poses.start", "poses.move", "poses.hold"};
  for (int k = 0; k < kKeyPoseCount; ++k) {
    if (k) out += ',';
    json_append_string(out, strings.get(kPoseKeys[k]));
  }
  out += "],\"box\":" + std::to_string(static_cast<int>(kHandoutPoseBox_px));
  out += ",\"qr\":" + qr_rows_json(qr) + ",\"quiet\":" + std::to_string(kQrQuietModules) + ",\"exercises\":[";
  const FigureFrame frames[kKeyPoseCount] = {{Phase::Start, 0.0, Side::Left}, {Phase::MoveIn, 1.0, Side::Left},
                                             {Phase::Hold, 0.5, Side::Left}};
  for (size_t i = 0; i < p.items.size(); ++i) {
    const Exercise* e = content.find_exercise(p.items[i].exercise);
    if (!e) continue;
    if (out.back() != '[') out += ',';
    out += '{';
    add_field(out, "name", std::to_string(i + 1) + ". " + e->name);
    add_field(out, "dosage", dosage_line(strings, p.items[i].dosage, e->per_side, e->timed));
    out += "\"steps\":[";
    for (size_t k = 0; k < e->steps.size(); ++k) {
      if (k) out += ',';
      json_append_string(out, e->steps[k]);
    }
    out += "],\"poses\":[";
    if (const Clip* clip = clips.find(e->id)) {
      for (int k = 0; k < kKeyPoseCount; ++k) {
        if (k) out += ',';
        out += pose_capsules(*clip, *e, frames[k], palette);
      }
    }
    out += "]}";
  }
  return out + "]}";
}

}  // namespace sb
