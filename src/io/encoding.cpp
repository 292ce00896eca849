#include "io/encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace huzhu {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// True when all eight bytes of `w` are ASCII and none is NUL.
inline bool PlainAscii8(std::uint64_t w) {
  const bool has_high = (w & kHighs) != 0;
  const bool has_zero = ((w - kOnes) & ~w & kHighs) != 0;
  return !has_high && !has_zero;
}

// Valid non-ASCII UTF-8 characters before a bad byte that make a file UTF-8 with a foreign part
// rather than GB18030 (see SniffText).
constexpr std::size_t kUtf8Evidence = 8;

inline bool InRange(unsigned char b, unsigned char lo, unsigned char hi) {
  return b >= lo && b <= hi;
}

}  // namespace

Utf8Scan ScanUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (PlainAscii8(w)) {
        i += 8;
        continue;
      }
    }
    const unsigned char b0 = s[i];
    if (b0 < 0x80) {
      if (b0 == 0) return {i, Utf8Scan::kNul};
      ++i;
      continue;
    }
    // Unicode Table 3-7 (well-formed UTF-8 byte sequences): the lead byte fixes the length and
    // the range of the second byte; later bytes are always 80..BF.
    std::size_t len;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (InRange(b0, 0xC2, 0xDF)) {
      len = 2;
    } else if (b0 == 0xE0) {
      len = 3;
      lo = 0xA0;
    } else if (InRange(b0, 0xE1, 0xEC) || InRange(b0, 0xEE, 0xEF)) {
      len = 3;
    } else if (b0 == 0xED) {
      len = 3;
      hi = 0x9F;
    } else if (b0 == 0xF0) {
      len = 4;
      lo = 0x90;
    } else if (InRange(b0, 0xF1, 0xF3)) {
      len = 4;
    } else if (b0 == 0xF4) {
      len = 4;
      hi = 0x8F;
    } else {
      return {i, Utf8Scan::kInvalid};
    }
    for (std::size_t k = 1; k < len; ++k) {
      if (i + k >= n) return {i, Utf8Scan::kTruncated};
      const unsigned char b = s[i + k];
      const bool ok = k == 1 ? InRange(b, lo, hi) : InRange(b, 0x80, 0xBF);
      if (!ok) return {i, Utf8Scan::kInvalid};
    }
    i += len;
  }
  return {n, Utf8Scan::kValid};
}

TextKind SniffText(std::string_view head, bool whole_file) {
  auto starts = [head](std::string_view prefix) { return head.substr(0, prefix.size()) == prefix; };
  if (starts("\xEF\xBB\xBF")) return TextKind::kUtf8Bom;
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) return TextKind::kUtf16;
  if (starts("PK\x03\x04")) return TextKind::kZip;
  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return TextKind::kOle2;
  if (head.find('\0') != std::string_view::npos) return TextKind::kNul;
  const Utf8Scan scan = ScanUtf8(head);
  if (scan.status == Utf8Scan::kValid) return TextKind::kUtf8;
  if (scan.status == Utf8Scan::kTruncated && !whole_file) return TextKind::kUtf8;
  // Not UTF-8 throughout. Still UTF-8 when the valid part before the first bad byte already has
  // many non-ASCII characters: then the file mixes encodings, and reading it as UTF-8 lets the
  // reader say so at the right row, where GB18030 would turn the UTF-8 part into nonsense. GB18030
  // Chinese text fails as UTF-8 within its first characters (a two-byte GB18030 character passes
  // as UTF-8 about one time in seven), so it never gets this far.
  std::size_t multibyte = 0;
  for (std::size_t i = 0; i < scan.valid; ++i) {
    if (static_cast<unsigned char>(head[i]) >= 0xC0) ++multibyte;  // a lead byte
  }
  if (multibyte >= kUtf8Evidence) return TextKind::kUtf8;
  return TextKind::kGb18030;
}

const char* EncodingName(TextKind kind) {
  switch (kind) {
    case TextKind::kUtf8:
      return "UTF-8";
    case TextKind::kUtf8Bom:
      return "UTF-8 (BOM)";
    case TextKind::kGb18030:
      return "GB18030";
    default:
      return "";
  }
}

Gb18030Decoder::Gb18030Decoder() {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    throw std::runtime_error("iconv has no GB18030 to UTF-8 converter");
  }
  cd_ = cd;
}

Gb18030Decoder::~Gb18030Decoder() { iconv_close(static_cast<iconv_t>(cd_)); }

Gb18030Decoder::Result Gb18030Decoder::Decode(std::string_view in, char* out,
                                              std::size_t out_size) {
  // iconv's interface is not const-correct: it never writes through the input pointer.
  char* in_ptr = const_cast<char*>(in.data());
  std::size_t in_left = in.size();
  char* out_ptr = out;
  std::size_t out_left = out_size;
  const std::size_t rc = iconv(static_cast<iconv_t>(cd_), &in_ptr, &in_left, &out_ptr, &out_left);
  Result result;
  result.consumed = in.size() - in_left;
  result.produced = out_size - out_left;
  if (rc != static_cast<std::size_t>(-1)) {
    result.status = Status::kDone;
  } else if (errno == E2BIG) {
    result.status = Status::kOutputFull;
  } else if (errno == EINVAL) {
    result.status = Status::kIncomplete;
  } else {
    // EILSEQ: reset the shift state so that the object stays usable (GB18030 is stateless, but
    // iconv does not promise that for every converter).
    iconv(static_cast<iconv_t>(cd_), nullptr, nullptr, nullptr, nullptr);
    result.status = Status::kInvalid;
  }
  return result;
}

}  // namespace huzhu
