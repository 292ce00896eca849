#include "io/output_dir.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/diagnostics.h"

namespace huzhu {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void Fail(const std::string& path, const std::string& zh, const std::string& en,
                       const std::string& detail) {
  throw Error(ErrorKind::kOutput, Location(path), Tr(zh, en) + detail);
}

void SyncPath(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Staging folders left by runs that were killed (their process is gone) are removed, so that
// an output folder never fills up with half-written attempts.
void RemoveStaleStaging(const std::string& out_dir) {
  std::error_code ec;
  const std::string prefix = ".huzhu-staging-";
  for (const auto& entry : fs::directory_iterator(out_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    const long pid = std::stol(pid_text);
    if (pid == ::getpid() || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

bool SameFile(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

}  // namespace

OutputStage::OutputStage(const std::string& out_dir, std::vector<std::string> inputs)
    : out_dir_(out_dir), inputs_(std::move(inputs)) {
  std::error_code ec;
  fs::create_directories(out_dir_, ec);
  if (ec || !fs::is_directory(out_dir_)) {
    Fail(out_dir_, "无法创建输出文件夹：", "cannot create the output folder: ",
         ec ? ec.message() : std::string("not a folder"));
  }
  RemoveStaleStaging(out_dir_);
  staging_ = (fs::path(out_dir_) / (".huzhu-staging-" + std::to_string(::getpid()))).string();
  if (!fs::create_directory(staging_, ec) || ec) {
    Fail(out_dir_, "输出文件夹不可写：", "the output folder is not writable: ",
         ec ? ec.message() : std::string("cannot create a staging folder"));
  }
}

OutputStage::~OutputStage() {
  std::error_code ec;
  if (!staging_.empty()) fs::remove_all(staging_, ec);
}

std::string OutputStage::PathFor(const std::string& name) {
  const fs::path final_path = fs::path(out_dir_) / name;
  for (const std::string& input : inputs_) {
    if (SameFile(final_path, input)) {
      Fail(final_path.string(), "输出会覆盖输入文件，请换一个输出文件夹：",
           "the output would overwrite an input file; choose another output folder: ", input);
    }
  }
  names_.push_back(name);
  return (fs::path(staging_) / name).string();
}

std::vector<std::string> OutputStage::FinalPaths() const {
  std::vector<std::string> out;
  for (const std::string& n : names_) out.push_back((fs::path(out_dir_) / n).string());
  return out;
}

void OutputStage::Commit() {
  for (const std::string& n : names_) {
    const std::string staged = (fs::path(staging_) / n).string();
    if (!fs::exists(staged)) {
      Fail(staged, "输出文件未生成：", "an output file was not produced: ", n);
    }
    SyncPath(staged, false);
  }
  for (const std::string& n : names_) {
    const std::string staged = (fs::path(staging_) / n).string();
    const std::string final_path = (fs::path(out_dir_) / n).string();
    if (std::rename(staged.c_str(), final_path.c_str()) != 0) {
      Fail(final_path, "无法把输出移到位：", "cannot move the output into place: ",
           std::strerror(errno));
    }
  }
  SyncPath(out_dir_, true);
  committed_ = true;
  std::error_code ec;
  fs::remove_all(staging_, ec);
  staging_.clear();
}

}  // namespace huzhu
