#include "core/text.h"

#include <cstdint>

namespace huzhu {

namespace {

// Whether `partial`, an incomplete multi-byte sequence at the end of the text, could still
// become valid: a lead byte C2..F4 and, for the leads with a narrower second-byte range, a second
// byte inside it (no overlong E0 80, no surrogate ED A0, no F0 80 overlong, no F4 90 > U+10FFFF).
bool CouldContinue(std::string_view partial) {
  const auto b0 = static_cast<unsigned char>(partial[0]);
  if (b0 < 0xC2 || b0 > 0xF4) return false;
  if (partial.size() < 2) return true;
  const auto b1 = static_cast<unsigned char>(partial[1]);
  switch (b0) {
    case 0xE0:
      return b1 >= 0xA0;
    case 0xED:
      return b1 <= 0x9F;
    case 0xF0:
      return b1 >= 0x90;
    case 0xF4:
      return b1 <= 0x8F;
    default:
      return true;
  }
}

// Decodes one code point at text[i]; returns its length, 0 when invalid or truncated.
std::size_t DecodeOne(std::string_view text, std::size_t i, char32_t& cp, bool& truncated) {
  truncated = false;
  const auto b0 = static_cast<unsigned char>(text[i]);
  std::size_t len;
  char32_t min;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if (i + k >= text.size()) {
      truncated = CouldContinue(text.substr(i));
      return 0;
    }
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool IsSpaceAt(std::string_view t, std::size_t i, std::size_t& len) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
    len = 1;
    return true;
  }
  if (t.substr(i, 3) == "\xE3\x80\x80") {  // U+3000
    len = 3;
    return true;
  }
  if (t.substr(i, 2) == "\xC2\xA0") {  // U+00A0
    len = 2;
    return true;
  }
  return false;
}

}  // namespace

std::string_view Trim(std::string_view text) {
  // Fast path: a first byte that starts no space (ASCII space or control, U+3000 = E3 80 80,
  // U+00A0 = C2 A0) and a last byte that ends none (those, 80 or A0).
  if (!text.empty()) {
    const auto first = static_cast<unsigned char>(text.front());
    const auto last = static_cast<unsigned char>(text.back());
    if (first > ' ' && first != 0xE3 && first != 0xC2 && last > ' ' && last != 0x80 &&
        last != 0xA0) {
      return text;
    }
  }
  std::size_t len = 0;
  while (!text.empty() && IsSpaceAt(text, 0, len)) text.remove_prefix(len);
  while (!text.empty()) {
    const std::size_t n = text.size();
    if (IsSpaceAt(text, n - 1, len) && len == 1) {
      text.remove_suffix(1);
    } else if (n >= 3 && text.substr(n - 3) == "\xE3\x80\x80") {
      text.remove_suffix(3);
    } else if (n >= 2 && text.substr(n - 2) == "\xC2\xA0") {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

std::string FoldFullWidth(std::string_view text) {
  // Fast path: full-width forms and U+3000 start with EF or E3.
  bool any = false;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b == 0xEF || b == 0xE3) {
      any = true;
      break;
    }
  }
  if (!any) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 == 0xEF && i + 2 < text.size()) {
      // U+FF01..U+FF5E are EF BC 81..EF BD 9E.
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      const char32_t cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(cp - 0xFF01 + 0x21);
        i += 3;
        continue;
      }
    }
    if (text.substr(i, 3) == "\xE3\x80\x80") {
      out += ' ';
      i += 3;
      continue;
    }
    out += text[i];
    ++i;
  }
  return out;
}

std::string NormalizeText(std::string_view text) {
  return std::string(Trim(FoldFullWidth(Trim(text))));
}

std::size_t ValidUtf8Prefix(std::string_view text, bool allow_truncated_tail) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Fast path over ASCII.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    bool truncated;
    const std::size_t len = DecodeOne(text, i, cp, truncated);
    if (len == 0) return (truncated && allow_truncated_tail) ? text.size() : i;
    i += len;
  }
  return i;
}

std::size_t DisplayWidth(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp;
    bool truncated;
    std::size_t len = DecodeOne(utf8, i, cp, truncated);
    if (len == 0) {
      len = 1;
      cp = '?';
    }
    // CJK, Hangul, full-width forms and CJK punctuation take two columns.
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

std::string PadDisplay(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = DisplayWidth(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool EqualsAsciiNoCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace huzhu
