#include "ui/chart/VersionHistory.h"

#include "records/RecordDiff.h"
#include "records/StaffDirectory.h"
#include "ui/chart/RecordPresenter.h"
#include "ui/theme/Appearance.h"
#include "ui/theme/ThemeStyleSheet.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ward {

VersionHistory::VersionHistory(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("versionHistory"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout();
    m_from = new QComboBox(this);
    m_from->setObjectName(QStringLiteral("diffFrom"));
    m_to = new QComboBox(this);
    m_to->setObjectName(QStringLiteral("diffTo"));
    m_from->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_to->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* fromLabel = new QLabel(tr("Compare version"), this);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("with"), this);
    toLabel->setBuddy(m_to);
    row->addWidget(fromLabel);
    row->addWidget(m_from);
    row->addWidget(toLabel);
    row->addWidget(m_to);
    row->addStretch();
    m_diff = new QTextBrowser(this);
    m_diff->setObjectName(QStringLiteral("diffView"));
    m_diff->setMinimumHeight(100);
    layout->addWidget(new QLabel(tr("Version history"), this));
    layout->addLayout(row);
    layout->addWidget(m_diff);
    m_from->setAccessibleName(tr("Compare version"));
    m_to->setAccessibleName(tr("with"));
    m_diff->setAccessibleName(tr("Version history"));
    // The comparison's colours come from the theme; a switch re-renders it.
    m_diff->document()->setDefaultStyleSheet(ThemeStyleSheet::richText(Appearance::theme()));
    connect(Appearance::instance(), &Appearance::changed, this, [this](const Theme& theme) {
        m_diff->document()->setDefaultStyleSheet(ThemeStyleSheet::richText(theme));
        update();
    });
    connect(m_from, &QComboBox::currentIndexChanged, this, &VersionHistory::update);
    connect(m_to, &QComboBox::currentIndexChanged, this, &VersionHistory::update);
}

void VersionHistory::setVersions(const QList<RecordVersion>& versions)
{
    m_versions = versions;
    const QSignalBlocker a(m_from);
    const QSignalBlocker b(m_to);
    m_from->clear();
    m_to->clear();
    for (const RecordVersion& v : versions) {
        const QString label = tr("v%1 · %2 · %3 · %4")
                                  .arg(v.version)
                                  .arg(RecordPresenter::dateTime(v.createdAt), m_staff ? m_staff->label(v.author) : v.author,
                                       RecordPresenter::statusLabel(v.status));
        m_from->addItem(label, v.version);
        m_to->addItem(label, v.version);
    }
    if (versions.size() >= 2) {
        m_from->setCurrentIndex(static_cast<int>(versions.size()) - 2);
        m_to->setCurrentIndex(static_cast<int>(versions.size()) - 1);
    }
    update();
}

void VersionHistory::compare(int from, int to)
{
    m_from->setCurrentIndex(m_from->findData(from));
    m_to->setCurrentIndex(m_to->findData(to));
    update();
}

QString VersionHistory::diffText() const
{
    return m_diff->toPlainText();
}

void VersionHistory::update()
{
    const int from = m_from->currentData().toInt();
    const int to = m_to->currentData().toInt();
    const RecordVersion* a = nullptr;
    const RecordVersion* b = nullptr;
    for (const RecordVersion& v : m_versions) {
        if (v.version == from)
            a = &v;
        if (v.version == to)
            b = &v;
    }
    if (m_versions.size() < 2 || !a || !b) {
        m_diff->setHtml(tr("Only one version."));
        return;
    }
    m_diff->setHtml(RecordPresenter::diffHtml(RecordDiff::between(a->body, b->body)));
}

} // namespace ward
