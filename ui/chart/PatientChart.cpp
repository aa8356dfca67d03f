#include "ui/chart/PatientChart.h"

#include "records/ChartService.h"
#include "ui/chart/NoteEditor.h"
#include "ui/chart/RecordDetail.h"
#include "ui/chart/RecordPresenter.h"
#include "ui/chart/VitalSignsChart.h"
#include "ui/chart/VitalsEntry.h"
#include "util/Clock.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
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

PatientChart::PatientChart(ChartService& service, const Patient& patient, QWidget* parent)
    : QWidget(parent), m_service(service), m_patient(patient)
{
    setObjectName(QStringLiteral("patientChart"));
    auto* layout = new QVBoxLayout(this);
    buildHeader(layout);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("chartStack"));
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("chartTabs"));

    // Timeline + detail.
    auto* timelinePage = new QWidget(m_tabs);
    timelinePage->setObjectName(QStringLiteral("timeline"));
    auto* tl = new QVBoxLayout(timelinePage);
    auto* filters = new QHBoxLayout();
    m_typeFilter = new QComboBox(timelinePage);
    m_typeFilter->setObjectName(QStringLiteral("typeFilter"));
    m_typeFilter->setMinimumHeight(40);
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
    m_detail = new RecordDetail(m_service, split);
    split->addWidget(m_timeline);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    tl->addWidget(split);
    m_tabs->addTab(timelinePage, tr("Timeline"));

    m_vitals = new VitalSignsChart(m_tabs);
    m_tabs->addTab(m_vitals, tr("Vital signs"));
    m_labs = makeTable(m_tabs, QStringLiteral("labs"),
                       {tr("Time"), tr("Test"), tr("Value"), tr("Unit"), tr("Reference"), tr("Flag"), tr("Trend")});
    m_tabs->addTab(m_labs, tr("Labs"));
    m_allergies = makeTable(m_tabs, QStringLiteral("allergies"), {tr("Substance"), tr("Reaction"), tr("Severity")});
    m_tabs->addTab(m_allergies, tr("Allergies"));
    m_meds = makeTable(m_tabs, QStringLiteral("medications"),
                       {tr("Drug"), tr("Dose"), tr("Route"), tr("Frequency"), tr("Start"), tr("Status")});
    m_tabs->addTab(m_meds, tr("Medication orders"));

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
    refresh();
}

void PatientChart::buildHeader(QLayout* layout)
{
    auto* bar = new QHBoxLayout();
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("chartHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    bar->addWidget(m_header, 1);
    const struct
    {
        const char* type;
        const char* name;
        const char* label;
    } entries[] = {
        {"progress-note", "newProgressNote", QT_TR_NOOP("New progress note")},
        {"nursing-note", "newNursingNote", QT_TR_NOOP("New nursing note")},
        {"vital-signs", "newVitals", QT_TR_NOOP("Enter vital signs")},
    };
    for (const auto& e : entries) {
        const QString type = QLatin1String(e.type);
        if (!m_service.mayWrite(type) && !m_service.mayProxyEnter(type))
            continue;
        auto* b = new QPushButton(tr(e.label), this);
        b->setObjectName(QLatin1String(e.name));
        b->setMinimumHeight(52);
        bar->addWidget(b);
        connect(b, &QPushButton::clicked, this, [this, type] { newEntry(type); });
    }
    static_cast<QBoxLayout*>(layout)->addLayout(bar);
}

void PatientChart::refresh()
{
    m_records = m_service.listRecords(m_patient.patientId);
    const QDate today = Clock::instance().nowUtc().toLocalTime().date();
    const QStringList allergies = m_service.allergyAlerts(m_patient.patientId);
    QString html = QStringLiteral("<span style='font-size:22px;font-weight:bold'>%1</span> "
                                  "<span style='font-size:16px'>（%2）</span><br>")
                       .arg(m_patient.name.toHtmlEscaped(), m_patient.kana.toHtmlEscaped());
    html += tr("ID %1 · %2 years · %3 · %4 bed %5")
                .arg(m_patient.patientId)
                .arg(m_patient.ageOn(today))
                .arg(sexText(m_patient.sex), m_service.policy().compartmentName(m_patient.ward), m_patient.bed)
                .toHtmlEscaped();
    html += QStringLiteral("<br>");
    if (allergies.isEmpty())
        html += tr("No known allergies").toHtmlEscaped();
    else
        html += QStringLiteral("<span style='color:#b00020;font-weight:bold'>%1</span>")
                    .arg(tr("Allergies: %1").arg(allergies.join(QStringLiteral(", "))).toHtmlEscaped());
    m_header->setText(html);
    fillTimeline();
    fillTables(m_records);
}

void PatientChart::fillTimeline()
{
    const QString type = m_typeFilter->currentData().toString();
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    const QString selected = m_detail->recordId();
    m_timeline->setUpdatesEnabled(false);
    m_timeline->setRowCount(0);
    m_verifyQueue.clear();
    QList<const RecordVersion*> rows;
    for (const RecordVersion& r : m_records) {
        const QDate day = RecordPresenter::effectiveTime(r).toLocalTime().date();
        if ((!type.isEmpty() && r.type != type) || day < from || day > to)
            continue;
        rows.append(&r);
    }
    m_timeline->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const RecordVersion& r = *rows.at(i);
        auto* time = item(RecordPresenter::dateTime(RecordPresenter::effectiveTime(r)));
        time->setData(Qt::UserRole, r.recordId);
        time->setData(Qt::UserRole + 1, r.version);
        m_timeline->setItem(i, ColTime, time);
        m_timeline->setItem(i, ColType, item(ChartService::typeLabel(r.type)));
        m_timeline->setItem(i, ColSummary, item(RecordPresenter::summary(r)));
        m_timeline->setItem(i, ColAuthor, item(r.proxyAuthor.isEmpty() ? r.author
                                                                        : tr("%1 (by %2)").arg(r.author, r.proxyAuthor)));
        m_timeline->setItem(i, ColVersion, item(QString::number(r.version)));
        m_timeline->setItem(i, ColStatus, item(RecordPresenter::statusLabel(r.status)));
        m_timeline->setItem(i, ColSignature, item(tr("checking…")));
        m_timeline->setItem(i, ColSync, item(RecordPresenter::syncLabel(m_service.syncState(r.recordId, r.version), r.status)));
        m_verifyQueue.append(i);
        if (r.recordId == selected)
            m_timeline->selectRow(i);
    }
    m_timeline->setUpdatesEnabled(true);
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
        if (s.state == SignatureStatus::State::Invalid || s.state == SignatureStatus::State::Unsigned)
            cell->setForeground(QColor(0xb0, 0x00, 0x20));
    }
    if (m_verifyQueue.isEmpty())
        m_verifyTimer.stop();
}

void PatientChart::verifyAllNow()
{
    verifySome(std::numeric_limits<int>::max());
}

void PatientChart::fillTables(const QList<RecordVersion>& all)
{
    QList<RecordVersion> vitals;
    QList<const RecordVersion*> labs;
    m_allergies->setRowCount(0);
    m_meds->setRowCount(0);
    for (const RecordVersion& r : all) {
        if (r.type == QLatin1String("vital-signs"))
            vitals.append(r);
        else if (r.type == QLatin1String("lab-result") && r.status == RecordVersion::Status::Confirmed)
            labs.append(&r);
        else if (r.type == QLatin1String("allergy") && r.status != RecordVersion::Status::EnteredInError) {
            const QJsonObject o = RecordPresenter::fieldsOf(r);
            const int row = m_allergies->rowCount();
            m_allergies->insertRow(row);
            m_allergies->setItem(row, 0, item(o.value(QStringLiteral("substance")).toString()));
            m_allergies->setItem(row, 1, item(o.value(QStringLiteral("reaction")).toString()));
            m_allergies->setItem(row, 2, item(o.value(QStringLiteral("severity")).toString()));
        } else if (r.type == QLatin1String("medication-order") && r.status != RecordVersion::Status::EnteredInError) {
            const QJsonObject o = RecordPresenter::fieldsOf(r);
            const int row = m_meds->rowCount();
            m_meds->insertRow(row);
            int c = 0;
            for (const char* k : {"drug", "dose", "route", "frequency", "start"})
                m_meds->setItem(row, c++, item(o.value(QLatin1String(k)).toString()));
            m_meds->setItem(row, c, item(RecordPresenter::statusLabel(r.status)));
        }
    }
    m_vitals->setRecords(vitals);

    // Labs oldest first per test so the trend compares with the previous value of the same test.
    std::sort(labs.begin(), labs.end(), [](const RecordVersion* a, const RecordVersion* b) {
        return RecordPresenter::effectiveTime(*a) > RecordPresenter::effectiveTime(*b);
    });
    QHash<QString, double> previous;
    QList<QStringList> rows;
    QList<bool> abnormal;
    for (auto it = labs.crbegin(); it != labs.crend(); ++it) {
        const QJsonObject o = RecordPresenter::fieldsOf(**it);
        const QString code = o.value(QStringLiteral("code")).toString(o.value(QStringLiteral("name")).toString());
        const double v = o.value(QStringLiteral("value")).toDouble();
        QString flag;
        if (o.contains(QStringLiteral("high")) && v > o.value(QStringLiteral("high")).toDouble())
            flag = tr("H");
        else if (o.contains(QStringLiteral("low")) && v < o.value(QStringLiteral("low")).toDouble())
            flag = tr("L");
        QString trend;
        if (previous.contains(code))
            trend = v > previous.value(code) ? QStringLiteral("↑") : v < previous.value(code) ? QStringLiteral("↓")
                                                                                             : QStringLiteral("→");
        previous.insert(code, v);
        rows.prepend({RecordPresenter::dateTime(RecordPresenter::effectiveTime(**it)),
                      o.value(QStringLiteral("name")).toString(), QString::number(v),
                      o.value(QStringLiteral("unit")).toString(),
                      QStringLiteral("%1–%2").arg(o.value(QStringLiteral("low")).toDouble())
                          .arg(o.value(QStringLiteral("high")).toDouble()),
                      flag, trend});
        abnormal.prepend(!flag.isEmpty());
    }
    m_labs->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        for (int c = 0; c < rows.at(i).size(); ++c) {
            auto* cell = item(rows.at(i).at(c));
            if (abnormal.at(i) && (c == 2 || c == 5)) {
                cell->setForeground(QColor(0xb0, 0x00, 0x20));
                QFont f = cell->font();
                f.setBold(true);
                cell->setFont(f);
            }
            m_labs->setItem(i, c, cell);
        }
    }
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
