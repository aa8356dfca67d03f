#pragma once

#include <QString>

namespace ward {

// A progress note (経過記録, LOINC 11506-3) or nursing note (看護記録, LOINC 34746-8): one FHIR Composition
// whose sections carry the author's text: S/O/A/P sections, or one free-text section.
struct ClinicalNote
{
    enum class Format { Soap, Text };

    Format format = Format::Soap;
    QString subjective;
    QString objective;
    QString assessment;
    QString plan;
    QString text;  // Format::Text only
};

} // namespace ward
