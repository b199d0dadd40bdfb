// diagnostic: one problem found while loading outside data (content files, links, backups),
// with where it is and what is wrong, in words a content author can act on.
#pragma once

#include <string>
#include <vector>

namespace sb {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;     // e.g. "exercises.json"
  int line = 0;         // 1-based; 0 when unknown
  int col = 0;          // 1-based; 0 when unknown
  std::string key;      // dotted path of the value, e.g. "exercises[knee-to-chest].dosage.reps"
  std::string message;  // plain words, e.g. "must be between 1 and 50"
};

using Diagnostics = std::vector<Diagnostic>;

// "exercises.json:12:5: error: exercises[knee-to-chest].dosage.reps: must be between 1 and 50"
std::string format_diagnostic(const Diagnostic& d);

int count_errors(const Diagnostics& list);
int count_warnings(const Diagnostics& list);

}  // namespace sb
