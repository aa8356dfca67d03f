#pragma once

#include "card/CardInspection.h"
#include "ui/theme/StatusBadge.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace ward {

class ReaderMonitor;

// Issuing an IC card (issue 12): the clerk puts the new card in the desk's reader, the card is read off the UI
// thread (CardInspection on the thread pool: the PIV certificate and a challenge the card signs), and the page shows
// whose card it will become, the certificate's name, issuer, serial and validity, and asks for confirmation. Only a
// card the desk may issue (readable, proven, valid now, made for this person's staff ID) can be confirmed; pulling it
// before the confirmation takes it back off the page. The reader holding the clerk's own card is never read.
class CardIssuePage : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, NoCardService, NoReader, WaitingForCard, Reading, Ready, Refused, Binding };
    Q_ENUM(State)

    CardIssuePage(ReaderMonitor* readers, QString sessionReader, QWidget* parent = nullptr);

    // Starts issuing a card to `person` (the hub's staff/person answer), the reason prefilled. A card already in a
    // desk reader is read at once.
    void begin(const QJsonObject& person, const QString& reason);
    // Stops watching the readers (the page is left); a read in progress is dropped.
    void stop();
    // The hub has the binding request / refused it (the message says why); the card stays on the page.
    void bindingStarted();
    void bindingRefused(const QString& message);

    State state() const { return m_state; }
    // What the page says now (the status banner's text).
    QString message() const;
    const CardInspection& card() const { return m_card; }
    QString reader() const { return m_reader; }
    QJsonObject person() const { return m_person; }
    void setPerson(const QJsonObject& person) { m_person = person; }
    // The readers a new card may be put in: every reader but the session's.
    QStringList deskReaders() const;

signals:
    void confirmed(const QJsonObject& person, const ward::CardInspection& card, const QString& reason);
    void cancelled();
    void stateChanged(ward::CardIssuePage::State state);

private:
    void look();
    void read(const QString& reader);
    void inspected(quint64 generation);
    void cardInserted(const QString& reader);
    void cardRemoved(const QString& reader);
    void setState(State state, StatusTone tone, IconName icon, const QString& message);
    void showCard(bool shown);
    void updateConfirm();
    QString refusal(const CardInspection& card) const;

    QPointer<ReaderMonitor> m_monitor;
    QString m_sessionReader;
    bool m_active = false;
    quint64 m_generation = 0;
    bool m_removedWhileReading = false;
    State m_state = State::Idle;
    QJsonObject m_person;
    QString m_reader;
    CardInspection m_card;
    QFutureWatcher<CardInspection> m_watcher;

    StatusBadge* m_title;
    StatusBadge* m_status;
    QWidget* m_details;
    QLabel* m_holder;
    QLabel* m_subject;
    QLabel* m_issuer;
    QLabel* m_serial;
    QLabel* m_validity;
    QLineEdit* m_reason;
    QPushButton* m_confirm;
};

} // namespace ward
