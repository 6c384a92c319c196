package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Decision 211's one rule, by hand: an English page exchanges the separators of numbers written with one, and nothing else. */
class PageNumbersTest {
  @Test
  void englishExchangesThousandsSeparatorAndDecimalSign() {
    assertThat(PageNumbers.figures("en", "€ 1.234,56")).isEqualTo("€ 1,234.56");
    assertThat(PageNumbers.figures("en", "\u2212 € 12.345.678,09")).isEqualTo("\u2212 € 12,345,678.09");
    assertThat(PageNumbers.figures("en", "-1.000")).isEqualTo("-1,000");
    assertThat(PageNumbers.figures("en", "Gelderland contributes 10,67 %")).isEqualTo("Gelderland contributes 10.67 %");
    assertThat(PageNumbers.figures("en", "x € 1.000")).isEqualTo("x € 1,000");
  }

  @Test
  void codesDatesAndPlainNumbersStay() {
    for (String same : new String[] {"2.7-soc", "1.1 Ontleden", "3-12-2026 06:47", "2027", "581", "Tabel 1", "v1.2.3", "x € 1 (exact)"}) {
      assertThat(PageNumbers.figures("en", same)).as(same).isEqualTo(same);
    }
  }

  @Test
  void dutchStaysAsTheFormatterWritesIt() {
    assertThat(PageNumbers.figures("nl", "€ 1.234,56")).isEqualTo("€ 1.234,56");
    assertThat(PageNumbers.unit("nl", false, true)).isEqualTo("x € 1.000");
    assertThat(PageNumbers.unit("en", false, true)).isEqualTo("x € 1,000");
  }

  @Test
  void aChartsLabelsChangeItsCoordinatesDoNot() {
    String svg = "<text x=\"12.500\" y=\"3,5\">10.000</text><text x=\"1\">-2.500</text>";
    assertThat(PageNumbers.chart("en", svg)).isEqualTo("<text x=\"12.500\" y=\"3,5\">10,000</text><text x=\"1\">-2,500</text>");
  }
}
