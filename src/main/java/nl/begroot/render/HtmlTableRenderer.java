package nl.begroot.render;

import java.util.function.Function;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Table;
import nl.begroot.core.rounding.PrintedFigures;

/**
 * Renders a table as an accessible HTML table (NL Design System "utrecht-table" classes): a caption,
 * column headers with {@code scope="col"}, row headers with {@code scope="row"}, right-aligned
 * figures in Dutch number format, and the unit ("x € 1.000") in the caption. Used by the web pages
 * and by the published document, so both print the same figures.
 */
public final class HtmlTableRenderer {
  private HtmlTableRenderer() {}

  /**
   * How to render.
   *
   * @param exact exact euros with cents instead of the printed (rounded) figures
   * @param figureHref a link for a figure id, or null for no links
   * @param unitLabel the unit line, e.g. "x € 1.000", or null for the default
   * @param words the table's labels in the reader's language, or null for the labels as they are (Dutch)
   * @param numbers the figures and the unit (written in Dutch format) in the reader's language, or null for Dutch
   */
  public record Options(boolean exact, Function<String, String> figureHref, String unitLabel, Function<String, String> words,
      Function<String, String> numbers) {
    public static final Options PLAIN = new Options(false, null, null, null, null);

    public Options(boolean exact, Function<String, String> figureHref, String unitLabel) {
      this(exact, figureHref, unitLabel, null, null);
    }

    public static Options linked(boolean exact, Function<String, String> figureHref) {
      return new Options(exact, figureHref, null, null, null);
    }

    /**
     * The same options for a reader of another language: the labels put in it by {@code words} (a label it does not
     * know comes back as it is, a name), the figures and the unit by {@code numbers} (the web's one rule, decision 211).
     */
    public Options inLanguage(Function<String, String> words, Function<String, String> numbers) {
      return new Options(exact, figureHref, unitLabel, words, numbers);
    }

    String number(String text) {
      return numbers == null ? text : numbers.apply(text);
    }

    /**
     * The same options with the table's words (title, column and row labels) put in the reader's
     * language by {@code words}; a label it does not know comes back as it is (a name).
     */
    public Options inWords(Function<String, String> words) {
      return new Options(exact, figureHref, unitLabel, words, numbers);
    }

    String word(String label) {
      return words == null ? label : words.apply(label);
    }
  }

  public static String render(Document document, PrintedFigures printed, Table table, Options options) {
    StringBuilder out = new StringBuilder(4096);
    String unit = options.number(options.unitLabel() != null ? options.unitLabel()
        : options.exact() ? "x € 1 (exact)" : table.inThousands() ? "x € 1.000" : "x € 1");
    // the wrapper scrolls a wide table sideways; as a named, focusable region a keyboard user can scroll it too
    out.append("<div class=\"begroot-table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"")
        .append(escape(table.id())).append("-titel\"><table class=\"utrecht-table utrecht-table--html-table begroot-table\" id=\"")
        .append(escape(table.id())).append("\">");
    out.append("<caption class=\"utrecht-table__caption\" id=\"").append(escape(table.id())).append("-titel\"><span class=\"begroot-caption-title\">").append(escape(options.word(table.title())))
        .append("</span> <span class=\"begroot-unit\">(").append(escape(unit)).append(")</span></caption>");
    out.append("<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">")
        .append("<td class=\"utrecht-table__header-cell\"></td>");
    for (Table.Column c : table.columns()) {
      out.append("<th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\">")
          .append(escape(options.word(c.label()))).append("</th>");
    }
    out.append("</tr></thead><tbody class=\"utrecht-table__body\">");
    int columns = table.columns().size();
    for (Table.Row row : table.rows()) {
      String style = row.style().name().toLowerCase(java.util.Locale.ROOT);
      out.append("<tr class=\"utrecht-table__row begroot-row--").append(style).append("\">");
      if (row.style() == Table.Style.SECTION || row.style() == Table.Style.SUBSECTION) {
        out.append("<th scope=\"rowgroup\" colspan=\"").append(columns + 1)
            .append("\" class=\"utrecht-table__header-cell begroot-section\">").append(escape(options.word(row.label()))).append("</th></tr>");
        continue;
      }
      out.append("<th scope=\"row\" class=\"utrecht-table__header-cell begroot-label\">").append(escape(options.word(row.label()))).append("</th>");
      for (Table.Cell cell : row.cells()) {
        String text = options.number(TextRenderer.cell(document, printed, table, cell, options.exact()));
        out.append("<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
        if (cell.figureId() != null && options.figureHref() != null && !text.isEmpty()) {
          out.append("<a class=\"utrecht-link begroot-figure\" href=\"").append(escape(options.figureHref().apply(cell.figureId())))
              .append("\" data-figure=\"").append(escape(cell.figureId())).append("\">").append(escape(text)).append("</a>");
        } else {
          out.append(escape(text));
        }
        out.append("</td>");
      }
      out.append("</tr>");
    }
    out.append("</tbody></table></div>");
    return out.toString();
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
