// main: creates the window, loads the embedded content, and runs the frame loop on the
// browser's requestAnimationFrame. Renders only when something changed.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "app.h"
#include "core/content.h"
#include "core/dosage_text.h"
#include "core/hash.h"
#include "core/json.h"
#include "core/library_filter.h"
#include "core/prescription.h"
#include "core/strings.h"
#include "platform/embedded.h"
#include "platform/figure_renderer.h"
#include "platform/gl_program.h"
#include "platform/page.h"
#include "core/pain_rules.h"
#include "platform/ui_renderer.h"
#include "core/session_plan.h"
#include "platform/clinic_state.h"
#include "platform/cue_output.h"
#include "platform/progress_keeper.h"
#include "platform/storage.h"
#include "core/prescription.h"
#include "ui/builder.h"
#include "ui/exercise_detail.h"
#include "ui/handout.h"
#include "ui/history.h"
#include "ui/library.h"
#include "ui/player.h"
#include "ui/poses.h"
#include "ui/prescription_view.h"
#include "ui/qr.h"
#include "ui/safety.h"
#include "ui/settings.h"
#include "ui/today.h"
#include "ui/welcome.h"

namespace sb {
namespace {

float text_scale(const App& app) {
  return kTextScales[std::clamp(app.keeper.settings.text_size, 0, kTextSizeCount - 1)];
}

// Makes a part of the fonts and hands its atlas to the renderer; false when fonts broke.
bool make_font_part(App& app, FontPart part, Glyphs glyphs = Glyphs::All) {
  ImFontAtlas* atlas = build_font_part(app.fonts, part, glyphs);
  if (!atlas) return false;
  ui_renderer_upload_fonts(app.ui_renderer, *atlas, static_cast<int>(part));
  return true;
}

// Remakes the fonts when the pixel ratio or text size changed; false when fonts broke. The
// screens' fonts are made at once, the counter's in a next frame (start_step). The time it
// took goes to window.__steady.font_build_ms.
bool refresh_fonts(App& app, float dpr) {
  const float scale = text_scale(app);
  if (app.fonts.dpr == dpr && app.fonts.text_scale == scale) return true;
  const double start_ms = emscripten_get_now();
  reset_fonts(app.fonts, dpr, scale);
  for (int i = 0; i < kFontParts; ++i) {
    const auto part = static_cast<FontPart>(i);
    if (part != FontPart::Counter && !make_font_part(app, part)) return false;
  }
  page_set_stat("font_build_ms", emscripten_get_now() - start_ms);
  return true;
}

// Colours and motion from the person's settings, or from their system where they left it.
void apply_look(App& app) {
  const Settings& st = app.keeper.settings;
  std::string id = theme_id_for(st.theme, app.device_dark, app.device_more_contrast);
  app.reduced_motion = motion_reduced(st.motion, app.device_reduced_motion);
  if (id == app.theme_id) return;
  app.theme_id = id;
  app.palette = load_palette(embedded_text(find_embedded("themes.json")), app.theme_id, clinic_in_use(app.clinic));
  apply_theme(app.palette);
  page_set_theme(app.theme_id);
}

void announce_screen(App& app) {
  if (app.screen_announced) return;
  app.screen_announced = true;
  const Strings& s = app.strings;
  switch (app.screen) {
    case Screen::Welcome: page_announce(s.get("announce.welcome")); break;
    case Screen::Library: {
      const size_t n = filter_library(app.content.exercises, app.library.filter).size();
      page_announce(s.format("announce.library", {{"n", std::to_string(n)}}));
      app.library.announced = app.library.filter;
      break;
    }
    case Screen::Exercise: {
      const Exercise& e = app.content.exercises[static_cast<size_t>(app.exercise)];
      page_announce(s.format("announce.detail", {{"name", e.name}, {"dosage", dosage_line(s, e.dosage, e.per_side, e.timed)}}));
      break;
    }
    case Screen::Today: {
      const Programme& p = app.content.programmes[static_cast<size_t>(app.programme)];
      page_announce(s.format("announce.today", {{"name", p.name}, {"n", std::to_string(p.items.size())}}));
      break;
    }
    case Screen::Programmes: page_announce(s.get("announce.programmes")); break;
    case Screen::Poses: {
      const Exercise& e = app.content.exercises[static_cast<size_t>(app.exercise)];
      page_announce(s.format("announce.poses", {{"name", e.name}}));
      break;
    }
    case Screen::Player:
      page_announce(s.format("announce.player", {{"n", std::to_string(app.session.plan.items.size())}}));
      break;
    case Screen::Before: page_announce(s.get("announce.before")); break;
    case Screen::Prescription:
      if (app.incoming.ok()) {
        const Prescription& p = app.incoming.prescription;
        page_announce(s.format("announce.prescription", {{"name", p.title}, {"clinic", p.clinic}, {"note", p.note},
                                                         {"n", std::to_string(p.items.size())}}));
      } else {
        page_announce(s.get("prescription.error.heading") + " " + s.get(prescription_error_key(app.incoming.error)));
      }
      break;
    case Screen::Builder: page_announce(s.get("announce.builder")); break;
    case Screen::Share: page_announce(s.get("announce.share")); break;
    case Screen::History:
      page_announce(s.format("announce.history", {{"n", std::to_string(app.history.total)},
                                                  {"streak", std::to_string(app.history.streak)}}));
      break;
    case Screen::SafetyCheck: page_announce(s.get("announce.safety_check") + " " + safety_check_text(s)); break;
    case Screen::Care: page_announce(care_text(s, app.care_urgent)); break;
    case Screen::About: page_announce(s.get("announce.about")); break;
    case Screen::Settings: page_announce(s.get("announce.settings")); break;
  }
}

double wall_now_s() { return emscripten_get_now() / 1000.0; }

// Draws the exercise's figure at frame into slot with the WebGL renderer (job k of the frame).
void draw_figure(App& app, int k, const std::string& exercise_id, const FigureFrame& frame, const FigureSlot& slot) {
  if (slot.h <= 0 || !app.figure_renderer.ready) return;
  const Clip* clip = app.clips.find(exercise_id);
  const Exercise* e = app.content.find_exercise(exercise_id);
  if (!clip || !e) return;
  FigureFit& fit = app.figure_fit;
  if (fit.clip != clip || fit.slot_w != slot.w || fit.slot_h != slot.h) fit = fit_figure(*clip, slot.w, slot.h);
  FigureDrawJob& job = app.figure_jobs[static_cast<size_t>(k)];
  figure_batch(*clip, fit, frame, slot, app.palette, target_mask(*e), job.batch);
  ImDrawList* dl = slot.draw_list ? slot.draw_list : ImGui::GetForegroundDrawList();
  dl->PushClipRect(slot.clip_min, slot.clip_max, false);
  dl->PushClipRect(ImVec2(slot.x, slot.y), ImVec2(slot.x + slot.w, slot.y + slot.h), true);
  figure_renderer_queue(dl, &job);
  dl->PopClipRect();
  dl->PopClipRect();
}

void go_to(App& app, Screen screen) {
  app.back_stack.push_back(app.screen);
  app.screen = screen;
  app.screen_announced = false;
}

void go_back(App& app) {
  if (app.back_stack.empty()) return;
  app.screen = app.back_stack.back();
  app.back_stack.pop_back();
  app.screen_announced = false;
}

// ---- progress ------------------------------------------------------------------------------

int today_day() { return local_day(clock_now_ms(), clock_tz_offset_min()); }

constexpr const char* kPrescriptionProgrammeId = "prescription";  // to_programme's id

const Programme& current_programme(const App& app) { return app.content.programmes[static_cast<size_t>(app.programme)]; }

int pain_threshold(const App& app) {
  // A prescription brings its own limit while it is the programme being followed.
  if (current_programme(app).id == kPrescriptionProgrammeId && !app.prescription.title.empty()) {
    return app.prescription.pain_threshold;
  }
  int t = app.keeper.settings.pain_threshold;
  if (t >= 0) return t;
  const ClinicConfig* c = clinic_in_use(app.clinic);
  return c && c->pain_threshold >= 0 ? c->pain_threshold : kPainThresholdDefault;
}

// s as a JSON string, for the messages to an embedding page.
std::string quoted_json(const std::string& s) {
  std::string out;
  json_append_string(out, s);
  return out;
}

int install_prescription(App& app, const Prescription& p);

// ---- clinic ----------------------------------------------------------------------------------

void set_page_title(const App& app);

// Applies clinic.json once it has been read: brand colours, name, contact line, page title,
// default programme (unless the person chose one), and the embedding page's settings.
void apply_clinic(App& app) {
  embed_configure(app.clinic);
  const ClinicConfig* c = clinic_in_use(app.clinic);
  if (!c) return;
  app.palette = load_palette(embedded_text(find_embedded("themes.json")), app.theme_id, c);
  apply_theme(app.palette);
  app.brand.name = c->name;
  app.brand.contact = c->contact;
  int chosen = -1;
  if (c->has_prescription) {
    // The clinic's programme, unless the person already follows a prescription of their own.
    if (const Programme* existing = app.content.find_programme(kPrescriptionProgrammeId)) {
      chosen = static_cast<int>(existing - app.content.programmes.data());
    } else {
      app.prescription = c->prescription;
      chosen = install_prescription(app, c->prescription);
    }
  } else if (const Programme* p = app.content.find_programme(c->default_programme)) {
    chosen = static_cast<int>(p - app.content.programmes.data());
  }
  const bool person_chose = app.settings_applied && app.content.find_programme(app.keeper.settings.programme_id);
  if (chosen >= 0 && !person_chose) app.programme = chosen;
  ++app.progress_revision;
  set_page_title(app);
}

// The print report with the clinic's name and contact line on top (as "clinic"), if any.
std::string with_clinic(const App& app, std::string report) {
  std::string line = app.brand.name;
  if (!app.brand.contact.empty()) line += (line.empty() ? "" : "  ·  ") + app.brand.contact;
  if (line.empty() || report.empty() || report[0] != '{') return report;
  return "{\"clinic\":" + quoted_json(line) + "," + report.substr(1);
}

// Shows the logo once it has been decoded.
void apply_logo(App& app) {
  if (!app.clinic.logo_texture || app.brand.logo) return;
  app.brand.logo = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(app.clinic.logo_texture));
  app.brand.logo_aspect = static_cast<float>(app.clinic.logo_w_px) / static_cast<float>(app.clinic.logo_h_px);
}

// What to tell the person about keeping their progress, before they start ("" when all is well).
std::string storage_notice(const App& app) {
  const ProgressKeeper& k = app.keeper;
  if (!k.available) return app.strings.get(k.unavailable_reason == "closed" ? "storage.closed" : "storage.unavailable");
  if (k.write_error == StorageWriteError::Quota) return app.strings.get("storage.quota");
  if (k.write_error == StorageWriteError::Failed) return app.strings.get("storage.failed");
  return "";
}

// What the last import did, in plain words.
std::string import_message(const App& app) {
  const ImportOutcome& im = app.keeper.import;
  static constexpr const char* kErrorKeys[] = {"", "import.error.not_json", "import.error.not_backup", "import.error.future",
                                               "import.error.bad_record", "import.error.duplicate", "import.error.too_big"};
  if (im.error == ImportError::None) {
    return app.strings.format("import.added", {{"added", std::to_string(im.added)}, {"here", std::to_string(im.already_here)}});
  }
  std::string text = app.strings.get(kErrorKeys[static_cast<int>(im.error)]);
  if (!im.detail.empty()) text += " (" + im.detail + ")";
  return text;
}

// Recomputes the Today and History views when progress, the programme or the day changed.
void refresh_views(App& app) {
  const int today = today_day();
  if (app.views_revision == app.progress_revision && app.views_day == today) return;
  app.views_revision = app.progress_revision;
  app.views_day = today;
  const Progress& progress = app.keeper.progress;
  const Programme& p = current_programme(app);
  std::vector<Suggestion> all = suggest(progress, p.items, app.content, pain_threshold(app), today);
  app.suggestions.clear();
  for (const Suggestion& sug : all) {
    if (std::find(app.dismissed.begin(), app.dismissed.end(), sug.exercise_id) == app.dismissed.end()) {
      app.suggestions.push_back(sug);
    }
  }
  int target = 0;
  for (const ProgrammeItem& it : p.items) target = std::max(target, it.dosage.days_per_week);
  TodayInfo& t = app.today_info;
  t = TodayInfo{};
  t.items = adjusted_programme(p.items, progress.adjustments, app.content);
  for (const ProgrammeItem& it : p.items) {
    if (const Adjustment* a = progress.find_adjustment(it.exercise)) t.changes.push_back(change_text(app.strings, app.content, *a));
  }
  t.streak = streak_days(progress, today);
  t.week_done = days_done_in_week(progress, today);
  t.week_target = target;
  t.done_today = done_on(progress, today);
  bool recent = !done_days(progress, today - 2, today - 1).empty();
  t.ask_morning = app.keeper.loaded && recent && !t.done_today && !progress.find_check(day_text(today));
  t.suggestions = static_cast<int>(app.suggestions.size());
  t.storage_notice = storage_notice(app);
  app.history = make_history_model(progress, app.suggestions, today, target, pain_threshold(app));
  HistoryModel& h = app.history;
  if (!t.storage_notice.empty()) {
    h.notices.push_back(t.storage_notice);
    h.notice_danger.push_back(true);
  }
  if (!progress.unreadable.empty()) {
    h.notices.push_back(app.strings.format("storage.unreadable", {{"n", std::to_string(progress.unreadable.size())}}));
    h.notice_danger.push_back(true);
  }
  if (app.keeper.import.done) {
    h.notices.push_back(import_message(app));
    h.notice_danger.push_back(app.keeper.import.error != ImportError::None);
  }
  h.embedded = files_embedded();
}

// Applies the stored settings once progress has loaded.
int install_prescription(App& app, const Prescription& p);
void set_page_title(const App& app);

void apply_loaded_settings(App& app) {
  const Settings& st = app.keeper.settings;
  if (!st.prescription.empty()) {
    PrescriptionDecode rx = decode_prescription(st.prescription, app.content);
    if (rx.ok()) {
      app.prescription = rx.prescription;
      install_prescription(app, rx.prescription);
    } else {
      std::fprintf(stderr, "settings: the kept prescription cannot be read (%s)\n", std::string(to_string(rx.error)).c_str());
    }
  }
  if (const Programme* p = app.content.find_programme(st.programme_id)) {
    app.programme = static_cast<int>(p - app.content.programmes.data());
  }
  app.cue_settings = CueSettings{st.sound, static_cast<float>(st.volume), st.speech, st.vibration};
  set_page_title(app);
  apply_look(app);
}

void save_settings(App& app) {
  Settings& st = app.keeper.settings;
  st.sound = app.cue_settings.sound;
  st.volume = app.cue_settings.volume;
  st.speech = app.cue_settings.speech;
  st.vibration = app.cue_settings.vibration;
  st.programme_id = current_programme(app).id;
  keeper_save_settings(app.keeper);
}

// Brings the session's log up to date and saves it whenever an outcome or rating changed,
// so a session is on disk the moment it ends, even if the page closes right after.
void update_log(App& app, const SessionView& view) {
  const Programme& p = current_programme(app);
  SessionLog log = make_session_log(app.session, view, app.log.id, app.log.start_ms, app.log.tz_offset_min, p.id, p.name);
  log.pain_before = app.log.pain_before;
  log.pain_after = app.answers.pain_after;
  log.difficulty = app.answers.difficulty;
  log.note = app.answers.note;
  std::string signature = std::to_string(log.finished) + "/" + std::to_string(log.pain_after) + "/" +
                          std::to_string(static_cast<int>(log.difficulty)) + "/" + log.note;
  bool anything = false;
  for (const LogItem& it : log.items) {
    signature += "/" + std::to_string(static_cast<int>(it.outcome)) + ":" + std::to_string(it.pain_0_10);
    anything = anything || it.outcome != ItemOutcome::NotReached;
  }
  app.log = std::move(log);
  if (anything && signature != app.log_saved) {
    app.log_saved = signature;
    keeper_save(app.keeper, app.log);
    ++app.progress_revision;
  }
  app.answers.save_failed = !app.keeper.available || app.keeper.write_error != StorageWriteError::None;
}

// ---- prescriptions ---------------------------------------------------------------------------

// Puts p among the programmes as the one "prescription" (replacing an earlier one); its index.
int install_prescription(App& app, const Prescription& p) {
  Programme programme = to_programme(p);
  if (programme.description.empty()) programme.description = app.strings.get("prescription.description");
  std::vector<Programme>& all = app.content.programmes;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].id == kPrescriptionProgrammeId) {
      all[i] = std::move(programme);
      return static_cast<int>(i);
    }
  }
  all.push_back(std::move(programme));
  return static_cast<int>(all.size() - 1);
}

// The tab's title names the prescription being confirmed, or the prescribed programme being
// followed (set as text, never as markup).
void set_page_title(const App& app) {
  const std::string app_name = app.strings.get("app.name");
  if (app.screen == Screen::Prescription && app.incoming.ok()) {
    page_set_title(app.strings.format("prescription.page_title", {{"name", app.incoming.prescription.title}, {"app", app_name}}));
    return;
  }
  const Programme& p = current_programme(app);
  if (p.id == kPrescriptionProgrammeId) {
    page_set_title(app.strings.format("prescription.page_title", {{"name", p.name}, {"app", app_name}}));
  } else if (!app.brand.name.empty()) {
    page_set_title(app.strings.format("page.title_clinic", {{"clinic", app.brand.name}}));
  } else {
    page_set_title(app.strings.get("page.title"));
  }
}

// Makes p the programme Today plays, kept on the device as its link value.
void accept_prescription(App& app, const Prescription& p) {
  app.prescription = p;
  app.programme = install_prescription(app, p);
  app.keeper.settings.prescription = encode_prescription(p, app.content);
  save_settings(app);
  if (!app.keeper.loaded) app.accept_after_load = true;  // the stored settings, once read, would undo it
  ++app.progress_revision;
  set_page_title(app);
}

// A link was opened (at start or while the app runs): decode it, then confirm or explain.
void open_link(App& app, const std::string& fragment) {
  app.incoming = decode_prescription(fragment, app.content);
  page_clear_hash();  // a reload does not ask again
  app.builder_picking = false;
  app.back_stack.assign(1, Screen::Today);
  app.screen = Screen::Prescription;
  app.screen_announced = false;
  set_page_title(app);
}

// Leaves the prescription screens for Today, with nothing to go back to.
void go_home(App& app) {
  app.back_stack.clear();
  app.screen = Screen::Today;
  app.screen_announced = false;
}

// Today's date plus weeks, as a review date.
std::string review_date_in_weeks(int weeks) {
  constexpr int kDays1970To2000 = 10957;
  return review_date_from_days(today_day() - kDays1970To2000 + 7 * weeks);
}

// The builder's fields: "builder.field.<key>" names each, "sb-field-<key>" is its element.
constexpr const char* kFieldKeys[] = {"title", "clinic", "note"};
constexpr const char* kFieldIds[] = {"sb-field-title", "sb-field-clinic", "sb-field-note"};

// Copies what was typed in the builder's text fields into its draft.
void read_builder_fields(App& app) {
  if (!app.text_fields_shown) return;
  Prescription& d = app.builder.draft;
  page_field_value(kFieldIds[0], d.title);
  page_field_value(kFieldIds[1], d.clinic);
  page_field_value(kFieldIds[2], d.note);
}

// Places the builder's DOM text fields where it left room for them, or hides them.
void place_builder_fields(App& app, bool on_screen) {
  if (!on_screen) {
    if (app.text_fields_shown) {
      for (const char* id : kFieldIds) page_field_hide(id);
      app.text_fields_shown = false;
    }
    return;
  }
  const Prescription& d = app.builder.draft;
  const std::string initial[] = {d.title, d.clinic, d.note};
  const int max_len[] = {kRxTitleMaxBytes, kRxClinicMaxBytes, kRxNoteMaxBytes};
  for (size_t i = 0; i < app.builder.fields.size(); ++i) {
    const BuilderField& f = app.builder.fields[i];
    if (f.h <= 0) {
      page_field_hide(kFieldIds[i]);
      continue;
    }
    FieldSpec spec;
    spec.kind = i == 2 ? FieldKind::Multiline : FieldKind::Line;
    spec.label = app.strings.get(std::string("builder.field.") + kFieldKeys[i]);
    spec.max_chars = max_len[i];
    page_field_open(kFieldIds[i], spec, initial[i]);
    page_field_place(kFieldIds[i], f.x, f.y, f.w, f.h);
  }
  app.text_fields_shown = true;
}

// Loads a preset (or the current programme) into the builder as its starting point.
void builder_start_from(App& app, const Programme& preset) {
  Prescription& d = app.builder.draft;
  d.title = preset.name;
  d.items.clear();
  for (const ProgrammeItem& it : preset.items) {
    if (static_cast<int>(d.items.size()) < kRxItemsMax) d.items.push_back(it);
  }
  app.builder.selected = -1;
  app.builder.problem.clear();
  if (app.text_fields_shown) page_field_set(kFieldIds[0], d.title);
}

// "Make the link": checks the draft and makes the link and its QR code, or says what is wrong.
bool builder_make_link(App& app) {
  BuilderState& b = app.builder;
  const Prescription p = link_precision(b.draft);
  const PrescriptionCheck check = check_prescription(p, app.content);
  if (!check.ok()) {
    b.problem = app.strings.get("builder.error." + std::string(to_string(check.error)));
    if (check.item >= 0) b.problem += " " + app.strings.format("prescription.error.item", {{"n", std::to_string(check.item + 1)}});
    return false;
  }
  b.problem.clear();
  b.link = prescription_link(page_base_url(), p, app.content);
  b.qr = make_qr(b.link);
  return !b.link.empty();
}

void draw_builder_screen(App& app, Ui& ui) {
  BuilderState& b = app.builder;
  b.draft.review_date = b.review_weeks > 0 ? review_date_in_weeks(b.review_weeks) : "";
  read_builder_fields(app);  // what was typed, also drawn while a field is scrolled half away
  BuilderAction a = draw_builder(ui, app.content, b);
  switch (a.kind) {
    case BuilderAction::Kind::None: break;
    case BuilderAction::Kind::Back: go_back(app); break;
    case BuilderAction::Kind::AddExercises:
      app.builder_picking = true;
      go_to(app, Screen::Library);
      break;
    case BuilderAction::Kind::Preset:
      builder_start_from(app, app.content.programmes[static_cast<size_t>(a.programme)]);
      page_announce(app.strings.format("announce.builder_preset", {{"name", b.draft.title}}));
      break;
    case BuilderAction::Kind::MakeLink:
      if (builder_make_link(app)) {
        go_to(app, Screen::Share);
      } else {
        page_announce(b.problem);
      }
      break;
  }
  place_builder_fields(app, app.screen == Screen::Builder);
}

void draw_share_screen(App& app, Ui& ui) {
  ShareAction a = draw_share(ui, app.builder);
  switch (a.kind) {
    case ShareAction::Kind::None: break;
    case ShareAction::Kind::Back: go_back(app); break;
    case ShareAction::Kind::Copy:
      page_copy_text(app.builder.link);
      page_announce(app.strings.get("share.copied"));
      break;
    case ShareAction::Kind::Try: {
      // The same confirmation as a link opened from a message or a QR code.
      app.incoming = decode_prescription(app.builder.link, app.content);
      go_to(app, Screen::Prescription);
      set_page_title(app);
      break;
    }
    case ShareAction::Kind::Handout: {
      const Palette paper = load_palette(embedded_text(find_embedded("themes.json")), "light");
      page_open_handout(handout_json(app.strings, app.content, app.clips, paper, link_precision(app.builder.draft),
                                     app.builder.link, app.builder.qr),
                        app.strings.get("handout.failed"));
      break;
    }
  }
}

void draw_prescription_screen(App& app, Ui& ui) {
  PrescriptionViewAction a;
  if (app.incoming.ok()) {
    a = draw_prescription_confirm(ui, app.content, app.incoming.prescription, current_programme(app).name);
  } else {
    a = draw_prescription_error(ui, app.incoming.error, app.incoming.item);
  }
  switch (a.kind) {
    case PrescriptionViewAction::Kind::None: break;
    case PrescriptionViewAction::Kind::Use:
      go_home(app);
      accept_prescription(app, app.incoming.prescription);  // Today's announcement names it
      break;
    case PrescriptionViewAction::Kind::NotNow:
      go_home(app);
      set_page_title(app);
      break;
    case PrescriptionViewAction::Kind::Library:
      go_home(app);
      go_to(app, Screen::Library);
      set_page_title(app);
      break;
  }
}

// ---- session -------------------------------------------------------------------------------

// The summary's note box: the person's words about the session, handed over once they pause.
constexpr const char* kNoteId = "note";

// Readies the note box, empty, for a new session (hidden until the summary shows it).
void open_note_field(App& app) {
  FieldSpec spec;
  spec.kind = FieldKind::Multiline;
  spec.css_class = "note-field";
  spec.label = app.strings.get("summary.note");
  spec.hint = app.strings.get("summary.note_hint");
  spec.max_chars = kNoteMaxChars;
  spec.pause_ms = 500;
  page_field_open(kNoteId, spec, "");
  page_field_set(kNoteId, "");
}

void start_session(App& app, int pain_before) {
  const Programme& p = current_programme(app);
  double now = wall_now_s();
  std::vector<ProgrammeItem> items = adjusted_programme(p.items, app.keeper.progress.adjustments, app.content);
  app.session = session_start(make_session_plan(app.content, items), now);
  long long now_ms = clock_now_ms();
  app.log = SessionLog{};
  app.log.id = keeper_new_session_id(now_ms);
  app.log.start_ms = now_ms;
  app.log.tz_offset_min = clock_tz_offset_min();
  app.log.pain_before = pain_before;
  app.log_saved.clear();
  app.answers = SummaryAnswers{};
  open_note_field(app);
  cue_output_start(app.cues, now);
  page_take_hidden_at();  // forget any hiding before the session began
  wake_lock(true);
  page_set_session_active(true);
  app.completion_told = false;
  embed_session("session-started", "{\"programme\":" + quoted_json(p.id) + ",\"exercises\":" +
                                       std::to_string(app.session.plan.items.size()) + "}");
  // The pain question before it is replaced by the player: Back from the player goes home.
  app.screen = Screen::Player;
  app.screen_announced = false;
}

// Tells an allowed embedding page that the session was completed: the programme, how many
// exercises it had and were completed, and the active time. Never pain, notes or answers.
void tell_completed(App& app) {
  app.completion_told = true;
  int done = 0;
  for (const LogItem& it : app.log.items) done += it.outcome == ItemOutcome::Completed;
  embed_session("session-completed", "{\"programme\":" + quoted_json(app.log.programme_id) +
                                         ",\"exercises\":" + std::to_string(app.log.items.size()) +
                                         ",\"done\":" + std::to_string(done) + ",\"duration_s\":" +
                                         std::to_string(static_cast<long long>(app.log.active_s + 0.5)) + "}");
}

void end_session(App& app) {
  std::string note;
  if (page_field_take(kNoteId, note, true)) app.answers.note = clean_note(note);
  page_field_hide(kNoteId);
  update_log(app, session_view(app.session, wall_now_s()));
  cue_output_stop(app.cues, wall_now_s());
  wake_lock(false);
  page_set_session_active(false);
  go_back(app);
}

void apply(App& app, ActionKind kind, int pain = 0) {
  Action a;
  a.kind = kind;
  a.now_s = wall_now_s();
  a.pain_0_10 = pain;
  session_apply(app.session, a);
}

// Hands the person's sound, voice and vibration choices to the page and the cue output.
void apply_cue_settings(App& app) {
  const CueSettings& c = app.cue_settings;
  cue_set_volume(c.volume, !c.sound);
  speech_set(c.speech && c.sound, app.strings.language);
  app.cues.speech = c.speech && c.sound;
  app.cues.vibration = c.vibration;
}

void draw_player_screen(App& app, Ui& ui) {
  double now = wall_now_s();
  // A hidden page pauses the session from the moment it was hidden, exactly.
  double hidden_at = page_take_hidden_at();
  if (hidden_at > 0 && !app.session.paused) {
    Action a;
    a.kind = ActionKind::Pause;
    a.automatic = true;
    a.now_s = std::max(hidden_at, app.session.anchor_wall_s);
    session_apply(app.session, a);
    page_announce(app.strings.get("announce.paused_hidden"));
  }
  SessionView view = session_view(app.session, now);
  FigureSlot slot;
  NoteSlot note;
  PlayerAction a = draw_player(ui, view, app.session.plan, app.content, app.cues.caption, app.cue_settings,
                               app.player_options, app.answers, slot, &note);
  if (note.shown) {
    page_field_place(kNoteId, note.x, note.y, note.w, note.h, note.clip_y0, note.clip_y1);
  } else {
    page_field_hide(kNoteId);
  }
  // The page's session buttons do what the canvas's do.
  if (app.control == PageControl::Start && view.finished) a.kind = PlayerAction::Kind::Finish;
  if (app.control == PageControl::Start && !view.finished && view.pain_item >= 0) a.kind = PlayerAction::Kind::SkipRating;
  if (!view.finished && view.pain_item < 0) {
    if (app.control == PageControl::Pause) a.kind = view.paused ? PlayerAction::Kind::Resume : PlayerAction::Kind::Pause;
    if (app.control == PageControl::Next) a.kind = PlayerAction::Kind::Next;
    if (app.control == PageControl::Stop) a.kind = PlayerAction::Kind::Stop;
  }
  const CueSettings cue_before = app.cue_settings;
  if (view.item >= 0 && !view.finished) {
    const std::string& id = app.session.plan.items[static_cast<size_t>(view.item)].exercise_id;
    if (const Clip* clip = app.clips.find(id)) draw_figure(app, 0, id, session_frame(view, *clip), slot);
  }
  switch (a.kind) {
    case PlayerAction::Kind::None: break;
    case PlayerAction::Kind::Pause: apply(app, ActionKind::Pause); page_announce(app.strings.get("announce.paused")); break;
    case PlayerAction::Kind::Resume: apply(app, ActionKind::Resume); page_announce(app.strings.get("announce.resumed")); break;
    case PlayerAction::Kind::Previous: apply(app, ActionKind::Previous); break;
    case PlayerAction::Kind::Next: apply(app, ActionKind::Next); break;
    case PlayerAction::Kind::Stop: apply(app, ActionKind::Stop); break;
    case PlayerAction::Kind::RatePain: apply(app, ActionKind::RatePain, a.pain_0_10); break;
    case PlayerAction::Kind::SkipRating: apply(app, ActionKind::Resume); break;
    case PlayerAction::Kind::AddRep: apply(app, ActionKind::AddRep); break;
    case PlayerAction::Kind::RemoveRep: apply(app, ActionKind::RemoveRep); break;
    case PlayerAction::Kind::Close:
    case PlayerAction::Kind::Finish: end_session(app); return;
    case PlayerAction::Kind::RatePainAfter: app.answers.pain_after = a.pain_0_10; break;
    case PlayerAction::Kind::SetDifficulty: app.answers.difficulty = a.difficulty; break;
    case PlayerAction::Kind::ToggleOptions: app.player_options = !app.player_options; break;
    case PlayerAction::Kind::ToggleSound: app.cue_settings.sound = !app.cue_settings.sound; break;
    case PlayerAction::Kind::VolumeDown:
      app.cue_settings.volume = std::max(kVolumeStep, app.cue_settings.volume - kVolumeStep);
      break;
    case PlayerAction::Kind::VolumeUp: app.cue_settings.volume = std::min(1.0f, app.cue_settings.volume + kVolumeStep); break;
    case PlayerAction::Kind::ToggleSpeech: app.cue_settings.speech = !app.cue_settings.speech; break;
    case PlayerAction::Kind::ToggleVibration: app.cue_settings.vibration = !app.cue_settings.vibration; break;
    case PlayerAction::Kind::Slower:
    case PlayerAction::Kind::Faster: {
      // A slower tempo stretches the moves in and out by a quarter; faster shortens them.
      Action t;
      t.kind = ActionKind::SetTempo;
      t.now_s = wall_now_s();
      double factor = a.kind == PlayerAction::Kind::Slower ? 1.25 : 0.8;
      t.tempo = std::clamp(app.session.tempo * factor, kTempoMin, kTempoMax);
      session_apply(app.session, t);
      break;
    }
  }
  apply_cue_settings(app);
  if (app.cue_settings.sound != cue_before.sound || app.cue_settings.volume != cue_before.volume ||
      app.cue_settings.speech != cue_before.speech || app.cue_settings.vibration != cue_before.vibration) {
    save_settings(app);
  }
  update_log(app, view);  // this frame's view: an action taken now shows in the next frame's
  if (view.finished && !app.session.paused) wake_lock(false);
  if (view.finished && !app.completion_told) tell_completed(app);
  cue_output_update(app.cues, app.session, app.content, app.strings, wall_now_s());
  // Keep drawing while the figure moves or a count runs.
  if (!app.session.paused && !view.finished) app.redraw_frames = std::max(app.redraw_frames, 1);
}

constexpr const char* kSearchId = "sb-field-search";
constexpr int kSearchMaxChars = 60;

// Says how many exercises the library shows once its filters or search settle on new ones.
void announce_library_count(App& app) {
  LibraryState& lib = app.library;
  if (lib.filter == lib.announced || !app.screen_announced) return;
  lib.announced = lib.filter;
  const size_t n = filter_library(app.content.exercises, lib.filter).size();
  const Strings& s = app.strings;
  page_announce(n == 0   ? s.get("announce.library_none")
                : n == 1 ? s.get("announce.library_count_one")
                         : s.format("announce.library_count", {{"n", std::to_string(n)}}));
}

// The library, with its search box: the page's <input> is read before drawing (what the
// person typed filters this frame) and laid where the screen drew its frame.
LibraryAction draw_library_screen(App& app, Ui& ui) {
  LibraryState& lib = app.library;
  page_field_value(kSearchId, lib.filter.query);
  lib.search_focused = page_field_focused(kSearchId);
  LibraryAction a = draw_library(ui, app.content, lib);
  if (a.kind == LibraryAction::Kind::Clear) {
    lib.filter = LibraryFilter{};
    lib.unfolded = LibraryState::Unfolded::None;
  }
  if (a.kind == LibraryAction::Kind::Clear || a.kind == LibraryAction::Kind::ClearSearch) {
    page_field_set(kSearchId, "");
  }
  FieldSpec spec;
  spec.kind = FieldKind::Search;
  spec.css_class = "sb-field sb-search";
  spec.label = app.strings.get("library.search");
  spec.hint = app.strings.get("library.search_hint");
  spec.max_chars = kSearchMaxChars;
  page_field_open(kSearchId, spec, lib.filter.query);
  page_field_place(kSearchId, lib.search_x, lib.search_y, lib.search_w, lib.search_h);
  lib.search_shown = true;
  if (a.kind == LibraryAction::Kind::FocusSearch) page_field_focus(kSearchId);
  announce_library_count(app);
  return a;
}

void draw_safety_check_screen(App& app, Ui& ui) {
  SafetyCheckAction a = draw_safety_check(ui);
  if (app.control == PageControl::Start) a.kind = SafetyCheckAction::Kind::NoneApply;
  switch (a.kind) {
    case SafetyCheckAction::Kind::None: break;
    case SafetyCheckAction::Kind::Back: go_back(app); break;
    case SafetyCheckAction::Kind::Urgent:
    case SafetyCheckAction::Kind::Soon:
      app.care_urgent = a.kind == SafetyCheckAction::Kind::Urgent;
      go_to(app, Screen::Care);
      break;
    case SafetyCheckAction::Kind::NoneApply:
      app.keeper.settings.safety_checked = true;  // kept for this visit even if storage fails
      save_settings(app);
      if (app.safety_then_before) {
        app.screen = Screen::Before;  // in place: Back from the pain question goes home
        app.screen_announced = false;
      } else {
        go_back(app);
      }
      break;
  }
}

void draw_settings_screen(App& app, Ui& ui) {
  Settings& st = app.keeper.settings;
  SettingsAction a = draw_settings(ui, st);
  using K = SettingsAction::Kind;
  CueSettings& c = app.cue_settings;
  switch (a.kind) {
    case K::None: return;
    case K::Back: go_back(app); return;
    case K::About: go_to(app, Screen::About); return;
    case K::ToggleSound: c.sound = !c.sound; break;
    case K::ToggleSpeech: c.speech = !c.speech; break;
    case K::ToggleVibration: c.vibration = !c.vibration; break;
    case K::VolumeDown: c.volume = std::max(kVolumeStep, c.volume - kVolumeStep); break;
    case K::VolumeUp: c.volume = std::min(1.0f, c.volume + kVolumeStep); break;
    case K::TextSize: st.text_size = a.choice; break;  // the atlas is rebuilt before the next frame
    case K::Theme: st.theme = static_cast<ThemeChoice>(a.choice); break;
    case K::Motion: st.motion = static_cast<MotionChoice>(a.choice); break;
  }
  apply_cue_settings(app);
  apply_look(app);
  save_settings(app);
  page_announce(settings_change_text(app.strings, a, st));
}

// The page's session buttons: which apply to this screen, and their words.
void publish_controls(App& app) {
  const Strings& s = app.strings;
  PageControls c;
  c.group_label = s.get("controls.label");
  switch (app.screen) {
    case Screen::Welcome: c.start = s.get("welcome.start"); break;
    case Screen::Today: c.start = s.get("today.start"); break;
    case Screen::SafetyCheck: c.start = s.get("safety.check.none"); break;
    case Screen::Before: c.start = s.get("before.skip"); break;
    case Screen::Player: {
      SessionView view = session_view(app.session, wall_now_s());
      if (view.finished) {
        c.start = s.get("summary.finish");
      } else if (view.pain_item >= 0) {
        c.start = s.get("player.pain_skip");
      } else {
        c.pause = s.get("player.pause");
        c.paused = view.paused;
        c.next = s.get("player.next");
        c.stop = s.get("player.stop");
      }
      break;
    }
    default: break;
  }
  std::string signature = c.start + "|" + c.pause + "|" + c.next + "|" + c.stop + (c.paused ? "|p" : "|");
  if (signature == app.published_controls) return;
  app.published_controls = signature;
  page_set_controls(c);
}

void draw_screen(App& app, Ui& ui) {
  switch (app.screen) {
    case Screen::Welcome:
    {
      WelcomeAction a = draw_welcome(ui);
      if (a == WelcomeAction::Start || app.control == PageControl::Start) go_to(app, Screen::Today);
      if (a == WelcomeAction::About) go_to(app, Screen::About);
      break;
    }
    case Screen::Today: {
      refresh_views(app);
      ui.header_settings = true;
      TodayAction a = draw_today(ui, app.content, current_programme(app), app.today_info);
      if (app.control == PageControl::Start) a.kind = TodayAction::Kind::Start;
      if (a.kind == TodayAction::Kind::Start) {
        // The safety questions come once, before the first session.
        app.safety_then_before = !app.keeper.settings.safety_checked;
        go_to(app, app.safety_then_before ? Screen::SafetyCheck : Screen::Before);
      } else if (a.kind == TodayAction::Kind::Settings) {
        go_to(app, Screen::Settings);
      } else if (a.kind == TodayAction::Kind::About) {
        go_to(app, Screen::About);
      } else if (a.kind == TodayAction::Kind::History) {
        go_to(app, Screen::History);
      } else if (a.kind == TodayAction::Kind::MorningWorse || a.kind == TodayAction::Kind::MorningSame) {
        keeper_save(app.keeper, MorningCheck{day_text(today_day()), a.kind == TodayAction::Kind::MorningWorse, clock_now_ms()});
        ++app.progress_revision;
      } else if (a.kind == TodayAction::Kind::Open) {
        app.exercise = a.exercise;
        app.figure_anim_start_s = wall_now_s();
        go_to(app, Screen::Exercise);
      } else if (a.kind == TodayAction::Kind::Library) {
        go_to(app, Screen::Library);
      } else if (a.kind == TodayAction::Kind::Programmes) {
        go_to(app, Screen::Programmes);
      } else if (a.kind == TodayAction::Kind::OpenFull) {
        files_open_full_app();
      }
      break;
    }
    case Screen::Programmes: {
      ProgrammesAction a = draw_programmes(ui, app.content, app.content.programmes[static_cast<size_t>(app.programme)].id);
      if (a.kind == ProgrammesAction::Kind::Choose) {
        app.programme = a.programme;
        save_settings(app);
        set_page_title(app);
        ++app.progress_revision;  // suggestions and targets follow the programme
        go_back(app);
      } else if (a.kind == ProgrammesAction::Kind::Build) {
        if (app.builder.draft.items.empty()) builder_start_from(app, current_programme(app));
        go_to(app, Screen::Builder);
      } else if (a.kind == ProgrammesAction::Kind::Back) {
        go_back(app);
      }
      break;
    }
    case Screen::Player:
      draw_player_screen(app, ui);
      break;
    case Screen::Prescription: draw_prescription_screen(app, ui); break;
    case Screen::Builder: draw_builder_screen(app, ui); break;
    case Screen::Share: draw_share_screen(app, ui); break;
    case Screen::Before: {
      BeforeAction a = draw_pain_before(ui, current_programme(app).name);
      if (app.control == PageControl::Start) a.kind = BeforeAction::Kind::Skip;
      if (a.kind == BeforeAction::Kind::Back) go_back(app);
      if (a.kind == BeforeAction::Kind::Rate) start_session(app, a.pain_0_10);
      if (a.kind == BeforeAction::Kind::Skip) start_session(app, -1);
      break;
    }
    case Screen::History: {
      refresh_views(app);
      HistoryAction a = draw_history(ui, app.content, app.history);
      const long long now_ms = clock_now_ms();
      switch (a.kind) {
        case HistoryAction::Kind::None: break;
        case HistoryAction::Kind::Back: go_back(app); break;
        case HistoryAction::Kind::Accept:
          keeper_save(app.keeper, adjustment_for(app.suggestions[static_cast<size_t>(a.suggestion)], now_ms));
          ++app.progress_revision;
          break;
        case HistoryAction::Kind::Dismiss:
          app.dismissed.push_back(app.suggestions[static_cast<size_t>(a.suggestion)].exercise_id);
          ++app.progress_revision;
          break;
        case HistoryAction::Kind::Undo:
          keeper_remove_adjustment(app.keeper, a.exercise_id);
          ++app.progress_revision;
          break;
        case HistoryAction::Kind::Export: keeper_export_backup(app.keeper, now_ms); break;
        case HistoryAction::Kind::ExportCsv: keeper_export_csv(app.keeper, app.content, now_ms); break;
        case HistoryAction::Kind::Print:
          files_print(with_clinic(app, history_print_report(app.strings, app.content, app.keeper.progress, app.history)));
          break;
        case HistoryAction::Kind::Import: keeper_start_import(app.keeper); break;
        case HistoryAction::Kind::OpenFull: files_open_full_app(); break;
      }
      break;
    }
    case Screen::SafetyCheck: draw_safety_check_screen(app, ui); break;
    case Screen::Care:
      if (draw_care(ui, app.care_urgent) == CareAction::Back) go_back(app);
      break;
    case Screen::About: {
      AboutAction a = draw_about(ui, app.build_id);
      if (a == AboutAction::Back) go_back(app);
      if (a == AboutAction::AskAgain) {
        app.safety_then_before = false;
        go_to(app, Screen::SafetyCheck);
      }
      break;
    }
    case Screen::Settings: draw_settings_screen(app, ui); break;
    case Screen::Poses: {
      const Exercise& e = app.content.exercises[static_cast<size_t>(app.exercise)];
      std::array<FigureSlot, kKeyPoseCount> slots{};
      if (draw_poses(ui, e, slots).kind == PosesAction::Kind::Back) go_back(app);
      if (app.clips.find(e.id)) {
        const FigureFrame frames[kKeyPoseCount] = {{Phase::Start, 0.0, Side::Left}, {Phase::MoveIn, 1.0, Side::Left},
                                                   {Phase::Hold, 0.5, Side::Left}};
        for (int k = 0; k < kKeyPoseCount; ++k) draw_figure(app, k, e.id, frames[k], slots[static_cast<size_t>(k)]);
      }
      break;
    }
    case Screen::Library: {
      LibraryAction a = draw_library_screen(app, ui);
      if (a.kind == LibraryAction::Kind::Open && app.builder_picking) {
        // Picking for the builder: the exercise joins the draft and the builder comes back.
        const Exercise& e = app.content.exercises[static_cast<size_t>(a.exercise)];
        if (prescription_add(app.builder.draft, app.content, e.id)) {
          app.builder.selected = static_cast<int>(app.builder.draft.items.size()) - 1;
          page_announce(app.strings.format("announce.builder_added", {{"name", e.name}}));
        }
        app.builder_picking = false;
        go_back(app);
      } else if (a.kind == LibraryAction::Kind::Open) {
        app.exercise = a.exercise;
        app.figure_anim_start_s = wall_now_s();
        go_to(app, Screen::Exercise);
      } else if (a.kind == LibraryAction::Kind::Back) {
        app.builder_picking = false;
        go_back(app);
      }
      break;
    }
    case Screen::Exercise: {
      FigureSlot slot;
      const Exercise& e = app.content.exercises[static_cast<size_t>(app.exercise)];
      const Clip* clip = app.clips.find(e.id);
      float fig_h = clip ? std::clamp(ImGui::GetIO().DisplaySize.y * 0.34f, 160.0f, 360.0f) : 0.0f;
      DetailAction a = draw_exercise_detail(ui, app.content, app.exercise, fig_h, slot);
      if (clip && app.reduced_motion) {
        // Less motion: the exercise's held position, still.
        draw_figure(app, 0, e.id, FigureFrame{Phase::Hold, 0.5, Side::Left}, slot);
      } else if (clip) {
        draw_figure(app, 0, e.id, looping_frame(e, *clip, wall_now_s() - app.figure_anim_start_s), slot);
        app.redraw_frames = std::max(app.redraw_frames, 1);  // the demonstration keeps moving
      }
      if (a.kind == DetailAction::Kind::Open) {
        app.exercise = a.exercise;
        app.figure_anim_start_s = wall_now_s();
        go_to(app, Screen::Exercise);
      } else if (a.kind == DetailAction::Kind::Back) {
        go_back(app);
      }
      break;
    }
  }
  if (app.screen != Screen::Welcome && app.screen != Screen::Today && app.screen != Screen::Player &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    if (app.screen == Screen::Builder) read_builder_fields(app);
    app.builder_picking = false;
    go_back(app);
  }
  if (app.screen != Screen::Builder) place_builder_fields(app, false);
  if (app.screen != Screen::Library && app.library.search_shown) {
    page_field_hide(kSearchId);
    app.library.search_shown = false;
  }
  if (ui.safety_pressed || ui.settings_pressed) {
    if (app.screen == Screen::Player && !app.session.paused) {
      apply(app, ActionKind::Pause);  // the session waits while the person reads
      cue_output_update(app.cues, app.session, app.content, app.strings, wall_now_s());  // its cues stop now
      page_announce(app.strings.get("announce.paused"));
    }
    go_to(app, ui.safety_pressed ? Screen::About : Screen::Settings);
  }
}

// What a start-up step did (start_step).
enum class Step {
  Worked,   // did a piece of work; another may follow in this task if time allows
  Waiting,  // waits for the browser (shaders compiling): try again in the next turn
  Done,     // nothing to do before this frame is drawn
};
Step start_step(App& app, std::string& error);

// What a frame would show, as a hash: the canvas size, the background, ImGui's draw lists
// and the figures' capsules. With Atlas::Ignored, where glyphs sit in the font atlases is
// left out (the vertices' texture positions): see App::glyphs_moved.
enum class Atlas { Included, Ignored };
uint64_t frame_look(const App& app, const ImDrawData* dd, int fb_w, int fb_h, Atlas atlas = Atlas::Included) {
  uint64_t h = hash_value(fb_w, kHashSeed);
  h = hash_value(fb_h, h);
  h = hash_value(dd->DisplaySize, h);
  h = hash_value(dd->FramebufferScale, h);
  h = hash_value(app.palette.background, h);
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* list = dd->CmdLists[n];
    if (atlas == Atlas::Included) {
      h = hash_bytes(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.size_in_bytes()), h);
    } else {
      for (const ImDrawVert& v : list->VtxBuffer) {
        h = hash_value(v.pos, h);
        h = hash_value(v.col, h);
      }
    }
    h = hash_bytes(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.size_in_bytes()), h);
    h = hash_bytes(list->CmdBuffer.Data, static_cast<size_t>(list->CmdBuffer.size_in_bytes()), h);
  }
  for (const FigureDrawJob& job : app.figure_jobs) {
    h = hash_bytes(job.batch.items.data(), sizeof(Capsule2D) * static_cast<size_t>(job.batch.count), h);
  }
  return h;
}

void frame(void* arg) {
  App& app = *static_cast<App*>(arg);
  bool changed = false;
  std::string error;
  // Start-up steps, as many as fit in a short slice of time: few enough that the page stays
  // responsive (a task under ~12 ms stays under Lighthouse's 50 ms when the CPU is 4 times
  // slower), but together so that other tasks do not squeeze in between every two steps.
  // Once the first frame is up the slices are shorter: the page is then there to be used.
  constexpr double kFirstSlice_ms = 10.0;
  constexpr double kLaterSlice_ms = 4.0;
  const double slice_end_ms = emscripten_get_now() + (app.first_frame_done ? kLaterSlice_ms : kFirstSlice_ms);
  Step step = Step::Done;
  do {
    step = start_step(app, error);
  } while (step == Step::Worked && error.empty() && emscripten_get_now() < slice_end_ms);
  if (!error.empty()) {
    page_show_error(error);
    emscripten_cancel_main_loop();
    return;
  }
  if (step != Step::Done) {
    // More to start: the loop takes quick turns of its own, not the display's frames, and
    // draws nothing meanwhile (what comes in waits in the event queue).
    if (app.loop_on_frames) {
      emscripten_set_main_loop_timing(EM_TIMING_SETIMMEDIATE, 0);
      app.loop_on_frames = false;
    }
    return;
  }
  if (!app.loop_on_frames) {
    // What the next frame needs is ready: the loop runs at the display's pace.
    emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
    app.loop_on_frames = true;
  }
  SDL_Event event;
  // ImGui 1.86 sees only whether a key is down at each frame: a key released in the frame
  // it went down (a quick tap, a switch device, a test) is released one frame later instead.
  for (SDL_Event& up : app.deferred_keyups) {
    ImGui_ImplSDL2_ProcessEvent(&up);
    changed = true;
  }
  app.deferred_keyups.clear();
  std::array<SDL_Scancode, 8> down_now{};
  size_t downs = 0;
  while (SDL_PollEvent(&event)) {
    changed = true;
    // Tab and Shift+Tab step through every control in reading order (ui/layout.h).
    if ((event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) && event.key.keysym.sym == SDLK_TAB) {
      if (event.type == SDL_KEYDOWN) app.layout.tab = (event.key.keysym.mod & KMOD_SHIFT) ? -1 : 1;
      continue;
    }
    if (event.type == SDL_KEYDOWN && downs < down_now.size()) down_now[downs++] = event.key.keysym.scancode;
    if (event.type == SDL_KEYUP &&
        std::find(down_now.begin(), down_now.begin() + static_cast<long>(downs), event.key.keysym.scancode) !=
            down_now.begin() + static_cast<long>(downs)) {
      app.deferred_keyups.push_back(event);
      continue;
    }
    ImGui_ImplSDL2_ProcessEvent(&event);
  }
  app.control = page_take_control();
  if (app.control != PageControl::None) changed = true;
  float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
  if (dpr != app.fonts.dpr || text_scale(app) != app.fonts.text_scale) {
    if (!refresh_fonts(app, dpr)) {
      page_show_error("The app's fonts could not be loaded. Please reload the page.");
      emscripten_cancel_main_loop();
      return;
    }
    changed = true;
  }
  if (app.keeper.loaded && !app.settings_applied && app.library_loaded) {
    apply_loaded_settings(app);  // may name a programme, so it waits for the library
    app.settings_applied = true;
    if (app.accept_after_load) {
      app.accept_after_load = false;
      accept_prescription(app, app.prescription);
    }
    changed = true;
  }
  if (keeper_poll(app.keeper, clock_now_ms())) {
    if (app.keeper.import_finished) {
      app.keeper.import_finished = false;
      page_announce(app.keeper.import.error == ImportError::None ? app.strings.get("announce.imported") : import_message(app));
    }
    ++app.progress_revision;
    changed = true;
  }
  // clinic.json may name a programme, so it is read once the library is.
  const bool was_resolved = app.clinic.resolved;
  if (app.library_loaded && clinic_poll(app.clinic, app.content)) {
    if (!was_resolved) apply_clinic(app);
    apply_logo(app);
    changed = true;
  }
  // A link opened while the app runs; during a session it waits until the session ends.
  if (app.library_loaded && app.screen != Screen::Player && page_take_hash_changed()) {
    const std::string hash = page_hash();
    if (hash.find("rx=") != std::string::npos) open_link(app, hash);
    changed = true;
  }
  if (app.keeper.problem_fresh) {
    ++app.progress_revision;
    changed = true;
  }
  if (page_fields_take_activity()) changed = true;  // typing in a field: draw what follows from it
  std::string note;
  if (app.screen == Screen::Player && page_field_take(kNoteId, note, false)) {
    app.answers.note = clean_note(note);  // saved with the log in the frame drawn now
    changed = true;
  }
  if (changed) app.redraw_frames = 3;  // ImGui settles hover and click states over a few frames
  if (app.redraw_frames <= 0 || page_is_hidden()) return;  // nothing new, or no one to see it
  --app.redraw_frames;
  const double render_start_ms = emscripten_get_now();

  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();

  Ui ui{app.strings, app.palette, app.fonts, app.layout, &app.brand};
  Screen before = app.screen;
  draw_screen(app, ui);
  app.control = PageControl::None;
  if (app.screen != before) app.redraw_frames = 3;  // draw the new screen straight away
  announce_screen(app);
  if (app.keeper.problem_fresh) {
    app.keeper.problem_fresh = false;
    page_announce(storage_notice(app));  // said out loud (last, so it is heard) as well as shown
  }
  publish_controls(app);

  ImGui::Render();
  int fb_w = 0, fb_h = 0;
  SDL_GL_GetDrawableSize(app.window, &fb_w, &fb_h);
  const uint64_t look = frame_look(app, ImGui::GetDrawData(), fb_w, fb_h);
  // Since the fonts were made again with all their characters, glyphs sit elsewhere in the
  // atlases: a frame that differs only in that shows the same picture.
  const bool same_picture = app.glyphs_moved && look != app.shown_look &&
                            frame_look(app, ImGui::GetDrawData(), fb_w, fb_h, Atlas::Ignored) == app.shown_shape;
  app.glyphs_moved = false;
  if (same_picture) app.shown_look = look;
  if (look != app.shown_look) {
    // A picture the same as the one on screen is not drawn again: handing the browser a new
    // one costs more than making it (the page's compositor copies the whole canvas, and
    // without a GPU reads it back from the graphics process).
    app.shown_look = look;
    app.shown_shape = frame_look(app, ImGui::GetDrawData(), fb_w, fb_h, Atlas::Ignored);
    page_set_stat("presents", ++app.presents);  // pictures handed to the browser (tests)
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4& bg = app.palette.background;
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ui_renderer_render(app.ui_renderer, ImGui::GetDrawData());
    SDL_GL_SwapWindow(app.window);
  }

  std::string layout_json = app.layout.to_json();
  if (layout_json != app.published_layout) {
    app.published_layout = std::move(layout_json);
    page_set_layout(app.published_layout);
  }
  page_count_frame(emscripten_get_now() - render_start_ms);
  if (!app.first_frame_done) {
    app.first_frame_done = true;
    page_first_frame();
  }
  if (app.clinic.resolved) embed_ready(app.clinic);
}

// Reads some more of the exercise library (exercises, guidance, programmes): a part per step
// (core/content.h ContentReader). Returns an error in plain words, or "" (also while not done).
std::string load_library_content(App& app) {
  constexpr size_t kExercisesPerStep = 6;
  if (!app.content_reader) {
    app.content_reader = std::make_unique<ContentReader>(ContentFiles{
        std::string(embedded_text(find_embedded("exercises.json"))),
        std::string(embedded_text(find_embedded("guidance.json"))),
        std::string(embedded_text(find_embedded("programmes.json")))});
  }
  app.content_reader->read(kExercisesPerStep);
  if (!app.content_reader->done()) return "";
  ContentLoad content = app.content_reader->take();
  app.content_reader.reset();
  app.content_loaded = true;
  for (const Diagnostic& d : content.diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  app.content_errors = count_errors(content.diagnostics);
  app.content = std::move(content.content);
  // The gentle start is the default programme until a prescription or the person picks another.
  if (const Programme* p = app.content.find_programme("gentle-start")) {
    app.programme = static_cast<int>(p - app.content.programmes.data());
  }
  if (app.content.exercises.empty() || app.content.programmes.empty()) {
    return "The exercise library could not be loaded. Please reload the page; if this keeps happening, the site "
           "is damaged.";
  }
  return "";
}

// Reads some more of the animation clips (a few per step); once all are read, follows a link
// in the address: a prescription (#rx=...) or an exercise's key poses (handouts, the gallery:
// #poses=<id>).
void load_library_clips(App& app) {
  constexpr size_t kClipsPerStep = 6;
  if (!app.clip_reader) {
    app.clip_reader = std::make_unique<ClipReader>(embedded_text(find_embedded("clips.json")));
    return;  // the file's structure and shared poses are a step of their own
  }
  app.clip_reader->read(kClipsPerStep);
  if (!app.clip_reader->done()) return;
  app.clips = app.clip_reader->take();
  app.clip_reader.reset();
  for (const Diagnostic& d : app.clips.diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  app.library_loaded = true;
  ++app.progress_revision;  // views computed before now had no library to name things
  app.redraw_frames = 3;
  std::string hash = page_hash();
  if (hash.find("rx=") != std::string::npos) {
    open_link(app, hash);  // confirm it (or explain why it cannot open)
  } else if (hash.rfind("poses=", 0) == 0) {
    int idx = app.content.exercise_index(hash.substr(6));
    if (idx >= 0) {
      app.exercise = idx;
      app.back_stack.push_back(Screen::Today);
      app.screen = Screen::Poses;
    }
  }
}

// Runs the next step of the start-up, so that no single task keeps the page busy for long (a
// phone stays responsive; Lighthouse's Total Blocking Time): the screens' fonts one by one
// with the interface's characters, then the first frame, then the fonts again with all their
// characters, the exercise library and the animation clips (six of each at a time), the
// figure's shaders and the player's counter font; then it tells the page (page_started). A
// link in the address needs the library for its first screen, so then the library and all
// the characters come before the first frame. frame() runs as many steps as fit in a short
// slice of time. An error (in plain words) stops the app.
Step start_step(App& app, std::string& error) {
  const char* const kFontsBroken = "The app's fonts could not be loaded. Please reload the page.";
  if (app.fonts.dpr == 0) reset_fonts(app.fonts, static_cast<float>(emscripten_get_device_pixel_ratio()), 1.0f);
  // The library, a clinic's names and a link are read later (after the first frame, unless
  // the address holds a link), so the first screen needs only the interface's characters.
  const bool library_now = app.first_frame_done || app.link_at_start;
  const Glyphs first_glyphs = library_now ? Glyphs::All : Glyphs::Interface;
  // The UI's shaders, started in start(), compile while the fonts are made; once they and the
  // first font are there, a draw lets the GPU process prepare to draw with them meanwhile.
  if (!app.ui_renderer.linked && font_part_ready(app.fonts, FontPart::Body) && ui_renderer_ready(app.ui_renderer)) {
    if (!ui_renderer_finish(app.ui_renderer)) {
      error = "This browser could not prepare the app's drawing. Please reload the page.";
      return Step::Worked;
    }
    ui_renderer_warm_up(app.ui_renderer);
    return Step::Worked;
  }
  for (int i = 0; i < kFontParts; ++i) {
    const auto part = static_cast<FontPart>(i);
    if (part == FontPart::Counter || font_part_ready(app.fonts, part)) continue;
    if (!make_font_part(app, part, first_glyphs)) error = kFontsBroken;
    return Step::Worked;
  }
  // Not compiled yet: wait by polling, not by asking for the result, which would hold up the page.
  if (!app.ui_renderer.linked) return Step::Waiting;
  if (library_now) {
    // All the characters, before anything that could show them is read.
    for (int i = 0; i < kFontParts; ++i) {
      const auto part = static_cast<FontPart>(i);
      if (part == FontPart::Counter || font_part_complete(app.fonts, part)) continue;
      if (!make_font_part(app, part, Glyphs::All)) error = kFontsBroken;
      app.glyphs_moved = true;  // same sizes, more characters: the picture on screen stays right
      return Step::Worked;
    }
  }
  if (!app.content_loaded && library_now) {
    error = load_library_content(app);
    return Step::Worked;
  }
  if (!app.library_loaded && library_now) {
    load_library_clips(app);
    return Step::Worked;
  }
  if (!app.figure_begun && library_now) {
    app.figure_begun = true;
    if (!figure_renderer_init(app.figure_renderer)) std::fprintf(stderr, "figure renderer unavailable\n");
    return Step::Worked;
  }
  if (app.figure_begun && !app.figure_renderer.ready && !app.figure_failed &&
      figure_renderer_compiled(app.figure_renderer)) {
    // Until then the screens draw without the figure; it appears once its shaders are ready.
    if (!figure_renderer_finish(app.figure_renderer)) {
      std::fprintf(stderr, "figure renderer unavailable\n");
      app.figure_failed = true;
    }
    app.redraw_frames = 3;
    return Step::Worked;
  }
  if (!font_part_ready(app.fonts, FontPart::Counter) && app.first_frame_done) {
    if (!make_font_part(app, FontPart::Counter)) error = kFontsBroken;
    return Step::Worked;
  }
  if (!app.start_told && app.library_loaded && font_part_ready(app.fonts, FontPart::Counter) &&
      (app.figure_renderer.ready || app.figure_failed)) {
    app.start_told = true;
    page_started();
  }
  return Step::Done;
}

// Sets up SDL, WebGL2 and ImGui. Returns an error in plain words, or "" on success.
std::string start(App& app) {
  StringsLoad strings = load_strings(embedded_text(find_embedded("strings.json")));
  if (count_errors(strings.diagnostics) > 0) {
    return "The app's text could not be loaded. Please reload the page; if this keeps happening, the site "
           "is damaged.";
  }
  app.strings = std::move(strings.strings);
  // Colours and motion follow the person's system settings (dark mode, more contrast, less motion).
  app.device_dark = page_prefers_dark();
  app.device_more_contrast = page_prefers_more_contrast();
  app.device_reduced_motion = page_prefers_reduced_motion();
  app.theme_id = theme_id_for(ThemeChoice::System, app.device_dark, app.device_more_contrast);
  app.reduced_motion = app.device_reduced_motion;
  app.palette = load_palette(embedded_text(find_embedded("themes.json")), app.theme_id);
  app.brand.compact = embed_mode();
  app.build_id = page_build_id();

  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO) != 0) return std::string("The display could not start: ") + SDL_GetError();
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  app.window = SDL_CreateWindow("Steady Back", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 800, 600,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!app.window) return "This browser could not open a drawing surface for the app.";
  app.gl = SDL_GL_CreateContext(app.window);
  if (!app.gl) {
    return "This browser or device has WebGL 2 turned off or unsupported, which the app needs to draw. "
           "Try an up-to-date Chrome, Edge, Firefox or Safari.";
  }
  SDL_GL_MakeCurrent(app.window, app.gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // never write imgui.ini
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  apply_theme(app.palette);
  ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);
  gl_programs_enable_parallel();
  if (!ui_renderer_init(app.ui_renderer)) return "This browser could not prepare the app's drawing. Please reload the page.";
  page_set_canvas_label(app.strings.get("canvas.label"));
  for (FigureDrawJob& job : app.figure_jobs) job.renderer = &app.figure_renderer;
  page_watch_hash();
  app.link_at_start = !page_hash().empty();
  return "";  // the rest, step by step in the main loop (start_step)
}

}  // namespace
}  // namespace sb

int main() {
  // The app lives for the whole page; the browser's main loop keeps calling frame().
  auto* app = new sb::App();
  std::string error = sb::start(*app);
  if (!error.empty()) {
    sb::page_show_error(error);
    return 1;
  }
  // Start-up's steps follow each other as quick separate tasks, not one per display frame:
  // the first turn comes from a 1 ms timer (a rate of 1000 a second) rather than the next
  // display frame, the next ones straight after each other; frame() then switches to the
  // display's pace.
  emscripten_set_main_loop_arg(sb::frame, app, 1000, false);
  emscripten_set_main_loop_timing(EM_TIMING_SETIMMEDIATE, 0);
  return 0;
}
