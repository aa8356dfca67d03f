#pragma once

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QMetaProperty>
#include <QSet>
#include <QStatusBar>
#include <QStringList>
#include <QWidget>

namespace ward::test {

// Searches the WHOLE object tree of the application (every QObject under every top-level widget and
// under qApp) for any of `needles`: every readable QString/QStringList property (text, windowTitle,
// toolTip, plainText, html, placeholderText, …), window titles, QAction texts, and every item model's
// data for all rows, columns, roles and child rows. Returns where each hit was (never asserts itself).
class PatientDataSearch
{
public:
    explicit PatientDataSearch(QStringList needles) : m_needles(std::move(needles)) {}

    QStringList run()
    {
        m_hits.clear();
        QSet<QObject*> seen;
        QList<QObject*> roots;
        for (QWidget* w : QApplication::topLevelWidgets())
            roots.append(w);
        roots.append(QCoreApplication::instance());
        for (QObject* root : roots) {
            QList<QObject*> all = root->findChildren<QObject*>();
            all.prepend(root);
            for (QObject* o : all) {
                if (seen.contains(o))
                    continue;
                seen.insert(o);
                scanObject(o);
            }
        }
        return m_hits;
    }

    int objectsScanned() const { return m_objects; }
    int modelCellsScanned() const { return m_cells; }

private:
    void check(const QObject* o, const QString& where, const QString& value)
    {
        for (const QString& n : m_needles)
            if (!n.isEmpty() && value.contains(n))
                m_hits.append(QStringLiteral("%1#%2 %3 contains \"%4\"")
                                  .arg(QString::fromLatin1(o->metaObject()->className()), o->objectName(), where, n));
    }

    void scanObject(QObject* o)
    {
        ++m_objects;
        const QMetaObject* mo = o->metaObject();
        for (int i = 0; i < mo->propertyCount(); ++i) {
            const QMetaProperty p = mo->property(i);
            if (!p.isReadable())
                continue;
            const int type = p.metaType().id();
            if (type != QMetaType::QString && type != QMetaType::QStringList)
                continue;
            const QVariant v = p.read(o);
            check(o, QString::fromLatin1(p.name()),
                  type == QMetaType::QString ? v.toString() : v.toStringList().join(QLatin1Char('\n')));
        }
        if (auto* w = qobject_cast<QWidget*>(o)) {
            check(o, QStringLiteral("windowTitle"), w->windowTitle());
            check(o, QStringLiteral("windowIconText"), w->windowIconText());
        }
        if (auto* bar = qobject_cast<QStatusBar*>(o))
            check(o, QStringLiteral("statusBar.currentMessage"), bar->currentMessage());
        if (auto* a = qobject_cast<QAction*>(o)) {
            check(o, QStringLiteral("action.text"), a->text());
            check(o, QStringLiteral("action.iconText"), a->iconText());
        }
        if (auto* m = qobject_cast<QAbstractItemModel*>(o))
            scanModel(m, QModelIndex());
    }

    void scanModel(QAbstractItemModel* m, const QModelIndex& parent)
    {
        const int rows = m->rowCount(parent);
        const int cols = m->columnCount(parent);
        for (int section = 0; section < cols && !parent.isValid(); ++section)
            for (int role = 0; role <= Qt::UserRole + 32; ++role)
                check(m, QStringLiteral("header"), m->headerData(section, Qt::Horizontal, role).toString());
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < cols; ++c) {
                const QModelIndex idx = m->index(r, c, parent);
                ++m_cells;
                for (int role = 0; role <= Qt::UserRole + 32; ++role)
                    check(m, QStringLiteral("cell(%1,%2) role %3").arg(r).arg(c).arg(role), m->data(idx, role).toString());
                if (m->hasChildren(idx))
                    scanModel(m, idx);
            }
        }
    }

    QStringList m_needles;
    QStringList m_hits;
    int m_objects = 0;
    int m_cells = 0;
};

} // namespace ward::test
