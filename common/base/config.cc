#include "common/base/config.h"

#include <cstdlib>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"

namespace fgc {
namespace {

struct StringOption {
  std::string_view flag;  // without the leading "--"
  std::string_view env;
  std::string HostConfig::*field;
  std::string_view help;
};

constexpr StringOption kOptions[] = {
    {"listen", "FGC_LISTEN", &HostConfig::listen, "gRPC address (port 0 picks a free one)"},
    {"web-listen", "FGC_WEB_LISTEN", &HostConfig::web_listen, "family web address"},
    {"metrics-listen", "FGC_METRICS_LISTEN", &HostConfig::metrics_listen,
     "Prometheus /metrics address"},
    {"state-dir", "FGC_STATE_DIR", &HostConfig::state_dir,
     "state directory: embedded PostgreSQL, development keys"},
    {"database-url", "FGC_DATABASE_URL", &HostConfig::database_url,
     "PostgreSQL URL; empty runs an embedded PostgreSQL in the state directory"},
    {"jwks-file", "FGC_JWKS_FILE", &HostConfig::jwks_file,
     "JWKS of the token issuer; empty uses the development keys"},
    {"jwt-audience", "FGC_JWT_AUDIENCE", &HostConfig::jwt_audience, "required JWT audience"},
    {"mode", "FGC_MODE", &HostConfig::mode, "development or production"},
    {"tls-cert", "FGC_TLS_CERT", &HostConfig::tls_cert_file, "server certificate (PEM)"},
    {"tls-key", "FGC_TLS_KEY", &HostConfig::tls_key_file, "server private key (PEM)"},
    {"tls-client-ca", "FGC_TLS_CLIENT_CA", &HostConfig::tls_client_ca_file,
     "CA bundle for client certificates (mutual TLS)"},
    {"log-level", "FGC_LOG_LEVEL", &HostConfig::log_level, "debug, info, warn or error"},
    {"ledger-name", "FGC_LEDGER_NAME", &HostConfig::ledger_name,
     "this deployment's ledger name, in checkpoints and the verifier key"},
    {"scheduling-addr", "FGC_SCHEDULING_ADDR", &HostConfig::scheduling_addr,
     "host:port of SchedulingService when this host does not serve it"},
    {"invitations-addr", "FGC_INVITATIONS_ADDR", &HostConfig::invitations_addr,
     "host:port of InvitationService when this host does not serve it"},
    {"plans-addr", "FGC_PLANS_ADDR", &HostConfig::plans_addr,
     "host:port of PlanService when this host does not serve it"},
    {"ledger-addr", "FGC_LEDGER_ADDR", &HostConfig::ledger_addr,
     "host:port of LedgerService when this host does not serve it"},
    {"timescales", "FGC_TIMESCALES", &HostConfig::timescales,
     "conference timescales, e.g. acknowledge=2wd,urgent_conference=24h (empty: defaults)"},
};

const StringOption* FindOption(std::string_view flag) {
  for (const auto& o : kOptions) {
    if (o.flag == flag) return &o;
  }
  return nullptr;
}

absl::Status Validate(const HostConfig& c) {
  std::vector<FieldViolation> v;
  if (c.mode != "development" && c.mode != "production") {
    v.push_back({"--mode", "must be development or production"});
  }
  if (c.log_level != "debug" && c.log_level != "info" && c.log_level != "warn" &&
      c.log_level != "error") {
    v.push_back({"--log-level", "must be debug, info, warn or error"});
  }
  for (const auto& [flag, value] :
       {std::pair<std::string_view, const std::string*>{"--listen", &c.listen},
        {"--web-listen", &c.web_listen},
        {"--metrics-listen", &c.metrics_listen}}) {
    if (value->empty() || value->rfind(':') == std::string::npos) {
      v.push_back({std::string(flag), "must be host:port"});
    }
  }
  for (const auto& [flag, value] :
       {std::pair<std::string_view, const std::string*>{"--scheduling-addr", &c.scheduling_addr},
        {"--invitations-addr", &c.invitations_addr},
        {"--plans-addr", &c.plans_addr},
        {"--ledger-addr", &c.ledger_addr}}) {
    if (!value->empty() && value->rfind(':') == std::string::npos) {
      v.push_back({std::string(flag), "must be host:port"});
    }
  }
  if (c.state_dir.empty()) v.push_back({"--state-dir", "must not be empty"});
  if (c.tls_cert_file.empty() != c.tls_key_file.empty()) {
    v.push_back({"--tls-key", "--tls-cert and --tls-key go together"});
  }
  if (!v.empty()) return InvalidArgument("INVALID_CONFIGURATION", "invalid configuration", v);
  return absl::OkStatus();
}

}  // namespace

EnvLookup ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

absl::StatusOr<HostConfig> ParseHostConfig(const std::vector<std::string>& args,
                                           const EnvLookup& env) {
  HostConfig config;
  for (const auto& o : kOptions) {
    if (auto value = env(o.env); value.has_value()) config.*o.field = *value;
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      config.help = true;
      continue;
    }
    if (arg == "--migrate-only") {
      config.migrate_only = true;
      continue;
    }
    if (!absl::StartsWith(arg, "--")) {
      return FieldError(arg, "unexpected argument");
    }
    std::string_view body = std::string_view(arg).substr(2);
    std::string_view name = body;
    std::optional<std::string> value;
    if (size_t eq = body.find('='); eq != std::string_view::npos) {
      name = body.substr(0, eq);
      value = std::string(body.substr(eq + 1));
    }
    const StringOption* option = FindOption(name);
    if (option == nullptr) return FieldError(absl::StrCat("--", std::string(name)), "unknown flag");
    if (!value.has_value()) {
      if (i + 1 >= args.size())
        return FieldError(absl::StrCat("--", std::string(name)), "needs a value");
      value = args[++i];
    }
    config.*option->field = *value;
  }
  if (absl::Status s = Validate(config); !s.ok()) return s;
  return config;
}

std::string HostConfigUsage(std::string_view program) {
  HostConfig defaults;
  std::string out =
      absl::StrCat("usage: ", std::string(program), " [flags]\n\nflags (environment, default):\n");
  for (const auto& o : kOptions) {
    absl::StrAppend(&out, "  --", std::string(o.flag), "  (", std::string(o.env), ", \"",
                    defaults.*o.field, "\")\n      ", std::string(o.help), "\n");
  }
  absl::StrAppend(&out, "  --migrate-only\n      apply database migrations, then exit\n");
  return out;
}

}  // namespace fgc
