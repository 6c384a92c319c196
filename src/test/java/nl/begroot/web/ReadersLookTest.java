package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The look and the words over HTTP: the grouped navigation on every page (Versies and Vergelijken
 * too) with the current page marked; the Begroot theme instead of the example theme, without inline
 * styles; and words where a person reads (the edit form's title, the explanation of a share with
 * decimal commas, a part of a sum with its sign written once).
 */
class ReadersLookTest extends ServerSession {
  private static final String V = "/v/conceptbegroting-2027";

  private static String nav(String html) {
    int from = html.indexOf("<nav class=\"begroot-nav\"");
    return html.substring(from, html.indexOf("</nav>", from));
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void theGroupedNavigationIsOnEveryPageWithTheCurrentPageMarked() {
    for (String page : new String[] {"/versies", "/vergelijk", V + "/bijlage-1", V + "/programma/2"}) {
      String nav = nav(server.get(page).body());
      assertThat(nav).as(page).contains(">Begroting<", ">Bijdragen<", ">Controle<", ">Beheer<")
          .contains("href=\"" + V + "/bijlage-1\"", "href=\"" + V + "/provincies\"", "href=\"/versies\"", "href=\"/vergelijk\"");
      assertThat(count(nav, "aria-current=\"page\"")).as("%s: one current place", page).isEqualTo(1);
      String path = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
      assertThat(nav).as(page).containsPattern("href=\"" + Pattern.quote(path) + "\" aria-current=\"page\"");
    }
  }

  @Test
  void theBegrootThemeReplacesTheExampleAndNothingIsInline() {
    String html = server.get(V).body();
    assertThat(html).contains("class=\"voorbeeld-theme begroot-theme\"").contains("href=\"/static/begroot-theme.css\"")
        .doesNotContain("style=\"").doesNotContain("<style");
    String theme = server.get("/static/begroot-theme.css").body();
    assertThat(theme).contains("html.begroot-theme").contains("--basis-heading-font-family: var(--begroot-font-family)")
        .doesNotContain("voorbeeld-kleuren-violet").doesNotContain("serif;\n  --basis-heading");
    assertThat(theme).containsPattern("--begroot-font-family: [^;]*sans-serif;");
  }

  @Test
  void theEditFormIsTitledByTheProposalsNameNotItsId() {
    String html = server.get(V + "/voorstel/2.7-soc/wijzigen").body();
    String title = ServerSession.IPO.proposal("2.7-soc").orElseThrow().title();
    assertThat(html).contains("<h1 class=\"utrecht-heading-1\">Wijzigen: " + title + "</h1>").doesNotContain("Wijzigen 2.7-soc");
  }

  @Test
  void aSharesExplanationHasDecimalCommasAndTheKeysName() {
    String html = server.get(V + "/figuur?id=" + View.enc("bijlage-1-2027/GE/2")).body();
    // the built-in file: ipo key, Gelderland 10.67, all shares together 100.02 (docs ARCHITECTURE, step 3)
    assertThat(html).contains("10,67 / 100,02").doesNotContain("10.67 / 100.02").doesNotContain("volgens ipo:");
  }

  @Test
  void aPartOfASumShowsItsSignOnce() {
    String html = server.get(V + "/figuur?id=" + View.enc("bijlage-1-2027/te-verdelen/2")).body();
    assertThat(html).doesNotContain("+ € -").doesNotContain("− € -").doesNotContain("€ -");
    assertThat(html).containsPattern("\u2212 € \\d");
  }

  /** The headings of a page's tables: caption titles, column headers, section headings and the totals' labels. */
  private static java.util.List<String> tableHeadings(String html) {
    java.util.List<String> headings = new java.util.ArrayList<>();
    Matcher m = Pattern.compile("<span class=\"begroot-caption-title\">([^<]*)</span>|<th scope=\"(?:col|rowgroup)\"[^>]*>([^<]*)</th>"
        + "|<tr class=\"utrecht-table__row begroot-row--total\"><th scope=\"row\"[^>]*>([^<]*)</th>").matcher(html);
    while (m.find()) {
      String h = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      headings.add(h.replace("&#39;", "'").replace("&amp;", "&"));
    }
    return headings;
  }

  private static final Pattern DUTCH = Pattern.compile("\\b(Tabel|Bijlage|Totaal|[Ll]asten|[Bb]aten|[Ss]aldo|[Kk]ader|aandeel|verdelen|wijziging"
      + "|Structure(el|le)|Incidente(el|le)|Begrotingsvoorstellen|Bijdragen|provincie|per deel)\\b|t/m");

  private static String english(String page) {
    return server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + page))
        .header("Cookie", server.staff.cookie() + "; lang=en").GET().build()).body();
  }

  @Test
  void theEnglishSwitchTranslatesTheTableHeadings() {
    for (String page : new String[] {V, V + "/programma/1", V + "/bijlage-1?jaar=2027"}) {
      String nl = server.get(page).body();
      java.util.List<String> dutch = tableHeadings(nl);
      assertThat(dutch).as("%s in Dutch has Dutch headings (the check can see them)", page).anyMatch(h -> DUTCH.matcher(h).find());
      String en = english(page);
      assertThat(en).contains("<html lang=\"en\"");
      java.util.List<String> english = tableHeadings(en);
      // a Dutch term of art may follow its English word in brackets ("Expenditure (lasten)", docs/glossary.md)
      assertThat(english).as(page).hasSameSizeAs(dutch)
          .noneMatch(h -> DUTCH.matcher(h.replaceAll("\\((lasten|baten|bedrijfsvoering)\\)", "")).find());
    }
    String tabel1 = english(V);
    assertThat(tableHeadings(tabel1)).contains("Table 1. Budget volume IPO 2026 to 2030", "Total expenditure", "Balance");
    String annex = english(V + "/bijlage-1?jaar=2027");
    assertThat(tableHeadings(annex)).contains("Annex 1. Contributions per province 2027", "Key share", "Amount to distribute")
        .as("names stay as the budget writes them").contains("1. Bestuur- en Verenigingszaken");
  }
}
