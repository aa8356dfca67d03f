#include "records/LabResult.h"

namespace ward {

LabResult::Flag LabResult::flagFor(double value, std::optional<double> low, std::optional<double> high)
{
    if (low && value < *low)
        return Flag::Low;
    if (high && value > *high)
        return Flag::High;
    return Flag::Normal;
}

} // namespace ward
