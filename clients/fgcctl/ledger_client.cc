#include "clients/fgcctl/ledger_client.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/ledger/entry/ledger_names.h"

namespace fgc::ctl {

LedgerClient::LedgerClient(const Connection& connection, std::string tenant)
    : connection_(connection),
      tenant_(std::move(tenant)),
      stub_(v1::LedgerService::NewStub(connection.channel())) {}

grpc::Status LedgerClient::GetCheckpoint(int64_t size, v1::GetCheckpointResponse* response) const {
  v1::GetCheckpointRequest request;
  request.set_name(absl::StrCat(ledger::LedgerParentName(tenant_), "/checkpoints/",
                                size == 0 ? std::string("latest") : absl::StrCat(size)));
  auto context = connection_.NewContext();
  return stub_->GetCheckpoint(context.get(), request, response);
}

grpc::Status LedgerClient::GetEntry(const std::string& name, int64_t tree_size,
                                    v1::GetEntryResponse* response) const {
  v1::GetEntryRequest request;
  request.set_name(name);
  request.set_tree_size(tree_size);
  auto context = connection_.NewContext();
  return stub_->GetEntry(context.get(), request, response);
}

grpc::Status LedgerClient::ListEntries(int page_size, const std::string& page_token,
                                       const std::string& filter,
                                       v1::ListEntriesResponse* response) const {
  v1::ListEntriesRequest request;
  request.set_parent(ledger::LedgerParentName(tenant_));
  request.set_page_size(page_size);
  request.set_page_token(page_token);
  request.set_filter(filter);
  auto context = connection_.NewContext();
  return stub_->ListEntries(context.get(), request, response);
}

}  // namespace fgc::ctl
