package nl.begroot.publish;

import static nl.begroot.publish.Html.esc;

import java.util.ArrayList;
import java.util.List;

/**
 * The outline of a published document: its chapters (level 1) and sections (level 2) in order, printed
 * as the contents page (with page references in the PDF) and as the PDF's bookmarks. One place for the
 * budget document ({@link DocumentHtml}) and the reports beside it ({@link ReportPage}).
 */
final class Outline {
  private record Entry(String id, String title, boolean main) {}

  private final List<Entry> entries = new ArrayList<>();

  /** A chapter ({@code main}) or a section under the chapter before it. */
  void add(String id, String title, boolean main) {
    entries.add(new Entry(id, title, main));
  }

  /** The contents page. */
  String contents() {
    StringBuilder s = new StringBuilder();
    s.append("<nav class=\"toc\" id=\"inhoud\" aria-labelledby=\"inhoud-h\">\n<h1 id=\"inhoud-h\">Inhoudsopgave</h1>\n<ol>\n");
    for (Entry e : entries) {
      s.append("<li class=\"").append(e.main() ? "toc-main" : "toc-sub").append("\"><a href=\"#").append(esc(e.id()))
          .append("\" title=\"").append(esc(e.title())).append("\">")
          .append(esc(e.title())).append("</a></li>\n");
    }
    return s.append("</ol>\n</nav>\n").toString();
  }

  /** The PDF's bookmarks: the contents, then each chapter with its sections under it. */
  String bookmarks() {
    StringBuilder s = new StringBuilder("<bookmarks>\n");
    s.append("<bookmark name=\"Inhoudsopgave\" href=\"#inhoud\"/>\n");
    boolean open = false;
    for (Entry e : entries) {
      if (e.main()) {
        if (open) {
          s.append("</bookmark>\n");
        }
        s.append("<bookmark name=\"").append(esc(e.title())).append("\" href=\"#").append(esc(e.id())).append("\">\n");
        open = true;
      } else {
        s.append("<bookmark name=\"").append(esc(e.title())).append("\" href=\"#").append(esc(e.id())).append("\"/>\n");
      }
    }
    if (open) {
      s.append("</bookmark>\n");
    }
    return s.append("</bookmarks>\n").toString();
  }
}
