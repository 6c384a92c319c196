package nl.begroot;

import static org.assertj.core.api.Assertions.assertThat;

import nl.begroot.core.figures.Document;
import nl.begroot.core.model.Budget;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.BudgetReader;
import nl.begroot.format.LoadResult;

/** Budgets written in the file format inside tests, and the pipeline to compute them. */
public final class TestBudgets {
  /**
   * A person with every role of the cycle's writers (controller and budget holder of every unit),
   * named {@code name}, for tests of the workspace and the store; null is the anonymous visitor. Tests
   * of who may do what make their own actors.
   */
  /** Who seeds a test database: a system actor, as {@code begroot serve} seeds with one. */
  public static final nl.begroot.core.access.Actor SEED = nl.begroot.core.access.Actor.system("seed");

  public static nl.begroot.core.access.Actor actor(String name) {
    return name == null ? nl.begroot.core.access.Actor.ANONYMOUS
        : nl.begroot.core.access.Actor.person(name, name, java.util.Set.of(nl.begroot.core.access.Role.CONTROLLER,
            nl.begroot.core.access.Role.BUDGETHOUDER), java.util.Set.of(), null, true);
  }

  private TestBudgets() {}

  /**
   * A small budget: members A, B, C with key k (50/30/20); programme 1 (unit 1.1), programme 2
   * (units 2.1, and 2.2 that holds the balancing line), and the overhead view 5 spread 25/75 over
   * the annex columns c1 and c2. Frames balance: lasten 1000 + 500, baten 0 + 1500 in both years.
   * {@code proposals} and {@code transfers} are YAML list items (indented by two spaces).
   */
  /**
   * The small budget with a ledger mapping for {@link #SMALL_ACTUALS_CSV}: the accounts tests' example (its figures
   * by hand in {@code AnnualAccountsTest}).
   */
  public static String smallWithActuals() {
    return small("", "") + """
        ledger_mapping:
          - {account: "4000", cost_centre: KP1.1, unit: "1.1", side: lasten, money: own}
          - {account: "4000", cost_centre: KP2.1, unit: "2.1", side: lasten, money: own}
          - {account: "8100", unit: "2.1", side: baten, money: own}
          - {account: "8000", unit: "2.2", side: baten, money: own}
        """;
  }

  /** Realised figures of 2026 for {@link #smallWithActuals()}, as the documented CSV. */
  public static final String SMALL_ACTUALS_CSV = """
      jaar;periode;rekening;rekeningnaam;kostenplaats;bedrag;debet_credit
      2026;6;4000;Personeel;KP1.1;500,00;D
      2026;12;4000;Personeel;KP1.1;399,99;D
      2026;12;4000;Personeel;KP2.1;550,00;D
      2026;12;8100;Overige baten;KP2.1;10,00;C
      2026;1;8000;Bijdragen;;1500,00;C
      """;

  public static String small(String proposals, String transfers) {
    return """
        format: begroot/1
        organisation: {id: t, name: Test}
        version: {id: v, title: Test, budget_year: 2027, years: [2026, 2027]}
        members:
          - {id: A, name: Alfa}
          - {id: B, name: Beta}
          - {id: C, name: Gamma}
        keys:
          - id: k
            title: Key
            shares: {A: "50", B: "30", C: "20"}
        programmes:
          - id: "1"
            title: One
            frame: {lasten: {2026: 1000, 2027: 1000}, baten: {2026: 0, 2027: 0}}
            units: [{id: "1.1", title: Unit 1.1}]
          - id: "2"
            title: Two
            frame: {lasten: {2026: 500, 2027: 500}, baten: {2026: 1500, 2027: 1500}}
            units: [{id: "2.1", title: Unit 2.1}, {id: "2.2", title: Contributions}]
          - id: "5"
            title: Overhead
            overhead_view: true
            spread: {c1: "25", c2: "75"}
            frame: {lasten: {2026: 300, 2027: 300}}
            units: [{id: "5", title: Operations}]
        proposals:
          - {id: balance, unit: "2.2", title: Hogere bijdrage leden, side: baten, rule: balancing}
        %s
        transfers:
        %s
        annex:
          title: Bijlage 1
          key: k
          columns:
            - {id: c1, title: One, programmes: ["1"]}
            - {id: c2, title: Two, programmes: ["2"]}
            - {id: total, title: Total, sum_of: [c1, c2]}
        """.formatted(proposals.isBlank() ? "" : proposals.stripTrailing(), transfers.isBlank() ? "  []" : transfers.stripTrailing());
  }

  public static Budget load(String yaml) {
    LoadResult result = BudgetReader.read("test.yaml", yaml);
    if (result instanceof LoadResult.Rejected r) {
      throw new AssertionError("budget refused: " + r.problems());
    }
    return ((LoadResult.Loaded) result).budget();
  }

  public static Document document(String yaml) {
    return Pipeline.compute(load(yaml)).document();
  }

  public static Budget ipo() {
    LoadResult result = BudgetFiles.loadBuiltIn();
    assertThat(result).isInstanceOf(LoadResult.Loaded.class);
    return ((LoadResult.Loaded) result).budget();
  }

  /** A computed document with its printed figures. */
  public record Computed(Document document, PrintedFigures printed) {
    public long cents(String figureId) {
      return document.graph().get(figureId).cents();
    }
  }

  /** The budget through the core's one pipeline (the same the program uses). */
  public static Computed compute(Budget budget) {
    nl.begroot.core.pipeline.Computed c = Pipeline.compute(budget);
    return new Computed(c.document(), c.printed());
  }
}
