#include "ui/chart/VitalsEntry.h"

#include "ui/chart/RecordPresenter.h"
#include "util/Clock.h"

#include <QDateTimeEdit>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLocale>

namespace ward {

VitalsEntry::VitalsEntry(ChartService& service, Draft draft, QWidget* parent)
    : DraftEditor(service, std::move(draft), parent)
{
    setObjectName(QStringLiteral("vitalsEntry"));
    auto* grid = new QFormLayout();
    const QJsonObject o = QJsonDocument::fromJson(this->draft().body).object();

    m_time = new QDateTimeEdit(this);
    m_time->setObjectName(QStringLiteral("vitalsTime"));
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_time->setMinimumHeight(44);
    const QDateTime stored = QDateTime::fromString(o.value(QStringLiteral("effective")).toString(), Qt::ISODate);
    m_time->setDateTime((stored.isValid() ? stored : Clock::instance().nowUtc()).toLocalTime());
    grid->addRow(RecordPresenter::fieldLabel(QStringLiteral("effective")), m_time);

    m_order = QStringList{QStringLiteral("temperature"), QStringLiteral("pulse"), QStringLiteral("systolic"),
                          QStringLiteral("diastolic"),   QStringLiteral("spo2"),  QStringLiteral("respRate")};
    for (const QString& key : m_order) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(key);
        edit->setMinimumHeight(44);
        edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        const QJsonValue v = o.value(key);
        edit->setText(v.isDouble() ? QString::number(v.toDouble()) : v.toString());
        grid->addRow(RecordPresenter::fieldLabel(key), edit);
        m_fields.insert(key, edit);
        connect(edit, &QLineEdit::textEdited, this, &VitalsEntry::contentChanged);
    }
    connect(m_time, &QDateTimeEdit::dateTimeChanged, this, &VitalsEntry::contentChanged);
    form()->addLayout(grid);
    finishSetup();
}

QByteArray VitalsEntry::composeBody() const
{
    QJsonObject o;
    o.insert(QStringLiteral("effective"), m_time->dateTime().toUTC().toString(Qt::ISODate));
    for (const QString& key : m_order) {
        // Accept a comma as decimal separator too: 「36,8」 is a common slip.
        QString text = m_fields.value(key)->text().trimmed();
        if (text.isEmpty())
            continue;
        text.replace(QLatin1Char(','), QLatin1Char('.'));
        bool ok = false;
        const double value = QLocale::c().toDouble(text, &ok);
        if (ok)
            o.insert(key, value);
        else
            o.insert(key, m_fields.value(key)->text());  // kept as typed; the validator names the problem
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void VitalsEntry::markFields(const QList<ValidationProblem>& problems)
{
    QSet<QString> bad;
    for (const ValidationProblem& p : problems)
        bad.insert(p.field);
    for (auto it = m_fields.constBegin(); it != m_fields.constEnd(); ++it)
        it.value()->setStyleSheet(bad.contains(it.key()) ? QStringLiteral("border:2px solid #b00020;") : QString());
}

} // namespace ward
