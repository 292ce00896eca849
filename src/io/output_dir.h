// Atomic replacement of a run's outputs. Everything is written into a staging folder beside the
// output folder; on success the new outputs replace the old ones all at once:
//  - the staging folder receives hard links to the output folder's other files, then the two
//    folders are exchanged in one atomic rename (Linux renameat2 RENAME_EXCHANGE), so that a
//    process killed at any moment leaves either the previous complete set or the new complete
//    set, never a mix;
//  - where that cannot be done (the folder holds subfolders, is the working directory, or the
//    file system refuses the exchange) each file is renamed over its old name in turn.
// A run that fails leaves the previous outputs untouched and no staging folder behind. A lock
// (.huzhu-lock in the output folder) refuses a second concurrent run on the same folder.
#pragma once

#include <string>
#include <vector>

namespace huzhu {

class OutputStage {
 public:
  /// Creates `out_dir` (and parents) if missing, takes its lock, and makes a fresh staging
  /// folder beside it. `inputs` are the run's input files: an output that would overwrite one of
  /// them is refused. Throws Error(kOutput) when the folder cannot be created or written, or
  /// another run holds the lock.
  OutputStage(const std::string& out_dir, std::vector<std::string> inputs);
  ~OutputStage();  ///< removes the staging folder unless committed; releases the lock
  OutputStage(const OutputStage&) = delete;
  OutputStage& operator=(const OutputStage&) = delete;

  /// Where to write the output `name` (a plain file name) before Commit.
  std::string PathFor(const std::string& name);
  /// The staging folder (for writers' temporary files).
  const std::string& staging_dir() const { return staging_; }
  /// Final paths of the outputs, in the order they were requested.
  std::vector<std::string> FinalPaths() const;

  /// Syncs every staged file and puts the new outputs in place (see above).
  void Commit();

  /// True when the last Commit exchanged the folders atomically (for tests and the log).
  bool committed_atomically() const { return atomic_; }

 private:
  bool ExchangeFolders();
  void RenameEach();

  std::string out_dir_;
  std::string staging_;
  std::vector<std::string> inputs_;
  std::vector<std::string> names_;
  int lock_fd_ = -1;
  bool committed_ = false;
  bool atomic_ = false;
};

/// The name of the lock file kept in every output folder.
inline constexpr const char* kOutputLockName = ".huzhu-lock";

}  // namespace huzhu
