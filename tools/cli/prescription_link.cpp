// prescription_link: makes a prescription link from a preset programme or a list of exercises,
// and reads any link back as plain text, with the app's own codec (core/prescription.h).
// For clinics preparing handouts, for checking a link a patient says does not open, and for
// the fuzz seeds. The link goes to stdout alone; its length goes to stderr.
// Usage:
//   prescription_link encode [options] PROGRAMME_ID
//   prescription_link encode [options] EXERCISE_ID...   (each with its default dosage)
//     --title TEXT         default: the programme's name, or "Home exercises"
//     --clinic TEXT        --note TEXT        --pain 0-10 (default 5)
//     --review YYYY-MM-DD  --base URL (default https://clinic.example/exercises/)
//   prescription_link decode LINK
//   Both take --assets DIR (default: the repository's assets folder).
// Exit code: 0 done, 1 bad link or prescription, 2 bad usage or unreadable content.
#include "core/content.h"
#include "core/dosage_text.h"
#include "core/prescription.h"
#include "core/strings.h"

#include <cstdio>
#include <utility>
#include <string>
#include <vector>

#include "read_file.h"

namespace {

constexpr const char* kDefaultAssetsDir = STEADY_SOURCE_DIR "/assets";
constexpr const char* kDefaultBase = "https://clinic.example/exercises/";
constexpr const char* kDefaultTitle = "Home exercises";

using sb_cli::read_file;

int usage() {
  std::fprintf(stderr,
               "usage: prescription_link encode [--title T] [--clinic C] [--note N] [--pain 0-10]\n"
               "                                [--review YYYY-MM-DD] [--base URL] [--assets DIR]\n"
               "                                PROGRAMME_ID | EXERCISE_ID...\n"
               "       prescription_link decode [--assets DIR] LINK\n");
  return 2;
}

struct Options {
  std::string command;
  std::string assets = kDefaultAssetsDir;
  std::string base = kDefaultBase;
  std::string title;
  bool title_given = false;
  std::string clinic;
  std::string note;
  std::string pain = "5";
  std::string review;
  std::vector<std::string> args;
};

// False on an unknown option or a missing value.
bool parse_options(int argc, char** argv, Options& o) {
  if (argc < 2) return false;
  o.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    const std::pair<const char*, std::string*> kValued[] = {
        {"--assets", &o.assets}, {"--base", &o.base},   {"--title", &o.title},
        {"--clinic", &o.clinic}, {"--note", &o.note},   {"--pain", &o.pain},
        {"--review", &o.review}};
    std::string* value = nullptr;
    for (const auto& [name, target] : kValued) {
      if (a == name) value = target;
    }
    o.title_given = o.title_given || a == "--title";
    if (!value && a.rfind("--", 0) == 0) return false;
    if (!value) {
      o.args.push_back(a);
    } else if (++i < argc) {
      *value = argv[i];
    } else {
      return false;
    }
  }
  return true;
}

bool load(const std::string& dir, sb::Content& content, sb::Strings& strings) {
  sb::ContentFiles files;
  bool ok = read_file(dir + "/exercises.json", files.exercises_json) &&
            read_file(dir + "/guidance.json", files.guidance_json) &&
            read_file(dir + "/programmes.json", files.programmes_json);
  std::string strings_json;
  ok = ok && read_file(dir + "/strings.json", strings_json);
  if (!ok) {
    std::fprintf(stderr, "error: cannot read the content files in %s\n", dir.c_str());
    return false;
  }
  sb::ContentLoad loaded = sb::load_content(files);
  if (sb::count_errors(loaded.diagnostics) > 0) {
    for (const sb::Diagnostic& d : loaded.diagnostics) {
      std::fprintf(stderr, "%s\n", sb::format_diagnostic(d).c_str());
    }
    return false;
  }
  content = std::move(loaded.content);
  strings = sb::load_strings(strings_json).strings;
  return true;
}

int encode(const Options& o, const sb::Content& content) {
  if (o.args.empty()) return usage();
  sb::Prescription p;
  const sb::Programme* preset = o.args.size() == 1 ? content.find_programme(o.args[0]) : nullptr;
  if (preset) {
    p.title = preset->name;
    p.items = preset->items;
  } else {
    p.title = kDefaultTitle;
    for (const std::string& id : o.args) {
      const sb::Exercise* e = content.find_exercise(id);
      if (!e) {
        std::fprintf(stderr, "error: \"%s\" is neither a programme nor an exercise id\n",
                     id.c_str());
        return 1;
      }
      p.items.push_back(sb::ProgrammeItem{e->id, e->dosage});
    }
  }
  if (o.title_given) p.title = o.title;
  p.clinic = o.clinic;
  p.note = o.note;
  p.review_date = o.review;
  const std::string& pain = o.pain;
  if (pain.empty() || pain.size() > 2 || pain.find_first_not_of("0123456789") != std::string::npos) {
    std::fprintf(stderr, "error: --pain takes a whole number from 0 to 10\n");
    return 2;
  }
  p.pain_threshold = std::stoi(pain);
  const sb::PrescriptionCheck check = sb::check_prescription(sb::link_precision(p), content);
  if (!check.ok()) {
    std::fprintf(stderr, "error (%s): %s\n", std::string(sb::to_string(check.error)).c_str(),
                 check.detail.c_str());
    return 1;
  }
  const std::string link = sb::prescription_link(o.base, p, content);
  std::printf("%s\n", link.c_str());
  std::fprintf(stderr, "%zu characters (%zu after \"#rx=\")\n", link.size(),
               sb::encode_prescription(p, content).size());
  return 0;
}

int decode(const Options& o, const sb::Content& content, const sb::Strings& strings) {
  if (o.args.size() != 1) return usage();
  const sb::PrescriptionDecode d = sb::decode_prescription(o.args[0], content);
  if (!d.ok()) {
    const std::string where = d.item >= 0 ? " in exercise " + std::to_string(d.item + 1) : "";
    std::printf("error (%s)%s: %s\n", std::string(sb::to_string(d.error)).c_str(),
                where.c_str(), d.detail.c_str());
    return 1;
  }
  const sb::Prescription& p = d.prescription;
  std::printf("format:  version %d\n", d.version);
  std::printf("title:   %s\n", p.title.c_str());
  if (!p.clinic.empty()) std::printf("clinic:  %s\n", p.clinic.c_str());
  if (!p.note.empty()) std::printf("note:    %s\n", p.note.c_str());
  std::printf("stop if pain goes above %d out of 10\n", p.pain_threshold);
  if (!p.review_date.empty()) std::printf("review:  %s\n", p.review_date.c_str());
  std::printf("exercises (%zu):\n", p.items.size());
  for (size_t i = 0; i < p.items.size(); ++i) {
    const sb::ProgrammeItem& item = p.items[i];
    const sb::Exercise& e = *content.find_exercise(item.exercise);
    const sb::Dosage& dose = item.dosage;
    std::printf("  %zu. %s (%s, code %d): %s\n", i + 1, e.name.c_str(), e.id.c_str(), e.code,
                sb::dosage_line(strings, dose, e.per_side, e.timed).c_str());
    std::printf("     sets %d, tempo %g s in / %g s out, rest %g s between reps / %g s "
                "between sets, %d days a week\n",
                dose.sets, dose.move_in_s, dose.move_out_s, dose.rest_rep_s, dose.rest_set_s,
                dose.days_per_week);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse_options(argc, argv, o) || (o.command != "encode" && o.command != "decode")) {
    return usage();
  }
  sb::Content content;
  sb::Strings strings;
  if (!load(o.assets, content, strings)) return 2;
  return o.command == "encode" ? encode(o, content) : decode(o, content, strings);
}
