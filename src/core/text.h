// Small UTF-8 text helpers used by readers and header mapping.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace huzhu {

/// Removes ASCII white space, U+3000 (ideographic space) and U+00A0 (no-break space) at both ends.
std::string_view Trim(std::string_view text);

/// Full-width forms U+FF01..U+FF5E become their ASCII twins and U+3000 becomes a space; everything
/// else is copied as is. Clerks type amounts and headers with a Chinese input method on.
std::string FoldFullWidth(std::string_view text);

/// Trim + FoldFullWidth + Trim again: the form in which headers and codes are compared.
std::string NormalizeText(std::string_view text);

/// Length of the longest prefix of `text` that is valid UTF-8. Equal to text.size() when valid.
/// `allow_truncated_tail` treats an incomplete sequence at the very end as valid (for chunked input).
std::size_t ValidUtf8Prefix(std::string_view text, bool allow_truncated_tail = false);
inline bool IsValidUtf8(std::string_view text) { return ValidUtf8Prefix(text) == text.size(); }

/// Number of Unicode code points, counting East Asian wide characters twice: the column width
/// a clerk sees in a spreadsheet cell.
std::size_t DisplayWidth(std::string_view utf8);

/// `text` followed by spaces up to `width` display columns (CJK counts two), for console tables.
std::string PadDisplay(std::string_view text, std::size_t width);

/// ASCII lower-casing (headers' English aliases are matched case-insensitively).
std::string AsciiLower(std::string_view text);
/// `text` == `lower` ignoring ASCII case (`lower` given in lower case), without allocating.
bool EqualsAsciiNoCase(std::string_view text, std::string_view lower);

}  // namespace huzhu
