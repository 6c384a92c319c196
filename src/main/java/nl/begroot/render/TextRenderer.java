package nl.begroot.render;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.core.text.Dutch;

/**
 * Renders a table as plain text laid out like the document: a label column, right-aligned figures
 * in Dutch number format ({@code 6.564}, {@code -347}, {@code pm}), and "x € 1.000" underneath.
 */
public final class TextRenderer {
  private static final int MAX_LABEL = 58;

  private TextRenderer() {}

  /** Renders {@code table}; with {@code exact}, figures are exact euros with cents instead. */
  public static String render(Document document, PrintedFigures printed, Table table, boolean exact) {
    List<String> headers = new ArrayList<>();
    boolean shortHeaders = table.columns().stream().anyMatch(c -> c.label().length() > 12);
    for (Table.Column c : table.columns()) {
      headers.add(shortHeaders ? c.id() : c.label());
    }
    List<String[]> body = new ArrayList<>();
    for (Table.Row row : table.rows()) {
      String[] cells = new String[table.columns().size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cell(document, printed, table, row.cells().get(i), exact);
      }
      body.add(cells);
    }
    int labelWidth = 0;
    for (Table.Row row : table.rows()) {
      labelWidth = Math.max(labelWidth, Math.min(MAX_LABEL, label(row).length()));
    }
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(6, headers.get(i).length());
      for (String[] cells : body) {
        widths[i] = Math.max(widths[i], cells[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(table.title()).append('\n');
    out.append(pad("", labelWidth));
    for (int i = 0; i < widths.length; i++) {
      out.append("  ").append(left(headers.get(i), widths[i]));
    }
    out.append('\n');
    for (int r = 0; r < table.rows().size(); r++) {
      Table.Row row = table.rows().get(r);
      out.append(pad(label(row), labelWidth));
      if (row.style() != Table.Style.SECTION && row.style() != Table.Style.SUBSECTION) {
        for (int i = 0; i < widths.length; i++) {
          out.append("  ").append(left(body.get(r)[i], widths[i]));
        }
      }
      out.setLength(out.length() - trailingSpaces(out));
      out.append('\n');
    }
    out.append(exact ? "x € 1 (exact)" : table.inThousands() ? "x € 1.000" : "x € 1").append('\n');
    if (shortHeaders) {
      for (Table.Column c : table.columns()) {
        out.append("  ").append(c.id()).append(": ").append(c.label()).append('\n');
      }
    }
    return out.toString();
  }

  private static int trailingSpaces(StringBuilder sb) {
    int n = 0;
    while (n < sb.length() && sb.charAt(sb.length() - 1 - n) == ' ') {
      n++;
    }
    return n;
  }

  private static String label(Table.Row row) {
    String text = switch (row.style()) {
      case LINE -> "  " + row.label();
      case SUBSECTION -> " " + row.label();
      default -> row.label();
    };
    return text.length() > MAX_LABEL ? text.substring(0, MAX_LABEL - 1) + "…" : text;
  }

  public static String cell(Document document, PrintedFigures printed, Table table, Table.Cell cell, boolean exact) {
    if (cell.percent() != null) {
      return Dutch.percent(cell.percent());
    }
    if (cell.figureId() == null) {
      return "";
    }
    Figure f = document.graph().get(cell.figureId());
    return switch (f.display()) {
      case PM -> "pm";
      case BLANK -> "";
      case AMOUNT -> exact ? Dutch.euros(f.cents()) : Dutch.whole(printed.value(table.inThousands(), f.id()).orElseThrow());
    };
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String left(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
