#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <thread>
#include <type_traits>
#include <utility>

#include "daemon/store/database.hpp"
#include "rules/result.hpp"

namespace riskwarn::store {

// The database thread and the one connection it owns. Every access to riskwarn.db goes
// through run() or run_sync(), which execute tasks on that thread one at a time, in the order
// they were submitted. Exceptions thrown by a task become an Error; none crosses threads.
class Store {
 public:
  // Opens (creating the directory and file if needed) state_dir/riskwarn.db, applies the
  // pragmas, runs quick_check and migrations and starts the database thread. Throws
  // std::runtime_error naming the path and the cause when any of that fails.
  static std::unique_ptr<Store> open(const std::filesystem::path& state_dir);

  // Runs every task already submitted, closes the database and joins the thread.
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The schema version the database is at.
  int schema_version() const { return schema_version_; }

  // The database file.
  const std::filesystem::path& path() const { return path_; }

  // Runs task on the database thread, then posts done with its result to done_on (the io
  // thread). T must not be void: return std::monostate from a task with nothing to report.
  // The context behind done_on must outlive the Store.
  template <class T>
  void run(std::function<T(Database&)> task, boost::asio::any_io_executor done_on,
           std::function<void(Result<T>)> done);

  // Runs task on the database thread and waits for its result; for start-up, tests and the
  // CLI. Called from a task (on the database thread itself) it returns an Error instead of
  // deadlocking.
  template <class T>
  Result<T> run_sync(std::function<T(Database&)> task);

 private:
  explicit Store(std::filesystem::path path);

  // Runs task on the database thread, catching what it throws.
  template <class T>
  Result<T> invoke(const std::function<T(Database&)>& task) noexcept;

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::filesystem::path path_;
  int schema_version_ = 0;
  std::unique_ptr<Database> db_;  // created, used and destroyed on the database thread only
  std::thread thread_;
};

template <class T>
Result<T> Store::invoke(const std::function<T(Database&)>& task) noexcept {
  static_assert(!std::is_void_v<T>, "store tasks return a value; use std::monostate for none");
  if (!db_) {
    return Error{"the store at " + path_.string() + " is closed"};
  }
  try {
    return Result<T>(task(*db_));
  } catch (const std::exception& e) {
    return Error{e.what()};
  } catch (...) {
    return Error{"a store task failed with an unknown exception"};
  }
}

template <class T>
void Store::run(std::function<T(Database&)> task, boost::asio::any_io_executor done_on,
                std::function<void(Result<T>)> done) {
  // Counts as outstanding work on done_on until done has been posted, so the io loop does
  // not run out of work while a task is in flight.
  boost::asio::any_io_executor tracked =
      boost::asio::prefer(std::move(done_on), boost::asio::execution::outstanding_work.tracked);
  boost::asio::post(io_, [this, task = std::move(task), tracked = std::move(tracked),
                          done = std::move(done)]() mutable {
    Result<T> result = invoke(task);
    boost::asio::post(tracked, [done = std::move(done), result = std::move(result)]() mutable {
      done(std::move(result));
    });
  });
}

template <class T>
Result<T> Store::run_sync(std::function<T(Database&)> task) {
  if (std::this_thread::get_id() == thread_.get_id()) {
    return Error{"run_sync called from the database thread"};
  }
  std::promise<Result<T>> promise;
  std::future<Result<T>> future = promise.get_future();
  boost::asio::post(io_, [this, &task, promise = std::move(promise)]() mutable {
    promise.set_value(invoke(task));
  });
  return future.get();
}

}  // namespace riskwarn::store
