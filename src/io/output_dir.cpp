#include "io/output_dir.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
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

bool Running(long pid) { return pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH; }

// Staging folders left by runs that were killed (their process is gone) are removed, so that
// no half-written attempt accumulates: `prefix` + pid, in `dir`.
void RemoveStale(const fs::path& dir, const std::string& prefix) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    const long pid = std::stol(pid_text);
    if (pid == ::getpid() || !Running(pid)) fs::remove_all(entry.path(), ec);
  }
}

bool SameFile(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

std::string StagingPrefix(const fs::path& out) {
  std::string prefix(1, '.');
  prefix += out.filename().string();
  prefix += ".huzhu-staging-";
  return prefix;
}

}  // namespace

OutputStage::OutputStage(const std::string& out_dir, std::vector<std::string> inputs)
    : inputs_(std::move(inputs)) {
  if (out_dir.empty()) {
    throw Error(ErrorKind::kUsage, Location(), Tr("--out 不能为空：请给出输出文件夹", "--out is empty: give an output folder"));
  }
  std::error_code ec;
  // An absolute path without a trailing separator: its parent holds the staging folder.
  fs::path out = fs::absolute(fs::path(out_dir), ec).lexically_normal();
  if (!out.has_filename()) out = out.parent_path();
  out_dir_ = out.string();
  fs::create_directories(out, ec);
  if (ec || !fs::is_directory(out)) {
    Fail(out_dir, "无法创建输出文件夹：", "cannot create the output folder: ",
         ec ? ec.message() : std::string("not a folder"));
  }
  // The lock: one run at a time per output folder. flock is released when the process ends,
  // however it ends, so a killed run never leaves the folder locked.
  const std::string lock_path = (out / kOutputLockName).string();
  lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (lock_fd_ < 0) {
    Fail(out_dir, "输出文件夹不可写：", "the output folder is not writable: ", std::strerror(errno));
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(lock_fd_);
    lock_fd_ = -1;
    if (err == EWOULDBLOCK) {
      Fail(out_dir, "另一个 huzhu 正在向此输出文件夹写入，请等它结束后再运行（锁文件：",
           "another huzhu run is writing to this output folder; run again when it has finished (lock: ",
           lock_path + "）");
    }
    Fail(out_dir, "无法锁定输出文件夹：", "cannot lock the output folder: ", std::strerror(err));
  }
  RemoveStale(out, ".huzhu-staging-");  // the layout of earlier versions
  RemoveStale(out.parent_path(), StagingPrefix(out));
  staging_ = (out.parent_path() / (StagingPrefix(out) + std::to_string(::getpid()))).string();
  if (!fs::create_directory(staging_, ec) || ec) {
    Fail(out_dir, "输出文件夹所在位置不可写：", "the output folder's parent is not writable: ",
         ec ? ec.message() : std::string("cannot create a staging folder"));
  }
}

OutputStage::~OutputStage() {
  std::error_code ec;
  if (!staging_.empty()) fs::remove_all(staging_, ec);
  if (lock_fd_ >= 0) ::close(lock_fd_);
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

bool OutputStage::ExchangeFolders() {
  std::error_code ec;
  // Not the working directory: exchanging it would leave the shell in a removed folder.
  if (SameFile(fs::current_path(ec), out_dir_)) return false;
  // The staging folder gets hard links to every other file of the output folder (the lock file
  // included, so that the lock survives the exchange); subfolders: not handled, fall back.
  for (const auto& entry : fs::directory_iterator(out_dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (std::find(names_.begin(), names_.end(), name) != names_.end()) continue;
    if (!entry.is_regular_file(ec) || entry.is_symlink(ec)) return false;
    const fs::path link = fs::path(staging_) / name;
    if (::link(entry.path().c_str(), link.c_str()) != 0) return false;
  }
  if (ec) return false;
  SyncPath(staging_, true);
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_dir_.c_str(), RENAME_EXCHANGE) != 0) {
    return false;
  }
  SyncPath(fs::path(out_dir_).parent_path().string(), true);
  return true;  // the old folder now sits at staging_, removed below
}

void OutputStage::RenameEach() {
  for (const std::string& n : names_) {
    const std::string staged = (fs::path(staging_) / n).string();
    const std::string final_path = (fs::path(out_dir_) / n).string();
    if (std::rename(staged.c_str(), final_path.c_str()) != 0) {
      Fail(final_path, "无法把输出移到位：", "cannot move the output into place: ",
           std::strerror(errno));
    }
  }
  SyncPath(out_dir_, true);
}

void OutputStage::Commit() {
  for (const std::string& n : names_) {
    const std::string staged = (fs::path(staging_) / n).string();
    if (!fs::exists(staged)) {
      Fail(staged, "输出文件未生成：", "an output file was not produced: ", n);
    }
    SyncPath(staged, false);
  }
  atomic_ = ExchangeFolders();
  if (!atomic_) {
    // Undo the links a partial attempt made, then move file by file.
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(staging_, ec)) {
      const std::string name = entry.path().filename().string();
      if (std::find(names_.begin(), names_.end(), name) == names_.end()) fs::remove(entry.path(), ec);
    }
    RenameEach();
  }
  committed_ = true;
  std::error_code ec;
  fs::remove_all(staging_, ec);
  staging_.clear();
}

}  // namespace huzhu
