#include "records/table_reader.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

namespace huzhu {

namespace {

// Rows read ahead on a second thread, so that the reader's work (CSV parsing and GB18030
// conversion, or the .xlsx scanner) runs beside the caller's (building member records): for a
// province's ledger that is half a second of a two-second read. Rows come in batches that own
// their texts; errors of the reader reach the caller after the rows before them, as without
// the thread.
class RowPrefetcher {
 public:
  struct Batch {
    // rows[0, count): the rows past count are kept, with their cells' capacity, for reuse.
    std::vector<Row> rows;
    std::size_t count = 0;
    // Every cell's text, back to back. A vector, not a string: moving a short std::string moves
    // its characters (the small-string buffer), which would leave the cells' views behind.
    std::vector<char> text;
    std::uint64_t bytes_read = 0;  // the reader's progress when the batch was full
    std::uint64_t bytes_total = 0;
  };

  explicit RowPrefetcher(std::unique_ptr<SheetReader> reader)
      : reader_(std::move(reader)), thread_([this] { Produce(); }) {}

  ~RowPrefetcher() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  RowPrefetcher(const RowPrefetcher&) = delete;
  RowPrefetcher& operator=(const RowPrefetcher&) = delete;

  /// The next batch, or false at the end; rethrows the reader's error in its place. The batch
  /// passed in (the one the caller is done with) goes back to be filled again: batches and their
  /// rows are reused, so that a long file is read without a malloc per row.
  bool Next(Batch& batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (batch.rows.capacity() > 0 && spare_.size() < kBatchesAhead) {
      spare_.push_back(std::move(batch));
    }
    batch = Batch();
    changed_.wait(lock, [this] { return !ready_.empty() || done_; });
    if (ready_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    batch = std::move(ready_.front());
    ready_.pop_front();
    lock.unlock();
    changed_.notify_all();
    return true;
  }

 private:
  static constexpr std::size_t kBatchRows = 4096;
  static constexpr std::size_t kBatchesAhead = 4;

  // A spare batch emptied for filling, or a new one.
  Batch TakeSpare() {
    Batch batch;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!spare_.empty()) {
        batch = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    batch.count = 0;
    batch.text.clear();
    return batch;
  }

  void Produce() {
    try {
      Row row;
      Batch batch = TakeSpare();
      std::vector<std::pair<std::size_t, std::size_t>> spans;  // (offset, size) per cell
      auto flush = [&] {
        // The texts are in place: point the cells at them.
        std::size_t k = 0;
        for (std::size_t i = 0; i < batch.count; ++i) {
          for (Cell& cell : batch.rows[i].cells) {
            cell.text = std::string_view(batch.text.data() + spans[k].first, spans[k].second);
            ++k;
          }
        }
        batch.bytes_read = reader_->BytesRead();
        batch.bytes_total = reader_->BytesTotal();
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return ready_.size() < kBatchesAhead || stop_; });
        if (stop_) return false;
        ready_.push_back(std::move(batch));
        lock.unlock();
        changed_.notify_all();
        batch = TakeSpare();
        spans.clear();
        return true;
      };
      while (reader_->NextRow(row)) {
        if (row.IsBlank()) continue;
        if (batch.count == batch.rows.size()) batch.rows.emplace_back();
        Row& copy = batch.rows[batch.count++];
        copy.number = row.number;
        copy.cells.assign(row.cells.begin(), row.cells.end());
        for (const Cell& cell : row.cells) {
          spans.emplace_back(batch.text.size(), cell.text.size());
          batch.text.insert(batch.text.end(), cell.text.begin(), cell.text.end());
        }
        if (batch.count == kBatchRows && !flush()) return;
      }
      if (batch.count > 0 && !flush()) return;
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      error_ = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    changed_.notify_all();
  }

  std::unique_ptr<SheetReader> reader_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> ready_;
  std::vector<Batch> spare_;  // batches the caller is done with
  bool done_ = false;
  bool stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace

void ForEachRecord(const std::string& path, const std::string& sheet, const TableSpec& table,
                   const std::function<void(const RowView& row)>& fn, const ProgressFn& progress) {
  auto reader = OpenSheet(path, sheet);
  const SheetInfo& info = reader->info();
  OwnedRow header;
  if (!FindHeaderRow(*reader, &table, header)) {
    std::string names;
    for (const FieldSpec& f : table.fields) {
      if (f.need == Need::kRequired) names += (names.empty() ? "" : "、") + f.zh;
    }
    throw Error(ErrorKind::kInput, Location(path, info.sheet),
                Tr("找不到" + table.zh + "的表头：前 20 行中没有一行含有两个以上的标准列名（如 " +
                       names + "）",
                   "no " + table.key + " header: none of the first 20 rows names two or more of "
                   "its columns (such as " + names + ")"));
  }
  const SheetInfo sheet_info = info;  // the reader moves to the prefetching thread
  const HeaderMap map(table, header.row(), path, sheet_info.sheet);
  map.RequireAll();
  RowPrefetcher rows(std::move(reader));
  RowPrefetcher::Batch batch;
  std::uint64_t n = 0;
  while (rows.Next(batch)) {
    for (std::size_t i = 0; i < batch.count; ++i) {
      if (progress && (++n & 0x3FFF) == 0) progress(batch.bytes_read, batch.bytes_total);
      fn(RowView(batch.rows[i], map, sheet_info, path));
    }
  }
}

RowReservation::RowReservation(const std::vector<std::string>& files, std::size_t cap,
                               std::function<std::size_t()> rows_read,
                               std::function<void(std::size_t)> reserve)
    : cap_(cap), rows_read_(std::move(rows_read)), reserve_(std::move(reserve)) {
  for (const std::string& path : files) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) all_bytes_ += size;
  }
}

ProgressFn RowReservation::Wrap(const ProgressFn& progress) {
  return [this, progress](std::uint64_t done, std::uint64_t total) {
    if (!reserved_ && done > 0 && total > 0) {
      reserved_ = true;
      const double per_byte =
          static_cast<double>(rows_read_() - rows_before_file_) / static_cast<double>(done);
      const auto estimate =
          static_cast<std::size_t>(per_byte * static_cast<double>(all_bytes_) * 1.1);
      reserve_(std::min(estimate, cap_));
    }
    if (progress) progress(done, total);
  };
}

}  // namespace huzhu
