#pragma once

#include <QCoreApplication>

class QComboBox;

namespace ward {

// The identity documents the desk accepts when it registers a person or resets a password (REQUIREMENTS
// AUTH-3, AUTH-12): the hub records the method and the document's reference with the change.
class VerificationMethods
{
    Q_DECLARE_TR_FUNCTIONS(VerificationMethods)

public:
    // Fills `box` with the methods (item data: the stable key the hub stores).
    static void fill(QComboBox* box);
};

} // namespace ward
