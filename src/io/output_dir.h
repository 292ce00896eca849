// Atomic replacement of a run's outputs: everything is written into a staging folder inside the
// output folder, and moved into place only when the whole run succeeded. A run that fails leaves
// the previous outputs untouched and no staging folder behind.
#pragma once

#include <string>
#include <vector>

namespace huzhu {

class OutputStage {
 public:
  /// Creates `out_dir` (and parents) if missing, and a fresh staging folder in it. `inputs` are
  /// the run's input files: an output that would overwrite one of them is refused. Throws
  /// Error(kOutput) when the folder cannot be created or written.
  OutputStage(const std::string& out_dir, std::vector<std::string> inputs);
  ~OutputStage();  ///< removes the staging folder unless committed
  OutputStage(const OutputStage&) = delete;
  OutputStage& operator=(const OutputStage&) = delete;

  /// Where to write the output `name` (a plain file name) before Commit.
  std::string PathFor(const std::string& name);
  /// The staging folder (for writers' temporary files).
  const std::string& staging_dir() const { return staging_; }
  /// Final paths of the outputs, in the order they were requested.
  std::vector<std::string> FinalPaths() const;

  /// Syncs every staged file and renames it over its final name, then removes the staging folder.
  void Commit();

 private:
  std::string out_dir_;
  std::string staging_;
  std::vector<std::string> inputs_;
  std::vector<std::string> names_;
  bool committed_ = false;
};

}  // namespace huzhu
