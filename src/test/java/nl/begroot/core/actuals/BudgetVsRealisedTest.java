package nl.begroot.core.actuals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Programme;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import org.junit.jupiter.api.Test;

/**
 * Budget against realised per programme foots: the programme rows add up to the total row, which is
 * Tabel 1's new frame. The IPO's programme 5 (Bedrijfsvoering) is an overhead view whose frame is
 * already inside programmes 1-3, so it counts with its proposals only; counted with its frame, the rows
 * added up to more than the total (the realisatie page showed € 115 mln of rows under a € 85,9 mln total).
 */
class BudgetVsRealisedTest {
  static final Budget IPO = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();

  @Test
  void programmeRowsAddUpToTheTotalWithTheOverheadViewCountingItsProposalsOnly() {
    Computation c = Pipeline.compute(IPO).computation();
    for (int year : c.years()) {
      int y = c.years().indexOf(year);
      BudgetVsRealised view = BudgetVsRealised.of(c, List.of(), year, 12);
      long lasten = 0;
      long baten = 0;
      for (BudgetVsRealised.Row r : view.rows()) {
        if (r.unit() == null) {
          lasten += r.budgetLasten();
          baten += r.budgetBaten();
        }
      }
      assertThat(lasten).as("lasten %s", year).isEqualTo(view.total().budgetLasten()).isEqualTo(c.totalFrameLasten(y) + c.totalChangeLasten(y));
      assertThat(baten).as("baten %s", year).isEqualTo(view.total().budgetBaten()).isEqualTo(c.totalFrameBaten(y) + c.totalChangeBaten(y));
      for (int p = 0; p < IPO.programmes().size(); p++) {
        Programme programme = IPO.programmes().get(p);
        BudgetVsRealised.Row row = view.rows().stream().filter(r -> r.unit() == null && r.programme().equals(programme.id())).findFirst().orElseThrow();
        long expected = (programme.overheadView() ? 0 : c.frameLasten(p, y)) + c.changeLasten(p, y);
        assertThat(row.budgetLasten()).as("programme %s %s", programme.id(), year).isEqualTo(expected);
      }
    }
    assertThat(IPO.programmes()).as("the seed has an overhead view, or this test proves nothing about it").anyMatch(Programme::overheadView);
  }
}
