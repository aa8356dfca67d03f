// Issue 11, layout: the main window fills a 1280×800, 1366×768 or 1920×1080 screen (WARD_SCREEN), and the ward
// census and the chart (温度板 included) lay out in it without a control outside the window, overlapping a
// sibling, cut short (narrower or lower than it needs for its text) or stretched; the census shows each alert as
// an icon with an accessible name and its word; with touch on, every control is at least 9 mm. Real widgets of
// the composed window (MainWindow → SessionShell → ChartWorkspace, StatusStrip in the status bar) on the demo
// ward, offscreen, in Japanese.
#include "unit/chart/ChartTestSupport.h"

#include "session/LockController.h"
#include "ui/Language.h"
#include "ui/LastLoginBanner.h"
#include "ui/MainWindow.h"
#include "ui/SessionShell.h"
#include "ui/StatusStrip.h"
#include "ui/TouchTargets.h"
#include "ui/chart/AlertBadges.h"
#include "ui/chart/ChartContent.h"
#include "ui/chart/RecordPresenter.h"
#include "ui/chart/ChartWorkspace.h"
#include "ui/chart/PatientChart.h"
#include "ui/chart/TemperatureSheet.h"
#include "ui/chart/VitalSignsChart.h"
#include "ui/chart/WardView.h"
#include "ui/theme/Appearance.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeIcon.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QStatusBar>
#include <QTabBar>
#include <QToolBar>
#include <QTableWidget>
#include <QtTest>

using namespace ward;
using namespace ward::test;

namespace {

const QString kNurse = QStringLiteral("N000000001");

QSize screenSize()
{
    const QStringList parts = QString::fromLocal8Bit(qgetenv("WARD_SCREEN")).split(QLatin1Char('x'));
    if (parts.size() == 2 && parts.at(0).toInt() > 0 && parts.at(1).toInt() > 0)
        return {parts.at(0).toInt(), parts.at(1).toInt()};
    return {1280, 800};
}

QString describe(const QWidget* w)
{
    QString text;
    if (auto* b = qobject_cast<const QAbstractButton*>(w))
        text = b->text();
    else if (auto* l = qobject_cast<const QLabel*>(w))
        text = l->text().left(40);
    return QStringLiteral("%1#%2 \"%3\" %4,%5 %6×%7")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text)
        .arg(w->x())
        .arg(w->y())
        .arg(w->width())
        .arg(w->height());
}

// Inside a scroll area's viewport, content is clipped and scrolled on purpose (table rows, cell widgets): the
// scroll area itself is what must fit.
bool insideScrolledContent(const QWidget* w, const QWidget* window)
{
    for (const QWidget* p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (auto* area = qobject_cast<const QAbstractScrollArea*>(p->parentWidget()); area && area->viewport() == p)
            return true;
    }
    return false;
}

bool shown(const QWidget* w, const QWidget* window)
{
    return !w->isWindow() && w->isVisibleTo(window) && w->width() > 0 && w->height() > 0;
}

// Every visible widget of the window: inside the window, not overlapping a visible sibling, not narrower or
// lower than its text needs, not stretched beyond its natural height.
QStringList layoutProblems(QWidget* window)
{
    QStringList problems;
    const QRect bounds = window->rect();
    QList<QWidget*> all = window->findChildren<QWidget*>();
    all.prepend(window);
    for (QWidget* w : all) {
        if (w != window && (!shown(w, window) || insideScrolledContent(w, window)))
            continue;
        const QRect g(w->mapTo(window, QPoint(0, 0)), w->size());
        if (!bounds.contains(g))
            problems << QStringLiteral("outside the window: ") + describe(w);

        // Siblings (the children of a viewport are scrolled content: rows may pass under each other's edges).
        const auto* area = qobject_cast<const QAbstractScrollArea*>(w->parentWidget());
        const QList<QWidget*> siblings = area && area->viewport() == w ? QList<QWidget*>()
                                                                         : w->findChildren<QWidget*>(Qt::FindDirectChildrenOnly);
        for (int i = 0; i < siblings.size(); ++i) {
            if (!shown(siblings.at(i), window))
                continue;
            for (int j = i + 1; j < siblings.size(); ++j) {
                // A floating notice (property "floating") lies over the workspace on purpose.
                const bool floating = siblings.at(i)->property("floating").toBool() || siblings.at(j)->property("floating").toBool();
                if (!floating && shown(siblings.at(j), window) && siblings.at(i)->geometry().intersects(siblings.at(j)->geometry()))
                    problems << QStringLiteral("overlap: %1 and %2").arg(describe(siblings.at(i)), describe(siblings.at(j)));
            }
        }

        // Clipped or stretched controls (the parts Qt builds inside a line edit or tab bar are its own business).
        if (w == window)
            continue;
        if (qobject_cast<QLineEdit*>(w->parentWidget()) || qobject_cast<QTabBar*>(w->parentWidget())
            || qobject_cast<QAbstractSpinBox*>(w->parentWidget()) || qobject_cast<QComboBox*>(w->parentWidget()))
            continue;
        if (auto* b = qobject_cast<QPushButton*>(w)) {
            if (b->width() < b->sizeHint().width() || b->height() < b->minimumSizeHint().height())
                problems << QStringLiteral("button cut short (needs %1×%2): ").arg(b->sizeHint().width()).arg(b->sizeHint().height()) + describe(b);
            const int natural = std::max(b->sizeHint().height(), b->minimumHeight());
            if (b->height() > natural + 8)
                problems << QStringLiteral("button stretched (natural height %1): ").arg(natural) + describe(b);
        } else if (auto* l = qobject_cast<QLabel*>(w); l && !l->text().isEmpty()) {
            if (l->wordWrap() ? l->height() < l->heightForWidth(l->width()) : l->width() < l->sizeHint().width())
                problems << QStringLiteral("label cut short (needs %1×%2): ")
                                .arg(l->sizeHint().width())
                                .arg(l->wordWrap() ? l->heightForWidth(l->width()) : l->sizeHint().height())
                            + describe(l);
        } else if (qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w)) {
            if (w->width() < w->minimumSizeHint().width() || w->height() < w->minimumSizeHint().height())
                problems << QStringLiteral("input cut short: ") + describe(w);
        } else if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            // Too little room shows scroll buttons (tabs out of reach) or elides the text.
            for (const QAbstractButton* scroll : tabs->findChildren<QAbstractButton*>())
                if (scroll->isVisibleTo(tabs))
                    problems << QStringLiteral("tabs do not fit: scroll buttons shown on ") + describe(tabs);
            for (int i = 0; i < tabs->count(); ++i) {
                const QRect r = tabs->tabRect(i);
                if (!tabs->rect().contains(r) || r.width() < tabs->fontMetrics().horizontalAdvance(tabs->tabText(i)))
                    problems << QStringLiteral("tab \"%1\" cut short or hidden").arg(tabs->tabText(i));
            }
        }
    }
    return problems;
}

// A table cell shows all of its text (every line) at its column's width.
QStringList elidedCells(QTableWidget* table, const QList<int>& columns)
{
    QStringList out;
    const QFontMetrics fm(table->font());
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column : columns) {
            const QTableWidgetItem* item = table->item(row, column);
            if (!item || item->text().isEmpty())
                continue;
            const QRect cell = table->visualItemRect(item);
            // The delegate's text margin on each side (QCommonStyle: focus frame margin + 1).
            const int margins = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
            for (const QString& line : item->text().split(QLatin1Char('\n'))) {
                if (fm.horizontalAdvance(line) + margins > cell.width())
                    out << QStringLiteral("row %1 column %2: \"%3\" needs %4 px, has %5")
                               .arg(row)
                               .arg(column)
                               .arg(line)
                               .arg(fm.horizontalAdvance(line) + margins)
                               .arg(cell.width());
            }
            if (item->text().count(QLatin1Char('\n')) + 1 > cell.height() / fm.lineSpacing())
                out << QStringLiteral("row %1 column %2: lines do not fit the row height").arg(row).arg(column);
        }
    }
    return out;
}

// WARD_LAYOUT_SHOTS=DIR keeps what each check looked at, for a person to see (and for docs/screenshots).
void keepShot(QWidget* window, const QString& name)
{
    const QString dir = qEnvironmentVariable("WARD_LAYOUT_SHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const QSize size = screenSize();
    window->grab().save(QDir(dir).filePath(QStringLiteral("%1-%2x%3.png").arg(name).arg(size.width()).arg(size.height())));
}

void confirmFlag(ChartFixture& f, const QString& patientId, PatientFlag::Kind kind, const QString& text)
{
    auto service = f.service(kNurse);
    Draft d = service->createDraft(patientId, QStringLiteral("flag"));
    PatientFlag flag;
    flag.kind = kind;
    flag.text = text;
    d.body = draftBody(QStringLiteral("flag"), patientId, kNurse, flag);
    service->autosave(d);
    service->confirm(d.draftId);
}

} // namespace

class TestScreenLayout : public QObject
{
    Q_OBJECT

    std::unique_ptr<ChartFixture> m_f;
    std::unique_ptr<LockController> m_lock;
    std::unique_ptr<MainWindow> m_window;
    SessionShell* m_shell = nullptr;
    StatusStrip* m_status = nullptr;

    // The window as the terminal composes it, filling the screen, with the nurse's session running.
    ChartWorkspace* start()
    {
        m_lock = std::make_unique<LockController>();
        m_window = std::make_unique<MainWindow>();
        m_shell = new SessionShell(m_lock.get(), [this](const UserSession& s) -> Workspace* {
            return new ChartWorkspace(s, *m_f->vault, m_f->policy, m_f->identity(s.userId),
                                      QList<Certificate>{m_f->ca->certificate()});
        });
        m_window->setCentralWidget(m_shell);
        m_window->setSessionToolBar(m_shell->findChild<QToolBar*>(QStringLiteral("sessionToolBar")));
        m_status = new StatusStrip(m_lock.get(), m_window->statusBar());
        m_status->setHubConfigured(true);
        m_window->statusBar()->addPermanentWidget(m_status, 1);
        m_window->fillScreen(false);
        m_shell->startSession(m_f->session(kNurse));
        m_status->setUser(m_f->session(kNurse).displayName);
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return nullptr;
        QCoreApplication::processEvents();
        return qobject_cast<ChartWorkspace*>(m_shell->workspace());
    }

    void settle()
    {
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        }
    }

private slots:
    void init() { m_f = std::make_unique<ChartFixture>(8); }
    void cleanup()
    {
        m_window.reset();
        m_lock.reset();
        m_f.reset();
        TouchTargets::setForced(false);
    }

    void checkerFindsBrokenLayouts()
    {
        // The checks below must be able to fail: overlapping siblings, a button narrower than its text, a label
        // cut short, a button stretched to the size of a hand, a widget hanging out of the window.
        QWidget window;
        window.resize(400, 300);
        auto* a = new QPushButton(QStringLiteral("左のボタン"), &window);
        a->setGeometry(10, 10, 150, 40);
        auto* b = new QPushButton(QStringLiteral("重なるボタン"), &window);
        b->setGeometry(100, 20, 150, 40);
        auto* narrow = new QPushButton(QStringLiteral("とても長い文字のボタンです"), &window);
        narrow->setGeometry(10, 100, 40, 40);
        auto* label = new QLabel(QStringLiteral("切れてしまうラベルの文字"), &window);
        label->setGeometry(10, 150, 30, 20);
        auto* tall = new QPushButton(QStringLiteral("大"), &window);
        tall->setGeometry(300, 100, 80, 180);
        auto* outside = new QLabel(QStringLiteral("外"), &window);
        outside->setGeometry(380, 280, 60, 60);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString found = layoutProblems(&window).join(QLatin1Char('\n'));
        for (const char* expected : {"overlap: QPushButton", "button cut short", "label cut short", "button stretched",
                                     "outside the window"})
            QVERIFY2(found.contains(QLatin1String(expected)), qPrintable(QLatin1String(expected) + QStringLiteral(" not found in:\n") + found));
    }

    void windowFillsTheScreen()
    {
        const QSize size = screenSize();
        QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), size);
        MainWindow window;
        window.fillScreen(false);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.frameGeometry().united(window.geometry()).size(), QGuiApplication::primaryScreen()->availableGeometry().size());
        MainWindow kiosk;
        kiosk.fillScreen(true);
        QVERIFY(QTest::qWaitForWindowExposed(&kiosk));
        QVERIFY(kiosk.isFullScreen());
        QCOMPARE(kiosk.geometry(), QGuiApplication::primaryScreen()->geometry());
    }

    void censusLaysOut()
    {
        ChartWorkspace* ws = start();
        QVERIFY(ws);
        settle();
        WardView* census = ws->wardView();
        QVERIFY(census->rowCount() >= 8);
        QCOMPARE(m_window->frameGeometry().size(), screenSize());
        // The workspace takes the window between the session toolbar and the status bar.
        QVERIFY(ws->height() > m_window->height() * 2 / 3);
        // AUTH-9's last-login banner floats over the census just after login: shown, inside the window, and the
        // workspace keeps its height under it.
        QVERIFY(m_shell->lastLoginBanner()->isVisible());
        QVERIFY(QRect(ws->mapTo(m_shell, QPoint(0, 0)), ws->size()).contains(m_shell->lastLoginBanner()->geometry()));
        keepShot(m_window.get(), QStringLiteral("ward"));
        const QStringList problems = layoutProblems(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

        // Bed narrow, patient wide; the patient, vitals and last-note cells show all their text.
        QTableWidget* table = census->table();
        QVERIFY(table->columnWidth(WardView::ColBed) * 2 < table->columnWidth(WardView::ColPatient));
        const QStringList elided = elidedCells(table, {WardView::ColBed, WardView::ColPatient, WardView::ColAgeSex,
                                                       WardView::ColVitals, WardView::ColLastNote});
        QVERIFY2(elided.isEmpty(), qPrintable(elided.join(QLatin1Char('\n'))));
        // The table shows every column without horizontal scrolling.
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        // The status strip: hub, queue, clock, user and the idle lock's countdown all readable.
        for (QLabel* l : {static_cast<QLabel*>(m_status->hubLabel()), static_cast<QLabel*>(m_status->queueLabel()), m_status->clockLabel(), m_status->userLabel(),
                          m_status->autoLockLabel()}) {
            QVERIFY2(l->isVisible(), qPrintable(l->objectName()));
            QVERIFY2(l->width() >= l->sizeHint().width(), qPrintable(describe(l)));
        }
    }

    // Issue 14: a hub whose disk is full says so in the status strip (warning, icon and words), and the strip still
    // fits; the words go with the next successful sync.
    void statusStripShowsAFullHub()
    {
        QVERIFY(start());
        SyncStatus full;
        full.online = true;
        full.lastSuccessfulSync = QDateTime::currentDateTimeUtc().addSecs(-600);
        full.queueLength = 3;
        full.lastErrorKind = SyncError::Kind::ServerError;
        full.hubStorageFull = true;
        m_status->setSyncStatus(full);
        settle();
        QCOMPARE(m_status->hubLabel()->tone(), StatusTone::Warning);
        QCOMPARE(m_status->hubLabel()->iconName(), IconName::Warning);
        QVERIFY2(m_status->hubLabel()->text().contains(StatusStrip::tr("hub storage full: data kept here, call IT")),
                 qPrintable(m_status->hubLabel()->text()));
        QVERIFY2(m_status->hubLabel()->width() >= m_status->hubLabel()->sizeHint().width(), qPrintable(describe(m_status->hubLabel())));
        SyncStatus ok;
        ok.online = true;
        m_status->setSyncStatus(ok);
        QCOMPARE(m_status->hubLabel()->tone(), StatusTone::Ok);
        QVERIFY(!m_status->hubLabel()->text().contains(StatusStrip::tr("hub storage full: data kept here, call IT")));
    }

    void chartAndTemperatureSheetLayOut()
    {
        ChartWorkspace* ws = start();
        QVERIFY(ws);
        // The patient with the most alerts: the longest banner.
        const Patient patient = m_f->patientIn(QStringLiteral("W3"));
        confirmFlag(*m_f, patient.patientId, PatientFlag::Kind::Infection, QStringLiteral("接触予防策（MRSA 喀痰より検出）"));
        confirmFlag(*m_f, patient.patientId, PatientFlag::Kind::FallRisk, QStringLiteral("転倒転落リスク高（危険度III）: 離床センサー使用"));
        confirmFlag(*m_f, patient.patientId, PatientFlag::Kind::Npo, QStringLiteral("絶食（本日21時以降。明朝 上部消化管内視鏡検査のため）"));
        ws->openPatient(patient.patientId);
        PatientChart* chart = ws->chart();
        QVERIFY(chart);
        for (const QString& view : {QStringLiteral("timeline"), QStringLiteral("vitals"), QStringLiteral("labs")}) {
            chart->setView(view);
            settle();
            keepShot(m_window.get(), QStringLiteral("chart-") + view);
            // Nothing demands more room than the screen has (the window would grow past its edge).
            QCOMPARE(m_window->frameGeometry().size(), screenSize());
            const QStringList problems = layoutProblems(m_window.get());
            QVERIFY2(problems.isEmpty(), qPrintable(view + QStringLiteral(":\n") + problems.join(QLatin1Char('\n'))));
        }

        // Header and alert banner side by side at the top; the entry actions right under them, in the tab row,
        // above the page they add to.
        auto* band = chart->findChild<QWidget*>(QStringLiteral("chartHeaderBand"));
        auto* tabs = chart->findChild<QTabWidget*>(QStringLiteral("chartTabs"));
        QVERIFY(band && tabs);
        const QRect bandRect(band->mapTo(chart, QPoint(0, 0)), band->size());
        QVERIFY(bandRect.bottom() < tabs->mapTo(chart, QPoint(0, 0)).y());
        for (const char* name : {"chartHeader", "alertBanner"}) {
            auto* w = chart->findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(w && w->isVisible(), name);
            QVERIFY2(bandRect.contains(QRect(w->mapTo(chart, QPoint(0, 0)), w->size())), name);
        }
        const int pageTop = tabs->currentWidget()->mapTo(chart, QPoint(0, 0)).y();
        for (const char* name : {"newNursingNote", "newVitals"}) {
            auto* w = chart->findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(w && w->isVisible(), name);
            const QRect r(w->mapTo(chart, QPoint(0, 0)), w->size());
            QVERIFY2(r.top() > bandRect.bottom() && r.bottom() <= pageTop, name);
        }
        QCOMPARE(chart->alertBanner()->kinds().size(), 3 + (chart->content().allergies.isEmpty() ? 0 : 1));
        // The band keeps to its content: the 温度板 gets the room.
        QVERIFY(band->height() < m_window->height() / 3);

        // The 温度板 shows at least five days on a sheet that fills its tab.
        chart->setView(QStringLiteral("vitals"));
        settle();
        TemperatureSheet* sheet = chart->vitalsChart()->sheet();
        QVERIFY(sheet->isVisible());
        QVERIFY(sheet->visibleDays() >= 5);
        QVERIFY(sheet->height() > m_window->height() / 3);
        QVERIFY(sheet->width() > tabs->width() * 9 / 10);
        // Its own "enter vital signs" button sits beside it and opens the same entry.
        auto* entry = chart->vitalsChart()->findChild<QPushButton*>(QStringLiteral("sheetNewVitals"));
        QVERIFY(entry && entry->isVisible());
        QTest::mouseClick(entry, Qt::LeftButton);
        QTRY_COMPARE(chart->currentView(), QStringLiteral("editor"));
        settle();
        QCOMPARE(m_window->frameGeometry().size(), screenSize());
        const QStringList problems = layoutProblems(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("vitals entry:\n") + problems.join(QLatin1Char('\n'))));
    }

    void censusShowsEachAlertAsIconAndWord()
    {
        // One patient with each flag (and the demo's allergy where it has one), another with none.
        const Patient flagged = m_f->patientIn(QStringLiteral("W3"));
        const QList<std::pair<PatientFlag::Kind, QString>> flags{
            {PatientFlag::Kind::Infection, QStringLiteral("飛沫予防策（インフルエンザA型）")},
            {PatientFlag::Kind::FallRisk, QStringLiteral("転倒転落リスク（危険度II）")},
            {PatientFlag::Kind::Npo, QStringLiteral("絶食（明朝 内視鏡検査のため）")}};
        for (const auto& [kind, text] : flags)
            confirmFlag(*m_f, flagged.patientId, kind, text);
        ChartWorkspace* ws = start();
        QVERIFY(ws);
        WardView* census = ws->wardView();
        int row = -1;
        for (int r = 0; r < census->rowCount(); ++r)
            row = census->patientIdAt(r) == flagged.patientId ? r : row;
        QVERIFY(row >= 0);
        AlertBadges* alerts = census->alertsAt(row);
        QVERIFY(alerts);
        for (const auto& [kind, text] : flags) {
            const AlertBadges::Kind k = AlertBadges::kindOf(kind);
            StatusBadge* badge = alerts->badge(k);
            QVERIFY2(badge && badge->isVisible(), qPrintable(AlertBadges::word(k)));
            // Icon, colour and word: the design system's badge, the kind's icon and tone, the word in full, named
            // for a screen reader, the details as its description; nothing only on hover.
            QVERIFY(badge->hasIcon());
            QCOMPARE(badge->iconName(), AlertBadges::iconOf(k));
            QVERIFY(badge->tone() != StatusTone::Neutral);
            QCOMPARE(badge->text(), AlertBadges::word(k));
            QVERIFY2(badge->width() >= badge->sizeHint().width(), qPrintable(QStringLiteral("%1 < %2, cell %3, widget %4 hint %5").arg(badge->width()).arg(badge->sizeHint().width()).arg(census->table()->columnWidth(WardView::ColAlerts)).arg(alerts->width()).arg(alerts->sizeHint().width())));
            QCOMPARE(badge->accessibleName(), AlertBadges::word(k));
            QVERIFY(badge->accessibleDescription().contains(text));
            QVERIFY(badge->toolTip().isEmpty());
            QCOMPARE(badge->property("alertKind").toString(), AlertBadges::kindName(k));
            // The icon really is drawn: the badge's pixels left of the word are not all background.
            const QImage shot = badge->grab().toImage();
            const QColor background = shot.pixelColor(1, shot.height() / 2);
            bool drawn = false;
            for (int x = 0; x < badge->indent() && !drawn; ++x)
                for (int y = 0; y < shot.height() && !drawn; ++y)
                    drawn = shot.pixelColor(x, y) != background;
            QVERIFY2(drawn, qPrintable(AlertBadges::word(k)));
        }
        // Each kind has its own icon (shape tells the kind, not colour alone).
        QSet<QByteArray> shapes;
        for (AlertBadges::Kind k : {AlertBadges::Kind::Allergy, AlertBadges::Kind::Infection, AlertBadges::Kind::FallRisk,
                                    AlertBadges::Kind::Npo})
            shapes.insert(ThemeIcon::tintedSvg(AlertBadges::iconOf(k), Qt::black));
        QCOMPARE(shapes.size(), 4);
        QVERIFY(!shapes.contains(QByteArray()));
        // The table cell has a text equivalent for a screen reader too.
        const QString cellText = census->table()->item(row, WardView::ColAlerts)->data(Qt::AccessibleTextRole).toString();
        for (const auto& [kind, text] : flags)
            QVERIFY(cellText.contains(AlertBadges::word(AlertBadges::kindOf(kind))));

        // The full texts in the chart's banner, without hovering.
        ws->openPatient(flagged.patientId);
        QVERIFY(ws->chart());
        for (const auto& [kind, text] : flags) {
            QLabel* line = ws->chart()->alertBanner()->badge(AlertBadges::kindOf(kind));
            QVERIFY(line && line->isVisible());
            QVERIFY(line->text().contains(text));
        }

        // A lifted flag (a new version, inactive) leaves the census.
        auto service = m_f->service(kNurse);
        RecordVersion npo;
        for (const RecordVersion& r : service->listRecords(flagged.patientId)) {
            if (r.type == QLatin1String("flag") && RecordCodec::decode(r)->flag()->kind == PatientFlag::Kind::Npo)
                npo = r;
        }
        QVERIFY(!npo.recordId.isEmpty());
        Draft lift = service->createDraft(flagged.patientId, QStringLiteral("flag"), npo.recordId);
        PatientFlag lifted;
        lifted.kind = PatientFlag::Kind::Npo;
        lifted.text = QStringLiteral("絶食解除（検査終了）");
        lifted.active = false;
        lift.body = draftBody(QStringLiteral("flag"), flagged.patientId, kNurse, lifted);
        service->autosave(lift);
        QCOMPARE(service->confirm(lift.draftId).version, 2);
        ws->showWard();
        AlertBadges* after = ws->wardView()->alertsAt(row);
        QVERIFY(after);
        QVERIFY(!after->kinds().contains(AlertBadges::Kind::Npo));
        QVERIFY(after->kinds().contains(AlertBadges::Kind::FallRisk));
    }

    void censusShowsLatestVitalsAndTimeSinceTheLastNursingNote()
    {
        ChartWorkspace* ws = start();
        QVERIFY(ws);
        WardView* census = ws->wardView();
        const QString patientId = census->patientIdAt(0);
        const PatientSummary summary = ws->service().summary(patientId);
        QVERIFY(summary.latestVitals.has_value());
        QVERIFY(summary.lastNursingNoteAt.isValid());
        // The latest by clinical time, against every vital-sign record of the patient.
        const ChartContent content = ChartContent::fromRecords(ws->service().listRecords(patientId));
        QCOMPARE(summary.latestVitalsAt, content.vitals.last().at);
        QDateTime lastNote;
        for (const ChartContent::Note& n : content.notes)
            if (n.type == QLatin1String("nursing-note"))
                lastNote = std::max(lastNote, n.at);
        QCOMPARE(summary.lastNursingNoteAt, lastNote);
        QTableWidget* table = census->table();
        const QString vitalsCell = table->item(0, WardView::ColVitals)->text();
        for (const QString& part : RecordPresenter::vitalsSummary(*summary.latestVitals).split(QStringLiteral("  ")))
            QVERIFY2(vitalsCell.contains(part), qPrintable(part + QStringLiteral(" not in ") + vitalsCell));
        QVERIFY(vitalsCell.contains(RecordPresenter::timeOfDay(summary.latestVitalsAt)));
        const QString before = table->item(0, WardView::ColLastNote)->text();
        QCOMPARE(before, RecordPresenter::elapsed(lastNote, m_f->clock->nowUtc()));
        // The elapsed time follows the clock.
        m_f->clock->advanceMs(3 * 3600 * 1000);
        census->updateElapsed();
        QCOMPARE(table->item(0, WardView::ColLastNote)->text(), RecordPresenter::elapsed(lastNote, m_f->clock->nowUtc()));
        QVERIFY(table->item(0, WardView::ColLastNote)->text() != before);
    }

    void everyActionHasAKeyboardRoute()
    {
        ChartWorkspace* ws = start();
        QVERIFY(ws);
        // Find, then Enter on the census opens the chart; the shortcuts are on QActions with translated text.
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(ws->findChild<QLineEdit*>(QStringLiteral("patientSearch"))->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(ws->wardView()->table()));
        QTest::keyClick(ws->wardView()->table(), Qt::Key_Down);
        const QString second = ws->wardView()->patientIdAt(1);
        QTest::keyClick(ws->wardView()->table(), Qt::Key_Return);
        QTRY_VERIFY(ws->chart());
        QCOMPARE(ws->chart()->patient().patientId, second);
        PatientChart* chart = ws->chart();
        // Ctrl+2: the 温度板; Ctrl+Shift+N: a nursing note; Alt+Home: back to the census.
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(chart->currentView(), QStringLiteral("vitals"));
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(chart->currentView(), QStringLiteral("editor"));
        QVERIFY(chart->editor());
        QTest::keyClick(m_window.get(), Qt::Key_Home, Qt::AltModifier);
        QTRY_VERIFY(!ws->chart());
        QTRY_VERIFY(ws->wardView()->isVisible());

        // Every action with a shortcut has text a person can read in the F1 overview (translated: not the
        // English source in the Japanese UI).
        int withShortcut = 0;
        for (QAction* a : m_window->findChildren<QAction*>()) {
            if (a->shortcut().isEmpty())
                continue;
            ++withShortcut;
            QVERIFY2(!a->text().isEmpty(), qPrintable(a->objectName()));
        }
        QVERIFY(withShortcut >= 3);  // lock, find, ward (the chart's are gone with it)
    }

    void touchTargetsAreNineMillimetres()
    {
        TouchTargets::setForced(true);
        ChartWorkspace* ws = start();
        QVERIFY(ws);
        ws->openPatient(m_f->patientIn(QStringLiteral("W3")).patientId);
        QVERIFY(ws->chart());
        settle();
        const int px = TouchTargets::pixelsFor(TouchTargets::kMinimumMm, m_window.get());
        QVERIFY(px >= 34);  // 9 mm at 96 dpi
        QStringList small;
        for (QWidget* w : m_window->findChildren<QWidget*>()) {
            if (!shown(w, m_window.get()) || qobject_cast<QLineEdit*>(w->parentWidget()))
                continue;
            const bool target = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w)
                                || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w);
            if (target && w->height() < px)
                small << describe(w);
        }
        QVERIFY2(small.isEmpty(), qPrintable(small.join(QLatin1Char('\n'))));
        QVERIFY(ws->wardView()->table()->verticalHeader()->defaultSectionSize() >= px);
        QCOMPARE(m_window->frameGeometry().size(), screenSize());
        const QStringList problems = layoutProblems(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

int main(int argc, char** argv)
{
    // The offscreen platform presents one screen of WARD_SCREEN's size (its configuration file, Qt 6).
    const QSize size = screenSize();
    const QString config = QDir::temp().filePath(QStringLiteral("ward-screen-%1x%2.json").arg(size.width()).arg(size.height()));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 2;
    file.write(QStringLiteral(R"({"screens":[{"name":"ward","x":0,"y":0,"width":%1,"height":%2,"logicalDpi":96,"logicalBaseDpi":96,"dpr":1}]})")
                   .arg(size.width())
                   .arg(size.height())
                   .toUtf8());
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen:configfile=") + config.toLocal8Bit());
    QApplication app(argc, argv);
    Language::install(app);
    // The design system's look (stylesheet, type scale), as the terminal shows it; WARD_LARGE_TEXT=1 for the
    // large-text setting.
    Appearance::instance()->apply(Theme(Theme::Kind::Light, qEnvironmentVariableIntValue("WARD_LARGE_TEXT") == 1));
    TouchTargets::install();
    TestScreenLayout test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestScreenLayout.moc"
