#pragma once

#include <QByteArray>
#include <QString>

namespace ward::AtomicFile {

// Replaces `path` with `contents` so that a crash or power loss leaves either the old or the new
// file, never a mix: write a temporary file beside it, fsync it, rename over, fsync the directory.
// On failure (disk full, file size limit, permissions) the temporary file is removed, the old file
// is untouched, and a VaultError (DiskFull or Io) is thrown.
void write(const QString& path, const QByteArray& contents, int mode = 0600);

// Appends one line and fsyncs (for records that must survive, such as disposal records).
void appendLine(const QString& path, const QByteArray& line);

} // namespace ward::AtomicFile
