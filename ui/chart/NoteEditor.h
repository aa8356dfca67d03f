#pragma once

#include "ui/chart/DraftEditor.h"

class QComboBox;
class QPlainTextEdit;
class QStackedWidget;

namespace ward {

// Progress or nursing note, SOAP or free text.
class NoteEditor : public DraftEditor
{
    Q_OBJECT

public:
    NoteEditor(ChartService& service, Draft draft, QWidget* parent = nullptr);

protected:
    RecordContent composeContent() const override;

private:
    QPlainTextEdit* addField(QLayout* layout, const QString& objectName, const QString& label);

    QComboBox* m_format;
    QStackedWidget* m_pages;
    QPlainTextEdit* m_s;
    QPlainTextEdit* m_o;
    QPlainTextEdit* m_a;
    QPlainTextEdit* m_p;
    QPlainTextEdit* m_text;
    QDateTime m_written;  // the note's clinical time: when its draft was started
};

} // namespace ward
