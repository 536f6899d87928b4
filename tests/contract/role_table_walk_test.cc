// Walks every cell of the method x role table over real gRPC: for each method of the four
// services and each role, a call with that role's credentials must get past the guard
// (UNIMPLEMENTED for methods not built yet, which is what every method is in the foundation;
// later, whatever the handler says, but never PERMISSION_DENIED) exactly when the table allows
// it, and PERMISSION_DENIED otherwise. Also pins the table to the compiled contracts.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>

#include "absl/time/clock.h"
#include "common/auth/jwt_signer.h"
#include "common/auth/role_table.h"
#include "common/crypto/ed25519.h"
#include "common/server/grpc_host.h"
#include "common/server/guarded_service.h"
#include "fgc/v1/invitation_service.pb.h"
#include "fgc/v1/ledger_service.pb.h"
#include "fgc/v1/plan_service.pb.h"
#include "fgc/v1/scheduling_service.pb.h"

namespace fgc {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::MethodDescriptor;
using google::protobuf::ServiceDescriptor;

std::vector<const ServiceDescriptor*> Services() {
  return {v1::GetConferenceRequest::descriptor()->file()->FindServiceByName("SchedulingService"),
          v1::GetMyInvitationRequest::descriptor()->file()->FindServiceByName("InvitationService"),
          v1::GetPlanRequest::descriptor()->file()->FindServiceByName("PlanService"),
          v1::GetEntryRequest::descriptor()->file()->FindServiceByName("LedgerService")};
}

// A request that names a resource in tenant "t1" wherever the method takes one.
std::string RequestFor(const MethodDescriptor* method) {
  std::unique_ptr<Message> m(google::protobuf::MessageFactory::generated_factory()
                                 ->GetPrototype(method->input_type())
                                 ->New());
  const auto* d = m->GetDescriptor();
  const auto* r = m->GetReflection();
  for (const char* field : {"parent", "name"}) {
    if (const FieldDescriptor* f = d->FindFieldByName(field);
        f != nullptr && f->type() == FieldDescriptor::TYPE_STRING && !f->is_repeated()) {
      r->SetString(m.get(), f, "tenants/t1/conferences/c1");
      return m->SerializeAsString();
    }
  }
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->type() != FieldDescriptor::TYPE_MESSAGE || f->is_repeated()) continue;
    if (const FieldDescriptor* n = f->message_type()->FindFieldByName("name");
        n != nullptr && n->type() == FieldDescriptor::TYPE_STRING) {
      Message* inner = r->MutableMessage(m.get(), f);
      inner->GetReflection()->SetString(inner, n, "tenants/t1/conferences/c1");
      break;
    }
  }
  return m->SerializeAsString();
}

class RoleTableWalk : public ::testing::TestWithParam<auth::Role> {
 protected:
  static void SetUpTestSuite() {
    auto key = crypto::Ed25519PrivateKey::Generate().value();
    signer_ = new auth::JwtSigner("walk-key", key);
    auto jwks = auth::Jwks::Create({signer_->PublicJwk()}).value();
    auto verifier =
        std::make_shared<const auth::JwtVerifier>(auth::JwtVerifier::Create(jwks, {}).value());
    table_ = new auth::RoleTable(auth::RoleTable::Load().value());
    guard_ = new server::RequestGuard(verifier, std::make_shared<const auth::RoleTable>(*table_));
    server::GrpcHostOptions options;
    options.listen = "127.0.0.1:0";
    options.metrics = std::make_shared<prometheus::Registry>();
    for (const ServiceDescriptor* s : Services()) {
      services_.push_back(std::make_unique<server::GuardedService>(s, guard_));
      options.services.push_back(services_.back().get());
    }
    host_ = server::GrpcHost::Start(options).value().release();
    channel_ = new std::shared_ptr<grpc::Channel>(
        grpc::CreateChannel(host_->address(), grpc::InsecureChannelCredentials()));
  }
  static void TearDownTestSuite() {
    delete channel_;
    delete host_;
    services_.clear();
    delete guard_;
    delete table_;
    delete signer_;
  }

  static grpc::StatusCode Call(const MethodDescriptor* method, auth::Role role) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    if (role == auth::Role::kFamily) {
      context.AddMetadata("x-fgc-invitation-token", "dGhpcyBpcyBub3QgYSByZWFsIHRva2VuIGF0IGFsbA");
    } else {
      auth::Claims claims;
      claims.sub = "walker";
      claims.tenant = "t1";
      claims.role = role;
      claims.agency = "agency-a";
      claims.exp = absl::Now() + absl::Minutes(5);
      claims.aud = {"fgc"};
      context.AddMetadata("authorization", "Bearer " + signer_->Sign(claims).value());
    }
    grpc::GenericStub stub(*channel_);
    grpc::CompletionQueue cq;
    std::string body = RequestFor(method);
    grpc::Slice slice(body);
    grpc::ByteBuffer request(&slice, 1), response;
    grpc::Status status;
    auto call = stub.PrepareUnaryCall(
        &context, "/" + method->service()->full_name() + "/" + method->name(), request, &cq);
    call->StartCall();
    call->Finish(&response, &status, reinterpret_cast<void*>(1));
    void* tag;
    bool ok;
    cq.Next(&tag, &ok);
    return status.error_code();
  }

  static auth::JwtSigner* signer_;
  static auth::RoleTable* table_;
  static server::RequestGuard* guard_;
  static std::vector<std::unique_ptr<server::GuardedService>> services_;
  static server::GrpcHost* host_;
  static std::shared_ptr<grpc::Channel>* channel_;
};

auth::JwtSigner* RoleTableWalk::signer_ = nullptr;
auth::RoleTable* RoleTableWalk::table_ = nullptr;
server::RequestGuard* RoleTableWalk::guard_ = nullptr;
std::vector<std::unique_ptr<server::GuardedService>> RoleTableWalk::services_;
server::GrpcHost* RoleTableWalk::host_ = nullptr;
std::shared_ptr<grpc::Channel>* RoleTableWalk::channel_ = nullptr;

TEST_P(RoleTableWalk, EveryMethodAnswersThisRoleAsTheTableSays) {
  const auth::Role role = GetParam();
  int cells = 0;
  for (const ServiceDescriptor* service : Services()) {
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      const std::string full = service->full_name() + "/" + method->name();
      const grpc::StatusCode got = Call(method, role);
      if (table_->Allows(full, role)) {
        EXPECT_EQ(got, grpc::StatusCode::UNIMPLEMENTED) << full << " as " << RoleName(role);
      } else {
        EXPECT_EQ(got, grpc::StatusCode::PERMISSION_DENIED) << full << " as " << RoleName(role);
      }
      ++cells;
    }
  }
  EXPECT_EQ(cells, static_cast<int>(table_->Methods().size()));
}

INSTANTIATE_TEST_SUITE_P(AllRoles, RoleTableWalk, ::testing::ValuesIn(auth::kAllRoles),
                         [](const auto& info) { return std::string(auth::RoleName(info.param)); });

TEST(RoleTableContract, TableRowsAreExactlyTheContractsMethods) {
  std::set<std::string> in_protos;
  for (const ServiceDescriptor* s : Services()) {
    for (int i = 0; i < s->method_count(); ++i) {
      in_protos.insert(s->full_name() + "/" + s->method(i)->name());
    }
  }
  auto methods = auth::RoleTable::Load().value().Methods();
  std::set<std::string> in_table(methods.begin(), methods.end());
  EXPECT_EQ(in_table, in_protos);
}

}  // namespace
}  // namespace fgc
