package nl.begroot.core.model;

import java.util.List;

/**
 * Bijlage 1: how the change of a year is split over the members. Each leaf column gathers the
 * proposals of some programmes, units or single proposals (the most specific match wins) as lasten
 * minus baten; a column may use its own key; {@code sumOf} columns total other columns. The balancing
 * line itself is not in any column: the total of the columns is the balancing item.
 */
public record Annex(String title, String keyId, List<Column> columns, ThirdPartyColumn thirdPartyColumn) {
  public Annex {
    columns = List.copyOf(columns);
  }

  /**
   * The column that holds a member's whole change: the last column when it totals other columns,
   * or the only column. Empty when the annex has several columns and none of them totals them.
   * The one answer to "which column is the total" (its id is the file's choice, not "total").
   */
  public java.util.Optional<Column> totalColumn() {
    if (columns.isEmpty()) {
      return java.util.Optional.empty();
    }
    Column last = columns.get(columns.size() - 1);
    return last.isSum() || columns.size() == 1 ? java.util.Optional.of(last) : java.util.Optional.empty();
  }

  /** A column of the annex. */
  public record Column(
      String id,
      String title,
      List<String> programmes,
      List<String> units,
      List<String> proposals,
      String keyId,
      List<String> sumOf) {
    public Column {
      programmes = List.copyOf(programmes);
      units = List.copyOf(units);
      proposals = List.copyOf(proposals);
      sumOf = List.copyOf(sumOf);
    }

    public boolean isSum() {
      return !sumOf.isEmpty();
    }
  }

  /** The column of third-party money (e.g. LVVN via the provinciefonds), split by the annex key. */
  public record ThirdPartyColumn(String id, String title, String thirdParty) {}
}
