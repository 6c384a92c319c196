package nl.begroot.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures as a published document printed them, kept apart from the source data, for the audit
 * (rekenkundige controle). Cells are the printed text ("6.564", "-347", "pm", "6,80%", or blank).
 *
 * @param amountsRoundedToEuros the source amounts of this file were themselves typed from print
 *     rounded to this many euros (1000 for the IPO file; 0 when exact); the audit allows for it.
 */
public record PrintedDocument(long amountsRoundedToEuros, List<PrintedTable> tables) {
  public PrintedDocument {
    tables = List.copyOf(tables);
  }

  public static PrintedDocument none() {
    return new PrintedDocument(0, List.of());
  }

  /** One printed table: row id to cells, in the computed table's column order. */
  public record PrintedTable(String table, String page, Map<String, PrintedRow> rows) {
    public PrintedTable {
      rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }
  }

  /**
   * A printed row with the line of the source file it was read from (for messages). The line is
   * where the row was found, not part of its value: two rows with the same cells are equal, so a
   * budget written out and read back equals the original although its rows moved to other lines.
   */
  public record PrintedRow(List<String> cells, int line) {
    public PrintedRow {
      cells = List.copyOf(cells);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PrintedRow other && cells.equals(other.cells);
    }

    @Override
    public int hashCode() {
      return cells.hashCode();
    }
  }
}
