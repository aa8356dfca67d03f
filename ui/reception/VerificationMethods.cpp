#include "ui/reception/VerificationMethods.h"

#include <QComboBox>

namespace ward {

void VerificationMethods::fill(QComboBox* box)
{
    box->clear();
    box->addItem(tr("Driving licence"), QStringLiteral("driving-licence"));
    box->addItem(tr("My Number card"), QStringLiteral("my-number-card"));
    box->addItem(tr("Passport"), QStringLiteral("passport"));
    box->addItem(tr("Residence card"), QStringLiteral("residence-card"));
    box->addItem(tr("Known in person by the ward manager (signed form)"), QStringLiteral("manager-attestation"));
}

} // namespace ward
