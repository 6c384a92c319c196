package nl.begroot.publish;

import static nl.begroot.publish.Html.esc;

import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Table;
import nl.begroot.core.rounding.PrintedFigures;

/**
 * The page of a report beside the budget (the Tussenrapportage, the Jaarrekening) in the budget
 * document's style: the same cover ({@link Html#cover}), contents and bookmarks ({@link Outline}),
 * chapters, tables through the same renderer with their unit under them ({@link Html#table}), the same
 * stylesheets and running footer. The same page is the HTML file and (with the print stylesheet) the PDF.
 */
final class ReportPage {
  private final Document document;
  private final PrintedFigures printed;
  private final Outline outline = new Outline();
  private final StringBuilder cover = new StringBuilder();
  private final StringBuilder body = new StringBuilder(60_000);

  ReportPage(Document document, PrintedFigures printed) {
    this.document = document;
    this.printed = printed;
  }

  /** The cover (see {@link Html#cover}); {@code warning} in bold (an illustration says so), or null. */
  ReportPage cover(String organisation, String title, String subtitle, String status, java.time.LocalDate date, String warning) {
    cover.setLength(0);
    cover.append(Html.cover(organisation, title, subtitle, status, date, warning));
    return this;
  }

  /** Starts a chapter (its heading in the contents); {@code landscape} for a wide table. */
  ReportPage chapter(String id, String heading, boolean landscape) {
    body.append("<section class=\"chapter").append(landscape ? " landscape" : "").append("\" id=\"").append(esc(id))
        .append("\" aria-labelledby=\"").append(esc(id)).append("-h\">\n")
        .append("<h1 id=\"").append(esc(id)).append("-h\">").append(esc(heading)).append("</h1>\n");
    outline.add(id, heading, true);
    return this;
  }

  ReportPage endChapter() {
    body.append("</section>\n");
    return this;
  }

  /** A section heading; {@code id} non-null puts it in the contents. */
  ReportPage h2(String id, String heading) {
    body.append("<h2").append(id == null ? "" : " id=\"" + esc(id) + "\"").append(">").append(esc(heading)).append("</h2>\n");
    if (id != null) {
      outline.add(id, heading, false);
    }
    return this;
  }

  /** A paragraph of the report's own words (amounts kept with their euro sign). */
  ReportPage p(String text) {
    body.append("<p>").append(Html.prose(text)).append("</p>\n");
    return this;
  }

  /** A table of the report's document, printed by the controlled rounding, with its unit under it. */
  ReportPage table(Table t, boolean wide) {
    body.append(Html.table(document, printed, t, wide)).append('\n');
    return this;
  }

  ReportPage table(String tableId, boolean wide) {
    return table(document.table(tableId).orElseThrow(() -> new IllegalStateException("no table " + tableId)), wide);
  }

  /** HTML made by the caller (escaped there). */
  ReportPage raw(String html) {
    body.append(html);
    return this;
  }

  /** The whole page: head (title, description, the stylesheets; for the PDF the bookmarks and running footer), cover, contents, chapters. */
  String render(String title, String description, String author, String footer, boolean forPdf) {
    StringBuilder out = new StringBuilder(body.length() + 40_000);
    out.append(Html.head(title, description, author, forPdf, forPdf ? outline.bookmarks() + Html.runningFooter(footer) : null));
    out.append("<body>\n").append(cover).append(outline.contents()).append("<main>\n").append(body).append("</main>\n</body>\n</html>\n");
    return out.toString();
  }
}
