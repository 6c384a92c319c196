package nl.begroot.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.begroot.core.figures.Table;
import nl.begroot.core.text.Dutch;
import nl.begroot.render.HtmlTableRenderer;

/** Small helpers for the XHTML that the document and the statements are made of. */
final class Html {
  private Html() {}

  static String esc(String text) {
    return HtmlTableRenderer.escape(text == null ? "" : text);
  }

  /** A table of the document through the shared renderer, with its unit printed under it. */
  static String table(Publication pub, Table table, boolean wide) {
    return table(pub.document(), pub.printed(), table, wide);
  }

  /** A table of {@code document} through the shared renderer, with its unit printed under it. */
  static String table(nl.begroot.core.figures.Document document, nl.begroot.core.rounding.PrintedFigures printed, Table table, boolean wide) {
    String html = HtmlTableRenderer.render(document, printed, table, HtmlTableRenderer.Options.PLAIN);
    if (wide) {
      html = html.replaceFirst("class=\"utrecht-table utrecht-table--html-table begroot-table\"",
          "class=\"utrecht-table utrecht-table--html-table begroot-table begroot-wide\"");
    }
    String unit = table.inThousands() ? "x" + NBSP + "€" + NBSP + "1.000" : "x" + NBSP + "€" + NBSP + "1";
    return html + "<p class=\"begroot-unit-note\">" + unit + "</p>";
  }

  private static final String[] MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
      "september", "oktober", "november", "december"};
  private static final java.util.regex.Pattern SIGN_BEFORE = java.util.regex.Pattern.compile("([−+]|(?<![\\w])-) ?€ ?(?=\\d)");
  private static final java.util.regex.Pattern SIGN_AFTER = java.util.regex.Pattern.compile("€ ?[−-](?=\\d)");
  private static final java.util.regex.Pattern WORD_AMOUNT = java.util.regex.Pattern.compile("(\\d) (miljoen|miljard|duizend)\\b");

  /**
   * Prose for the documents, escaped: the sign of an amount written once, before the euro sign
   * ("€ -1.000" and "−€ 1.000" both become "− € 1.000"), and an amount never parted from its euro
   * sign or its sign (no-break spaces; "€ 2,8 miljoen" and "x € 1.000" kept on one line).
   */
  static String prose(String text) {
    if (text == null) {
      return "";
    }
    String t = SIGN_AFTER.matcher(text).replaceAll("−" + NBSP + "€" + NBSP);
    t = SIGN_BEFORE.matcher(t).replaceAll(m -> ("+".equals(m.group(1)) ? "+" : "−") + NBSP + "€" + NBSP);
    t = t.replace("€ ", "€" + NBSP).replace("x €", "x" + NBSP + "€");
    t = WORD_AMOUNT.matcher(t).replaceAll("$1" + NBSP + "$2");
    return esc(t);
  }

  static final String NBSP = "\u00a0";

  /**
   * An amount of the document's own sentences, its sign written once before the euro sign:
   * "− € 1.234" (whole euros, cents rounded half up), "€ 1.234".
   */
  static String money(long cents) {
    return (cents < 0 ? "−" + NBSP : "") + "€" + NBSP + euros(Math.abs(cents));
  }

  /** A date in Dutch words: "2 december 2026". */
  static String date(java.time.LocalDate d) {
    return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
  }

  /**
   * Running text with every proposal id (such as "2.3-lvvn") replaced by the proposal's title: a
   * reader reads names, not codes. Ids stay in the open data and the API.
   */
  static String namesForIds(nl.begroot.core.model.Budget budget, String text) {
    if (text == null || text.indexOf('-') < 0) {
      return text;
    }
    String t = text;
    for (nl.begroot.core.model.Proposal p : budget.proposals()) {
      if (t.contains(p.id())) {
        t = t.replaceAll("(?<![\\w.-])" + java.util.regex.Pattern.quote(p.id()) + "(?![\\w-])",
            java.util.regex.Matcher.quoteReplacement("‘" + p.title() + "’"));
      }
    }
    return t;
  }

  /**
   * Cents as millions of euros with one decimal, rounded half up (a figure for prose, e.g. "85,9");
   * the tables print the exact thousands.
   */
  static String millions(long cents) {
    BigDecimal m = BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(100_000_000L), 1, RoundingMode.HALF_UP);
    return m.toPlainString().replace('.', ',');
  }

  /** Whole euros (cents rounded half up, for prose), e.g. "6.564.000". */
  static String euros(long cents) {
    return Dutch.whole(BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact());
  }

  static String resource(String name) {
    try (InputStream in = Html.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the build: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String name) {
    try (InputStream in = Html.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the build: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SVG as an image with a text alternative (the PDF tags it as a figure with that alt text). */
  static String svgImage(String svg, String alt) {
    return "<img src=\"data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8))
        + "\" alt=\"" + esc(alt) + "\"/>";
  }

  /**
   * The cover of a published document (the budget document and the reports beside it): a band with the
   * organisation, the title and a subtitle, the status and date, an optional line in bold (an
   * illustration says so here), and the note on how the figures are computed.
   */
  static String cover(String organisation, String title, String subtitle, String status, java.time.LocalDate date, String warning) {
    return "<header class=\"cover\" id=\"voorblad\">\n"
        + "<div class=\"cover-band\">\n"
        + "<p class=\"cover-organisation\">" + esc(organisation) + "</p>\n"
        + "<p class=\"cover-title\">" + esc(title) + "</p>\n"
        + "<p class=\"cover-years\">" + esc(subtitle) + "</p>\n"
        + "</div>\n"
        + "<dl class=\"cover-facts\">\n"
        + "<dt>Status</dt><dd>" + esc(status) + "</dd>\n"
        + (date == null ? "" : "<dt>Datum</dt><dd>" + esc(date(date)) + "</dd>\n")
        + (warning == null ? "" : "<dt>Let op</dt><dd><strong>" + esc(warning) + "</strong></dd>\n")
        + "</dl>\n"
        + "<p class=\"cover-note\">Alle bedragen en tabellen in dit document zijn met Begroot berekend uit de begrotingsgegevens. "
        + "Tabellen in duizenden euro’s; elke tabel telt op.</p>\n"
        + "</header>\n";
  }

  /** The PDF's running footer: the document's name at the bottom left of every page but the first. */
  static String runningFooter(String text) {
    String css = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\3C ");
    return "<style>@page { @bottom-left { content: \"" + css + "\"; font-family: 'DejaVu Sans'; font-size: 8pt; color: #444444; } }\n"
        + "@page landscape { @bottom-left { content: \"" + css + "\"; font-family: 'DejaVu Sans'; font-size: 8pt; color: #444444; } }\n"
        + "@page :first { @bottom-left { content: none; } }</style>\n";
  }

  /** The head of an XHTML page: title, description, language, the stylesheets. */
  static String head(String title, String description, String author, boolean forPdf, String extraHead) {
    StringBuilder h = new StringBuilder(32_000);
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl\" xml:lang=\"nl\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(esc(title)).append("</title>\n")
        .append("<meta name=\"description\" content=\"").append(esc(description)).append("\"/>\n")
        .append("<meta name=\"subject\" content=\"").append(esc(description)).append("\"/>\n")
        .append("<meta name=\"author\" content=\"").append(esc(author)).append("\"/>\n")
        .append("<meta name=\"generator\" content=\"Begroot\"/>\n")
        .append("<style>\n").append(resource("document.css"))
        .append(forPdf ? resource("print.css") : resource("screen.css")).append("</style>\n");
    if (extraHead != null) {
      h.append(extraHead);
    }
    return h.append("</head>\n").toString();
  }
}
