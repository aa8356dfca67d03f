#include "exports/ExportPolicy.h"

#include "crypto/Certificate.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace ward {

namespace {

// The canonical form of a path that may not exist yet: its existing directory resolved (symlinks and ".."), so a
// target cannot leave an allowed root by either.
QString canonicalTarget(const QString& path)
{
    const QFileInfo info(path);
    const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
    return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + info.fileName();
}

bool inside(const QString& target, const QString& root)
{
    const QString r = QFileInfo(root).canonicalFilePath();
    return !r.isEmpty() && !target.isEmpty() && target.startsWith(r + QLatin1Char('/'));
}

} // namespace

QList<QPair<QString, QString>> ExportPolicy::problems(const QJsonObject& section)
{
    QList<QPair<QString, QString>> out;
    const QJsonValue destinations = section.value(QStringLiteral("destinations"));
    if (!destinations.isUndefined()) {
        bool ok = destinations.isArray();
        for (const QJsonValue& d : destinations.toArray()) {
            ExportDestination parsed;
            ok = ok && d.isString() && ExportRequest::destinationFromName(d.toString(), &parsed);
        }
        if (!ok)
            out.append({QStringLiteral("export.destinations"), tr("export.destinations must list printer, folder and/or media.")});
    }
    const QJsonValue folder = section.value(QStringLiteral("folder"));
    if (!folder.isUndefined() && (!folder.isString() || !QDir::isAbsolutePath(folder.toString())))
        out.append({QStringLiteral("export.folder"), tr("export.folder must be an absolute path.")});
    const QJsonValue roots = section.value(QStringLiteral("mediaRoots"));
    if (!roots.isUndefined()) {
        bool ok = roots.isArray();
        for (const QJsonValue& r : roots.toArray())
            ok = ok && r.isString() && QDir::isAbsolutePath(r.toString()) && QDir::cleanPath(r.toString()) != QLatin1String("/");
        if (!ok)
            out.append({QStringLiteral("export.mediaRoots"), tr("export.mediaRoots must list absolute mount points such as /media.")});
    }
    const QJsonValue recipients = section.value(QStringLiteral("recipients"));
    if (!recipients.isUndefined()) {
        bool ok = recipients.isArray();
        for (const QJsonValue& r : recipients.toArray()) {
            const QString name = r.toObject().value(QStringLiteral("name")).toString().trimmed();
            ok = ok && r.isObject() && !name.isEmpty() && name.size() <= kMaxRecipientName
                 && Certificate::fromPem(r.toObject().value(QStringLiteral("certificate")).toString().toLatin1()).has_value();
        }
        if (!ok)
            out.append({QStringLiteral("export.recipients"),
                        tr("export.recipients must list receiving hospitals, each with a name (up to %1 characters) and its "
                           "certificate in PEM.")
                            .arg(kMaxRecipientName)});
    }
    return out;
}

ExportPolicy ExportPolicy::fromPolicy(const QJsonObject& policy)
{
    ExportPolicy p;
    const QJsonObject section = policy.value(QStringLiteral("export")).toObject();
    if (section.isEmpty() || !problems(section).isEmpty())
        return p;
    if (section.contains(QStringLiteral("destinations"))) {
        p.m_destinations.clear();
        for (const QJsonValue& d : section.value(QStringLiteral("destinations")).toArray()) {
            ExportDestination parsed;
            if (ExportRequest::destinationFromName(d.toString(), &parsed) && !p.m_destinations.contains(parsed))
                p.m_destinations << parsed;
        }
    }
    p.m_folder = section.value(QStringLiteral("folder")).toString();
    for (const QJsonValue& r : section.value(QStringLiteral("mediaRoots")).toArray())
        p.m_mediaRoots << QDir::cleanPath(r.toString());
    for (const QJsonValue& r : section.value(QStringLiteral("recipients")).toArray())
        p.m_recipients << Recipient{r.toObject().value(QStringLiteral("name")).toString().trimmed(),
                                    r.toObject().value(QStringLiteral("certificate")).toString().toLatin1()};
    return p;
}

QString ExportPolicy::refusal(ExportDestination d, const QString& target) const
{
    if (!allows(d))
        return d == ExportDestination::RemovableMedia
            ? tr("The hospital policy does not allow exports to removable media at this terminal.")
            : tr("The hospital policy does not allow output to %1.").arg(ExportRequest::destinationLabel(d));
    if (d == ExportDestination::Printer)
        return target.trimmed().isEmpty() ? tr("Choose a printer.") : QString();
    const QString canonical = canonicalTarget(target);
    if (d == ExportDestination::Folder) {
        if (m_folder.isEmpty())
            return tr("No export folder is set in the hospital policy. Ask IT.");
        return inside(canonical, m_folder) ? QString() : tr("Files may only be saved in the export folder %1.").arg(m_folder);
    }
    for (const QString& root : m_mediaRoots)
        if (inside(canonical, root))
            return QString();
    return tr("The file must be on removable media (under %1).").arg(m_mediaRoots.join(QStringLiteral(", ")));
}

} // namespace ward
