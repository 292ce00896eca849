// Writing the big parts of an .xlsx ourselves, fast: a sheet's rows are cut into chunks that are
// deflated on worker threads (pigz's scheme: each chunk an independent raw deflate stream ended by
// a sync flush, so that the concatenation is one valid deflate stream), and the result is spliced
// into the workbook libxlsxwriter wrote around it (styles, header row, panes, filters, the other
// sheets). libxlsxwriter alone deflates every sheet on one core at level 6 after writing it to a
// temporary file with fprintf; for a province's payout sheets that was 8.8 s of a 12.5 s run.
//
// Output is deterministic: chunk boundaries are where the caller cuts them, never where a thread
// happens to be, and each chunk's bytes depend on its content only.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>
#include <vector>

namespace huzhu {

/// Deflates a byte stream given in chunks, in order, on worker threads, appending the compressed
/// bytes to an unnamed temporary file. Memory stays bounded: Add() waits while too many chunks are
/// in flight. Errors (zlib, the temporary file) throw Error(kOutput) naming `what`.
class ParallelDeflater {
 public:
  /// `temp_dir`: where the temporary file lives (empty: the system's). `threads` ≥ 1.
  ParallelDeflater(std::string what, const std::string& temp_dir, int level, int threads);
  ~ParallelDeflater();
  ParallelDeflater(const ParallelDeflater&) = delete;
  ParallelDeflater& operator=(const ParallelDeflater&) = delete;

  /// Queues the next chunk (not empty).
  void Add(std::string chunk);
  /// An empty string with the capacity of an earlier chunk's, when one has been compressed: the
  /// writer fills it as the next chunk, so that chunks are not allocated (and faulted in) anew.
  std::string SpareInput();
  /// Waits for every chunk; afterwards the accessors below are final.
  void Finish();

  std::uint32_t crc() const { return crc_; }
  std::uint64_t size() const { return size_; }
  std::uint64_t compressed_size() const { return compressed_size_; }
  /// The temporary file with the compressed bytes, from offset 0.
  int fd() const { return fd_; }

 private:
  struct Job {
    std::uint64_t sequence = 0;
    std::string input;
    std::string output;  // output[0, output_size): a reused buffer, never shrunk
    std::size_t output_size = 0;
    std::size_t input_size = 0;
    std::uint32_t crc = 0;
    bool done = false;
  };
  void Work();
  void WriteReadyLocked(std::unique_lock<std::mutex>& lock);
  [[noreturn]] void Fail(const std::string& detail) const;

  std::string what_;
  int level_;
  int fd_ = -1;
  std::size_t max_in_flight_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable job_done_;
  std::deque<Job*> queue_;                 // waiting for a worker
  std::map<std::uint64_t, std::unique_ptr<Job>> in_flight_;  // by sequence, until written
  std::vector<std::string> spare_inputs_;   // compressed chunks' buffers, for SpareInput
  std::vector<std::string> spare_outputs_;  // written outputs' buffers, for the workers
  std::uint64_t next_sequence_ = 0;
  std::uint64_t next_to_write_ = 0;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::vector<std::thread> workers_;
  std::uint32_t crc_ = 0;
  std::uint64_t size_ = 0;
  std::uint64_t compressed_size_ = 0;
};

/// One entry of a zip archive to be replaced by prefix + body + suffix, where the entry's own
/// (small) text is cut at the first `marker` (kept in the suffix) and `patch` may edit the prefix.
struct ZipSplice {
  std::string name;
  std::string marker;
  const ParallelDeflater* body = nullptr;
  /// Edits the entry's text before the marker (e.g. a sheet's <dimension ref>); may be empty.
  std::string (*patch)(std::string prefix, const void* context) = nullptr;
  const void* context = nullptr;
};

/// Copies the zip archive at `in_path` (as libxlsxwriter writes it: no zip64, no encryption) to
/// `out_path`, entry by entry in the same order without recompressing, except the entries named
/// by `splices`. Throws Error(kOutput) naming `out_path` on any failure.
void SpliceZip(const std::string& in_path, const std::string& out_path,
               const std::vector<ZipSplice>& splices);

}  // namespace huzhu
