// Text encodings of CSV input: detection (UTF-8, UTF-8 with BOM, GB18030 as saved by Chinese
// Excel) and a streaming GB18030 -> UTF-8 converter on glibc iconv.
#pragma once

#include <cstddef>
#include <string_view>

namespace huzhu {

/// What the first bytes of a text file say about its encoding.
enum class TextKind {
  kUtf8,     ///< valid UTF-8 (pure ASCII included), no BOM
  kUtf8Bom,  ///< starts with the UTF-8 byte order mark EF BB BF
  kGb18030,  ///< not valid UTF-8: taken as GB18030 (a superset of GBK and GB2312)
  kUtf16,    ///< starts with a UTF-16 byte order mark (Excel's "Unicode Text")
  kNul,      ///< contains a NUL byte: binary, not text
  kZip,      ///< a zip archive ("PK\3\4"): most likely an .xlsx renamed
  kOle2,     ///< an OLE2 compound file: most likely an .xls renamed
};

/// Guesses the encoding from `head`, the first bytes of a file. `whole_file` says that `head` is
/// the entire file, so that an incomplete UTF-8 sequence at its end is not forgiven. Valid UTF-8
/// is UTF-8; so is text whose valid UTF-8 part, before the first bad byte, already has several
/// non-ASCII characters (a file that mixes encodings: the reader reports it at that row).
/// Anything else is GB18030.
TextKind SniffText(std::string_view head, bool whole_file);

/// The name SheetInfo::encoding reports: "UTF-8", "UTF-8 (BOM)" or "GB18030".
const char* EncodingName(TextKind kind);

/// How far a chunk of bytes is valid UTF-8 text.
struct Utf8Scan {
  enum Status {
    kValid,      ///< all of it is valid (`valid` == size)
    kTruncated,  ///< valid up to an incomplete sequence that starts at `valid` and runs to the end
    kInvalid,    ///< the byte at `valid` starts no valid sequence
    kNul,        ///< the byte at `valid` is NUL (valid UTF-8, but never in a text file)
  };
  std::size_t valid = 0;
  Status status = kValid;
};

/// Scans `bytes` as UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF), stopping
/// at the first problem. Fast on ASCII (eight bytes at a time).
Utf8Scan ScanUtf8(std::string_view bytes);

/// Streams GB18030 to UTF-8 through glibc iconv. A multibyte sequence cut by the end of the input
/// is left unconsumed (kIncomplete), to be passed again at the front of the next chunk.
class Gb18030Decoder {
 public:
  enum class Status {
    kDone,        ///< all input consumed
    kOutputFull,  ///< the output is full; call again with more room
    kIncomplete,  ///< the input ends inside a multibyte sequence: `consumed` stops before it
    kInvalid,     ///< the bytes at `consumed` are not GB18030
  };
  struct Result {
    std::size_t consumed = 0;  ///< input bytes converted
    std::size_t produced = 0;  ///< UTF-8 bytes written
    Status status = Status::kDone;
  };

  /// Throws std::runtime_error when iconv has no GB18030 converter.
  Gb18030Decoder();
  ~Gb18030Decoder();
  Gb18030Decoder(const Gb18030Decoder&) = delete;
  Gb18030Decoder& operator=(const Gb18030Decoder&) = delete;

  /// Converts as much of `in` as fits into out[0, out_size).
  Result Decode(std::string_view in, char* out, std::size_t out_size);

 private:
  void* cd_;  // iconv_t
};

}  // namespace huzhu
