// widgets: text blocks and buttons.
#include "ui/widgets.h"

#include <string>

namespace sb {

void text_block(Ui& ui, std::string_view id, std::string_view text, ImFont* font, const ImVec4& color,
                float wrap_width, Align align) {
  ImGui::PushFont(font);
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  ImVec2 size = ImGui::CalcTextSize(begin, end, false, wrap_width);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (align == Align::Center) {
    // Centre each wrapped line on its own.
    float y = pos.y;
    const char* line = begin;
    float line_h = ImGui::GetTextLineHeight();
    while (line < end) {
      const char* line_end = font->CalcWordWrapPositionA(ImGui::GetFontSize() / font->FontSize, line, end, wrap_width);
      if (line_end == line) line_end = line + 1;
      const char* visible_end = line_end;
      while (visible_end > line && (visible_end[-1] == ' ' || visible_end[-1] == '\n')) --visible_end;
      float w = ImGui::CalcTextSize(line, visible_end).x;
      dl->AddText(ImVec2(pos.x + (wrap_width - w) * 0.5f, y), to_u32(color), line, visible_end);
      y += line_h;
      line = line_end;
      while (line < end && (*line == ' ' || *line == '\n')) ++line;
    }
    ImGui::Dummy(ImVec2(wrap_width, y - pos.y));
    ui.layout.add(id, LayoutKind::Text, pos.x, pos.y, wrap_width, y - pos.y, false);
  } else {
    dl->AddText(font, ImGui::GetFontSize(), pos, to_u32(color), begin, end, wrap_width);
    ImGui::Dummy(ImVec2(wrap_width, size.y));
    ui.layout.add(id, LayoutKind::Text, pos.x, pos.y, size.x, size.y, size.x > wrap_width + 0.5f);
  }
  ImGui::PopFont();
}

float text_block_height(std::string_view text, ImFont* font, float wrap_width) {
  ImGui::PushFont(font);
  float h = ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, wrap_width).y;
  ImGui::PopFont();
  return h;
}

bool primary_button(Ui& ui, std::string_view id, std::string_view label, float width, float height) {
  if (height < 44.0f) height = 44.0f;
  ImGui::PushFont(ui.fonts.button);
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.on_primary);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, height * 0.5f);
  std::string imgui_label(label);
  imgui_label += "##";
  imgui_label += id;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::Button(imgui_label.c_str(), ImVec2(width, height));
  float text_w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ui.layout.add(id, LayoutKind::Button, pos.x, pos.y, width, height, text_w > width - 16.0f);
  return pressed;
}

}  // namespace sb
