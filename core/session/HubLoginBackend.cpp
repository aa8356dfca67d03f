#include "session/HubLoginBackend.h"

#include "auth/PasswordPolicy.h"
#include "card/CardSession.h"
#include "card/PivCard.h"
#include "crypto/Certificate.h"
#include "crypto/Digest.h"
#include "session/LoginAudit.h"
#include "session/OfflineAccountCache.h"
#include "util/Clock.h"
#include "vault/KeySlotFile.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QtConcurrent>
#include <cmath>

namespace ward {

namespace {

// A terminal name from the hub is shown in the last-login banner: bounded like every displayed hub string.
constexpr int kMaxTerminalNameLength = 80;

QString passwordText(const SecureBytes& s)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(s.data()), static_cast<int>(s.size()));
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& x : v.toArray())
        out << x.toString();
    return out;
}

QString loginAction(const LoginAttempt& attempt)
{
    return attempt.emergency    ? QStringLiteral("login.emergency")
           : attempt.isFallback() ? QStringLiteral("login.fallback")
                                  : QStringLiteral("login");
}

QJsonObject auditDetail(const LoginAttempt& attempt, const QString& reason)
{
    return QJsonObject{{QStringLiteral("mode"), QStringLiteral("online")},
                       {QStringLiteral("card"), attempt.isCardless()                              ? QStringLiteral("none")
                                                : attempt.card.kind == CardIdentity::Kind::Piv ? QStringLiteral("piv")
                                                                                                : QStringLiteral("uid")},
                       {QStringLiteral("fallback"), attempt.isFallback()},
                       {QStringLiteral("emergency"), attempt.emergency},
                       {QStringLiteral("purpose"), attempt.purpose},
                       {QStringLiteral("reason"), reason}};
}

// Runs `work` on the global pool and `then` back on `context`'s thread.
template <typename T, typename Work, typename Then>
void runThen(QObject* context, Work work, Then then)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, then]() mutable {
        T value = watcher->result();
        watcher->deleteLater();
        then(std::move(value));
    });
    watcher->setFuture(QtConcurrent::run(work));
}

} // namespace

HubLoginBackend::HubLoginBackend(QUrl baseUrl, QSslConfiguration tls, QString vaultDir, QString terminalId,
                                 QObject* parent)
    : LoginBackend(parent)
    , m_base(std::move(baseUrl))
    , m_tls(std::move(tls))
    , m_dir(std::move(vaultDir))
    , m_terminal(std::move(terminalId))
{
}

QNetworkReply* HubLoginBackend::post(const QString& path, const QJsonObject& body)
{
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest r(url);
    r.setSslConfiguration(m_tls);
    r.setTransferTimeout(m_timeoutMs);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    // The body holds the password: Qt keeps its own copy until the request is sent (a known limit of
    // QNetworkAccessManager; the sync layer's HubClient has the same one).
    return m_net.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QNetworkReply* HubLoginBackend::get(const QString& path, const QString& bearerToken)
{
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest r(url);
    r.setSslConfiguration(m_tls);
    r.setTransferTimeout(m_timeoutMs);
    if (!bearerToken.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + bearerToken.toLatin1());
    return m_net.get(r);
}

QJsonObject HubLoginBackend::replyObject(QNetworkReply* reply)
{
    return QJsonDocument::fromJson(reply->readAll()).object();
}

LoginVerdict HubLoginBackend::transportFailure(QNetworkReply* reply)
{
    LoginVerdict v;
    v.outcome = LoginVerdict::Outcome::HubUnreachable;
    v.online = true;
    if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        v.message = tr("The hub refused this terminal's certificate (TLS handshake failed). Ask IT to check the "
                       "terminal's enrolment.");
    return v;
}

HubLoginBackend::CardSignature HubLoginBackend::signChallenge(const QString& reader, const QByteArray& challenge)
{
    CardSignature out;
    CardSession session;
    CardError error = session.open(reader);
    if (error == CardError::None) {
        error = session.runTransaction([&] {
            PivCard piv(session);
            const CardError selected = piv.select();
            if (selected != CardError::None)
                return selected;
            // The hub verifies ECDSA-with-SHA-256 over its challenge; a PIV card signs the digest it is given
            // (it does not hash), so the card gets SHA-256(challenge).
            const CardResult<QByteArray> sig =
                piv.sign(PivCard::kKeyCardAuth, PivCard::kAlgEccP256, Digest::sha256(challenge));
            out.signature = sig.value;
            return sig.error;
        });
    }
    if (error != CardError::None) {
        out.signature.clear();
        out.cardRemoved = error == CardError::CardRemoved || error == CardError::NoCard;
        out.error = CardErrors::message(error);
    }
    return out;
}

void HubLoginBackend::buildCardProof(const CardIdentity& card, const QString& reader, const ProofHandler& done)
{
    if (card.kind == CardIdentity::Kind::Uid) {
        done(QJsonObject{{QStringLiteral("kind"), QStringLiteral("uid")},
                         {QStringLiteral("uid"), QString::fromLatin1(card.uid.toHex())}},
             LoginVerdict());
        return;
    }
    // AUTH-1: the hub checks possession itself with a challenge it issued (no replay of an old answer).
    QNetworkReply* reply = post(QStringLiteral("/api/v1/session/challenge"), QJsonObject());
    connect(reply, &QNetworkReply::finished, this, [this, reply, reader, done] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError
            && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 0) {
            done(QJsonObject(), transportFailure(reply));
            return;
        }
        const QJsonObject o = replyObject(reply);
        const QByteArray challenge = QByteArray::fromBase64(o.value(QStringLiteral("challenge")).toString().toLatin1());
        if (challenge.size() != 32) {
            LoginVerdict v;
            v.outcome = LoginVerdict::Outcome::Failed;
            v.message = tr("The hub did not issue a card challenge (%1). Ask IT.")
                            .arg(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString());
            done(QJsonObject(), v);
            return;
        }
        runThen<CardSignature>(
            this, [reader, challenge] { return signChallenge(reader, challenge); },
            [challenge, done](CardSignature sig) {
                if (!sig.error.isEmpty()) {
                    LoginVerdict v;
                    v.outcome = LoginVerdict::Outcome::Failed;
                    v.message = sig.error;
                    done(QJsonObject(), v);
                    return;
                }
                done(QJsonObject{{QStringLiteral("kind"), QStringLiteral("piv")},
                                 {QStringLiteral("challenge"), QString::fromLatin1(challenge.toBase64())},
                                 {QStringLiteral("signature"), QString::fromLatin1(sig.signature.toBase64())}},
                     LoginVerdict());
            });
    });
}

void HubLoginBackend::login(const LoginAttempt& attempt)
{
    if (attempt.emergency) {
        // BCP-1: the letter's password, the real person and the reason; the hub flags and alerts.
        QJsonObject body{{QStringLiteral("accountId"), attempt.userId},
                         {QStringLiteral("password"), passwordText(attempt.password)},
                         {QStringLiteral("realName"), attempt.emergencyRealName},
                         {QStringLiteral("test"), attempt.emergencyTest}};
        if (!attempt.emergencyReason.isEmpty())
            body.insert(QStringLiteral("reason"), attempt.emergencyReason);
        QNetworkReply* reply = post(QStringLiteral("/api/v1/session/emergency"), body);
        connect(reply, &QNetworkReply::finished, this, [this, reply, attempt] { sessionAnswered(reply, attempt); });
        return;
    }
    if (attempt.isFallback()) {
        // AUTH-2: card-less; the code stands in for the card and is spent at the hub.
        QNetworkReply* reply = post(QStringLiteral("/api/v1/session/fallback"),
                                    QJsonObject{{QStringLiteral("userId"), attempt.userId},
                                                {QStringLiteral("code"), attempt.fallbackCode},
                                                {QStringLiteral("password"), passwordText(attempt.password)}});
        connect(reply, &QNetworkReply::finished, this, [this, reply, attempt] { sessionAnswered(reply, attempt); });
        return;
    }
    buildCardProof(attempt.card, attempt.reader, [this, attempt](const QJsonObject& proof, const LoginVerdict& failure) {
        if (proof.isEmpty()) {
            emit loginFinished(failure);
            return;
        }
        QNetworkReply* reply = post(QStringLiteral("/api/v1/session"),
                                    QJsonObject{{QStringLiteral("userId"), attempt.userId},
                                                {QStringLiteral("password"), passwordText(attempt.password)},
                                                {QStringLiteral("cardProof"), proof}});
        connect(reply, &QNetworkReply::finished, this, [this, reply, attempt] { sessionAnswered(reply, attempt); });
    });
}

void HubLoginBackend::sessionAnswered(QNetworkReply* reply, const LoginAttempt& attempt)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        emit loginFinished(transportFailure(reply));
        return;
    }
    const QJsonObject o = replyObject(reply);
    LoginVerdict v;
    v.online = true;
    if (status != 200) {
        const QJsonObject err = o.value(QStringLiteral("error")).toObject();
        const QString code = err.value(QStringLiteral("code")).toString();
        const QString hubMessage = err.value(QStringLiteral("message")).toString();
        v.outcome = LoginVerdict::Outcome::Failed;
        if (code == QLatin1String("login_failed")) {
            // The hub does not say which factor failed, nor (yet) how many attempts are left.
            v.outcome = LoginVerdict::Outcome::WrongPassword;
            // Read when the hub sends them (top level or inside "error"); the hub of today does not.
            const QJsonValue remaining = err.contains(QStringLiteral("remainingAttempts"))
                                             ? err.value(QStringLiteral("remainingAttempts"))
                                             : o.value(QStringLiteral("remainingAttempts"));
            v.remainingAttempts = remaining.isDouble() ? remaining.toInt() : -1;
            v.delayMs = std::max(err.value(QStringLiteral("retryAfterMs")).toInteger(),
                                 o.value(QStringLiteral("retryAfterMs")).toInteger());
            if (v.remainingAttempts < 0)
                v.message = tr("The password (or the card) was not accepted. Type the password again; after too "
                               "many failures the account is locked.");
        } else if (code == QLatin1String("throttled")) {
            v.outcome = LoginVerdict::Outcome::Throttled;
            v.message = hubMessage;
            v.delayMs = std::max(err.value(QStringLiteral("retryAfterMs")).toInteger(),
                                 o.value(QStringLiteral("retryAfterMs")).toInteger());
        } else if (code == QLatin1String("account_locked")) {
            v.outcome = LoginVerdict::Outcome::Locked;
        } else if (code == QLatin1String("account_disabled")) {
            v.outcome = LoginVerdict::Outcome::Disabled;
        } else if (code == QLatin1String("account_retired")) {
            v.outcome = LoginVerdict::Outcome::Retired;
        } else if (code == QLatin1String("temporary_password_expired")) {
            v.outcome = LoginVerdict::Outcome::TemporaryExpired;
        } else if (code == QLatin1String("password_change_required")) {
            // Both factors were right; the hub's text says whether the password expired or is temporary.
            v.outcome = LoginVerdict::Outcome::PasswordExpired;
            v.message = hubMessage;
        } else if (code == QLatin1String("fallback_code_invalid")) {
            v.outcome = LoginVerdict::Outcome::FallbackCodeInvalid;
        } else if (code == QLatin1String("emergency_account_spent")) {
            // Said here, in the terminal's language, from the facts the hub sends beside its code.
            v.outcome = LoginVerdict::Outcome::EmergencyUnavailable;
            const QDateTime used = QDateTime::fromString(err.value(QStringLiteral("firstUsedAt")).toString(), Qt::ISODateWithMs);
            v.message = used.isValid() ? tr("This emergency account was used on %1 and is closed until IT issues a new letter.")
                                             .arg(used.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                       : tr("This emergency account was used and is closed until IT issues a new letter.");
        } else if (code == QLatin1String("emergency_not_active")) {
            v.outcome = LoginVerdict::Outcome::EmergencyUnavailable;
            v.message = err.value(QStringLiteral("inUse")).toBool()
                            ? tr("This emergency account is in use; a test login is not possible now.")
                            : tr("This emergency account has no approved letter yet. Call IT.");
        } else if (status == 404 && attempt.emergency) {
            v.message = tr("This hub does not offer emergency accounts yet. Ask IT.");
        } else if (status == 404 && attempt.isFallback()) {
            v.message = tr("This hub does not offer card-less login yet. Ask IT.");
        } else {
            v.message = tr("The hub refused the login: %1").arg(hubMessage);
        }
        LoginAudit::recordPending(m_dir, attempt.userId,
                                  loginAction(attempt),
                                  QStringLiteral("denied"), auditDetail(attempt, QLatin1String(LoginVerdict::code(v.outcome))));
        rememberRefusal(attempt.userId, v.outcome);
        emit loginFinished(v);
        return;
    }
    if (attempt.emergency && o.value(QStringLiteral("test")).toBool()) {
        // BCP-1: the periodic test opens nothing; the hub recorded it as a test.
        v.outcome = LoginVerdict::Outcome::EmergencyTested;
        LoginAudit::recordPending(m_dir, attempt.userId, QStringLiteral("login.emergency"), QStringLiteral("success"),
                                  auditDetail(attempt, QStringLiteral("test")));
        emit loginFinished(v);
        return;
    }
    if (attempt.emergency) {
        const QJsonObject e = o.value(QStringLiteral("emergency")).toObject();
        v.emergency = true;
        v.emergencyRealName = attempt.emergencyRealName;
        v.emergencySessionMinutes = e.value(QStringLiteral("sessionMinutes")).toInt();
        v.emergencyUsableUntil = QDateTime::fromString(e.value(QStringLiteral("usableUntil")).toString(), Qt::ISODateWithMs);
        if (v.emergencySessionMinutes <= 0) {
            // Fail closed: an emergency session without its limit is not started.
            v.outcome = LoginVerdict::Outcome::Failed;
            v.message = tr("The hub's answer for the emergency account is incomplete. Call IT.");
            emit loginFinished(v);
            return;
        }
    }
    const QJsonObject profile = o.value(QStringLiteral("profile")).toObject();
    const QJsonObject pw = o.value(QStringLiteral("passwordStatus")).toObject();
    const QJsonObject last = o.value(QStringLiteral("lastLogin")).toObject();
    v.token = o.value(QStringLiteral("token")).toString();
    if (const auto cert = Certificate::fromPem(o.value(QStringLiteral("certificate")).toString().toLatin1()))
        v.liveCertificateSerial = cert->serialHex();
    v.displayName = profile.value(QStringLiteral("displayName")).toString();
    v.compartments = strings(profile.value(QStringLiteral("wards")));
    v.privileged = profile.value(QStringLiteral("privileged")).toBool();
    v.roles = strings(o.value(QStringLiteral("roles")));
    v.previousSuccessAt = QDateTime::fromString(last.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    v.previousSuccessTerminal = last.value(QStringLiteral("terminal")).toString();
    v.previousSuccessTerminalName = last.value(QStringLiteral("terminalName")).toString().left(kMaxTerminalNameLength);
    v.failuresSincePreviousSuccess = last.value(QStringLiteral("failedAttemptsSince")).toInt();
    v.expiryWarningDays = pw.contains(QStringLiteral("warningDays")) ? pw.value(QStringLiteral("warningDays")).toInt() : -1;
    v.outcome = LoginVerdict::Outcome::Ok;
    openVault(attempt, v, o);
}

void HubLoginBackend::rememberRefusal(const QString& userId, LoginVerdict::Outcome outcome)
{
    using O = LoginVerdict::Outcome;
    if (outcome != O::Locked && outcome != O::Disabled && outcome != O::Retired)
        return;
    // What the hub just said about the account holds offline too: a user disabled, retired or locked at the
    // hub cannot log in, unlock or take over with the slot still on this terminal once the hub is gone. The
    // vault is closed here, so it goes to the cache's local part, which can only restrict.
    OfflineAccountCache cache(OfflineAccountCache::pathFor(m_dir));
    if (!cache.load() || !cache.accounts.contains(userId))
        return;
    cache.refusals.insert(userId, QLatin1String(LoginVerdict::code(outcome)));
    cache.save();
}

void HubLoginBackend::openVault(const LoginAttempt& attempt, LoginVerdict verdict, const QJsonObject& answer)
{
    const QString dir = m_dir;
    const QString terminal = m_terminal;
    // The user's own slot first: the usual case, and no key leaves the hub.
    runThen<std::shared_ptr<Vault>>(
        this,
        [dir, terminal, attempt]() -> std::shared_ptr<Vault> {
            if (!Vault::exists(dir))
                return nullptr;
            try {
                KeySlotFile slotFile(Vault::slotFilePath(dir));
                slotFile.load();
                if (!slotFile.hasUserSlot(attempt.userId))
                    return nullptr;
                return Vault::openWithPassword(dir, terminal, attempt.userId, attempt.password, attempt.cardKey);
            } catch (const VaultError&) {
                return nullptr;  // password changed at the hub, or another card: rewrap below
            }
        },
        [this, attempt, verdict, answer](std::shared_ptr<Vault> vault) mutable {
            if (vault) {
                verdict.vault = std::move(vault);
                finishLogin(attempt, verdict, answer);
                return;
            }
            // First login here (or the slot is stale): the network slot opens the vault for this enrolled
            // terminal, and the user's slot is written so the next login also works offline. The hub releases it
            // only with the session token of this very login (issue 10).
            QNetworkReply* reply = get(QStringLiteral("/api/v1/network-slot-key"), verdict.token);
            connect(reply, &QNetworkReply::finished, this, [this, reply, attempt, verdict, answer]() mutable {
                reply->deleteLater();
                const QJsonObject o = replyObject(reply);
                QByteArray keyBytes = QByteArray::fromBase64(o.value(QStringLiteral("key")).toString().toLatin1());
                if (reply->error() != QNetworkReply::NoError || keyBytes.size() != 32) {
                    LoginVerdict v;
                    v.outcome = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 0
                                    ? LoginVerdict::Outcome::HubUnreachable
                                    : LoginVerdict::Outcome::Failed;
                    v.message = tr("The hub accepted the login but did not release this terminal's vault key. Ask "
                                   "IT to check the terminal's enrolment.");
                    emit loginFinished(v);
                    return;
                }
                const SecureBytes kek = SecureBytes::fromQByteArray(keyBytes);
                keyBytes.fill('\0');
                const QString dir = m_dir;
                const QString terminal = m_terminal;
                const Argon2Params kdf = m_kdf;
                struct Opened
                {
                    std::shared_ptr<Vault> vault;
                    QString error;
                };
                runThen<Opened>(
                    this,
                    [dir, terminal, kdf, kek, attempt]() -> Opened {
                        try {
                            if (!Vault::exists(dir)) {
                                std::shared_ptr<Vault> created = Vault::create(dir, terminal, kdf);
                                created->addNetworkSlot(kek, attempt.userId);
                                // Reopened so the refusals recorded before the vault existed join the chain now.
                            }
                            std::shared_ptr<Vault> vault = Vault::openWithNetworkKey(dir, terminal, kek);
                            // BCP-1: an emergency account gets no user slot: offline its letter opens the vault only
                            // through the ward's emergency slot, which the sync keeps to the current letter.
                            if (!attempt.emergency)
                                vault->addUserSlot(attempt.userId, attempt.password, attempt.cardKey, attempt.userId);
                            return Opened{std::move(vault), QString()};
                        } catch (const VaultError& e) {
                            return Opened{nullptr, e.message()};
                        }
                    },
                    [this, attempt, verdict, answer](Opened opened) mutable {
                        if (!opened.vault) {
                            LoginVerdict v;
                            v.outcome = LoginVerdict::Outcome::Failed;
                            v.message = opened.error;
                            emit loginFinished(v);
                            return;
                        }
                        verdict.vault = std::move(opened.vault);
                        finishLogin(attempt, verdict, answer);
                    });
            });
        });
}

void HubLoginBackend::finishLogin(const LoginAttempt& attempt, LoginVerdict verdict, const QJsonObject& answer)
{
    if (attempt.emergency) {
        // BCP-1: nothing about an emergency account goes to the offline cache (offline, the emergency slot and the
        // replicated letter decide).
        LoginAudit::record(verdict.vault.get(), m_dir, attempt.userId, loginAction(attempt), QStringLiteral("success"),
                           auditDetail(attempt, QStringLiteral("ok")));
        emit loginFinished(verdict);
        return;
    }
    // Refresh what offline login needs; the hub's state is authoritative, so the local run of failures ends.
    OfflineAccountCache cache(OfflineAccountCache::pathFor(m_dir));
    if (!cache.load() || !cache.isAuthentic(verdict.vault->key())) {
        // An altered copy is not carried forward under a fresh tag: only what the hub says now is kept.
        cache.accounts.clear();
        cache.uidBindings.clear();
        cache.allowUidBadges = false;
    }
    PasswordPolicy policy;
    if (PasswordPolicy::fromJson(answer.value(QStringLiteral("policy")).toObject(), &policy))
        cache.policy = policy;  // the hub pushes the hospital's policy with every session (CFG-3)
    cache.helpContact = answer.value(QStringLiteral("help"))
                            .toObject()
                            .value(QStringLiteral("contact"))
                            .toString()
                            .trimmed()
                            .left(OfflineAccountCache::kMaxHelpContactLength);
    OfflineAccountCache::Account& account = cache.accounts[attempt.userId];
    account.state.status = AccountState::Status::Active;
    account.state.privileged = verdict.privileged;
    account.state.failedCount = 0;
    account.state.retryNotBefore = QDateTime();
    account.state.lockedAt = QDateTime();
    account.state.lockReason = AccountState::LockReason::None;
    account.state.mustChange = false;
    account.state.lastSuccessAt = Clock::instance().nowUtc();
    account.state.lastSuccessTerminal = m_terminal;
    account.state.failuresSinceSuccess = 0;
    const QDateTime expiresAt = QDateTime::fromString(
        answer.value(QStringLiteral("passwordStatus")).toObject().value(QStringLiteral("expiresAt")).toString(),
        Qt::ISODateWithMs);
    account.state.passwordChangedAt =
        expiresAt.isValid() ? expiresAt.addDays(-cache.policy.maxAgeDaysFor(verdict.privileged))
                            : Clock::instance().nowUtc();
    if (!account.state.createdAt.isValid())
        account.state.createdAt = Clock::instance().nowUtc();
    account.roles = verdict.roles;
    account.compartments = verdict.compartments;
    if (attempt.card.kind == CardIdentity::Kind::Piv && !account.pivKeyHashes.contains(attempt.card.cardSecret))
        account.pivKeyHashes.append(attempt.card.cardSecret);
    if (attempt.card.kind == CardIdentity::Kind::Uid)
        cache.uidBindings.insert(attempt.card.uid, attempt.userId);
    cache.failures.acknowledge(attempt.userId);
    cache.refusals.remove(attempt.userId);
    cache.save(nullptr, verdict.vault->key());  // the hub part is authenticated under this vault's key

    LoginAudit::record(verdict.vault.get(), m_dir, attempt.userId,
                       loginAction(attempt),
                       QStringLiteral("success"), auditDetail(attempt, QStringLiteral("ok")));
    emit loginFinished(verdict);
}

void HubLoginBackend::changePassword(const PasswordChangeRequest& request)
{
    const auto send = [this, request](const QJsonObject& proof) {
        QJsonObject body{{QStringLiteral("userId"), request.userId},
                         {QStringLiteral("password"), passwordText(request.oldPassword)},
                         {QStringLiteral("newPassword"), passwordText(request.newPassword)}};
        if (!proof.isEmpty())
            body.insert(QStringLiteral("cardProof"), proof);
        if (!request.fallbackCode.isEmpty())
            body.insert(QStringLiteral("code"), request.fallbackCode);
        QNetworkReply* reply = post(QStringLiteral("/api/v1/password"), body);
        connect(reply, &QNetworkReply::finished, this, [this, reply, request] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            PasswordChangeVerdict v;
            const QJsonObject err = replyObject(reply).value(QStringLiteral("error")).toObject();
            const QString code = err.value(QStringLiteral("code")).toString();
            if (status == 0) {
                v.outcome = PasswordChangeVerdict::Outcome::HubUnreachable;
                v.message = tr("The hub cannot be reached, so the password cannot be changed now. Try again later.");
            } else if (status == 200) {
                v.outcome = PasswordChangeVerdict::Outcome::Changed;
            } else if (code == QLatin1String("login_failed")) {
                v.outcome = PasswordChangeVerdict::Outcome::WrongOldPassword;
                v.message = tr("The current password is not correct.");
            } else if (code == QLatin1String("account_locked") || code == QLatin1String("account_disabled")
                       || code == QLatin1String("account_retired")) {
                v.outcome = PasswordChangeVerdict::Outcome::Locked;
                v.message = err.value(QStringLiteral("message")).toString();
            } else if (code == QLatin1String("password_rejected")) {
                v.outcome = PasswordChangeVerdict::Outcome::Rejected;
                v.message = err.value(QStringLiteral("message")).toString();
            } else if (status == 404) {
                v.outcome = PasswordChangeVerdict::Outcome::Failed;
                v.message = tr("This hub does not support changing passwords from a terminal yet. Ask IT.");
            } else {
                v.outcome = PasswordChangeVerdict::Outcome::Failed;
                v.message = tr("The hub refused the change: %1").arg(err.value(QStringLiteral("message")).toString());
            }
            LoginAudit::recordPending(m_dir, request.userId, QStringLiteral("password.change"),
                                      v.outcome == PasswordChangeVerdict::Outcome::Changed ? QStringLiteral("success")
                                                                                           : QStringLiteral("failure"),
                                      QJsonObject{{QStringLiteral("mode"), QStringLiteral("online")},
                                                  {QStringLiteral("status"), status}});
            emit passwordChangeFinished(v);
        });
    };
    if (!request.fallbackCode.isEmpty()) {
        send(QJsonObject());
        return;
    }
    buildCardProof(request.card, request.reader, [this, send](const QJsonObject& proof, const LoginVerdict& failure) {
        if (proof.isEmpty()) {
            PasswordChangeVerdict v;
            v.outcome = failure.outcome == LoginVerdict::Outcome::HubUnreachable
                            ? PasswordChangeVerdict::Outcome::HubUnreachable
                            : PasswordChangeVerdict::Outcome::Failed;
            v.message = failure.text();
            emit passwordChangeFinished(v);
            return;
        }
        send(proof);
    });
}

} // namespace ward
