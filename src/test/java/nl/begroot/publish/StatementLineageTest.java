package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.explain.Explanation;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.model.Member;
import org.junit.jupiter.api.Test;

/**
 * The statement's largest proposals are the explainer's lineage: each member's parts equal a fold,
 * written here, over the explanation tree the figure page shows (sums by sign, shares by the ratio
 * of share to what was split, stopping at the proposal lines).
 */
class StatementLineageTest {
  private record Part(String figureId, long memberCents) {}

  private static void fold(Explanation e, BigDecimal weight, Map<String, BigDecimal> out) {
    String[] id = e.figure().id().split("/");
    if (id.length == 3 && id[0].startsWith("programme-") && Ipo.BUDGET.proposal(id[1]).isPresent()) {
      out.merge(e.figure().id(), weight, BigDecimal::add);
      return;
    }
    for (Explanation p : e.parts()) {
      fold(p, p.sign() > 0 ? weight : weight.negate(), out);
    }
    if (e.basis() != null && e.figure().origin() instanceof Origin.Share && e.basis().figure().cents() != 0) {
      BigDecimal ratio = BigDecimal.valueOf(e.figure().cents()).divide(BigDecimal.valueOf(e.basis().figure().cents()), MathContext.DECIMAL128);
      fold(e.basis(), weight.multiply(ratio, MathContext.DECIMAL128), out);
    }
  }

  @Test
  void theStatementsLargestProposalsAreTheExplainersWalk() {
    Publication pub = Ipo.PUBLICATION;
    var explainer = pub.computed().explainer();
    for (Member m : pub.budget().members()) {
      for (int year : pub.budget().version().years()) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        fold(explainer.explain(explainer.resolve(m.name() + " " + year).orElseThrow()), BigDecimal.ONE, weights);
        List<Part> expected = new ArrayList<>();
        weights.forEach((id, w) -> {
          long cents = w.multiply(BigDecimal.valueOf(pub.cents(id))).setScale(0, RoundingMode.HALF_UP).longValueExact();
          if (cents != 0) {
            expected.add(new Part(id, cents));
          }
        });
        expected.sort(Comparator.comparingLong((Part p) -> -Math.abs(p.memberCents())).thenComparing(Part::figureId));
        List<Part> statement = Statement.parts(pub, m, year).stream().map(p -> new Part(p.figureId(), p.memberCents())).toList();
        assertThat(statement).as(m.name() + " " + year).isNotEmpty().isEqualTo(expected);
      }
    }
  }
}
