#pragma once

#include <QString>

namespace ward {

// A standing alert about the patient that is not an allergy: one FHIR R4 Flag. The census and the chart banner
// show it as an icon with its words (issue 11); the text is what the nurse needs to act on and is always given.
//
//   kind              Flag.category (flag-category)   Flag.code (RecordCodec::kWardFlagSystem)
//   infection         safety                          infection-precautions   e.g. 接触予防策（MRSA）
//   fall risk         safety                          fall-risk               e.g. 転倒転落リスク高（危険度II）
//   NPO (絶食)        diet                            npo                     e.g. 絶食（明朝の内視鏡検査のため）
//
// Flag.period.start is the clinical time (when the alert took effect). A lifted alert (precautions ended, meals
// restarted) is a new version with active = false (Flag.status inactive); the census shows active ones only.
struct PatientFlag
{
    enum class Kind { Infection, FallRisk, Npo };

    Kind kind = Kind::Infection;
    QString text;        // Flag.code.text, always present, one line
    bool active = true;  // Flag.status active / inactive
};

} // namespace ward
