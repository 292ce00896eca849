// Streaming RFC 4180 CSV reader. The file is read in chunks into one text buffer (converted from
// GB18030 on the way when it is not UTF-8); each NextRow parses one record out of that buffer, and
// the row's cells point into it, or into a scratch buffer for quoted fields whose "" escapes had to
// be undone. Memory stays constant whatever the file size: a record that runs past the buffered
// text moves to the front of the buffer and is parsed again once more text is in.
#include "io/csv_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/diagnostics.h"
#include "io/encoding.h"

namespace huzhu {

namespace {

// Readable bytes past the end of each buffer, so that a 16-byte SIMD load that starts before the
// end never leaves the allocation. Their content is never used.
constexpr std::size_t kPadding = 64;

// Owns a file descriptor.
struct FileDescriptor {
  int fd = -1;
  FileDescriptor() = default;
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// A heap buffer with kPadding zeroed bytes past its capacity.
struct Buffer {
  std::unique_ptr<char[]> data;
  std::size_t capacity = 0;

  void Allocate(std::size_t bytes) {
    data.reset(new char[bytes + kPadding]());
    capacity = bytes;
  }
};

inline bool IsDelimiter(char c) { return c == ',' || c == '\n' || c == '\r'; }

// The first ',', '\r' or '\n' in [p, end), or `end`. May read up to 15 bytes past `end`, which
// the buffers' padding allows.
inline const char* FindDelimiter(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i lf = _mm_set1_epi8('\n');
  while (p < end) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, cr)),
                                      _mm_cmpeq_epi8(v, lf));
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) {
      const char* hit = p + __builtin_ctz(static_cast<unsigned>(mask));
      return hit < end ? hit : end;
    }
    p += 16;
  }
  return end;
#else
  while (p < end && !IsDelimiter(*p)) ++p;
  return p;
#endif
}

std::string Mib(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

class CsvReader final : public SheetReader {
 public:
  CsvReader(std::string path, const CsvOptions& options);
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  const SheetInfo& info() const override { return info_; }
  bool NextRow(Row& row) override;
  std::uint64_t BytesRead() const override { return bytes_read_; }
  std::uint64_t BytesTotal() const override { return bytes_total_; }

 private:
  enum class Parse { kRecord, kNeedMore };
  // Why the text stops at limit_ before the end of the file.
  enum class Problem { kNone, kMixedEncoding, kBadGb18030, kUtf8InGb18030, kNul };

  Parse ParseRecord(Row& row);
  void Refill();
  void ReadUtf8();
  void CheckUtf8();
  void DecodeGb18030();
  std::size_t ReadInto(char* dst, std::size_t max);

  std::int64_t CurrentRow() const { return records_ + 1; }
  [[noreturn]] void Fail(std::int64_t row, int column, const std::string& message) const;
  [[noreturn]] void FailProblem() const;
  [[noreturn]] void FailFieldTooLong(int column, bool quoted) const;

  std::string path_;
  CsvOptions options_;
  SheetInfo info_;
  FileDescriptor file_;
  bool file_eof_ = false;
  std::uint64_t bytes_read_ = 0;
  std::uint64_t bytes_total_ = 0;

  // UTF-8 text. [pos_, limit_) is checked and ready to parse; [limit_, end_) is not (yet): an
  // incomplete UTF-8 sequence waiting for the next chunk, or the bytes after a problem.
  Buffer text_;
  std::size_t pos_ = 0;
  std::size_t limit_ = 0;
  std::size_t end_ = 0;
  // No more text will come: the parser may end the last record at limit_.
  bool input_done_ = false;
  Problem problem_ = Problem::kNone;
  // The last record ended with a CR at limit_: an LF that follows belongs to it.
  bool skip_lf_ = false;
  std::int64_t records_ = 0;
  // Unescaped quoted fields of the current record (as large as text_, so it never overflows).
  Buffer scratch_;

  // GB18030 input: raw bytes [raw_pos_, raw_end_) not yet converted; raw_stop_ is a NUL byte's
  // position (conversion stops there), else raw_end_.
  std::unique_ptr<Gb18030Decoder> decoder_;
  Buffer raw_;
  std::size_t raw_pos_ = 0;
  std::size_t raw_end_ = 0;
  std::size_t raw_stop_ = 0;
  // Complete lines of raw input before raw_scanned_ have been checked for UTF-8 text (a file that
  // is GB18030 up to some row and UTF-8 from there on, which GB18030 would turn into nonsense).
  std::size_t raw_scanned_ = 0;
  bool utf8_stop_ = false;  ///< raw_stop_ marks the first line that is UTF-8, not a NUL
  void ScanRawLines();
};

/// A line whose non-ASCII bytes are all well-formed UTF-8, with at least two characters of three
/// or more bytes (Chinese): UTF-8 text. GB18030 Chinese is practically never well-formed UTF-8.
bool LooksUtf8(std::string_view line) {
  int wide = 0;
  for (std::size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                            : (c >= 0xF0 && c <= 0xF4)                        ? 4
                                                                              : 0;
    if (len == 0 || i + len > line.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(line[i + k]) & 0xC0) != 0x80) return false;
    }
    if (len >= 3) ++wide;
    i += len;
  }
  return wide >= 2;
}

CsvReader::CsvReader(std::string path, const CsvOptions& options)
    : path_(std::move(path)), options_(options) {
  options_.chunk_size = std::max<std::size_t>(options_.chunk_size, 1);
  options_.max_fields = std::max<std::size_t>(options_.max_fields, 1);
  info_.format = "csv";

  file_.fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (file_.fd < 0) {
    const int err = errno;
    if (err == ENOENT) Fail(0, -1, Tr("找不到这个文件", "file not found"));
    if (err == EACCES) Fail(0, -1, Tr("没有读取这个文件的权限", "permission denied"));
    Fail(0, -1, Tr("无法打开文件：", "cannot open the file: ") + std::strerror(err));
  }
  struct stat st {};
  if (::fstat(file_.fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      Fail(0, -1, Tr("这是一个文件夹，不是文件", "this is a folder, not a file"));
    }
    if (S_ISREG(st.st_mode)) bytes_total_ = static_cast<std::uint64_t>(st.st_size);
  }

  const std::size_t capacity = std::max<std::size_t>(2 * options_.chunk_size, 4096);
  text_.Allocate(capacity);
  scratch_.Allocate(capacity);

  // The first chunk decides the encoding (at least a few bytes, to see a byte order mark whole).
  const std::size_t first = std::max<std::size_t>(options_.chunk_size, 16);
  const std::size_t got = ReadInto(text_.data.get(), first);
  file_eof_ = got < first;
  const std::string_view head(text_.data.get(), got);
  const TextKind kind = SniffText(head, file_eof_);
  switch (kind) {
    case TextKind::kUtf16:
      Fail(0, -1,
           Tr("文件是 UTF-16 编码（Excel 的“Unicode 文本”），无法读取。请用 Excel 打开后另存为"
              "“CSV UTF-8（逗号分隔）”",
              "the file is UTF-16 text (Excel's \"Unicode Text\"), which is not read. Open it in "
              "Excel and save it as \"CSV UTF-8 (Comma delimited)\""));
    case TextKind::kZip:
      Fail(0, -1,
           Tr("这个文件其实是 Excel 工作簿（.xlsx），不是 CSV。请把扩展名改为 .xlsx，或用 Excel "
              "另存为“CSV UTF-8（逗号分隔）”",
              "this file is an Excel workbook (.xlsx), not a CSV. Rename it to .xlsx, or save it "
              "from Excel as \"CSV UTF-8 (Comma delimited)\""));
    case TextKind::kOle2:
      Fail(0, -1,
           Tr("这个文件其实是 Excel 97-2003 工作簿（.xls），不是 CSV。请把扩展名改为 .xls，或用 "
              "Excel 另存为“CSV UTF-8（逗号分隔）”",
              "this file is an Excel 97-2003 workbook (.xls), not a CSV. Rename it to .xls, or "
              "save it from Excel as \"CSV UTF-8 (Comma delimited)\""));
    case TextKind::kNul:
      Fail(0, -1,
           Tr("文件中有空字符（NUL），不是 CSV 文本文件",
              "the file contains NUL bytes: it is not a CSV text file"));
    case TextKind::kUtf8:
    case TextKind::kUtf8Bom:
      info_.encoding = EncodingName(kind);
      end_ = got;
      pos_ = limit_ = kind == TextKind::kUtf8Bom ? 3 : 0;
      CheckUtf8();
      break;
    case TextKind::kGb18030: {
      info_.encoding = EncodingName(kind);
      try {
        decoder_ = std::make_unique<Gb18030Decoder>();
      } catch (const std::runtime_error&) {
        Fail(0, -1,
             Tr("系统缺少 GB18030 编码转换（glibc iconv），无法读取中文 Excel 保存的 CSV",
                "the system has no GB18030 converter (glibc iconv): cannot read this CSV"));
      }
      // Move the chunk over to the raw side; the GB18030 byte order mark (84 31 95 33) is skipped.
      raw_.Allocate(first + 8);
      std::memcpy(raw_.data.get(), text_.data.get(), got);
      raw_end_ = raw_stop_ = got;
      raw_pos_ = head.substr(0, 4) == "\x84\x31\x95\x33" ? 4 : 0;
      raw_scanned_ = raw_pos_;
      ScanRawLines();
      DecodeGb18030();
      break;
    }
  }
}

void CsvReader::Fail(std::int64_t row, int column, const std::string& message) const {
  throw Error(ErrorKind::kInput, Location(path_, "", row, column), message);
}

void CsvReader::FailProblem() const {
  switch (problem_) {
    case Problem::kMixedEncoding:
      Fail(CurrentRow(), -1,
           Tr("文件混用了不同的字符编码：前面的内容是 UTF-8，从这一行起不是。请用 Excel 打开后"
              "重新另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”",
              "the file mixes character encodings: UTF-8 up to this row, something else from "
              "here on. Open it in Excel and save it again as \"CSV UTF-8 (Comma delimited)\" "
              "or \"CSV (Comma delimited)\""));
    case Problem::kBadGb18030:
      Fail(CurrentRow(), -1,
           Tr("文件按中文 Excel 的 GB18030 编码读取，但这一行有无法识别的字节（文件可能损坏，或"
              "混用了编码）。请用 Excel 打开后另存为“CSV UTF-8（逗号分隔）”",
              "the file is read as GB18030 (CSV from Chinese Excel), but this row has bytes that "
              "are not GB18030 (a damaged file, or mixed encodings). Open it in Excel and save "
              "it as \"CSV UTF-8 (Comma delimited)\""));
    case Problem::kUtf8InGb18030:
      Fail(CurrentRow(), -1,
           Tr("文件混用了不同的字符编码：前面的内容是中文 Excel 的 GB18030，从这一行起是 UTF-8。请用 "
              "Excel 打开后重新另存为“CSV UTF-8（逗号分隔）”",
              "the file mixes character encodings: GB18030 (Chinese Excel) up to this row, UTF-8 "
              "from here on. Open it in Excel and save it again as \"CSV UTF-8 (Comma delimited)\""));
    case Problem::kNul:
      Fail(CurrentRow(), -1,
           Tr("这一行有空字符（NUL），文件不是 CSV 文本文件或已损坏",
              "this row contains a NUL byte: the file is not CSV text, or it is damaged"));
    case Problem::kNone:
      break;
  }
  Fail(CurrentRow(), -1, "internal error: no problem to report");
}

void CsvReader::FailFieldTooLong(int column, bool quoted) const {
  const std::string limit = Mib(options_.max_field_bytes);
  if (quoted) {
    Fail(CurrentRow(), column,
         Tr("单元格内容超过 " + limit + "：很可能是这里的英文双引号 \" 没有闭合",
            "a field longer than " + limit +
                ": most likely its opening double quote \" is "
                "never closed"));
  }
  Fail(CurrentRow(), column,
       Tr("单元格内容超过 " + limit + "，文件可能不是 CSV",
          "a field longer than " + limit + ": the file may not be a CSV"));
}

std::size_t CsvReader::ReadInto(char* dst, std::size_t max) {
  std::size_t total = 0;
  while (total < max) {
    const ssize_t n = ::read(file_.fd, dst + total, max - total);
    if (n < 0) {
      if (errno == EINTR) continue;
      Fail(0, -1, Tr("读取文件出错：", "error reading the file: ") + std::strerror(errno));
    }
    if (n == 0) break;
    total += static_cast<std::size_t>(n);
  }
  bytes_read_ += total;
  return total;
}

bool CsvReader::NextRow(Row& row) {
  for (;;) {
    if (skip_lf_ && pos_ < limit_) {
      if (text_.data[pos_] == '\n') ++pos_;
      skip_lf_ = false;
    }
    if (pos_ < limit_) {
      if (ParseRecord(row) == Parse::kRecord) {
        row.number = ++records_;
        return true;
      }
    } else if (input_done_) {
      row.cells.clear();
      return false;
    }
    if (problem_ != Problem::kNone) FailProblem();
    Refill();
  }
}

CsvReader::Parse CsvReader::ParseRecord(Row& row) {
  const char* const base = text_.data.get();
  const char* p = base + pos_;
  const char* const end = base + limit_;
  const bool final = input_done_;
  char* out = scratch_.data.get();
  row.cells.clear();
  for (;;) {
    const int column = static_cast<int>(row.cells.size());
    if (row.cells.size() >= options_.max_fields) {
      Fail(CurrentRow(), -1,
           Tr("一行超过 " + std::to_string(options_.max_fields) + " 列，文件可能不是 CSV",
              "a record with more than " + std::to_string(options_.max_fields) +
                  " fields: the file may not be a CSV"));
    }
    std::string_view text;
    const bool quoted = p < end && *p == '"';
    if (quoted) {
      const char* const open = p;
      const char* q = p + 1;
      char* const field_out = out;  // where the field goes in scratch_ if it must be rewritten
      bool rewritten = false;
      for (;;) {
        const auto* quote = static_cast<const char*>(std::memchr(q, '"', end - q));
        if (quote == nullptr) {
          if (final) {
            Fail(CurrentRow(), column,
                 Tr("引号没有闭合：这个单元格以英文双引号 \" 开头，直到文件末尾也没有对应的结束"
                    "引号",
                    "unterminated quote: this field opens with a double quote \" that is never "
                    "closed before the end of the file"));
          }
          if (static_cast<std::size_t>(end - open) > options_.max_field_bytes + 2) {
            FailFieldTooLong(column, true);
          }
          return Parse::kNeedMore;
        }
        // A quote at the very end: "" (an escaped quote) or the closing quote? Wait and see.
        if (quote + 1 == end && !final) return Parse::kNeedMore;
        if (quote + 1 < end && quote[1] == '"') {
          const auto n = static_cast<std::size_t>(quote + 1 - q);  // up to and with one quote
          std::memcpy(out, q, n);
          out += n;
          rewritten = true;
          q = quote + 2;
          continue;
        }
        if (rewritten) {
          const auto n = static_cast<std::size_t>(quote - q);
          std::memcpy(out, q, n);
          out += n;
          text = std::string_view(field_out, static_cast<std::size_t>(out - field_out));
        } else {
          text = std::string_view(open + 1, static_cast<std::size_t>(quote - open - 1));
        }
        p = quote + 1;
        break;
      }
      if (p < end && !IsDelimiter(*p)) {
        // Text after the closing quote ("ab"cd): not RFC 4180, but Excel and Python's csv module
        // keep it, appended to the quoted part, and so do we.
        const char* const stop = FindDelimiter(p, end);
        if (stop == end && !final) {
          if (static_cast<std::size_t>(end - open) > options_.max_field_bytes + 2) {
            FailFieldTooLong(column, true);
          }
          return Parse::kNeedMore;
        }
        if (!rewritten) {
          std::memcpy(field_out, text.data(), text.size());
          out = field_out + text.size();
        }
        std::memcpy(out, p, static_cast<std::size_t>(stop - p));
        out += stop - p;
        text = std::string_view(field_out, static_cast<std::size_t>(out - field_out));
        p = stop;
      }
    } else {
      const char* const stop = FindDelimiter(p, end);
      if (stop == end && !final) {
        if (static_cast<std::size_t>(end - p) > options_.max_field_bytes) {
          FailFieldTooLong(column, false);
        }
        return Parse::kNeedMore;
      }
      text = std::string_view(p, static_cast<std::size_t>(stop - p));
      p = stop;
    }
    if (text.size() > options_.max_field_bytes) FailFieldTooLong(column, quoted);
    row.cells.push_back(Cell{text.empty() ? CellType::kEmpty : CellType::kText, false, text});
    if (p == end) break;  // the last record, without a line break (only when `final`)
    const char c = *p++;
    if (c == ',') continue;
    if (c == '\r') {
      if (p < end) {
        if (*p == '\n') ++p;
      } else if (!final) {
        skip_lf_ = true;
      }
    }
    break;
  }
  pos_ = static_cast<std::size_t>(p - base);
  return Parse::kRecord;
}

void CsvReader::Refill() {
  // The record being parsed moves to the front.
  if (pos_ > 0) {
    std::memmove(text_.data.get(), text_.data.get() + pos_, end_ - pos_);
    end_ -= pos_;
    limit_ -= pos_;
    pos_ = 0;
  }
  if (limit_ > options_.max_record_bytes) {
    Fail(CurrentRow(), -1,
         Tr("一行的内容超过 " + Mib(options_.max_record_bytes) +
                "，文件可能不是 CSV，或有没闭合"
                "的引号",
            "a record longer than " + Mib(options_.max_record_bytes) +
                ": the file may not be a CSV, or a quote is never closed"));
  }
  const std::size_t min_room = std::max<std::size_t>(options_.chunk_size / 2, 16);
  if (text_.capacity - end_ < min_room) {
    const std::size_t capacity = std::max(2 * text_.capacity, end_ + options_.chunk_size + 16);
    Buffer bigger;
    bigger.Allocate(capacity);
    std::memcpy(bigger.data.get(), text_.data.get(), end_);
    text_ = std::move(bigger);
    scratch_.Allocate(capacity);
  }
  if (decoder_) {
    DecodeGb18030();
  } else {
    ReadUtf8();
  }
}

void CsvReader::ReadUtf8() {
  if (!file_eof_) {
    const std::size_t want = std::min(options_.chunk_size, text_.capacity - end_);
    const std::size_t got = ReadInto(text_.data.get() + end_, want);
    end_ += got;
    if (got < want) file_eof_ = true;
  }
  CheckUtf8();
}

void CsvReader::CheckUtf8() {
  const Utf8Scan scan = ScanUtf8(std::string_view(text_.data.get() + limit_, end_ - limit_));
  limit_ += scan.valid;
  switch (scan.status) {
    case Utf8Scan::kValid:
      break;
    case Utf8Scan::kTruncated:
      // Completed by the next chunk, unless the file ends here.
      if (file_eof_) problem_ = Problem::kMixedEncoding;
      break;
    case Utf8Scan::kInvalid:
      problem_ = Problem::kMixedEncoding;
      break;
    case Utf8Scan::kNul:
      problem_ = Problem::kNul;
      break;
  }
  input_done_ = file_eof_ && limit_ == end_ && problem_ == Problem::kNone;
}

void CsvReader::DecodeGb18030() {
  for (;;) {
    char* raw = raw_.data.get();
    // Only lines already checked for UTF-8 are converted, so that the row where a file turns
    // UTF-8 is found the same way whatever the chunk size.
    const std::size_t limit = std::min(raw_stop_, raw_scanned_);
    if (raw_pos_ < limit) {
      const Gb18030Decoder::Result r =
          decoder_->Decode(std::string_view(raw + raw_pos_, limit - raw_pos_),
                           text_.data.get() + end_, text_.capacity - end_);
      raw_pos_ += r.consumed;
      end_ += r.produced;
      limit_ = end_;
      if (r.status == Gb18030Decoder::Status::kInvalid) {
        problem_ = Problem::kBadGb18030;
        return;
      }
      if (r.produced > 0) return;
    }
    // Nothing more converts from what is checked: at most an incomplete sequence is left.
    if (raw_stop_ < raw_end_ && raw_scanned_ >= raw_stop_) {
      problem_ = utf8_stop_ ? Problem::kUtf8InGb18030 : Problem::kNul;
      return;
    }
    if (file_eof_ && raw_scanned_ >= raw_end_) {
      if (raw_pos_ < raw_end_) {
        problem_ = Problem::kBadGb18030;  // a multibyte sequence cut off by the end of the file
      } else {
        input_done_ = true;
      }
      return;
    }
    const std::size_t tail = raw_end_ - raw_pos_;
    std::memmove(raw, raw + raw_pos_, tail);
    raw_scanned_ -= std::min(raw_scanned_, raw_pos_);
    raw_stop_ -= std::min(raw_stop_, raw_pos_);
    raw_pos_ = 0;
    if (tail == raw_.capacity) {
      // One line longer than the buffer: make room for all of it (records are bounded anyway).
      if (raw_.capacity >= options_.max_record_bytes) {
        Fail(CurrentRow(), -1,
             Tr("这一行超过 " + Mib(options_.max_record_bytes) + "，文件不是正常的 CSV",
                "this row is longer than " + Mib(options_.max_record_bytes) + ": not a normal CSV file"));
      }
      Buffer bigger;
      bigger.Allocate(std::min(raw_.capacity * 2, options_.max_record_bytes));
      std::memcpy(bigger.data.get(), raw, tail);
      raw_ = std::move(bigger);
      raw = raw_.data.get();
    }
    const bool nul_pending = raw_stop_ < tail;
    const std::size_t want = std::min(options_.chunk_size, raw_.capacity - tail);
    const std::size_t got = file_eof_ ? 0 : ReadInto(raw + tail, want);
    if (got < want) file_eof_ = true;
    raw_end_ = tail + got;
    if (!nul_pending) {
      const void* nul = std::memchr(raw + tail, '\0', got);
      raw_stop_ = nul != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nul) - raw)
                                 : raw_end_;
    }
    ScanRawLines();
  }
}

void CsvReader::ScanRawLines() {
  if (utf8_stop_) return;
  const char* const raw = raw_.data.get();
  const std::size_t end = raw_stop_;
  while (raw_scanned_ < end) {
    const void* nl = std::memchr(raw + raw_scanned_, '\n', end - raw_scanned_);
    // A line not yet complete is checked when the rest of it arrives, unless the file ends or a
    // NUL byte stops the conversion there.
    if (nl == nullptr && !file_eof_ && raw_stop_ == raw_end_) return;
    const std::size_t line_end =
        nl != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nl) - raw) : end;
    if (LooksUtf8(std::string_view(raw + raw_scanned_, line_end - raw_scanned_))) {
      raw_stop_ = raw_scanned_;  // conversion stops at this line; the parser reports its row
      utf8_stop_ = true;
      return;
    }
    raw_scanned_ = nl != nullptr ? line_end + 1 : end;
  }
}

}  // namespace

std::unique_ptr<SheetReader> OpenCsv(const std::string& path, const CsvOptions& options) {
  return std::make_unique<CsvReader>(path, options);
}

std::unique_ptr<SheetReader> OpenCsv(const std::string& path) {
  return OpenCsv(path, CsvOptions{});
}

}  // namespace huzhu
