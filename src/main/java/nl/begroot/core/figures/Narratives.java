package nl.begroot.core.figures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Unit;
import nl.begroot.core.text.NarrativeText;
import nl.begroot.core.text.NarrativeText.Literal;
import nl.begroot.core.text.NarrativeText.Parsed;
import nl.begroot.core.text.NarrativeText.Reference;

/**
 * The narrative of a computed document: each reference in a text ({@code {{bedrag: …}}}, see
 * {@link NarrativeText}) resolved to a figure and shown as that figure's exact amount. This is the
 * one place that turns a narrative into what a reader sees; the web pages, the HTML and PDF
 * document and the search all go through {@link #spans} or {@link #render}. {@link #check} is the
 * core's validation of the narratives against the document's figures: malformed and unknown
 * references are problems; a reference to a withdrawn proposal's figure and a literal euro amount
 * that no figure of the text's unit has are warnings. An instance is cheap and meant for one use (one page, one document, one check); it
 * keeps an index it makes on first need and is not shared between threads.
 */
public final class Narratives {
  private final Document document;
  private final Budget budget;
  private boolean english;

  private Narratives(Document document) {
    this.document = document;
    this.budget = document.computation().budget();
  }

  public static Narratives of(Document document) {
    return new Narratives(document);
  }

  /** The same, with the marker of a lapsed amount in English (for the English pages); Dutch by default. */
  public Narratives inEnglish(boolean inEnglish) {
    this.english = inEnglish;
    return this;
  }

  /**
   * What a reference to a withdrawn proposal's figure shows instead of the amount, in every output:
   * "[bedrag vervallen: voorstel 2.7-soc ingetrokken]". Reinstating the proposal brings the amount back.
   */
  public static String lapsed(String proposalId, boolean english) {
    return english ? "[amount lapsed: proposal " + proposalId + " withdrawn]"
        : "[bedrag vervallen: voorstel " + proposalId + " ingetrokken]";
  }

  /**
   * The withdrawn proposal whose figure a reference names, when the figure is gone because of it: the
   * target's proposal ({@code PROPOSAL/YEAR}, a line id {@code programme-P/PROPOSAL/YEAR}, a
   * breakdown's figure) is one the budget lists as withdrawn.
   */
  Optional<String> withdrawnProposal(String target) {
    if (budget.withdrawn().isEmpty()) {
      return Optional.empty();
    }
    return proposalOf(target).filter(budget::isWithdrawn);
  }

  /** The proposal whose figure a reference names: {@code PROPOSAL/YEAR}, a line id {@code programme-P/PROPOSAL/YEAR}, a breakdown's figure. */
  private static Optional<String> proposalOf(String target) {
    String[] t = target.split("/", -1);
    return t.length == 2 ? Optional.of(t[0])
        : t.length >= 3 ? FigureIds.proposalOfLine(target).or(() -> FigureIds.proposalOfBreakdown(t[0])) : Optional.empty();
  }

  /**
   * The texts of a budget that quote a proposal's figures (its line or its breakdown), other than the
   * proposal's own explanation: what withdrawing it makes lapse. Needs no computed document.
   */
  public static List<Place> quoting(Budget budget, String proposalId) {
    return quotedBy(budget).getOrDefault(proposalId, List.of());
  }

  /**
   * For every proposal that a text quotes, the texts that quote it ({@link #quoting}), each once, in reading order: made
   * in one pass over the texts, for whoever asks it of many proposals (a version's list of proposals).
   */
  public static Map<String, List<Place>> quotedBy(Budget budget) {
    Map<String, List<Place>> result = new java.util.HashMap<>();
    for (Text t : texts(budget)) {
      java.util.Set<String> quoted = new java.util.LinkedHashSet<>();
      for (Reference r : NarrativeText.parse(t.text()).references()) {
        Optional<String> p = proposalOf(r.target());
        // a proposal's own explanation does not count: withdrawing it takes the text with it
        if (p.isPresent() && !(t.place().kind() == Place.Kind.PROPOSAL_EXPLANATION && t.place().id().equals(p.get()))) {
          quoted.add(p.get());
        }
      }
      quoted.forEach(id -> result.computeIfAbsent(id, k -> new ArrayList<>()).add(t.place()));
    }
    return result;
  }

  /** Where a narrative text is in the budget: a programme's intro, a unit's narrative or a proposal's explanation. */
  public record Place(Kind kind, String id) {
    /** Which text of which part of the budget. */
    public enum Kind {
      PROGRAMME_INTRO,
      UNIT_NARRATIVE,
      UNIT_DEVELOPMENTS,
      UNIT_PRIORITIES,
      PROPOSAL_EXPLANATION
    }

    public static Place intro(Programme p) {
      return new Place(Kind.PROGRAMME_INTRO, p.id());
    }

    public static Place narrative(Unit u) {
      return new Place(Kind.UNIT_NARRATIVE, u.id());
    }

    /** A unit's developments (<i>Ontwikkelingen</i>). */
    public static Place developments(Unit u) {
      return new Place(Kind.UNIT_DEVELOPMENTS, u.id());
    }

    /** A unit's priorities (<i>Speerpunten</i>). */
    public static Place priorities(Unit u) {
      return new Place(Kind.UNIT_PRIORITIES, u.id());
    }

    public static Place explanation(Proposal p) {
      return new Place(Kind.PROPOSAL_EXPLANATION, p.id());
    }

    /** The model path of the text, e.g. {@code proposals/2.7-soc/explanation}. */
    public String path() {
      return switch (kind) {
        case PROGRAMME_INTRO -> "programmes/" + id + "/intro";
        case UNIT_NARRATIVE -> "units/" + id + "/narrative";
        case UNIT_DEVELOPMENTS -> "units/" + id + "/developments";
        case UNIT_PRIORITIES -> "units/" + id + "/priorities";
        case PROPOSAL_EXPLANATION -> "proposals/" + id + "/explanation";
      };
    }

    /** The text in words, for messages: "the narrative of unit 2.7". */
    public String describe() {
      return switch (kind) {
        case PROGRAMME_INTRO -> "the intro of programme '" + id + "'";
        case UNIT_NARRATIVE -> "the narrative of unit '" + id + "'";
        case UNIT_DEVELOPMENTS -> "the developments of unit '" + id + "'";
        case UNIT_PRIORITIES -> "the priorities of unit '" + id + "'";
        case PROPOSAL_EXPLANATION -> "the explanation of proposal '" + id + "'";
      };
    }
  }

  /** A narrative text of the budget with its place. */
  public record Text(Place place, String text) {}

  /** A finding of {@link #check}: at {@code offset} in the text at {@code place}. */
  public record Finding(Place place, int offset, boolean warning, String message) {}

  /** A piece of rendered narrative: text, and the figure it shows (null for literal text). */
  public record Span(String text, String figureId) {}

  /** Every narrative text of a budget, in file order: programme intros and unit narratives, then explanations. */
  public static List<Text> texts(Budget budget) {
    List<Text> result = new ArrayList<>();
    for (Programme p : budget.programmes()) {
      if (present(p.intro())) {
        result.add(new Text(Place.intro(p), p.intro()));
      }
      for (Unit u : p.units()) {
        result.addAll(texts(u));
      }
    }
    for (Proposal p : budget.proposals()) {
      if (present(p.explanation())) {
        result.add(new Text(Place.explanation(p), p.explanation()));
      }
    }
    return result;
  }

  /** Whether the budget has any text {@link #texts(Budget)} would give (stops at the first). */
  public static boolean anyText(Budget budget) {
    for (Programme p : budget.programmes()) {
      if (present(p.intro())) {
        return true;
      }
      for (Unit u : p.units()) {
        if (!texts(u).isEmpty()) {
          return true;
        }
      }
    }
    for (Proposal p : budget.proposals()) {
      if (present(p.explanation())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a text counts: written, and not blank. */
  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  /** A unit's texts in reading order (narrative, developments, priorities), the blank ones left out. */
  public static List<Text> texts(Unit u) {
    List<Text> result = new ArrayList<>();
    if (present(u.narrative())) {
      result.add(new Text(Place.narrative(u), u.narrative()));
    }
    if (present(u.developments())) {
      result.add(new Text(Place.developments(u), u.developments()));
    }
    if (present(u.priorities())) {
      result.add(new Text(Place.priorities(u), u.priorities()));
    }
    return result;
  }

  /** The text as a reader sees it: each reference replaced by its figure's amount. */
  public String render(Place place, String text) {
    StringBuilder sb = new StringBuilder();
    spans(place, text).forEach(s -> sb.append(s.text()));
    return sb.toString();
  }

  /**
   * The text in pieces: literal text, and each reference as its figure's amount with the figure's
   * id (so a page can link it to the figure's explanation). A reference to a figure of a withdrawn
   * proposal shows {@link #lapsed}; any other reference that names no figure (only possible for a
   * text the reader has not checked) stays as written.
   */
  public List<Span> spans(Place place, String text) {
    List<Span> result = new ArrayList<>();
    if (text == null) {
      return result;
    }
    for (NarrativeText.Part part : NarrativeText.parse(text).parts()) {
      if (part instanceof Literal l) {
        result.add(new Span(l.text(), null));
      } else if (part instanceof Reference r) {
        result.add(reference(place, r, text));
      }
    }
    return result;
  }

  /** A reference as shown: its figure's amount, the marker of a withdrawn proposal, or (unchecked text) as written. */
  private Span reference(Place place, Reference r, String text) {
    Optional<Figure> f = figure(place, r.target());
    if (f.isPresent()) {
      return new Span(amount(f.get(), r.negated()), f.get().id());
    }
    Optional<String> withdrawn = withdrawnProposal(r.target());
    return new Span(withdrawn.isPresent() ? lapsed(withdrawn.get(), english) : r.written(text), null);
  }

  /**
   * The explanation of a proposal that is not in the budget (a withdrawn one): a reference to its
   * own line shows the amount it has as entered (the figure is gone with the line); other
   * references as in {@link #spans}.
   */
  public List<Span> spansOfAbsent(Proposal proposal) {
    List<Span> result = new ArrayList<>();
    String text = proposal.explanation();
    if (text == null) {
      return result;
    }
    Place place = Place.explanation(proposal);
    for (NarrativeText.Part part : NarrativeText.parse(text).parts()) {
      if (part instanceof Literal l) {
        result.add(new Span(l.text(), null));
      } else if (part instanceof Reference r) {
        String[] t = r.target().split("/", -1);
        String year = t.length == 1 ? t[0]
            : t.length == 2 && t[0].equals(proposal.id()) ? t[1]
            : t.length == 3 && FigureIds.isProgrammeTable(t[0]) && t[1].equals(proposal.id()) ? t[2] : null;
        int index = year == null || proposal.amounts() == null ? -1 : budget.version().years().indexOf(parseYear(year));
        if (index >= 0 && index < proposal.amounts().size()) {
          long cents = proposal.amounts().cents(index);
          result.add(new Span(proposal.amounts().isPm(index) ? "pm" : NarrativeText.euros(r.negated() ? -cents : cents), null));
        } else {
          result.add(reference(place, r, text));
        }
      }
    }
    return result;
  }

  private static Integer parseYear(String s) {
    return s.matches("\\d{4}") ? Integer.valueOf(s) : null;
  }

  /** A figure's amount as a narrative shows it (see {@link NarrativeText#euros}); {@code pm} for a pm line. */
  static String amount(Figure f, boolean negated) {
    if (f.display() == Figure.Display.PM) {
      return "pm";
    }
    return NarrativeText.euros(negated ? -f.cents() : f.cents());
  }

  /** The figure a reference's target names from a place, if any. */
  public Optional<Figure> figure(Place place, String target) {
    return figureId(place, target).flatMap(id -> document.graph().find(id));
  }

  /**
   * The figure id a target stands for: a figure id as is ({@code table/row/column}); {@code
   * PROPOSAL/YEAR} the proposal's line in its programme table; {@code YEAR} in a proposal's
   * explanation that proposal's line. Empty when the target cannot stand for an id.
   */
  Optional<String> figureId(Place place, String target) {
    int slashes = target.length() - target.replace("/", "").length();
    if (slashes >= 2) {
      return Optional.of(target);
    }
    if (slashes == 1) {
      int at = target.indexOf('/');
      return lineId(target.substring(0, at), target.substring(at + 1));
    }
    if (place.kind() == Place.Kind.PROPOSAL_EXPLANATION) {
      return lineId(place.id(), target);
    }
    return Optional.empty();
  }

  private Optional<String> lineId(String proposalId, String column) {
    return budget.proposal(proposalId)
        .flatMap(p -> budget.programmeOfUnit(p.unit()))
        .map(pr -> FigureIds.programmeTable(pr.id()) + "/" + proposalId + "/" + column);
  }

  /** Validates every narrative of the budget against the document's figures. */
  public List<Finding> check() {
    List<Finding> findings = new ArrayList<>();
    for (Text t : texts(budget)) {
      findings.addAll(check(t.place(), t.text()));
    }
    return findings;
  }

  /** Validates one text: malformed and unknown references (problems), unmatched literal amounts (warnings). */
  public List<Finding> check(Place place, String text) {
    List<Finding> findings = new ArrayList<>();
    Parsed parsed = NarrativeText.parse(text);
    for (NarrativeText.Malformed m : parsed.malformed()) {
      findings.add(new Finding(place, m.offset(), false, m.message()));
    }
    for (Reference r : parsed.references()) {
      Optional<String> id = figureId(place, r.target());
      Optional<String> withdrawn = withdrawnProposal(r.target());
      if (withdrawn.isPresent() && (id.isEmpty() || document.graph().find(id.get()).isEmpty())) {
        findings.add(new Finding(place, r.start(), true, "'" + r.written(text) + "' quotes proposal '" + withdrawn.get()
            + "', which is withdrawn: the text shows " + lapsed(withdrawn.get(), false)
            + " until the proposal is reinstated or the text no longer quotes it"));
      } else if (id.isEmpty()) {
        findings.add(new Finding(place, r.start(), false, "'" + r.written(text) + "' names no figure: "
            + (r.target().contains("/") ? "there is no proposal '" + r.target().substring(0, r.target().indexOf('/')) + "'"
                : "a year alone is only understood in a proposal's explanation; write a figure id such as programme-2/2.7-soc/2027")));
      } else if (document.graph().find(id.get()).isEmpty()) {
        findings.add(new Finding(place, r.start(), false, "'" + r.written(text) + "' names no figure: this budget has no figure '"
            + id.get() + "'" + hint(id.get())));
      }
    }
    List<NarrativeText.LiteralAmount> literals = NarrativeText.literalAmounts(text);
    if (!literals.isEmpty()) {
      Set<Long> amounts = amountsOf(place);
      for (NarrativeText.LiteralAmount a : literals) {
        if (!amounts.contains(a.cents())) {
          findings.add(new Finding(place, a.start(), true, "'" + text.substring(a.start(), a.end()).replaceAll("\\s+", " ")
              + "' is written as a literal amount, and no figure of " + scopeWords(place) + " has it; write a reference such as {{"
              + NarrativeText.AMOUNT + ": " + example(place) + "}} so that the text follows the figures"));
        }
      }
    }
    return findings;
  }

  /** For an unknown id: the table's rows or columns, when the table exists. */
  private String hint(String id) {
    String[] parts = id.split("/", -1);
    Optional<Table> table = document.table(parts[0]);
    if (table.isEmpty()) {
      return "; figure ids are table/row/column, e.g. programme-2/2.7-soc/2027 (see docs/output-json.md)";
    }
    if (parts.length == 3 && table.get().row(parts[1]) != null) {
      return "; the columns of table '" + parts[0] + "' are "
          + String.join(", ", table.get().columns().stream().map(Table.Column::id).toList());
    }
    return "; table '" + parts[0] + "' has no row '" + (parts.length > 1 ? parts[1] : "") + "'";
  }

  private String example(Place place) {
    List<Proposal> scope = scope(place);
    if (scope.isEmpty()) {
      return "programme-2/2.7-soc/2027";
    }
    Proposal p = scope.get(0);
    return place.kind() == Place.Kind.PROPOSAL_EXPLANATION && place.id().equals(p.id())
        ? String.valueOf(budget.version().budgetYear())
        : p.id() + "/" + budget.version().budgetYear();
  }

  private static String scopeWords(Place place) {
    return switch (place.kind()) {
      case PROGRAMME_INTRO -> "programme '" + place.id() + "'";
      case UNIT_NARRATIVE, UNIT_DEVELOPMENTS, UNIT_PRIORITIES -> "unit '" + place.id() + "'";
      case PROPOSAL_EXPLANATION -> "the unit of proposal '" + place.id() + "'";
    };
  }

  /**
   * The proposals whose figures belong to a text: for a unit's narrative the proposals filed under
   * the unit (any of their units); for a proposal's explanation those of the proposal's units; for
   * a programme's intro those of the programme.
   */
  private List<Proposal> scope(Place place) {
    List<String> units = new ArrayList<>();
    switch (place.kind()) {
      case UNIT_NARRATIVE, UNIT_DEVELOPMENTS, UNIT_PRIORITIES -> units.add(place.id());
      case PROPOSAL_EXPLANATION -> budget.proposal(place.id()).ifPresent(p -> units.addAll(p.units()));
      case PROGRAMME_INTRO -> budget.programme(place.id()).ifPresent(p -> p.units().forEach(u -> units.add(u.id())));
    }
    Set<Proposal> result = new LinkedHashSet<>();
    budget.proposal(place.kind() == Place.Kind.PROPOSAL_EXPLANATION ? place.id() : "").ifPresent(result::add);
    units.forEach(u -> result.addAll(index().byUnit.getOrDefault(u, List.of())));
    return new ArrayList<>(result);
  }

  /**
   * The amounts (magnitudes, in cents) of the figures that belong to a text: every figure of the
   * lines in its scope (each year), of their breakdowns and of the transfer legs on them, and for a
   * programme's intro every figure of the programme's table.
   */
  private Set<Long> amountsOf(Place place) {
    Set<Long> result = new HashSet<>();
    scope(place).forEach(p -> result.addAll(index().byLine.getOrDefault(p.id(), Set.of())));
    if (place.kind() == Place.Kind.PROGRAMME_INTRO) {
      result.addAll(index().byTable.getOrDefault(FigureIds.programmeTable(place.id()), Set.of()));
    }
    return result;
  }

  /** Proposals by unit and figure amounts by line and by programme table, made once: one pass over the figures. */
  private record Index(java.util.Map<String, List<Proposal>> byUnit, java.util.Map<String, Set<Long>> byLine,
      java.util.Map<String, Set<Long>> byTable) {}

  private Index index;

  private Index index() {
    if (index == null) {
      java.util.Map<String, List<Proposal>> byUnit = new java.util.HashMap<>();
      for (Proposal p : budget.proposals()) {
        p.units().forEach(u -> byUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(p));
      }
      java.util.Map<String, Set<Long>> byLine = new java.util.HashMap<>();
      java.util.Map<String, Set<Long>> byTable = new java.util.HashMap<>();
      for (Figure f : document.graph().all()) {
        if (f.display() == Figure.Display.PM) {
          continue;
        }
        String[] parts = f.id().split("/", -1);
        String table = parts[0];
        String row = parts.length > 1 ? parts[1] : "";
        String line = FigureIds.isProgrammeTable(table) || FigureIds.isTransferTable(table) ? row
            : FigureIds.proposalOfBreakdown(table).orElse(null);
        long amount = Math.abs(f.cents());
        if (line != null) {
          byLine.computeIfAbsent(line, k -> new HashSet<>()).add(amount);
        }
        if (FigureIds.isProgrammeTable(table)) {
          byTable.computeIfAbsent(table, k -> new HashSet<>()).add(amount);
        }
      }
      index = new Index(byUnit, byLine, byTable);
    }
    return index;
  }
}
