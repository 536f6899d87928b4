// How an fgcctl command makes its one call and prints the answer: a stub method called with
// the connection's deadline and credentials; a read printed as human text or as the response
// in protobuf JSON; a write under a request id (the one given, or a new one printed for
// retries), with the etag read just before it when none is given; a list page by page. Exit
// codes: 0, or 64 + the gRPC code (details on stderr), or 1 when no request id could be made.
#pragma once

#include <grpcpp/grpcpp.h>

#include <iostream>
#include <string>
#include <utility>

#include "clients/fgcctl/call_output.h"
#include "clients/fgcctl/command_flags.h"
#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/ledger_text.h"
#include "clients/fgcctl/status_output.h"

namespace fgc::ctl {

template <typename Stub, typename Request, typename Response>
using StubMethod = grpc::Status (Stub::*)(grpc::ClientContext*, const Request&, Response*);

template <typename Stub, typename Request, typename Response>
grpc::Status Invoke(const Connection& connection, StubMethod<Stub, Request, Response> method,
                    const Request& request, Response* response) {
  Stub stub(connection.channel());
  auto context = connection.NewContext();
  return (stub.*method)(context.get(), request, response);
}

// `text(response)` is the human output.
template <typename Stub, typename Request, typename Response, typename Text>
int RunRead(const Connection& connection, StubMethod<Stub, Request, Response> method,
            const Request& request, bool json, Text text) {
  Response response;
  grpc::Status status = Invoke(connection, method, request, &response);
  if (!status.ok()) return ReportFailure(status, json);
  if (json) {
    std::cout << ProtoJson(response).dump() << "\n";
  } else {
    std::cout << text(response);
  }
  return 0;
}

// Sets the request id (`given`, or a new one) and makes the call; `retry_flags` are the flags
// besides --request-id that repeat the request exactly.
template <typename Stub, typename Request, typename Response, typename Text>
int RunWrite(const Connection& connection, StubMethod<Stub, Request, Response> method,
             Request request, const std::string& given, bool json, Text text,
             const std::string& retry_flags = "") {
  auto request_id = RequestIdOrNew(given);
  if (!request_id.ok()) {
    return ReportLocalFailure(std::string(request_id.status().message()), 1, json);
  }
  request.set_request_id(*request_id);
  Response response;
  grpc::Status status = Invoke(connection, method, request, &response);
  if (!status.ok()) {
    return ReportWriteFailure(status, "--request-id " + *request_id + retry_flags, json);
  }
  return PrintWritten(response, text(response), *request_id, json);
}

// The etag a change sends: `*etag` when given, else the one the resource `name` has now, read
// with `get` and picked out of its response by `etag_of`. 0, or the failed read's exit code.
template <typename Stub, typename Request, typename Response, typename EtagOf>
int EtagOrCurrent(const Connection& connection, StubMethod<Stub, Request, Response> get,
                  const std::string& name, EtagOf etag_of, std::string* etag, bool json) {
  if (!etag->empty()) return 0;
  Request request;
  request.set_name(name);
  Response response;
  grpc::Status status = Invoke(connection, get, request, &response);
  if (!status.ok()) return ReportFailure(status, json);
  *etag = etag_of(response);
  return 0;
}

// The nouns a list's count is told in: {"venue", "venues"}.
struct ListNouns {
  const char* one;
  const char* many;
};

// Prints `heading`, then `line(item)` for each item of each page (with `page.all`, every page;
// else one), the count and `footer(response)`; with `json`, one response holding every page's
// items. `items` is the response's mutable accessor of its repeated field.
template <typename Stub, typename Request, typename Response, typename Items, typename Line,
          typename Footer>
int RunList(const Connection& connection, StubMethod<Stub, Request, Response> method,
            Request request, const PageOptions& page, bool json, Items (Response::*items)(),
            const std::string& heading, Line line, ListNouns nouns, Footer footer) {
  request.set_page_size(page.page_size);
  request.set_page_token(page.page_token);
  Response all;
  bool first = true;
  if (!json && !heading.empty()) std::cout << heading << "\n";
  do {
    Response response;
    grpc::Status status = Invoke(connection, method, request, &response);
    if (!status.ok()) return ReportFailure(status, json);
    if (!json) {
      for (const auto& item : *(response.*items)()) std::cout << line(item) << "\n";
    }
    if (first) {
      all = response;  // keeps the fields beside the items (a deadline, a time zone)
    } else {
      (all.*items)()->MergeFrom(*(response.*items)());
      all.set_next_page_token(response.next_page_token());
    }
    first = false;
    request.set_page_token(response.next_page_token());
  } while (page.all && !request.page_token().empty());
  if (json) {
    std::cout << ProtoJson(all).dump() << "\n";
    return 0;
  }
  const int count = (all.*items)()->size();
  std::cout << "(" << count << " " << (count == 1 ? nouns.one : nouns.many) << ")\n" << footer(all);
  if (!all.next_page_token().empty()) {
    std::cout << "more: --page-token " << all.next_page_token() << " (or --all)\n";
  }
  return 0;
}

template <typename Stub, typename Request, typename Response, typename Items, typename Line>
int RunList(const Connection& connection, StubMethod<Stub, Request, Response> method,
            Request request, const PageOptions& page, bool json, Items (Response::*items)(),
            const std::string& heading, Line line, ListNouns nouns) {
  return RunList(connection, method, std::move(request), page, json, items, heading, line, nouns,
                 [](const Response&) { return std::string(); });
}

}  // namespace fgc::ctl
