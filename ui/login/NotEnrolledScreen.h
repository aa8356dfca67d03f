#pragma once

#include <QWidget>

class QLabel;

namespace ward {

// What a terminal shows when it is not enrolled — after a wipe (DATA-5), or before IT enrols it: no login, only how
// to enrol it again, and whether the record of its disposal still has to reach the hub.
// Object names for tests: "notEnrolledTitle", "notEnrolledDisposal".
class NotEnrolledScreen : public QWidget
{
    Q_OBJECT

public:
    explicit NotEnrolledScreen(QWidget* parent = nullptr);

    // The disposal record's delivery: empty when it reached the hub (or there was none).
    void setDisposalNotice(const QString& text);
    QString disposalNotice() const;

private:
    QLabel* m_disposal;
};

} // namespace ward
