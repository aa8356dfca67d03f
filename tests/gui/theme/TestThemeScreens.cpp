// Issue 11: the composed main screens (login, ward census, chart with its 温度板 and an editor, lock) take all
// their colours and type from the theme — no widget carries its own stylesheet, palette or font — in both
// themes and at large text; interactive widgets have accessible names, buttons and inputs are at least one
// touch target high, and focus is drawn.
#include "unit/chart/ChartTestSupport.h"
#include "unit/login/FakeLoginBackend.h"

#include "session/LockController.h"
#include "session/LoginController.h"
#include "ui/LockScreen.h"
#include "ui/MainWindow.h"
#include "ui/SessionShell.h"
#include "ui/chart/ChartWorkspace.h"
#include "ui/chart/DraftEditor.h"
#include "ui/chart/PatientChart.h"
#include "ui/login/LoginScreen.h"
#include "ui/theme/Appearance.h"
#include "ui/theme/Spacing.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace ward;
using namespace ward::test;

namespace {

const QString kNurse = QStringLiteral("N000000001");

// Widgets Qt builds inside its own composites (the line edit of a spin box, a tab bar's scroll arrows, a line
// edit's clear button, a table's headers): their composite carries the name.
bool isQtInternal(const QWidget* w)
{
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox*>(p) || qobject_cast<const QComboBox*>(p) || qobject_cast<const QTabBar*>(p)
            || qobject_cast<const QLineEdit*>(p) || qobject_cast<const QAbstractItemView*>(p))
            return true;
    }
    return false;
}

bool isInteractive(const QWidget* w)
{
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QLineEdit*>(w) || qobject_cast<const QComboBox*>(w)
        || qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QPlainTextEdit*>(w)
        || qobject_cast<const QTextEdit*>(w) || qobject_cast<const QAbstractItemView*>(w);
}

QString describe(const QWidget* w)
{
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

// Everything wrong with one screen, one line per widget.
QStringList inspect(QWidget* root)
{
    QStringList problems;
    QList<QWidget*> all = root->findChildren<QWidget*>();
    all.prepend(root);
    // The application stylesheet itself hands matched widgets a palette; without it, only a palette or font
    // set by the widget's own code remains.
    const QString applicationSheet = qApp->styleSheet();
    qApp->setStyleSheet(QString());
    for (QWidget* w : all) {
        if (!w->styleSheet().isEmpty())
            problems << describe(w) + QStringLiteral(": own stylesheet");
        if (w->testAttribute(Qt::WA_SetPalette))
            problems << describe(w) + QStringLiteral(": own palette");
        if (w->testAttribute(Qt::WA_SetFont))
            problems << describe(w) + QStringLiteral(": own font");
    }
    qApp->setStyleSheet(applicationSheet);
    const int target = Spacing::touchTargetPx();
    for (QWidget* w : all) {
        if (!w->isVisibleTo(root) || isQtInternal(w) || !isInteractive(w))
            continue;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            problems << describe(w) + QStringLiteral(": no accessible name");
        if ((qobject_cast<QPushButton*>(w) || qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w))
            && w->height() < target)
            problems << describe(w) + QStringLiteral(": %1 px high, under the %2 px touch target").arg(w->height()).arg(target);
    }
    return problems;
}

} // namespace

class TestThemeScreens : public QObject
{
    Q_OBJECT

    std::unique_ptr<ChartFixture> m_f;
    std::unique_ptr<FakeLoginBackend> m_backend;
    std::unique_ptr<LoginController> m_login;
    std::unique_ptr<MainWindow> m_window;
    LockController* m_lock = nullptr;
    SessionShell* m_shell = nullptr;

    void check(const char* screen)
    {
        QApplication::processEvents();
        const QStringList problems = inspect(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 (%2):\n").arg(QLatin1String(screen),
                                                                              QLatin1String(QTest::currentDataTag()))
                                                + problems.join(QLatin1Char('\n'))));
    }

private slots:
    void screens_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("large");
        QTest::newRow("light") << int(Theme::Kind::Light) << false;
        QTest::newRow("night") << int(Theme::Kind::Night) << false;
        QTest::newRow("night-large") << int(Theme::Kind::Night) << true;
    }

    void screens()
    {
        QFETCH(int, kind);
        QFETCH(bool, large);
        m_f = std::make_unique<ChartFixture>();
        Appearance::instance()->apply(Theme(Theme::Kind(kind), large));

        m_backend = std::make_unique<FakeLoginBackend>();
        LoginController::Config config;
        config.terminalId = QStringLiteral("T-W3-01");
        m_login = std::make_unique<LoginController>(m_backend.get(), nullptr, config);
        m_window = std::make_unique<MainWindow>();
        m_lock = new LockController(m_window.get());
        ChartFixture* f = m_f.get();
        m_shell = new SessionShell(
            m_lock,
            [f](const UserSession& s) {
                return new ChartWorkspace(s, *f->vault, f->policy, f->identity(s.userId),
                                          QList<Certificate>{f->ca->certificate()});
            },
            m_window.get());
        m_window->setCentralWidget(m_shell);
        m_shell->setLoginWidget(new LoginScreen(m_login.get()));
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        check("login");

        m_shell->startSession(m_f->session(kNurse));
        QTRY_VERIFY(m_shell->workspace());
        auto* ws = qobject_cast<ChartWorkspace*>(m_shell->workspace());
        QVERIFY(ws);
        check("ward");

        ws->openPatient(m_f->patientIn(QStringLiteral("W3")).patientId);
        QTRY_VERIFY(ws->chart());
        check("chart: timeline");
        auto* tabs = ws->chart()->findChild<QTabWidget*>();
        QVERIFY(tabs);
        for (int i = 1; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            check(qPrintable(QStringLiteral("chart: tab %1").arg(tabs->tabText(i))));
        }
        tabs->setCurrentIndex(0);
        QTest::mouseClick(ws->chart()->findChild<QPushButton*>(QStringLiteral("newVitals")), Qt::LeftButton);
        QTRY_VERIFY(ws->chart()->editor());
        check("chart: vital signs entry");

        m_shell->lockNow();
        QTRY_VERIFY(m_shell->isLocked());
        QVERIFY(m_shell->lockScreen()->isVisible());
        check("lock");

        m_window.reset();
        m_login.reset();
        m_backend.reset();
        m_f.reset();
    }

    void keyboardFocusIsDrawn_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("light") << int(Theme::Kind::Light);
        QTest::newRow("night") << int(Theme::Kind::Night);
    }
    void keyboardFocusIsDrawn()
    {
        // Issue 11: visible focus. Each kind of control shows the theme's focus colour when it has the keyboard
        // focus, and not without it.
        QFETCH(int, kind);
        const Theme theme{Theme::Kind(kind)};
        Appearance::instance()->apply(theme);
        const QColor focus = theme.color(ColorRole::Focus);
        QWidget root;
        auto* layout = new QVBoxLayout(&root);
        QList<QWidget*> controls{new QPushButton(QStringLiteral("OK"), &root), new QLineEdit(&root),
                                 new QComboBox(&root), new QTableWidget(2, 2, &root)};
        auto* primary = new QPushButton(QStringLiteral("Confirm"), &root);
        primary->setProperty("role", QStringLiteral("primary"));
        controls << primary;
        for (QWidget* c : controls)
            layout->addWidget(c);
        root.show();
        QVERIFY(QTest::qWaitForWindowExposed(&root));
        QApplication::setActiveWindow(&root);
        auto showsFocusColour = [&focus](QWidget* w) {
            const QImage img = w->grab().toImage();
            int hits = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x)
                    hits += img.pixelColor(x, y) == focus ? 1 : 0;
            return hits;
        };
        for (QWidget* c : controls) {
            const QString name = QString::fromLatin1(c->metaObject()->className());
            c->setFocus(Qt::TabFocusReason);
            QTRY_VERIFY(c->hasFocus());
            QVERIFY2(showsFocusColour(c) > 20, qPrintable(name + QStringLiteral(" focused: no focus ring")));
            root.setFocus();
            controls.at(controls.indexOf(c) == 0 ? 1 : 0)->setFocus(Qt::TabFocusReason);
            QTRY_VERIFY(!c->hasFocus());
            QVERIFY2(showsFocusColour(c) == 0, qPrintable(name + QStringLiteral(" unfocused: shows the focus colour")));
        }
    }

    void theInspectionFindsAHandSetLook()
    {
        // The walk above must be able to fail: a widget with its own stylesheet, palette or font is named.
        Appearance::instance()->apply(Theme());
        QWidget root;
        auto* styled = new QPushButton(QStringLiteral("A"), &root);
        styled->setObjectName(QStringLiteral("styled"));
        styled->setStyleSheet(QStringLiteral("QPushButton { border: none; }"));
        auto* painted = new QWidget(&root);
        painted->setObjectName(QStringLiteral("painted"));
        QPalette p = painted->palette();
        p.setColor(QPalette::Window, p.color(QPalette::Text));
        painted->setPalette(p);
        auto* sized = new QWidget(&root);
        sized->setObjectName(QStringLiteral("sized"));
        QFont f = sized->font();
        f.setPointSize(30);
        sized->setFont(f);
        auto* nameless = new QLineEdit(&root);
        nameless->setObjectName(QStringLiteral("nameless"));
        root.show();
        const QString problems = inspect(&root).join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QLatin1String("\"styled\": own stylesheet")), qPrintable(problems));
        QVERIFY2(problems.contains(QLatin1String("\"painted\": own palette")), qPrintable(problems));
        QVERIFY2(problems.contains(QLatin1String("\"sized\": own font")), qPrintable(problems));
        QVERIFY2(problems.contains(QLatin1String("\"nameless\": no accessible name")), qPrintable(problems));
    }
};

QTEST_MAIN(TestThemeScreens)
#include "TestThemeScreens.moc"
