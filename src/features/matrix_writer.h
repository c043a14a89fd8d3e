// Writing a feature matrix's file (format in features/feature_matrix.h) while its blocks are
// still being made.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "features/feature_blocks.h"
#include "tables/atomic_file.h"

namespace creditscore::features {

// Writes the file of a matrix whose blocks are still being made: the head at once, then each
// block as it is handed over, by a thread of its own that copies it into aligned pieces and sends
// them straight to the disk, so that the writing of one block overlaps the making of the next.
class MatrixWriter {
 public:
  // `layout`: the matrix's names, ids and targets, and its blocks' places (values not yet made).
  MatrixWriter(const std::filesystem::path& file, const FeatureBlocks& layout);
  // Without commit(), the file is not made.
  ~MatrixWriter();
  MatrixWriter(const MatrixWriter&) = delete;
  MatrixWriter& operator=(const MatrixWriter&) = delete;

  // A block of the layout, now made: written from its memory, which must stay as it is until
  // commit() returns. Throws the error of a write that failed already, so a build stops early.
  void write(const FeatureBlock& block);
  // Waits for the blocks' writes, then makes the file. Throws the first write's error, or an
  // internal Error for a block never handed over.
  void commit();

 private:
  struct Region {
    std::size_t offset;  // in the file, aligned
    std::size_t size;    // aligned: the bytes, then zeros
    std::span<const char> bytes;
  };
  void write_regions();  // the writing thread
  void stop();

  AtomicFile file_;
  std::string head_;
  std::size_t rows_;
  std::vector<std::size_t> firsts_, columns_;  // each block's first column and columns
  std::vector<std::size_t> offsets_;           // each block's in the file, then the file's end
  std::vector<bool> handed_;
  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<Region> queue_;
  bool closing_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace creditscore::features
