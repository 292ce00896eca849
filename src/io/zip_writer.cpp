#include "io/zip_writer.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>

#include "core/diagnostics.h"

namespace huzhu {

namespace {

constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint64_t kZip32Limit = 0xFFFFFFFFu;

std::string ErrnoText(int err) { return std::strerror(err); }

// Writes all of `data` to `fd`; returns 0 or the errno of the failure.
int WriteAll(int fd, std::string_view data) {
  std::size_t at = 0;
  while (at < data.size()) {
    const ssize_t n = ::write(fd, data.data() + at, data.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    at += static_cast<std::size_t>(n);
  }
  return 0;
}

// Deflates `input` with `zs` (made by deflateInit2 for a raw stream; reset here, so that a
// worker reuses one) into output[0, *size), ended by a sync flush (more streams may follow) or
// finished (the last one). `output` grows but is never shrunk, so that a reused buffer is not
// zero-filled again; its bytes past *size mean nothing. Returns false on a zlib error.
bool DeflateInto(z_stream& zs, std::string_view input, bool last, std::string& output,
                 std::size_t* size) {
  if (deflateReset(&zs) != Z_OK) return false;
  const std::size_t bound = deflateBound(&zs, static_cast<uLong>(input.size())) + 64;
  if (output.size() < bound) output.resize(bound);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  zs.avail_in = static_cast<uInt>(input.size());
  const int flush = last ? Z_FINISH : Z_SYNC_FLUSH;
  bool ok = true;
  for (;;) {
    if (zs.total_out == output.size()) output.resize(output.size() * 2);
    zs.next_out = reinterpret_cast<Bytef*>(output.data() + zs.total_out);
    zs.avail_out = static_cast<uInt>(output.size() - zs.total_out);
    const int rc = deflate(&zs, flush);
    if (last && rc == Z_STREAM_END) break;
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      ok = false;
      break;
    }
    if (!last && zs.avail_in == 0 && zs.avail_out != 0) break;  // flushed completely
  }
  *size = zs.total_out;
  return ok;
}

// A raw deflate stream at `level` for the duration of a scope.
class RawDeflateStream {
 public:
  explicit RawDeflateStream(int level) {
    ok_ = deflateInit2(&zs_, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~RawDeflateStream() {
    if (ok_) deflateEnd(&zs_);
  }
  RawDeflateStream(const RawDeflateStream&) = delete;
  RawDeflateStream& operator=(const RawDeflateStream&) = delete;
  bool ok() const { return ok_; }
  z_stream& get() { return zs_; }

 private:
  z_stream zs_{};
  bool ok_ = false;
};

// DeflateInto with a stream of its own, and `output` cut to the compressed bytes.
bool DeflateRaw(std::string_view input, int level, bool last, std::string& output) {
  RawDeflateStream stream(level);
  std::size_t size = 0;
  if (!stream.ok() || !DeflateInto(stream.get(), input, last, output, &size)) return false;
  output.resize(size);
  return true;
}

std::uint32_t Crc(std::string_view data) {
  return static_cast<std::uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

int OpenTempFile(const std::string& dir) {
  const std::string where = dir.empty() ? "/tmp" : dir;
  int fd = ::open(where.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string name = where + "/.huzhu-deflate-XXXXXX";
  fd = ::mkstemp(name.data());
  if (fd >= 0) ::unlink(name.c_str());
  return fd;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// ParallelDeflater

ParallelDeflater::ParallelDeflater(std::string what, const std::string& temp_dir, int level,
                                   int threads)
    : what_(std::move(what)), level_(level) {
  threads = std::max(1, threads);
  max_in_flight_ = static_cast<std::size_t>(threads) * 2 + 2;
  fd_ = OpenTempFile(temp_dir);
  if (fd_ < 0) Fail(ErrnoText(errno));
  for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
}

ParallelDeflater::~ParallelDeflater() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : workers_) t.join();
  if (fd_ >= 0) ::close(fd_);
}

void ParallelDeflater::Fail(const std::string& detail) const {
  throw Error(ErrorKind::kOutput, Location(what_),
              Tr("压缩工作表失败：", "compressing the sheet failed: ") + detail);
}

void ParallelDeflater::Work() {
  RawDeflateStream stream(level_);  // one per worker, reset for each chunk
  for (;;) {
    Job* job = nullptr;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = queue_.front();
      queue_.pop_front();
      if (!spare_outputs_.empty()) {
        job->output = std::move(spare_outputs_.back());
        spare_outputs_.pop_back();
      }
    }
    const bool ok = stream.ok() &&
                    DeflateInto(stream.get(), job->input, false, job->output, &job->output_size);
    job->crc = Crc(job->input);
    job->input_size = job->input.size();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!ok && !error_) {
        error_ = std::make_exception_ptr(Error(ErrorKind::kOutput, Location(what_),
                                               Tr("压缩工作表失败（zlib）",
                                                  "compressing the sheet failed (zlib)")));
      }
      // The input's buffer goes back to the writer (SpareInput) to hold a later chunk.
      job->input.clear();
      if (spare_inputs_.size() < max_in_flight_) spare_inputs_.push_back(std::move(job->input));
      job->done = true;
    }
    job_done_.notify_all();
  }
}

std::string ParallelDeflater::SpareInput() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (spare_inputs_.empty()) return std::string();
  std::string buffer = std::move(spare_inputs_.back());
  spare_inputs_.pop_back();
  return buffer;
}

// Writes the finished jobs at the head of the sequence; the lock is released while writing.
void ParallelDeflater::WriteReadyLocked(std::unique_lock<std::mutex>& lock) {
  for (;;) {
    auto head = in_flight_.find(next_to_write_);
    if (head == in_flight_.end() || !head->second->done) return;
    std::unique_ptr<Job> job = std::move(head->second);
    in_flight_.erase(head);
    ++next_to_write_;
    lock.unlock();
    const std::string_view out(job->output.data(), job->output_size);
    if (const int err = WriteAll(fd_, out); err != 0) Fail(ErrnoText(err));
    crc_ = static_cast<std::uint32_t>(
        crc32_combine(crc_, job->crc, static_cast<z_off_t>(job->input_size)));
    size_ += job->input_size;
    compressed_size_ += out.size();
    lock.lock();
    // The output's buffer goes to a worker for a later chunk.
    if (spare_outputs_.size() < max_in_flight_) spare_outputs_.push_back(std::move(job->output));
  }
}

void ParallelDeflater::Add(std::string chunk) {
  if (chunk.empty()) return;
  auto job = std::make_unique<Job>();
  job->sequence = next_sequence_++;
  job->input = std::move(chunk);
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    if (error_) std::rethrow_exception(error_);
    WriteReadyLocked(lock);
    if (in_flight_.size() < max_in_flight_) break;
    job_done_.wait(lock);
  }
  queue_.push_back(job.get());
  in_flight_.emplace(job->sequence, std::move(job));
  lock.unlock();
  work_ready_.notify_one();
}

void ParallelDeflater::Finish() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    if (error_) std::rethrow_exception(error_);
    WriteReadyLocked(lock);
    if (in_flight_.empty()) break;
    job_done_.wait(lock);
  }
}

// ---------------------------------------------------------------------------------------------
// SpliceZip

namespace {

struct CentralEntry {
  std::uint16_t version_made = 0;
  std::uint16_t version_needed = 0;
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint16_t time = 0;
  std::uint16_t date = 0;
  std::uint32_t crc = 0;
  std::uint64_t compressed = 0;
  std::uint64_t size = 0;
  std::uint16_t internal_attributes = 0;
  std::uint32_t external_attributes = 0;
  std::uint64_t local_offset = 0;
  std::string name;
  std::uint64_t data_offset = 0;  // in the input: past the local header
};

std::uint16_t U16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                    (static_cast<unsigned char>(s[at + 1]) << 8));
}
std::uint32_t U32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(U16(s, at)) | (static_cast<std::uint32_t>(U16(s, at + 2)) << 16);
}
void Put16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void Put32(std::string& out, std::uint32_t v) {
  Put16(out, v & 0xFFFF);
  Put16(out, v >> 16);
}

class ZipOut {
 public:
  explicit ZipOut(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) Fail(ErrnoText(errno));
  }
  ~ZipOut() {
    if (fd_ >= 0) ::close(fd_);
  }
  ZipOut(const ZipOut&) = delete;
  ZipOut& operator=(const ZipOut&) = delete;

  [[noreturn]] void Fail(const std::string& detail) const {
    throw Error(ErrorKind::kOutput, Location(path_),
                Tr("写入工作簿失败：", "writing the workbook failed: ") + detail);
  }
  std::uint64_t offset() const { return offset_ + buffer_.size(); }
  void Write(std::string_view data) {
    buffer_.append(data);
    if (buffer_.size() >= (1u << 20)) Flush();
  }
  // Copies `n` bytes of `fd` from offset 0.
  void CopyFrom(int fd, std::uint64_t n) {
    Flush();
    std::string block(std::size_t{1} << 20, '\0');
    std::uint64_t at = 0;
    while (at < n) {
      const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), n - at));
      const ssize_t got = ::pread(fd, block.data(), want, static_cast<off_t>(at));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) Fail(got < 0 ? ErrnoText(errno) : "short read of a compressed sheet");
      WriteRaw(std::string_view(block.data(), static_cast<std::size_t>(got)));
      at += static_cast<std::uint64_t>(got);
    }
  }
  void Close() {
    Flush();  // the output stage syncs every file before it commits the folder
    if (::close(fd_) != 0) {
      fd_ = -1;
      Fail(ErrnoText(errno));
    }
    fd_ = -1;
  }

 private:
  void Flush() {
    WriteRaw(buffer_);
    buffer_.clear();
  }
  void WriteRaw(std::string_view data) {
    if (const int err = WriteAll(fd_, data); err != 0) Fail(ErrnoText(err));
    offset_ += data.size();
  }
  std::string path_;
  int fd_ = -1;
  std::uint64_t offset_ = 0;
  std::string buffer_;
};

std::vector<CentralEntry> ReadCentralDirectory(const std::string& zip, const ZipOut& out) {
  if (zip.size() < 22) out.Fail("libxlsxwriter's archive is too short");
  std::size_t end = std::string::npos;
  const std::size_t lowest = zip.size() > 22 + 0xFFFF ? zip.size() - 22 - 0xFFFF : 0;
  for (std::size_t at = zip.size() - 22;; --at) {
    if (U32(zip, at) == kEndSignature) {
      end = at;
      break;
    }
    if (at == lowest) break;
  }
  if (end == std::string::npos) out.Fail("libxlsxwriter's archive has no end record");
  const std::uint16_t count = U16(zip, end + 10);
  std::size_t at = U32(zip, end + 16);
  std::vector<CentralEntry> entries;
  for (std::uint16_t i = 0; i < count; ++i) {
    if (at + 46 > zip.size() || U32(zip, at) != kCentralSignature) {
      out.Fail("libxlsxwriter's archive has a damaged central directory");
    }
    CentralEntry e;
    e.version_made = U16(zip, at + 4);
    e.version_needed = U16(zip, at + 6);
    e.flags = U16(zip, at + 8);
    e.method = U16(zip, at + 10);
    e.time = U16(zip, at + 12);
    e.date = U16(zip, at + 14);
    e.crc = U32(zip, at + 16);
    e.compressed = U32(zip, at + 20);
    e.size = U32(zip, at + 24);
    const std::uint16_t name_len = U16(zip, at + 28);
    const std::uint16_t extra_len = U16(zip, at + 30);
    const std::uint16_t comment_len = U16(zip, at + 32);
    e.internal_attributes = U16(zip, at + 36);
    e.external_attributes = U32(zip, at + 38);
    e.local_offset = U32(zip, at + 42);
    if (at + 46 + name_len > zip.size()) out.Fail("libxlsxwriter's archive is damaged");
    e.name = zip.substr(at + 46, name_len);
    if (e.compressed == kZip32Limit || e.size == kZip32Limit || e.local_offset == kZip32Limit ||
        (e.method != 0 && e.method != 8)) {
      out.Fail("unexpected zip64 or compression method in libxlsxwriter's archive");
    }
    const std::size_t local = static_cast<std::size_t>(e.local_offset);
    if (local + 30 > zip.size() || U32(zip, local) != kLocalSignature) {
      out.Fail("libxlsxwriter's archive has a damaged local header");
    }
    e.data_offset = local + 30 + U16(zip, local + 26) + U16(zip, local + 28);
    if (e.data_offset + e.compressed > zip.size()) out.Fail("libxlsxwriter's archive is damaged");
    entries.push_back(std::move(e));
    at += 46 + name_len + extra_len + comment_len;
  }
  return entries;
}

std::string Inflate(std::string_view data, std::uint64_t size, std::uint16_t method,
                    const ZipOut& out) {
  if (method == 0) return std::string(data);
  std::string text(static_cast<std::size_t>(size), '\0');
  z_stream zs{};
  if (inflateInit2(&zs, -15) != Z_OK) out.Fail("zlib");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(text.data());
  zs.avail_out = static_cast<uInt>(text.size());
  const int rc = inflate(&zs, Z_FINISH);
  const bool ok = rc == Z_STREAM_END && zs.total_out == size;
  inflateEnd(&zs);
  if (!ok) out.Fail("cannot inflate a part of libxlsxwriter's archive");
  return text;
}

// The fields local and central headers share, from "version needed" to "extra field length".
// Sizes are in the headers, so no data descriptor follows (flag bit 3 cleared by the caller).
void PutCommonFields(std::string& h, const CentralEntry& e) {
  Put16(h, e.version_needed);
  Put16(h, e.flags);
  Put16(h, e.method);
  Put16(h, e.time);
  Put16(h, e.date);
  Put32(h, e.crc);
  Put32(h, static_cast<std::uint32_t>(e.compressed));
  Put32(h, static_cast<std::uint32_t>(e.size));
  Put16(h, static_cast<std::uint32_t>(e.name.size()));
  Put16(h, 0);  // no extra field
}

void WriteLocalHeader(ZipOut& out, const CentralEntry& e) {
  std::string h;
  Put32(h, kLocalSignature);
  PutCommonFields(h, e);
  h += e.name;
  out.Write(h);
}

}  // namespace

void SpliceZip(const std::string& in_path, const std::string& out_path,
               const std::vector<ZipSplice>& splices) {
  ZipOut out(out_path);
  std::ifstream in(in_path, std::ios::binary);
  const std::string zip((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) out.Fail("cannot read " + in_path);
  std::vector<CentralEntry> entries = ReadCentralDirectory(zip, out);

  for (CentralEntry& e : entries) {
    const std::string_view data(zip.data() + e.data_offset, static_cast<std::size_t>(e.compressed));
    e.flags &= ~std::uint16_t{0x0008};
    const auto splice = std::find_if(splices.begin(), splices.end(),
                                     [&](const ZipSplice& s) { return s.name == e.name; });
    e.local_offset = out.offset();
    if (splice == splices.end()) {
      WriteLocalHeader(out, e);
      out.Write(data);
      continue;
    }
    const std::string text = Inflate(data, e.size, e.method, out);
    const std::size_t cut = text.find(splice->marker);
    if (cut == std::string::npos) out.Fail(e.name + ": no " + splice->marker);
    std::string prefix = text.substr(0, cut);
    if (splice->patch != nullptr) prefix = splice->patch(std::move(prefix), splice->context);
    const std::string_view suffix = std::string_view(text).substr(cut);
    std::string prefix_z;
    std::string suffix_z;
    if (!DeflateRaw(prefix, Z_DEFAULT_COMPRESSION, false, prefix_z) ||
        !DeflateRaw(suffix, Z_DEFAULT_COMPRESSION, true, suffix_z)) {
      out.Fail("zlib");
    }
    const ParallelDeflater& body = *splice->body;
    std::uint32_t crc = Crc(prefix);
    crc = static_cast<std::uint32_t>(
        crc32_combine(crc, body.crc(), static_cast<z_off_t>(body.size())));
    crc = static_cast<std::uint32_t>(
        crc32_combine(crc, Crc(suffix), static_cast<z_off_t>(suffix.size())));
    e.method = 8;
    e.crc = crc;
    e.size = prefix.size() + body.size() + suffix.size();
    e.compressed = prefix_z.size() + body.compressed_size() + suffix_z.size();
    if (e.size >= kZip32Limit || e.compressed >= kZip32Limit || e.local_offset >= kZip32Limit) {
      out.Fail(Tr("工作表超过 4 GB，无法写入", "a sheet over 4 GB cannot be written"));
    }
    WriteLocalHeader(out, e);
    out.Write(prefix_z);
    out.CopyFrom(body.fd(), body.compressed_size());
    out.Write(suffix_z);
  }

  const std::uint64_t central_offset = out.offset();
  for (const CentralEntry& e : entries) {
    std::string h;
    Put32(h, kCentralSignature);
    Put16(h, e.version_made);
    PutCommonFields(h, e);
    Put16(h, 0);  // comment
    Put16(h, 0);  // disk
    Put16(h, e.internal_attributes);
    Put32(h, e.external_attributes);
    Put32(h, static_cast<std::uint32_t>(e.local_offset));
    h += e.name;
    out.Write(h);
  }
  const std::uint64_t central_size = out.offset() - central_offset;
  if (out.offset() >= kZip32Limit || entries.size() >= 0xFFFF) {
    out.Fail(Tr("工作簿超过 4 GB，无法写入", "a workbook over 4 GB cannot be written"));
  }
  std::string end;
  Put32(end, kEndSignature);
  Put16(end, 0);
  Put16(end, 0);
  Put16(end, static_cast<std::uint32_t>(entries.size()));
  Put16(end, static_cast<std::uint32_t>(entries.size()));
  Put32(end, static_cast<std::uint32_t>(central_size));
  Put32(end, static_cast<std::uint32_t>(central_offset));
  Put16(end, 0);
  out.Write(end);
  out.Close();
}

}  // namespace huzhu
