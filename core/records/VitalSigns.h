#pragma once

#include <optional>

namespace ward {

// One set of vital signs measured together: one FHIR Observation (category vital-signs). Units are fixed
// (UCUM): °C (Cel), /min, mm[Hg], % — what a Japanese ward writes on the 温度板. At least one is present;
// blood pressure only as a pair.
struct VitalSigns
{
    std::optional<double> temperature;  // LOINC 8310-5, Cel
    std::optional<double> pulse;        // LOINC 8867-4, /min
    std::optional<double> systolic;     // LOINC 8480-6 inside the 85354-9 panel, mm[Hg]
    std::optional<double> diastolic;    // LOINC 8462-4 inside the 85354-9 panel, mm[Hg]
    std::optional<double> spo2;         // LOINC 59408-5, %
    std::optional<double> respRate;     // LOINC 9279-1, /min
};

} // namespace ward
