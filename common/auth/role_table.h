// The method x role table (DESIGN §6): which roles may call which RPC, loaded from the data
// file common/auth/role_table.tsv compiled into the binary. Immutable after loading; safe to
// share between threads. The first gate of authorisation; tenant and object checks follow.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "common/auth/role.h"

namespace fgc::auth {

class RoleTable {
 public:
  // The table compiled into the binary.
  static absl::StatusOr<RoleTable> Load();
  // Parses a table in role_table.tsv's format. INVALID_ARGUMENT naming the line for a
  // missing or malformed header (unknown or repeated role, a role missing), a row with the
  // wrong number of cells, a cell other than yes/no, a malformed or repeated method name.
  static absl::StatusOr<RoleTable> Parse(std::string_view tsv);

  // Whether `role` may call `full_method`, given as "fgc.v1.Service/Method" or as gRPC's
  // "/fgc.v1.Service/Method". A method not in the table is refused to every role.
  bool Allows(std::string_view full_method, Role role) const;
  bool Contains(std::string_view full_method) const;
  // The roles that may call `full_method` (empty for an unknown method).
  std::vector<Role> AllowedRoles(std::string_view full_method) const;
  // Every method, in the table's order, without a leading '/'.
  std::vector<std::string> Methods() const;

 private:
  using RoleCells = std::array<bool, kAllRoles.size()>;
  struct Row {
    std::string method;
    RoleCells allowed{};
  };

  explicit RoleTable(std::vector<Row> rows);
  const Row* Find(std::string_view full_method) const;

  std::vector<Row> rows_;
  std::map<std::string, size_t, std::less<>> index_;  // method -> position in rows_
};

}  // namespace fgc::auth
