package nl.begroot.render;

import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;
import nl.begroot.core.rounding.PrintedFigures;

/**
 * Renders tables as CSV (RFC 4180, comma-separated, one line per cell): table, row, row label,
 * column, figure id, exact cents, printed value, display.
 */
public final class CsvRenderer {
  private CsvRenderer() {}

  public static final String HEADER = "table,row,label,column,figure,cents,printed,unit_euros,display\n";

  public static String render(Document document, PrintedFigures printed, Table table) {
    StringBuilder out = new StringBuilder();
    for (Table.Row row : table.rows()) {
      for (int i = 0; i < table.columns().size(); i++) {
        Table.Cell cell = row.cells().get(i);
        if (cell.figureId() == null && cell.percent() == null) {
          continue;
        }
        out.append(field(table.id())).append(',').append(field(row.id())).append(',').append(field(row.label())).append(',')
            .append(field(table.columns().get(i).id())).append(',');
        if (cell.percent() != null) {
          out.append(",,").append(cell.percent().toPlainString()).append(",,percent\n");
          continue;
        }
        Figure f = document.graph().get(cell.figureId());
        out.append(field(f.id())).append(',').append(f.cents()).append(',')
            .append(printed.value(table.inThousands(), f.id()).orElseThrow()).append(',')
            .append(table.centsPerUnit() / 100).append(',')
            .append(f.display().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
      }
    }
    return out.toString();
  }

  static String field(String s) {
    return CsvText.field(s);
  }
}
