#include "ui/login/NotEnrolledScreen.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ward {

NotEnrolledScreen::NotEnrolledScreen(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("notEnrolledScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto* title = new QLabel(tr("This terminal is not enrolled"), this);
    title->setObjectName(QStringLiteral("notEnrolledTitle"));
    title->setProperty("role", QStringLiteral("heading"));
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    auto* how = new QLabel(tr("It holds no patient data and nobody can log in. To use it again, IT issues an enrolment code "
                              "for a ward at the hub and enrols it:\nwardstation --enrol --hub URL --code CODE "
                              "--hub-ca-fingerprint HEX --data-dir DIR"),
                           this);
    how->setAlignment(Qt::AlignCenter);
    how->setWordWrap(true);
    how->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(how);
    m_disposal = new QLabel(this);
    m_disposal->setObjectName(QStringLiteral("notEnrolledDisposal"));
    m_disposal->setAlignment(Qt::AlignCenter);
    m_disposal->setWordWrap(true);
    m_disposal->setVisible(false);
    layout->addWidget(m_disposal);
    layout->addStretch(2);
}

void NotEnrolledScreen::setDisposalNotice(const QString& text)
{
    m_disposal->setText(text);
    m_disposal->setVisible(!text.isEmpty());
}

QString NotEnrolledScreen::disposalNotice() const
{
    return m_disposal->text();
}

} // namespace ward
