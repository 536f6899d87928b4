#!/usr/bin/python3
"""Reads the sample calendars with an independent parser, Debian's python3-icalendar.

Usage: check_with_icalendar.py <calendar_samples program>

Runs the program into a temporary directory, then for every sample checks what a calendar
client would read: METHOD, UID, SEQUENCE and STATUS; DTSTART/DTEND at the expected UTC
instants, both through the TZID name (as clients with tzdata do) and through the calendar's
own VTIMEZONE alone (as clients that trust the VTIMEZONE do); the SUMMARY text after unfolding
and unescaping; CRLF line ends and lines of at most 75 octets. Exits non-zero on any mismatch.
"""
import datetime
import subprocess
import sys
import tempfile

try:
    import icalendar
except ImportError:
    sys.exit("python3-icalendar is not installed (apt-get install -y python3-icalendar)")

UTC = datetime.timezone.utc


def parse_utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def check_lines(raw, problems):
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("does not end with CRLF")
    for number, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problems.append("line %d has a bare CR or LF" % number)
        if len(line) > 75:
            problems.append("line %d is %d octets" % (number, len(line)))
    raw.decode("utf-8")  # raises on a UTF-8 sequence split by folding


def vtimezone_instant(calendar, prop, tzid):
    """The UTC instant of a TZID-relative DATE-TIME read through the VTIMEZONE only."""
    zones = [z for z in calendar.walk("VTIMEZONE") if str(z["TZID"]) == tzid]
    if len(zones) != 1:
        raise AssertionError("expected one VTIMEZONE %s, found %d" % (tzid, len(zones)))
    local = prop.dt.replace(tzinfo=None)
    return zones[0].to_tz().localize(local).astimezone(UTC)


def check_time(calendar, event, name, tzid, expected, problems):
    """`tzid` None: the value must be in UTC form."""
    prop = event[name]
    got = event.decoded(name).astimezone(UTC)
    if got != expected:
        problems.append("%s read as %s, expected %s" % (name, got, expected))
    param = prop.params.get("TZID")
    if tzid is None:
        if param is not None or prop.to_ical()[-1:] != b"Z":
            problems.append("%s should be in UTC form" % name)
        return
    if param != tzid:
        problems.append("%s TZID is %r, expected %r" % (name, param, tzid))
        return
    through_vtimezone = vtimezone_instant(calendar, prop, tzid)
    if through_vtimezone != expected:
        problems.append("%s through VTIMEZONE is %s, expected %s"
                        % (name, through_vtimezone, expected))


def check_place(raw, event, attendance, url, problems):
    """Remote attendees get the joining URL and no address; others the reverse."""
    location = str(event.get("LOCATION", ""))
    if attendance == "remote":
        if location != url:
            problems.append("LOCATION %r, expected the joining URL %r" % (location, url))
        if url not in str(event.get("DESCRIPTION", "")):
            problems.append("DESCRIPTION lacks the joining URL")
        if b"Mill Lane" in raw:
            problems.append("a remote attendee's calendar has the venue's address")
    else:
        if not location.startswith("Riverside Community Centre, 1 Mill Lane"):
            problems.append("LOCATION %r is not the venue" % location)
        if url.encode() in raw or b"meet.example.org" in raw:
            problems.append("an in-person attendee's calendar has the joining URL")


def check_sample(directory, fields):
    (file_name, uid, method, sequence, zone, start_form, start, end, summary, attendance,
     url) = fields
    with open("%s/%s" % (directory, file_name), "rb") as ics:
        raw = ics.read()
    problems = []
    check_lines(raw, problems)
    calendar = icalendar.Calendar.from_ical(raw)
    if str(calendar.get("METHOD")) != method:
        problems.append("METHOD %s, expected %s" % (calendar.get("METHOD"), method))
    events = calendar.walk("VEVENT")
    if len(events) != 1:
        return problems + ["%d VEVENTs" % len(events)]
    event = events[0]
    if str(event["UID"]) != uid:
        problems.append("UID %s, expected %s" % (event["UID"], uid))
    if int(event["SEQUENCE"]) != int(sequence):
        problems.append("SEQUENCE %s, expected %s" % (event["SEQUENCE"], sequence))
    status = "CANCELLED" if method == "CANCEL" else "CONFIRMED"
    if str(event["STATUS"]) != status:
        problems.append("STATUS %s, expected %s" % (event["STATUS"], status))
    if str(event["SUMMARY"]) != summary:
        problems.append("SUMMARY %r, expected %r" % (str(event["SUMMARY"]), summary))
    check_place(raw, event, attendance, url, problems)
    if "DTSTAMP" not in event or "ORGANIZER" not in event:
        problems.append("DTSTAMP or ORGANIZER missing")
    start_tzid = None if start_form == "utc" else zone
    check_time(calendar, event, "DTSTART", start_tzid, parse_utc(start), problems)
    check_time(calendar, event, "DTEND", zone, parse_utc(end), problems)
    return problems


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as directory:
        subprocess.run([sys.argv[1], directory], check=True)
        with open(directory + "/manifest.tsv", encoding="utf-8") as manifest:
            samples = [line.rstrip("\n").split("\t") for line in manifest if line.strip()]
        if not samples:
            sys.exit("no samples written")
        failed = False
        for fields in samples:
            problems = check_sample(directory, fields)
            print("%s: %s" % (fields[0], "ok" if not problems else "; ".join(problems)))
            failed = failed or bool(problems)
    print("icalendar %s read %d calendars" % (icalendar.__version__, len(samples)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
