#include "server/alert_pool.h"

#include <filesystem>

namespace eucomply::server {

AlertPool::Lease::~Lease() {
  if (s_ != nullptr) pool_->Release(std::move(s_));
}

Result<AlertPool::Lease> AlertPool::Acquire() {
  std::unique_ptr<Session> idle;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      idle = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (idle != nullptr) {
    // Bumps the store's generation on another connection's commit: the searcher reloads.
    Result<bool> changed = idle->store->NoticeOtherWriters();
    if (!changed.ok()) return changed.status();
    return Lease(this, std::move(idle));
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
  if (Result<bool> first = s->store->NoticeOtherWriters(); !first.ok()) return first.status();
  s->searcher = std::make_unique<alerts::AlertSearcher>(s->store.get());
  return Lease(this, std::move(s));
}

uint64_t AlertPool::Generation() {
  std::lock_guard<std::mutex> lock(watch_mu_);
  if (watch_ == nullptr) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(db_path_, ec)) return 0;
    Result<std::unique_ptr<alerts::AlertStore>> store = alerts::AlertStore::Open(db_path_);
    if (!store.ok()) return 0;
    watch_ = std::move(store).value();
    (void)watch_->NoticeOtherWriters();
    return generation_;
  }
  Result<bool> changed = watch_->NoticeOtherWriters();
  // A failed check counts as a change, so that nothing stale is served.
  if (!changed.ok() || *changed) ++generation_;
  return generation_;
}

void AlertPool::Warm(int sessions) {
  std::vector<Lease> held;  // held together, so that each is a different session
  for (int i = 0; i < sessions; ++i) {
    Result<Lease> lease = Acquire();
    if (!lease.ok()) return;
    alerts::SearchRequest everything;
    everything.limit = 0;
    (void)(*lease)->searcher->Search(everything);
    held.push_back(std::move(lease).value());
  }
}

void AlertPool::Release(std::unique_ptr<Session> s) {
  s->store->EndReads();
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(s));
}

}  // namespace eucomply::server
