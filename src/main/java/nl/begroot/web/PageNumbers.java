package nl.begroot.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ONE rule for how a page writes its figures and their unit (decision 211). Dutch pages: "1.234", "€ 1.234,56",
 * "10,67 %" and the unit "x € 1.000". English pages: "1,234", "€ 1,234.56", "10.67 %" and the unit "x € 1,000". The
 * figures themselves come from the one Dutch formatter ({@link nl.begroot.core.text.Dutch}, the printed document's
 * own format); an English page gets them with the thousands separator and the decimal sign exchanged, nothing else
 * (signs, euro sign, spacing stay). The published documents (HTML, PDF, Excel, CSV) are the organisation's own, in
 * Dutch, and do not pass here (decision 203).
 */
final class PageNumbers {
  private PageNumbers() {}

  /**
   * A number as the Dutch formatter writes it with a separator in it: dots between thousands and an optional decimal
   * comma ("1.234", "1.234,56"), or a decimal comma alone ("10,67"). Not a code such as "2.7-soc" or "1.1" (a dot
   * followed by fewer than three digits), nor a part of a longer run of digits and separators.
   */
  private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,\\p{L}])(\\d{1,3}(\\.\\d{3})+(,\\d+)?|\\d+,\\d+)(?![\\d\\p{L}]|[.,]\\d)");

  /** A text label of an SVG chart. */
  private static final Pattern CHART_LABEL = Pattern.compile(">([^<>]*)</text>");

  /** A text with figures in Dutch format ({@code "− € 1.234,56"}) in the page's language. */
  static String figures(String lang, String dutch) {
    if (dutch == null || !"en".equals(lang)) {
      return dutch;
    }
    Matcher m = NUMBER.matcher(dutch);
    StringBuilder out = new StringBuilder(dutch.length());
    while (m.find()) {
      String swapped = m.group().replace('.', '\u0000').replace(',', '.').replace('\u0000', ',');
      m.appendReplacement(out, Matcher.quoteReplacement(swapped));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** An SVG chart of the web pages in the page's language: the figures of its text labels (not its coordinates). */
  static String chart(String lang, String svg) {
    if (svg == null || !"en".equals(lang)) {
      return svg;
    }
    Matcher m = CHART_LABEL.matcher(svg);
    StringBuilder out = new StringBuilder(svg.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(">" + figures(lang, m.group(1)) + "</text>"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The unit of a table or figure: exact euros, thousands, or euros; in the page's language. */
  static String unit(String lang, boolean exact, boolean inThousands) {
    if (exact) {
      return "x € 1 (exact)";
    }
    return inThousands ? ("en".equals(lang) ? "x € 1,000" : "x € 1.000") : "x € 1";
  }
}
