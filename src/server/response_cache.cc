#include "server/response_cache.h"

namespace eucomply::server {

std::shared_ptr<const std::string> ResponseCache::Get(const std::string& key) {
  if (max_bytes_ == 0) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = map_.find(key);
  if (it == map_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  return it->second;
}

void ResponseCache::Put(const std::string& key, std::shared_ptr<const std::string> body) {
  const size_t size = key.size() + body->size();
  if (max_bytes_ == 0 || size > max_bytes_ / 4) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (!map_.emplace(key, std::move(body)).second) return;
  order_.push_back(key);
  bytes_ += size;
  while (bytes_ > max_bytes_ && !order_.empty()) {
    auto it = map_.find(order_.front());
    bytes_ -= order_.front().size() + it->second->size();
    map_.erase(it);
    order_.pop_front();
  }
}

}  // namespace eucomply::server
