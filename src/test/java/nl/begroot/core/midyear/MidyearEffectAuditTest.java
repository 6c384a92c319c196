package nl.begroot.core.midyear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.begroot.TestBudgets;
import nl.begroot.core.audit.Auditor;
import nl.begroot.core.audit.Finding;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.pipeline.Computed;
import nl.begroot.core.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

/**
 * The audit of the effect a Tussenrapportage shows of its own proposals. By hand on the small budget of
 * {@link TestBudgets#small} (one key, A 50 %, B 30 %, C 20 %): the report proposes 200 more lasten in 1.1 in 2027, so the
 * balancing item moves by + 200 (the net of the proposal's own amounts) and the amount Bijlage 1 distributes by + 200, of
 * which A + 100, B + 60 and C + 40. The honest effect passes; a shown effect whose balancing item or a member's change is
 * altered (planted) is reported; and on the IPO budget, against itself with every entered line at zero, the whole
 * concept's effect (transfers, pass-through moves, third-party money) passes.
 */
class MidyearEffectAuditTest {
  private static final Computed BASIS = Pipeline.compute(TestBudgets.load(TestBudgets.small("", "")));
  private static final Computed REPORT = Pipeline.compute(TestBudgets.load(TestBudgets.small("""
        - {id: l, unit: "1.1", title: L, side: lasten, amounts: {2026: 0, 2027: 200}}
      """, "")));

  private static Comparison effect() {
    return Comparison.of(BASIS.document(), REPORT.document());
  }

  @Test
  void theHonestEffectFollowsFromTheProposalsOwnAmounts() {
    Comparison e = effect();
    assertThat(e.years()).containsExactly(2026, 2027);
    assertThat(e.balancing().delta(1)).isEqualTo(200_00L);
    assertThat(e.distributed().delta(1)).isEqualTo(200_00L);
    assertThat(e.members()).extracting(m -> m.delta(1)).containsExactly(100_00L, 60_00L, 40_00L);
    assertThat(e.balancing().delta(0)).isZero();
    assertThat(Auditor.effect(e)).isEmpty();
    MidyearReport r = MidyearReport.of(REPORT.computation(), List.of(), 2027, 6, Map.of());
    assertThat(Auditor.midyear(r, Pipeline.round(r.document()), e)).extracting(Finding::check).doesNotContain(Finding.Check.EFFECT);
  }

  @Test
  void anAlteredBalancingItemOrMemberIsReported() {
    Comparison e = effect();
    long[] balancing = e.balancing().b().clone();
    balancing[1] += 1_000_00; // planted: the shown balancing item moves by 1.200 instead of 200
    Comparison wrongBalancing = new Comparison(e.years(), new Comparison.Line("balancing", "Sluitpost", e.balancing().a(), balancing), e.tabel1(),
        e.members(), e.proposals(), e.distributed());
    List<Finding> f = Auditor.effect(wrongBalancing);
    assertThat(f).hasSize(1);
    assertThat(f.get(0).check()).isEqualTo(Finding.Check.EFFECT);
    assertThat(f.get(0).kind()).isEqualTo(Finding.Kind.INCONSISTENCY);
    assertThat(f.get(0).row()).isEqualTo("sluitpost");
    assertThat(f.get(0).column()).isEqualTo("2027");
    assertThat(f.get(0).message()).isEqualTo("the change of the balancing item in 2027 is shown as € 1.200,00, but the proposals' own amounts"
        + " net to € 200,00 (the change in lasten minus the change in all other baten)");

    List<Comparison.Line> members = new ArrayList<>(e.members());
    Comparison.Line a = members.get(0);
    long[] aAfter = a.b().clone();
    aAfter[1] += 1; // planted: member A's change shown one cent too high, so the members no longer add up to the amount distributed
    members.set(0, new Comparison.Line(a.id(), a.label(), a.a(), aAfter));
    Comparison wrongMember = new Comparison(e.years(), e.balancing(), e.tabel1(), members, e.proposals(), e.distributed());
    assertThat(Auditor.effect(wrongMember)).extracting(Finding::row, Finding::column).containsExactly(org.assertj.core.groups.Tuple.tuple("leden", "2027"));
    MidyearReport r = MidyearReport.of(REPORT.computation(), List.of(), 2027, 6, Map.of());
    assertThat(Auditor.midyear(r, Pipeline.round(r.document()), wrongMember)).extracting(Finding::check).contains(Finding.Check.EFFECT);
  }

  @Test
  void theWholeIpoConceptsEffectFollows() {
    Budget ipo = TestBudgets.ipo();
    // every entered line at zero (its breakdown left out, which must add up to its amounts): only the computed lines remain
    Budget without = ipo.withProposals(ipo.proposals().stream().map(p -> p.rule() != Proposal.Rule.ENTERED ? p
        : new Proposal(p.id(), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(),
            nl.begroot.core.model.Amounts.of(new long[ipo.version().years().size()]), p.rule(), p.passThrough(), p.passThroughItems(),
            p.thirdParty(), p.group(), null, p.explanation())).toList());
    Comparison e = Comparison.of(Pipeline.compute(without).document(), Pipeline.compute(ipo).document());
    assertThat(e.balancing().changed()).isTrue();
    assertThat(Auditor.effect(e)).isEmpty();
  }
}
