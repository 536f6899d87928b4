// The `fgcctl booking`, `fgcctl review` and `fgcctl calendar` subcommands, their flags and
// help: registered on the application, each running its booking_commands.h function when
// chosen. Owns the parsed flag values, so it must outlive the parse.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "clients/fgcctl/booking_commands.h"
#include "clients/fgcctl/connection.h"

namespace fgc::ctl {

class BookingCommandLine {
 public:
  // `connect` makes the connection once the global flags are parsed; `json` and `exit_code`
  // are main's.
  BookingCommandLine(CLI::App& app, std::function<Connection()> connect, const bool& json,
                     int& exit_code);
  BookingCommandLine(const BookingCommandLine&) = delete;
  BookingCommandLine& operator=(const BookingCommandLine&) = delete;

 private:
  void AddBooking(CLI::App& app);
  void AddReview(CLI::App& app);
  void AddCalendar(CLI::App& app);

  std::function<Connection()> connect_;
  const bool& json_;
  int& exit_code_;

  BookingOptions book_;
  BookingOptions reschedule_;
  BookingOptions cancel_;
  ReviewOptions review_;
  CalendarOptions calendar_;
};

}  // namespace fgc::ctl
