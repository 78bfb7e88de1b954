// A bounded cache of rendered answers for the pure, expensive routes (assess,
// next-question): an answer is a function of the route, the language, the date of "today"
// and the exact body bytes, because the knowledge base is immutable while the server runs.
// Many users of one training assess the same example products at once; a hit costs a hash
// and a copy instead of an assessment and an 80 KB JSON rendering.
//
// Thread safety: all methods may be called from any thread (one mutex; the critical
// sections are a hash lookup or an insertion).
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace eucomply::server {

class ResponseCache {
 public:
  // `max_bytes` bounds the bodies held (keys included); 0 disables the cache.
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  std::shared_ptr<const std::string> Get(const std::string& key);
  // Oldest entries are evicted first (FIFO) to stay under the bound.
  void Put(const std::string& key, std::shared_ptr<const std::string> body);

  bool enabled() const { return max_bytes_ > 0; }
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }

 private:
  const size_t max_bytes_;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> map_;
  std::deque<std::string> order_;
  size_t bytes_ = 0;
  std::atomic<uint64_t> hits_{0}, misses_{0};
};

}  // namespace eucomply::server
