package nl.begroot.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.begroot.TestBudgets;
import org.junit.jupiter.api.Test;

/**
 * The reader checks the narratives' references against the budget's figures: an unknown one is a
 * problem at its own line and column (inside a folded text, on the line where it is written), a
 * literal amount no figure of the unit has is a warning, with its place, and the file still loads.
 */
class NarrativeReadingTest {
  static String yaml(String explanationLines) {
    return TestBudgets.small("""
          - id: p1
            unit: "1.1"
            title: Extra
            side: lasten
            amounts: {2026: 100, 2027: 250.50}
            explanation: >-
        %s
        """.formatted(explanationLines.stripTrailing()), "");
  }

  /** The line (from 1) of the file's line that contains {@code fragment}. */
  static int lineOf(String text, String fragment) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError(fragment);
  }

  @Test
  void anUnknownReferenceIsAProblemAtItsLineAndColumn() {
    String text = yaml("""
              Dit voorstel kost {{bedrag: 2027}} in 2027
              en {{bedrag: p9/2027}} daarna.
        """);
    LoadResult r = BudgetReader.read("b.yaml", text);
    assertThat(r).isInstanceOf(LoadResult.Rejected.class);
    List<Problem> problems = ((LoadResult.Rejected) r).problems();
    assertThat(problems).hasSize(1);
    Problem p = problems.get(0);
    // the second line of the text; "      en " is 9 characters, so the reference starts in column 10
    assertThat(p.line()).isEqualTo(lineOf(text, "explanation: >-") + 2);
    assertThat(p.column()).isEqualTo(10);
    assertThat(p.message()).contains("the explanation of proposal 'p1'").contains("{{bedrag: p9/2027}}").contains("no proposal 'p9'");
  }

  @Test
  void aQuotedTextWithEscapesPutsTheProblemAtTheTextsStart() {
    String text = TestBudgets.small("""
          - id: p1
            unit: "1.1"
            title: Extra
            side: lasten
            amounts: {2026: 100}
            explanation: "tab\\there {{bedrag: 2031}}"
        """, "");
    Problem p = ((LoadResult.Rejected) BudgetReader.read("b.yaml", text)).problems().get(0);
    assertThat(p.line()).isEqualTo(lineOf(text, "explanation: \""));
    assertThat(p.column()).isEqualTo(18); // the opening quote: "    explanation: " is 17 characters
    assertThat(p.message()).contains("no figure 'programme-1/p1/2031'");
  }

  @Test
  void aLiteralAmountNoFigureHasIsAWarningAndTheFileLoads() {
    String text = yaml("""
              Dit voorstel kost € 250,50 in 2027
              en daarna, zoals gezegd, € 999 per jaar.
        """);
    LoadResult r = BudgetReader.read("b.yaml", text);
    assertThat(r).isInstanceOf(LoadResult.Loaded.class);
    List<Problem> warnings = ((LoadResult.Loaded) r).warnings();
    // € 250,50 is p1's amount in 2027: no warning; € 999 is no figure's
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).line()).isEqualTo(lineOf(text, "explanation: >-") + 2);
    assertThat(warnings.get(0).column()).isEqualTo(32); // "      en daarna, zoals gezegd, " is 31 characters
    assertThat(warnings.get(0).message()).contains("'€ 999'");
  }

  @Test
  void theBuiltInBudgetReadsWithItsReferencesAndOnlyTheKnownLiteralAmountsWarn() {
    LoadResult r = BudgetFiles.loadBuiltIn();
    assertThat(r).isInstanceOf(LoadResult.Loaded.class);
    // the ANLb's € 169.500 (entered as the table's 170.000, twice), the € 150.000 over 2025 (a year outside the
    // budget, twice) and GBO's former € 300.000 of external income (inside the frame, not a figure of its own)
    assertThat(((LoadResult.Loaded) r).warnings()).extracting(Problem::message)
        .anyMatch(m -> m.contains("unit '3.2'") && m.contains("€ 169.500"))
        .anyMatch(m -> m.contains("'3.2-anlb'") && m.contains("€ 169.500"))
        .anyMatch(m -> m.contains("'2.3-natuurherstelverordening'") && m.contains("€ 150.000"))
        .anyMatch(m -> m.contains("'2.3-lvvn'") && m.contains("€ 150.000"))
        .anyMatch(m -> m.contains("'3.6-risicokaart'") && m.contains("€ 300.000"))
        .hasSize(5);
  }
}
