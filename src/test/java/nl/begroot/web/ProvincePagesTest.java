package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The province officer's pages over HTTP (issue 12): the headline per year and its reasons, the
 * pass-through money and the key share in words, the list of all members with a chart, the
 * statement opening in the browser, the contribution lines as CSV, Excel and API, and search
 * finding members and programmes. Expected figures come from the seed's printed Bijlage 1 (Gelderland
 * 705 and LVVN 359 thousand; every province's total) and from the file's key; the page, the CSV and
 * the API are also held to each other.
 */
class ProvincePagesTest extends ServerSession {
  private static final String V = "/v/conceptbegroting-2027";
  /** The seed's Bijlage 1, column "Totaal IPO-vereniging", in thousands, provinces north to south. */
  private static final long[] SEED_TOTALS_2027 = {447, 639, 528, 615, 342, 705, 513, 537, 601, 387, 710, 541};

  private static HttpResponse<String> english(String path) {
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", server.staff.cookie() + "; lang=en").GET().build());
  }

  /** "€ 705.240,43" as cents. */
  private static long cents(String dutchEuros) {
    return new BigDecimal(dutchEuros.replace(".", "").replace(',', '.')).movePointRight(2).longValueExact();
  }

  /** The CSV's bijdrage lines of a year, summed, in cents. */
  private static long csvContribution(String member, int year) {
    long sum = 0;
    for (String row : server.get(V + "/provincie/" + member + "/bijdrageregels.csv").body().split("\r\n")) {
      String[] f = row.split(";");
      if (f[2].equals(String.valueOf(year)) && f[8].equals("bijdrage")) {
        sum += Long.parseLong(f[6]);
      }
    }
    return sum;
  }

  @Test
  void theProvincePageSaysWhatGelderlandPaysMoreAndWhy() {
    String html = server.get(V + "/provincie/GE").body();
    Matcher m = Pattern.compile("Gelderland betaalt in 2027 € ([\\d.]+,\\d\\d) meer dan volgens de Begroting 2026\\.").matcher(html);
    assertThat(m.find()).as("the headline of 2027").isTrue();
    long headline = cents(m.group(1));
    // the seed prints 705 (thousands) for Gelderland; the exact figure is within a thousand of it
    assertThat(Math.abs(headline - 705 * 100_000L)).isLessThan(100_000);
    assertThat(headline).as("the headline is the sum of the CSV's contribution lines").isEqualTo(csvContribution("GE", 2027));
    // then each later year
    for (int year : List.of(2028, 2029, 2030)) {
      Matcher later = Pattern.compile("Gelderland betaalt in " + year + " € ([\\d.]+,\\d\\d) (meer dan|minder dan)").matcher(html);
      assertThat(later.find()).as("a sentence for %d", year).isTrue();
      long c = cents(later.group(1)) * (later.group(2).equals("meer dan") ? 1 : -1);
      assertThat(c).as("%d agrees with the CSV", year).isEqualTo(csvContribution("GE", year));
    }
    // the five reasons, largest part first (MemberSummaryTest works them out by hand), each a link
    String reasons = html.substring(html.indexOf("id=\"redenen\""), html.indexOf("</table>", html.indexOf("id=\"redenen\"")));
    List<String> links = new ArrayList<>();
    Matcher a = Pattern.compile("href=\"" + V + "/voorstel/([^\"]+)\"").matcher(reasons);
    while (a.find()) {
      links.add(a.group(1));
    }
    assertThat(links).containsExactly("4.2-ontleden", "2.1-ontleden", "4.1-dekkingsvoorstellen", "3.3-lvvn", "3.3-wolven");
    // 7.243.000 and -4.071.000 euros x 10,67 / 100,02 = 772.673,57 and -434.288,84 (a cent either way from the column's split)
    assertThat(reasons).containsPattern("\\+ € 772\\.67[345],\\d\\d</td>\\s*<td[^>]*>− € 7\\.243\\.000,00 baten")
        .containsPattern("− € 434\\.28[789],\\d\\d</td>\\s*<td[^>]*>− € 4\\.071\\.000,00 lasten");
    // the LVVN money apart, and the key in words
    Matcher lvvn = Pattern.compile("Daarnaast geeft Gelderland in 2027 € ([\\d.]+,\\d\\d) door \\(LVVN via provinciefonds\\)").matcher(html);
    assertThat(lvvn.find()).isTrue();
    assertThat(Math.abs(cents(lvvn.group(1)) - 359 * 100_000L)).isLessThan(100_000);
    assertThat(html).contains("Gelderland draagt 10,67 % bij volgens de Verdeelsleutel IPO 2027 (de aandelen tellen op tot 100,02 %, "
        + "dus 10,6679 % van elk te verdelen bedrag).")
        .contains("Kolom 3b. Natuurinformatie en Natuurbeheer gebruikt de Verdeelsleutel Natuurinformatie en Natuurbeheer (kolom 3b): 13,6095 %.");
    // the full table below, and the downloads
    assertThat(html).contains("id=\"provincie-GE\"").contains(V + "/provincie/GE/bijdrageregels.csv").contains(V + "/provincie/GE/bijdrageregels.xlsx");
    assertThat(html.indexOf("id=\"kop\"")).isLessThan(html.indexOf("id=\"redenen\"")).isLessThan(html.indexOf("id=\"provincie-GE\""));
  }

  @Test
  void theProvincePageSpeaksEnglish() {
    String html = english(V + "/provincie/GE").body();
    // in English the figures are written the English way (decision 211): "€ 705,239.54", "10.67 %"
    assertThat(html).containsPattern("Gelderland pays € [\\d,]+\\.\\d\\d more in 2027 than under the Budget 2026\\.")
        .contains("Where the difference comes from").contains("Gelderland contributes 10.67 % under the Verdeelsleutel IPO 2027")
        .doesNotContain("??");
  }

  @Test
  void theProvincesPageListsEveryMemberWithItsChangePerYearAndABarChart() {
    String html = server.get(V + "/provincies").body();
    String table = html.substring(html.indexOf("id=\"provincies\""), html.indexOf("</table>", html.indexOf("id=\"provincies\"")));
    Matcher row = Pattern.compile("<tr class=\"utrecht-table__row\"><th[^>]*><a[^>]*>([^<]+)</a></th>\\s*((?:<td.*?</td>)+)").matcher(table);
    List<String> names = new ArrayList<>();
    int i = 0;
    while (row.find()) {
      names.add(row.group(1));
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("<a[^>]*>(-?[\\d.]+)</a></td>").matcher(row.group(2));
      while (cell.find()) {
        cells.add(cell.group(1));
      }
      assertThat(cells).as(row.group(1)).hasSize(IPO.version().years().size());
      long printed2027 = Long.parseLong(cells.get(IPO.version().yearIndex(2027)).replace(".", ""));
      assertThat(Math.abs(printed2027 - SEED_TOTALS_2027[i])).as("%s 2027 near the seed's %d", row.group(1), SEED_TOTALS_2027[i]).isLessThanOrEqualTo(1);
      i++;
    }
    assertThat(names).containsExactlyElementsOf(IPO.members().stream().map(x -> x.name()).toList());
    // the chart: an SVG with a title, one bar per province whose value is also written as text
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
    assertThat(svg).contains("role=\"img\"").contains("<title");
    Matcher bar = Pattern.compile("data-value=\"(-?\\d+)\"").matcher(svg);
    int bars = 0;
    while (bar.find()) {
      assertThat(Math.abs(Long.parseLong(bar.group(1)) - SEED_TOTALS_2027[bars])).isLessThanOrEqualTo(1);
      assertThat(svg).contains(">" + nl.begroot.core.text.Dutch.whole(Long.parseLong(bar.group(1))) + "</text>");
      bars++;
    }
    assertThat(bars).isEqualTo(12);
    // the policy forbids inline styles and scripts: the page has none
    assertThat(html).doesNotContain("style=\"").doesNotContain("<style").doesNotContainPattern("<script(?![^>]*src=)");
  }

  @Test
  void theStatementsHtmlOpensInTheBrowserWithItsOwnStylesAllowedByHash() throws Exception {
    HttpResponse<String> html = server.get(V + "/provincie/GE/verklaring.html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
    String csp = html.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(html.headers().allValues("Content-Security-Policy")).hasSize(1);
    Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html.body());
    assertThat(style.find()).isTrue();
    String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
    assertThat(csp).contains("style-src 'self' 'sha256-" + hash + "';").doesNotContain("unsafe-inline").contains("script-src 'self';");
    // the other downloads stay attachments under the site's policy
    for (String file : List.of("verklaring.pdf", "bijdrageregels.csv", "bijdrageregels.xlsx")) {
      HttpResponse<String> r = server.get(V + "/provincie/GE/" + file);
      assertThat(r.statusCode()).as(file).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).as(file).startsWith("attachment;");
      assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }
    assertThat(server.get(V + "/download/begroting.html").headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
  }

  @Test
  void theApiGivesTheSameLinesAndTheMembersSummary() {
    JsonNode lines = Api.JSON.readTree(server.get("/api/versions/conceptbegroting-2027/members/GE/lines").body());
    assertThat(lines.get("format").asString()).isEqualTo("begroot-member-lines/1");
    String[] csv = server.get(V + "/provincie/GE/bijdrageregels.csv").body().split("\r\n");
    assertThat(lines.get("lines").size()).isEqualTo(csv.length - 1);
    for (int i = 1; i < csv.length; i++) {
      String[] f = csv[i].split(";");
      JsonNode l = lines.get("lines").get(i - 1);
      assertThat(l.get("year").asInt()).isEqualTo(Integer.parseInt(f[2]));
      assertThat(l.get("code").asString()).isEqualTo(f[3]);
      assertThat(l.get("cents").asLong()).isEqualTo(Long.parseLong(f[6]));
      assertThat(l.get("amount").asString()).isEqualTo(f[5].replace(',', '.'));
      assertThat(l.get("debit_credit").asString()).isEqualTo(f[7]);
    }
    JsonNode member = Api.JSON.readTree(server.get("/api/versions/conceptbegroting-2027/members/GE").body());
    JsonNode summary = member.get("summary");
    assertThat(summary.get("budget_year").asInt()).isEqualTo(2027);
    JsonNode y2027 = null;
    for (JsonNode c : summary.get("change")) {
      if (c.get("year").asInt() == 2027) {
        y2027 = c;
      }
    }
    assertThat(y2027.get("printed").asLong()).isEqualTo(705);
    assertThat(y2027.get("cents").asLong()).isEqualTo(csvContribution("GE", 2027));
    assertThat(summary.get("reasons").get(0).get("proposal").asString()).isEqualTo("4.2-ontleden");
    assertThat(summary.get("key").get("percent").asString()).isEqualTo("10.67");
    assertThat(summary.get("key").get("sum_percent").asString()).isEqualTo("100.02");
    assertThat(member.get("lines_href").asString()).isEqualTo("/api/versions/conceptbegroting-2027/members/GE/lines");
    assertThat(server.get("/api/versions/conceptbegroting-2027/members/Atlantis/lines").statusCode()).isEqualTo(404);
  }

  @Test
  void searchFindsMembersByNameAndCodeAndProgrammesAndAbbreviations() {
    for (String q : List.of("Gelderland", "gelderland", "GE", "ge")) {
      String html = server.get(V + "/zoeken?q=" + q).body();
      int hits = html.indexOf("begroot-hits");
      assertThat(hits).as(q).isPositive();
      assertThat(html.substring(hits)).as("the first hit for %s is the province", q)
          .containsPattern("^[^<]*\">\\s*<li><span class=\"begroot-muted\">Provincie:</span> <a class=\"utrecht-link\" href=\"" + V + "/provincie/GE\">Gelderland</a>");
    }
    assertThat(server.get(V + "/zoeken?q=Fryslan").body()).as("accents ignored").contains(V + "/provincie/FR\">Fryslân</a>");
    assertThat(server.get(V + "/zoeken?q=Beleidsvoorbereiding").body()).contains("href=\"" + V + "/programma/2\"");
    assertThat(server.get(V + "/zoeken?q=LVVN").body()).contains(V + "/afkortingen#afk-LVVN");
    JsonNode api = Api.JSON.readTree(server.get("/api/versions/conceptbegroting-2027/search?q=GE").body());
    assertThat(api.get("hits").get(0).get("href").asString()).isEqualTo(V + "/provincie/GE");
    assertThat(api.get("hits").get(0).get("kind").asString()).isEqualTo("Province");
  }
}
