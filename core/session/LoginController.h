#pragma once

#include "auth/PasswordPolicy.h"
#include "card/CardAuthenticator.h"
#include "session/LoginAttempt.h"
#include "session/LoginVerdict.h"
#include "session/PasswordChange.h"
#include "session/UserSession.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace ward {

class LoginBackend;
class ReaderMonitor;
class Vault;

// The login flow as a state machine (AUTH-1…AUTH-9), free of widgets so it is tested without a display:
//   WaitingForCard → ReadingCard → PasswordEntry → Verifying → (ChangePasswordRequired → ChangingPassword →
//   Verifying) → LoggedIn. From the policy's warning day (AUTH-6) a right password first stops at
//   PasswordExpiring: change now (ChangePasswordRequired, with a way back) or later (LoggedIn).
// Never blocks the UI thread: the card is read by CardAuthenticator's worker, Argon2 and the vault run in the
// backends' workers, the hub over QNetworkAccessManager. Time (the AUTH-5 non-response delay) comes from
// Clock::instance().
class LoginController : public QObject
{
    Q_OBJECT

public:
    enum class State {
        WaitingForCard,
        ReadingCard,
        PasswordEntry,
        Verifying,
        ChangePasswordRequired,
        ChangingPassword,
        PasswordExpiring,  // AUTH-6: the login succeeded inside the warning period; the user chooses
        LoggedIn,
    };
    Q_ENUM(State)

    struct Config
    {
        QString terminalId;
        bool allowUidBadges = false;              // hospital policy: UID badges are weak (DESIGN)
        QHash<QByteArray, QString> uidBindings;   // UID -> user ID (from the hub's card directory)
        PasswordPolicy policy;
        // The readers that log in (empty: any). A terminal may also carry a contact reader for other cards
        // (e.g. an HPKI signing card) that must not start a login.
        QStringList loginReaders;
    };

    // online may be null (no hub configured); offline may be null (no vault yet). Not owned.
    LoginController(LoginBackend* online, LoginBackend* offline, Config config, QObject* parent = nullptr);
    ~LoginController() override;

    // Connects the card stack; the monitor's signals arrive queued from its thread.
    void attachCardStack(ReaderMonitor* monitor, CardAuthenticator* authenticator);
    // Seam for unit tests: how identification of a reader's card is requested.
    void setIdentifier(std::function<void(const QString& reader)> identify) { m_identify = std::move(identify); }
    // Seam for tests: what the presented card adds to the vault key slot (default: ECDH on the PIV card).
    using CardKeySource = std::function<CardKeyAgreement(const QString& reader, const CardIdentity& card)>;
    void setCardKeySource(CardKeySource source) { m_cardKey = std::move(source); }

    State state() const { return m_state; }
    QString userId() const { return m_userId; }
    QString message() const { return m_message; }
    bool isErrorMessage() const { return m_messageIsError; }
    // AUTH-5: the password field stays disabled while the non-response delay runs.
    bool passwordInputEnabled() const;
    qint64 delayRemainingMs() const;
    bool isFallback() const { return !m_fallbackCode.isEmpty(); }
    bool isEmergency() const { return m_emergency.emergency; }
    const LoginVerdict& lastVerdict() const { return m_verdict; }
    // AUTH-6: whole days until the password must be changed while PasswordExpiring (or an optional change
    // started from it) is shown; -1 otherwise.
    int expiryWarningDays() const { return m_held ? m_held->expiryWarningDays : -1; }
    // The change offered in the warning period needs the hub; offline the warning is shown without it.
    bool canChangePasswordNow() const { return m_held && m_held->online; }
    // The change on screen can be put off (offered in the warning period, not forced by expiry).
    bool isChangeOptional() const { return m_held.has_value(); }
    // AUTH-6: the warning shown from the policy's warning day on.
    static QString expiryText(int daysLeft, bool online);
    // The vault opened by the successful login; the session shell takes it over.
    std::shared_ptr<Vault> vault() const { return m_vault; }
    UserSession session() const { return m_session; }
    // The user ID a proven card claims (PIV: the certificate's CN; UID badge: the hub's binding, only when
    // the policy allows badges). Empty when the card names nobody. The lock screen asks the same question.
    QString userFor(const CardIdentity& card) const;
    // A session that began here was taken over at the lock screen (SES-5): the controller keeps waiting in
    // LoggedIn (no login while a session runs) but lets go of the first session's vault.
    void releaseVault();

public slots:
    void cardInserted(const QString& reader, const QByteArray& atr = QByteArray());
    void cardIdentified(const QString& reader, const ward::CardAuthenticator::Result& result);
    void cardRemoved(const QString& reader);
    void readersChanged(const QStringList& readers);
    void serviceAvailable();
    void serviceUnavailable();

    void submitPassword(const ward::SecureBytes& password);
    // AUTH-6: the old password is required; the new one is checked with PasswordRules before the hub sees it.
    void submitPasswordChange(const ward::SecureBytes& oldPassword, const ward::SecureBytes& newPassword,
                              const ward::SecureBytes& confirmation);
    // AUTH-2: card-less login with a one-time code issued by reception (online only).
    void startFallback(const QString& userId, const QString& code);
    // BCP-1: a ward's emergency account (online, or offline through the ward's emergency slot): the account from the
    // sealed letter, the name of the person really at the terminal, the reason (not needed for the periodic test).
    // The letter's password follows.
    void startEmergency(const QString& accountId, const QString& realName, const QString& reason, bool test);
    // AUTH-6 in the warning period: change the password now (the login resumes with the new one) …
    void changePasswordNow();
    // … or keep working with the current one (the session starts from the held verdict).
    void continueWithoutChange();
    // Back to the card prompt (cancel, or after logout/lock by the shell). Forgets everything typed.
    void reset();
    // Re-reads the delay (the countdown timer calls it; tests with a ManualClock may too).
    void updateDelay();

signals:
    void stateChanged(ward::LoginController::State state);
    void messageChanged(const QString& message, bool isError);
    // Seconds left of the AUTH-5 delay; 0 when input is enabled again.
    void delayChanged(int secondsLeft);
    void loggedIn(const ward::UserSession& session);
    // Emitted just before loggedIn, while the verified password is still held (the caller copies what it
    // needs, e.g. to unwrap the signing key, DATA-3); the controller forgets it right after.
    void passwordVerified(const QString& userId, const ward::SecureBytes& password);

private:
    void setState(State state);
    void setMessage(const QString& message, bool isError);
    void runLogin(LoginAttempt attempt, bool offlineOnly);
    void loginAnswered(const LoginVerdict& verdict, bool fromOffline);
    void changeAnswered(const PasswordChangeVerdict& verdict);
    void startDelay(qint64 ms);
    void finishLogin(const LoginVerdict& verdict, const SecureBytes& password);
    void backToCard(const QString& message, bool isError);

    LoginBackend* m_online;
    LoginBackend* m_offline;
    Config m_config;
    std::function<void(const QString&)> m_identify;
    CardKeySource m_cardKey = &CardAuthenticator::keyAgreementFor;

    State m_state = State::WaitingForCard;
    QString m_reader;
    CardIdentity m_card;
    QString m_userId;
    QString m_fallbackCode;
    LoginAttempt m_emergency;  // only its emergency fields: who, why, test
    QString m_message;
    bool m_messageIsError = false;
    bool m_serviceDown = false;
    bool m_noReader = false;
    int m_identifyRetries = 0;
    int m_failuresThisCard = 0;    // AUTH-5: consecutive refusals since the card was presented
    quint64 m_generation = 0;      // answers for an abandoned attempt (card pulled) are dropped
    quint64 m_pending = 0;
    LoginAttempt m_inFlight;       // kept only while a backend decides (the offline retry needs it)
    SecureBytes m_changedPassword; // the new password, for the login that follows a successful change
    LoginVerdict m_verdict;
    qint64 m_delayUntilMs = 0;
    QTimer m_delayTimer;
    std::shared_ptr<Vault> m_vault;
    UserSession m_session;
    // AUTH-6: the successful verdict and its password, held only while the user answers the expiry offer.
    std::optional<LoginVerdict> m_held;
    SecureBytes m_heldPassword;
};

} // namespace ward
