// Host configuration from flags and environment (flag > environment > default), shared by
// `fgc serve` and the per-service binaries. Parsing is pure so it can be tested without a host.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace fgc {

struct HostConfig {
  std::string listen = "127.0.0.1:50051";     // --listen / FGC_LISTEN: gRPC
  std::string web_listen = "127.0.0.1:8080";  // --web-listen / FGC_WEB_LISTEN: family web
  // --family-web-host / FGC_FAMILY_WEB_HOST: the public host (and port) of the family web, for the
  // links in invitations (https://<host>/i/<token>); empty uses web_listen.
  std::string family_web_host;
  std::string metrics_listen = "127.0.0.1:9464";  // --metrics-listen / FGC_METRICS_LISTEN
  std::string state_dir = "./.fgc-state";         // --state-dir / FGC_STATE_DIR
  std::string database_url;  // --database-url / FGC_DATABASE_URL; empty = embedded PostgreSQL
  std::string jwks_file;     // --jwks-file / FGC_JWKS_FILE; empty = development JWKS
  std::string jwt_audience = "fgc";  // --jwt-audience / FGC_JWT_AUDIENCE
  std::string mode = "development";  // --mode / FGC_MODE: development | production
  std::string tls_cert_file;         // --tls-cert / FGC_TLS_CERT: server certificate (PEM)
  std::string tls_key_file;          // --tls-key / FGC_TLS_KEY
  std::string tls_client_ca_file;    // --tls-client-ca / FGC_TLS_CLIENT_CA: mutual TLS roots
  std::string log_level = "info";    // --log-level / FGC_LOG_LEVEL: debug | info | warn | error
  // --ledger-name / FGC_LEDGER_NAME: names this deployment's ledger in checkpoint origins and in
  // the note verifier key (a C2SP key name: no spaces, no '+').
  std::string ledger_name = "fgc.local";
  // Where the other services are when this host does not serve them (the split deployment):
  // --scheduling-addr / FGC_SCHEDULING_ADDR and likewise; empty when served here.
  std::string scheduling_addr;
  std::string invitations_addr;
  std::string plans_addr;
  std::string ledger_addr;
  // --timescales / FGC_TIMESCALES: the conference timescales, e.g.
  // "acknowledge=2wd,urgent_conference=24h,preparation=30d,holidays=2026-12-25;2026-12-28";
  // empty keeps the defaults (services/scheduling/lifecycle/timescale_config.h).
  std::string timescales;
  // Notification delivery (services/invitations/outbox). Empty URL = that channel is not
  // configured: its messages stay queued. --smtp-url / FGC_SMTP_URL is one of
  //   smtp://host[:port]            STARTTLS required (default port 587)
  //   smtps://host[:port]           TLS from the first byte (default port 465)
  //   smtp+plaintext://host[:port]  no TLS at all, loopback hosts only (a local relay; port 25)
  std::string smtp_url;
  std::string smtp_from;      // --smtp-from / FGC_SMTP_FROM: "addr@host" or "Name <addr@host>"
  std::string smtp_username;  // --smtp-username / FGC_SMTP_USERNAME: SMTP AUTH when set
  // FGC_SMTP_PASSWORD only, never a flag (flags show in ps). Required with a username.
  std::string smtp_password;
  // --sms-webhook-url / FGC_SMS_WEBHOOK_URL: https://..., or http:// to a loopback host.
  std::string sms_webhook_url;
  // FGC_SMS_WEBHOOK_SECRET only (sent as a bearer token). Required with the URL.
  std::string sms_webhook_secret;
  bool migrate_only = false;  // --migrate-only: apply migrations, then exit
  bool help = false;          // --help

  bool production() const { return mode == "production"; }
};

// An --smtp-url taken apart.
struct SmtpUrl {
  enum class Security { kStartTlsRequired, kImplicitTls, kPlaintextLoopback };
  Security security = Security::kStartTlsRequired;
  std::string host;  // a name or an IP address (IPv6 without brackets)
  int port = 0;
};
// INVALID_ARGUMENT (a plain message, no details) for another scheme, a user, path or query, a
// bad port, or smtp+plaintext to a host that is not loopback.
absl::StatusOr<SmtpUrl> ParseSmtpUrl(std::string_view url);

// True for "localhost", 127.0.0.0/8 and ::1 (with or without brackets).
bool IsLoopbackHostName(std::string_view host);

// Looks up an environment variable; tests pass their own.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;
EnvLookup ProcessEnvironment();

// Parses `args` (without the program name or subcommand) over the environment. Unknown flags,
// missing values and invalid values are InvalidArgument with a field violation naming the flag.
absl::StatusOr<HostConfig> ParseHostConfig(const std::vector<std::string>& args,
                                           const EnvLookup& env);

// The --help text: every flag with its variable and default.
std::string HostConfigUsage(std::string_view program);

}  // namespace fgc
