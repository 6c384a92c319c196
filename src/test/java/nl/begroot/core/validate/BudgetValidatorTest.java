package nl.begroot.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.format.BudgetReader;
import nl.begroot.format.LoadResult;
import org.junit.jupiter.api.Test;

/**
 * The core's rules on the model itself, as the workspace will use them for edits: each edit below is
 * made on a {@link Budget} (no YAML written or read) and the violation names the model path of what
 * was changed. The budget is the small valid one of {@code BadInputTest}.
 */
class BudgetValidatorTest {
  private static final Budget VALID = read(nl.begroot.format.BadInputTestAccess.valid());

  private static Budget read(String text) {
    return ((LoadResult.Loaded) BudgetReader.read("budget.yaml", text)).budget();
  }

  private static int index(String proposalId) {
    List<Proposal> ps = VALID.proposals();
    for (int i = 0; i < ps.size(); i++) {
      if (ps.get(i).id().equals(proposalId)) {
        return i;
      }
    }
    throw new IllegalArgumentException(proposalId);
  }

  private static Budget withProposal(String id, java.util.function.UnaryOperator<Proposal> edit) {
    List<Proposal> ps = new ArrayList<>(VALID.proposals());
    ps.set(index(id), edit.apply(ps.get(index(id))));
    return VALID.withProposals(ps);
  }

  private static Proposal amounts(Proposal p, Amounts a) {
    return new Proposal(p.id(), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(), a, p.rule(), p.passThrough(),
        p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(), p.explanation());
  }

  private static Proposal unit(Proposal p, String unit) {
    return new Proposal(p.id(), List.of(unit), p.title(), p.side(), p.nature(), p.category(), p.products(), p.amounts(), p.rule(),
        p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(), p.explanation());
  }

  @Test
  void theValidBudgetBreaksNoRule() {
    assertThat(BudgetValidator.validate(VALID)).isEmpty();
  }

  @Test
  void anAmountTooLargeIsNamedByItsYear() {
    long tooLarge = BudgetValidator.MAX_CENTS + 1;
    Budget edited = withProposal("p-water", p -> amounts(p, Amounts.of(100, tooLarge, 100)));
    assertThat(BudgetValidator.validate(edited)).singleElement().satisfies(v -> {
      assertThat(v.path()).hasToString("proposals[" + index("p-water") + "].amounts.2027");
      assertThat(v.message()).contains("p-water", "2027", "larger than Begroot accepts");
    });
  }

  @Test
  void anUnknownUnitIsNamedByTheUnitsPlace() {
    Budget edited = withProposal("p-water", p -> unit(p, "1.9"));
    assertThat(BudgetValidator.validate(edited)).singleElement().satisfies(v -> {
      assertThat(v.path()).hasToString("proposals[" + index("p-water") + "].unit[0]");
      assertThat(v.message()).isEqualTo("proposal 'p-water' names an unknown unit '1.9'");
    });
  }

  @Test
  void pmMixedWithAmountsIsNamedAtTheFirstPm() {
    Amounts mixed = Amounts.builder(3).pm(0).amount(1, 500).build();
    Budget edited = withProposal("p-monitor", p -> amounts(p, mixed));
    assertThat(BudgetValidator.validate(edited)).singleElement().satisfies(v -> {
      assertThat(v.path()).hasToString("proposals[" + index("p-monitor") + "].amounts.2026");
      assertThat(v.message()).contains("mixes pm with amounts");
    });
  }

  @Test
  void aDuplicateIdIsAValueThatNamesTheFirst() {
    Budget edited = withProposal("p-hrm", p -> new Proposal("p-water", p.units(), p.title(), p.side(), p.nature(), p.category(),
        p.products(), p.amounts(), p.rule(), p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(),
        p.explanation()));
    assertThat(BudgetValidator.validate(edited)).singleElement().satisfies(v -> {
      assertThat(v.path()).hasToString("proposals[" + index("p-hrm") + "].id");
      assertThat(v.firstAt()).hasToString("proposals[" + index("p-water") + "]");
      assertThat(v.message()).isEqualTo("duplicate proposal id 'p-water'");
    });
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    Map<String, BigDecimal> shares = new LinkedHashMap<>(VALID.keys().get(0).sharesPercent());
    shares.put("CC", new BigDecimal("40.02"));
    DistributionKey key = VALID.keys().get(0);
    Budget edited = withProposal("p-water", p -> unit(p, "1.9"))
        .withKeys(List.of(new DistributionKey(key.id(), key.title(), shares, false, false, null)));
    assertThat(BudgetValidator.validate(edited)).extracting(v -> v.path().toString())
        .containsExactly("keys[0].shares", "proposals[" + index("p-water") + "].unit[0]");
  }

  @Test
  void aProgrammeWithoutTitleIsOneProblemNotUnknownUnits() {
    List<Programme> programmes = new ArrayList<>(VALID.programmes());
    Programme p = programmes.get(1);
    programmes.set(1, new Programme(p.id(), null, p.intro(), p.overheadView(), p.spread(), p.units(), p.frameLasten(), p.frameBaten()));
    Budget edited = new Budget(VALID.organisation(), VALID.version(), VALID.products(), VALID.members(), VALID.keys(), VALID.categories(),
        VALID.thirdParties(), programmes, VALID.proposals(), VALID.transfers(), VALID.annex(), VALID.glossary(), VALID.printed());
    assertThat(BudgetValidator.validate(edited)).singleElement().satisfies(v -> {
      assertThat(v.path()).hasToString("programmes[1].title");
      assertThat(v.message()).isEqualTo("programme '2' title must be a non-empty text");
    });
  }

  @Test
  void theEngineRefusesABudgetTheValidatorRejects() {
    Budget edited = withProposal("p-water", p -> unit(p, "1.9"));
    assertThatThrownBy(() -> Engine.compute(edited))
        .isInstanceOf(InvalidBudgetException.class)
        .hasMessageContaining("the budget is not valid (1 problem)")
        .hasMessageContaining("proposals[" + index("p-water") + "].unit[0]: proposal 'p-water' names an unknown unit '1.9'");
    assertThat(Engine.compute(VALID)).isNotNull();
  }

  @Test
  void pathsPrintAsTheFileNamesThem() {
    assertThat(ModelPath.of("proposals").index(3).field("amounts").key(2027)).hasToString("proposals[3].amounts.2027");
    assertThat(ModelPath.of("keys").index(0).field("shares").key("GE")).hasToString("keys[0].shares.GE");
    assertThat(ModelPath.of("printed").field("tables").index(0).field("rows").key("new.lasten"))
        .hasToString("printed.tables[0].rows[\"new.lasten\"]");
    assertThat(ModelPath.ROOT).hasToString("(budget)");
    assertThat(ModelPath.of("proposals").index(3).field("amounts")).isEqualTo(ModelPath.of("proposals").index(3).field("amounts"))
        .isNotEqualTo(ModelPath.of("proposals").index(2).field("amounts"));
    assertThat(ModelPath.of("proposals").index(3).field("amounts").key(2027).startsWith(ModelPath.of("proposals").index(3))).isTrue();
    assertThat(ModelPath.of("proposals").index(3).startsWith(ModelPath.of("proposals").index(3).field("amounts"))).isFalse();
  }
}
