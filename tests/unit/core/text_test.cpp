// UTF-8 text helpers: trimming, full-width folding, validation and display width.
#include "core/text.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace huzhu {

TEST_SUITE("text") {
  TEST_CASE("Trim") {
    CHECK(Trim("  a b  ") == "a b");
    CHECK(Trim("\t\r\n abc \n\v\f") == "abc");
    CHECK(Trim("\u3000abc\u3000") == "abc");  // ideographic space
    CHECK(Trim("\u00A0abc\u00A0") == "abc");  // no-break space
    CHECK(Trim(" \u3000 \u00A0abc \u00A0 \u3000") == "abc");
    CHECK(Trim("a\u3000b") == "a\u3000b");  // inner spaces stay
    CHECK(Trim("") == "");
    CHECK(Trim("   ") == "");
    CHECK(Trim("\u3000\u3000") == "");
    CHECK(Trim("\u00A0") == "");
    CHECK(Trim("中文") == "中文");
    CHECK(Trim("\u3000中文 ") == "中文");
    CHECK(Trim("a\x80\x80") == "a\x80\x80");      // the tail of U+3000 without its lead
    CHECK(Trim("a\xA0") == "a\xA0");              // a stray A0 is not U+00A0
    CHECK(Trim("abc\xE3\x80") == "abc\xE3\x80");  // truncated U+3000 is kept
    const std::string_view text = "  x ";
    CHECK(Trim(text).data() == text.data() + 2);  // a view into the argument
  }

  TEST_CASE("Trim agrees with a piecewise reference on every text of up to four pieces") {
    // Pieces: the spaces Trim removes, and characters that share their first or last byte.
    // No two pieces form a space together (no piece ends in E3 80 or C2).
    const std::vector<std::string> pieces = {" ", "\t", "\u3000", "\u00A0", "a", "\x01",
                                             "中", "©", "あ", "\x80", "\xA0"};
    const auto is_space = [](const std::string& p) {
      return p == " " || p == "\t" || p == "\u3000" || p == "\u00A0";
    };
    int mismatches = 0;
    int texts = 0;
    std::vector<std::size_t> at;
    for (std::size_t length = 0; length <= 4; ++length) {
      at.assign(length, 0);
      for (;;) {
        std::string text;
        std::size_t first = 0;
        std::size_t last = length;
        for (std::size_t i = 0; i < length; ++i) text += pieces[at[i]];
        while (first < last && is_space(pieces[at[first]])) ++first;
        while (last > first && is_space(pieces[at[last - 1]])) --last;
        std::string expected;
        for (std::size_t i = first; i < last; ++i) expected += pieces[at[i]];
        if (Trim(text) != expected) ++mismatches;
        ++texts;
        std::size_t k = 0;
        while (k < length && ++at[k] == pieces.size()) at[k++] = 0;
        if (k == length) break;
      }
    }
    CHECK(texts == 1 + 11 + 121 + 1331 + 14641);
    CHECK(mismatches == 0);
  }

  TEST_CASE("FoldFullWidth") {
    CHECK(FoldFullWidth("１２３４．５６") == "1234.56");
    CHECK(FoldFullWidth("ＡＢＣａｂｃ") == "ABCabc");
    CHECK(FoldFullWidth("！") == "!");  // U+FF01, the first of the range
    CHECK(FoldFullWidth("～") == "~");  // U+FF5E, the last
    CHECK(FoldFullWidth("（１）") == "(1)");
    CHECK(FoldFullWidth("，％－＋／：") == ",%-+/:");
    CHECK(FoldFullWidth("\u3000") == " ");
    CHECK(FoldFullWidth("a\u3000b") == "a b");
    CHECK(FoldFullWidth("￥") == "￥");          // U+FFE5 is not in U+FF01..U+FF5E
    CHECK(FoldFullWidth("\uFF5F") == "\uFF5F");  // just past the range
    CHECK(FoldFullWidth("\uFF00") == "\uFF00");  // just before it
    CHECK(FoldFullWidth("中文ｘ") == "中文x");
    CHECK(FoldFullWidth("\u00A0") == "\u00A0");  // only U+3000 becomes a space
    CHECK(FoldFullWidth("") == "");
    CHECK(FoldFullWidth("\xEF\xBC") == "\xEF\xBC");          // truncated: copied as is
    CHECK(FoldFullWidth("\xEF\xBC\x41") == "\xEF\xBC\x41");  // not a continuation byte
  }

  TEST_CASE("NormalizeText") {
    CHECK(NormalizeText("\u3000 ＡＢ \u3000") == "AB");
    CHECK(NormalizeText(" 身份证号 ") == "身份证号");
    CHECK(NormalizeText("\u00A0１２\u00A0") == "12");
    CHECK(NormalizeText("") == "");
  }

  TEST_CASE("ValidUtf8Prefix") {
    CHECK(ValidUtf8Prefix("abc") == 3);
    CHECK(ValidUtf8Prefix("中文") == 6);
    CHECK(ValidUtf8Prefix("\xF4\x8F\xBF\xBF") == 4);  // U+10FFFF, the largest code point
    CHECK(ValidUtf8Prefix("\xF0\x9F\x98\x80") == 4);  // U+1F600
    CHECK(ValidUtf8Prefix("") == 0);
    CHECK(ValidUtf8Prefix("ab\xFF") == 2);
    CHECK(ValidUtf8Prefix("\x80") == 0);              // a continuation byte cannot lead
    CHECK(ValidUtf8Prefix("\xC3\x28") == 0);          // lead without continuation
    CHECK(ValidUtf8Prefix("\xC0\xAF") == 0);          // overlong '/'
    CHECK(ValidUtf8Prefix("\xE0\x80\xAF") == 0);      // overlong, three bytes
    CHECK(ValidUtf8Prefix("\xED\xA0\x80") == 0);      // surrogate U+D800
    CHECK(ValidUtf8Prefix("\xF4\x90\x80\x80") == 0);  // U+110000
    CHECK(ValidUtf8Prefix("\xF8\x88\x80\x80\x80") == 0);
    // A sequence cut short at the end: invalid unless the caller reads in chunks.
    CHECK(ValidUtf8Prefix("ab\xE4\xB8") == 2);
    CHECK(ValidUtf8Prefix("ab\xE4\xB8", true) == 4);
    CHECK(ValidUtf8Prefix("ab\xF0\x9F\x98", true) == 5);
    CHECK(ValidUtf8Prefix("ab\xC3", true) == 3);
    CHECK(ValidUtf8Prefix("\xE4\xB8x", true) == 0);  // not at the end: invalid
    // Fixed: a tail that no valid sequence can continue is not "truncated".
    CHECK(ValidUtf8Prefix("ab\xC0", true) == 2);      // C0 and C1 only start overlongs
    CHECK(ValidUtf8Prefix("ab\xF5", true) == 2);      // beyond U+10FFFF
    CHECK(ValidUtf8Prefix("ab\xE0\x80", true) == 2);  // overlong
    CHECK(ValidUtf8Prefix("ab\xED\xA0", true) == 2);  // surrogate
    CHECK(ValidUtf8Prefix("ab\xF0\x80", true) == 2);  // overlong
    CHECK(ValidUtf8Prefix("ab\xF4\x90", true) == 2);  // beyond U+10FFFF
    CHECK(ValidUtf8Prefix("ab\xE0\xA0", true) == 4);  // U+0800's first two bytes
    CHECK(ValidUtf8Prefix("ab\xED\x9F", true) == 4);  // U+D7FF's first two bytes
    CHECK(IsValidUtf8("互助 mutual aid"));
    CHECK_FALSE(IsValidUtf8("\xE4\xBA"));
  }

  TEST_CASE("DisplayWidth") {
    CHECK(DisplayWidth("") == 0);
    CHECK(DisplayWidth("abc") == 3);
    CHECK(DisplayWidth("中文") == 4);
    CHECK(DisplayWidth("a中b") == 4);
    CHECK(DisplayWidth("１２") == 4);        // full-width forms
    CHECK(DisplayWidth("\u3000") == 2);      // ideographic space
    CHECK(DisplayWidth("，。") == 4);        // CJK punctuation
    CHECK(DisplayWidth("한") == 2);          // Hangul
    CHECK(DisplayWidth("￥") == 2);          // U+FFE5
    CHECK(DisplayWidth("\U00020000") == 2);  // CJK extension B
    CHECK(DisplayWidth("é") == 1);
    CHECK(DisplayWidth("¥") == 1);         // U+00A5 is narrow
    CHECK(DisplayWidth("\xFF\xFE") == 2);  // each invalid byte shows as one '?'
  }

  TEST_CASE("AsciiLower") {
    CHECK(AsciiLower("ABC中文Def") == "abc中文def");
    CHECK(AsciiLower("Claim_ID") == "claim_id");
    CHECK(AsciiLower("") == "");
  }
}

}  // namespace huzhu
