#pragma once

#include "card/CardError.h"

#include <utility>

namespace ward {

// A value or a typed card error; the status word is kept so an unexpected answer can be reported exactly.
template <typename T>
struct CardResult
{
    T value{};
    CardError error = CardError::None;
    quint16 statusWord = 0;

    bool ok() const { return error == CardError::None; }
    static CardResult success(T v) { return CardResult{std::move(v), CardError::None, 0x9000}; }
    static CardResult failure(CardError e, quint16 sw = 0) { return CardResult{T{}, e, sw}; }
};

} // namespace ward
