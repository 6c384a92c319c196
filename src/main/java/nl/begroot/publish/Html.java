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
    String html = HtmlTableRenderer.render(pub.document(), pub.printed(), table, HtmlTableRenderer.Options.PLAIN);
    if (wide) {
      html = html.replaceFirst("class=\"utrecht-table utrecht-table--html-table begroot-table\"",
          "class=\"utrecht-table utrecht-table--html-table begroot-table begroot-wide\"");
    }
    String unit = table.inThousands() ? "x € 1.000" : "x € 1";
    return html + "<p class=\"begroot-unit-note\">" + unit + "</p>";
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
