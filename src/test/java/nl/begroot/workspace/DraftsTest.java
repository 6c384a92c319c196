package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts as a user types them: Dutch notation is read to the cent; anything that would be a guess is refused. */
class DraftsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1.250.000|125000000", "-347.000|-34700000", "1250000|125000000", "1.234,56|123456",
      "1,5|150", "€ 1.000|100000", "−12|-1200", "0|0", "1.000.000.000.000|100000000000000"})
  void dutchAmountsAreReadToTheCent(String typed, long cents) {
    assertThat(Drafts.parseAmount(typed)).hasValueSatisfying(a -> assertThat(a.cents()).isEqualTo(cents));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,000", "1,000,000", "1.50", "1.5", "1,2,3", "€ 1.000.000,123", "-", "0x10", "12a", "1.0000",
      "99999999999999999999"})
  void ambiguousOrWrongAmountsAreRefused(String typed) {
    assertThat(Drafts.parseAmount(typed)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pm", "PM", "p.m."})
  void pmIsPm(String typed) {
    assertThat(Drafts.parseAmount(typed)).hasValueSatisfying(a -> assertThat(a.pm()).isTrue());
  }
}
