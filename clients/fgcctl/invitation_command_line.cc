#include "clients/fgcctl/invitation_command_line.h"

#include <utility>

namespace fgc::ctl {
namespace {

void ChannelAndExpiryFlags(CLI::App* command, std::string& channel, std::string& expires) {
  command->add_option("--channel", channel,
                      "email, sms or by-hand (by-hand prints the link once, for you to hand "
                      "over; default: the member's preferred channel)");
  command->add_option("--expires", expires,
                      "when the link stops working, RFC 3339 (default: 90 days; at most a year)");
}

}  // namespace

InvitationCommandLine::InvitationCommandLine(CLI::App& app, std::function<Connection()> connect,
                                             const bool& json, int& exit_code)
    : connect_(std::move(connect)), json_(json), exit_code_(exit_code) {
  CLI::App* invitation = app.add_subcommand(
      "invitation", "invitations: one-time links to the family, and where each stands");
  invitation->require_subcommand(1);
  AddSend(*invitation);
  AddOthers(*invitation);
  AddRestrict(app);
}

void InvitationCommandLine::AddSend(CLI::App& invitation) {
  CLI::App* send = invitation.add_subcommand(
      "send", "invite a network member with a one-time link, in their language");
  InConferenceArguments(send, "members", send_.member.member, send_.member.conference,
                        send_.member.tenant);
  ChannelAndExpiryFlags(send, send_.channel, send_.expires);
  send->add_option("--language", send_.language,
                   "the message's language, BCP 47 (default: "
                   "the member's)");
  send->add_option("--message", send_.message, "a personal note from you, in the message");
  RequestIdFlag(send, send_.request_id);
  send->callback([this] { exit_code_ = RunSendInvitation(connect_(), send_, json_); });
}

void InvitationCommandLine::AddOthers(CLI::App& invitation) {
  CLI::App* get = invitation.add_subcommand("get", "one invitation and the family's answer");
  InConferenceArguments(get, "invitations", get_.invitation, get_.conference, get_.tenant);
  get->callback([this] { exit_code_ = RunGetInvitation(connect_(), get_, json_); });

  CLI::App* list = invitation.add_subcommand(
      "list", "a conference's invitations: sent, delivered, opened, answered, bounced");
  ConferenceArgument(list, list_.conference);
  TenantFlag(list, list_.tenant, false, "the tenant, when the conference is given by its id");
  PageFlags(list, list_.page, "invitations",
            "on state, member, rsvp.answer; e.g. 'state = INVITATION_STATE_BOUNCED'");
  list->callback([this] { exit_code_ = RunListInvitations(connect_(), list_, json_); });

  CLI::App* resend = invitation.add_subcommand(
      "resend", "send again with a new link; the old link stops working at once");
  InConferenceArguments(resend, "invitations", resend_.invitation.invitation,
                        resend_.invitation.conference, resend_.invitation.tenant);
  ChannelAndExpiryFlags(resend, resend_.channel, resend_.expires);
  EtagFlag(resend, resend_.etag, "the invitation");
  RequestIdFlag(resend, resend_.request_id);
  resend->callback([this] { exit_code_ = RunResendInvitation(connect_(), resend_, json_); });

  CLI::App* revoke =
      invitation.add_subcommand("revoke", "revoke an invitation; its link stops working at once");
  InConferenceArguments(revoke, "invitations", revoke_.invitation.invitation,
                        revoke_.invitation.conference, revoke_.invitation.tenant);
  revoke->add_option("--reason", revoke_.reason, "why (staff only)");
  RequestIdFlag(revoke, revoke_.request_id);
  revoke->callback([this] { exit_code_ = RunRevokeInvitation(connect_(), revoke_, json_); });
}

void InvitationCommandLine::AddRestrict(CLI::App& app) {
  CLI::App* restrict = app.add_subcommand(
      "restrict",
      "restrict how a member takes part (part attendance, views only, exclusion) or lift it; "
      "the ledger records the use of power first");
  InConferenceArguments(restrict, "members", restrict_.member.member, restrict_.member.conference,
                        restrict_.member.tenant);
  RestrictionFlags& r = restrict_.restriction;
  restrict->add_option("--from", r.file,
                       "a ParticipationRestriction as protobuf JSON; flags fill in on top");
  restrict->add_option("--kind", r.kind, "part-attendance, views-only, excluded or lifted");
  restrict
      ->add_option("--may-attend", r.allowed_parts,
                   "for part-attendance, repeatable: information-sharing, private-family-time, "
                   "plan-agreement")
      ->allow_extra_args(false);
  restrict->add_option("--reasons", r.reasons, "why, in plain words (staff only)");
  PowerFlagOptions(restrict, r.power);
  restrict->add_option("--review-by", r.review_date, "when it is reviewed, YYYY-MM-DD");
  restrict->add_option("--alternative", r.alternative,
                       "how they may still contribute (written views, a recording, ...)");
  restrict->add_option("--authorised-by", r.authorised_by,
                       "who authorised it: subject[,display name[,agency]]");
  restrict->add_option("--member-notice", r.member_notice,
                       "what they see when they open their invitation, in plain words");
  EtagFlag(restrict, restrict_.etag, "the member");
  RequestIdFlag(restrict, restrict_.request_id);
  restrict->callback([this] { exit_code_ = RunRestrict(connect_(), restrict_, json_); });
}

}  // namespace fgc::ctl
