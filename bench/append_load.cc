#include "bench/append_load.h"

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "services/ledger/entry/test_entries.h"

namespace fgc::bench {
namespace {

// Appends spread over a few conferences and children, as a busy tenant's would.
constexpr int kConferences = 8;
constexpr int kChildren = 4;

v1::RecordConsentRequest ConsentRequest(int64_t sequence) {
  const std::string conference = absl::StrCat("tenants/t1/conferences/c", sequence % kConferences);
  v1::RecordConsentRequest request;
  request.set_parent("tenants/t1/ledger");
  request.set_request_id(absl::StrCat("bench-", sequence));
  v1::LedgerEntry* entry = request.mutable_entry();
  *entry = ledger::testing::ValidConsent();
  entry->set_conference(conference);
  entry->set_subject(
      absl::StrCat(conference, "/children/k", (sequence / kConferences) % kChildren));
  entry->mutable_consent()->mutable_grantor()->set_member(conference + "/members/mother");
  return request;
}

}  // namespace

struct AppendLoad::Call {
  grpc::ClientContext context;
  v1::RecordConsentRequest request;
  v1::RecordConsentResponse response;
  grpc::Status status;
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::RecordConsentResponse>> reader;
  Clock::time_point start;
};

AppendLoad::AppendLoad(const std::string& address, std::string token, int channels)
    : token_(std::move(token)) {
  for (int i = 0; i < std::max(1, channels); ++i) {
    // Channels with different arguments do not share a connection.
    grpc::ChannelArguments args;
    args.SetInt("fgc.bench.channel", i);
    stubs_.push_back(v1::LedgerService::NewStub(
        grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args)));
  }
}

void AppendLoad::Start(grpc::CompletionQueue* queue) {
  const int64_t sequence = sequence_++;
  auto call = std::make_unique<Call>();
  call->request = ConsentRequest(sequence);
  call->context.AddMetadata("authorization", "Bearer " + token_);
  call->context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  call->start = Clock::now();
  auto& stub = stubs_[static_cast<size_t>(sequence) % stubs_.size()];
  call->reader = stub->PrepareAsyncRecordConsent(&call->context, call->request, queue);
  call->reader->StartCall();
  Call* tag = call.release();  // owned by the queue until it completes
  tag->reader->Finish(&tag->response, &tag->status, tag);
}

AppendLoad::Result AppendLoad::Run(int clients, Clock::time_point window_start,
                                   Clock::time_point window_end) {
  grpc::CompletionQueue queue;
  Result result;
  for (int i = 0; i < clients; ++i) Start(&queue);
  int outstanding = clients;
  while (outstanding > 0) {
    void* tag = nullptr;
    bool ok = false;
    if (!queue.Next(&tag, &ok)) break;
    std::unique_ptr<Call> call(static_cast<Call*>(tag));
    --outstanding;
    const Clock::time_point now = Clock::now();
    if (!call->status.ok()) {
      if (result.failed++ == 0) {
        result.first_error =
            absl::StrCat(call->status.error_code(), ": ", call->status.error_message());
      }
    } else if (now >= window_start && now < window_end) {
      ++result.appended;
      result.latencies_ms.push_back(
          std::chrono::duration<double, std::milli>(now - call->start).count());
    }
    if (now < window_end) {
      Start(&queue);
      ++outstanding;
    }
  }
  queue.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (queue.Next(&tag, &ok)) delete static_cast<Call*>(tag);
  return result;
}

}  // namespace fgc::bench
