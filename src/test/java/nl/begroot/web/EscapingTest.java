package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything a user can type comes out as text, never as markup or a formula: a script tag, an image
 * with an error handler and a spreadsheet formula are planted in a proposal's title and explanation,
 * a version's name and an account's id and name (signed in for real), and every output is checked:
 * the pages, the error page, the HTML and PDF documents, a province's statement, the workbook, the
 * open data and the JSON. Each plant carries its own number, so a failure names the field.
 */
class EscapingTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String CONCEPT = "conceptbegroting-2027";
  private static final String PROPOSAL = "2.3-xss";

  /** A formula, a script tag and an image with an error handler in one text; {@code n} names the field. */
  static String plant(int n) {
    return "=HYPERLINK(\"http://evil\",\"x\")<script>alert(" + n + ")</script><img src=x onerror=alert(" + n + ")>";
  }

  static final String TITLE = plant(11);
  static final String EXPLANATION = plant(12);
  static final String VERSION = plant(13);
  static final String AUTHOR_ID = plant(14);
  static final String AUTHOR_NAME = plant(15);

  static TestServer server;
  static TestServer.SignedIn who;
  static String slug;

  @BeforeAll
  static void plantEverywhere() {
    server = new TestServer();
    who = server.signIn(Actor.person(AUTHOR_ID, AUTHOR_NAME, Set.of(Role.CONTROLLER, Role.BUDGETHOUDER), Set.of(), null, true));
    var copied = server.json(who, "POST", "/api/versions", json(Map.of("from", CONCEPT, "name", VERSION)));
    assertThat(copied.statusCode()).as(copied.body()).isEqualTo(201);
    slug = JSON.readTree(copied.body()).get("id").asString();
    Map<String, Object> proposal = new LinkedHashMap<>();
    proposal.put("id", PROPOSAL);
    proposal.put("unit", "2.3");
    proposal.put("title", TITLE);
    proposal.put("side", "lasten");
    proposal.put("nature", "one_off");
    proposal.put("amounts", Map.of("2027", 12_345_600));
    proposal.put("explanation", EXPLANATION);
    var created = server.json(who, "POST", "/api/versions/" + slug + "/proposals", json(proposal));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  private static String v(String rest) {
    return "/v/" + slug + rest;
  }

  // ------------------------------------------------------------------ the checks

  /** No plant of any field as markup: the raw tags must not be there at all. */
  static void noMarkup(String where, String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).as(where + ": a planted script tag as markup").doesNotContain("<script>alert(");
    assertThat(lower).as(where + ": a planted image as markup").doesNotContain("<img src=x");
  }

  /** The plant of field {@code n} is there, escaped: it reached this output, as text. */
  static void escaped(String where, String html, int... fields) {
    for (int n : fields) {
      // in an attribute value the template escapes < and " but not > (harmless there)
      assertThat(html).as(where + ": plant " + n + " shown as text").containsPattern("&lt;script(&gt;|>)alert\\(" + n + "\\)&lt;/script")
          .containsPattern("&lt;img src=x onerror=alert\\(" + n + "\\)(&gt;|>)");
    }
  }

  private static String page(String path) {
    HttpResponse<String> r = server.get(who, path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  private static byte[] download(String path) {
    try {
      HttpResponse<byte[]> r = server.http.send(who.request(server.base() + path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      return r.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ web pages

  @Test
  void everyPageShowsThePlantsAsText() {
    Map<String, int[]> pages = new LinkedHashMap<>();
    pages.put(v(""), new int[] {13});
    pages.put(v("/programma/2"), new int[] {11, 13});
    pages.put(v("/voorstel/" + PROPOSAL), new int[] {11, 12, 13, 14});
    pages.put(v("/voorstel/" + PROPOSAL + "/wijzigen"), new int[] {11, 12, 13});
    pages.put(v("/figuur?id=programme-2/" + PROPOSAL + "/2027"), new int[] {11, 13});
    pages.put(v("/wijzigingen"), new int[] {13, 14});
    pages.put(v("/zoeken?q=alert"), new int[] {11, 13});
    pages.put("/versies", new int[] {13});
    pages.put("/vergelijk?a=" + CONCEPT + "&b=" + slug, new int[] {11, 13});
    pages.put(v("/bijlage-1"), new int[] {13});
    pages.put(v("/controle"), new int[] {13});
    for (var e : pages.entrySet()) {
      String html = page(e.getKey());
      noMarkup(e.getKey(), html);
      escaped(e.getKey(), html, e.getValue());
    }
  }

  @Test
  void theErrorPagesEchoAnAddressAsText() {
    String path = "/v/%3Cscript%3Ealert(16)%3C%2Fscript%3E";
    HttpResponse<String> r = server.get(who, path);
    assertThat(r.statusCode()).isEqualTo(404);
    noMarkup(path, r.body());
    HttpResponse<String> api = server.get(who, "/api/versions/%3Cscript%3Ealert(16)%3C%2Fscript%3E");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(JSON.readTree(api.body()).get("detail").asString()).as("valid JSON").isNotEmpty();
  }

  // ------------------------------------------------------------------ documents

  @Test
  void theHtmlDocumentAndTheStatementShowThePlantsAsText() {
    String document = new String(download(v("/download/begroting.html")), StandardCharsets.UTF_8);
    noMarkup("begroting.html", document);
    escaped("begroting.html", document, 11, 13);
    String statement = new String(download(v("/provincie/GE/verklaring.html")), StandardCharsets.UTF_8);
    noMarkup("verklaring.html", statement);
    escaped("verklaring.html", statement, 13);
  }

  @Test
  void thePdfShowsThePlantsAsText() throws Exception {
    String text;
    try (PDDocument pdf = Loader.loadPDF(download(v("/download/begroting.pdf")))) {
      text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
    }
    // were a plant markup in the page the PDF is made from, its tags would be elements, not text
    for (int n : new int[] {11, 13}) {
      assertThat(text).as("plant " + n + " as text in the PDF").contains("<script>alert(" + n + ")</script>")
          .contains("<imgsrc=xonerror=alert(" + n + ")>");
    }
  }

  // ------------------------------------------------------------------ spreadsheets and data

  @Test
  void theWorkbookHoldsThePlantsAsInertText() throws Exception {
    List<String> found = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(v("/download/begroting.xlsx"))))) {
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            if (cell.getCellType() == CellType.FORMULA) {
              assertThat(cell.getCellFormula()).as(sheet.getSheetName() + "!" + cell.getAddress() + ": a formula of the workbook itself")
                  .doesNotContain("HYPERLINK");
              continue;
            }
            if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains("HYPERLINK")) {
              String value = cell.getStringCellValue();
              assertThat(value).as(sheet.getSheetName() + "!" + cell.getAddress() + ": text that a spreadsheet would take for a formula "
                  + "starts with an apostrophe, as in the CSV").doesNotStartWith("=").doesNotStartWith("  =");
              found.add(value.strip());
            }
          }
        }
      }
    }
    assertThat(found).as("the title, the explanation and the version's name, each made inert")
        .contains("'" + TITLE, "'" + EXPLANATION).anyMatch(s -> s.contains("alert(13)"));
  }

  @Test
  void theOpenDataHoldsThePlantsAsInertTextAndValidJson() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(download(v("/download/open-data.zip"))))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(files).isNotEmpty();
    boolean titleSeen = false;
    for (var f : files.entrySet()) {
      if (f.getKey().endsWith(".json")) {
        JsonNode root = JSON.readTree(f.getValue()); // valid JSON, or this throws
        assertThat(root).as(f.getKey()).isNotNull();
      }
      if (f.getKey().endsWith(".csv")) {
        for (String line : f.getValue().split("\r?\n")) {
          for (String field : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String unquoted = field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
            if (unquoted.contains("HYPERLINK")) {
              assertThat(unquoted).as(f.getKey() + ": a formula-like field is made inert").startsWith("'=");
              titleSeen |= unquoted.equals("'" + TITLE);
            }
          }
        }
      }
    }
    assertThat(titleSeen).as("the planted title is in the open data's lines").isTrue();
  }

  @Test
  void theJsonApiGivesThePlantsBackIntact() {
    JsonNode p = JSON.readTree(server.get(who, "/api/versions/" + slug + "/proposals/" + PROPOSAL).body());
    assertThat(p.get("title").asString()).isEqualTo(TITLE);
    assertThat(p.get("explanation").asString()).isEqualTo(EXPLANATION);
    assertThat(p.get("updated_by").asString()).isEqualTo(AUTHOR_ID);
    JsonNode versions = JSON.readTree(server.get(who, "/api/versions").body());
    List<String> names = new ArrayList<>();
    versions.get("versions").forEach(x -> names.add(x.get("name").asString()));
    assertThat(names).contains(VERSION);
    JsonNode changes = JSON.readTree(server.get(who, "/api/versions/" + slug + "/changes").body());
    List<String> actors = new ArrayList<>();
    changes.get("changes").forEach(c -> actors.add(c.get("actor").asString()));
    assertThat(actors).contains(AUTHOR_ID);
    // a search through the API answers valid JSON with the text as it was typed
    HttpResponse<String> search = server.send(who.request(server.base() + "/api/versions/" + slug + "/search?q="
        + java.net.URLEncoder.encode("<script>alert(11)", StandardCharsets.UTF_8)).GET().build());
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(search.body())).isNotNull();
  }

  @Test
  void theExportedBudgetFileReadsBackWithThePlantsIntact() {
    HttpResponse<String> export = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/versions/" + slug + "/export"))
        .header("Cookie", who.cookie()).GET().build());
    assertThat(export.statusCode()).isEqualTo(200);
    var read = nl.begroot.format.BudgetReader.read("export.yaml", export.body());
    assertThat(read).isInstanceOf(nl.begroot.format.LoadResult.Loaded.class);
    var budget = ((nl.begroot.format.LoadResult.Loaded) read).budget();
    var p = budget.proposal(PROPOSAL).orElseThrow();
    assertThat(p.title()).isEqualTo(TITLE);
    assertThat(p.explanation()).isEqualTo(EXPLANATION);
    assertThat(budget.version().title()).isEqualTo(VERSION);
  }
}
