#include "io/encoding.h"

#include <doctest/doctest.h>

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace huzhu {
namespace {

using namespace std::string_view_literals;
using namespace std::string_literals;

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

TEST_CASE("ScanUtf8 judges every three-byte sequence as the code point ranges say") {
  // Reference (Unicode 3.9, D92): a lead E0..EF and two continuation bytes form U+0800..U+FFFF,
  // surrogates D800..DFFF excluded. The scanner's CJK fast path must agree on every sequence.
  int mismatches = 0;
  int valid = 0;
  for (int b0 = 0xE0; b0 <= 0xEF; ++b0) {
    for (int b1 = 0; b1 < 256; ++b1) {
      for (int b2 = 0; b2 < 256; ++b2) {
        const bool cont = (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80;
        const int cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
        const bool expect = cont && cp >= 0x800 && !(cp >= 0xD800 && cp <= 0xDFFF);
        const char bytes[] = {'a', static_cast<char>(b0), static_cast<char>(b1),
                              static_cast<char>(b2), 'b'};
        const Utf8Scan scan = ScanUtf8(std::string_view(bytes, sizeof bytes));
        const bool ok = scan.status == Utf8Scan::kValid && scan.valid == sizeof bytes;
        const bool refused = scan.status == Utf8Scan::kInvalid && scan.valid == 1;
        if (expect ? !ok : !refused) ++mismatches;
        valid += expect ? 1 : 0;
      }
    }
  }
  CHECK(mismatches == 0);
  CHECK(valid == 0xFFFF - 0x800 + 1 - 0x800);  // U+0800..U+FFFF less the 2,048 surrogates
}

TEST_CASE("ScanUtf8 stops inside a run of Chinese characters where the run goes wrong") {
  const std::string run = "中文姓名";  // four three-byte characters, 12 bytes
  // A bad character after the run: overlong, surrogate, broken continuation, stray byte.
  for (const char* bad : {"\xE0\x80\x80", "\xED\xA0\x80", "\xE5\x41\x41", "\x80", "\xC0\xAF"}) {
    CAPTURE(bad);
    const Utf8Scan scan = ScanUtf8(run + bad + "后");
    CHECK(scan.status == Utf8Scan::kInvalid);
    CHECK(scan.valid == 12);
  }
  // A run cut at the end of the chunk, then one ended by ASCII and a NUL.
  const Utf8Scan cut = ScanUtf8(run + "\xE5\xA7");
  CHECK(cut.status == Utf8Scan::kTruncated);
  CHECK(cut.valid == 12);
  const Utf8Scan nul = ScanUtf8(run + "ab\0"s);
  CHECK(nul.status == Utf8Scan::kNul);
  CHECK(nul.valid == 14);
  // Runs mixing the fast lead bytes with the ones checked one byte at a time (E0, ED, F0).
  const std::string mixed = "中\xE0\xA4\x85文\xED\x9F\xBF名\xF0\x9F\x98\x80姓";
  const Utf8Scan ok = ScanUtf8(mixed);
  CHECK(ok.status == Utf8Scan::kValid);
  CHECK(ok.valid == mixed.size());
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

// The decoder's fast path (ASCII runs and a table of the two-byte characters) against glibc's
// converter itself, on every two-byte code and on random mixes of ASCII, two-byte, four-byte and
// invalid sequences, fed in chunks of every small size and with small output buffers.
std::string ReferenceDecode(std::string_view in, std::size_t& consumed, bool& invalid) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(in.size() * 4 + 16, '\0');
  char* in_ptr = const_cast<char*>(in.data());
  std::size_t in_left = in.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  invalid = rc == static_cast<std::size_t>(-1) && errno == EILSEQ;
  consumed = in.size() - in_left;
  out.resize(out.size() - out_left);
  iconv_close(cd);
  return out;
}

// Decodes `in` in input chunks of `chunk` bytes (a cut sequence carried over) into output
// buffers of `room` bytes; stops at the first invalid byte.
std::string ChunkedDecode(std::string_view in, std::size_t chunk, std::size_t room,
                          std::size_t& consumed, bool& invalid) {
  Gb18030Decoder decoder;
  std::string out;
  std::string pending;
  std::vector<char> buffer(room);
  consumed = 0;
  invalid = false;
  for (std::size_t at = 0; at < in.size() || !pending.empty();) {
    const std::size_t take = std::min(chunk, in.size() - at);
    pending.append(in.substr(at, take));
    at += take;
    const bool last = at == in.size();
    std::string_view rest = pending;
    for (;;) {
      const auto r = decoder.Decode(rest, buffer.data(), buffer.size());
      out.append(buffer.data(), r.produced);
      consumed += r.consumed;
      rest.remove_prefix(r.consumed);
      if (r.status == Gb18030Decoder::Status::kOutputFull) continue;
      if (r.status == Gb18030Decoder::Status::kInvalid) {
        invalid = true;
        return out;
      }
      break;  // done, or incomplete: wait for more input
    }
    pending = std::string(rest);
    if (last) break;
  }
  return out;
}

TEST_CASE("Gb18030Decoder's fast path agrees with iconv on every two-byte code and random text") {
  std::string all;
  for (int lead = 0x81; lead <= 0xFE; ++lead) {
    for (int trail = 0x40; trail <= 0xFE; ++trail) {
      if (trail == 0x7F) continue;
      const char pair[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      std::size_t ref_consumed = 0;
      bool ref_invalid = false;
      const std::string ref = ReferenceDecode(std::string_view(pair, 2), ref_consumed, ref_invalid);
      std::size_t consumed = 0;
      bool invalid = false;
      const std::string got = ChunkedDecode(std::string_view(pair, 2), 2, 8, consumed, invalid);
      CAPTURE(lead);
      CAPTURE(trail);
      CHECK(got == ref);
      CHECK(invalid == ref_invalid);
      if (!ref_invalid) all.append(pair, 2);
    }
  }
  std::size_t consumed = 0;
  bool invalid = false;
  std::size_t ref_consumed = 0;
  bool ref_invalid = false;
  CHECK(ChunkedDecode(all, 1 << 16, 1 << 16, consumed, invalid) ==
        ReferenceDecode(all, ref_consumed, ref_invalid));
  CHECK_FALSE(invalid);

  // Random mixes, the last few with an invalid byte somewhere.
  std::uint64_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>(seed >> 33);
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int k = 0; k < 200; ++k) {
      switch (next() % 5) {
        case 0:
        case 1:
          text += static_cast<char>(0x20 + next() % 0x5F);
          break;
        case 2:
        case 3:
          text += static_cast<char>(0xB0 + next() % 0x48);
          text += static_cast<char>(0xA1 + next() % 0x5E);
          break;
        default:  // four bytes: 0x81-0x84 0x30-0x39 0x81-0xFE 0x30-0x39 (BMP)
          text += static_cast<char>(0x81 + next() % 4);
          text += static_cast<char>(0x30 + next() % 10);
          text += static_cast<char>(0x81 + next() % 0x7E);
          text += static_cast<char>(0x30 + next() % 10);
      }
    }
    if (round >= 250) text[next() % text.size()] = static_cast<char>(0xFF);
    const std::string ref = ReferenceDecode(text, ref_consumed, ref_invalid);
    const std::size_t chunk = 1 + next() % 9;
    const std::size_t room = 4 + next() % 13;
    CAPTURE(round);
    CAPTURE(chunk);
    CAPTURE(room);
    CHECK(ChunkedDecode(text, chunk, room, consumed, invalid) == ref);
    CHECK(invalid == ref_invalid);
    CHECK(consumed == ref_consumed);
  }
}

}  // namespace
}  // namespace huzhu
