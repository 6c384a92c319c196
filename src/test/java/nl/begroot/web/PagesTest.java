package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTML pages over HTTP, as a browser without JavaScript uses them: plain GETs and form posts. */
class PagesTest extends ServerSession {
  static final String V = "/v/" + Workspace.CONCEPT;
  /** A form post as {@code who} (with the session's CSRF field). */
  static HttpResponse<String> post(TestServer.SignedIn who, String path, Map<String, String> form) {
    return server.form(who, path, form);
  }

  static HttpResponse<String> post(String path, Map<String, String> form) {
    return post(server.staff, path, form);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/programma/1", "/programma/5", "/voorstel/2.7-soc", "/voorstel/2.7-soc/wijzigen", "/voorstel-nieuw",
      "/bijlage-1", "/bijlage-1?jaar=2030", "/provincies", "/provincie/GE", "/kassiersfunctie", "/structureel",
      "/figuur?id=tabel-1/new.lasten/2028", "/figuur?id=Gelderland%202027", "/controle", "/afkortingen", "/zoeken?q=wolf",
      "/wijzigingen", "/sleutels", "?exact=1"})
  void everyPageOfAVersionRendersInDutch(String page) {
    HttpResponse<String> r = server.get(V + page);
    assertThat(r.statusCode()).as(page).isEqualTo(200);
    assertThat(r.body()).contains("<html lang=\"nl\"").contains("<main id=\"inhoud\"").doesNotContain("??");
  }

  /**
   * The audit page names each place in the document's words and each finding's kind; the summary
   * counts the kinds; ids only in the detail. (Other tests of this class edit the concept on the same
   * server first; whatever they changed is explained by the change log, so there are no errors.)
   */
  @Test
  void theAuditPageSaysWhatKindEachFindingIsAndWhereInWords() {
    String html = server.get(V + "/controle").body();
    assertThat(html).containsPattern("Samenvatting: fout: 0, inconsistentie in het document: \\d+, gewijzigd sinds publicatie: \\d+, afronding: \\d+\\.")
        .contains("Actie nodig")
        .contains("<td class=\"utrecht-table__cell\">Tabel 1, Kader, Totaal lasten 2027</td>")
        .contains("<code>tabel-1/frame.lasten/2027</code>")
        .doesNotContain("<td class=\"utrecht-table__cell\">tabel-1</td>");
    String en = server.send(HttpRequest.newBuilder(URI.create(server.base() + V + "/controle")).header("Cookie", "lang=en").GET().build()).body();
    assertThat(en).containsPattern("Summary: error: 0, inconsistency in the document: \\d+").contains("Tabel 1, Kader, Totaal lasten 2027");
  }

  /**
   * The figure page names the figure and each of its parts as the document does, from the titles in
   * the budget file (programme, unit, proposal, year); the id is only in the technical details.
   */
  @Test
  void theFigurePageNamesFiguresInTheDocumentsWordsAndKeepsIdsTechnical() {
    nl.begroot.core.model.Proposal p = IPO.proposals().stream()
        .filter(x -> x.rule() == nl.begroot.core.model.Proposal.Rule.ENTERED && x.units().size() == 1 && !x.id().startsWith("2.7"))
        .filter(x -> !programmeOf(x).overheadView()).findFirst().orElseThrow();
    nl.begroot.core.model.Programme pr = programmeOf(p);
    int year = IPO.version().years().get(1);
    String id = "programme-" + pr.id() + "/" + p.id() + "/" + year;
    String html = server.get(V + "/figuur?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)).body();
    String words = pr.id() + ". " + pr.title() + ", " + p.unit() + ". " + p.title() + " " + year;
    assertThat(html).contains("id=\"figuur-kop\">" + esc(words) + "</h2>");
    int details = html.indexOf("<details class=\"begroot-technical\">");
    assertThat(details).isPositive();
    assertThat(html.substring(0, details)).doesNotContain("<code>" + id).doesNotContain(">" + id + "<");
    assertThat(html.substring(details)).contains("<code>" + id + "</code>");

    String total = "tabel-1/change.lasten/" + year;
    String t = server.get(V + "/figuur?id=" + URLEncoder.encode(total, StandardCharsets.UTF_8)).body();
    assertThat(t).contains("id=\"figuur-kop\">Tabel 1, Totaal wijziging lasten " + year + "</h2>");
    for (nl.begroot.core.model.Programme each : IPO.programmes()) {
      assertThat(t).contains(">" + esc(each.id() + ". " + each.title() + ", Totaal wijziging lasten " + year) + "</a></th>");
    }
  }

  private static nl.begroot.core.model.Programme programmeOf(nl.begroot.core.model.Proposal p) {
    return IPO.programmes().stream().filter(pr -> pr.units().stream().anyMatch(u -> u.id().equals(p.unit()))).findFirst().orElseThrow();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;").replace("'", "&#39;");
  }

  @Test
  void tabel1OnTheOverviewShowsTheDocumentsTitleAndEveryYear() {
    String html = server.get(V).body();
    assertThat(html).contains("Tabel 1. Begrotingsvolume " + IPO.organisation().shortName());
    for (int year : IPO.version().years()) {
      assertThat(html).contains(">" + year + "</th>");
    }
    assertThat(html).contains("href=\"" + V + "/figuur?id=tabel-1%2Fnew.lasten%2F2028\"");
  }

  @Test
  void versionsAndComparePages() {
    assertThat(server.get("/versies").statusCode()).isEqualTo(200);
    HttpResponse<String> c = server.get("/vergelijk?a=" + Workspace.FRAME + "&b=" + Workspace.CONCEPT);
    assertThat(c.statusCode()).isEqualTo(200);
    // every entered proposal of the concept is new or changed against the frame
    IPO.proposals().stream().filter(p -> p.rule() == nl.begroot.core.model.Proposal.Rule.ENTERED)
        .filter(p -> java.util.Arrays.stream(p.amounts().centsArray()).anyMatch(x -> x != 0))
        .forEach(p -> assertThat(c.body()).contains("data-proposal=\"" + p.id() + "\""));
  }

  @Test
  void theEnglishSwitchSetsACookieAndGoesBack() {
    HttpResponse<String> r = server.get("/taal/en?terug=" + URLEncoder.encode(V, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).contains(V);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> en = server.send(HttpRequest.newBuilder(URI.create(server.base() + V)).header("Cookie", cookie).build());
    assertThat(en.body()).contains("<html lang=\"en\"").contains("Overview").doesNotContain("??");
    assertThat(server.get("/taal/en?terug=https://evil.example").headers().firstValue("Location")).contains("/");
    for (String away : new String[] {"//evil.example", "/%5Cevil.example", "/%09/evil.example", "https://evil.example", "/%0d%0aX:1"}) {
      assertThat(server.get("/taal/en?terug=" + away).headers().firstValue("Location").orElseThrow()).as(away).isEqualTo("/");
    }
    assertThat(Pages.localPath("/v/x?exact=1")).isEqualTo("/v/x?exact=1");
  }

  @Test
  void unknownPagesAre404PagesWithoutTraces() {
    for (String path : new String[] {"/v/nope", V + "/programma/9", V + "/voorstel/nope", V + "/provincie/Atlantis", "/nergens"}) {
      HttpResponse<String> r = server.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).contains("<html").doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void aFormWithMistakesShowsInlineDutchMessagesAndSavesNothing() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id", "2.3 met spatie");
    form.put("unit", "2.3");
    form.put("title", "");
    form.put("side", "lasten");
    form.put("nature", "recurring");
    form.put("amount.2027", "veel geld");
    form.put("action", "save");
    HttpResponse<String> r = post(V + "/voorstel-nieuw", form);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("Vul een titel in.").contains("'veel geld' is geen bedrag").contains("Een code bestaat uit")
        .contains("id=\"f-amount.2027-err\"").contains("Er is niets opgeslagen.");
    assertThat(r.body()).contains("value=\"veel geld\""); // what the user typed stays in the form
    assertThat(server.get(V + "/voorstel/2.3 met spatie".replace(" ", "%20")).statusCode()).isEqualTo(404);
  }

  @Test
  void aPlainFormPostSavesAndRedirectsAndThePreviewWorksWithoutJavaScript() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id", "form-1");
    form.put("unit", "3.3");
    form.put("title", "Via het formulier");
    form.put("side", "lasten");
    form.put("nature", "one-off");
    form.put("amount.2027", "250.000");
    form.put("action", "preview");
    HttpResponse<String> preview = post(V + "/voorstel-nieuw", form);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("id=\"effect-provincies\"").contains("data-delta=\"balancing-2027\">250.000,00<");
    assertThat(server.get(V + "/voorstel/form-1").statusCode()).as("a preview saves nothing").isEqualTo(404);
    form.put("action", "save");
    HttpResponse<String> saved = post(server.signIn(nl.begroot.TestBudgets.actor("Carla")), V + "/voorstel-nieuw", form);
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location").orElseThrow()).contains(V + "/voorstel/form-1");
    String page = server.get(V + "/voorstel/form-1").body();
    assertThat(page).contains("Via het formulier").contains("250.000").contains("Carla");
  }

  @Test
  void aStaleEditFormShowsBothValuesAndKeepsTheInput() {
    String formPage = server.get(V + "/voorstel/2.1-ontleden/wijzigen").body();
    var m = java.util.regex.Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(formPage);
    assertThat(m.find()).isTrue();
    String revision = m.group(1);
    Map<String, String> first = new LinkedHashMap<>();
    first.put("revision", revision);
    first.put("title", "Eerste versie");
    first.put("action", "save");
    // the first writer's account id differs from her name: the page names her, the id stays out of it
    var annaJansen = nl.begroot.core.access.Actor.person("acc-anna-j", "Anna Jansen", java.util.Set.of(nl.begroot.core.access.Role.CONTROLLER,
        nl.begroot.core.access.Role.BUDGETHOUDER), java.util.Set.of(), null, true);
    assertThat(post(server.signIn(annaJansen), V + "/voorstel/2.1-ontleden/wijzigen", first).statusCode()).isEqualTo(303);
    Map<String, String> second = new LinkedHashMap<>(first);
    second.put("title", "Tweede versie");
    HttpResponse<String> conflict = post(server.signIn(nl.begroot.TestBudgets.actor("Bram")), V + "/voorstel/2.1-ontleden/wijzigen", second);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).contains("Iemand anders heeft dit intussen gewijzigd").contains("Anna Jansen)").doesNotContain("acc-anna-j")
        .contains("Eerste versie").contains("value=\"Tweede versie\"");
  }

  @Test
  void downloadButtonsGiveTheDocumentTheWorkbookOpenDataAndStatements() {
    String overview = server.get(V).body();
    for (String file : new String[] {"begroting.pdf", "begroting.html", "begroting.xlsx", "open-data.zip"}) {
      assertThat(overview).contains("href=\"" + V + "/download/" + file + "\"");
    }
    HttpResponse<byte[]> pdf = bytes(V + "/download/begroting.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(new String(bytes(V + "/download/begroting.xlsx").body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    assertThat(new String(bytes(V + "/download/open-data.zip").body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    assertThat(server.get(V + "/download/begroting.html").body()).contains("Tabel 1");
    HttpResponse<byte[]> statement = bytes(V + "/provincie/GE/verklaring.pdf");
    assertThat(new String(statement.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(server.get(V + "/provincie/GE/verklaring.html").body()).contains("Gelderland");
    assertThat(server.get(V + "/download/nothing.doc").statusCode()).isEqualTo(404);
  }

  @Test
  void theWorkbooksTemplateReadsBackIntoANewVersionWithTheSameProposals() {
    byte[] xlsx = bytes(V + "/download/begroting.xlsx").body();
    HttpResponse<String> r = multipart("/versies/werkmap", Map.of("from", Workspace.CONCEPT, "name", "Uit Excel"), "file", "begroting.xlsx", xlsx);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201); // created, with the reader's warnings on the built-in narratives
    assertThat(r.body()).contains("id=\"waarschuwingen\"");
    String slug = r.headers().firstValue("Location").orElseThrow().replace("/v/", "");
    var ours = Api.JSON.readTree(server.get("/api/versions/" + Workspace.CONCEPT + "/proposals").body()).get("proposals");
    var theirs = Api.JSON.readTree(server.get("/api/versions/" + slug + "/proposals").body()).get("proposals");
    assertThat(theirs.size()).isEqualTo(ours.size());
    for (int i = 0; i < ours.size(); i++) {
      assertThat(theirs.get(i).get("id")).isEqualTo(ours.get(i).get("id"));
      assertThat(theirs.get(i).get("amounts")).isEqualTo(ours.get(i).get("amounts"));
    }
    HttpResponse<String> bad = multipart("/versies/werkmap", Map.of("from", Workspace.CONCEPT, "name", "Kapot"), "file", "kapot.xlsx",
        "dit is geen werkmap".getBytes(StandardCharsets.UTF_8));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("Er is niets opgeslagen.");
    assertThat(server.get("/v/kapot").statusCode()).isEqualTo(404);
  }

  static HttpResponse<byte[]> bytes(String path) {
    try {
      return server.http.send(server.staff.request(server.base() + path).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
    String boundary = "begroot" + System.nanoTime();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      for (var f : fields.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
  }

  @Test
  void aBudgetFileUploadWithMistakesListsThemWithLinesAndImportsNothing() {
    String good = server.get(V + "/export").body();
    HttpResponse<String> bad = multipart("/versies/inlezen", Map.of("name", "Kapot bestand"), "file", "kapot.yaml",
        good.replace("side: lasten", "side: sideways").getBytes(StandardCharsets.UTF_8));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("kapot.yaml:").contains("data-line=");
    assertThat(server.get("/v/kapot-bestand").statusCode()).isEqualTo(404);
    HttpResponse<String> ok = multipart("/versies/inlezen", Map.of("name", "Goed bestand"), "file", "goed.yaml", good.getBytes(StandardCharsets.UTF_8));
    // the built-in budget's narratives quote amounts no figure has: imported, with the reader's warnings shown
    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(ok.headers().firstValue("Location")).hasValue("/v/goed-bestand");
    assertThat(ok.body()).contains("id=\"waarschuwingen\"").contains("goed.yaml:");
    assertThat(server.get("/v/goed-bestand/export").body()).isEqualTo(good);
  }

  @Test
  void aCachedPageShowsTheNewFiguresRightAfterAnEdit() {
    String slug = "cache-proef";
    server.workspace.copy(Workspace.CONCEPT, "Cache proef", nl.begroot.TestBudgets.actor("test"));
    String path = "/v/" + slug;
    String before = server.get(path).body();
    assertThat(server.get(path).body()).isEqualTo(before); // served again, unchanged
    int year = IPO.version().budgetYear();
    var s = server.workspace.snapshot(slug).orElseThrow();
    long balancing = s.document().computation().balancing(s.budget().version().yearIndex(year));
    String cell = "data-balancing=\"" + year + "\">" + View.thousands(balancing) + "<";
    assertThat(before).contains(cell);
    server.json("POST", "/api/versions/" + slug + "/proposals",
        "{\"id\":\"c-1\",\"unit\":\"2.3\",\"title\":\"Cache\",\"side\":\"lasten\",\"nature\":\"one-off\",\"amounts\":{\"" + year + "\":500000000}}");
    String after = server.get(path).body();
    assertThat(after).doesNotContain(cell).contains("data-balancing=\"" + year + "\">" + View.thousands(balancing + 500_000_000L) + "<");
  }
}
