#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace ward {

// The reason an administrative change needs before it is made (the hub keeps it in its audit with the person's
// name and terminal): the field, and a line under it that says what to write, or where the reason goes once given.
// One place for the pages that ask before a change (staff status, IC cards, terminal revocation).
class ChangeReason : public QWidget
{
    Q_OBJECT

public:
    // The field is named `<prefix>Reason`, its hint `<prefix>ReasonHint`.
    explicit ChangeReason(const QString& prefix, QWidget* parent = nullptr);

    QLineEdit* edit() const { return m_edit; }
    // The reason as the hub gets it (trimmed); empty while none is given.
    QString text() const;
    bool isGiven() const { return !text().isEmpty(); }
    void setPlaceholderText(const QString& text);
    // Empty again, the hint asking for a reason, the cursor in the field.
    void restart();

signals:
    void changed(bool given);
    // Enter in the field.
    void submitted();

private:
    void showHint();

    QLineEdit* m_edit;
    QLabel* m_hint;
};

} // namespace ward
