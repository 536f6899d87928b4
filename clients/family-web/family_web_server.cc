#include "clients/family-web/family_web_server.h"

#include <httplib.h>

#include <filesystem>
#include <optional>
#include <regex>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "clients/family-web/family_forms.h"
#include "clients/family-web/family_pages.h"
#include "clients/family-web/message_catalogue.h"
#include "clients/family-web/page_language.h"
#include "clients/family-web/web_security.h"
#include "common/crypto/encoding.h"
#include "common/crypto/private_file.h"
#include "common/crypto/random.h"
#include "common/crypto/sha256.h"

namespace fgc::family_web {
namespace {

constexpr char kHtml[] = "text/html; charset=utf-8";
constexpr char kSessionKeyFile[] = "family-web-session.key";

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1" || host == "[::1]";
}

// A link token as the service issues them: base64url, and no longer than any it issues.
bool LooksLikeToken(const std::string& token) {
  if (token.size() < 16 || token.size() > 128) return false;
  for (char c : token) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  }
  return true;
}

// The request id of a change a visit posts: the same for the same session and the same change,
// so a double submit (or a reload of the POST) is one change.
std::string RequestIdFor(const std::string& cookie, const std::string& change) {
  return absl::StrCat("web-",
                      crypto::HexEncode(crypto::Sha256({cookie, "\n", change})).substr(0, 32));
}

PostedFields FieldsOf(const httplib::Request& req) {
  return PostedFields(req.params.begin(), req.params.end());
}

}  // namespace

struct FamilyWebServer::Impl {
  Impl(FamilyWebOptions o, SessionSealer s)
      : options(std::move(o)),
        sealer(std::move(s)),
        calls(options.channels, options.call_deadline),
        limiter(options.lookup_burst, options.lookups_per_minute) {}

  // One visit with a session: who they are (their token), their language and page context.
  struct Visit {
    Session session;
    std::string cookie;
    PageContext page;
    v1::GetMyInvitationResponse mine;
  };

  void Routes();
  std::string LanguageFor(const httplib::Request& req, const std::string& chosen) const;
  void Html(httplib::Response& res, int status, std::string body) const {
    res.status = status;
    res.set_content(std::move(body), kHtml);
  }
  void Problem(const httplib::Request& req, httplib::Response& res, int status) const {
    PageContext page;
    page.language = LanguageFor(req, "");
    page.path = req.path;
    Html(res, status, ProblemPage(page, status));
  }
  // The kind page for a link or session that opens nothing; the cookie, if any, is cleared.
  void LinkProblem(const httplib::Request& req, httplib::Response& res) const {
    PageContext page;
    page.language = LanguageFor(req, "");
    page.path = req.path;
    res.set_header("Set-Cookie", SessionCookieHeader("", absl::ZeroDuration(), loopback));
    Html(res, 403, LinkProblemPage(page));
  }
  // A call's failure as the page the family sees.
  void Failed(const httplib::Request& req, httplib::Response& res,
              const grpc::Status& status) const {
    switch (status.error_code()) {
      case grpc::StatusCode::UNAUTHENTICATED:
        return LinkProblem(req, res);
      case grpc::StatusCode::NOT_FOUND:
        return Problem(req, res, 404);
      case grpc::StatusCode::PERMISSION_DENIED:
        return Problem(req, res, 403);
      case grpc::StatusCode::RESOURCE_EXHAUSTED:
        return Problem(req, res, 429);
      case grpc::StatusCode::INVALID_ARGUMENT:
      case grpc::StatusCode::FAILED_PRECONDITION:
        return Problem(req, res, 400);
      default:
        return Problem(req, res, 503);
    }
  }

  // Opens the session cookie and reads their invitation; on failure answers the request and
  // returns nothing. `?lang=xx` switches language (and keeps it in the cookie).
  std::optional<Visit> Open(const httplib::Request& req, httplib::Response& res) const;
  // For a POST: the CSRF token must be the session's.
  bool CsrfOk(const Visit& visit, const httplib::Request& req) const {
    return sealer.CsrfTokenMatches(visit.cookie, req.get_param_value("csrf"));
  }
  std::string Text(const Visit& visit, std::string_view key) const {
    return MessageText(visit.page.language, key);
  }
  FormErrors Localised(const Visit& visit, FormErrors keys) const {
    for (auto& [field, key] : keys) key = Text(visit, key);
    return keys;
  }

  void ExchangeToken(const httplib::Request& req, httplib::Response& res);
  void ShowInvitation(const httplib::Request& req, httplib::Response& res) const;
  void Respond(const httplib::Request& req, httplib::Response& res) const;
  void Availability(const httplib::Request& req, httplib::Response& res) const;
  void Calendar(const httplib::Request& req, httplib::Response& res) const;
  void Plan(const httplib::Request& req, httplib::Response& res) const;
  void Record(const httplib::Request& req, httplib::Response& res) const;
  void Withdraw(const httplib::Request& req, httplib::Response& res) const;

  const FamilyWebOptions options;
  const SessionSealer sealer;
  const FamilyCalls calls;
  bool loopback = false;
  RateLimiter limiter;
  httplib::Server server;
};

std::string FamilyWebServer::Impl::LanguageFor(const httplib::Request& req,
                                               const std::string& chosen) const {
  const std::string asked = req.get_param_value("lang");
  if (IsSupportedLanguage(asked)) return asked;
  if (IsSupportedLanguage(chosen)) return chosen;
  return LanguageFromAcceptLanguage(req.get_header_value("Accept-Language"));
}

std::optional<FamilyWebServer::Impl::Visit> FamilyWebServer::Impl::Open(
    const httplib::Request& req, httplib::Response& res) const {
  Visit visit;
  visit.cookie = CookieValue(req.get_header_value("Cookie"), kSessionCookie);
  auto session = sealer.Open(visit.cookie, absl::Now());
  if (visit.cookie.empty() || !session.ok()) {
    LinkProblem(req, res);
    return std::nullopt;
  }
  visit.session = *std::move(session);
  const std::string asked = req.get_param_value("lang");
  if (IsSupportedLanguage(asked) && asked != visit.session.language) {
    visit.session.language = asked;
    auto resealed = sealer.Seal(visit.session);
    if (resealed.ok()) {
      visit.cookie = *std::move(resealed);
      res.set_header("Set-Cookie", SessionCookieHeader(visit.cookie, sealer.max_age(), loopback));
    }
  }
  visit.page.language = LanguageFor(req, visit.session.language);
  visit.page.csrf_token = sealer.CsrfToken(visit.cookie);
  visit.page.path = req.path;
  const grpc::Status status =
      calls.GetMyInvitation(visit.session.invitation_token, visit.page.language, &visit.mine);
  if (!status.ok()) {
    Failed(req, res, status);
    return std::nullopt;
  }
  visit.page.time_zone = !visit.mine.member().time_zone().empty()
                             ? visit.mine.member().time_zone()
                             : visit.mine.conference_time_zone();
  return visit;
}

void FamilyWebServer::Impl::ExchangeToken(const httplib::Request& req, httplib::Response& res) {
  const std::string token = req.matches[1];
  if (!limiter.Allow(req.remote_addr, absl::Now())) return Problem(req, res, 429);
  if (!LooksLikeToken(token)) return LinkProblem(req, res);
  v1::GetMyInvitationResponse mine;
  const grpc::Status status = calls.GetMyInvitation(token, "", &mine);
  if (!status.ok()) return Failed(req, res, status);
  Session session;
  session.invitation_token = token;
  const std::string asked = req.get_param_value("lang");
  session.language = IsSupportedLanguage(asked) ? asked : "";
  session.issued = absl::Now();
  auto cookie = sealer.Seal(session);
  if (!cookie.ok()) return Problem(req, res, 503);
  res.set_header("Set-Cookie", SessionCookieHeader(*cookie, sealer.max_age(), loopback));
  // On to a URL without the token, so it stays out of history, bookmarks and screenshots.
  res.set_redirect("/invitation", 303);
}

void FamilyWebServer::Impl::ShowInvitation(const httplib::Request& req,
                                           httplib::Response& res) const {
  auto visit = Open(req, res);
  if (!visit) return;
  Html(res, 200, InvitationPage(visit->page, visit->mine));
}

void FamilyWebServer::Impl::Respond(const httplib::Request& req, httplib::Response& res) const {
  auto visit = Open(req, res);
  if (!visit) return;
  if (req.method == "GET") {
    RespondForm form;
    const v1::Rsvp& rsvp = visit->mine.invitation().rsvp();
    static const char* kAnswers[] = {"", "in-person", "remote", "not-able", "views-only"};
    if (rsvp.answer() > 0 && rsvp.answer() <= 4) form.answer = kAnswers[rsvp.answer()];
    form.views = rsvp.views();
    return Html(res, 200, RespondPage(visit->page, visit->mine, form, {}));
  }
  if (!CsrfOk(*visit, req)) return Problem(req, res, 403);
  const RespondForm form = RespondFormFrom(FieldsOf(req));
  const FormErrors errors = CheckRespondForm(form);
  if (!errors.empty()) {
    return Html(res, 400, RespondPage(visit->page, visit->mine, form, Localised(*visit, errors)));
  }
  v1::RespondToInvitationRequest request = RespondRequestFrom(form);
  // A double submit of the same answer is one answer.
  request.set_request_id(RequestIdFor(visit->cookie, request.SerializeAsString()));
  v1::RespondToInvitationResponse answered;
  const grpc::Status status =
      calls.RespondToInvitation(visit->session.invitation_token, request, &answered);
  if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
    return Html(res, 400,
                RespondPage(visit->page, visit->mine, form,
                            {{"answer", Text(*visit, "error.answer.refused")}}));
  }
  if (!status.ok()) return Failed(req, res, status);
  Html(res, 200, DonePage(visit->page, "done.respond"));
}

void FamilyWebServer::Impl::Availability(const httplib::Request& req,
                                         httplib::Response& res) const {
  auto visit = Open(req, res);
  if (!visit) return;
  v1::ListSlotsResponse slots;
  grpc::Status status = calls.ListSlots(visit->session.invitation_token, &slots);
  if (!status.ok()) return Failed(req, res, status);
  if (req.method == "GET")
    return Html(res, 200, AvailabilityPage(visit->page, visit->mine, slots, {}));
  if (!CsrfOk(*visit, req)) return Problem(req, res, 403);
  v1::RecordAvailabilityRequest request;
  const FormErrors errors = AvailabilityFrom(FieldsOf(req), slots, &request);
  if (!errors.empty() || request.availability_size() == 0) {
    FormErrors shown = Localised(*visit, errors);
    if (shown.empty() && slots.slots_size() > 0) {
      shown.push_back(
          {absl::StrCat("slot-", SlotId(slots.slots(0).name())), Text(*visit, "error.slot.none")});
    }
    return Html(res, 400, AvailabilityPage(visit->page, visit->mine, slots, shown));
  }
  request.set_request_id(RequestIdFor(visit->cookie, request.SerializeAsString()));
  v1::RecordAvailabilityResponse recorded;
  status = calls.RecordAvailability(visit->session.invitation_token, request, &recorded);
  if (!status.ok()) return Failed(req, res, status);
  Html(res, 200, DonePage(visit->page, "done.availability"));
}

void FamilyWebServer::Impl::Calendar(const httplib::Request& req, httplib::Response& res) const {
  auto visit = Open(req, res);
  if (!visit) return;
  v1::ExportCalendarResponse calendar;
  const grpc::Status status = calls.ExportCalendar(visit->session.invitation_token, &calendar);
  if (!status.ok()) return Failed(req, res, status);
  res.set_header("Content-Disposition",
                 absl::StrCat("attachment; filename=\"", calendar.file_name(), "\""));
  res.set_content(calendar.calendar(), calendar.content_type().c_str());
}

void FamilyWebServer::Impl::Plan(const httplib::Request& req, httplib::Response& res) const {
  auto visit = Open(req, res);
  if (!visit) return;
  v1::GetMyPlanResponse plan;
  const grpc::Status status =
      calls.GetMyPlan(visit->session.invitation_token, visit->page.language, &plan);
  if (!status.ok()) return Failed(req, res, status);
  Html(res, 200, PlanPage(visit->page, plan));
}

void FamilyWebServer::Impl::Record(const httplib::Request& req, httplib::Response& res) const {
  auto visit = Open(req, res);
  if (!visit) return;
  v1::GetMyRecordResponse record;
  const grpc::Status status = calls.GetMyRecord(visit->session.invitation_token, &record);
  if (!status.ok()) return Failed(req, res, status);
  Html(res, 200, RecordPage(visit->page, record));
}

void FamilyWebServer::Impl::Withdraw(const httplib::Request& req, httplib::Response& res) const {
  auto visit = Open(req, res);
  if (!visit) return;
  const std::string entry = req.get_param_value("entry");
  v1::GetMyRecordResponse record;
  grpc::Status status = calls.GetMyRecord(visit->session.invitation_token, &record);
  if (!status.ok()) return Failed(req, res, status);
  const v1::LedgerEntry* consent = nullptr;
  for (const std::string& name : record.withdrawable_entries()) {
    if (name != entry) continue;
    for (const v1::LedgerEntry& e : record.entries()) {
      if (e.name() == entry) consent = &e;
    }
  }
  if (consent == nullptr) return Problem(req, res, 404);
  if (req.method == "GET" || req.get_param_value("confirm") != "yes") {
    if (req.method == "POST" && !CsrfOk(*visit, req)) return Problem(req, res, 403);
    return Html(res, 200, WithdrawPage(visit->page, *consent));
  }
  if (!CsrfOk(*visit, req)) return Problem(req, res, 403);
  v1::WithdrawConsentRequest request;
  request.set_name(entry);
  request.set_collection_method(v1::COLLECTION_METHOD_ELECTRONIC);
  request.set_language_code(visit->page.language);
  request.set_notice_version(absl::StrCat("family-web/withdraw/", visit->page.language));
  request.set_reason(Text(*visit, "withdraw.reason"));
  request.set_request_id(RequestIdFor(visit->cookie, absl::StrCat("withdraw\n", entry)));
  v1::WithdrawConsentResponse withdrawn;
  status = calls.WithdrawConsent(visit->session.invitation_token, request, &withdrawn);
  if (!status.ok()) return Failed(req, res, status);
  Html(res, 200, DonePage(visit->page, "done.withdraw"));
}

void FamilyWebServer::Impl::Routes() {
  server.Get(R"(/i/([^/?]+))", [this](const httplib::Request& req, httplib::Response& res) {
    ExchangeToken(req, res);
  });
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/invitation", 303);
  });
  auto page = [this](void (Impl::*method)(const httplib::Request&, httplib::Response&) const) {
    return [this, method](const httplib::Request& req, httplib::Response& res) {
      (this->*method)(req, res);
    };
  };
  server.Get("/invitation", page(&Impl::ShowInvitation));
  server.Get("/respond", page(&Impl::Respond));
  server.Post("/respond", page(&Impl::Respond));
  server.Get("/availability", page(&Impl::Availability));
  server.Post("/availability", page(&Impl::Availability));
  server.Get("/calendar.ics", page(&Impl::Calendar));
  server.Get("/plan", page(&Impl::Plan));
  server.Get("/record", page(&Impl::Record));
  server.Get("/withdraw", page(&Impl::Withdraw));
  server.Post("/withdraw", page(&Impl::Withdraw));
  server.Get("/static/family.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "public, max-age=86400");
    res.set_content(Stylesheet(), "text/css; charset=utf-8");
  });
  server.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    // Statuses the routes did not set themselves: unknown paths, bodies too large, bad requests.
    if (res.body.empty())
      Problem(req, res, res.status == 413 ? 413 : res.status >= 500 ? 503 : res.status);
  });
  server.set_exception_handler([this](const httplib::Request& req, httplib::Response& res,
                                      std::exception_ptr) { Problem(req, res, 503); });
}

FamilyWebServer::FamilyWebServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

FamilyWebServer::~FamilyWebServer() {
  impl_->server.stop();
  if (thread_.joinable()) thread_.join();
}

absl::StatusOr<std::unique_ptr<FamilyWebServer>> FamilyWebServer::Start(FamilyWebOptions options) {
  const size_t colon = options.listen.rfind(':');
  int port = 0;
  if (colon == std::string::npos || !absl::SimpleAtoi(options.listen.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("--web-listen must be host:port, not ", options.listen));
  }
  std::string host = options.listen.substr(0, colon);
  auto sealer = SessionSealer::Create(options.session_key, options.session_max_age);
  if (!sealer.ok()) return sealer.status();
  auto impl = std::make_unique<Impl>(std::move(options), *std::move(sealer));
  impl->loopback = IsLoopback(host);
  httplib::Server& server = impl->server;
  httplib::Headers headers;
  for (auto& [name, value] : SecurityHeaders()) headers.emplace(name, value);
  // Beyond a development host on loopback the family web is reached over HTTPS only (through
  // the Ingress that terminates TLS): browsers are told to keep it so.
  if (!impl->loopback) headers.emplace("Strict-Transport-Security", "max-age=31536000");
  server.set_default_headers(std::move(headers));
  server.set_payload_max_length(impl->options.max_body_bytes);
  server.set_read_timeout(std::chrono::seconds(absl::ToInt64Seconds(impl->options.read_timeout)));
  server.set_write_timeout(std::chrono::seconds(10));
  server.set_keep_alive_timeout(5);
  const int threads = impl->options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  impl->Routes();
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const int bound =
      port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", impl->options.listen));
  }
  std::unique_ptr<FamilyWebServer> web(new FamilyWebServer(std::move(impl)));
  web->address_ =
      absl::StrCat(host.find(':') != std::string::npos ? "[" + host + "]" : host, ":", bound);
  web->thread_ = std::thread([server = &web->impl_->server] { server->listen_after_bind(); });
  return web;
}

absl::StatusOr<std::string> LoadSessionKey(const std::string& state_dir, bool create) {
  const std::filesystem::path path = std::filesystem::path(state_dir) / kSessionKeyFile;
  auto key = crypto::ReadPrivateFile(path);
  if (key.ok() || key.status().code() != absl::StatusCode::kNotFound || !create) return key;
  auto fresh = crypto::RandomBytes(32);
  if (!fresh.ok()) return fresh.status();
  if (absl::Status s = crypto::EnsurePrivateDirectory(state_dir); !s.ok()) return s;
  absl::Status made = crypto::CreatePrivateFile(path, *fresh);
  if (!made.ok() && made.code() != absl::StatusCode::kAlreadyExists) return made;
  return crypto::ReadPrivateFile(path);  // another process may have made it first
}

}  // namespace fgc::family_web
