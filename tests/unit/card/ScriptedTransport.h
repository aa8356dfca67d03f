#pragma once

#include "card/ApduTransport.h"

#include <QList>
#include <QPair>

// A transport that answers from a script of (expected command, answer) pairs and records what was sent:
// the seam for unit tests of APDU chaining and the PIV layer above CardSession.
class ScriptedTransport : public ward::ApduTransport
{
public:
    void expect(const QByteArray& commandHex, const QByteArray& answerHex)
    {
        m_script.append({QByteArray::fromHex(commandHex), QByteArray::fromHex(answerHex)});
    }
    // Answer every command with this, forever (for runaway-card tests).
    void answerAlways(const QByteArray& answerHex) { m_always = QByteArray::fromHex(answerHex); }
    void failWith(ward::CardError e) { m_fail = e; }

    ward::CardResult<QByteArray> transmitRaw(const QByteArray& command) override
    {
        m_sent.append(command);
        if (m_fail != ward::CardError::None)
            return ward::CardResult<QByteArray>::failure(m_fail);
        if (!m_always.isEmpty())
            return ward::CardResult<QByteArray>::success(m_always);
        if (m_script.isEmpty()) {
            m_unexpected = true;
            return ward::CardResult<QByteArray>::success(QByteArray::fromHex("6f00"));
        }
        const auto step = m_script.takeFirst();
        if (!step.first.isEmpty() && step.first != command)
            m_unexpected = true;
        return ward::CardResult<QByteArray>::success(step.second);
    }

    QList<QByteArray> sent() const { return m_sent; }
    bool scriptFollowed() const { return !m_unexpected && m_script.isEmpty(); }

private:
    QList<QPair<QByteArray, QByteArray>> m_script;
    QList<QByteArray> m_sent;
    QByteArray m_always;
    bool m_unexpected = false;
    ward::CardError m_fail = ward::CardError::None;
};
