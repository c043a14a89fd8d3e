#include "features/matrix_writer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "common/error.h"
#include "features/feature_matrix.h"

namespace creditscore::features {
namespace {

constexpr std::size_t kPiece = 4 << 20;  // copied and written at once

struct FreeAligned {
  void operator()(char* buffer) const { std::free(buffer); }
};

}  // namespace

MatrixWriter::MatrixWriter(const std::filesystem::path& file, const FeatureBlocks& layout)
    : file_(file), head_(matrix_file_head(layout)), rows_(layout.rows()) {
  for (const FeatureBlock& block : layout.blocks) {
    firsts_.push_back(block.first);
    columns_.push_back(block.count);
  }
  offsets_ = value_offsets(head_.size(), rows_, columns_);
  handed_.assign(firsts_.size(), false);
  queue_.push_back({0, offsets_.front(), {head_.data(), head_.size()}});
  thread_ = std::thread([this] { write_regions(); });
}

MatrixWriter::~MatrixWriter() {
  {
    const std::lock_guard lock(mutex_);
    queue_.clear();  // not made after all: what is left need not be written
  }
  stop();
}

void MatrixWriter::stop() {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
  }
  queued_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void MatrixWriter::write(const FeatureBlock& block) {
  const auto k = static_cast<std::size_t>(std::find(firsts_.begin(), firsts_.end(), block.first) -
                                          firsts_.begin());
  if (k == firsts_.size() || columns_[k] != block.count ||
      block.values.size() != rows_ * block.count || handed_[k])
    throw internal_error("matrix writer: the block of columns from " + std::to_string(block.first) +
                         " is not the layout's, or came twice");
  handed_[k] = true;
  {
    const std::lock_guard lock(mutex_);
    if (error_) std::rethrow_exception(error_);
    queue_.push_back({offsets_[k],
                      offsets_[k + 1] - offsets_[k],
                      {reinterpret_cast<const char*>(block.values.data()),
                       block.values.size() * sizeof(float)}});
  }
  queued_.notify_one();
}

void MatrixWriter::commit() {
  const auto missing = std::find(handed_.begin(), handed_.end(), false);
  if (missing != handed_.end())
    throw internal_error(
        "matrix writer: the block of columns from " +
        std::to_string(firsts_[static_cast<std::size_t>(missing - handed_.begin())]) +
        " was never made");
  stop();
  if (error_) std::rethrow_exception(error_);
  file_.commit();
}

void MatrixWriter::write_regions() {
  const std::unique_ptr<char, FreeAligned> piece(
      static_cast<char*>(std::aligned_alloc(AtomicFile::kAlignment, kPiece)));
  while (true) {
    Region region;
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [&] { return !queue_.empty() || closing_; });
      if (queue_.empty()) return;
      region = queue_.front();
      queue_.pop_front();
    }
    try {
      if (!piece) throw std::bad_alloc();
      for (std::size_t done = 0; done < region.size; done += kPiece) {
        const std::size_t size = std::min(kPiece, region.size - done);
        const std::size_t copied =
            done < region.bytes.size() ? std::min(size, region.bytes.size() - done) : 0;
        if (copied > 0) std::memcpy(piece.get(), region.bytes.data() + done, copied);
        std::memset(piece.get() + copied, 0, size - copied);
        file_.write_aligned(region.offset + done, {piece.get(), size});
      }
    } catch (...) {
      const std::lock_guard lock(mutex_);
      error_ = std::current_exception();
      queue_.clear();
      return;
    }
  }
}

}  // namespace creditscore::features
