package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import nl.begroot.TestBudgets;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.FigureLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A figure's name for people, in the IPO document's own words (its table, heading, row and column). */
class FigureLabelsTest {
  private static final Document IPO = TestBudgets.compute(TestBudgets.ipo()).document();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # figure id                         | name
      tabel-1/new.lasten/2027               | Tabel 1, Nieuw kader, Totaal lasten 2027
      tabel-1/frame.lasten/2028             | Tabel 1, Kader, Totaal lasten 2028
      tabel-1/change.lasten/2027            | Tabel 1, Totaal wijziging lasten 2027
      programme-1/change.lasten/2027        | 1. Bestuur- en Verenigingszaken, Totaal wijziging lasten 2027
      programme-2/2.7-soc/2029              | 2. Beleidsvoorbereiding, 2.7. Oprichten Sectoraal Security Operations Center 2029
      bijlage-1-2027/GE/total               | Bijlage 1. Bijdragen per provincie 2027, Gelderland, Totaal IPO-vereniging
      bijlage-1-2028/totaal/3a              | Bijlage 1. Bijdragen per provincie 2028, Totaal, 3a. Ondersteuning provinciale uitvoering door BIJ12
      no-such-table/x/2027                  | no-such-table/x/2027
      """)
  void figuresAreNamedByTableHeadingRowAndColumn(String id, String name) {
    assertThat(FigureLabels.of(IPO).figure(id)).isEqualTo(name);
  }

  @Test
  void aRowLabelThatRepeatsInItsTableGetsItsHeading() {
    // Tabel 1 lists the programmes twice, under Lasten and under Baten
    assertThat(FigureLabels.of(IPO).cell("tabel-1", "change.lasten.1", "2027")).hasValue("Tabel 1, Lasten, 1. Bestuur- en Verenigingszaken 2027");
    assertThat(FigureLabels.of(IPO).cell("tabel-1", "change.baten.1", "2027")).hasValue("Tabel 1, Baten, 1. Bestuur- en Verenigingszaken 2027");
    assertThat(FigureLabels.of(IPO).cell("tabel-1", "nothing", "2027")).isEmpty();
  }
}
