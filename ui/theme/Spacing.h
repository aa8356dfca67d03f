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
    // Issue 11: touch targets at least 9 mm; 36 px is 9 mm at 100 dpi (a 15" 1280×800 ward panel).
    static constexpr double kTouchTargetMm = 9.0;
    static constexpr int kMinTouchTargetPx = 36;

    // 9 mm on the primary screen (never less than kMinTouchTargetPx).
    static int touchTargetPx();
};

} // namespace ward
