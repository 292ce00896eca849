// Number-format classification and OOXML escape decoding of the .xlsx reader.
#include <doctest/doctest.h>

#include <string>

#include "io/xlsx_reader.h"

namespace huzhu {
namespace {

std::string Decode(std::string text) {
  text.resize(DecodeOoxmlEscapes(text.data(), text.size()));
  return text;
}

TEST_CASE("xlsx: built-in date format ids") {
  for (const int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 31, 36, 45, 46, 47, 50, 55, 58}) {
    CHECK_MESSAGE(IsBuiltinDateFormat(id), id);
  }
  for (const int id : {0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 23, 26, 37, 44, 48, 49, 59, 164}) {
    CHECK_MESSAGE(!IsBuiltinDateFormat(id), id);
  }
}

TEST_CASE("xlsx: custom number format codes that are dates") {
  for (const char* code :
       {"yyyy-mm-dd", "yyyy/m/d", "m/d/yy h:mm", "yyyy\"年\"m\"月\"d\"日\"", "yyyy年m月d日",
        "[$-804]yyyy年m月d日", "[$-F800]dddd, mmmm dd, yyyy", "[h]:mm:ss", "[mm]:ss", "[ss]",
        "h:mm AM/PM", "hh:mm:ss.000", "e/m/d", "[Red]yyyy-mm-dd", "dd/mm/yyyy;@", "mmm-yy",
        "YYYY-MM-DD", "m\"月\"d\"日\""}) {
    CHECK_MESSAGE(IsDateFormatCode(code), code);
  }
}

TEST_CASE("xlsx: custom number format codes that are not dates") {
  for (const char* code : {"General",
                           "general",
                           "0",
                           "0.00",
                           "#,##0.00",
                           "@",
                           "0%",
                           "0.00%",
                           "0.00E+00",
                           "##0.0e-0",
                           "\"¥\"#,##0.00;[Red]\"¥\"-#,##0.00",
                           "[Red]0.00",
                           "[$-804]0.00",
                           "[>=100]0;0.0",
                           "0.00\"天\"",
                           "\\d0",
                           "_(* #,##0_);_(* (#,##0)",
                           "#,##0 \"days\"",
                           "0.00*m",
                           "[DBNum1]General",
                           "\"yyyy\"0",
                           ""}) {
    CHECK_MESSAGE(!IsDateFormatCode(code), code);
  }
}

TEST_CASE("xlsx: _xHHHH_ escapes") {
  CHECK(Decode("a_x000D_b") == "a\rb");
  CHECK(Decode("_x000D__x000A_") == "\r\n");
  CHECK(Decode("_x4E2D_") == "中");
  CHECK(Decode("_xD83D__xDE00_") == "😀");        // surrogate pair
  CHECK(Decode("_xD83D_x") == "\xEF\xBF\xBDx");  // lone high surrogate -> U+FFFD
  CHECK(Decode("_xDE00_") == "\xEF\xBF\xBD");    // lone low surrogate
  CHECK(Decode("_x005F_x000D_") == "_x000D_");   // escaped underscore keeps the text
  CHECK(Decode("_x00G0_ _x12_ x000D_ _X000D_") == "_x00G0_ _x12_ x000D_ _X000D_");
  CHECK(Decode("tail _x000") == "tail _x000");
  CHECK(Decode("") == "");
}

}  // namespace
}  // namespace huzhu
