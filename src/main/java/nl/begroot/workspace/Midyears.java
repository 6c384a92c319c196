package nl.begroot.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.cycle.Problem;
import nl.begroot.core.midyear.Forecast;
import nl.begroot.core.midyear.ForecastRules;
import nl.begroot.core.midyear.MidyearReport;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.store.MidyearStore;
import nl.begroot.store.StoreException;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;

/**
 * The Tussenrapportage's use cases (docs/midyear.md): starting one from an adopted budget, entering a
 * unit's forecast (prognose) with its reason, and the report with the effect of its proposals. A
 * Tussenrapportage is a version of kind {@value StoredVersion#MIDYEAR}: its proposals are edited,
 * submitted, approved and the version adopted like any version (the workspace's other rooms); this
 * room adds its period and forecasts (store: {@link MidyearStore}). Each use case asks {@link Access}.
 */
public final class Midyears {
  private final Workspace workspace;
  private final MidyearStore store;
  private final Map<Long, Cached> printed = new java.util.concurrent.ConcurrentHashMap<>();

  Midyears(Workspace workspace, MidyearStore store) {
    this.workspace = workspace;
    this.store = store;
  }

  /** A report rounded once per state of its version and its basis (their stamps). */
  private record Cached(long stamp, long basisStamp, long realisedKey, Midyear report) {}

  /**
   * A Tussenrapportage as the web and the API show it: its version and the budget it reports on
   * ({@code basedOn}; {@code basis} the version whose figures are the budget na wijziging: the last
   * adopted amendment of it, or itself), the report and its printed figures, the stored forecasts (with
   * their revisions), its own proposals (new or changed against the basis) and their effect on the
   * balancing item and each member ({@link Comparison}, as an amendment's), and its audit ({@code findings},
   * {@link nl.begroot.core.audit.Auditor#midyear}: units without a forecast, tables that do not foot).
   */
  public record Midyear(StoredVersion version, StoredVersion basedOn, StoredVersion basis, MidyearReport report, PrintedFigures printed,
      Map<String, MidyearStore.StoredForecast> forecasts, List<StoredProposal> own, Comparison effect,
      List<nl.begroot.core.audit.Finding> findings) {

    /** Whether forecasts may still change (the version is a concept). */
    public boolean open() {
      return version.status() == nl.begroot.core.cycle.VersionStatus.CONCEPT;
    }
  }

  private static EditResult invalid(String nl, String en) {
    return new EditResult.Invalid(List.of(new FieldError("form", nl, en)));
  }

  /**
   * Starts the Tussenrapportage of the adopted budget {@code slug} (a definitive budget, or an adopted
   * concept that has no definitive budget) up to period {@code period} (1-12) of its budget year: a
   * version of kind {@value StoredVersion#MIDYEAR} that starts as a copy of the budget na wijziging,
   * named "Tussenrapportage {year} t/m {month}". One per budget.
   */
  public EditResult create(String slug, String period, Actor actor) {
    Optional<StoredVersion> found = workspace.store().version(slug);
    if (found.isEmpty()) {
      return new EditResult.NotFound("versie " + slug);
    }
    StoredVersion adopted = found.get();
    Access.require(actor, Permission.CREATE_MIDYEAR, Workspace.scope(adopted));
    Optional<FieldError> refused = refusal(adopted);
    if (refused.isPresent()) {
      return new EditResult.Invalid(List.of(refused.get()));
    }
    Integer p = period == null || !period.strip().matches("\\d{1,2}") ? null : Integer.valueOf(period.strip());
    if (p == null || p < 1 || p > 12) {
      return new EditResult.Invalid(List.of(new FieldError("period", "Kies de laatste gerealiseerde maand (1 tot en met 12).",
          "Choose the last realised month (1 to 12).")));
    }
    return start(adopted, p, actor).<EditResult>map(v -> new EditResult.Saved(v.slug())).orElseGet(() -> invalid(
        "Deze begroting heeft al een tussenrapportage, of de naam is bezet; kijk opnieuw.",
        "This budget has a mid-year report already, or the name is taken; look again."));
  }

  /**
   * Why {@code adopted} cannot get a Tussenrapportage now, if it cannot: it is no adopted definitive or
   * concept budget, a concept whose definitive budget has started (decision 202), has one already, or has a change (an
   * amendment) open. The one check that the start and the page's offer both ask.
   */
  private Optional<FieldError> refusal(StoredVersion adopted) {
    if (!adopted.definitive() && !"concept".equals(adopted.kind())) {
      return Optional.of(new FieldError("form", "Een tussenrapportage begint bij een vastgestelde (definitieve of concept)begroting; dit is er geen.",
          "A mid-year report starts from an adopted (definitive or concept) budget; this is none."));
    }
    if (!adopted.status().adopted()) {
      return Optional.of(new FieldError("form", "Stel de begroting eerst vast (nu: " + adopted.status().code()
          + "); de tussenrapportage begint bij de vastgestelde.",
          "Adopt the budget first (now: " + adopted.status().code() + "); the mid-year report starts from the adopted one."));
    }
    Optional<nl.begroot.core.cycle.Problem> superseded = workspace.superseded(adopted);
    if (superseded.isPresent()) {
      return superseded.map(p -> new FieldError("form", p.nl(), p.en()));
    }
    if (!store.midyears(adopted.id()).isEmpty()) {
      return Optional.of(new FieldError("form", "Deze begroting heeft al een tussenrapportage.", "This budget has a mid-year report already."));
    }
    return workspace.openChange(adopted).map(p -> new FieldError("form", p.nl(), p.en()));
  }

  /** Whether {@code actor} may start a Tussenrapportage of {@code adopted} now (the page offers it then). */
  public boolean mayStart(StoredVersion adopted, Actor actor) {
    return refusal(adopted).isEmpty() && Access.allows(actor, Permission.CREATE_MIDYEAR, Workspace.scope(adopted));
  }

  /** The Tussenrapportages started on the version {@code id} (at most one). */
  List<StoredVersion> startedOn(long id) {
    return store.midyears(id);
  }

  private Optional<StoredVersion> start(StoredVersion adopted, int period, Actor actor) {
    StoredVersion basisRow = basisOf(adopted);
    Snapshot basis = workspace.current(basisRow.slug())
        .orElseThrow(() -> new StoreException("the version '" + adopted.slug() + "' was deleted meanwhile", null));
    int year = basis.budget().version().budgetYear();
    String name = "Tussenrapportage " + year + " t/m " + MidyearReport.monthName(period);
    String newSlug = Workspace.slug("tussenrapportage-" + year + "-" + adopted.slug());
    String base = BudgetCodec.base(Workspace.renamed(basis.budget(), newSlug, name), basis.rows());
    Optional<StoredVersion> created = store.create(adopted.id(), newSlug, name, base, basis.rows(), new MidyearStore.Period(year, period),
        Workspace.actor(actor));
    workspace.written(newSlug);
    return created;
  }

  /** The version whose figures are the budget na wijziging of {@code adopted} now: its last adopted change, or itself. */
  private StoredVersion basisOf(StoredVersion adopted) {
    return workspace.changeBasis(adopted, Long.MAX_VALUE);
  }

  /** The Tussenrapportage of the budget {@code slug} (the version it is based on), if it has one. */
  public Optional<StoredVersion> of(String slug) {
    return workspace.store().version(slug).flatMap(v -> store.midyears(v.id()).stream().findFirst());
  }

  /** The report {@code slug} (a Tussenrapportage), for {@code actor}; empty when it is none. */
  public Optional<Midyear> report(String slug, Actor actor) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty() || !s.get().version().midyear()) {
      return Optional.empty();
    }
    StoredVersion v = s.get().version();
    Access.require(actor, Permission.READ_VERSION, Workspace.scope(v));
    MidyearStore.Period period = store.period(v.id()).orElseThrow(() -> new StoreException("the mid-year report '" + slug + "' has no period", null));
    StoredVersion basedOn = workspace.store().versions().stream().filter(x -> x.id() == v.basedOn()).findFirst()
        .orElseThrow(() -> new StoreException("the budget of '" + slug + "' is gone", null));
    // the basis it was started on (one change is open at a time, so no change adopted later moves it)
    StoredVersion basisRow = workspace.changeBasis(basedOn, v.id());
    Snapshot basis = workspace.snapshot(basisRow.slug()).orElseThrow();
    String organisation = basis.budget().organisation().id();
    var realised = workspace.actuals().amounts(organisation, period.year());
    long realisedKey = realised.hashCode();
    Cached c = printed.get(v.id());
    if (c != null && c.stamp() == v.stamp() && c.basisStamp() == basis.version().stamp() && c.realisedKey() == realisedKey) {
      return Optional.of(c.report());
    }
    Map<String, MidyearStore.StoredForecast> stored = store.forecasts(v.id());
    Map<String, Forecast> forecasts = new HashMap<>();
    stored.forEach((unit, f) -> forecasts.put(unit, new Forecast(unit, f.lastenCents(), f.batenCents(), f.reason())));
    MidyearReport report = MidyearReport.of(basis.computed().computation(), realised, period.year(), period.upToPeriod(), forecasts);
    var rounded = Pipeline.round(report.document());
    Comparison effect = Comparison.of(basis.document(), s.get().document());
    Midyear m = new Midyear(v, basedOn, basisRow, report, rounded, stored, CycleEdits.own(basis.rows(), s.get().rows()), effect,
        nl.begroot.core.audit.Auditor.midyear(report, rounded, effect));
    printed.put(v.id(), new Cached(v.stamp(), basis.version().stamp(), realisedKey, m));
    return Optional.of(m);
  }

  /**
   * Why the Tussenrapportage {@code slug} may not be submitted or adopted (docs/midyear.md): each unit that has a budget
   * or realised figures and no forecast with a reason ({@link MidyearReport#missingForecasts}), named;
   * empty when it may.
   */
  List<nl.begroot.core.cycle.Problem> adoptionProblems(String slug, Actor actor) {
    Optional<Midyear> m = report(slug, actor);
    if (m.isEmpty()) {
      return List.of();
    }
    List<String> units = m.get().report().missingForecasts().stream().map(MidyearReport.Row::title).toList();
    if (units.isEmpty()) {
      return List.of();
    }
    return List.of(new nl.begroot.core.cycle.Problem("form",
        "Indienen en vaststellen kan pas als elke eenheid met een begroting of realisatie een prognose met reden heeft; zonder prognose: "
            + String.join(", ", units) + ".",
        "The mid-year report can be submitted and adopted only when every unit with a budget or realised figures has a forecast with a reason; without one: "
            + String.join(", ", units) + "."));
  }

  /**
   * Saves the forecast of {@code unit} in the Tussenrapportage {@code slug}: amounts in whole euros as
   * typed, the reason, and the revision the editor saw ({@code "0"} or empty for a unit without one).
   */
  public EditResult saveForecast(String slug, String unit, String lasten, String baten, String reason, String seenRevision, Actor actor) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty() || !s.get().version().midyear()) {
      return new EditResult.NotFound("tussenrapportage " + slug);
    }
    StoredVersion v = s.get().version();
    Access.require(actor, Permission.EDIT_FORECAST, Workspace.scope(v));
    List<FieldError> errors = new ArrayList<>();
    ForecastRules.Checked checked = ForecastRules.check(s.get().budget(), unit, lasten, baten, reason);
    checked.problems().forEach(p -> errors.add(new FieldError(p.field(), p.nl(), p.en())));
    int seen = 0;
    if (seenRevision != null && !seenRevision.isBlank()) {
      if (!seenRevision.strip().matches("\\d{1,9}")) {
        errors.add(new FieldError("revision", "Onbekende revisie '" + seenRevision.strip() + "'; laad de pagina opnieuw.",
            "Unknown revision '" + seenRevision.strip() + "'; reload the page."));
      } else {
        seen = Integer.parseInt(seenRevision.strip());
      }
    }
    if (!errors.isEmpty()) {
      return new EditResult.Invalid(List.copyOf(errors));
    }
    Forecast f = checked.forecast();
    MidyearStore.Saved saved;
    try {
      saved = store.save(v.id(), f.unit(), f.lastenCents(), f.batenCents(), f.reason(), seen, Workspace.actor(actor));
    } finally {
      workspace.written(slug);
    }
    if (saved instanceof MidyearStore.Saved.Done) {
      return new EditResult.Saved(unit);
    }
    if (saved instanceof MidyearStore.Saved.Final fin) {
      return invalid("Deze tussenrapportage is " + fin.status() + "; haar prognoses veranderen niet meer.",
          "This mid-year report is " + fin.status() + "; its forecasts no longer change.");
    }
    if (saved instanceof MidyearStore.Saved.Conflict c) {
      MidyearStore.StoredForecast now = c.current();
      return new EditResult.Conflict(unit, now == null ? 0 : now.revision(), now == null ? "" : now.updatedBy(),
          now == null ? "" : describe(now.lastenCents(), now.batenCents(), now.reason()), describe(f.lastenCents(), f.batenCents(), f.reason()));
    }
    return new EditResult.NotFound("tussenrapportage " + slug);
  }

  private static String describe(long lasten, long baten, String reason) {
    return "prognose lasten " + lasten + " cent, baten " + baten + " cent: " + reason;
  }

  // ------------------------------------------------------------------------------ the illustration

  /** The illustration's reasons per programme prefix; made up, and said to be (docs/midyear.md). */
  static final String ILLUSTRATION = "Illustratie (verzonnen): ";

  /**
   * On first start: when the cycle's illustration (decision 179, {@link Workspace#illustrationBudget()})
   * has no Tussenrapportage and the shipped realised figures of its budget year are there, starts the
   * illustration "Tussenrapportage 2027 t/m juni" of it, set against its budget after its adopted
   * amendment, with a prognose for every unit. It is made by the system, not through {@link #create};
   * its reasons say it is an illustration. Returns what it did, in words (empty when nothing).
   */
  public List<String> seedIllustrationIfNone(Actor system) {
    // the cycle's illustration: its adopted definitive budget, after its adopted amendment (decision 179)
    Optional<StoredVersion> concept = workspace.illustrationBudget();
    if (concept.isEmpty() || !store.midyears(concept.get().id()).isEmpty()) {
      return List.of();
    }
    Snapshot s = workspace.current(basisOf(concept.get()).slug()).orElseThrow();
    int year = s.budget().version().budgetYear();
    var periods = workspace.actuals().periods(s.budget().organisation().id()).getOrDefault(year, List.of());
    int upTo = periods.stream().mapToInt(nl.begroot.store.ActualsStore.PeriodSource::period).max().orElse(0);
    if (upTo < 1 || upTo > 12) {
      return List.of();
    }
    Optional<StoredVersion> created = start(concept.get(), upTo, system);
    if (created.isEmpty()) {
      return List.of();
    }
    StoredVersion v = created.get();
    var realised = workspace.actuals().amounts(s.budget().organisation().id(), year);
    MidyearReport basis = MidyearReport.of(s.computed().computation(), realised, year, upTo, Map.of());
    List<String> done = new ArrayList<>();
    int place = 0;
    for (MidyearReport.Row r : basis.rows()) {
      if (r.unit() == null) {
        continue;
      }
      Forecast f = MidyearIllustration.forecast(r, upTo, place++);
      MidyearStore.Saved saved = store.save(v.id(), f.unit(), f.lastenCents(), f.batenCents(), f.reason(), 0, Workspace.actor(system));
      if (saved instanceof MidyearStore.Saved.Done) {
        done.add(f.unit());
      }
    }
    workspace.written(v.slug());
    return List.of(v.name() + ": " + done.size() + " prognoses (illustratie)");
  }
}
