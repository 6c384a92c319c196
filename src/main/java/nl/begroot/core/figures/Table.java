package nl.begroot.core.figures;

import java.util.List;

/**
 * One table of the document: its columns and rows; each cell names a figure of the {@link
 * FigureGraph}, holds a percentage (a key share), or is empty. One table model feeds every
 * renderer (text, JSON, CSV, and later HTML, PDF and xlsx).
 *
 * @param centsPerUnit 100000 for tables in thousands ("x € 1.000"), 100 for tables in euros
 */
public record Table(
    String id, String title, long centsPerUnit, List<Column> columns, List<Row> rows) {
  public Table {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public boolean inThousands() {
    return centsPerUnit == 100_000;
  }

  public Row row(String rowId) {
    return rows.stream().filter(r -> r.id().equals(rowId)).findFirst().orElse(null);
  }

  public int columnIndex(String columnId) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).id().equals(columnId)) {
        return i;
      }
    }
    return -1;
  }

  /** A column: id (a year, an annex column id) and its heading. */
  public record Column(String id, String label) {}

  /** A row; {@code style} tells a renderer how to show it. */
  public record Row(String id, String label, Style style, List<Cell> cells) {
    public Row {
      cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
    }
  }

  /** How a row is shown. */
  public enum Style {
    SECTION,
    SUBSECTION,
    LINE,
    TOTAL
  }

  /** A cell: a figure reference, a percentage (a key share), or empty (both null). */
  public record Cell(String figureId, java.math.BigDecimal percent) {
    public static final Cell EMPTY = new Cell(null, null);

    public static Cell figure(String id) {
      return new Cell(id, null);
    }

    public static Cell percent(java.math.BigDecimal percent) {
      return new Cell(null, percent);
    }
  }
}
