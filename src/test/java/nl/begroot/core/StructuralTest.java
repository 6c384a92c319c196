package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.begroot.TestBudgets;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The structural overview (one-off and recurring lasten and baten) on budgets with amounts in cents:
 * its rows are sums of the proposal lines, so they foot with Tabel 1 once printed in thousands, and
 * each row's exact value is the sum of the entered amounts of its nature, computed here from the
 * model.
 */
class StructuralTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3, 11, 2027})
  void structuralRowsFootWithTabel1AndWalkDownToTheProposals(long seed) {
    Budget budget = BudgetGenerator.generate(seed, new BudgetGenerator.Size(40, 5, 12, 2, 4, 3));
    TestBudgets.Computed c = TestBudgets.compute(budget);
    var graph = c.document().graph();
    Proposal balancing = budget.proposals().stream().filter(p -> p.rule() == Proposal.Rule.BALANCING).findFirst().orElseThrow();
    for (int y = 0; y < budget.version().years().size(); y++) {
      int year = budget.version().years().get(y);
      String s = nl.begroot.core.figures.FigureIds.STRUCTURAL;
      long recurringLasten = printed(c, s + "/recurring.lasten/" + year);
      long oneOffLasten = printed(c, s + "/one-off.lasten/" + year);
      long recurringBaten = printed(c, s + "/recurring.baten/" + year);
      long oneOffBaten = printed(c, s + "/one-off.baten/" + year);
      String balancingLine = "programme-" + programmeOf(budget, balancing) + "/" + balancing.id() + "/" + year;
      assertThat(recurringLasten + oneOffLasten).as("lasten rows = Tabel 1 change in lasten, %d", year)
          .isEqualTo(printed(c, "tabel-1/change.lasten/" + year));
      assertThat(recurringBaten + oneOffBaten + printed(c, balancingLine)).as("baten rows + balancing item = Tabel 1 change in baten, %d", year)
          .isEqualTo(printed(c, "tabel-1/change.baten/" + year));
      assertThat(printed(c, s + "/saldo/" + year)).isEqualTo(printed(c, balancingLine));
      // exact: the entered amounts of the lines by nature, from the model
      for (Side side : Side.values()) {
        for (Nature nature : Nature.values()) {
          String row = (nature == Nature.RECURRING ? "recurring." : "one-off.") + (side == Side.LASTEN ? "lasten" : "baten");
          String id = s + "/" + row + "/" + year;
          assertThat(c.cents(id)).as(id).isEqualTo(byNature(budget, c, side, nature, year));
          // every part of the row is a proposal, a transfer leg or a component, as entered
          for (Map.Entry<String, Long> leaf : graph.leafCoefficients(id).entrySet()) {
            assertThat(graph.get(leaf.getKey()).origin()).as(leaf.getKey())
                .isInstanceOfAny(Origin.Entered.class, Origin.TransferLeg.class, Origin.Component.class);
          }
        }
      }
    }
  }

  private static long printed(TestBudgets.Computed c, String id) {
    return c.printed().value(true, id).orElseThrow();
  }

  private static String programmeOf(Budget budget, Proposal p) {
    return budget.programmes().stream().filter(pr -> pr.units().stream().anyMatch(u -> u.id().equals(p.unit())))
        .findFirst().orElseThrow().id();
  }

  /**
   * The exact change of one side and nature in one year: every line but the balancing one, by its
   * nature, except that breakdown components count by their own.
   */
  private static long byNature(Budget budget, TestBudgets.Computed c, Side side, Nature nature, int year) {
    int y = budget.version().years().indexOf(year);
    long total = 0;
    for (Proposal p : budget.proposals()) {
      if (p.side() != side || p.rule() == Proposal.Rule.BALANCING) {
        continue;
      }
      long line = c.cents("programme-" + programmeOf(budget, p) + "/" + p.id() + "/" + year);
      long movedOut = 0;
      if (p.breakdown() != null) {
        for (var component : p.breakdown().components()) {
          if (component.nature() == nature && p.nature() != nature) {
            total += component.amounts().cents(y);
          }
          if (component.nature() != nature && p.nature() == nature) {
            movedOut += component.amounts().cents(y);
          }
        }
      }
      if (p.nature() == nature) {
        total += line - movedOut;
      }
    }
    return total;
  }
}
