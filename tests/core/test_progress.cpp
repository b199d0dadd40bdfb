// Tests of the progress model: records round-trip, the first storage format still reads,
// damaged records are kept aside, the calendar views, the backup's validation and merge,
// and the clinician's CSV.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "core/progress.h"
#include "core/session.h"

namespace sb {
namespace {

constexpr long long kNov21 = 1763726400000LL;  // 2025-11-21 12:00 UTC
constexpr long long kDay = 86400000LL;

SessionLog sample_session(std::string id, long long start_ms) {
  SessionLog s;
  s.id = std::move(id);
  s.start_ms = start_ms;
  s.tz_offset_min = -60;
  s.active_s = 312.5;
  s.programme_id = "gentle-start";
  s.programme_name = "Gentle start, \"easy\" days";
  s.items = {LogItem{"knee-to-chest", ItemOutcome::Completed, 3, 9, 45.0, -1},
             LogItem{"pelvic-tilt", ItemOutcome::Stopped, 1, 4, 0.0, 6},
             LogItem{"bridge", ItemOutcome::Skipped, 0, 0, 0.0, -1},
             LogItem{"cat-cow", ItemOutcome::NotReached, 0, 0, 0.0, -1}};
  s.pain_before = 3;
  s.pain_after = 2;
  s.difficulty = Difficulty::Right;
  s.note = "Stiff after the drive.\nBetter later — ok";
  s.finished = true;
  return s;
}

void check_same(const SessionLog& a, const SessionLog& b) {
  CHECK(a.id == b.id);
  CHECK(a.start_ms == b.start_ms);
  CHECK(a.tz_offset_min == b.tz_offset_min);
  CHECK(a.active_s == b.active_s);
  CHECK(a.programme_id == b.programme_id);
  CHECK(a.programme_name == b.programme_name);
  REQUIRE(a.items.size() == b.items.size());
  for (size_t i = 0; i < a.items.size(); ++i) {
    CHECK(a.items[i].exercise_id == b.items[i].exercise_id);
    CHECK(a.items[i].outcome == b.items[i].outcome);
    CHECK(a.items[i].sets_done == b.items[i].sets_done);
    CHECK(a.items[i].reps_done == b.items[i].reps_done);
    CHECK(a.items[i].hold_s == b.items[i].hold_s);
    CHECK(a.items[i].pain_0_10 == b.items[i].pain_0_10);
  }
  CHECK(a.pain_before == b.pain_before);
  CHECK(a.pain_after == b.pain_after);
  CHECK(a.difficulty == b.difficulty);
  CHECK(a.note == b.note);
  CHECK(a.finished == b.finished);
}

Progress sample_progress() {
  Progress p;
  p.put(sample_session("s-1", kNov21 - 2 * kDay));
  p.put(sample_session("s-2", kNov21 - kDay));
  p.put(MorningCheck{"2025-11-21", true, kNov21});
  p.put(Adjustment{"pelvic-tilt", AdjustmentKind::Easier, "pelvic-tilt-small", kNov21});
  return p;
}

}  // namespace

TEST_CASE("every record type reads back exactly as it was written") {
  SessionLog s = sample_session("s-1732170000000-a3f9", kNov21);
  RecordRead<SessionLog> rs = read_session_record(to_json(s));
  REQUIRE_MESSAGE(rs.ok, rs.problem);
  check_same(rs.value, s);

  MorningCheck c{"2025-11-21", true, kNov21 + 5};
  RecordRead<MorningCheck> rc = read_check_record(to_json(c));
  REQUIRE(rc.ok);
  CHECK(rc.value.day == c.day);
  CHECK(rc.value.worse);
  CHECK(rc.value.at_ms == c.at_ms);

  for (AdjustmentKind kind : {AdjustmentKind::Easier, AdjustmentKind::LowerDose, AdjustmentKind::Harder}) {
    Adjustment a{"bridge", kind, kind == AdjustmentKind::LowerDose ? "" : "bridge-march", kNov21};
    RecordRead<Adjustment> ra = read_adjustment_record(to_json(a));
    REQUIRE_MESSAGE(ra.ok, ra.problem);
    CHECK(ra.value.exercise_id == "bridge");
    CHECK(ra.value.kind == kind);
    CHECK(ra.value.to_id == a.to_id);
  }
}

TEST_CASE("random session logs round-trip, odd numbers and text included") {
  std::mt19937 rng(20261121);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int n = 0; n < 300; ++n) {
    SessionLog s;
    s.id = "s-" + std::to_string(n);
    s.start_ms = kEarliestMs + static_cast<long long>(pick(0, 1 << 30)) * 1000;
    s.tz_offset_min = pick(-840, 720);
    s.active_s = std::uniform_real_distribution<double>(0, 7200)(rng);
    s.programme_id = "p" + std::to_string(pick(0, 9));
    s.programme_name = std::string("Name ") + static_cast<char>('A' + pick(0, 25)) + " \\ \" ü";
    int items = pick(0, 8);
    for (int i = 0; i < items; ++i) {
      s.items.push_back(LogItem{"ex-" + std::to_string(pick(0, 49)), static_cast<ItemOutcome>(pick(0, 4)),
                                pick(0, 10), pick(0, 500), std::uniform_real_distribution<double>(0, 3000)(rng),
                                pick(-1, 10)});
    }
    s.pain_before = pick(-1, 10);
    s.pain_after = pick(-1, 10);
    s.difficulty = static_cast<Difficulty>(pick(0, 3));
    s.note = pick(0, 1) ? "" : std::string(static_cast<size_t>(pick(1, 400)), 'x') + "\t\"end\"";
    s.finished = pick(0, 1) == 1;
    RecordRead<SessionLog> r = read_session_record(to_json(s));
    REQUIRE_MESSAGE(r.ok, r.problem);
    check_same(r.value, s);
  }
}

TEST_CASE("records of the first storage format (version 1) are upgraded when read") {
  RecordRead<SessionLog> r = read_session_record(
      R"({"v":1,"id":"s-old","start":1700000000000,"programme":"gentle-start","done":["knee-to-chest","bridge"],"skipped":["cat-cow"],"pain":4})");
  REQUIRE_MESSAGE(r.ok, r.problem);
  const SessionLog& s = r.value;
  CHECK(s.id == "s-old");
  CHECK(s.start_ms == 1700000000000LL);
  CHECK(s.tz_offset_min == 0);
  CHECK(s.programme_id == "gentle-start");
  REQUIRE(s.items.size() == 3);
  CHECK(s.items[0].outcome == ItemOutcome::Completed);
  CHECK(s.items[2].exercise_id == "cat-cow");
  CHECK(s.items[2].outcome == ItemOutcome::Skipped);
  CHECK(s.pain_after == 4);
  CHECK(s.pain_before == -1);
  CHECK(s.finished);
  // Without "v" a record is of the first format too.
  CHECK(read_session_record(R"({"id":"s-x","start":1700000000000,"programme":"p","done":[]})").ok);
  // Written again, it is in today's format and reads back the same.
  RecordRead<SessionLog> again = read_session_record(to_json(s));
  REQUIRE(again.ok);
  check_same(again.value, s);
  CHECK(to_json(s).find("\"v\":2") != std::string::npos);
  // An exercise name longer than today's format holds is refused here as it is there, with
  // the reason: taken, it would be written back as a record that no longer reads.
  RecordRead<SessionLog> too_long = read_session_record(
      R"({"v":1,"id":"s-long","start":1700000000000,"programme":"p","done":[")" + std::string(65, 'k') + R"("]})");
  CHECK_FALSE(too_long.ok);
  CHECK_MESSAGE(too_long.problem.find("done[0]: is 65 characters long; at most 64 fit") != std::string::npos,
                too_long.problem);
  CHECK(read_session_record(
            R"({"v":1,"id":"s-64","start":1700000000000,"programme":"p","done":[")" + std::string(64, 'k') + R"("]})")
            .ok);
}

TEST_CASE("stored records that cannot be read are kept aside with the reason, the rest load") {
  SessionLog good = sample_session("s-good", kNov21);
  std::vector<StoredRecord> sessions = {
      {"s-good", to_json(good)},
      {"s-cut", to_json(sample_session("s-cut", kNov21)).substr(0, 40)},
      {"s-type", R"({"v":2,"id":"s-type","start":"yesterday","tz":0,"active_s":1,"programme":"p","programme_name":"P","items":[],"finished":true})"},
      {"s-elsewhere", to_json(sample_session("s-other", kNov21))},
      {"s-future", R"({"v":7,"id":"s-future"})"},
  };
  std::vector<StoredRecord> checks = {{"2025-11-21", to_json(MorningCheck{"2025-11-21", false, kNov21})},
                                      {"2025-11-22", "null"}};
  Progress p = load_progress(sessions, checks, {});
  REQUIRE(p.sessions.size() == 1);
  CHECK(p.sessions[0].id == "s-good");
  CHECK(p.checks.size() == 1);
  REQUIRE(p.unreadable.size() == 5);
  CHECK(p.unreadable[0].key == "s-cut");
  CHECK(p.unreadable[0].problem.find("not complete JSON") != std::string::npos);
  CHECK(p.unreadable[1].problem.find("start: must be a whole number, not a string") != std::string::npos);
  CHECK(p.unreadable[2].problem == "its id does not match where it is stored");
  CHECK(p.unreadable[3].problem.find("v: must be between 1 and 2") != std::string::npos);
  CHECK(p.unreadable[4].store == "checks");
  // The text is kept byte for byte, and goes along in a backup.
  CHECK(p.unreadable[0].text == sessions[1].text);
  CHECK(backup_json(p, kNov21).find("\"store\":\"checks\",\"key\":\"2025-11-22\",\"text\":\"null\"") != std::string::npos);
}

namespace {

// A random session log; plain: ASCII text without characters JSON escapes (the common case,
// which the fast path reads), otherwise with quotes, tabs, line breaks and accents.
SessionLog random_session(std::mt19937& rng, int n, bool plain) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  SessionLog s;
  s.id = "s-" + std::to_string(kNov21 + n) + "-" + std::to_string(pick(0, 0xffff));
  s.start_ms = kEarliestMs + static_cast<long long>(pick(0, 1 << 30)) * 1000 + pick(0, 999);
  s.tz_offset_min = pick(-840, 720);
  s.active_s = pick(0, 3) == 0 ? pick(0, 7200) : std::uniform_real_distribution<double>(0, 7200)(rng);
  s.programme_id = "p" + std::to_string(pick(0, 9));
  s.programme_name = plain ? std::string("Gentle start ") + static_cast<char>('A' + pick(0, 25))
                           : std::string("Name \"") + static_cast<char>('A' + pick(0, 25)) + "\" \\ ü";
  int items = pick(0, 8);
  for (int i = 0; i < items; ++i) {
    s.items.push_back(LogItem{"ex-" + std::to_string(pick(0, 49)), static_cast<ItemOutcome>(pick(0, 4)), pick(0, 10),
                              pick(0, 500), pick(0, 1) ? 5.0 * pick(0, 60) : std::uniform_real_distribution<double>(0, 3000)(rng),
                              pick(-1, 10)});
  }
  s.pain_before = pick(-1, 10);
  s.pain_after = pick(-1, 10);
  s.difficulty = static_cast<Difficulty>(pick(0, 3));
  if (pick(0, 1)) s.note = plain ? "Felt fine, a bit stiff (" + std::to_string(n) + ")" : "Stiff\nthen \"ok\"\tü";
  s.finished = pick(0, 1) == 1;
  return s;
}

// Session lines in buckets, as the page hands them over.
std::string bucket_lines(const std::vector<std::pair<std::string, std::vector<std::string>>>& buckets) {
  std::string out;
  for (const auto& [key, lines] : buckets) {
    out += "#" + key + "\n";
    for (const std::string& line : lines) out += line + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("the fast path reads stored sessions exactly as the full reader does") {
  std::mt19937 rng(611);
  int fast = 0;
  for (int n = 0; n < 300; ++n) {
    bool plain = n % 4 != 0;
    SessionLog s = random_session(rng, n, plain);
    std::string text = to_json(s);
    SessionLog quick;
    bool took = read_session_fast(text, quick);
    CHECK_MESSAGE(took == plain, text);  // everything the app writes in plain text goes the fast way
    fast += took;
    RecordRead<SessionLog> full = read_session_record(text);
    REQUIRE_MESSAGE(full.ok, full.problem);
    check_same(full.value, s);
    if (took) check_same(quick, full.value);
    // The compact stored line: the same log, either way, in less than half the bytes.
    std::string line = to_stored_line(s);
    CHECK(line.size() * 2 < text.size() + 40);
    SessionLog quick_line;
    CHECK_MESSAGE(read_session_fast(line, quick_line) == plain, line);
    RecordRead<SessionLog> full_line = read_session_record(line);
    REQUIRE_MESSAGE(full_line.ok, full_line.problem);
    check_same(full_line.value, s);
    if (plain) check_same(quick_line, s);
  }
  CHECK(fast == 225);
}

TEST_CASE("the fast path gives up on anything odd, and never takes what the full reader refuses") {
  std::mt19937 rng(612);
  SessionLog probe_log = random_session(rng, 1, true);
  probe_log.note = "ok";
  probe_log.pain_after = 4;
  // Every cut, and every byte changed to a few others: whenever the fast path takes a line,
  // the full reader takes it too, with the same values.
  int taken = 0, refused_by_both = 0;
  auto probe = [&](const std::string& t) {
    SessionLog quick;
    bool took = read_session_fast(t, quick);
    RecordRead<SessionLog> full = read_session_record(t);
    if (took) {
      ++taken;
      REQUIRE_MESSAGE(full.ok, t);
      check_same(quick, full.value);
    } else if (!full.ok) {
      ++refused_by_both;
    }
  };
  for (const std::string& text : {to_json(probe_log), to_stored_line(probe_log)}) {
    for (size_t cut = 0; cut < text.size(); ++cut) probe(text.substr(0, cut));
    for (size_t i = 0; i < text.size(); ++i) {
      for (char c : {'0', '9', '-', '.', 'e', '"', ',', '\\', ' ', 'x', ']', '['}) {
        std::string t = text;
        t[i] = c;
        probe(t);
      }
    }
  }
  CHECK(taken > 0);
  CHECK(refused_by_both > 100);
  // Values out of bounds go to the full reader, which says why.
  SessionLog out;
  SessionLog s = sample_session("s-1", kNov21);
  s.programme_name = "Gentle start";
  s.note = "fine";
  std::string good = to_json(s);
  REQUIRE(read_session_fast(good, out));
  for (auto [from, to] : {std::pair<std::string, std::string>{"\"tz\":-60", "\"tz\":-6000"},
                          {"\"pain_before\":3", "\"pain_before\":11"},
                          {"\"sets\":3", "\"sets\":99"},
                          {"\"v\":2", "\"v\":3"},
                          {"\"start\":1763726400000", "\"start\":17637264000"},
                          {"\"active_s\":312.5", "\"active_s\":-1"}}) {
    std::string t = good;
    REQUIRE(t.find(from) != std::string::npos);
    t.replace(t.find(from), from.size(), to);
    CHECK_MESSAGE(!read_session_fast(t, out), t);
    RecordRead<SessionLog> full = read_session_record(t);
    CHECK_FALSE(full.ok);
    CHECK_FALSE(full.problem.empty());
  }
}

TEST_CASE("300 random sessions stored a week to a bucket load back the same, whichever reader took them") {
  std::mt19937 rng(613);
  std::vector<SessionLog> logs;
  std::vector<std::pair<std::string, std::vector<std::string>>> buckets;
  for (int n = 0; n < 300; ++n) {
    logs.push_back(random_session(rng, n, n % 3 != 0));
    if (n % 7 == 0) buckets.push_back({"2025-W" + std::to_string(n / 7), {}});
    buckets.back().second.push_back(n % 2 ? to_stored_line(logs.back()) : to_json(logs.back()));
  }
  // A first-format record and a damaged line, in a bucket of their own.
  buckets.push_back({"2023-W40", {R"({"v":1,"id":"s-old","start":1700000000000,"programme":"p","done":["a"]})",
                                  R"({"v":2,"id":"s-broken","start":)"}});
  // The same session twice (a bucket copied): it loads once.
  buckets.push_back({"2025-W99", {to_json(logs[5])}});
  std::vector<StoredRecord> aside = {{"s-aside", "not json at all"}};
  Progress p = load_progress(bucket_lines(buckets), aside, {}, {});
  REQUIRE(p.sessions.size() == 301);
  for (const SessionLog& s : logs) {
    const SessionLog* got = p.find_session(s.id);
    REQUIRE_MESSAGE(got, s.id);
    check_same(*got, s);
  }
  CHECK(p.find_session("s-old"));
  CHECK(std::is_sorted(p.sessions.begin(), p.sessions.end(),
                       [](const SessionLog& a, const SessionLog& b) { return a.start_ms < b.start_ms; }));
  REQUIRE(p.unreadable.size() == 2);
  CHECK(p.unreadable[0].store == "sessions");
  CHECK(p.unreadable[0].key == "2023-W40");
  CHECK(p.unreadable[0].text == R"({"v":2,"id":"s-broken","start":)");
  CHECK(p.unreadable[0].problem.find("not complete JSON") != std::string::npos);
  CHECK(p.unreadable[1].key == "s-aside");
  // Loaded the old way, one record a key, the same sessions come out.
  std::vector<StoredRecord> one_per_key;
  for (const SessionLog& s : logs) one_per_key.push_back({s.id, to_json(s)});
  Progress q = load_progress(one_per_key, {}, {});
  REQUIRE(q.sessions.size() == 300);
  for (const SessionLog& s : q.sessions) check_same(s, *p.find_session(s.id));
}

TEST_CASE("a session log is made from the player's records") {
  SessionPlan plan;
  SessionItem a;
  a.exercise_id = "knee-to-chest";
  a.per_side = true;
  a.reps = 2;
  a.sets = 1;
  a.hold_s = 5;
  a.move_in_s = a.move_out_s = 1;
  SessionItem b;
  b.exercise_id = "bridge";
  b.reps = 3;
  plan.items = {a, b};
  SessionState state = session_start(plan, 100.0);
  SessionView end = session_view(state, 100.0 + build_timeline(plan).total_s + 1);
  REQUIRE(end.finished);
  SessionLog log = make_session_log(state, end, "s-t", kNov21, -60, "p", "Programme");
  REQUIRE(log.items.size() == 2);
  CHECK(log.items[0].outcome == ItemOutcome::Completed);
  CHECK(log.items[0].sets_done == 1);
  CHECK(log.items[0].reps_done == 2);
  CHECK(log.items[0].hold_s == doctest::Approx(20.0));  // 2 reps x 5 s x 2 sides
  CHECK(log.items[1].reps_done == 3);
  CHECK(log.finished);
  CHECK(log.active_s > 0);
}

TEST_CASE("calendar: local days, date text, weekdays, streaks and weeks") {
  CHECK(day_text(0) == "1970-01-01");
  CHECK(day_from_text("1970-01-01") == 0);
  CHECK(day_from_text("2024-02-29") == day_from_text("2024-02-28") + 1);
  CHECK(day_from_text("2025-02-29") == -1);
  CHECK(day_from_text("2025-04-31") == -1);
  CHECK(day_from_text("2025-4-3") == -1);
  for (int d = -1000; d < 40000; d += 37) CHECK(day_from_text(day_text(d)) == (d >= 0 ? d : -1));
  int nov21 = day_from_text("2025-11-21");
  CHECK(weekday(nov21) == 4);  // a Friday
  // 23:30 in New York (UTC-5, offset +300) on the 20th is already the 21st in UTC.
  long long ms = 1763699400000LL;  // 2025-11-21 04:30 UTC
  CHECK(local_day(ms, 300) == nov21 - 1);
  CHECK(local_day(ms, -60) == nov21);

  Progress p;
  auto add = [&](const char* id, int day, ItemOutcome outcome) {
    SessionLog s;
    s.id = id;
    s.start_ms = static_cast<long long>(day) * kDay + 9 * 3600000LL;
    s.items = {LogItem{"bridge", outcome, 1, 5, 0, -1}};
    p.put(s);
  };
  add("a", nov21 - 3, ItemOutcome::Completed);
  add("b", nov21 - 2, ItemOutcome::Completed);
  add("b2", nov21 - 2, ItemOutcome::Completed);
  add("c", nov21 - 1, ItemOutcome::Completed);
  add("d", nov21 - 5, ItemOutcome::Completed);
  add("skipped-only", nov21, ItemOutcome::Skipped);
  CHECK(streak_days(p, nov21) == 3);      // today not done yet: the streak still stands
  CHECK(streak_days(p, nov21 + 1) == 0);  // a whole day missed
  add("e", nov21, ItemOutcome::Completed);
  CHECK(streak_days(p, nov21) == 4);
  CHECK(days_done_in_week(p, nov21) == 4);  // Tue 18th to Fri 21st; Sun 16th was last week
  CHECK(done_days(p, nov21 - 10, nov21).size() == 5);
  CHECK(done_on(p, nov21 - 5));
  CHECK_FALSE(done_on(p, nov21 - 4));
}

TEST_CASE("pain trend and per-exercise history") {
  Progress p = sample_progress();
  int nov21 = day_from_text("2025-11-21");
  std::vector<PainPoint> trend = pain_trend(p, nov21 - 30, nov21);
  REQUIRE(trend.size() == 2);
  CHECK(trend[0].pain_0_10 == 2);
  CHECK(trend[0].after);
  std::vector<ExerciseHistory> h = exercise_histories(p);
  REQUIRE(h.size() == 3);  // not-reached items are not history
  const ExerciseHistory* tilt = nullptr;
  for (const ExerciseHistory& x : h) {
    if (x.exercise_id == "pelvic-tilt") tilt = &x;
  }
  REQUIRE(tilt);
  CHECK(tilt->times_stopped == 2);
  CHECK(tilt->points.size() == 2);
  CHECK(tilt->points[0].pain_0_10 == 6);
}

TEST_CASE("a backup reads back into a fresh device as the same history") {
  Progress p = sample_progress();
  std::string file = backup_json(p, kNov21);
  BackupRead b = read_backup(file, kNov21);
  REQUIRE(b.error == ImportError::None);
  Progress fresh;
  MergeResult m = merge_backup(fresh, b);
  CHECK(m.added_sessions.size() == 2);
  CHECK(m.added_checks.size() == 1);
  CHECK(m.added_adjustments.size() == 1);
  CHECK(m.already_here == 0);
  CHECK(backup_json(fresh, kNov21) == file);
}

TEST_CASE("importing the same backup twice changes nothing the second time") {
  Progress p = sample_progress();
  BackupRead b = read_backup(backup_json(p, kNov21), kNov21);
  Progress other;
  other.put(sample_session("s-mine", kNov21 - 3 * kDay));
  MergeResult first = merge_backup(other, b);
  CHECK(first.added_sessions.size() == 2);
  std::string after_first = backup_json(other, kNov21);
  MergeResult second = merge_backup(other, b);
  CHECK(second.added_sessions.empty());
  CHECK(second.added_checks.empty());
  CHECK(second.added_adjustments.empty());
  CHECK(second.already_here == 4);
  CHECK(backup_json(other, kNov21) == after_first);
}

TEST_CASE("a record already here is never overwritten by a different one in a backup") {
  Progress mine;
  SessionLog s = sample_session("s-1", kNov21);
  s.note = "mine";
  mine.put(s);
  mine.put(MorningCheck{"2025-11-21", false, kNov21});
  Progress theirs = sample_progress();  // s-1 with another note, a worse morning the same day
  MergeResult m = merge_backup(mine, read_backup(backup_json(theirs, kNov21), kNov21));
  CHECK(m.already_here == 2);
  CHECK(mine.find_session("s-1")->note == "mine");
  CHECK_FALSE(mine.find_check("2025-11-21")->worse);
  CHECK(mine.sessions.size() == 2);
}

TEST_CASE("every kind of bad backup is refused with its own reason and leaves progress untouched") {
  Progress mine = sample_progress();
  const std::string before = backup_json(mine, kNov21);
  const std::string good = backup_json(sample_progress(), kNov21);
  auto refused = [&](const std::string& text, ImportError expected, const char* words) {
    BackupRead b = read_backup(text, kNov21);
    CHECK(b.error == expected);
    CHECK(b.sessions.empty());
    REQUIRE_FALSE(b.diagnostics.empty());
    CHECK_MESSAGE(format_diagnostic(b.diagnostics[0]).find(words) != std::string::npos, format_diagnostic(b.diagnostics[0]));
    MergeResult m = merge_backup(mine, b);
    CHECK(m.added_sessions.empty());
    CHECK(backup_json(mine, kNov21) == before);
  };
  SUBCASE("truncated") { refused(good.substr(0, good.size() / 2), ImportError::NotJson, "backup:"); }
  SUBCASE("empty") { refused("", ImportError::NotJson, "backup"); }
  SUBCASE("another app's file") { refused(R"({"app":"other","kind":"backup","version":1})", ImportError::NotBackup, "not a Steady Back backup"); }
  SUBCASE("a list, not a backup") { refused("[1,2,3]", ImportError::NotBackup, "not a Steady Back backup"); }
  SUBCASE("future version") {
    std::string f = good;
    f.replace(f.find("\"version\":1"), 11, "\"version\":9");
    refused(f, ImportError::FutureVersion, "newer version");
  }
  SUBCASE("wrong types") {
    std::string f = good;
    f.replace(f.find("\"sets\":3"), 8, "\"sets\":\"3\"");
    refused(f, ImportError::BadRecord, "sessions[0].items[0].sets: must be a whole number, not a string");
  }
  SUBCASE("huge values") {
    std::string f = good;
    f.replace(f.find("\"reps\":9"), 8, "\"reps\":900000");
    refused(f, ImportError::BadRecord, "reps: must be between 0 and 1000");
  }
  SUBCASE("pain out of range") {
    std::string f = good;
    f.replace(f.find("\"pain_after\":2"), 14, "\"pain_after\":11");
    refused(f, ImportError::BadRecord, "pain_after: must be between 0 and 10");
  }
  SUBCASE("a start in the future") {
    std::string f = good;
    f.replace(f.find("\"start\":"), 8, "\"start\":9");
    refused(f, ImportError::BadRecord, "not a believable date");
  }
  SUBCASE("a note far too long") {
    std::string f = good;
    f.insert(f.find("\"note\":\"") + 8, std::string(5000, 'n'));
    refused(f, ImportError::BadRecord, "characters long");
  }
  SUBCASE("duplicate ids") {
    std::string f = good;
    f.replace(f.find("\"id\":\"s-2\""), 10, "\"id\":\"s-1\"");
    refused(f, ImportError::DuplicateId, "appears twice");
  }
  SUBCASE("too big") { refused(std::string(kBackupMaxBytes + 1, ' '), ImportError::TooBig, "at most 32 MB"); }
}

TEST_CASE("the clinician's CSV has a row per exercise, quoted and defused") {
  Content content;
  Progress p;
  SessionLog s = sample_session("s-1", kNov21);
  s.note = "=HYPERLINK(\"x\"), said \"ok\"";
  p.put(s);
  std::string csv = sessions_csv(p, content);
  CHECK(csv.rfind("date,time,programme,exercise,outcome,", 0) == 0);
  CHECK(csv.find("\r\n2025-11-21,13:00,\"Gentle start, \"\"easy\"\" days\",knee-to-chest,done,3,9,45,,3,2,right,") !=
        std::string::npos);
  CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\"), said \"\"ok\"\"\"") != std::string::npos);
  CHECK(csv.find(",stopped,1,4,0,6,") != std::string::npos);
  int rows = 0;
  for (size_t at = 0; (at = csv.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  CHECK(rows == 5);  // header + 4 exercises
}

}  // namespace sb

#include "core/settings.h"

namespace sb {

TEST_CASE("settings read back, and damaged settings fall back to defaults one by one") {
  Settings s;
  s.sound = false;
  s.volume = 0.3;
  s.speech = false;
  s.vibration = false;
  s.programme_id = "office-break";
  s.pain_threshold = 4;
  Settings r = read_settings_record(to_json(s));
  CHECK_FALSE(r.sound);
  CHECK(r.volume == doctest::Approx(0.3));
  CHECK_FALSE(r.speech);
  CHECK_FALSE(r.vibration);
  CHECK(r.programme_id == "office-break");
  CHECK(r.pain_threshold == 4);
  std::string problem;
  Settings bad = read_settings_record(R"({"v":1,"sound":"loud","volume":7,"speech":false})", &problem);
  CHECK(bad.sound);
  CHECK(bad.volume == doctest::Approx(0.8));
  CHECK_FALSE(bad.speech);
  CHECK(problem.find("sound") != std::string::npos);
  Settings broken = read_settings_record("{\"sound\":", &problem);
  CHECK(broken.sound);
  CHECK(problem == "the saved settings are damaged");
}

}  // namespace sb

namespace sb {

TEST_CASE("a note is kept as plain text: trimmed, no control characters, at most 500 characters") {
  CHECK(clean_note("  Stiff after driving.\n") == "Stiff after driving.");
  CHECK(clean_note("a\tb\x01" "c\r\nd") == "abc\nd");
  CHECK(clean_note(" \n ") == "");
  CHECK(clean_note("<b>bold</b> & \"quotes\"") == "<b>bold</b> & \"quotes\"");
  std::string long_text;
  for (int i = 0; i < 600; ++i) long_text += "é";
  std::string kept = clean_note(long_text);
  CHECK(kept.size() == 2u * kNoteMaxChars);  // whole two-byte characters, none cut in half
  SessionLog s;
  s.id = "s-n";
  s.start_ms = kEarliestMs;
  s.programme_id = "p";
  s.programme_name = "P";
  s.note = kept;
  RecordRead<SessionLog> r = read_session_record(to_json(s));
  REQUIRE_MESSAGE(r.ok, r.problem);
  CHECK(r.value.note == kept);
}

}  // namespace sb
