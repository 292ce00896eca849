#include "io/encoding.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace huzhu {
namespace {

using namespace std::string_view_literals;

TEST_CASE("ScanUtf8 accepts valid UTF-8 and stops at the first problem") {
  CHECK(ScanUtf8("").status == Utf8Scan::kValid);
  const std::string_view text = "身份证号,姓名,𠮷,䶮,plain ascii text, longer than eight bytes";
  const Utf8Scan ok = ScanUtf8(text);
  CHECK(ok.status == Utf8Scan::kValid);
  CHECK(ok.valid == text.size());

  // A GBK byte pair after valid text.
  const Utf8Scan bad = ScanUtf8("abcdefghij\xD5\xC5");
  CHECK(bad.status == Utf8Scan::kInvalid);
  CHECK(bad.valid == 10);

  // Overlong, surrogate, beyond U+10FFFF, lone continuation: all invalid.
  CHECK(ScanUtf8("\xC0\xAF").status == Utf8Scan::kInvalid);
  CHECK(ScanUtf8("\xE0\x80\xAF").status == Utf8Scan::kInvalid);
  CHECK(ScanUtf8("\xED\xA0\x80").status == Utf8Scan::kInvalid);
  CHECK(ScanUtf8("\xF4\x90\x80\x80").status == Utf8Scan::kInvalid);
  CHECK(ScanUtf8("\x80").status == Utf8Scan::kInvalid);
  CHECK(ScanUtf8("\xFF").status == Utf8Scan::kInvalid);
}

TEST_CASE("ScanUtf8 reports a sequence cut by the end of the chunk as truncated") {
  const std::string text = "姓名𠮷";  // E5 A7 93 E5 90 8D F0 A0 AE B7
  for (std::size_t cut = 7; cut < text.size(); ++cut) {
    const Utf8Scan scan = ScanUtf8(std::string_view(text).substr(0, cut));
    CHECK(scan.status == Utf8Scan::kTruncated);
    CHECK(scan.valid == 6);
  }
  // Truncated, but with a wrong byte already: invalid.
  CHECK(ScanUtf8("\xE5\x41").status == Utf8Scan::kInvalid);
}

TEST_CASE("ScanUtf8 reports NUL bytes, in the fast path and the slow one") {
  const Utf8Scan fast = ScanUtf8("abcdefgh\0ijklmnop"sv);
  CHECK(fast.status == Utf8Scan::kNul);
  CHECK(fast.valid == 8);
  const Utf8Scan slow = ScanUtf8("姓\0"sv);
  CHECK(slow.status == Utf8Scan::kNul);
  CHECK(slow.valid == 3);
}

TEST_CASE("SniffText tells UTF-8, UTF-8 with BOM, GB18030 and what is not text") {
  CHECK(SniffText("", true) == TextKind::kUtf8);
  CHECK(SniffText("id,name\r\n1,x\r\n", true) == TextKind::kUtf8);
  CHECK(SniffText("身份证号,姓名\r\n", true) == TextKind::kUtf8);
  CHECK(SniffText("\xEF\xBB\xBF身份证号", true) == TextKind::kUtf8Bom);
  // GB18030 of 身份证号,姓名 (Python's codec).
  CHECK(SniffText("\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5,\xD0\xD5\xC3\xFB\r\n", true) ==
        TextKind::kGb18030);
  CHECK(SniffText("\xFF\xFE"
                  "a\0"sv,
                  true) == TextKind::kUtf16);
  CHECK(SniffText("\xFE\xFF\0a"sv, true) == TextKind::kUtf16);
  CHECK(SniffText("PK\x03\x04rest", true) == TextKind::kZip);
  CHECK(SniffText("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", true) == TextKind::kOle2);
  CHECK(SniffText("a,b\0c"sv, true) == TextKind::kNul);
}

TEST_CASE("SniffText forgives a cut sequence at the end of a chunk, not at the end of a file") {
  const std::string_view cut = "身份证号,姓\xE5\xA7";
  CHECK(SniffText(cut, false) == TextKind::kUtf8);
  // As a whole file the UTF-8 part is too short to count as evidence: GB18030.
  CHECK(SniffText(cut, true) == TextKind::kGb18030);
}

TEST_CASE("SniffText keeps UTF-8 when a long UTF-8 part precedes the first bad byte") {
  // Eight Chinese characters of UTF-8, then GBK: a file pasted together from two sources.
  CHECK(SniffText("申领编号,身份证号\r\n\xD5\xC5\xC8\xFD", true) == TextKind::kUtf8);
  // Fewer: GB18030 (some GB18030 pairs are valid UTF-8 by chance).
  CHECK(SniffText("\xC3\xA9\xD5\xC5\xC8\xFD", true) == TextKind::kGb18030);
}

TEST_CASE("EncodingName gives the names SheetInfo reports") {
  CHECK(std::string(EncodingName(TextKind::kUtf8)) == "UTF-8");
  CHECK(std::string(EncodingName(TextKind::kUtf8Bom)) == "UTF-8 (BOM)");
  CHECK(std::string(EncodingName(TextKind::kGb18030)) == "GB18030");
}

TEST_CASE("Gb18030Decoder converts two- and four-byte sequences") {
  Gb18030Decoder decoder;
  // 张三 (two-byte), 𠮷 (four-byte 95 34 B2 35), 䶮 (FE 9F), a, €.
  const std::string_view in =
      "\xD5\xC5\xC8\xFD\x95\x34\xB2\x35\xFE\x9F"
      "a\xA2\xE3";
  char out[64];
  const auto r = decoder.Decode(in, out, sizeof out);
  CHECK(r.status == Gb18030Decoder::Status::kDone);
  CHECK(r.consumed == in.size());
  CHECK(std::string_view(out, r.produced) == "张三𠮷䶮a€");
}

TEST_CASE("Gb18030Decoder leaves a cut sequence for the next chunk") {
  Gb18030Decoder decoder;
  const std::string in = "a\x95\x34\xB2\x35";
  for (std::size_t cut = 2; cut < in.size(); ++cut) {
    char out[16];
    const auto first = decoder.Decode(std::string_view(in).substr(0, cut), out, sizeof out);
    CHECK(first.status == Gb18030Decoder::Status::kIncomplete);
    CHECK(first.consumed == 1);
    CHECK(std::string_view(out, first.produced) == "a");
    // The caller passes the tail again with the rest.
    const auto second = decoder.Decode(std::string_view(in).substr(1), out, sizeof out);
    CHECK(second.status == Gb18030Decoder::Status::kDone);
    CHECK(std::string_view(out, second.produced) == "𠮷");
  }
}

TEST_CASE("Gb18030Decoder stops at bytes that are not GB18030, and when the output is full") {
  Gb18030Decoder decoder;
  char out[16];
  const auto bad = decoder.Decode("ab\x81\x20zz", out, sizeof out);
  CHECK(bad.status == Gb18030Decoder::Status::kInvalid);
  CHECK(bad.consumed == 2);
  CHECK(std::string_view(out, bad.produced) == "ab");
  // Usable again afterwards.
  const auto again = decoder.Decode("\xD5\xC5", out, sizeof out);
  CHECK(again.status == Gb18030Decoder::Status::kDone);
  CHECK(std::string_view(out, again.produced) == "张");

  const auto full = decoder.Decode("\xD5\xC5\xC8\xFD", out, 4);
  CHECK(full.status == Gb18030Decoder::Status::kOutputFull);
  CHECK(full.consumed == 2);
  CHECK(std::string_view(out, full.produced) == "张");
}

}  // namespace
}  // namespace huzhu
