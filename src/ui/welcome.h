// welcome: the first screen: the product's name, what it is, and one big Start.
#pragma once

#include "ui/widgets.h"

namespace sb {

enum class WelcomeAction { None, Start, About };

// Draws the welcome screen over the whole window.
WelcomeAction draw_welcome(Ui& ui);

}  // namespace sb
