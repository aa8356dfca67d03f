// Issue 11: a theme and text size chosen by one staff member are remembered for them on this terminal, come
// back at their next login, and apply to the running application at once (no restart).
#include "ui/MainWindow.h"
#include "ui/chart/TemperatureSheet.h"
#include "ui/theme/Appearance.h"
#include "ui/theme/AppearanceMenu.h"
#include "ui/theme/AppearancePreferences.h"
#include "ui/theme/StatusBadge.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace ward;

namespace {

const QString kAlice = QStringLiteral("N000000001");
const QString kBob = QStringLiteral("N000000002");

QColor pixel(QWidget* w, QPoint at)
{
    return w->grab().toImage().pixelColor(at);
}

} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Appearance* m_appearance = nullptr;

    QString path() const { return AppearancePreferences::pathFor(m_dir.path()); }

private slots:
    void init()
    {
        QFile::remove(path());
        m_appearance = Appearance::instance();
        m_appearance->setStaffId(QString());
        m_appearance->setPreferences(std::make_unique<AppearancePreferences>(path()));
    }

    void firstStartIsTheLightTheme()
    {
        QCOMPARE(Appearance::theme().kind(), Theme::Kind::Light);
        QVERIFY(!Appearance::theme().largeText());
        QVERIFY(qApp->styleSheet().contains(ThemePalette::light().color(ColorRole::Focus).name()));
    }

    void choiceIsRememberedPerStaffMember()
    {
        m_appearance->setStaffId(kAlice);
        m_appearance->choose(Theme(Theme::Kind::Night, true));
        // Applied at once: the application's stylesheet, palette and font are the night theme's.
        QVERIFY(qApp->styleSheet().contains(ThemePalette::night().color(ColorRole::Window).name()));
        QCOMPARE(QApplication::palette().color(QPalette::Window), ThemePalette::night().color(ColorRole::Window));
        QCOMPARE(QApplication::font().pointSizeF(), TypeScale::kLargeBasePoints);

        // Written to the terminal's file for Alice, read back by a fresh store (a restart of the program).
        AppearancePreferences reread(path());
        QCOMPARE(reread.forStaff(kAlice), std::optional<Theme>(Theme(Theme::Kind::Night, true)));
        QVERIFY(!reread.forStaff(kBob).has_value());

        // Bob logs in on the same terminal and prefers the day theme at normal size.
        m_appearance->setStaffId(QString());
        m_appearance->setStaffId(kBob);
        m_appearance->choose(Theme(Theme::Kind::Light, false));
        QCOMPARE(QApplication::font().pointSizeF(), TypeScale::kBasePoints);

        // Alice's next login brings hers back, Bob's his.
        m_appearance->setStaffId(QString());
        m_appearance->setStaffId(kAlice);
        QCOMPARE(Appearance::theme(), Theme(Theme::Kind::Night, true));
        m_appearance->setStaffId(QString());
        m_appearance->setStaffId(kBob);
        QCOMPARE(Appearance::theme(), Theme(Theme::Kind::Light, false));

        // The file holds staff IDs and two settings only.
        QSettings raw(path(), QSettings::IniFormat);
        for (const QString& key : raw.allKeys())
            QVERIFY2(key.endsWith(QLatin1String("/theme")) || key.endsWith(QLatin1String("/largeText")), qPrintable(key));
    }

    void loginScreenKeepsTheLastChoice()
    {
        // A night ward stays dark between sessions: logged out, the terminal shows the last look chosen.
        m_appearance->setStaffId(kAlice);
        m_appearance->choose(Theme(Theme::Kind::Night, false));
        m_appearance->setStaffId(QString());
        QCOMPARE(Appearance::theme().kind(), Theme::Kind::Night);
        m_appearance->setPreferences(std::make_unique<AppearancePreferences>(path()));  // program restarted
        QCOMPARE(Appearance::theme().kind(), Theme::Kind::Night);
        // A user without a remembered choice sees the terminal's look, and it is not saved for them.
        m_appearance->setStaffId(kBob);
        QCOMPARE(Appearance::theme().kind(), Theme::Kind::Night);
        QVERIFY(!AppearancePreferences(path()).forStaff(kBob).has_value());
    }

    void staffIdsCannotReachAnotherEntry()
    {
        AppearancePreferences prefs(path());
        prefs.setForStaff(QStringLiteral("../terminal"), Theme(Theme::Kind::Night, true));
        prefs.setForStaff(QStringLiteral("A/B"), Theme(Theme::Kind::Night, false));
        QCOMPARE(prefs.terminalDefault(), Theme());
        QVERIFY(!prefs.forStaff(QStringLiteral("A")).has_value());
        QCOMPARE(prefs.forStaff(QStringLiteral("A/B")), std::optional<Theme>(Theme(Theme::Kind::Night, false)));
    }

    void menuSwitchesTheRunningWindow()
    {
        MainWindow window;
        window.resize(800, 600);
        auto* badge = new StatusBadge(&window);
        badge->setStatus(StatusTone::Ok, IconName::Ok, QStringLiteral("OK"));
        badge->move(10, 300);
        auto* sheet = new TemperatureSheet(&window);
        sheet->setGeometry(200, 100, 500, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        m_appearance->setStaffId(kAlice);

        AppearanceMenu* menu = window.appearanceMenu();
        QVERIFY(menu->lightAction()->isChecked());
        const QPoint empty(window.width() / 2, window.height() - 40);
        const QColor lightWindow = pixel(&window, empty);
        QCOMPARE(pixel(sheet, QPoint(2, sheet->height() - 2)), ThemePalette::light().color(ColorRole::ChartBackground));

        menu->nightAction()->trigger();
        QVERIFY(menu->nightAction()->isChecked() && !menu->lightAction()->isChecked());
        QCOMPARE(Appearance::theme().kind(), Theme::Kind::Night);
        // The same widgets, not rebuilt, now paint in the night colours.
        QTRY_VERIFY(pixel(&window, empty) != lightWindow);
        QCOMPARE(pixel(sheet, QPoint(2, sheet->height() - 2)), ThemePalette::night().color(ColorRole::ChartBackground));
        const QColor badgeBackground = pixel(badge, QPoint(badge->width() - 3, badge->height() / 2));
        QCOMPARE(badgeBackground, ThemePalette::night().color(ColorRole::OkBackground));

        const QFont before = badge->font();
        menu->largeTextAction()->trigger();
        QVERIFY(Appearance::theme().largeText());
        QVERIFY(badge->font().pointSizeF() > before.pointSizeF());
        QCOMPARE(AppearancePreferences(path()).forStaff(kAlice), std::optional<Theme>(Theme(Theme::Kind::Night, true)));

        // The menu follows a change made elsewhere (the next user's login).
        m_appearance->setStaffId(QString());
        m_appearance->setStaffId(kBob);
        m_appearance->chooseKind(Theme::Kind::Light);
        QVERIFY(menu->lightAction()->isChecked());
    }
};

QTEST_MAIN(TestAppearance)
#include "TestAppearance.moc"
