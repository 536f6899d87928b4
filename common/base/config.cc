#include "common/base/config.h"

#include <cstdlib>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
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
    {"family-web-host", "FGC_FAMILY_WEB_HOST", &HostConfig::family_web_host,
     "public host[:port] of the family web, for invitation links (empty: the web address)"},
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
    {"smtp-url", "FGC_SMTP_URL", &HostConfig::smtp_url,
     "SMTP server for notification emails: smtp://host:port (STARTTLS required), "
     "smtps://host:port, or smtp+plaintext://127.0.0.1:port (loopback only); empty: email "
     "is not sent"},
    {"smtp-from", "FGC_SMTP_FROM", &HostConfig::smtp_from,
     "From of notification emails: addr@host or \"Name <addr@host>\""},
    {"smtp-username", "FGC_SMTP_USERNAME", &HostConfig::smtp_username,
     "SMTP AUTH user (the password only from FGC_SMTP_PASSWORD)"},
    {"sms-webhook-url", "FGC_SMS_WEBHOOK_URL", &HostConfig::sms_webhook_url,
     "SMS provider webhook, https:// (http:// to loopback only); the bearer secret only from "
     "FGC_SMS_WEBHOOK_SECRET; empty: SMS is not sent"},
};

// Secrets come from the environment alone: a flag's value shows in ps and shell history.
struct SecretOption {
  std::string_view flag;  // refused as a flag, with a pointer to the variable
  std::string_view env;
  std::string HostConfig::*field;
};
constexpr SecretOption kSecrets[] = {
    {"smtp-password", "FGC_SMTP_PASSWORD", &HostConfig::smtp_password},
    {"sms-webhook-secret", "FGC_SMS_WEBHOOK_SECRET", &HostConfig::sms_webhook_secret},
};

const StringOption* FindOption(std::string_view flag) {
  for (const auto& o : kOptions) {
    if (o.flag == flag) return &o;
  }
  return nullptr;
}

// "addr@host" or "Name <addr@host>": one @, no spaces or line breaks in the address.
bool LooksLikeMailbox(std::string_view text) {
  if (text.find_first_of("\r\n") != std::string_view::npos) return false;
  std::string_view address = text;
  if (const size_t open = text.rfind('<'); open != std::string_view::npos) {
    if (!std::string_view(text).ends_with(">")) return false;
    address = text.substr(open + 1, text.size() - open - 2);
  }
  const size_t at = address.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
         address.find('@', at + 1) == std::string_view::npos &&
         address.find_first_of(" \t<>") == std::string_view::npos;
}

// The host of an http(s) URL, or nullopt when it has none or carries user info.
std::optional<std::string_view> UrlHost(std::string_view rest) {
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
  if (authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    return authority.substr(0, close + 1);
  }
  return authority.substr(0, authority.find(':'));
}

void ValidateDelivery(const HostConfig& c, std::vector<FieldViolation>& v) {
  if (!c.smtp_url.empty()) {
    if (auto url = ParseSmtpUrl(c.smtp_url); !url.ok()) {
      v.push_back({"--smtp-url", std::string(url.status().message())});
    }
    if (c.smtp_from.empty()) v.push_back({"--smtp-from", "is required with --smtp-url"});
  }
  if (!c.smtp_from.empty() && !LooksLikeMailbox(c.smtp_from)) {
    v.push_back({"--smtp-from", "must be addr@host or \"Name <addr@host>\""});
  }
  if (!c.smtp_username.empty() && c.smtp_password.empty()) {
    v.push_back({"--smtp-username", "needs FGC_SMTP_PASSWORD in the environment"});
  }
  if (c.smtp_username.empty() && !c.smtp_password.empty()) {
    v.push_back({"FGC_SMTP_PASSWORD", "is set but --smtp-username is not"});
  }
  if (!c.sms_webhook_url.empty()) {
    std::optional<std::string_view> host;
    bool secure = false;
    if (std::string_view(c.sms_webhook_url).starts_with("https://")) {
      host = UrlHost(std::string_view(c.sms_webhook_url).substr(8));
      secure = true;
    } else if (std::string_view(c.sms_webhook_url).starts_with("http://")) {
      host = UrlHost(std::string_view(c.sms_webhook_url).substr(7));
    }
    if (!host.has_value() || host->empty()) {
      v.push_back({"--sms-webhook-url", "must be https://host/path, without user or password"});
    } else if (!secure && !IsLoopbackHostName(*host)) {
      v.push_back({"--sms-webhook-url", "http:// is allowed to a loopback host only"});
    }
    if (c.sms_webhook_secret.empty()) {
      v.push_back({"--sms-webhook-url", "needs FGC_SMS_WEBHOOK_SECRET in the environment"});
    }
  }
  if (c.sms_webhook_secret.find_first_of("\r\n") != std::string::npos) {
    v.push_back({"FGC_SMS_WEBHOOK_SECRET", "must be one line"});
  }
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
  ValidateDelivery(c, v);
  if (!v.empty()) return InvalidArgument("INVALID_CONFIGURATION", "invalid configuration", v);
  return absl::OkStatus();
}

}  // namespace

bool IsLoopbackHostName(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host == "localhost" || host == "::1") return true;
  if (!std::string_view(host).starts_with("127.")) return false;
  int parts = 0;
  for (absl::string_view part : absl::StrSplit(absl::string_view(host.data(), host.size()), '.')) {
    int value = 0;
    if (part.empty() || part.size() > 3 || !absl::SimpleAtoi(part, &value) || value > 255) {
      return false;
    }
    ++parts;
  }
  return parts == 4;
}

absl::StatusOr<SmtpUrl> ParseSmtpUrl(std::string_view url) {
  SmtpUrl out;
  std::string_view rest;
  if (std::string_view(url).starts_with("smtp://")) {
    out = {SmtpUrl::Security::kStartTlsRequired, "", 587};
    rest = url.substr(7);
  } else if (std::string_view(url).starts_with("smtps://")) {
    out = {SmtpUrl::Security::kImplicitTls, "", 465};
    rest = url.substr(8);
  } else if (std::string_view(url).starts_with("smtp+plaintext://")) {
    out = {SmtpUrl::Security::kPlaintextLoopback, "", 25};
    rest = url.substr(17);
  } else {
    return absl::InvalidArgumentError(
        "must start with smtp:// (STARTTLS), smtps:// or smtp+plaintext:// (loopback only)");
  }
  if (std::string_view(rest).ends_with("/")) rest.remove_suffix(1);
  if (rest.empty() || rest.find_first_of("@/?#") != std::string_view::npos) {
    return absl::InvalidArgumentError(
        "must be scheme://host[:port], without user, password or path (the password comes "
        "from FGC_SMTP_PASSWORD)");
  }
  std::string_view port_text;
  if (rest.front() == '[') {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos) return absl::InvalidArgumentError("unclosed [ in host");
    out.host = std::string(rest.substr(1, close - 1));
    rest = rest.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return absl::InvalidArgumentError("bad port");
    port_text = rest.empty() ? "" : rest.substr(1);
  } else {
    const size_t colon = rest.find(':');
    out.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) port_text = rest.substr(colon + 1);
  }
  if (out.host.empty()) return absl::InvalidArgumentError("needs a host");
  if (!port_text.empty() || rest.find(':') != std::string_view::npos) {
    if (!absl::SimpleAtoi(std::string(port_text), &out.port) || out.port < 1 || out.port > 65535) {
      return absl::InvalidArgumentError("the port must be 1-65535");
    }
  }
  if (out.security == SmtpUrl::Security::kPlaintextLoopback && !IsLoopbackHostName(out.host)) {
    return absl::InvalidArgumentError("smtp+plaintext:// is allowed to a loopback host only");
  }
  return out;
}

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
  for (const auto& secret : kSecrets) {
    if (auto value = env(secret.env); value.has_value()) config.*secret.field = *value;
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
    for (const auto& secret : kSecrets) {
      if (name == secret.flag) {
        return FieldError(absl::StrCat("--", std::string(name)),
                          absl::StrCat("is read only from ", std::string(secret.env),
                                       " in the environment (flags show in ps)"));
      }
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
  absl::StrAppend(&out,
                  "\nsecrets (environment only):\n  FGC_SMTP_PASSWORD\n      SMTP AUTH "
                  "password, with --smtp-username\n  FGC_SMS_WEBHOOK_SECRET\n      bearer "
                  "secret for --sms-webhook-url\n");
  return out;
}

}  // namespace fgc
