package nl.begroot.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.model.Annex;
import org.junit.jupiter.api.Test;

/** The rules of the reserves (core.accounts.ReserveRules), each problem at its reserve's field. */
class ReserveRulesTest {
  static final Annex ANNEX = new Annex("Bijlage 1", "k", List.of(
      new Annex.Column("c1", "One", List.of("1"), List.of(), List.of(), null, List.of()),
      new Annex.Column("u", "Units", List.of(), List.of("2.1"), List.of(), null, List.of()),
      new Annex.Column("3b", "Single proposals", List.of(), List.of(), List.of("p1"), null, List.of()),
      new Annex.Column("total", "Total", List.of(), List.of(), List.of(), null, List.of("c1", "u", "3b"))), null);

  static Reserve r(String id, String name, String column, long opening, long addition, long withdrawal) {
    return new Reserve(id, name, Reserve.Kind.GENERAL, column, opening, addition, withdrawal);
  }

  @Test
  void fineReservesHaveNoProblem() {
    // a withdrawal of exactly what the reserve holds (opening plus addition) is allowed; a column of units too
    assertThat(ReserveRules.check(ANNEX, List.of(r("a", "A", "c1", 100, 1, 101), r("b", "B", "u", 0, 0, 0)))).isEmpty();
    assertThat(ReserveRules.chargeableColumns(ANNEX)).extracting(Annex.Column::id).containsExactly("c1", "u");
  }

  @Test
  void eachProblemAtItsField() {
    List<ReserveRules.Problem> p = ReserveRules.check(ANNEX, List.of(
        r("a", "Een", "c1", 100, 1, 102),                                        // withdrawal over what it holds
        r("b", " een ", "3b", 0, 0, 0),                                           // the same name; a column of single proposals
        r("c", "Drie", "total", -1, 0, 0),                                        // a sum column; a negative opening
        new Reserve("Bad Id", "", null, "c1", 0, ReserveRules.MAX_CENTS + 1, 0),  // id, name, kind, addition too large
        r("a", "Vijf", "c1", 0, 0, 0)));                                          // the id of the first again
    assertThat(p).extracting(x -> x.path().toString()).containsExactly("reserves[0].withdrawal", "reserves[1].name", "reserves[1].column",
        "reserves[2].column", "reserves[2].opening", "reserves[3].id", "reserves[3].name", "reserves[3].kind", "reserves[3].addition",
        "reserves[4].id");
    assertThat(p.get(0).index()).isZero();
    assertThat(p.get(0).field()).isEqualTo("withdrawal");
    assertThat(p.get(0).en()).isEqualTo("Een: the withdrawal is more than the reserve holds (opening balance plus addition).");
    assertThat(p.get(1).nl()).isEqualTo("een: die naam heeft reserve 1 al; elke reserve heeft een eigen naam.");
    // no annex: no column to charge
    assertThat(ReserveRules.check(null, List.of(r("a", "A", "c1", 0, 0, 0)))).extracting(x -> x.path().toString())
        .containsExactly("reserves[0].column");
  }

  @Test
  void atMostFiftyReserves() {
    List<Reserve> many = new ArrayList<>();
    for (int i = 0; i < ReserveRules.MAX_RESERVES; i++) {
      many.add(r("r" + i, "R" + i, "c1", 0, 0, 0));
    }
    assertThat(ReserveRules.check(ANNEX, many)).isEmpty();
    many.add(r("x", "X", "c1", 0, 0, 0));
    assertThat(ReserveRules.check(ANNEX, many)).singleElement().satisfies(x -> {
      assertThat(x.path().toString()).isEqualTo("reserves");
      assertThat(x.index()).isEqualTo(-1);
      assertThat(x.nl()).isEqualTo("Een jaarrekening heeft ten hoogste 50 reserves, niet 51.");
    });
  }
}
