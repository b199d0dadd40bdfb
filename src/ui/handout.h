// handout: the printable handout of a prescription as JSON for web/handout.js: clinic,
// title, note, pain limit and review date, each exercise with its steps, dosage and three key
// poses of the figure (as the app draws them, handed over as 2D capsules for SVG), and the
// QR code's modules. The page builds it with text and SVG nodes only.
#pragma once

#include <string>

#include "core/clip.h"
#include "core/content.h"
#include "core/prescription.h"
#include "core/strings.h"
#include "ui/qr.h"
#include "ui/theme.h"

namespace sb {

constexpr float kHandoutPoseBox_px = 160.0f;  // each key pose is drawn in a square this size

std::string handout_json(const Strings& strings, const Content& content, const ClipLoad& clips, const Palette& palette,
                         const Prescription& p, const std::string& link, const QrCode& qr);

}  // namespace sb
