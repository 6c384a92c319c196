package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import nl.begroot.TestBudgets;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.explain.Explainer;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
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
  void tabel1RowsPerProgrammeCarryTheirChange() {
    Computed before = Pipeline.compute(TestBudgets.load(budget(100)));
    Computed after = Pipeline.compute(TestBudgets.load(budget(300)));
    Comparison c = Comparison.of(before.computation(), after.computation());
    int y = c.years().indexOf(2027);
    java.util.Map<String, Long> delta = new java.util.LinkedHashMap<>();
    c.tabel1().forEach(l -> delta.put(l.id(), l.delta(y)));
    // line l (programme 1, lasten) up by 200 euros in 2027; the balancing item (programme 2, baten) closes it
    assertThat(delta).containsEntry("change.lasten.1", 200_00L).containsEntry("change.lasten.2", 0L)
        .containsEntry("change.baten.2", 200_00L).containsEntry("change.lasten", 200_00L).containsEntry("change.baten", 200_00L)
        .containsEntry("new.lasten", 200_00L).containsEntry("new.saldo", 0L).containsEntry("frame.lasten", 0L);
    // the rows are Tabel 1's own, in its order (sections left out)
    assertThat(c.tabel1()).extracting(Comparison.Line::id).containsExactlyElementsOf(after.document().table("tabel-1").orElseThrow().rows()
        .stream().filter(r -> r.style() != nl.begroot.core.figures.Table.Style.SECTION
            && r.style() != nl.begroot.core.figures.Table.Style.SUBSECTION).map(nl.begroot.core.figures.Table.Row::id).toList());
    assertThat(Comparison.of(before.document(), after.document()).tabel1()).extracting(l -> l.delta(y))
        .containsExactlyElementsOf(c.tabel1().stream().map(l -> l.delta(y)).toList());
  }

  @Test
  void comparingComputationsBuildsNoDocument() {
    Computed before = Pipeline.compute(TestBudgets.load(budget(111)));
    // a state nobody has computed yet (reading a file checks its narratives, which builds its document)
    Budget read = TestBudgets.load(budget(111));
    java.util.List<Proposal> proposals = new java.util.ArrayList<>(read.proposals());
    int at = proposals.indexOf(read.proposal("l").orElseThrow());
    Proposal p = proposals.get(at);
    proposals.set(at, new Proposal(p.id(), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(),
        Amounts.of(new long[] {100_00, 333_00}), p.rule(), p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(),
        p.explanation()));
    long documents = Pipeline.documents();
    Computed after = Pipeline.compute(read.withProposals(proposals));
    Comparison c = Comparison.of(before.computation(), after.computation());
    assertThat(c.members()).extracting(l -> l.delta(c.years().indexOf(2027))).containsExactly(111_00L, 66_60L, 44_40L);
    assertThat(Pipeline.documents()).as("no figures built for a comparison").isEqualTo(documents);
    after.document();
    after.document();
    assertThat(Pipeline.documents()).as("a state's document is built once, on first use").isEqualTo(documents + 1);
  }

  @Test
  void explainerFindsAMembersYearByTheTotalColumn() {
    Computed c = Pipeline.compute(TestBudgets.load(budget(300)));
    Explainer e = c.explainer();
    assertThat(e.resolve("Alfa 2027")).map(f -> f.id()).contains("bijlage-1-2027/A/alles");
  }
}
