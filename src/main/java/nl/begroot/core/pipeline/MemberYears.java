package nl.begroot.core.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Member;

/**
 * A member's figures of Bijlage 1 over the years: per annex column (in the annex's order, the
 * third-party column last) the figure of each year. One view for the province page, the member's
 * statement and the API, each of which lays it out its own way.
 *
 * @param years the version's years
 * @param columns the annex's columns with the member's figure per year
 */
public record MemberYears(Member member, List<Integer> years, List<Column> columns) {
  public MemberYears {
    years = List.copyOf(years);
    columns = List.copyOf(columns);
  }

  /**
   * An annex column with the member's figure id per year (null where the document has none).
   *
   * @param total the annex's total column ({@link Annex#totalColumn()})
   * @param sum a column that totals other columns
   * @param thirdParty the column of third-party money, which is no part of the contribution
   */
  public record Column(String id, String title, boolean total, boolean sum, boolean thirdParty, List<String> figureIds) {
    public Column {
      figureIds = Collections.unmodifiableList(new ArrayList<>(figureIds)); // may hold nulls
    }
  }

  static MemberYears of(Budget budget, Document document, Member member) {
    List<Integer> years = budget.version().years();
    List<Column> columns = new ArrayList<>();
    Annex annex = budget.annex();
    if (annex != null) {
      String total = annex.totalColumn().map(Annex.Column::id).orElse(null);
      for (Annex.Column c : annex.columns()) {
        columns.add(new Column(c.id(), c.title(), c.id().equals(total), c.isSum(), false, ids(document, years, member, c.id())));
      }
      if (annex.thirdPartyColumn() != null) {
        Annex.ThirdPartyColumn tp = annex.thirdPartyColumn();
        columns.add(new Column(tp.id(), tp.title(), false, false, true, ids(document, years, member, tp.id())));
      }
    }
    return new MemberYears(member, years, columns);
  }

  private static List<String> ids(Document document, List<Integer> years, Member member, String columnId) {
    List<String> ids = new ArrayList<>();
    for (int y : years) {
      String id = FigureIds.annex(y, member.id(), columnId);
      ids.add(document.graph().find(id).isPresent() ? id : null);
    }
    return ids;
  }
}
