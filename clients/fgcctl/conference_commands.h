// `fgcctl conference ...`: creating a conference from a referral, reading and listing
// conferences and those past their timescales, changing their fields and moving them from stage to
// stage. Each Run function prints human text (or, with `json`, the response message as protobuf
// JSON) and returns the exit code: 0 on success; 64 + the gRPC code when a call fails (status and
// details on stderr); 2 for unusable input (a file that cannot be read or parsed, a malformed
// argument).
#pragma once

#include <string>
#include <vector>

#include "clients/fgcctl/command_flags.h"
#include "clients/fgcctl/connection.h"

namespace fgc::ctl {

struct CreateConferenceOptions {
  std::string tenant;
  std::string file;  // the Conference as protobuf JSON (urgency, time zone, referral, children)
  std::string id;    // the conference id to ask for; empty: the service picks one
  std::string request_id;  // empty: a new random one, printed so a retry can reuse it
};

struct GetConferenceOptions {
  std::string tenant;  // needed only when `conference` is a bare id
  std::string conference;
};

struct ListConferencesOptions {
  std::string tenant;
  std::string filter;
  std::string page_token;
  int page_size = 0;
  bool all = false;  // follow next_page_token to the end
};

struct ListOverdueOptions {
  std::string tenant;
  std::string as_of;  // RFC 3339; empty: now
  PageOptions page;
};

struct UpdateConferenceOptions {
  std::string tenant;
  std::string conference;
  ChangeOptions change;  // of a Conference; `path=value` as in conference_settings.h
  std::string request_id;
};

struct TransitionConferenceOptions {
  std::string tenant;
  std::string conference;
  std::string to;           // a stage word: preparation, information-sharing, ...
  std::string coordinator;  // subject
  std::string coordinator_name;
  std::string coordinator_agency;
  std::string at;       // RFC 3339; empty: now
  std::string outcome;  // when closing: plan-agreed, no-plan, not-proceeded, ...
  std::string reason;
  std::string etag;  // optional: refuse the move if the conference changed since this etag
  std::string request_id;
};

int RunCreateConference(const Connection& connection, const CreateConferenceOptions& options,
                        bool json);
int RunGetConference(const Connection& connection, const GetConferenceOptions& options, bool json);
int RunListConferences(const Connection& connection, const ListConferencesOptions& options,
                       bool json);
int RunListOverdue(const Connection& connection, const ListOverdueOptions& options, bool json);
int RunUpdateConference(const Connection& connection, const UpdateConferenceOptions& options,
                        bool json);
int RunTransitionConference(const Connection& connection,
                            const TransitionConferenceOptions& options, bool json);

}  // namespace fgc::ctl
