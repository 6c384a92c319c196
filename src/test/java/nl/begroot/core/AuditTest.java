package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.begroot.TestBudgets;
import nl.begroot.core.audit.AuditSummary;
import nl.begroot.core.audit.Auditor;
import nl.begroot.core.audit.Finding;
import nl.begroot.core.audit.SincePublication;
import nl.begroot.core.figures.Document;
import nl.begroot.core.rounding.ControlledRounding;
import nl.begroot.core.rounding.PrintedFigures;
import org.junit.jupiter.api.Test;

/**
 * The audit's four kinds of finding, each on a small budget with a printed document written in the
 * test. All tables are in thousands (x € 1.000); the amounts below are euros. Expected values are
 * worked out by hand in the comments.
 */
class AuditTest {

  /**
   * Programme 1 (frame lasten 1.000.000) with the given proposal lines; programme 2 holds the
   * balancing line; key k over members A and B; an annex. {@code printed} is the printed section's
   * list of tables (indented by four spaces), or empty.
   */
  private static String budget(String frameBaten, String shares, String proposals, String printed) {
    return """
        format: begroot/1
        organisation: {id: t, name: Test}
        version: {id: v, title: Test, budget_year: 2027, years: [2027]}
        members:
          - {id: A, name: Alfa}
          - {id: B, name: Beta}
        keys:
          - id: k
            title: Sleutel K
            shares: {%s}
            rounded_for_print: true
            normalise: true
        programmes:
          - id: "1"
            title: Een
            frame: {lasten: {2027: 1000000}, baten: {2027: 0}}
            units: [{id: "1.1", title: Eenheid 1.1}]
          - id: "2"
            title: Twee
            frame: {lasten: {2027: 0}, baten: {2027: %s}}
            units: [{id: "2.1", title: Bijdragen}]
        proposals:
        %s
          - {id: balance, unit: "2.1", title: Hogere bijdrage leden, side: baten, rule: balancing}
        annex:
          title: Bijlage 1
          key: k
          columns:
            - {id: c1, title: Een, programmes: ["1"]}
            - {id: c2, title: Twee, programmes: ["2"]}
            - {id: total, title: Totaal, sum_of: [c1, c2]}
        %s
        """.formatted(shares, frameBaten, proposals.stripTrailing(), printed.isBlank() ? "" : "printed:\n  tables:\n" + printed.stripTrailing());
  }

  /** Lines p (1.400: 1,4 thousand) and q (2.600: 2,6 thousand); their change 4.000 (4,0), the new frame 1.004.000. */
  private static final String P_AND_Q = """
        - {id: p, unit: "1.1", title: Plan P, side: lasten, amounts: {2027: 1400}}
        - {id: q, unit: "1.1", title: Plan Q, side: lasten, amounts: {2027: 2600}}
      """;

  private static List<Finding> audit(String yaml) {
    return audit(yaml, SincePublication.NONE);
  }

  private static List<Finding> audit(String yaml, SincePublication since) {
    Document d = TestBudgets.document(yaml);
    return Auditor.audit(d, ControlledRounding.round(d), since);
  }

  private static Map<String, Finding> byPlace(List<Finding> findings, Finding.Check check) {
    return findings.stream().filter(f -> f.check() == check)
        .collect(Collectors.toMap(f -> f.table() + "/" + f.row() + "/" + f.column(), f -> f));
  }

  @Test
  void eachDifferenceIsRoundingAnInconsistencyOrAnError() {
    List<Finding> findings = audit(budget("1000000", "A: \"60\", B: \"40\"", P_AND_Q, """
            - table: programme-1
              rows:
                "p": ["1"]
                "q": ["2"]
                "change.lasten": ["4"]
                "new.lasten": ["1.010"]
        """));
    Map<String, Finding> values = byPlace(findings, Finding.Check.VALUE);
    // p: exact 1,4, printed 1 = the nearest, and Begroot prints it too (1 + 3 = 4 foots): no finding
    assertThat(values).doesNotContainKey("programme-1/p/2027");
    // q: exact 2,6, Begroot prints the nearest, 3; printed 2 is 0,6 off: rounding
    Finding q = values.get("programme-1/q/2027");
    assertThat(q.kind()).isEqualTo(Finding.Kind.ROUNDING);
    assertThat(q.printed()).isEqualTo("2");
    assertThat(q.computed()).isEqualTo("3");
    assertThat(q.label()).isEqualTo("1. Een, 1.1. Plan Q 2027");
    // change.lasten: printed 4 = the nearest of 4,0 and Begroot's: no value finding; but its printed
    // parts add up to 1 + 2 = 3: the document contradicts itself
    assertThat(values).doesNotContainKey("programme-1/change.lasten/2027");
    Finding footing = byPlace(findings, Finding.Check.FOOTING).get("programme-1/change.lasten/2027");
    assertThat(footing.kind()).isEqualTo(Finding.Kind.INCONSISTENCY);
    assertThat(footing.printed()).isEqualTo("4");
    assertThat(footing.computed()).isEqualTo("3");
    assertThat(footing.label()).isEqualTo("1. Een, Totaal wijziging lasten 2027");
    // new.lasten: exact 1.004, printed 1.010: 6 off, more than rounding explains
    Finding error = values.get("programme-1/new.lasten/2027");
    assertThat(error.kind()).isEqualTo(Finding.Kind.ERROR);
    assertThat(error.computed()).isEqualTo("1.004");
    assertThat(error.label()).isEqualTo("1. Een, Nieuw kader, Totaal lasten 2027");
    assertThat(error.figure()).isEqualTo("programme-1/new.lasten/2027");

    assertThat(findings).hasSize(3);
    AuditSummary summary = AuditSummary.of(findings);
    assertThat(summary).isEqualTo(new AuditSummary(1, 1, 0, 1));
    assertThat(summary.line()).isEqualTo("1 rounding, 1 inconsistency in the document, 0 changed since publication, 1 error");
    assertThat(summary.needsAction()).isTrue();
  }

  @Test
  void onlyRoundingNeedsNoAction() {
    List<Finding> findings = audit(budget("1000000", "A: \"60\", B: \"40\"", P_AND_Q, """
            - table: programme-1
              rows:
                "q": ["2"]
        """));
    assertThat(findings).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.ROUNDING));
    assertThat(AuditSummary.of(findings).needsAction()).isFalse();
  }

  /**
   * Three lines of 1,4 thousand: their total 4,2 prints 4 (nearest). Rounded to nearest, the lines
   * print 1 + 1 + 1 = 3, which is 1,2 from 4,2; so Begroot prints one of them as 2 to make the table
   * foot. The document printing exactly what Begroot prints: the two lines at 1 are no finding (the
   * nearest, and Begroot's), the line at 2 is one (Begroot's, but not the nearest): rounding.
   */
  @Test
  void aPrintThatIsBegrootsButNotTheNearestIsStillRounding() {
    String lines = """
          - {id: a, unit: "1.1", title: Plan A, side: lasten, amounts: {2027: 1400}}
          - {id: b, unit: "1.1", title: Plan B, side: lasten, amounts: {2027: 1400}}
          - {id: c, unit: "1.1", title: Plan C, side: lasten, amounts: {2027: 1400}}
        """;
    Document unprinted = TestBudgets.document(budget("1000000", "A: \"60\", B: \"40\"", lines, ""));
    PrintedFigures ours = ControlledRounding.round(unprinted);
    Map<String, Long> begroot = Map.of("a", ours.value(true, "programme-1/a/2027").orElseThrow(),
        "b", ours.value(true, "programme-1/b/2027").orElseThrow(), "c", ours.value(true, "programme-1/c/2027").orElseThrow());
    assertThat(begroot.values()).containsExactlyInAnyOrder(1L, 1L, 2L);
    assertThat(ours.value(true, "programme-1/change.lasten/2027")).hasValue(4);
    String two = begroot.entrySet().stream().filter(e -> e.getValue() == 2).findFirst().orElseThrow().getKey();

    List<Finding> findings = audit(budget("1000000", "A: \"60\", B: \"40\"", lines, """
            - table: programme-1
              rows:
                "a": ["%d"]
                "b": ["%d"]
                "c": ["%d"]
                "change.lasten": ["4"]
        """.formatted(begroot.get("a"), begroot.get("b"), begroot.get("c"))));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.row()).isEqualTo(two);
      assertThat(f.kind()).isEqualTo(Finding.Kind.ROUNDING);
      assertThat(f.printed()).isEqualTo("2").isEqualTo(f.computed());
      assertThat(f.message()).contains("nearer to 1");
    });
  }

  @Test
  void aFrameThatDoesNotBalanceAndAKeyThatDoesNotAddUpAreInconsistencies() {
    // frame: lasten 1.000.000 against baten 999.000; key 60,01 + 40 = 100,01 %
    List<Finding> findings = audit(budget("999000", "A: \"60.01\", B: \"40\"", P_AND_Q, ""));
    assertThat(findings).hasSize(2).allSatisfy(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.INCONSISTENCY));
    Finding frame = findings.stream().filter(f -> f.check() == Finding.Check.FRAME_BALANCE).findFirst().orElseThrow();
    assertThat(frame.label()).isEqualTo("Tabel 1, Kader, Saldo 2027");
    assertThat(frame.computed()).isEqualTo("1.000,00");
    Finding key = findings.stream().filter(f -> f.check() == Finding.Check.KEY).findFirst().orElseThrow();
    assertThat(key.label()).isEqualTo("Sleutel K");
    assertThat(key.printed()).isEqualTo("100,01%");
    assertThat(AuditSummary.of(findings).needsAction()).isTrue();
  }

  @Test
  void oneFigurePrintedDifferentlyInTwoTablesIsAnInconsistency() {
    // programme 1's change in lasten (exact 4) is printed in its own table and in Tabel 1
    List<Finding> findings = audit(budget("1000000", "A: \"60\", B: \"40\"", P_AND_Q, """
            - table: programme-1
              rows:
                "change.lasten": ["4"]
            - table: tabel-1
              rows:
                "change.lasten.1": ["5"]
        """));
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.check()).isEqualTo(Finding.Check.CROSS_TABLE);
      assertThat(f.kind()).isEqualTo(Finding.Kind.INCONSISTENCY);
    });
  }

  // ---------------------------------------------------------------- changed since publication

  private static final String PRINTED_AT_PUBLICATION = """
          - table: programme-1
            rows:
              "frame.lasten": ["1.001"]
              "p": ["1"]
              "q": ["3"]
              "change.lasten": ["4"]
              "new.lasten": ["1.004"]
      """;

  private static final SincePublication.Edit ANNA = new SincePublication.Edit("q", "proposal.change", "Anna", Instant.parse("2026-11-30T10:15:00Z"));

  /**
   * Printed when q was 2.600; Anna changed q to 12.600 afterwards. q, the change and the new frame
   * now come to 13, 14 and 1.014 (printed 3, 4, 1.004): changed since publication, by Anna. p is
   * unchanged and printed right: no finding. The frame's lasten were printed 1.001 where the file has
   * 1.000.000 (1.000): nothing was edited there, so that stays an error; and with it the printed new
   * frame 1.004 is not the printed 1.001 + 4 = 1.005: an inconsistency.
   */
  @Test
  void aVersionEditedAfterPrintingShowsWhoChangedWhatAndWhen() {
    String then = budget("1000000", "A: \"60\", B: \"40\"", P_AND_Q, PRINTED_AT_PUBLICATION);
    String now = then.replace("amounts: {2027: 2600}", "amounts: {2027: 12600}");
    List<Finding> findings = audit(now, new SincePublication(TestBudgets.document(then), List.of(ANNA)));
    Map<String, Finding> values = byPlace(findings, Finding.Check.VALUE);
    assertThat(values.keySet()).containsExactlyInAnyOrder("programme-1/q/2027", "programme-1/change.lasten/2027",
        "programme-1/new.lasten/2027", "programme-1/frame.lasten/2027");
    Finding q = values.get("programme-1/q/2027");
    assertThat(q.kind()).isEqualTo(Finding.Kind.CHANGED_SINCE_PUBLICATION);
    assertThat(q.printed()).isEqualTo("3");
    assertThat(q.computed()).isEqualTo("13");
    assertThat(q.edits()).containsExactly(ANNA);
    assertThat(q.message()).contains("2.600,00 euros at publication").contains("12.600,00 euros now").contains("Anna");
    assertThat(values.get("programme-1/change.lasten/2027").kind()).isEqualTo(Finding.Kind.CHANGED_SINCE_PUBLICATION);
    assertThat(values.get("programme-1/new.lasten/2027").computed()).isEqualTo("1.014");
    assertThat(values.get("programme-1/new.lasten/2027").edits()).containsExactly(ANNA);
    assertThat(values.get("programme-1/frame.lasten/2027").kind()).isEqualTo(Finding.Kind.ERROR);
    assertThat(byPlace(findings, Finding.Check.FOOTING).keySet()).containsExactly("programme-1/new.lasten/2027");
    assertThat(AuditSummary.of(findings)).isEqualTo(new AuditSummary(0, 1, 3, 1));

    // without the document at publication, the edits' subjects decide: the same findings
    List<Finding> byInputs = audit(now, new SincePublication(null, List.of(ANNA)));
    assertThat(AuditSummary.of(byInputs)).isEqualTo(new AuditSummary(0, 1, 3, 1));
    // and without any history, the same differences are errors
    assertThat(AuditSummary.of(audit(now))).isEqualTo(new AuditSummary(0, 1, 0, 4));
  }

  /**
   * Printed with p and q; Bert withdrew p afterwards. The printed line p is no longer in the table,
   * and the change (printed 4) is now 3: both changed since publication, by Bert, although p is no
   * longer an input of anything now (found through the document at publication).
   */
  @Test
  void aProposalWithdrawnAfterPrintingIsChangedNotAnError() {
    String then = budget("1000000", "A: \"60\", B: \"40\"", P_AND_Q, PRINTED_AT_PUBLICATION.replace("1.001", "1.000"));
    String now = then.replace("  - {id: p, unit: \"1.1\", title: Plan P, side: lasten, amounts: {2027: 1400}}\n", "");
    assertThat(now).doesNotContain("id: p,");
    SincePublication.Edit bert = new SincePublication.Edit("p", "proposal.withdraw", "Bert", Instant.parse("2026-11-30T11:00:00Z"));
    String printedWithoutP = now; // the printed section still has p: the reader allows a published row the data no longer has
    List<Finding> findings = audit(printedWithoutP, new SincePublication(TestBudgets.document(then), List.of(bert)));
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.row()).isEqualTo("p");
      assertThat(f.kind()).isEqualTo(Finding.Kind.CHANGED_SINCE_PUBLICATION);
      assertThat(f.edits()).containsExactly(bert);
      assertThat(f.label()).isEqualTo("1. Een, 1.1. Plan P");
    });
    Finding change = byPlace(findings, Finding.Check.VALUE).get("programme-1/change.lasten/2027");
    assertThat(change.kind()).isEqualTo(Finding.Kind.CHANGED_SINCE_PUBLICATION);
    assertThat(change.computed()).isEqualTo("3");
    assertThat(change.edits()).containsExactly(bert);
    assertThat(AuditSummary.of(findings).errors()).isZero();
    // without history the missing line is an error
    assertThat(audit(printedWithoutP)).anySatisfy(f -> {
      assertThat(f.row()).isEqualTo("p");
      assertThat(f.kind()).isEqualTo(Finding.Kind.ERROR);
    });
  }

  /**
   * A printed line Begroot does not print is named in words, never by its id: a programme line of
   * Tabel 1 for a programme the budget does not have, and the frame's balance printed in the annex.
   */
  @Test
  void aPrintedLineBegrootDoesNotPrintIsNamedInWords() {
    List<Finding> findings = audit(budget("1000000", "A: \"60\", B: \"40\"", P_AND_Q, """
            - table: tabel-1
              rows:
                "change.lasten.9": ["7"]
            - table: bijlage-1-2027
              rows:
                "frame.saldo": ["", "5", "", ""]
        """));
    Finding programme = findings.stream().filter(f -> f.row().equals("change.lasten.9")).findFirst().orElseThrow();
    assertThat(programme.label()).isEqualTo("Tabel 1, Wijziging lasten, programma 9");
    Finding frame = findings.stream().filter(f -> f.row().equals("frame.saldo")).findFirst().orElseThrow();
    assertThat(frame.label()).startsWith("Bijlage 1").contains("Kader, Saldo");
    assertThat(findings).allSatisfy(f -> assertThat(f.label()).doesNotContain("change.", "frame.", "tabel-1", "bijlage-1-"));
  }
}
