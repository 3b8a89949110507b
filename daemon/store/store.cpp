#include "daemon/store/store.hpp"

#include <stdexcept>
#include <system_error>

namespace riskwarn::store {

namespace {

constexpr const char* kDatabaseFile = "riskwarn.db";

}  // namespace

Store::Store(std::filesystem::path path)
    : work_(boost::asio::make_work_guard(io_)),
      path_(std::move(path)),
      thread_([this] { io_.run(); }) {}

std::unique_ptr<Store> Store::open(const std::filesystem::path& state_dir) {
  std::error_code ec;
  std::filesystem::create_directories(state_dir, ec);
  if (ec) {
    throw std::runtime_error("cannot create state directory " + state_dir.string() + ": " +
                             ec.message());
  }
  std::unique_ptr<Store> store(new Store(state_dir / kDatabaseFile));
  // The connection is opened on the database thread, the only thread that ever touches it.
  // A failure here is a start-up failure, so it is rethrown on the caller's thread; if that
  // happens, the Store's destructor joins the thread on the way out.
  std::promise<void> opened;
  std::future<void> result = opened.get_future();
  boost::asio::post(store->io_, [self = store.get(), opened = std::move(opened)]() mutable {
    try {
      self->db_ = Database::open(self->path_);
      self->schema_version_ = self->db_->schema_version();
      opened.set_value();
    } catch (...) {
      opened.set_exception(std::current_exception());
    }
  });
  result.get();
  return store;
}

Store::~Store() {
  // Runs after every task submitted before it, on the thread that used the connection.
  boost::asio::post(io_, [this] { db_.reset(); });
  work_.reset();
  thread_.join();
}

}  // namespace riskwarn::store
