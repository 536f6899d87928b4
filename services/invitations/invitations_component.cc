#include "services/invitations/invitations_component.h"

#include "common/crypto/envelope.h"
#include "services/invitations/invitation_service.h"
#include "services/invitations/outbox/delivery_settings.h"
#include "services/invitations/outbox/outbox_worker.h"
#include "services/invitations/reminder_job.h"

namespace fgc::invitations {

// The migrations compiled in by fgc_embed_files (services/invitations/CMakeLists.txt).
std::span<const EmbeddedFile> Migrations();

server::ServiceComponent InvitationsComponent() {
  server::ServiceComponent component;
  component.name = "invitations";
  component.grpc_name = "fgc.v1.InvitationService";
  component.migrations = Migrations();
  component.create =
      [](const server::ServiceDeps& deps) -> absl::StatusOr<std::unique_ptr<grpc::Service>> {
    auto kek = crypto::LoadKeyEncryptionKey(deps.config->state_dir,
                                            deps.config->production()
                                                ? crypto::KekProvisioning::kRequireExisting
                                                : crypto::KekProvisioning::kCreateIfMissing);
    if (!kek.ok()) return kek.status();
    auto links = InvitationLinks::ForHost(deps.config->family_web_host.empty()
                                              ? deps.config->web_listen
                                              : deps.config->family_web_host);
    if (!links.ok()) return links.status();
    auto senders = outbox::SendersFromConfig(*deps.config);
    if (!senders.ok()) return senders.status();  // bad delivery settings stop the host
    auto owned_kek = std::make_unique<crypto::KeyEncryptionKey>(*std::move(kek));
    auto worker = outbox::OutboxWorker::Create(deps.pool, owned_kek.get(), *std::move(senders));
    if (!worker.ok()) return worker.status();
    // Reminders wake the worker so they leave at once; the service stops the job first.
    outbox::OutboxWorker* wake = worker->get();
    auto reminders = ReminderJob::Create(deps.pool, owned_kek.get(), *links,
                                         {.on_queued = [wake] { wake->Wake(); }});
    if (!reminders.ok()) return reminders.status();
    return std::make_unique<InvitationService>(deps.guard, deps.pool, deps.peers,
                                               std::move(owned_kek), *std::move(links),
                                               *std::move(worker), *std::move(reminders));
  };
  return component;
}

}  // namespace fgc::invitations
