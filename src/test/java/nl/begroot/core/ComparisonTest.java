package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import nl.begroot.TestBudgets;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.explain.Explainer;
import nl.begroot.core.pipeline.Computed;
import nl.begroot.core.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

/**
 * The comparison finds each member's change in the annex's total column, whatever the budget calls
 * it: here {@code alles}, not {@code total}.
 */
class ComparisonTest {
  private static String budget(int amount2027) {
    return TestBudgets.small("""
          - {id: l, unit: "1.1", title: L, side: lasten, amounts: {2026: 100, 2027: %d}}
        """.formatted(amount2027), "").replace("- {id: total, title: Total, sum_of: [c1, c2]}", "- {id: alles, title: Alles, sum_of: [c1, c2]}");
  }

  @Test
  void membersChangeInATotalColumnNamedOtherwise() {
    String a = budget(100);
    assertThat(a).contains("id: alles").doesNotContain("id: total");
    Computed before = Pipeline.compute(TestBudgets.load(a));
    Computed after = Pipeline.compute(TestBudgets.load(budget(300)));
    Comparison c = Comparison.of(before.document(), after.document());
    // 2027: lasten of programme 1 (column c1) up by 200 euros; key k splits it 50/30/20; nothing else moves
    int y = c.years().indexOf(2027);
    assertThat(c.changedMembers()).extracting(Comparison.Line::id).containsExactly("A", "B", "C");
    assertThat(c.members()).extracting(l -> l.delta(y)).containsExactly(100_00L, 60_00L, 40_00L);
    assertThat(c.members()).extracting(l -> l.delta(c.years().indexOf(2026))).containsExactly(0L, 0L, 0L);
  }

  @Test
  void explainerFindsAMembersYearByTheTotalColumn() {
    Computed c = Pipeline.compute(TestBudgets.load(budget(300)));
    Explainer e = c.explainer();
    assertThat(e.resolve("Alfa 2027")).map(f -> f.id()).contains("bijlage-1-2027/A/alles");
  }
}
