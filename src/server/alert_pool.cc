#include "server/alert_pool.h"

#include <filesystem>

namespace eucomply::server {

AlertPool::Lease::~Lease() {
  if (s_ != nullptr) pool_->Release(std::move(s_));
}

Result<AlertPool::Lease> AlertPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Session> s = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(s));
    }
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path_, ec)) {
    return Status::Unavailable("no alert store at " + db_path_ +
                               " (run `eucomply alerts import PATH...` or `eucomply alerts "
                               "update` with the same --data folder)");
  }
  Result<std::unique_ptr<alerts::AlertStore>> store = alerts::AlertStore::Open(db_path_);
  if (!store.ok()) {
    return Status::Unavailable("the alert store cannot be opened: " + store.status().ToString());
  }
  auto s = std::make_unique<Session>();
  s->store = std::move(store).value();
  s->searcher = std::make_unique<alerts::AlertSearcher>(s->store.get());
  return Lease(this, std::move(s));
}

void AlertPool::Release(std::unique_ptr<Session> s) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(s));
}

}  // namespace eucomply::server
