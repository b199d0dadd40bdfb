// diagnostic: formatting and counting of load problems.
#include "core/diagnostic.h"

namespace sb {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ":" + std::to_string(d.line);
    if (d.col > 0) out += ":" + std::to_string(d.col);
  }
  out += d.severity == Severity::Error ? ": error: " : ": warning: ";
  if (!d.key.empty()) out += d.key + ": ";
  out += d.message;
  return out;
}

int count_errors(const Diagnostics& list) {
  int n = 0;
  for (const Diagnostic& d : list) n += d.severity == Severity::Error;
  return n;
}

int count_warnings(const Diagnostics& list) {
  int n = 0;
  for (const Diagnostic& d : list) n += d.severity == Severity::Warning;
  return n;
}

}  // namespace sb
