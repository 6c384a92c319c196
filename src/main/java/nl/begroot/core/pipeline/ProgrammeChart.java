package nl.begroot.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Side;
import nl.begroot.core.rounding.PrintedFigures;

/**
 * The data of the chart "lasten (or baten) of the new frame per programme": one series per
 * programme, one printed value (thousands) per year. The overhead view (bedrijfsvoering) is left
 * out: its lasten are already inside the other programmes, and a chart that showed it would count
 * them twice. One view for the web's overview and the published document.
 *
 * @param overheadLeftOut the programme left out as an overhead view, or null when there is none
 */
public record ProgrammeChart(Side side, List<Integer> years, List<Series> series, Programme overheadLeftOut) {
  public ProgrammeChart {
    years = List.copyOf(years);
    series = List.copyOf(series);
  }

  /**
   * A programme's line: its label ("1. Title"), the figure id per year (null where the document has
   * none) and its printed value in thousands per year (0 where none).
   */
  public record Series(Programme programme, String label, List<String> figureIds, long[] thousands) {
    public Series {
      figureIds = java.util.Collections.unmodifiableList(new ArrayList<>(figureIds));
      thousands = thousands.clone();
    }

    @Override
    public long[] thousands() {
      return thousands.clone();
    }
  }

  static ProgrammeChart of(Budget budget, Document document, PrintedFigures printed, Side side) {
    List<Integer> years = budget.version().years();
    String row = "new." + side.name().toLowerCase(Locale.ROOT);
    List<Series> series = new ArrayList<>();
    Programme overhead = null;
    for (Programme p : budget.programmes()) {
      if (p.overheadView()) {
        overhead = p;
        continue;
      }
      List<String> ids = new ArrayList<>();
      long[] values = new long[years.size()];
      for (int y = 0; y < years.size(); y++) {
        String id = FigureIds.programme(p.id(), row, years.get(y));
        boolean present = document.graph().find(id).isPresent();
        ids.add(present ? id : null);
        values[y] = present ? printed.value(true, id).orElse(0) : 0;
      }
      series.add(new Series(p, p.id() + ". " + p.title(), ids, values));
    }
    return new ProgrammeChart(side, years, series, overhead);
  }
}
