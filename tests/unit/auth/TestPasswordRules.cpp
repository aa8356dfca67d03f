#include "auth/AccountGuard.h"
#include "auth/PasswordPolicy.h"
#include "auth/PasswordRules.h"
#include "auth/TemporaryPassword.h"
#include "auth/UserId.h"
#include "crypto/Argon2Kdf.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QtTest>

using namespace ward;

namespace {
const QString kUser = QStringLiteral("N123456789");

SecureBytes pw(const char* s)
{
    return SecureBytes::fromUtf8(QString::fromUtf8(s));
}

// Small Argon2 costs keep the tests fast; the rules do not depend on the cost.
Argon2Params fastArgon()
{
    Argon2Params p;
    p.timeCost = 1;
    p.memoryKiB = 1024;
    p.parallelism = 1;
    return p;
}

QList<PasswordRules::Kind> kinds(const QList<PasswordRules::Violation>& v)
{
    QList<PasswordRules::Kind> out;
    for (const auto& x : v)
        out.append(x.kind);
    return out;
}
} // namespace

class TestPasswordRules : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreTheSeedNumbers()
    {
        const PasswordPolicy p;
        QCOMPARE(p.minLength, 8);
        QCOMPARE(p.maxLength, 128);
        QCOMPARE(p.minCharacterClasses, 3);
        QCOMPARE(p.historyGenerations, 5);
        QCOMPARE(p.maxAgeDaysFor(false), 60);
        QCOMPARE(p.maxAgeDaysFor(true), 30);
        QCOMPARE(p.warnDays, 7);
        QCOMPARE(p.lockoutThresholdFor(false), 5);
        QCOMPARE(p.lockoutThresholdFor(true), 3);
        QCOMPARE(p.changeOldPasswordFailureLimit, 3);
        QCOMPARE(p.temporaryPasswordValidHours, 72);
        QCOMPARE(p.idleLockMinutes, 5);
        QCOMPARE(p.lockedSessionLogoutMinutes, 30);
        QCOMPARE(p.privilegedSessionLimitMinutes, 60);
        QVERIFY(p.validate());
    }

    void delayScheduleGrowsAndIsCapped()
    {
        PasswordPolicy p;
        p.nonResponseDelaysMs = {1000, 2000, 4000, 8000};
        QCOMPARE(p.nonResponseDelayMs(0), 0);
        QCOMPARE(p.nonResponseDelayMs(1), 1000);
        QCOMPARE(p.nonResponseDelayMs(2), 2000);
        QCOMPARE(p.nonResponseDelayMs(3), 4000);
        QCOMPARE(p.nonResponseDelayMs(4), 8000);
        QCOMPARE(p.nonResponseDelayMs(5), 8000);
        QCOMPARE(p.nonResponseDelayMs(500), 8000);
    }

    void policyJsonRoundTrip()
    {
        PasswordPolicy p;
        p.minLength = 10;
        p.maxLength = 64;
        p.minCharacterClasses = 4;
        p.historyGenerations = 8;
        p.maxAgeDays = 90;
        p.privilegedMaxAgeDays = 45;
        p.warnDays = 10;
        p.lockoutThreshold = 6;
        p.privilegedLockoutThreshold = 2;
        p.nonResponseDelaysMs = {500, 500, 3000};
        p.changeOldPasswordFailureLimit = 2;
        p.temporaryPasswordValidHours = 24;
        p.temporaryPasswordLength = 16;
        p.unusedAccountDays = 120;
        p.idleLockMinutes = 3;
        p.lockedSessionLogoutMinutes = 20;
        p.privilegedSessionLimitMinutes = 30;
        // Through text, as it travels in the policy push.
        const QByteArray text = QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact);
        PasswordPolicy back;
        JsonFieldError err;
        QVERIFY2(PasswordPolicy::fromJson(QJsonDocument::fromJson(text).object(), &back, &err), qPrintable(err.text()));
        QVERIFY(back == p);
        QVERIFY(back != PasswordPolicy());
    }

    void policyAbsentKeysTakeDefaults()
    {
        PasswordPolicy p;
        p.minLength = 20;
        QVERIFY(PasswordPolicy::fromJson(QJsonObject{{QStringLiteral("maxAgeDays"), 45}}, &p));
        QCOMPARE(p.maxAgeDays, 45);
        QCOMPARE(p.minLength, 8);
    }

    void policyMalformedJsonRejected_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("string for number") << "minLength" << QJsonValue(QStringLiteral("8"));
        QTest::newRow("fraction") << "minLength" << QJsonValue(8.5);
        QTest::newRow("bool for number") << "lockoutThreshold" << QJsonValue(true);
        QTest::newRow("below floor of 8") << "minLength" << QJsonValue(4);
        QTest::newRow("lockout off") << "lockoutThreshold" << QJsonValue(0);
        QTest::newRow("negative") << "historyGenerations" << QJsonValue(-1);
        QTest::newRow("ten-year expiry") << "maxAgeDays" << QJsonValue(3650);
        QTest::newRow("absurd huge") << "warnDays" << QJsonValue(1e300);
        QTest::newRow("classes 5") << "minCharacterClasses" << QJsonValue(5);
        QTest::newRow("delays not a list") << "nonResponseDelaysMs" << QJsonValue(1000);
        QTest::newRow("delays empty") << "nonResponseDelaysMs" << QJsonValue(QJsonArray());
        QTest::newRow("delays with text") << "nonResponseDelaysMs" << QJsonValue(QJsonArray{1000, QStringLiteral("x")});
        QTest::newRow("delays shrinking") << "nonResponseDelaysMs" << QJsonValue(QJsonArray{4000, 1000});
        QTest::newRow("delay of an hour") << "nonResponseDelaysMs" << QJsonValue(QJsonArray{3600000});
        QTest::newRow("privileged laxer expiry") << "privilegedMaxAgeDays" << QJsonValue(90);
        QTest::newRow("privileged laxer lockout") << "privilegedLockoutThreshold" << QJsonValue(9);
        QTest::newRow("max below min") << "maxLength" << QJsonValue(7);
        QTest::newRow("temp length over max") << "temporaryPasswordLength" << QJsonValue(200);
        QTest::newRow("idle lock null") << "idleLockMinutes" << QJsonValue(QJsonValue::Null);
    }

    void policyMalformedJsonRejected()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        PasswordPolicy current;
        current.minLength = 12; // what the terminal runs with now must survive a bad push
        current.temporaryPasswordLength = 14;
        const PasswordPolicy before = current;
        QJsonObject json = PasswordPolicy().toJson();
        json.insert(key, value);
        JsonFieldError err;
        QVERIFY(!PasswordPolicy::fromJson(json, &current, &err));
        QVERIFY(err.isError());
        QCOMPARE(err.field, key);
        QVERIFY(!err.message.isEmpty());
        QVERIFY(current == before);
    }

    void policyErrorNamesTheLimits()
    {
        QJsonObject json;
        json.insert(QStringLiteral("warnDays"), 1e300);
        PasswordPolicy p;
        JsonFieldError err;
        QVERIFY(!PasswordPolicy::fromJson(json, &p, &err));
        QCOMPARE(err.text(), QStringLiteral("warnDays: must be a whole number from 0 to 30"));
    }

    void policyValidateCatchesCodeBuiltNonsense()
    {
        PasswordPolicy p;
        p.lockoutThreshold = 0;
        JsonFieldError err;
        QVERIFY(!p.validate(&err));
        QCOMPARE(err.field, QStringLiteral("lockoutThreshold"));
    }

    void userIdValidation_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("error");
        QTest::newRow("ok digits+letters") << "N123456789" << int(UserId::Error::None);
        QTest::newRow("ok lower") << "abcdEFGH12" << int(UserId::Error::None);
        QTest::newRow("empty") << "" << int(UserId::Error::Empty);
        QTest::newRow("nine") << "N12345678" << int(UserId::Error::WrongLength);
        QTest::newRow("eleven") << "N1234567890" << int(UserId::Error::WrongLength);
        QTest::newRow("hyphen") << "N1234-6789" << int(UserId::Error::NotAlphanumeric);
        QTest::newRow("space") << "N1234 6789" << int(UserId::Error::NotAlphanumeric);
        QTest::newRow("full-width digit") << QString::fromUtf8("N12345678９") << int(UserId::Error::NotAlphanumeric);
        QTest::newRow("kana") << QString::fromUtf8("さとう12345") << int(UserId::Error::WrongLength);
        QTest::newRow("kana ten") << QString::fromUtf8("さとう1234567") << int(UserId::Error::NotAlphanumeric);
    }

    // Proves: AUTH-3
    void userIdValidation()
    {
        QFETCH(QString, id);
        QFETCH(int, error);
        QCOMPARE(int(UserId::validate(id)), error);
        QCOMPARE(UserId::isValid(id), error == int(UserId::Error::None));
        QCOMPARE(UserId::message(UserId::validate(id)).isEmpty(), error == int(UserId::Error::None));
    }

    // Proves: AUTH-6, CL-4
    void lengthViolations()
    {
        const PasswordPolicy p;
        QCOMPARE(kinds(PasswordRules::check(pw("Ab1#xyz"), kUser, {}, p)),
                 QList<PasswordRules::Kind>{PasswordRules::Kind::TooShort});
        QVERIFY(PasswordRules::check(pw("Ab1#xyzw"), kUser, {}, p).isEmpty());
        const QByteArray longest = QByteArray("Ab1#") + QByteArray(124, 'x');
        QVERIFY(PasswordRules::check(SecureBytes::fromQByteArray(longest), kUser, {}, p).isEmpty());
        QCOMPARE(kinds(PasswordRules::check(SecureBytes::fromQByteArray(longest + "x"), kUser, {}, p)),
                 QList<PasswordRules::Kind>{PasswordRules::Kind::TooLong});
        // Megabytes are refused without decoding (and never reach Argon2).
        QCOMPARE(kinds(PasswordRules::check(SecureBytes::fromQByteArray(QByteArray(4 << 20, 'a')), kUser, {}, p)),
                 QList<PasswordRules::Kind>{PasswordRules::Kind::TooLong});
        // Length counts characters, not bytes: 7 kana are 21 bytes but still too short.
        QCOMPARE(PasswordRules::characterCount(pw("あいうえおかき")), 7);
        QVERIFY(kinds(PasswordRules::check(pw("あいうえおかき"), kUser, {}, p)).contains(PasswordRules::Kind::TooShort));
        // An empty password is too short (and has too few classes), never accepted.
        QVERIFY(kinds(PasswordRules::check(SecureBytes(), kUser, {}, p)).contains(PasswordRules::Kind::TooShort));
    }

    void complexityViolations()
    {
        PasswordPolicy p;
        QCOMPARE(PasswordRules::characterClasses(pw("aB3#")),
                 int(PasswordRules::Lower | PasswordRules::Upper | PasswordRules::Digit | PasswordRules::Symbol));
        QCOMPARE(kinds(PasswordRules::check(pw("abcdefgh"), kUser, {}, p)),
                 QList<PasswordRules::Kind>{PasswordRules::Kind::TooFewCharacterClasses});
        QCOMPARE(kinds(PasswordRules::check(pw("abcdEFGH"), kUser, {}, p)),
                 QList<PasswordRules::Kind>{PasswordRules::Kind::TooFewCharacterClasses});
        QVERIFY(PasswordRules::check(pw("abcdEFG5"), kUser, {}, p).isEmpty());
        QVERIFY(PasswordRules::check(pw("abcd#fg5"), kUser, {}, p).isEmpty());
        QVERIFY(PasswordRules::check(pw("ABCD#FG5"), kUser, {}, p).isEmpty());
        // Kana count as the symbol class.
        QVERIFY(PasswordRules::check(pw("abcd5さくら"), kUser, {}, p).isEmpty());
        p.minCharacterClasses = 4;
        QCOMPARE(kinds(PasswordRules::check(pw("abcdEFG5"), kUser, {}, p)),
                 QList<PasswordRules::Kind>{PasswordRules::Kind::TooFewCharacterClasses});
        QVERIFY(PasswordRules::check(pw("abcdEF#5"), kUser, {}, p).isEmpty());
        p.minCharacterClasses = 1;
        QVERIFY(PasswordRules::check(pw("abcdefgh"), kUser, {}, p).isEmpty());
    }

    void userIdViolation()
    {
        const PasswordPolicy p;
        QCOMPARE(kinds(PasswordRules::check(pw("xN123456789!"), kUser, {}, p)),
                 QList<PasswordRules::Kind>{PasswordRules::Kind::ContainsUserId});
        // Case does not hide it.
        QCOMPARE(kinds(PasswordRules::check(pw("n123456789!X"), kUser, {}, p)),
                 QList<PasswordRules::Kind>{PasswordRules::Kind::ContainsUserId});
        QVERIFY(PasswordRules::check(pw("N12345678!X"), kUser, {}, p).isEmpty());
    }

    void everyViolationReportedWithMessage()
    {
        const PasswordPolicy p;
        const QList<PasswordRules::Violation> v = PasswordRules::check(pw("n123456789"), kUser, {}, p);
        QCOMPARE(kinds(v), (QList<PasswordRules::Kind>{PasswordRules::Kind::TooFewCharacterClasses,
                                                       PasswordRules::Kind::ContainsUserId}));
        for (const auto& x : v)
            QVERIFY(!x.message.isEmpty());
        QVERIFY(PasswordRules::message(PasswordRules::Kind::TooShort, p).contains(QLatin1String("8")));
    }

    void invalidCharactersRejected_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("tab") << QByteArray("Abcdef1\tx");
        QTest::newRow("newline") << QByteArray("Abcdef1\nx");
        QTest::newRow("nul") << QByteArray("Abcdef1\0x", 9);
        QTest::newRow("DEL") << QByteArray("Abcdef1\x7fx");
        QTest::newRow("lone continuation") << QByteArray("Abcdef1\x80x");
        QTest::newRow("overlong slash") << QByteArray("Abcdef1\xc0\xafx");
        QTest::newRow("truncated") << QByteArray("Abcdef1x\xe3\x81");
        QTest::newRow("surrogate") << QByteArray("Abcdef1\xed\xa0\x80x");
        QTest::newRow("C1 control") << QByteArray("Abcdef1\xc2\x85x");
        QTest::newRow("above U+10FFFF") << QByteArray("Abcdef1\xf4\x90\x80\x80x");
    }

    void invalidCharactersRejected()
    {
        QFETCH(QByteArray, bytes);
        const auto v = PasswordRules::check(SecureBytes::fromQByteArray(bytes), kUser, {}, PasswordPolicy());
        QCOMPARE(kinds(v), QList<PasswordRules::Kind>{PasswordRules::Kind::InvalidCharacters});
        QCOMPARE(PasswordRules::characterCount(SecureBytes::fromQByteArray(bytes)), -1);
    }

    // Proves: CL-4
    void historyRefusesLastFiveAllowsSixth()
    {
        const PasswordPolicy p;
        const char* passwords[] = {"Spring#2026", "Summer#2026", "Autumn#2026", "Winter#2026", "Sakura#2027",
                                   "Momiji#2027"};
        // Newest first, as AccountState keeps it; six generations, of which the policy consults five.
        QStringList history;
        for (const char* s : passwords)
            history.prepend(Argon2Kdf::hashEncoded(pw(s), fastArgon()));
        for (int i = 1; i < 6; ++i) {
            QCOMPARE(kinds(PasswordRules::check(pw(passwords[i]), kUser, history, p)),
                     QList<PasswordRules::Kind>{PasswordRules::Kind::ReusedPassword});
        }
        QVERIFY(PasswordRules::check(pw(passwords[0]), kUser, history, p).isEmpty());
        QVERIFY(PasswordRules::check(pw("Fresh#Pass9"), kUser, history, p).isEmpty());
        // Extra verifiers (the temporary password) are always consulted.
        const QString temp = Argon2Kdf::hashEncoded(pw("Temp#Pass42"), fastArgon());
        QCOMPARE(kinds(PasswordRules::check(pw("Temp#Pass42"), kUser, {}, p, {temp})),
                 QList<PasswordRules::Kind>{PasswordRules::Kind::ReusedPassword});
    }

    void temporaryPasswordsAlwaysPassThePolicy()
    {
        PasswordPolicy p;
        p.minCharacterClasses = 4; // the strictest setting
        QSet<QByteArray> seen;
        const QByteArray ambiguous("0Oo1lI");
        for (int i = 0; i < 1000; ++i) {
            const SecureBytes t = TemporaryPassword::generate(p, kUser);
            QCOMPARE(int(t.size()), p.temporaryPasswordLength);
            const auto v = PasswordRules::check(t, kUser, {}, p);
            QVERIFY2(v.isEmpty(), qPrintable(v.isEmpty() ? QString() : v.first().message));
            const QByteArray bytes = t.toQByteArrayUnsafe();
            for (char c : bytes)
                QVERIFY2(!ambiguous.contains(c), bytes.constData());
            seen.insert(bytes);
        }
        // Random, not a fixed pattern: 1000 distinct values.
        QCOMPARE(seen.size(), 1000);

        // Follows the policy's length, and stays inside a narrow max.
        p.minLength = 20;
        p.temporaryPasswordLength = 20;
        QCOMPARE(int(TemporaryPassword::generate(p).size()), 20);
        PasswordPolicy narrow;
        narrow.temporaryPasswordLength = 30;
        narrow.maxLength = 16;
        QCOMPARE(int(TemporaryPassword::generate(narrow).size()), 16);
    }

    // Proves: AUTH-7
    void temporaryPasswordUsesWholeAlphabet()
    {
        // Every readable character shows up over many samples: no class or position is starved.
        const QByteArray alphabet = QByteArray(TemporaryPassword::kLower) + TemporaryPassword::kUpper
                                    + TemporaryPassword::kDigits + TemporaryPassword::kSymbols;
        QSet<char> seen;
        for (int i = 0; i < 300; ++i) {
            for (char c : TemporaryPassword::generate(PasswordPolicy()).toQByteArrayUnsafe())
                seen.insert(c);
        }
        QCOMPARE(seen.size(), alphabet.size());
    }
};

QTEST_GUILESS_MAIN(TestPasswordRules)
#include "TestPasswordRules.moc"
