#include "ui/chart/VitalsEntry.h"

#include "ui/chart/RecordPresenter.h"
#include "ui/theme/ThemeProperty.h"
#include "util/Clock.h"

#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>

namespace ward {

VitalsEntry::VitalsEntry(ChartService& service, Draft draft, QWidget* parent)
    : DraftEditor(service, std::move(draft), parent)
{
    setObjectName(QStringLiteral("vitalsEntry"));
    auto* grid = new QFormLayout();
    const RecordContent stored = draftContent();
    const VitalSigns storedVitals = stored.vitals() ? *stored.vitals() : VitalSigns();

    m_time = new QDateTimeEdit(this);
    m_time->setObjectName(QStringLiteral("vitalsTime"));
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_time->setAccessibleName(RecordPresenter::fieldLabel(QStringLiteral("effective")));
    m_time->setDateTime((stored.clinicalTime.isValid() ? stored.clinicalTime : Clock::instance().nowUtc()).toLocalTime());
    grid->addRow(RecordPresenter::fieldLabel(QStringLiteral("effective")), m_time);

    const std::pair<const char*, std::optional<double>> values[] = {
        {"temperature", storedVitals.temperature}, {"pulse", storedVitals.pulse}, {"systolic", storedVitals.systolic},
        {"diastolic", storedVitals.diastolic},     {"spo2", storedVitals.spo2},   {"respRate", storedVitals.respRate}};
    for (const auto& [name, storedValue] : values) {
        const QString key = QLatin1String(name);
        m_order.append(key);
        auto* edit = new QLineEdit(this);
        edit->setObjectName(key);
        edit->setAccessibleName(RecordPresenter::fieldLabel(key));
        edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        if (storedValue)
            edit->setText(QString::number(*storedValue));
        grid->addRow(RecordPresenter::fieldLabel(key), edit);
        m_fields.insert(key, edit);
        connect(edit, &QLineEdit::textEdited, this, &VitalsEntry::contentChanged);
    }
    connect(m_time, &QDateTimeEdit::dateTimeChanged, this, &VitalsEntry::contentChanged);
    form()->addLayout(grid);
    finishSetup();
}

std::optional<double> VitalsEntry::value(const QString& key, bool* unreadable) const
{
    // Accept a comma as decimal separator too: 「36,8」 is a common slip.
    QString text = m_fields.value(key)->text().trimmed();
    if (unreadable)
        *unreadable = false;
    if (text.isEmpty())
        return std::nullopt;
    text.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = QLocale::c().toDouble(text, &ok);
    if (ok)
        return v;
    if (unreadable)
        *unreadable = true;
    return std::nullopt;
}

RecordContent VitalsEntry::composeContent() const
{
    RecordContent c;
    // Minutes are what a nurse reads off the clock; seconds would only make two entries differ invisibly.
    QDateTime time = m_time->dateTime().toUTC();
    time.setTime(QTime(time.time().hour(), time.time().minute()));
    c.clinicalTime = time;
    VitalSigns v;
    v.temperature = value(QStringLiteral("temperature"));
    v.pulse = value(QStringLiteral("pulse"));
    v.systolic = value(QStringLiteral("systolic"));
    v.diastolic = value(QStringLiteral("diastolic"));
    v.spo2 = value(QStringLiteral("spo2"));
    v.respRate = value(QStringLiteral("respRate"));
    c.data = v;
    return c;
}

QList<ValidationProblem> VitalsEntry::entryProblems() const
{
    QList<ValidationProblem> problems;
    for (const QString& key : m_order) {
        bool unreadable = false;
        value(key, &unreadable);
        if (unreadable)
            problems.append({key, tr("%1 must be a number.").arg(RecordPresenter::fieldLabel(key))});
    }
    return problems;
}

void VitalsEntry::markFields(const QList<ValidationProblem>& problems)
{
    QSet<QString> bad;
    for (const ValidationProblem& p : problems)
        bad.insert(p.field);
    for (auto it = m_fields.constBegin(); it != m_fields.constEnd(); ++it)
        ThemeProperty::setInvalid(it.value(), bad.contains(it.key()));
}

} // namespace ward
