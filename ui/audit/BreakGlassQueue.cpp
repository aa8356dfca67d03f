#include "ui/audit/BreakGlassQueue.h"

#include "ui/reception/ReceptionClient.h"
#include "ui/theme/StatusBadge.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ward {

namespace {
constexpr int kMaxComment = 500; // the hub's AuditReview::kMaxCommentLength
}

BreakGlassQueue::BreakGlassQueue(ReceptionClient& client, AuditResults::PrinterFactory printers, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_printers(std::move(printers))
{
    setObjectName(QStringLiteral("breakGlassQueue"));
    m_showReviewed = new QCheckBox(tr("Show reviewed entries too"), this);
    m_showReviewed->setObjectName(QStringLiteral("btgShowReviewed"));
    auto* refresh = new QPushButton(ThemeIcon::icon(IconName::Refresh), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("btgRefresh"));
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("btgTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    AuditResults::fill(m_table, AuditResults::Kind::BreakGlass, {});
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("btgComment"));
    m_comment->setMaxLength(kMaxComment);
    m_comment->setPlaceholderText(tr("Your finding, e.g. justified: emergency on the ward"));
    m_reviewed = new QPushButton(ThemeIcon::icon(IconName::Ok), tr("Reviewed"), this);
    m_reviewed->setObjectName(QStringLiteral("btgReviewed"));
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("btgExport"));
    m_print = new QPushButton(ThemeIcon::icon(IconName::Print), tr("Print"), this);
    m_print->setObjectName(QStringLiteral("btgPrint"));
    m_message = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_message->setObjectName(QStringLiteral("btgMessage"));
    m_message->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Break-the-glass accesses waiting for review, oldest first."), this), 1);
    top->addWidget(m_showReviewed);
    top->addWidget(refresh);
    auto* review = new QHBoxLayout;
    review->addWidget(new QLabel(tr("Comment"), this));
    review->addWidget(m_comment, 1);
    review->addWidget(m_reviewed);
    auto* output = new QHBoxLayout;
    output->addStretch();
    output->addWidget(m_export);
    output->addWidget(m_print);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(review);
    layout->addLayout(output);

    connect(refresh, &QPushButton::clicked, this, &BreakGlassQueue::refresh);
    connect(m_showReviewed, &QCheckBox::toggled, this, &BreakGlassQueue::refresh);
    connect(m_reviewed, &QPushButton::clicked, this, &BreakGlassQueue::markReviewed);
    connect(m_comment, &QLineEdit::textChanged, this, &BreakGlassQueue::updateButtons);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &BreakGlassQueue::updateButtons);
    connect(m_export, &QPushButton::clicked, this, &BreakGlassQueue::chooseCsvFile);
    connect(m_print, &QPushButton::clicked, this, &BreakGlassQueue::printAll);
    updateButtons();
}

void BreakGlassQueue::say(bool ok, IconName icon, const QString& message)
{
    m_message->setStatus(ok ? StatusTone::Ok : StatusTone::Danger, ok ? icon : IconName::Error, message);
    m_message->show();
}

void BreakGlassQueue::updateButtons()
{
    const int row = m_table->currentRow();
    const bool open = row >= 0 && row < m_rows.size() && !m_rows.at(row).toObject().value(QStringLiteral("reviewed")).toBool();
    m_reviewed->setEnabled(open && !m_comment->text().trimmed().isEmpty());
    m_export->setEnabled(!m_rows.isEmpty());
    m_print->setEnabled(!m_rows.isEmpty());
}

QUrlQuery BreakGlassQueue::exportQuery() const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("status"), m_showReviewed->isChecked() ? QStringLiteral("all") : QStringLiteral("pending"));
    return q;
}

void BreakGlassQueue::refresh()
{
    QUrlQuery q = exportQuery();
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    m_client.get(QStringLiteral("audit/break-glass"), q, [this](const HubReply& reply) {
        if (!reply.ok()) {
            say(false, IconName::Error, ReceptionClient::explain(reply));
            emit refreshed(false);
            return;
        }
        m_rows = reply.json.value(QStringLiteral("rows")).toArray();
        AuditResults::fill(m_table, AuditResults::Kind::BreakGlass, m_rows);
        if (m_rows.isEmpty())
            say(true, IconName::Ok, tr("No break-the-glass access is waiting for review."));
        updateButtons();
        emit refreshed(true);
    });
}

void BreakGlassQueue::markReviewed()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_rows.size() || m_comment->text().trimmed().isEmpty())
        return;
    const QJsonObject entry = m_rows.at(row).toObject();
    m_reviewed->setEnabled(false);
    m_client.post(QStringLiteral("audit/break-glass/review"),
                  {{QStringLiteral("terminal"), entry.value(QStringLiteral("terminal")).toString()},
                   {QStringLiteral("seq"), entry.value(QStringLiteral("seq"))},
                   {QStringLiteral("comment"), m_comment->text().trimmed()}},
                  [this, entry](const HubReply& reply) {
                      if (!reply.ok()) {
                          // Another auditor may have reviewed it meanwhile: the queue is read again either way.
                          say(false, IconName::Error, ReceptionClient::explain(reply));
                          emit reviewDone(false);
                          refresh();
                          return;
                      }
                      m_comment->clear();
                      say(true, IconName::Ok,
                          tr("Marked reviewed: %1's access at %2.")
                              .arg(entry.value(QStringLiteral("user")).toString(),
                                   AuditResults::timeText(entry.value(QStringLiteral("time")).toString())));
                      emit reviewDone(true);
                      refresh();
                  });
}

void BreakGlassQueue::exportTo(const QString& path)
{
    QUrlQuery q = exportQuery();
    q.addQueryItem(QStringLiteral("view"), QStringLiteral("break-glass"));
    AuditResults::exportCsv(m_client, q, AuditResults::Kind::BreakGlass, path, [this](bool ok, const QString& message) {
        say(ok, IconName::Saved, message);
        emit exported(ok);
    });
}

void BreakGlassQueue::chooseCsvFile()
{
    AuditResults::askForCsvFile(this, tr("Export break-the-glass entries as CSV"), [this](const QString& path) { exportTo(path); });
}

void BreakGlassQueue::printAll()
{
    QUrlQuery q = exportQuery();
    q.addQueryItem(QStringLiteral("view"), QStringLiteral("break-glass"));
    AuditResults::printAll(m_client, q, AuditResults::Kind::BreakGlass, tr("Break-the-glass review"), m_printers,
                           [this](bool ok, const QString& message) {
                               say(ok, IconName::Print, message);
                               emit printed(ok);
                           });
}

} // namespace ward
