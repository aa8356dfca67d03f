// Child process for the crash-safety test: opens the vault and commits record versions one by one,
// printing each record ID only after its commit returned. The parent kills it with SIGKILL.
#include "unit/vault/VaultTestSupport.h"
#include "vault/Vault.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    const QString dir = QString::fromLocal8Bit(argv[1]);
    const int count = QByteArray(argv[2]).toInt();
    auto vault = ward::Vault::openWithPassword(dir, QStringLiteral("T-W3-01"), QStringLiteral("N000000001"),
                                               ward::test::pw("Kango#2026"));
    std::printf("open\n");
    std::fflush(stdout);
    for (int i = 0; i < count; ++i) {
        const ward::RecordVersion r = ward::test::record(
            QStringLiteral("P0001"), QByteArray("{\"seq\":") + QByteArray::number(i) + "}" + QByteArray(600, 'v'));
        vault->records().append(r);
        vault->audit().append(QStringLiteral("N000000001"), QStringLiteral("record.confirm"), r.patientId, r.recordId,
                              QStringLiteral("success"));
        std::printf("%s\n", qPrintable(r.recordId));
        std::fflush(stdout);
    }
    return 0;
}
