#pragma once

#include <QString>

namespace ward {

// One thing wrong with an entry, tied to the field the user must fix.
struct ValidationProblem
{
    QString field;    // content field ("temperature", "jlac10", "subject", …); empty for the whole body
    QString message;  // readable, translated
};

} // namespace ward
