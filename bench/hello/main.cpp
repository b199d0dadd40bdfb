// hello: the smallest SDL2 + WebGL2 + Dear ImGui page, the floor for the app's benchmarks.
// One window with a line of text and a button; it renders only after input, like the app,
// and tells the page once its first frame is on screen.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

namespace {

struct Hello {
  SDL_Window* window = nullptr;
  int redraw_frames = 3;  // frames still to draw before going idle
  int clicks = 0;
  bool first_frame_done = false;
};

// The page's hook: sets the "sb-first-frame" performance mark (see index.html).
EM_JS(void, hello_first_frame, (), {
  if (window.helloFirstFrame) window.helloFirstFrame();
});

void frame(void* arg) {
  Hello& h = *static_cast<Hello*>(arg);
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    h.redraw_frames = 3;
  }
  if (h.redraw_frames <= 0) return;
  --h.redraw_frames;

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(20, 20), ImGuiCond_Always);
  ImGui::Begin("Hello", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::Text("Hello from SDL2 and Dear ImGui");
  if (ImGui::Button("Press me")) ++h.clicks;
  ImGui::End();
  ImGui::Render();

  int fb_w = 0, fb_h = 0;
  SDL_GL_GetDrawableSize(h.window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.95f, 0.95f, 0.93f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(h.window);
  if (!h.first_frame_done) {
    h.first_frame_done = true;
    hello_first_frame();
  }
}

}  // namespace

int main() {
  if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  auto* h = new Hello();
  h->window = SDL_CreateWindow("Hello", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 800, 600,
                               SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!h->window) return 1;
  SDL_GLContext gl = SDL_GL_CreateContext(h->window);
  if (!gl) return 1;
  SDL_GL_MakeCurrent(h->window, gl);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(h->window, gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_main_loop_arg(frame, h, 0, false);
  return 0;
}
