// Issue 11: both themes keep every text/background pair they define at WCAG AA (4.5:1), lines and symbols at
// 3:1, and the night theme's large areas dark. Computed from the palettes themselves, so a colour changed
// in ThemePalette that breaks the rule fails here.
#include "ui/theme/Contrast.h"
#include "ui/theme/Theme.h"
#include "ui/theme/ThemePalette.h"
#include "ui/theme/ThemeStyleSheet.h"

#include <QtTest>

using namespace ward;

class TestThemePalette : public QObject
{
    Q_OBJECT

private slots:
    void luminanceAndRatioFollowWcag()
    {
        QCOMPARE(Contrast::relativeLuminance(QColor(Qt::black)), 0.0);
        QCOMPARE(Contrast::relativeLuminance(QColor(Qt::white)), 1.0);
        QCOMPARE(Contrast::ratio(QColor(Qt::black), QColor(Qt::white)), 21.0);
        QCOMPARE(Contrast::ratio(QColor(Qt::white), QColor(Qt::black)), 21.0);  // order does not matter
        // Known values from the WCAG examples: #777 on white is just under AA, #767676 just over.
        QVERIFY(Contrast::ratio(QColor(0x77, 0x77, 0x77), QColor(Qt::white)) < 4.5);
        QVERIFY(Contrast::ratio(QColor(0x76, 0x76, 0x76), QColor(Qt::white)) >= 4.5);
        QVERIFY(qAbs(Contrast::ratio(QColor(0x76, 0x76, 0x76), QColor(Qt::white)) - 4.54) < 0.01);
    }

    void everyRoleIsDefinedInBothThemes_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("light") << int(Theme::Kind::Light);
        QTest::newRow("night") << int(Theme::Kind::Night);
    }
    void everyRoleIsDefinedInBothThemes()
    {
        QFETCH(int, kind);
        const ThemePalette p = Theme(Theme::Kind(kind)).palette();
        for (ColorRole role : ThemePalette::allRoles())
            QVERIFY2(p.defines(role) && p.color(role).isValid(), qPrintable(ThemePalette::roleName(role)));
        QCOMPARE(ThemePalette::allRoles().size(), int(ColorRole::ChartNow) + 1);
    }

    void textContrastAtLeastAa_data() { everyRoleIsDefinedInBothThemes_data(); }
    void textContrastAtLeastAa()
    {
        QFETCH(int, kind);
        const ThemePalette p = Theme(Theme::Kind(kind)).palette();
        QVERIFY(ThemePalette::textPairs().size() >= 25);
        const QStringList failures = Contrast::failures(p, ThemePalette::textPairs(), Contrast::kText);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        // The printed evidence: the weakest text pair of this theme.
        double weakest = 21;
        QString which;
        for (const ColorPair& pair : ThemePalette::textPairs()) {
            const double r = Contrast::ratio(p.color(pair.foreground), p.color(pair.background));
            if (r < weakest) {
                weakest = r;
                which = pair.name;
            }
        }
        qInfo("%s: weakest text pair %s at %.2f:1", QTest::currentDataTag(), qPrintable(which), weakest);
    }

    void graphicsContrastAtLeastThreeToOne_data() { everyRoleIsDefinedInBothThemes_data(); }
    void graphicsContrastAtLeastThreeToOne()
    {
        QFETCH(int, kind);
        const ThemePalette p = Theme(Theme::Kind(kind)).palette();
        const QStringList failures = Contrast::failures(p, ThemePalette::graphicPairs(), Contrast::kGraphic);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    void theCheckFailsABadPalette()
    {
        // The same check on a palette with one muted colour too pale must name that pair, and only it.
        ThemePalette p = ThemePalette::light();
        p.setColor(ColorRole::TextMuted, QColor(0x99, 0x99, 0x99));
        const QStringList failures = Contrast::failures(p, ThemePalette::textPairs(), Contrast::kText);
        QCOMPARE(failures.size(), 4);  // window, surface, alternate rows, chart slot hours
        for (const QString& f : failures)
            QVERIFY2(f.contains(QLatin1String("muted text")) || f.contains(QLatin1String("slot hours")), qPrintable(f));
        // A role missing from a palette is a failure too, not a pass.
        ThemePalette empty;
        QCOMPARE(Contrast::failures(empty, ThemePalette::textPairs(), Contrast::kText).size(),
                 ThemePalette::textPairs().size());
    }

    void nightThemeKeepsLargeAreasDark()
    {
        // A dimmed ward at night: nothing that fills an area may glow (relative luminance ≤ 0.06, about #454545).
        const ThemePalette night = ThemePalette::night();
        for (ColorRole role : ThemePalette::backgroundRoles()) {
            const double l = Contrast::relativeLuminance(night.color(role));
            QVERIFY2(l <= 0.06, qPrintable(QStringLiteral("%1: %2").arg(ThemePalette::roleName(role)).arg(l)));
        }
        // ... and is much darker than the day theme overall.
        const ThemePalette light = ThemePalette::light();
        QVERIFY(Contrast::relativeLuminance(night.color(ColorRole::Window))
                < Contrast::relativeLuminance(light.color(ColorRole::Window)) / 20);
    }

    void stylesheetComesFromThePalette()
    {
        for (Theme::Kind kind : {Theme::Kind::Light, Theme::Kind::Night}) {
            const Theme theme(kind);
            const QString qss = ThemeStyleSheet::build(theme, 44);
            for (ColorRole role : {ColorRole::Focus, ColorRole::Accent, ColorRole::DangerBackground, ColorRole::Surface})
                QVERIFY2(qss.contains(theme.color(role).name()), qPrintable(ThemePalette::roleName(role)));
            for (const QString& tone : ThemeStyleSheet::tones())
                QVERIFY(qss.contains(QStringLiteral("[tone=\"%1\"]").arg(tone)));
            QVERIFY(qss.contains(QLatin1String("QPushButton:focus")));
            QVERIFY(qss.contains(QLatin1String("QTabBar::tab")));
            QVERIFY(qss.contains(QLatin1String("QHeaderView::section")));
        }
        // Large text raises every step of the scale.
        const TypeScale normal(false);
        const TypeScale large(true);
        for (TextStyle s : TypeScale::allStyles())
            QVERIFY(large.pointSize(s) > normal.pointSize(s));
        QCOMPARE(normal.font().family(), QStringLiteral("Noto Sans CJK JP"));
    }

    void theFontIsInstalled()
    {
        // scripts/install-deps installs fonts-noto-cjk; without it Qt would silently substitute another face.
        const QFontInfo info(TypeScale().font());
        QVERIFY2(info.family().startsWith(QLatin1String("Noto Sans CJK")), qPrintable(info.family()));
    }
};

QTEST_MAIN(TestThemePalette)
#include "TestThemePalette.moc"
