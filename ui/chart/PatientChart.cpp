#include "ui/chart/PatientChart.h"

#include "exports/ExportService.h"
#include "ui/exports/ExportDialog.h"

#include "records/ChartService.h"
#include "records/RecordCodec.h"
#include "records/StaffDirectory.h"
#include "ui/chart/AlertBadges.h"
#include "ui/chart/NoteEditor.h"
#include "ui/chart/RecordDetail.h"
#include "ui/chart/RecordPresenter.h"
#include "ui/chart/VitalSignsChart.h"
#include "ui/chart/VitalsEntry.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeIcon.h"
#include "ui/theme/ThemeItem.h"
#include "ui/theme/ThemeProperty.h"
#include "util/Clock.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ward {

namespace {

enum TimelineColumn { ColTime, ColType, ColSummary, ColAuthor, ColVersion, ColStatus, ColSignature, ColSync, ColCount };

QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->setVisible(false);
    t->verticalHeader()->setDefaultSectionSize(40);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QTableWidgetItem* item(const QString& text)
{
    return new QTableWidgetItem(text);
}

QString sexText(const QString& sex)
{
    if (sex == QLatin1String("M"))
        return PatientChart::tr("male");
    if (sex == QLatin1String("F"))
        return PatientChart::tr("female");
    return PatientChart::tr("unknown");
}

} // namespace

PatientChart::PatientChart(ChartService& service, const Patient& patient, const StaffDirectory* staff, QWidget* parent)
    : QWidget(parent), m_service(service), m_staff(staff), m_patient(patient)
{
    setObjectName(QStringLiteral("patientChart"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    buildHeader(layout);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("chartStack"));
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("chartTabs"));

    // Timeline + detail.
    auto* timelinePage = new QWidget(m_tabs);
    timelinePage->setObjectName(QStringLiteral("timeline"));
    auto* tl = new QVBoxLayout(timelinePage);
    tl->setContentsMargins(4, 4, 4, 4);
    auto* filters = new QHBoxLayout();
    m_typeFilter = new QComboBox(timelinePage);
    m_typeFilter->setObjectName(QStringLiteral("typeFilter"));
    m_typeFilter->setAccessibleName(tr("Type"));
    m_typeFilter->addItem(tr("All types"), QString());
    for (const QString& t : RecordCodec::knownTypes())
        m_typeFilter->addItem(ChartService::typeLabel(t), t);
    m_from = new QDateEdit(timelinePage);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(timelinePage);
    m_to->setObjectName(QStringLiteral("toDate"));
    m_to->setCalendarPopup(true);
    const QDate today = Clock::instance().nowUtc().toLocalTime().date();
    m_from->setDate(today.addYears(-1));
    m_to->setDate(today);
    auto* typeLabel = new QLabel(tr("Type"), timelinePage);
    typeLabel->setBuddy(m_typeFilter);
    auto* fromLabel = new QLabel(tr("From"), timelinePage);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("To"), timelinePage);
    toLabel->setBuddy(m_to);
    filters->addWidget(typeLabel);
    filters->addWidget(m_typeFilter);
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);
    filters->addStretch();
    tl->addLayout(filters);
    auto* split = new QSplitter(Qt::Horizontal, timelinePage);
    m_timeline = makeTable(split, QStringLiteral("timelineTable"),
                           {tr("Time"), tr("Type"), tr("Summary"), tr("Author"), tr("Ver."), tr("Status"),
                            tr("Signature"), tr("Sync")});
    for (int c = 0; c < ColCount; ++c)
        m_timeline->horizontalHeader()->setSectionResizeMode(
            c, c == ColSummary ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    m_timeline->horizontalHeader()->setStretchLastSection(false);
    m_timeline->setWordWrap(false);
    // Column widths from the first rows only: a 500-row chart must open within its budget.
    m_timeline->horizontalHeader()->setResizeContentsPrecision(40);
    m_detail = new RecordDetail(m_service, m_staff, split);
    split->addWidget(m_timeline);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    tl->addWidget(split);
    m_tabs->addTab(timelinePage, tr("Timeline"));
    m_timeline->setAccessibleName(tr("Timeline"));

    m_vitals = new VitalSignsChart(m_tabs);
    m_tabs->addTab(m_vitals, tr("Temperature chart"));
    m_labs = makeTable(m_tabs, QStringLiteral("labs"), {});
    m_labs->horizontalHeader()->setStretchLastSection(false);
    // Values read from a step away: the type scale's title step, columns wide enough for "12.34 H".
    m_labs->setProperty("textStyle", QStringLiteral("title"));
    m_labs->horizontalHeader()->setMinimumSectionSize(84);
    m_tabs->addTab(m_labs, tr("Labs"));
    m_labs->setAccessibleName(tr("Labs"));
    m_allergies = makeTable(m_tabs, QStringLiteral("allergies"),
                            {tr("Substance"), tr("Reaction"), tr("Severity"), tr("Recorded")});
    m_tabs->addTab(m_allergies, tr("Allergies"));
    m_allergies->setAccessibleName(tr("Allergies"));
    m_meds = makeTable(m_tabs, QStringLiteral("medications"),
                       {tr("Drug"), tr("Dose"), tr("Route"), tr("Frequency"), tr("Start"), tr("Status"),
                        tr("Ordered by")});
    m_tabs->addTab(m_meds, tr("Medication orders"));
    m_meds->setAccessibleName(tr("Medication orders"));

    // Ctrl+1…5 reach every tab from the keyboard, wherever the focus is in the chart.
    const char* const views[] = {QT_TR_NOOP("Show the timeline"), QT_TR_NOOP("Show the temperature chart"),
                                 QT_TR_NOOP("Show lab results"), QT_TR_NOOP("Show allergies"),
                                 QT_TR_NOOP("Show medication orders")};
    for (int i = 0; i < 5; ++i) {
        auto* view = new QAction(tr(views[i]), this);
        view->setObjectName(QStringLiteral("showTab%1").arg(i + 1));
        view->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        view->setShortcutContext(Qt::WindowShortcut);
        addAction(view);
        connect(view, &QAction::triggered, this, [this, i] {
            if (m_editor)
                return;  // the open editor keeps the page; its draft is not left behind unseen
            m_tabs->setCurrentIndex(i);
            m_tabs->currentWidget()->setFocus();
        });
    }
    if (QAction* vitals = m_entryActions.value(QStringLiteral("vital-signs")))
        m_vitals->setEntryAction(vitals);
    m_tabs->setCornerWidget(m_entryBar, Qt::TopRightCorner);

    m_editorPage = new QWidget(m_stack);
    m_editorPage->setObjectName(QStringLiteral("editorPage"));
    new QVBoxLayout(m_editorPage);
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_editorPage);
    layout->addWidget(m_stack, 1);

    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, &PatientChart::fillTimeline);
    connect(m_from, &QDateEdit::dateChanged, this, &PatientChart::fillTimeline);
    connect(m_to, &QDateEdit::dateChanged, this, &PatientChart::fillTimeline);
    connect(m_timeline, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_timeline->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            m_detail->showRecord(m_timeline->item(rows.first().row(), ColTime)->data(Qt::UserRole).toString());
        emit activity();
    });
    connect(m_detail, &RecordDetail::correctionRequested, this, &PatientChart::startCorrection);
    connect(m_detail, &RecordDetail::recordChanged, this, [this](const QString& id) {
        refresh();
        selectRecord(id);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &PatientChart::activity);

    // Badges of a long timeline are verified in idle slices so the chart is readable at once.
    m_verifyTimer.setInterval(0);
    connect(&m_verifyTimer, &QTimer::timeout, this, [this] { verifySome(40); });
    for (QTableWidget* t : {m_timeline, m_labs, m_allergies})
        ThemeItem::follow(t);
    refresh();
}

void PatientChart::buildHeader(QLayout* layout)
{
    // Issue 11: who the patient is, what must not be missed (allergies and flags) and what can be done (the entry
    // actions) form one band at the top of the chart, whichever tab is open below it.
    auto* band = new QWidget(this);
    band->setObjectName(QStringLiteral("chartHeaderBand"));
    band->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* grid = new QGridLayout(band);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(4);
    m_header = new QLabel(band);
    m_header->setObjectName(QStringLiteral("chartHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    grid->addWidget(m_header, 0, 0, Qt::AlignTop);
    // Allergies and flags where the eye lands first, beside the name: they decide what may be given, and how to
    // walk in, at 3 a.m.
    m_alerts = new AlertBadges(AlertBadges::Mode::Full, band);
    grid->addWidget(m_alerts, 0, 1);
    grid->setColumnStretch(1, 1);
    m_unreadable = new StatusBadge(StatusBadge::Shape::Banner, band);
    m_unreadable->setObjectName(QStringLiteral("unreadableNotice"));
    m_unreadable->hide();
    grid->addWidget(m_unreadable, 1, 0, 1, 2);
    const struct
    {
        const char* type;
        const char* name;
        const char* label;
        QKeySequence key;
    } entries[] = {
        {"progress-note", "newProgressNote", QT_TR_NOOP("New progress note"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)},
        {"nursing-note", "newNursingNote", QT_TR_NOOP("New nursing note"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
        {"vital-signs", "newVitals", QT_TR_NOOP("Enter vital signs"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)},
    };
    // The entry actions sit at the right end of the tab row, between the header band and the page they add to.
    m_entryBar = new QWidget(this);
    m_entryBar->setObjectName(QStringLiteral("entryActions"));
    auto* actions = new QHBoxLayout(m_entryBar);
    actions->setContentsMargins(0, 0, 0, 2);
    for (const auto& e : entries) {
        const QString type = QLatin1String(e.type);
        if (!m_service.mayWrite(type) && !m_service.mayProxyEnter(type))
            continue;
        // The shortcut lives on the action (the F1 overview lists actions), the button triggers the same action.
        auto* action = new QAction(tr(e.label), this);
        action->setObjectName(QLatin1String(e.name) + QStringLiteral("Action"));
        action->setShortcut(e.key);
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
        connect(action, &QAction::triggered, this, [this, type] { newEntry(type); });
        m_entryActions.insert(type, action);
        // The label alone keeps the tab row within 1280 px; the shortcut is in the F1 overview.
        auto* b = new QPushButton(tr(e.label), m_entryBar);
        b->setObjectName(QLatin1String(e.name));
        b->setAccessibleName(tr(e.label));
        actions->addWidget(b);
        connect(b, &QPushButton::clicked, action, &QAction::trigger);
    }
    static_cast<QBoxLayout*>(layout)->addWidget(band);
}

void PatientChart::enableExport(ExportService* service)
{
    m_export = service;
    const auto kinds = ExportRequest::allKinds();
    const bool any = service && std::any_of(kinds.begin(), kinds.end(), [service](ExportKind k) { return service->mayExport(k); });
    if (auto* existing = m_entryBar->findChild<QPushButton*>(QStringLiteral("exportButton"))) {
        existing->setVisible(any);
        findChild<QAction*>(QStringLiteral("exportAction"))->setEnabled(any);
        return;
    }
    if (!any)
        return;
    auto* action = new QAction(tr("Print / export…"), this);
    action->setObjectName(QStringLiteral("exportAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    action->setShortcutContext(Qt::WindowShortcut);
    addAction(action);
    connect(action, &QAction::triggered, this, [this] { openExportDialog(); });
    auto* b = new QPushButton(tr("Print / export…"), m_entryBar);
    b->setObjectName(QStringLiteral("exportButton"));
    b->setAccessibleName(tr("Print or export this chart"));
    m_entryBar->layout()->addWidget(b);
    connect(b, &QPushButton::clicked, action, &QAction::trigger);
}

ExportDialog* PatientChart::openExportDialog()
{
    if (!m_export)
        return nullptr;
    ExportDialog::Context context{m_patient, m_content, m_service.user().displayName, m_export->terminalId()};
    auto* dialog = new ExportDialog(*m_export, std::move(context), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this, &PatientChart::activity);
    dialog->open();
    return dialog;
}

void PatientChart::refresh()
{
    m_records = m_service.listRecords(m_patient.patientId);
    m_content = ChartContent::fromRecords(m_records);
    fillHeader();
    fillTimeline();
    QList<ChartContent::Note> notes = m_content.notes;
    for (ChartContent::Note& n : notes)
        n.author = staffLabel(n.author);
    QList<ChartContent::Vitals> vitals = m_content.vitals;
    for (ChartContent::Vitals& v : vitals)
        v.author = staffLabel(v.author);
    m_vitals->setContent(vitals, notes);
    fillLabs();
    fillAllergiesAndMedications();
}

void PatientChart::recordsChanged()
{
    // The open editor is never disturbed; what is on the tabs is re-read.
    refresh();
}

void PatientChart::fillHeader()
{
    const QDate today = Clock::instance().nowUtc().toLocalTime().date();
    QString html = QStringLiteral("<b><big>%1</big></b> （%2）<br>")
                       .arg(m_patient.name.toHtmlEscaped(), m_patient.kana.toHtmlEscaped());
    html += tr("ID %1 · %2 years · %3 · %4 bed %5")
                .arg(m_patient.patientId)
                .arg(m_patient.ageOn(today))
                .arg(sexText(m_patient.sex), m_service.policy().compartmentName(m_patient.ward), m_patient.bed)
                .toHtmlEscaped();
    m_header->setText(html);
    // Records in a shape this program does not read are never shown half-read: say so, and what to do.
    m_unreadable->setStatus(StatusTone::Warning, IconName::Warning,
                            tr("%n record(s) of this patient cannot be read (a record format from before this "
                               "version). Re-seed this terminal from the hub.",
                               nullptr, m_content.undecodable));
    m_unreadable->setVisible(m_content.undecodable > 0);

    QStringList allergies;
    for (const ChartContent::Allergy& a : m_content.allergies) {
        QStringList detail;
        for (const QString& d : {a.allergy.reaction, RecordPresenter::severityLabel(a.allergy.severity)}) {
            if (!d.isEmpty())
                detail << d;
        }
        allergies << (detail.isEmpty() ? a.allergy.substance
                                       : tr("%1 (%2)").arg(a.allergy.substance, detail.join(QStringLiteral(", "))));
    }
    allergies.removeDuplicates();
    QList<PatientFlag> flags;
    for (const ChartContent::Flag& f : m_content.flags)
        flags.append(f.flag);
    m_alerts->setAlerts(AlertBadges::alertsFor(allergies.join(QStringLiteral(" / ")), flags));
}

QLabel* PatientChart::allergyBanner() const
{
    return m_alerts->badge(AlertBadges::Kind::Allergy);
}

QString PatientChart::staffLabel(const QString& userId) const
{
    return m_staff ? m_staff->label(userId) : userId;
}

QString PatientChart::authorText(const RecordVersion& r) const
{
    return r.proxyAuthor.isEmpty() ? staffLabel(r.author)
                                   : tr("%1 (by %2)").arg(staffLabel(r.author), staffLabel(r.proxyAuthor));
}

void PatientChart::fillTimeline()
{
    const QString type = m_typeFilter->currentData().toString();
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    const QString selected = m_detail->recordId();
    m_timeline->setUpdatesEnabled(false);
    // Rows are rebuilt without re-opening the selected record (every open is audited); the detail is
    // brought up to date below.
    const QSignalBlocker quiet(m_timeline->selectionModel());
    const int scrolled = m_timeline->verticalScrollBar()->value();  // a sync refresh must not jump to the top
    m_timeline->setRowCount(0);
    m_verifyQueue.clear();
    // By clinical time, newest first: when it was observed, not when it reached this terminal.
    QList<std::pair<QDateTime, const RecordVersion*>> rows;
    for (const RecordVersion& r : m_records) {
        const QDateTime at = RecordPresenter::effectiveTime(r, content(r));
        const QDate day = at.toLocalTime().date();
        if ((!type.isEmpty() && r.type != type) || day < from || day > to)
            continue;
        rows.append({at, &r});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    m_timeline->setRowCount(static_cast<int>(rows.size()));
    const QHash<QString, SyncOutbox::State> syncStates = m_service.syncStates(m_patient.patientId);
    const RecordVersion* selectedRecord = nullptr;
    for (int i = 0; i < rows.size(); ++i) {
        const RecordVersion& r = *rows.at(i).second;
        auto* time = item(RecordPresenter::dateTime(rows.at(i).first));
        time->setData(Qt::UserRole, r.recordId);
        time->setData(Qt::UserRole + 1, r.version);
        m_timeline->setItem(i, ColTime, time);
        m_timeline->setItem(i, ColType, item(ChartService::typeLabel(r.type)));
        m_timeline->setItem(i, ColSummary, item(RecordPresenter::summary(r, content(r))));
        auto* author = item(authorText(r));
        author->setToolTip(r.proxyAuthor.isEmpty() ? r.author : QStringLiteral("%1 / %2").arg(r.author, r.proxyAuthor));
        m_timeline->setItem(i, ColAuthor, author);
        m_timeline->setItem(i, ColVersion, item(QString::number(r.version)));
        m_timeline->setItem(i, ColStatus, item(RecordPresenter::statusLabel(r.status)));
        m_timeline->setItem(i, ColSignature, item(tr("checking…")));
        const SyncOutbox::State sync =
            syncStates.value(SyncOutbox::stateKey(r.recordId, r.version), SyncOutbox::State::NotQueued);
        auto* syncCell = item(RecordPresenter::syncLabel(sync, r.status));
        syncCell->setData(Qt::UserRole, SyncOutbox::stateName(sync));
        syncCell->setIcon(ThemeIcon::icon(RecordPresenter::syncIcon(sync, r.status)));
        m_timeline->setItem(i, ColSync, syncCell);
        m_verifyQueue.append(i);
        if (r.recordId == selected) {
            m_timeline->selectRow(i);
            selectedRecord = &r;
        }
    }
    m_timeline->verticalScrollBar()->setValue(scrolled);
    m_timeline->setUpdatesEnabled(true);
    if (selectedRecord) {
        if (selectedRecord->version != m_detail->record().version)
            m_detail->showRecord(selected);
        else
            m_detail->updateStatus(*selectedRecord);
    }
    if (!m_verifyQueue.isEmpty())
        m_verifyTimer.start();
}

void PatientChart::verifySome(int count)
{
    QHash<QString, const RecordVersion*> byId;
    for (const RecordVersion& r : m_records)
        byId.insert(r.recordId, &r);
    for (int n = 0; n < count && !m_verifyQueue.isEmpty(); ++n) {
        const int row = m_verifyQueue.takeFirst();
        const QTableWidgetItem* key = m_timeline->item(row, ColTime);
        const RecordVersion* r = key ? byId.value(key->data(Qt::UserRole).toString()) : nullptr;
        if (!r)
            continue;
        const SignatureStatus s = m_service.signatureStatus(*r);
        QTableWidgetItem* cell = m_timeline->item(row, ColSignature);
        cell->setText(RecordPresenter::badgeShort(s.state));
        cell->setToolTip(s.label() + (s.reason.isEmpty() ? QString() : QStringLiteral("\n") + s.reason));
        cell->setData(Qt::UserRole, SignatureStatus::stateName(s.state));
        const bool bad = s.state == SignatureStatus::State::Invalid || s.state == SignatureStatus::State::Unsigned;
        cell->setIcon(ThemeIcon::icon(RecordPresenter::signatureIcon(s.state), bad ? ColorRole::DangerText : ColorRole::Text));
        if (bad)
            ThemeItem::setEmphasis(cell, ColorRole::DangerText);
    }
    if (m_verifyQueue.isEmpty())
        m_verifyTimer.stop();
}

void PatientChart::verifyAllNow()
{
    verifySome(std::numeric_limits<int>::max());
}

void PatientChart::fillLabs()
{
    // One row per test: the latest value with its unit, reference range, flag and direction, then the test's
    // values on the most recent days (newest first), so a course reads across the row.
    constexpr int kDays = 6;
    enum { LabTest, LabValue, LabUnit, LabRange, LabFlag, LabTrend, LabFirstDay };
    QList<QDate> days;
    QHash<QString, QList<const ChartContent::Lab*>> byTest;  // oldest first
    QStringList order;
    for (const ChartContent::Lab& lab : m_content.labs) {
        const QDate d = lab.at.toLocalTime().date();
        if (!days.contains(d))
            days.append(d);
        if (!byTest.contains(lab.key()))
            order.append(lab.key());
        byTest[lab.key()].append(&lab);
    }
    std::sort(days.begin(), days.end(), std::greater<QDate>());
    days = days.mid(0, kDays);
    std::sort(order.begin(), order.end(), [&](const QString& a, const QString& b) {
        return byTest.value(a).last()->result.name < byTest.value(b).last()->result.name;
    });

    QStringList headers{tr("Test"), tr("Latest"), tr("Unit"), tr("Reference"), tr("Flag"), tr("Trend")};
    for (const QDate& d : days)
        headers << QLocale().toString(d, QStringLiteral("M/d"));
    m_labs->clear();
    m_labs->setColumnCount(static_cast<int>(headers.size()));
    m_labs->setHorizontalHeaderLabels(headers);
    m_labs->setRowCount(static_cast<int>(order.size()));
    // High in red, low in blue, both bold: the colours a lab printout uses.
    auto flagged = [](QTableWidgetItem* cell, LabResult::Flag flag) {
        cell->setData(Qt::UserRole, RecordPresenter::flagLabel(flag).isEmpty()
                                        ? QString()
                                        : QString(flag == LabResult::Flag::High ? QStringLiteral("H") : QStringLiteral("L")));
        if (flag == LabResult::Flag::Normal)
            return;
        ThemeItem::setEmphasis(cell, flag == LabResult::Flag::High ? ColorRole::DangerText : ColorRole::InfoText);
    };
    for (int row = 0; row < order.size(); ++row) {
        const QList<const ChartContent::Lab*>& values = byTest.value(order.at(row));
        const LabResult& latest = values.last()->result;
        auto* name = item(latest.name);
        name->setToolTip(latest.loinc.isEmpty() ? latest.jlac10 : QStringLiteral("%1 / LOINC %2").arg(latest.jlac10, latest.loinc));
        m_labs->setItem(row, LabTest, name);
        auto* value = item(RecordPresenter::number(latest.value, 3));
        value->setToolTip(RecordPresenter::dateTime(values.last()->at));
        flagged(value, latest.flag);
        m_labs->setItem(row, LabValue, value);
        m_labs->setItem(row, LabUnit, item(LabResult::displayUnit(latest.unit)));
        QString range;
        if (latest.low && latest.high)
            range = QStringLiteral("%1–%2").arg(RecordPresenter::number(*latest.low, 3), RecordPresenter::number(*latest.high, 3));
        else if (latest.high)
            range = QStringLiteral("≤ %1").arg(RecordPresenter::number(*latest.high, 3));
        else if (latest.low)
            range = QStringLiteral("≥ %1").arg(RecordPresenter::number(*latest.low, 3));
        m_labs->setItem(row, LabRange, item(range));
        auto* flag = item(RecordPresenter::flagLabel(latest.flag));
        flag->setTextAlignment(Qt::AlignCenter);
        flagged(flag, latest.flag);
        m_labs->setItem(row, LabFlag, flag);
        QString trend;
        if (values.size() > 1) {
            const double before = values.at(values.size() - 2)->result.value;
            trend = latest.value > before ? QStringLiteral("↑") : latest.value < before ? QStringLiteral("↓")
                                                                                         : QStringLiteral("→");
        }
        auto* trendCell = item(trend);
        trendCell->setTextAlignment(Qt::AlignCenter);
        m_labs->setItem(row, LabTrend, trendCell);
        for (int c = 0; c < days.size(); ++c) {
            // The day's last value of this test.
            const ChartContent::Lab* onDay = nullptr;
            for (const ChartContent::Lab* lab : values) {
                if (lab->at.toLocalTime().date() == days.at(c))
                    onDay = lab;
            }
            if (!onDay)
                continue;
            const QString f = RecordPresenter::flagLabel(onDay->result.flag);
            auto* cell = item(f.isEmpty() ? RecordPresenter::number(onDay->result.value, 3)
                                          : QStringLiteral("%1 %2").arg(RecordPresenter::number(onDay->result.value, 3), f));
            cell->setToolTip(RecordPresenter::dateTime(onDay->at));
            flagged(cell, onDay->result.flag);
            m_labs->setItem(row, LabFirstDay + c, cell);
        }
    }
    m_labs->resizeColumnsToContents();
    m_labs->setCurrentCell(-1, -1);
}

void PatientChart::fillAllergiesAndMedications()
{
    m_allergies->setRowCount(static_cast<int>(m_content.allergies.size()));
    for (int row = 0; row < m_content.allergies.size(); ++row) {
        const ChartContent::Allergy& a = m_content.allergies.at(row);
        auto* substance = item(a.allergy.substance);
        ThemeItem::setEmphasis(substance, ColorRole::DangerText);
        m_allergies->setItem(row, 0, substance);
        m_allergies->setItem(row, 1, item(a.allergy.reaction));
        m_allergies->setItem(row, 2, item(RecordPresenter::severityLabel(a.allergy.severity)));
        m_allergies->setItem(row, 3, item(RecordPresenter::dateTime(a.at)));
    }
    m_meds->setRowCount(static_cast<int>(m_content.medications.size()));
    for (int row = 0; row < m_content.medications.size(); ++row) {
        const ChartContent::Medication& m = m_content.medications.at(row);
        const QStringList cells{m.order.drug,
                                m.order.dose,
                                m.order.route,
                                m.order.frequency,
                                m.order.start.isValid() ? m.order.start.toString(Qt::ISODate)
                                                        : RecordPresenter::dateTime(m.at),
                                RecordPresenter::statusLabel(m.status)};
        for (int c = 0; c < cells.size(); ++c)
            m_meds->setItem(row, c, item(cells.at(c)));
        auto* by = item(staffLabel(m.author));
        by->setToolTip(m.author);
        m_meds->setItem(row, static_cast<int>(cells.size()), by);
    }
    m_meds->resizeColumnsToContents();
}

std::optional<RecordContent> PatientChart::content(const RecordVersion& r) const
{
    const auto it = m_content.decoded.constFind(r.recordId);
    if (it == m_content.decoded.constEnd())
        return std::nullopt;
    return *it;
}

QString PatientChart::currentView() const
{
    if (m_stack->currentWidget() == m_editorPage)
        return QStringLiteral("editor");
    static const QStringList names{QStringLiteral("timeline"), QStringLiteral("vitals"), QStringLiteral("labs"),
                                   QStringLiteral("allergies"), QStringLiteral("medications")};
    return names.value(m_tabs->currentIndex());
}

void PatientChart::setView(const QString& view)
{
    static const QStringList names{QStringLiteral("timeline"), QStringLiteral("vitals"), QStringLiteral("labs"),
                                   QStringLiteral("allergies"), QStringLiteral("medications")};
    const int index = static_cast<int>(names.indexOf(view));
    if (index >= 0) {
        m_tabs->setCurrentIndex(index);
        if (!m_editor)
            m_stack->setCurrentWidget(m_tabs);
    }
}

void PatientChart::selectRecord(const QString& recordId)
{
    m_typeFilter->setCurrentIndex(0);
    for (int row = 0; row < m_timeline->rowCount(); ++row) {
        if (m_timeline->item(row, ColTime)->data(Qt::UserRole).toString() == recordId) {
            m_tabs->setCurrentIndex(0);
            m_timeline->selectRow(row);
            m_timeline->scrollToItem(m_timeline->item(row, ColTime));
            return;
        }
    }
}

QString PatientChart::openDraftId() const
{
    return m_editor ? m_editor->draftId() : QString();
}

QStringList PatientChart::proxyDoctors(const QList<RecordVersion>& records) const
{
    // Doctors who write this patient's progress notes (the hub directory replaces this guess).
    QStringList out;
    for (const RecordVersion& r : records) {
        if (r.type == QLatin1String("progress-note") && !out.contains(r.author) && r.author != m_service.user().userId)
            out.append(r.author);
    }
    return out;
}

void PatientChart::showEditor(DraftEditor* editor)
{
    closeEditor();
    m_editor = editor;
    editor->setProxyDoctors(proxyDoctors(m_records));
    m_editorPage->layout()->addWidget(editor);
    m_stack->setCurrentWidget(m_editorPage);
    connect(editor, &DraftEditor::activity, this, &PatientChart::activity);
    connect(editor, &DraftEditor::closed, this, [this] {
        closeEditor();
        m_stack->setCurrentWidget(m_tabs);
    });
    connect(editor, &DraftEditor::confirmed, this, [this](const RecordVersion& r) {
        closeEditor();
        m_stack->setCurrentWidget(m_tabs);
        refresh();
        selectRecord(r.recordId);
    });
    editor->setFocus();
}

void PatientChart::closeEditor()
{
    if (m_editor) {
        m_editor->hide();
        m_editor->deleteLater();
        m_editor = nullptr;
    }
}

void PatientChart::newEntry(const QString& type)
{
    try {
        const Draft d = m_service.createDraft(m_patient.patientId, type);
        if (type == QLatin1String("vital-signs"))
            showEditor(new VitalsEntry(m_service, d, m_editorPage));
        else
            showEditor(new NoteEditor(m_service, d, m_editorPage));
    } catch (const ChartError& e) {
        m_header->setToolTip(e.message());
    } catch (const std::exception& e) {
        m_header->setToolTip(QString::fromUtf8(e.what()));
    }
}

void PatientChart::startCorrection(const QString& recordId)
{
    const RecordVersion base = m_detail->record();
    if (base.recordId != recordId)
        return;
    try {
        const Draft d = m_service.createDraft(m_patient.patientId, base.type, recordId);
        if (base.type == QLatin1String("vital-signs"))
            showEditor(new VitalsEntry(m_service, d, m_editorPage));
        else
            showEditor(new NoteEditor(m_service, d, m_editorPage));
    } catch (const std::exception& e) {
        m_header->setToolTip(QString::fromUtf8(e.what()));
    }
}

bool PatientChart::openDraft(const QString& draftId)
{
    const auto d = m_service.loadDraft(draftId);
    if (!d || d->patientId != m_patient.patientId)
        return false;
    if (d->type == QLatin1String("vital-signs"))
        showEditor(new VitalsEntry(m_service, *d, m_editorPage));
    else
        showEditor(new NoteEditor(m_service, *d, m_editorPage));
    return true;
}

void PatientChart::saveDrafts()
{
    if (m_editor)
        m_editor->saveNow();
}

} // namespace ward
