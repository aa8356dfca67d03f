#pragma once

#include <QString>

namespace ward {

// An allergy or intolerance: one FHIR AllergyIntolerance.
struct AllergyRecord
{
    enum class Category { Medication, Food, Environment };
    enum class Severity { Unknown, Mild, Moderate, Severe };  // of the reaction

    QString substance;        // as written (code.text), always present
    QString substanceCode;    // optional coded substance (e.g. YJ code of the drug)
    QString substanceSystem;  // its system URI; required when substanceCode is set
    Category category = Category::Medication;
    QString reaction;         // manifestation as text, optional
    Severity severity = Severity::Unknown;
};

} // namespace ward
