// sdl_trim: keeps SDL's software blitters out of the wasm.
//
// The app draws everything with WebGL; it never copies one SDL surface onto another. SDL's
// video core still reaches its ~150 kB of pixel-format blitters through SDL_MapSurface ->
// SDL_CalculateBlit, so the link wraps that one function (-Wl,--wrap=SDL_CalculateBlit)
// and this replacement refuses, which leaves every blitter unreferenced for the linker to
// drop. Should SDL ever need a blit, the call fails with an SDL error instead of crashing.
#include <SDL.h>

extern "C" int __wrap_SDL_CalculateBlit(SDL_Surface* surface) {
  (void)surface;
  return SDL_SetError("software blits are not part of this build");
}
