#pragma once

namespace ward {

// The spacing steps every layout and the stylesheet use, and the smallest touch target.
class Spacing
{
public:
    static constexpr int kXs = 4;
    static constexpr int kS = 8;
    static constexpr int kM = 12;
    static constexpr int kL = 16;
    static constexpr int kXl = 24;
    // Issue 11: touch targets at least 9 mm, and never under 44 px (gloved fingers on low-dpi ward panels,
    // where 9 mm is only 34–36 px).
    static constexpr double kTouchTargetMm = 9.0;
    static constexpr int kMinTouchTargetPx = 44;

    // 9 mm on the primary screen (never less than kMinTouchTargetPx).
    static int touchTargetPx();
};

} // namespace ward
