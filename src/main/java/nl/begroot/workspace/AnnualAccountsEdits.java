package nl.begroot.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.accounts.AnnualAccounts;
import nl.begroot.core.accounts.Reserve;
import nl.begroot.core.accounts.ReserveRules;
import nl.begroot.core.text.Dutch;
import nl.begroot.core.accounts.Threshold;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Version;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.store.AnnualAccountsStore;
import nl.begroot.store.StoreException;
import nl.begroot.store.StoredVersion;

/**
 * The annual accounts (jaarrekening, docs/accounts.md): starting them from an adopted version's budget
 * after amendments, reading them (the core's {@link AnnualAccounts} over the stored explanations,
 * threshold and reserves and the organisation's realised figures), and the controller's changes (an
 * explanation per deviation, the threshold), each asking {@link Access} and written with its log entry in
 * one transaction with a revision check.
 */
public final class AnnualAccountsEdits {
  /** The longest explanation accepted, in characters (the column holds 4000). */
  public static final int MAX_EXPLANATION = 4000;

  private final Workspace workspace;
  private final AnnualAccountsStore store;

  AnnualAccountsEdits(Workspace workspace, AnnualAccountsStore store) {
    this.workspace = workspace;
    this.store = store;
  }

  /** The accounts as a reader sees them: the version, its settings, the computed accounts and their printed figures. */
  public record View(Snapshot snapshot, AnnualAccountsStore.Settings settings, AnnualAccounts accounts, PrintedFigures printed,
      Map<String, AnnualAccountsStore.Explanation> explanations, boolean illustrationReserves, List<nl.begroot.core.audit.Finding> findings) {}

  /** The adopted versions from which {@code actor} may start the accounts of a year, with that year (the first year of each). */
  public List<StoredVersion> sources(Actor actor) {
    return workspace.store().versions().stream().filter(v -> mayStart(v, actor)).toList();
  }

  /** Whether {@code actor} may start annual accounts from {@code source} (of one of its years): what {@link #start} accepts but the year. */
  public boolean mayStart(StoredVersion source, Actor actor) {
    return refusal(source).isEmpty() && Access.allows(actor, Permission.CREATE_ACCOUNTS, Workspace.scope(source));
  }

  /**
   * Why no annual accounts start from {@code source}, if none may: it is no adopted budget (a scenario, an amendment,
   * a Tussenrapportage, accounts, or not adopted), or a concept whose definitive budget has started (decision 202).
   * The one check {@link #start} and the Cyclus page's offer both ask.
   */
  private Optional<nl.begroot.core.cycle.Problem> refusal(StoredVersion source) {
    if (source.scenario() || source.amendment() || source.midyear() || source.accounts() || !source.status().adopted()) {
      return Optional.of(new nl.begroot.core.cycle.Problem("form", "De jaarrekening begint bij een vastgestelde begroting; " + source.name() + " is dat niet.",
          "The annual accounts start from an adopted budget; " + source.name() + " is not one."));
    }
    return workspace.superseded(source);
  }

  /** The accounts versions started from {@code sourceSlug}. */
  public List<StoredVersion> startedFrom(String sourceSlug) {
    Optional<StoredVersion> source = workspace.store().version(sourceSlug);
    return source.map(s -> workspace.store().versions().stream().filter(v -> v.accounts() && s.id() == (v.basedOn() == null ? -1 : v.basedOn()))
        .toList()).orElse(List.of());
  }

  /**
   * Starts the annual accounts of {@code year} from the adopted version {@code sourceSlug}: a version of kind
   * accounts, titled "Jaarrekening {year}", that holds the budget after amendments (the adopted version as
   * amended by its adopted amendments) in phase accounts; the threshold starts at € 100.000 or 10 %; the
   * built-in IPO example gets a labelled illustration of reserves.
   */
  public EditResult start(String sourceSlug, String yearText, Actor actor) {
    Optional<StoredVersion> found = workspace.store().version(sourceSlug);
    if (found.isEmpty()) {
      return new EditResult.NotFound("versie " + sourceSlug);
    }
    StoredVersion source = found.get();
    Access.require(actor, Permission.CREATE_ACCOUNTS, Workspace.scope(source));
    Optional<nl.begroot.core.cycle.Problem> refused = refusal(source);
    if (refused.isPresent()) {
      return invalid(refused.get().field(), refused.get().nl(), refused.get().en());
    }
    Workspace.AfterAmendments after = workspace.afterAmendments(sourceSlug).orElseThrow();
    List<Integer> years = after.budget().version().years();
    if (yearText == null || !yearText.strip().matches("\\d{4}") || !years.contains(Integer.parseInt(yearText.strip()))) {
      return invalid("jaar", "Kies een jaar van deze begroting: " + years + ".", "Choose a year of this budget: " + years + ".");
    }
    int year = Integer.parseInt(yearText.strip());
    Snapshot basis = workspace.current(after.readAs()).orElseThrow(() -> new StoreException("the version '" + sourceSlug + "' was deleted meanwhile", null));
    Budget b = basis.budget();
    Version v = b.version();
    String name = "Jaarrekening " + year;
    String slug = Workspace.slug("jaarrekening-" + year);
    Budget accounts = b.withVersion(new Version(v.id() + "-jaarrekening-" + year, name, Version.Phase.ACCOUNTS, v.budgetYear(), v.years(),
        v.frameTitle(), v.proposalsTitle(), v.newFrameTitle())).withPrinted(null);
    String base = BudgetCodec.base(accounts, basis.rows());
    List<Reserve> reserves = illustration(b, year);
    Optional<StoredVersion> created = workspace.store().createBasedOn(StoredVersion.ACCOUNTS, source.id(), false, slug, name, base, basis.rows(),
        Workspace.actor(actor), "accounts.create", null, (h, id) -> AnnualAccountsStore.insert(h, id, year, sourceSlug + (after.applied().isEmpty() ? ""
            : " na wijziging " + after.applied()) + (after.midyears().isEmpty() ? "" : " en " + String.join(", ", after.midyears())), Threshold.DEFAULT, reserves, !reserves.isEmpty(), Workspace.actor(actor)));
    workspace.written(slug);
    return created.<EditResult>map(c -> new EditResult.Saved(c.slug())).orElseGet(() -> invalid("form",
        "Er is al een versie '" + slug + "': de jaarrekening " + year + " is al begonnen.", "There is a version '" + slug + "' already: the annual accounts "
            + year + " were started."));
  }

  /**
   * The reserves the built-in IPO example starts with: an ILLUSTRATION (the seed names no reserves), made up
   * and labelled so on every page: a general reserve, and an earmarked reserve to which the appropriation
   * adds € 250.000 (charged to column 1). Other organisations start without reserves.
   */
  static List<Reserve> illustration(Budget b, int year) {
    if (!"ipo".equals(b.organisation().id()) || b.annex() == null || b.annex().columns().stream().noneMatch(c -> c.id().equals("1"))) {
      return List.of();
    }
    return List.of(new Reserve("algemeen", "Algemene reserve (illustratie)", Reserve.Kind.GENERAL, "1", 250_000_000L, 0, 0),
        new Reserve("frictie", "Bestemmingsreserve frictiekosten (illustratie)", Reserve.Kind.EARMARKED, "1", 80_000_000L, 25_000_000L, 0));
  }

  /** The accounts version {@code slug} computed for {@code actor}; empty when there is none (or it is no accounts version). */
  public Optional<View> view(String slug, Actor actor) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty() || !s.get().version().accounts()) {
      return Optional.empty();
    }
    Access.require(actor, Permission.READ_VERSION, Workspace.scope(s.get().version()));
    long id = s.get().version().id();
    AnnualAccountsStore.Settings settings = store.settings(id).orElseThrow(() -> new StoreException("accounts without settings: " + slug, null));
    Map<String, AnnualAccountsStore.Explanation> explanations = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (AnnualAccountsStore.Explanation e : store.explanations(id)) {
      explanations.put(e.key(), e);
      texts.put(e.key(), e.body());
    }
    Budget b = s.get().budget();
    AnnualAccounts a = AnnualAccounts.of(s.get().computed().computation(), settings.year(),
        workspace.actuals().amounts(b.organisation().id(), settings.year()), settings.threshold(), texts, store.reserves(id));
    PrintedFigures printed = nl.begroot.core.pipeline.Pipeline.round(a.document());
    return Optional.of(new View(s.get(), settings, a, printed, explanations, store.illustrationReserves(id),
        nl.begroot.core.audit.Auditor.accounts(a, printed)));
  }

  /**
   * Sets the explanation of a programme's deviation on a side ({@code lasten} or {@code baten}) to {@code text}
   * (blank: removes it), read at {@code expectedRevision} (0: none yet).
   */
  public EditResult explain(String slug, String programme, String side, String text, String expectedRevision, Actor actor) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty() || !s.get().version().accounts()) {
      return new EditResult.NotFound("jaarrekening " + slug);
    }
    Access.require(actor, Permission.EDIT_ACCOUNTS, Workspace.scope(s.get().version()));
    List<FieldError> errors = new ArrayList<>();
    if (programme == null || s.get().budget().programme(programme).isEmpty()) {
      errors.add(new FieldError("programme", "Onbekend programma: " + clip(programme) + ".", "Unknown programme: " + clip(programme) + "."));
    }
    if (!"lasten".equals(side) && !"baten".equals(side)) {
      errors.add(new FieldError("side", "Kies lasten of baten.", "Choose lasten or baten."));
    }
    String body = text == null ? "" : text.strip();
    if (body.length() > MAX_EXPLANATION) {
      errors.add(new FieldError("text", "De toelichting is " + body.length() + " tekens; ten hoogste " + MAX_EXPLANATION + ".",
          "The explanation is " + body.length() + " characters; at most " + MAX_EXPLANATION + "."));
    }
    Integer revision = revision(expectedRevision);
    if (revision == null) {
      errors.add(new FieldError("revision", "De revisie ontbreekt of is geen getal.", "The revision is missing or not a number."));
    }
    if (!errors.isEmpty()) {
      return new EditResult.Invalid(errors);
    }
    var w = store.explain(s.get().version().id(), programme, side, body, revision, Workspace.actor(actor));
    return written(slug, programme + "/" + side, w, body);
  }

  /** Sets the threshold: an amount in whole euros and a percentage, read at {@code expectedRevision}. */
  public EditResult threshold(String slug, String eurosText, String percentText, String expectedRevision, Actor actor) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty() || !s.get().version().accounts()) {
      return new EditResult.NotFound("jaarrekening " + slug);
    }
    Access.require(actor, Permission.EDIT_ACCOUNTS, Workspace.scope(s.get().version()));
    List<FieldError> errors = new ArrayList<>();
    Long euros = whole(eurosText, 12);
    Long percent = whole(percentText, 3);
    if (euros == null) {
      errors.add(new FieldError("euros", "Geef het bedrag in hele euro's, zonder punten of komma: bijvoorbeeld 100000.",
          "Give the amount in whole euros, without points or commas: for example 100000."));
    }
    if (percent == null) {
      errors.add(new FieldError("percent", "Geef het percentage als heel getal van 0 tot en met 100.", "Give the percentage as a whole number from 0 to 100."));
    }
    if (errors.isEmpty()) {
      for (String p : Threshold.problems(euros * 100, percent.intValue())) {
        errors.add(new FieldError(p.contains("percentage") ? "percent" : "euros", p.contains("percentage")
            ? "Het percentage ligt tussen 0 en 100." : "Het bedrag ligt tussen € 0 en € 10.000.000.000.", p));
      }
    }
    Integer revision = revision(expectedRevision);
    if (revision == null) {
      errors.add(new FieldError("revision", "De revisie ontbreekt of is geen getal.", "The revision is missing or not a number."));
    }
    if (!errors.isEmpty()) {
      return new EditResult.Invalid(errors);
    }
    var w = store.threshold(s.get().version().id(), new Threshold(euros * 100, percent.intValue()), revision, Workspace.actor(actor));
    return written(slug, "drempel", w, euros + " euro of " + percent + " %");
  }

  // ------------------------------------------------------------------------------ the reserves

  /** The most rows a reserves form may send (filled or not); more is refused, not cut off. */
  public static final int MAX_RESERVE_ROWS = 500;

  /**
   * One row of the reserves form as typed: the reserve's id (empty for a new row), name, kind ({@code algemeen} or
   * {@code bestemming}), annex column, and the amounts in euros in Dutch notation ({@code 2.500.000} or
   * {@code 2.500.000,00}; an empty addition or withdrawal is none).
   */
  public record ReserveRow(String id, String name, String kind, String column, String opening, String addition, String withdrawal) {
    /** A row left empty: no reserve (the form's spare row). */
    public boolean blank() {
      return empty(name) && empty(opening) && empty(addition) && empty(withdrawal);
    }

    private static boolean empty(String s) {
      return s == null || s.isBlank();
    }

    /** The row of a stored reserve, its amounts as the form shows them. */
    public static ReserveRow of(Reserve r) {
      return new ReserveRow(r.id(), r.name(), r.kind().code(), r.column(), Dutch.amount(r.opening()), Dutch.amount(r.addition()),
          Dutch.amount(r.withdrawal()));
    }
  }

  /** The form field of a reserve's field, by the row's place in the form: {@code reserves[2].opening}. */
  public static String reserveField(int row, String field) {
    return ReserveRules.path(row, field).toString();
  }

  /**
   * Replaces the reserves of the accounts {@code slug} by the {@code rows} of the form (in the form's order; a null
   * row was marked for removal, a blank row is no reserve), read at the accounts' revision {@code expectedRevision}
   * (shared with the threshold). The amounts are read as the budget's forms read them ({@link Drafts#parseAmount});
   * what the reserves must be is {@link ReserveRules}'s, asked inside the store's transaction on the version as it is
   * there; every problem is returned at its form field ({@link #reserveField}), nothing saved. A stale revision is a
   * conflict; submitted or adopted accounts change no more.
   */
  public EditResult reserves(String slug, List<ReserveRow> rows, String expectedRevision, Actor actor) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    if (s.isEmpty() || !s.get().version().accounts()) {
      return new EditResult.NotFound("jaarrekening " + slug);
    }
    Access.require(actor, Permission.EDIT_ACCOUNTS, Workspace.scope(s.get().version()));
    List<FieldError> errors = new ArrayList<>();
    Integer revision = revision(expectedRevision);
    if (revision == null) {
      errors.add(new FieldError("revision", "De revisie ontbreekt of is geen getal.", "The revision is missing or not a number."));
    }
    if (rows.size() > MAX_RESERVE_ROWS) {
      return invalid("reserves", "Het formulier heeft ten hoogste " + MAX_RESERVE_ROWS + " regels, niet " + rows.size() + ".",
          "The form has at most " + MAX_RESERVE_ROWS + " rows, not " + rows.size() + ".");
    }
    List<Reserve> reserves = new ArrayList<>();
    List<Integer> formRow = new ArrayList<>(); // each reserve's row in the form
    java.util.Set<String> unread = new java.util.HashSet<>(); // fields typed as no amount: the rules' words on them would mislead
    java.util.Set<String> taken = new java.util.HashSet<>();
    rows.stream().filter(r -> r != null && !r.blank() && r.id() != null && !r.id().isBlank()).forEach(r -> taken.add(r.id().strip()));
    for (int i = 0; i < rows.size(); i++) {
      ReserveRow r = rows.get(i);
      if (r == null || r.blank()) {
        continue;
      }
      String name = r.name() == null ? "" : r.name().strip();
      String called = name.isEmpty() ? "Reserve " + (i + 1) : Drafts.shorten(name);
      long[] cents = new long[3];
      String[] fields = {"opening", "addition", "withdrawal"};
      String[] typed = {r.opening(), r.addition(), r.withdrawal()};
      String[][] words = {{"Stand 1 januari", "Opening balance"}, {"Toevoeging", "Addition"}, {"Onttrekking", "Withdrawal"}};
      for (int f = 0; f < 3; f++) {
        boolean blank = typed[f] == null || typed[f].isBlank();
        if (blank && f == 0) {
          errors.add(new FieldError(reserveField(i, fields[f]), called + ": vul de stand op 1 januari in (in euro's, bijvoorbeeld 2.500.000).",
              called + ": enter the opening balance (in euros, for example 2.500.000)."));
          unread.add(reserveField(i, fields[f]));
          cents[f] = ReserveRules.MAX_CENTS; // not read: as much as may be, so no rule speaks of a number that was not typed
          continue;
        }
        if (blank) {
          continue; // no addition, no withdrawal
        }
        Optional<Drafts.Amount> amount = typed[f].length() > 40 ? Optional.empty() : Drafts.parseAmount(typed[f]);
        if (amount.isEmpty() || amount.get().cents() == null) {
          errors.add(new FieldError(reserveField(i, fields[f]), called + ": " + words[f][0].toLowerCase(java.util.Locale.ROOT) + " '" + Drafts.shorten(typed[f])
              + "' is geen bedrag in euro's; schrijf bijvoorbeeld 2.500.000 of 2.500.000,00.", called + ": " + words[f][1].toLowerCase(java.util.Locale.ROOT)
              + " '" + Drafts.shorten(typed[f]) + "' is not an amount in euros; write for example 2.500.000 or 2.500.000,00."));
          unread.add(reserveField(i, fields[f]));
          cents[f] = f == 2 ? 0 : ReserveRules.MAX_CENTS; // not read: no rule speaks of a number that was not typed
        } else {
          cents[f] = amount.get().cents();
        }
      }
      String id = r.id() == null || r.id().isBlank() ? newId(name, taken) : r.id().strip();
      reserves.add(new Reserve(id, name, Reserve.Kind.find(r.kind() == null ? "" : r.kind().strip()).orElse(null),
          r.column() == null ? "" : r.column().strip(), cents[0], cents[1], cents[2]));
      formRow.add(i);
    }
    if (!errors.isEmpty()) {
      // the rules on what was read, against the version as read now: every problem in one answer; the store checks again when saving
      for (FieldError e : fieldErrors(ReserveRules.check(s.get().budget().annex(), reserves), formRow)) {
        if (!unread.contains(e.field())) {
          errors.add(e);
        }
      }
      return new EditResult.Invalid(errors);
    }
    var w = store.reserves(s.get().version().id(), reserves, revision, Workspace.actor(actor),
        locked -> ReserveRules.check(workspace.state(locked.version(), locked.proposals()).budget().annex(), reserves));
    if (w instanceof AnnualAccountsStore.Written.Refused refused) {
      workspace.written(slug);
      return new EditResult.Invalid(fieldErrors(refused.problems(), formRow));
    }
    return written(slug, "reserves", w, AnnualAccountsStore.describe(reserves));
  }

  /** The rules' problems at the form's fields: the reserve at place {@code i} of the list is the form's row {@code formRow.get(i)}. */
  private static List<FieldError> fieldErrors(List<ReserveRules.Problem> problems, List<Integer> formRow) {
    List<FieldError> out = new ArrayList<>();
    for (ReserveRules.Problem p : problems) {
      int i = p.index();
      out.add(new FieldError(i < 0 ? "reserves" : reserveField(formRow.get(i), p.field()), p.nl(), p.en()));
    }
    return out;
  }

  /** An id for a new reserve, from its name (lower-case letters, digits, dashes), not yet {@code taken}; added to it. */
  static String newId(String name, java.util.Set<String> taken) {
    String base = Workspace.slug(name); // as a version's address is made from its name
    if (base.isEmpty()) {
      base = "reserve";
    }
    String id = base;
    for (int n = 2; taken.contains(id); n++) {
      id = base + "-" + n;
    }
    taken.add(id);
    return id;
  }

  private EditResult written(String slug, String what, AnnualAccountsStore.Written w, String yours) {
    workspace.written(slug);
    if (w instanceof AnnualAccountsStore.Written.Conflict c) {
      return new EditResult.Conflict(what, c.revision(), c.by(), c.body(), yours);
    }
    if (w instanceof AnnualAccountsStore.Written.Final) {
      return invalid("form", "Deze jaarrekening is ingediend of vastgesteld en verandert niet meer.",
          "These annual accounts are submitted or adopted and no longer change.");
    }
    if (w instanceof AnnualAccountsStore.Written.Refused refused) { // only the reserves are checked in the store; they map their own fields
      return new EditResult.Invalid(refused.problems().stream().map(p -> new FieldError("reserves", p.nl(), p.en())).toList());
    }
    return new EditResult.Saved(slug);
  }

  private static Long whole(String text, int maxDigits) {
    String t = text == null ? "" : text.strip();
    return t.matches("\\d{1," + maxDigits + "}") ? Long.parseLong(t) : null;
  }

  private static Integer revision(String text) {
    Long r = whole(text, 9);
    return r == null ? null : r.intValue();
  }

  private static String clip(String s) {
    return s == null ? "(geen)" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static EditResult invalid(String field, String nl, String en) {
    return new EditResult.Invalid(List.of(new FieldError(field, nl, en)));
  }

  // ------------------------------------------------------------------------------ the illustration

  /** Every explanation of the illustration starts with this: made up, and said to be. */
  static final String ILLUSTRATION = "Illustratie (verzonnen): ";

  /**
   * On first start (after the cycle's and the Tussenrapportage's illustrations): when the cycle's
   * illustration ({@link Workspace#illustrationBudget()}) is there, the organisation has a full year of
   * realised figures (booked up to period 12) that is a year of that budget, and no accounts of that year (nor any
   * accounts started from the illustration) exist,
   * starts them through {@link #start} as {@code system} (the latest such year: 2026 for the shipped
   * illustration) and explains every other deviation that needs an explanation through {@link #explain}
   * (the first, the third, ...; never all, so a single one stays unexplained), so that a new user sees both an explained deviation and the audit's
   * finding of a missing one. Each explanation starts with {@link #ILLUSTRATION}. Returns what it did, in
   * words (empty when nothing).
   */
  public List<String> seedIllustrationIfNone(Actor system) {
    Optional<StoredVersion> source = workspace.illustrationBudget();
    // a restart: accounts of the illustration are there, so it is not computed to find their year (decision 192)
    if (source.isEmpty() || store.anyFrom(source.get().slug())) {
      return List.of();
    }
    Optional<Snapshot> basis = workspace.snapshot(source.get().slug());
    if (basis.isEmpty()) {
      return List.of();
    }
    Budget b = basis.get().budget();
    Integer year = null;
    for (int y : b.version().years()) {
      // a full year: booked up to December (an auditfile declares every period of its year, booked or not)
      if (workspace.actuals().amounts(b.organisation().id(), y).stream().anyMatch(x -> x.period() >= 12)) {
        year = y;
      }
    }
    if (year == null || workspace.store().version(Workspace.slug("jaarrekening-" + year)).isPresent()) {
      return List.of();
    }
    if (!(start(source.get().slug(), String.valueOf(year), system) instanceof EditResult.Saved saved)) {
      return List.of();
    }
    View view = view(saved.id(), system).orElseThrow();
    List<AnnualAccounts.Deviation> required = view.accounts().required();
    int explained = 0;
    for (int i = 0; required.size() > 1 && i < required.size(); i += 2) { // never all: one alone stays unexplained
      AnnualAccounts.Deviation d = required.get(i);
      String side = d.side() == nl.begroot.core.model.Side.LASTEN ? "lasten" : "baten";
      if (explain(saved.id(), d.programme(), side, illustrationText(d), "0", system) instanceof EditResult.Saved) {
        explained++;
      }
    }
    return List.of(saved.id() + ": " + explained + " van " + required.size() + " afwijkingen toegelicht (illustratie)");
  }

  /** A plausible made-up reason for a deviation, by its side and direction; always labelled as an illustration. */
  static String illustrationText(AnnualAccounts.Deviation d) {
    boolean more = d.deviation() > 0;
    String reason = d.side() == nl.begroot.core.model.Side.LASTEN
        ? (more ? "extra inhuur voor de piek in het werk en hogere prijzen van ingekochte diensten dan bij het opstellen van de begroting voorzien."
            : "vacatures zijn later ingevuld dan begroot en een deel van het werk is naar volgend jaar geschoven.")
        : (more ? "een projectbijdrage van derden viel hoger uit dan begroot."
            : "een verwachte bijdrage van derden is later toegezegd en schuift naar volgend jaar.");
    return ILLUSTRATION + "de afwijking komt vooral doordat " + reason;
  }
}
