// Resident identity numbers (GB 11643-1999) and bank card numbers.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace huzhu {

enum class Sex { kMale, kFemale };

/// A validated 18-character resident ID.
struct ResidentId {
  std::string digits;  ///< 17 digits + check character ('0'-'9' or upper-case 'X')
  Date birth;
  Sex sex = Sex::kMale;
};

/// The well-formed case of ParseResidentId, without allocating: exactly 18 ASCII characters (17
/// digits and a digit, X or x), a birth date in range and the right check character. nullopt
/// for anything else, which ParseResidentId then explains.
struct QuickResidentId {
  std::array<char, 18> digits{};  ///< the check character upper-cased
  Date birth;
  Sex sex = Sex::kMale;
  std::string_view view() const { return std::string_view(digits.data(), digits.size()); }
};
std::optional<QuickResidentId> ParseWellFormedResidentId(std::string_view trimmed);

/// The GB 11643-1999 check character for the first 17 digits (ISO 7064 MOD 11-2).
char ResidentIdCheckChar(std::string_view first17);

/// Validates an ID typed as text: trims, folds full-width characters, accepts a lower-case x.
/// Throws ValueError saying what is wrong: length, non-digit, impossible birth date, wrong check
/// character (naming the expected one). 15-digit first-generation IDs are refused (the ledger
/// must hold 18-digit IDs).
ResidentId ParseResidentId(std::string_view text);

/// The message for an ID number that arrived as a number cell (Excel turned it into 4.1E+17 and
/// lost digits): tells the clerk to re-save the column as text. Used by cell accessors.
std::string IdNumberCellAdvice(std::string_view number_text);

/// Masks the middle of an ID or card number for logs: "150102********1234".
std::string MaskDigits(std::string_view digits);

/// Masks every run of 15 or more digits (an ID number, with its X check character, or a bank
/// card number) inside free text, as MaskDigits does: what the console and logs print.
std::string MaskIdentifiers(std::string_view text);

/// A bank card number: 16–19 digits after removing spaces and dashes.
struct BankCard {
  std::string digits;
  bool luhn_ok = false;  ///< a failed Luhn check is a warning, not an error (data contract)
};

/// Throws ValueError when the text is not 16–19 digits (spaces and dashes allowed between).
BankCard ParseBankCard(std::string_view text);
bool LuhnValid(std::string_view digits);
/// The well-formed case of ParseBankCard: exactly 16–19 ASCII digits. Its Luhn check when so,
/// nullopt for anything else (ParseBankCard then normalises or explains).
std::optional<bool> WellFormedBankCardLuhn(std::string_view trimmed);

}  // namespace huzhu
