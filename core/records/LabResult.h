#pragma once

#include <QString>
#include <optional>

namespace ward {

// One laboratory test result: one FHIR Observation (category laboratory) coded with JLAC10 (JP Core), plus
// LOINC when the mapping is known.
struct LabResult
{
    enum class Flag { Normal, Low, High };  // FHIR interpretation (v3-ObservationInterpretation N / L / H)

    QString jlac10;  // 17-character JLAC10 code, system RecordCodec::kJlac10System
    QString loinc;   // empty when no LOINC mapping is known
    QString name;    // test name as the laboratory prints it (code.text), e.g. "AST"
    double value = 0;
    QString unit;    // UCUM unit, e.g. "U/L", "mg/dL", "10*3/uL"
    std::optional<double> low;   // reference range
    std::optional<double> high;
    Flag flag = Flag::Normal;

    // The flag the reference range gives for this value (what the laboratory system reports).
    static Flag flagFor(double value, std::optional<double> low, std::optional<double> high);
    // The UCUM unit as a person reads it on a lab sheet: "10*3/uL" → "×10³/µL", "ug/mL" → "µg/mL". Other units
    // are already readable and come back unchanged.
    static QString displayUnit(const QString& ucum);
};

} // namespace ward
