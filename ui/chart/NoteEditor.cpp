#include "ui/chart/NoteEditor.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ward {

NoteEditor::NoteEditor(ChartService& service, Draft draft, QWidget* parent)
    : DraftEditor(service, std::move(draft), parent)
{
    setObjectName(QStringLiteral("noteEditor"));
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("noteFormat"));
    m_format->setMinimumHeight(44);
    m_format->addItem(tr("SOAP"), QStringLiteral("soap"));
    m_format->addItem(tr("Free text"), QStringLiteral("text"));
    form()->addWidget(m_format);

    m_pages = new QStackedWidget(this);
    auto* soapPage = new QWidget(m_pages);
    auto* soapLayout = new QVBoxLayout(soapPage);
    m_s = addField(soapLayout, QStringLiteral("soapS"), tr("S — subjective"));
    m_o = addField(soapLayout, QStringLiteral("soapO"), tr("O — objective"));
    m_a = addField(soapLayout, QStringLiteral("soapA"), tr("A — assessment"));
    m_p = addField(soapLayout, QStringLiteral("soapP"), tr("P — plan"));
    auto* textPage = new QWidget(m_pages);
    auto* textLayout = new QVBoxLayout(textPage);
    m_text = addField(textLayout, QStringLiteral("noteText"), tr("Note"));
    m_text->setMinimumHeight(240);
    m_pages->addWidget(soapPage);
    m_pages->addWidget(textPage);
    form()->addWidget(m_pages);

    // Load what the draft already holds (restored after a lock, or the record being corrected).
    const QJsonObject o = QJsonDocument::fromJson(this->draft().body).object();
    const bool text = o.value(QStringLiteral("format")).toString() == QLatin1String("text")
        || (o.isEmpty() && this->draft().type == QLatin1String("nursing-note"));
    m_format->setCurrentIndex(text ? 1 : 0);
    m_pages->setCurrentIndex(text ? 1 : 0);
    m_s->setPlainText(o.value(QStringLiteral("subjective")).toString());
    m_o->setPlainText(o.value(QStringLiteral("objective")).toString());
    m_a->setPlainText(o.value(QStringLiteral("assessment")).toString());
    m_p->setPlainText(o.value(QStringLiteral("plan")).toString());
    m_text->setPlainText(o.value(QStringLiteral("text")).toString());

    connect(m_format, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_pages->setCurrentIndex(i);
        contentChanged();
    });
    for (QPlainTextEdit* e : {m_s, m_o, m_a, m_p, m_text})
        connect(e, &QPlainTextEdit::textChanged, this, &NoteEditor::contentChanged);
    finishSetup();
}

QPlainTextEdit* NoteEditor::addField(QLayout* layout, const QString& objectName, const QString& label)
{
    auto* l = new QLabel(label, this);
    auto* e = new QPlainTextEdit(this);
    e->setObjectName(objectName);
    e->setTabChangesFocus(true);  // keyboard operable: Tab moves on
    e->setMinimumHeight(70);
    l->setBuddy(e);
    layout->addWidget(l);
    layout->addWidget(e);
    return e;
}

QByteArray NoteEditor::composeBody() const
{
    QJsonObject o;
    if (m_format->currentData().toString() == QLatin1String("soap")) {
        o.insert(QStringLiteral("format"), QStringLiteral("soap"));
        const std::pair<const char*, QPlainTextEdit*> fields[] = {
            {"subjective", m_s}, {"objective", m_o}, {"assessment", m_a}, {"plan", m_p}};
        for (const auto& [key, edit] : fields) {
            const QString t = edit->toPlainText();
            if (!t.trimmed().isEmpty())
                o.insert(QLatin1String(key), t);
        }
    } else {
        o.insert(QStringLiteral("format"), QStringLiteral("text"));
        o.insert(QStringLiteral("text"), m_text->toPlainText());
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace ward
