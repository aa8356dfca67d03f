#include "ui/chart/NoteEditor.h"

#include <QComboBox>
#include "util/Clock.h"

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
    m_format->setAccessibleName(tr("Note format"));
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
    const RecordContent stored = draftContent();
    const ClinicalNote* note = stored.note();
    const bool text = note ? note->format == ClinicalNote::Format::Text : this->draft().type == QLatin1String("nursing-note");
    m_written = stored.clinicalTime.isValid() ? stored.clinicalTime : Clock::instance().nowUtc();
    m_format->setCurrentIndex(text ? 1 : 0);
    m_pages->setCurrentIndex(text ? 1 : 0);
    if (note) {
        m_s->setPlainText(note->subjective);
        m_o->setPlainText(note->objective);
        m_a->setPlainText(note->assessment);
        m_p->setPlainText(note->plan);
        m_text->setPlainText(note->text);
    }

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
    e->setAccessibleName(label);
    layout->addWidget(l);
    layout->addWidget(e);
    return e;
}

RecordContent NoteEditor::composeContent() const
{
    RecordContent c;
    c.clinicalTime = m_written;
    ClinicalNote n;
    if (m_format->currentData().toString() == QLatin1String("soap")) {
        n.format = ClinicalNote::Format::Soap;
        // A section with only blanks is not written at all.
        const std::pair<QString ClinicalNote::*, QPlainTextEdit*> fields[] = {
            {&ClinicalNote::subjective, m_s}, {&ClinicalNote::objective, m_o}, {&ClinicalNote::assessment, m_a}, {&ClinicalNote::plan, m_p}};
        for (const auto& [member, edit] : fields) {
            const QString t = edit->toPlainText();
            if (!t.trimmed().isEmpty())
                n.*member = t;
        }
    } else {
        n.format = ClinicalNote::Format::Text;
        n.text = m_text->toPlainText();
    }
    c.data = n;
    return c;
}

} // namespace ward
