#include "io/zip_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace huzhu {

// The archive is read through our own seekable source over a file descriptor so that every byte
// taken from the file is counted: that count is the "compressed bytes consumed" of the entry
// being streamed (for the progress bar and for the compression-ratio limit).
struct ZipArchive::FileSource {
  int fd = -1;
  std::uint64_t size = 0;
  std::uint64_t position = 0;
  std::atomic<std::uint64_t> bytes_read{0};
  zip_error_t error;

  FileSource() { zip_error_init(&error); }
  ~FileSource() {
    if (fd >= 0) close(fd);
    zip_error_fini(&error);
  }
};

namespace {

zip_int64_t FileSourceCallback(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* source = static_cast<ZipArchive::FileSource*>(user);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      source->position = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      auto* out = static_cast<char*>(data);
      std::uint64_t want = len;
      if (source->position >= source->size) return 0;
      want = std::min<std::uint64_t>(want, source->size - source->position);
      std::uint64_t got = 0;
      while (got < want) {
        const ssize_t n =
            pread(source->fd, out + got, want - got, static_cast<off_t>(source->position + got));
        if (n < 0) {
          if (errno == EINTR) continue;
          zip_error_set(&source->error, ZIP_ER_READ, errno);
          return -1;
        }
        if (n == 0) break;
        got += static_cast<std::uint64_t>(n);
      }
      source->position += got;
      source->bytes_read.fetch_add(got, std::memory_order_relaxed);
      return static_cast<zip_int64_t>(got);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &source->error);
      if (st == nullptr) return -1;
      zip_stat_init(st);
      st->size = source->size;
      st->valid |= ZIP_STAT_SIZE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&source->error, data, len);
    case ZIP_SOURCE_FREE:
      return 0;  // owned by ZipArchive
    case ZIP_SOURCE_SEEK: {
      const zip_int64_t offset =
          zip_source_seek_compute_offset(source->position, source->size, data, len, &source->error);
      if (offset < 0) return -1;
      source->position = static_cast<std::uint64_t>(offset);
      return 0;
    }
    case ZIP_SOURCE_TELL:
      return static_cast<zip_int64_t>(source->position);
    case ZIP_SOURCE_SUPPORTS:
      return ZIP_SOURCE_SUPPORTS_SEEKABLE |
             ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_ACCEPT_EMPTY);
    case ZIP_SOURCE_ACCEPT_EMPTY:
      return 0;
    default:
      zip_error_set(&source->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

// libzip's messages are English; the common ones get a Chinese twin for the clerk.
std::string ZipErrorZh(const zip_error_t* error) {
  switch (zip_error_code_zip(error)) {
    case ZIP_ER_NOZIP:
      return "不是 zip 压缩文件";
    case ZIP_ER_INCONS:
      return "zip 目录前后不一致";
    case ZIP_ER_CRC:
      return "CRC 校验失败";
    case ZIP_ER_ZLIB:
    case ZIP_ER_COMPRESSED_DATA:
      return "压缩数据已损坏";
    case ZIP_ER_EOF:
    case ZIP_ER_READ:
      return "文件意外结束或无法读取";
    case ZIP_ER_COMPNOTSUPP:
      return "不支持的压缩方法";
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      return "文件已加密";
    case ZIP_ER_MULTIDISK:
      return "不支持分卷压缩文件";
    default:
      return zip_error_strerror(const_cast<zip_error_t*>(error));
  }
}

std::string ZipErrorEn(const zip_error_t* error) {
  return zip_error_strerror(const_cast<zip_error_t*>(error));
}

/// "2 MiB" when whole, else bytes.
std::string SizeText(std::uint64_t bytes, bool zh) {
  if (bytes % (std::uint64_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + (zh ? " 字节" : " bytes");
}

std::string CorruptZipZh(const std::string& detail) {
  return "不是有效的 .xlsx 文件（zip 结构损坏）：" + detail;
}
std::string CorruptZipEn(const std::string& detail) {
  return "not a valid .xlsx file (corrupt zip structure): " + detail;
}

}  // namespace

ZipArchive::ZipArchive(const std::string& path, Location where)
    : where_(std::move(where)), source_(std::make_unique<FileSource>()) {
  source_->fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (source_->fd < 0) {
    const int code = errno;
    const std::string reason = std::strerror(code);
    const std::string zh = code == ENOENT   ? std::string("文件不存在")
                           : code == EACCES ? std::string("没有读取权限")
                                            : reason;
    throw Error(ErrorKind::kInput, where_,
                Tr("无法打开文件：" + zh, "cannot open the file: " + reason));
  }
  struct stat st {};
  if (fstat(source_->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    throw Error(ErrorKind::kInput, where_,
                Tr(std::string("不是普通文件，无法读取"), std::string("not a regular file")));
  }
  source_->size = static_cast<std::uint64_t>(st.st_size);
  if (source_->size == 0) {
    throw Error(ErrorKind::kInput, where_,
                Tr(CorruptZipZh("文件是空的"), CorruptZipEn("the file is empty")));
  }
  // A legacy .xls or an encrypted .xlsx is an OLE2 compound file, not a zip: say so plainly.
  unsigned char magic[8] = {};
  if (pread(source_->fd, magic, sizeof magic, 0) == static_cast<ssize_t>(sizeof magic) &&
      std::memcmp(magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
    throw Error(ErrorKind::kInput, where_,
                Tr("不是有效的 .xlsx 文件：这是旧版 .xls 文件或加了密码的工作簿；"
                   "请去掉密码，或在 Excel 中另存为 .xlsx",
                   "not a valid .xlsx file: it is a legacy .xls file or a password-protected "
                   "workbook; remove the password or save it as .xlsx in Excel"));
  }

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_function_create(FileSourceCallback, source_.get(), &error);
  if (source != nullptr) archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive_ == nullptr) {
    if (source != nullptr) zip_source_free(source);
    const std::string zh = ZipErrorZh(&error);
    const std::string en = ZipErrorEn(&error);
    zip_error_fini(&error);
    throw Error(ErrorKind::kInput, where_, Tr(CorruptZipZh(zh), CorruptZipEn(en)));
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

std::optional<ZipEntry> ZipArchive::Find(std::string_view name) const {
  const std::string key(name);
  const zip_int64_t index = zip_name_locate(archive_, key.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) != 0) return std::nullopt;
  ZipEntry entry;
  entry.index = static_cast<std::uint64_t>(index);
  entry.name = (st.valid & ZIP_STAT_NAME) != 0 && st.name != nullptr ? st.name : key;
  if ((st.valid & ZIP_STAT_COMP_SIZE) != 0) entry.compressed_size = st.comp_size;
  if ((st.valid & ZIP_STAT_SIZE) != 0) entry.size = st.size;
  return entry;
}

std::uint64_t ZipArchive::FileBytesRead() const {
  return source_->bytes_read.load(std::memory_order_relaxed);
}

ZipInflateStream::ZipInflateStream(ZipArchive& archive, const ZipEntry& entry,
                                   const ZipLimits& limits, Location where, Options options)
    : archive_(archive),
      entry_(entry),
      limits_(limits),
      where_(std::move(where)),
      options_(options) {
  options_.slots = std::max(options_.slots, 2);
  options_.slot_bytes = std::max<std::size_t>(options_.slot_bytes, 4096);
  slots_.resize(static_cast<std::size_t>(options_.slots));
  for (Slot& slot : slots_) {
    // Not value-initialised: untouched pages cost no memory.
    slot.buffer.reset(new char[options_.headroom + options_.slot_bytes + 1]);
  }
  producer_ = std::thread([this] { Produce(); });
}

ZipInflateStream::~ZipInflateStream() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  slot_freed_.notify_all();
  slot_filled_.notify_all();
  producer_.join();
}

void ZipInflateStream::Fail(const std::string& zh, const std::string& en) {
  throw Error(ErrorKind::kInput, where_, Tr(zh, en));
}

void ZipInflateStream::Produce() {
  zip_file_t* file = nullptr;
  try {
    const std::uint64_t file_bytes_at_start = archive_.FileBytesRead();
    file = zip_fopen_index(archive_.handle(), entry_.index, 0);
    if (file == nullptr) {
      const zip_error_t* error = zip_get_error(archive_.handle());
      Fail(CorruptZipZh("无法打开“" + entry_.name + "”：" + ZipErrorZh(error)),
           CorruptZipEn("cannot open '" + entry_.name + "': " + ZipErrorEn(error)));
    }
    std::uint64_t inflated = 0;
    std::size_t write = 0;
    for (;;) {
      Slot& slot = slots_[write];
      {
        std::unique_lock<std::mutex> lock(mutex_);
        slot_freed_.wait(lock, [&] { return stop_ || slot.state == SlotState::kFree; });
        if (stop_) break;
      }
      char* out = slot.buffer.get() + options_.headroom;
      std::size_t filled = 0;
      bool eof = false;
      std::uint64_t compressed = 0;
      while (filled < options_.slot_bytes) {
        const zip_int64_t n = zip_fread(file, out + filled, options_.slot_bytes - filled);
        if (n < 0) {
          const zip_error_t* error = zip_file_get_error(file);
          Fail(CorruptZipZh("读取“" + entry_.name + "”失败：" + ZipErrorZh(error)),
               CorruptZipEn("reading '" + entry_.name + "' failed: " + ZipErrorEn(error)));
        }
        if (n == 0) {
          eof = true;
          break;
        }
        filled += static_cast<std::size_t>(n);
        inflated += static_cast<std::uint64_t>(n);
        compressed = archive_.FileBytesRead() - file_bytes_at_start;
        if (inflated > limits_.max_entry_bytes) {
          Fail("“" + entry_.name + "”解压后超过 " + SizeText(limits_.max_entry_bytes, true) +
                   " 的上限，疑似恶意构造的文件（zip 炸弹），已拒绝",
               "'" + entry_.name + "' inflates beyond the limit of " +
                   SizeText(limits_.max_entry_bytes, false) + "; refused as a likely zip bomb");
        }
        if (inflated > limits_.ratio_check_after &&
            inflated / std::max<std::uint64_t>(compressed, 1) > limits_.max_ratio) {
          const std::string ratio = std::to_string(limits_.max_ratio);
          Fail("“" + entry_.name + "”的压缩比超过 " + ratio +
                   ":1，疑似恶意构造的文件（zip 炸弹），已拒绝",
               "'" + entry_.name + "' has a compression ratio above " + ratio +
                   ":1; refused as a likely zip bomb");
        }
      }
      out[filled] = '\0';
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (filled > 0) {
          slot.size = filled;
          slot.compressed_done = std::min(compressed, entry_.compressed_size);
          slot.state = SlotState::kFull;
          write = (write + 1) % slots_.size();
        }
        if (eof) done_ = true;
      }
      slot_filled_.notify_one();
      if (eof) break;
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = std::current_exception();
    done_ = true;
  }
  if (file != nullptr) zip_fclose(file);
  slot_filled_.notify_one();
}

bool ZipInflateStream::Next(ZipChunk& chunk) {
  std::unique_lock<std::mutex> lock(mutex_);
  Slot& slot = slots_[static_cast<std::size_t>(next_read_)];
  slot_filled_.wait(lock, [&] { return slot.state == SlotState::kFull || done_; });
  if (slot.state != SlotState::kFull) {
    if (error_) std::rethrow_exception(error_);
    return false;
  }
  slot.state = SlotState::kInUse;
  chunk.data = slot.buffer.get() + options_.headroom;
  chunk.size = slot.size;
  chunk.headroom = options_.headroom;
  chunk.compressed_done = slot.compressed_done;
  chunk.slot = next_read_;
  next_read_ = (next_read_ + 1) % options_.slots;
  return true;
}

void ZipInflateStream::Release(const ZipChunk& chunk) {
  if (chunk.slot < 0) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    slots_[static_cast<std::size_t>(chunk.slot)].state = SlotState::kFree;
  }
  slot_freed_.notify_one();
}

}  // namespace huzhu
