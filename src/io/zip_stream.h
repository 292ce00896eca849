// Read-only access to a zip archive (libzip) and a streamer that inflates one entry on a second
// thread into a small ring of big buffers, with limits against zip bombs.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/diagnostics.h"

struct zip;

namespace huzhu {

/// How far an entry may inflate before it is refused as a zip bomb. The inflated bytes are
/// counted as they come out of zlib; the sizes in the zip headers are never trusted.
struct ZipLimits {
  /// Absolute ceiling on the inflated size of one entry.
  std::uint64_t max_entry_bytes = std::uint64_t{4} << 30;  // 4 GiB
  /// Past this many inflated bytes, the compression ratio is checked as well ...
  std::uint64_t ratio_check_after = std::uint64_t{64} << 20;  // 64 MiB
  /// ... and inflated / compressed-bytes-read must stay at or below this.
  std::uint64_t max_ratio = 200;
};

/// One entry of the central directory.
struct ZipEntry {
  std::uint64_t index = 0;
  std::string name;
  std::uint64_t compressed_size = 0;  ///< from the central directory (used for progress only)
  std::uint64_t size = 0;  ///< inflated size claimed by the header: a hint, never a limit
};

/// A zip archive opened read-only over a counting file source. Not thread-safe: at most one
/// ZipInflateStream may be active on it at a time, and no other call may be made meanwhile.
class ZipArchive {
 public:
  /// Opens `path`. Throws Error(kInput, where) when the file cannot be opened or is not a zip.
  ZipArchive(const std::string& path, Location where);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  /// Looks an entry up by name, ignoring ASCII case (OPC part names are case-insensitive).
  std::optional<ZipEntry> Find(std::string_view name) const;

  /// Total bytes read from the file so far (any thread may ask).
  std::uint64_t FileBytesRead() const;

  const Location& where() const { return where_; }
  zip* handle() const { return archive_; }

  struct FileSource;  // the libzip source callback's state (defined in the .cpp)

 private:
  Location where_;
  std::unique_ptr<FileSource> source_;
  zip* archive_ = nullptr;
};

/// A piece of an inflated entry handed from the producer thread to the consumer. `data` has
/// `headroom` writable bytes before it (the consumer may prepend up to that much) and one
/// writable byte after the end, set to '\0' as a sentinel for scanners.
struct ZipChunk {
  char* data = nullptr;
  std::size_t size = 0;
  std::size_t headroom = 0;
  /// Compressed bytes of the entry consumed when this chunk was complete (for progress).
  std::uint64_t compressed_done = 0;
  int slot = -1;
};

/// Inflates one entry on a producer thread into a ring of `slots` buffers of `slot_bytes` each.
/// The consumer takes chunks in order with Next() and gives each back with Release(); it must not
/// call Next() while it holds every slot. Errors of the producer (corrupt data, CRC, limits) are
/// rethrown by Next() as Error(kInput) once the chunks before them have been consumed.
class ZipInflateStream {
 public:
  struct Options {
    std::size_t slot_bytes = std::size_t{1} << 20;
    std::size_t headroom = std::size_t{256} << 10;
    int slots = 4;
  };

  ZipInflateStream(ZipArchive& archive, const ZipEntry& entry, const ZipLimits& limits,
                   Location where, Options options);
  ZipInflateStream(ZipArchive& archive, const ZipEntry& entry, const ZipLimits& limits,
                   Location where)
      : ZipInflateStream(archive, entry, limits, std::move(where), Options()) {}
  /// Stops the producer (if still running) and waits for it.
  ~ZipInflateStream();
  ZipInflateStream(const ZipInflateStream&) = delete;
  ZipInflateStream& operator=(const ZipInflateStream&) = delete;

  /// Waits for the next chunk. Returns false at the end of the entry.
  bool Next(ZipChunk& chunk);
  /// Hands a chunk's buffer back to the producer.
  void Release(const ZipChunk& chunk);

  const ZipEntry& entry() const { return entry_; }

 private:
  enum class SlotState : std::uint8_t { kFree, kFull, kInUse };
  struct Slot {
    std::unique_ptr<char[]> buffer;
    std::size_t size = 0;
    std::uint64_t compressed_done = 0;
    SlotState state = SlotState::kFree;
  };

  void Produce();
  [[noreturn]] void Fail(const std::string& zh, const std::string& en);

  ZipArchive& archive_;
  ZipEntry entry_;
  ZipLimits limits_;
  Location where_;
  Options options_;
  std::vector<Slot> slots_;
  int next_read_ = 0;

  std::mutex mutex_;
  std::condition_variable slot_freed_;
  std::condition_variable slot_filled_;
  bool stop_ = false;
  bool done_ = false;
  std::exception_ptr error_;
  std::thread producer_;
};

}  // namespace huzhu
