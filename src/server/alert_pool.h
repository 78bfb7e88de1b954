// A pool of alert-store sessions (an SQLite connection and its searcher) for the server's
// threads. An AlertStore and AlertSearcher serve one thread at a time; the pool lends each
// request its own and takes it back afterwards, so a few sessions (about one per thread)
// serve every request. The searcher's in-memory facet table is loaded once per session and
// again after alerts are committed by any connection.
//
// Thread safety: Acquire may be called from any thread.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "alerts/search.h"
#include "alerts/store.h"
#include "eucomply/status.h"

namespace eucomply::server {

class AlertPool {
 public:
  struct Session {
    std::unique_ptr<alerts::AlertStore> store;
    std::unique_ptr<alerts::AlertSearcher> searcher;
  };

  // Returns the session to the pool when destroyed.
  class Lease {
   public:
    Lease(AlertPool* pool, std::unique_ptr<Session> s) : pool_(pool), s_(std::move(s)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Session* operator->() { return s_.get(); }

   private:
    AlertPool* pool_;
    std::unique_ptr<Session> s_;
  };

  // `db_path`: the SQLite file (DATA/alerts.sqlite). It is never created here: a missing
  // file makes Acquire fail with Unavailable.
  explicit AlertPool(std::string db_path) : db_path_(std::move(db_path)) {}

  // A session whose searcher has caught up with commits by other connections (an
  // `alerts import` or `alerts update` run while the server runs).
  Result<Lease> Acquire();
  const std::string& db_path() const { return db_path_; }

  // A number that changes whenever alerts were committed since the last call, by this
  // server or by another process: the key of cached alert answers. Asks SQLite (PRAGMA
  // data_version) on one connection kept for that; 0 while there is no store.
  uint64_t Generation();

  // Opens `sessions` sessions and loads their searchers' facet tables (about 0.3 s each on
  // the full store), so that the first searches after start are not the slow ones. Does
  // nothing without a store.
  void Warm(int sessions);

 private:
  void Release(std::unique_ptr<Session> s);

  std::string db_path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Session>> idle_;
  std::mutex watch_mu_;
  std::unique_ptr<alerts::AlertStore> watch_;  // the connection Generation() asks
  uint64_t generation_ = 1;
};

}  // namespace eucomply::server
