#include "common/server/service_host.h"

#include <iostream>
#include <optional>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/dev_keys.h"
#include "common/auth/jwks.h"
#include "common/base/config.h"
#include "common/base/errors.h"
#include "common/base/log.h"
#include "common/db/embedded_postgres.h"
#include "common/db/service_database.h"
#include "common/server/grpc_host.h"
#include "common/server/metrics_endpoint.h"
#include "common/server/shutdown_signal.h"

namespace fgc::server {
namespace {

std::string Millis(absl::Duration d) { return absl::StrCat(absl::ToInt64Milliseconds(d)); }

// Logs why the host cannot start, with the details a person needs to fix it.
int Fail(std::string_view what, const absl::Status& status) {
  std::string detail;
  if (auto d = DetailsOf(status)) {
    for (const auto& v : d->field_violations)
      absl::StrAppend(&detail, v.field, ": ", v.description, "; ");
  }
  log::Error(what, {{"error", std::string(status.message())},
                    {"code", std::string(DefaultReason(status.code()))},
                    {"detail", detail}});
  return 1;
}

absl::StatusOr<std::shared_ptr<const RequestGuard>> MakeGuard(const HostConfig& config) {
  auth::JwtVerifierOptions options;
  options.audience = config.jwt_audience;
  options.accept_development_keys = !config.production();
  absl::StatusOr<auth::Jwks> jwks = absl::UnknownError("unset");
  if (!config.jwks_file.empty()) {
    jwks = auth::Jwks::ReadFile(config.jwks_file);
  } else if (config.production()) {
    return FieldError("--jwks-file", "production needs the token issuer's JWKS");
  } else {
    if (auto keys = auth::EnsureDevelopmentKeys(config.state_dir); !keys.ok()) {
      return keys.status();
    }
    jwks = auth::LoadDevelopmentJwks(config.state_dir);
  }
  if (!jwks.ok()) return jwks.status();
  auto verifier = auth::JwtVerifier::Create(*std::move(jwks), options);
  if (!verifier.ok()) return verifier.status();
  auto roles = auth::RoleTable::Load();
  if (!roles.ok()) return roles.status();
  return std::make_shared<const RequestGuard>(
      std::make_shared<const auth::JwtVerifier>(*std::move(verifier)),
      std::make_shared<const auth::RoleTable>(*std::move(roles)));
}

}  // namespace

int RunServiceHost(std::string_view program, const std::vector<std::string>& args,
                   const std::vector<ServiceComponent>& components,
                   const std::vector<SideServerComponent>& side_servers) {
  // Before any thread exists, so that every thread inherits the blocked set.
  BlockShutdownSignals();
  const absl::Time started = absl::Now();

  absl::StatusOr<HostConfig> config = ParseHostConfig(args, ProcessEnvironment());
  if (!config.ok()) {
    std::cerr << program << ": " << config.status().message() << "\n";
    if (auto d = DetailsOf(config.status())) {
      for (const auto& v : d->field_violations)
        std::cerr << "  " << v.field << ": " << v.description << "\n";
    }
    std::cerr << "see " << program << " --help\n";
    return 2;
  }
  if (config->help) {
    std::cout << HostConfigUsage(program);
    return 0;
  }
  log::Level level;
  if (log::ParseLevel(config->log_level, &level)) log::SetLevel(level);

  // The database: the embedded server unless a URL names one.
  std::unique_ptr<db::EmbeddedPostgres> postgres;
  std::string admin_conninfo = config->database_url;
  if (admin_conninfo.empty() && !components.empty()) {
    db::EmbeddedPostgres::Options options;
    options.state_dir = config->state_dir;
    auto started_pg = db::EmbeddedPostgres::Start(options);
    if (!started_pg.ok()) return Fail("cannot start the embedded PostgreSQL", started_pg.status());
    postgres = *std::move(started_pg);
    admin_conninfo = postgres->conninfo();
    log::Info("postgres started", {{"data_dir", postgres->layout().data_dir},
                                   {"pid", absl::StrCat(postgres->pid())},
                                   {"initdb_ms", Millis(postgres->timings().initdb)},
                                   {"start_ms", Millis(postgres->timings().start)}});
  }

  std::vector<std::unique_ptr<db::Pool>> pools;
  for (const auto& component : components) {
    db::ServiceDatabaseConfig db_config;
    db_config.admin_conninfo = admin_conninfo;
    db_config.service = component.name;
    auto pool = db::OpenServiceDatabase(db_config, component.migrations);
    if (!pool.ok()) {
      return Fail(absl::StrCat("cannot open the ", component.name, " database"), pool.status());
    }
    pools.push_back(*std::move(pool));
  }
  if (config->migrate_only) {
    log::Info("migrations applied; exiting (--migrate-only)");
    return 0;
  }

  auto guard = MakeGuard(*config);
  if (!guard.ok()) return Fail("cannot load the token keys", guard.status());

  std::vector<std::unique_ptr<grpc::Service>> services;
  GrpcHostOptions grpc_options;
  grpc_options.listen = config->listen;
  grpc_options.tls = {config->tls_cert_file, config->tls_key_file, config->tls_client_ca_file};
  grpc_options.metrics = std::make_shared<prometheus::Registry>();
  PeerChannels peers({{"fgc.v1.SchedulingService", config->scheduling_addr},
                      {"fgc.v1.InvitationService", config->invitations_addr},
                      {"fgc.v1.PlanService", config->plans_addr},
                      {"fgc.v1.LedgerService", config->ledger_addr}},
                     grpc_options.tls);
  std::set<std::string, std::less<>> served;
  for (size_t i = 0; i < components.size(); ++i) {
    served.insert(components[i].grpc_name);
    auto service =
        components[i].create(ServiceDeps{pools[i].get(), guard->get(), &*config, &peers});
    if (!service.ok()) {
      return Fail(absl::StrCat("cannot start the ", components[i].name, " service"),
                  service.status());
    }
    services.push_back(*std::move(service));
    grpc_options.services.push_back(services.back().get());
    grpc_options.health_names.push_back(components[i].grpc_name);
  }
  auto metrics = MetricsEndpoint::Start(config->metrics_listen, grpc_options.metrics);
  if (!metrics.ok()) return Fail("cannot serve metrics", metrics.status());
  auto host = GrpcHost::Start(std::move(grpc_options));
  if (!host.ok()) return Fail("cannot serve gRPC", host.status());
  peers.ServeLocally((*host)->server(), std::move(served));

  std::vector<std::unique_ptr<SideServer>> sides;
  for (const SideServerComponent& side : side_servers) {
    auto started_side = side.start(*config, peers);
    if (!started_side.ok()) {
      return Fail(absl::StrCat("cannot start the ", side.name), started_side.status());
    }
    sides.push_back(*std::move(started_side));
  }
  // The family web's address in the one "serving" line (empty when this host serves none).
  const std::string web = sides.empty() ? "" : sides.front()->address();

  (*host)->SetServing(true);
  log::Info("serving", {{"grpc", (*host)->address()},
                        {"metrics", (*metrics)->address()},
                        {"family_web", web},
                        {"state_dir", config->state_dir},
                        {"database", postgres ? "embedded" : "external"},
                        {"mode", config->mode},
                        {"startup_ms", Millis(absl::Now() - started)}});

  const int sig = WaitForShutdownSignal();
  log::Info("stopping", {{"signal", absl::StrCat(sig)}});
  sides.clear();  // the side servers call the services: they stop first
  (*host)->Shutdown(absl::Seconds(5));
  peers.ServeLocally(nullptr, {});  // in-process channels go before the server they reach
  host->reset();
  // civetweb (behind prometheus-cpp's exposer) needs up to a second to notice it should stop;
  // let it, while the database shuts down.
  std::thread metrics_stop([endpoint = std::move(*metrics)]() mutable { endpoint.reset(); });
  services.clear();
  pools.clear();
  if (postgres) {
    if (absl::Status s = postgres->Stop(); !s.ok()) {
      log::Warn("postgres did not stop cleanly", {{"error", std::string(s.message())}});
    }
  }
  metrics_stop.join();
  log::Info("stopped");
  return 0;
}

}  // namespace fgc::server
