package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import nl.begroot.TestBudgets;
import nl.begroot.core.model.Budget;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import org.junit.jupiter.api.Test;

/**
 * The second built-in example, the fictitious GR Voorbeeldregio (decision 164), worked out by hand from its file:
 * six municipalities, the key "inwoners" (42 / 11,75 / 8,625 / 15,5 / 6,375 / 15,75 %) and the key "afval"
 * (40 / 12 / 10 / 16 / 8 / 14 %) for column 2.
 *
 * <p>2027 by hand: lasten change 60.000 (1.1) + 240.000 (2.1) + 151.111 (3.1) = 451.111; other baten 40.000
 * (2.1); so the balancing item (the members' contribution) is 451.111 - 40.000 = 411.111. Column 3 splits
 * 151.111,00 by inhabitants, largest remainder to the cent: the exact parts in cents are 6.346.662; 1.775.554,25;
 * 1.303.332,375; 2.342.220,5; 963.332,625; 2.379.998,25; their floors add to 15.111.098, so the two cents left go
 * to the largest remainders, Eikenveen (,625) and Dijkhoven (,5): 963.333 and 2.342.221.
 */
class ExampleOrganisationTest {
  static final Budget GR = ((LoadResult.Loaded) BudgetFiles.loadExample()).budget();
  static final TestBudgets.Computed COMPUTED = TestBudgets.compute(GR);

  @Test
  void theExampleIsItsOwnOrganisationWithItsOwnMembersAndKeys() {
    assertThat(GR.organisation().id()).isEqualTo(BudgetFiles.EXAMPLE_ORGANISATION);
    assertThat(GR.organisation().name()).contains("fictief");
    assertThat(GR.organisation().memberTerm()).isEqualTo("gemeente");
    assertThat(GR.members()).hasSize(6);
    assertThat(GR.keys()).hasSize(2);
  }

  @Test
  void theBalancingItemIsTheChangeInLastenLessTheOtherBaten() {
    assertThat(COMPUTED.cents("programme-4/4.1-bijdrage/2027")).isEqualTo((60_000L + 240_000L + 151_111L - 40_000L) * 100);
    assertThat(COMPUTED.cents("programme-4/4.1-bijdrage/2028")).isEqualTo((60_000L + 240_000L + 100_000L - 40_000L) * 100);
    assertThat(COMPUTED.cents("programme-4/4.1-bijdrage/2026")).isZero();
  }

  @Test
  void eachMembersContributionIsItsKeyShareOfEachColumnRoundedByLargestRemainder() {
    // column 1 by inhabitants: 42 % of 60.000 = 25.200; column 2 by waste: 40 % of (240.000 - 40.000) = 80.000
    assertThat(COMPUTED.cents("bijlage-1-2027/VST/1")).isEqualTo(2_520_000L);
    assertThat(COMPUTED.cents("bijlage-1-2027/VST/2")).isEqualTo(8_000_000L);
    // column 3: 42 % of 151.111 = 63.466,62 exactly
    assertThat(COMPUTED.cents("bijlage-1-2027/VST/3")).isEqualTo(6_346_662L);
    assertThat(COMPUTED.cents("bijlage-1-2027/VST/total")).isEqualTo(2_520_000L + 8_000_000L + 6_346_662L);
    // the two cents of the largest remainder
    assertThat(COMPUTED.cents("bijlage-1-2027/EKV/3")).isEqualTo(963_333L);
    assertThat(COMPUTED.cents("bijlage-1-2027/DKH/3")).isEqualTo(2_342_221L);
    assertThat(COMPUTED.cents("bijlage-1-2027/BKW/3")).isEqualTo(1_303_332L);
    // Beekwoude's 8,625 % of column 1 is 5.175,00; of column 2 its 10 % is 20.000
    assertThat(COMPUTED.cents("bijlage-1-2027/BKW/1")).isEqualTo(517_500L);
    assertThat(COMPUTED.cents("bijlage-1-2027/BKW/2")).isEqualTo(2_000_000L);
  }

  @Test
  void theAnnexFootsToTheBalancingItem() {
    long members = 0;
    for (var m : GR.members()) {
      members += COMPUTED.cents("bijlage-1-2027/" + m.id() + "/total");
    }
    assertThat(members).isEqualTo(41_111_100L);
    assertThat(COMPUTED.cents("bijlage-1-2027/totaal/total")).isEqualTo(41_111_100L);
  }
}
