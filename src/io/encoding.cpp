#include "io/encoding.h"

#include <iconv.h>

#include <algorithm>
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

// A three-byte sequence at s[i] whose lead byte (E1..EC, EE..EF) allows any continuation bytes.
inline bool PlainThreeByte(const unsigned char* s, std::size_t i, std::size_t n) {
  if (i + 3 > n) return false;
  const unsigned char b0 = s[i];
  return ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) && (s[i + 1] & 0xC0) == 0x80 &&
         (s[i + 2] & 0xC0) == 0x80;
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
    // Fast path for the common CJK case: a lead byte E1..EC or EE..EF takes any two
    // continuation bytes (the general path below checks the same, one byte at a time). Chinese
    // text comes in runs, so the loop stays here while the run lasts.
    if (PlainThreeByte(s, i, n)) {
      do {
        i += 3;
      } while (PlainThreeByte(s, i, n));
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

namespace {

// The two-byte GB18030 characters (lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE: the GBK set,
// all of Chinese text in practice) as UTF-8, computed once by glibc's own converter, so that the
// table agrees with iconv by construction. An entry is the UTF-8 length (0: iconv refuses the
// pair) in the low byte and up to three bytes above it.
struct TwoByteTable {
  std::uint32_t entries[126][191] = {};
  TwoByteTable() {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return;  // Gb18030Decoder() has failed already
    for (unsigned lead = 0x81; lead <= 0xFE; ++lead) {
      for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
        if (trail == 0x7F) continue;
        char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
        char out[8];
        char* in_ptr = in;
        std::size_t in_left = 2;
        char* out_ptr = out;
        std::size_t out_left = sizeof out;
        if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1) ||
            in_left != 0) {
          iconv(cd, nullptr, nullptr, nullptr, nullptr);
          continue;
        }
        const std::size_t n = sizeof out - out_left;
        if (n == 0 || n > 3) continue;
        std::uint32_t entry = static_cast<std::uint32_t>(n);
        for (std::size_t k = 0; k < n; ++k) {
          entry |= static_cast<std::uint32_t>(static_cast<unsigned char>(out[k])) << (8 * (k + 1));
        }
        entries[lead - 0x81][trail - 0x40] = entry;
      }
    }
    iconv_close(cd);
  }
};

const TwoByteTable& TwoBytes() {
  static const TwoByteTable table;
  return table;
}

// Length of the run of ASCII bytes at the start of `in` (eight at a time).
std::size_t AsciiRun(const char* in, std::size_t n) {
  std::size_t i = 0;
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, in + i, 8);
    if ((w & kHighs) != 0) break;
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(in[i]) < 0x80) ++i;
  return i;
}

}  // namespace

// ASCII and two-byte characters go through AsciiRun and the table; four-byte sequences, bytes
// that are not GB18030 and a sequence cut by the end of the input go to iconv one at a time, which
// decides (and so keeps the slow path's exact behaviour).
Gb18030Decoder::Result Gb18030Decoder::Decode(std::string_view in, char* out,
                                              std::size_t out_size) {
  const TwoByteTable& table = TwoBytes();
  Result result;
  std::size_t i = 0;
  std::size_t o = 0;
  const std::size_t n = in.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      const std::size_t run = std::min(AsciiRun(in.data() + i, n - i), out_size - o);
      if (run == 0) {
        result.status = Status::kOutputFull;
        break;
      }
      std::memcpy(out + o, in.data() + i, run);
      i += run;
      o += run;
      continue;
    }
    if (c >= 0x81 && c <= 0xFE && i + 1 < n) {
      const auto t = static_cast<unsigned char>(in[i + 1]);
      if (t >= 0x40 && t <= 0xFE) {
        const std::uint32_t entry = table.entries[c - 0x81][t - 0x40];
        const std::size_t len = entry & 0xFF;
        if (len != 0) {
          if (out_size - o < len) {
            result.status = Status::kOutputFull;
            break;
          }
          for (std::size_t k = 0; k < len; ++k) {
            out[o + k] = static_cast<char>((entry >> (8 * (k + 1))) & 0xFF);
          }
          i += 2;
          o += len;
          continue;
        }
      }
    }
    // One sequence (at most four bytes) through iconv.
    const std::size_t window = std::min<std::size_t>(4, n - i);
    char* in_ptr = const_cast<char*>(in.data() + i);  // iconv never writes through it
    std::size_t in_left = window;
    char* out_ptr = out + o;
    std::size_t out_left = out_size - o;
    const std::size_t rc = iconv(static_cast<iconv_t>(cd_), &in_ptr, &in_left, &out_ptr, &out_left);
    const int err = rc == static_cast<std::size_t>(-1) ? errno : 0;
    const std::size_t consumed = window - in_left;
    i += consumed;
    o = out_size - out_left;
    if (consumed > 0) continue;
    if (err == E2BIG) {
      result.status = Status::kOutputFull;
    } else if (err == EINVAL && i + window == n) {
      result.status = Status::kIncomplete;
    } else {
      // EILSEQ: reset the shift state so that the object stays usable (GB18030 is stateless, but
      // iconv does not promise that for every converter).
      iconv(static_cast<iconv_t>(cd_), nullptr, nullptr, nullptr, nullptr);
      result.status = Status::kInvalid;
    }
    break;
  }
  result.consumed = i;
  result.produced = o;
  return result;
}

}  // namespace huzhu
