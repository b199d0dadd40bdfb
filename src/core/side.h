// side: which side of the body a per-side exercise is working (shared by the session
// timeline and the animation clips).
#pragma once

namespace sb {

// None: not a per-side exercise (clips then play their authored side, the left).
enum class Side { None, Left, Right };

}  // namespace sb
