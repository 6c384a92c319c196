package nl.begroot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The reader's money, change and decimal formats: the sign written once, a decimal comma. Expected texts written by hand. */
class DutchTest {
  @Test
  void moneyWritesTheSignOnceBeforeTheEuroSign() {
    assertThat(Dutch.money(-1_088_884)).isEqualTo("\u2212 € 10.888,84");
    assertThat(Dutch.money(1_088_884)).isEqualTo("€ 10.888,84");
    assertThat(Dutch.money(0)).isEqualTo("€ 0,00");
    assertThat(Dutch.money(-5)).isEqualTo("\u2212 € 0,05");
  }

  @Test
  void aChangeHasOneSignNeverPlusMinus() {
    assertThat(Dutch.change(-1_088_884)).isEqualTo("\u2212 € 10.888,84").doesNotContain("+").doesNotContain("-");
    assertThat(Dutch.change(1_088_884)).isEqualTo("+ € 10.888,84");
    assertThat(Dutch.change(0)).isEqualTo("€ 0,00");
    assertThat(Dutch.change(Long.MIN_VALUE + 1)).startsWith("\u2212 € 92.233.720.368.547.758,07");
  }

  @Test
  void decimalsHaveACommaAsWritten() {
    assertThat(Dutch.decimal("10.67")).isEqualTo("10,67");
    assertThat(Dutch.decimal(new BigDecimal("100.02"))).isEqualTo("100,02");
    assertThat(Dutch.decimal("12")).isEqualTo("12");
  }
}
