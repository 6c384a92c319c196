package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.publish.ProposalImport;
import nl.begroot.publish.WorkbookLimits;
import nl.begroot.workspace.Workspace;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploads are read within limits and refused with the limit named: a workbook that expands to 3
 * million rows (a few MB packed) is refused quickly in little memory, on its own and through the
 * web (413), and the server goes on answering; rows, cells, a DTD (XXE) and a damaged file each
 * get a clear message that names no library class; YAML and JSON bodies have their size and depth
 * limits on the web path too; nothing is stored by a refused upload.
 */
class UploadLimitsTest {
  static TestServer server;
  static nl.begroot.core.model.Budget budget;

  @BeforeAll
  static void start() {
    server = new TestServer();
    budget = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * A workbook with the proposals sheet's header and {@code rows} rows of {@code cells} cells each;
   * past Excel's 1.048.576 rows a sheet, the rows go on in further sheets (Blad2, Blad3, ...).
   */
  static byte[] workbook(int rows, int cells) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet("Voorstellen");
    ws.value(0, 0, "id");
    int sheet = 1;
    int r = 1;
    for (int i = 0; i < rows; i++) {
      if (r == 1_048_576) {
        ws.finish();
        ws = wb.newWorksheet("Blad" + ++sheet);
        r = 0;
      }
      for (int c = 0; c < cells; c++) {
        ws.value(r, c, 1);
      }
      if (++r % 50_000 == 0) {
        ws.flush();
      }
    }
    wb.finish();
    return out.toByteArray();
  }

  static void assertNamesNoClass(String message) {
    assertThat(message).doesNotContainPattern("(java|javax|org|com|sun)\\.[a-z]+\\.").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aWorkbookOfThreeMillionRowsIsRefusedQuicklyInLittleMemoryWithTheLimitNamed() throws Exception {
    long g0 = System.nanoTime();
    byte[] book = workbook(3_000_000, 1);
    long generated = (System.nanoTime() - g0) / 1_000_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    long t0 = System.nanoTime();
    ProposalImport.Result r = ProposalImport.read(new ByteArrayInputStream(book), budget);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    sampler.interrupt();
    sampler.join();
    long grewMb = (peak.get() - before) / 1024 / 1024;
    System.out.printf("3-million-row workbook: %.1f MB packed (made in %d ms), refused in %d ms, heap grew at most %d MB (max heap %d MB)%n",
        book.length / 1024.0 / 1024, generated, millis, grewMb, Runtime.getRuntime().maxMemory() / 1024 / 1024);
    assertThat(book.length).isLessThan(WorkbookLimits.MAX_FILE_BYTES);
    assertThat(r).isInstanceOf(ProposalImport.Refused.class);
    ProposalImport.Refused refused = (ProposalImport.Refused) r;
    assertThat(refused.tooLarge()).isTrue();
    assertThat(refused.problems().get(0).message()).contains("64 MB (the limit");
    assertThat(millis).isLessThan(10_000);
    assertThat(grewMb).isLessThan(200);

    HttpResponse<String> web = multipart("/versies/werkmap", Map.of("from", Workspace.CONCEPT, "name", "Drie miljoen"), "file", "groot.xlsx", book);
    assertThat(web.statusCode()).isEqualTo(413);
    assertThat(web.body()).contains("64 MB (the limit");
    assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
    assertThat(server.get("/v/drie-miljoen").statusCode()).isEqualTo(404);
  }

  @Test
  void moreFilledRowsThanTheLimitAreRefusedNamingIt() throws Exception {
    byte[] book = workbook(WorkbookLimits.MAX_ROWS + 1, 2);
    ProposalImport.Refused r = (ProposalImport.Refused) ProposalImport.read(new ByteArrayInputStream(book), budget);
    assertThat(r.tooLarge()).isTrue();
    assertThat(r.problems().get(0).toString()).contains("Voorstellen").contains("more than 10000 filled rows (the limit)");
    ProposalImport.Result within = ProposalImport.read(new ByteArrayInputStream(workbook(WorkbookLimits.MAX_ROWS - 1, 2)), budget);
    assertThat(within).isInstanceOf(ProposalImport.Refused.class); // wrong columns, but read to the end: not a limit
    assertThat(((ProposalImport.Refused) within).tooLarge()).isFalse();
  }

  @Test
  void aRowWithMoreCellsThanTheLimitIsRefusedNamingIt() throws Exception {
    ProposalImport.Refused r = (ProposalImport.Refused) ProposalImport.read(new ByteArrayInputStream(workbook(1, WorkbookLimits.MAX_COLUMNS + 1)), budget);
    assertThat(r.tooLarge()).isTrue();
    assertThat(r.problems().get(0).toString()).contains("row 2 has more than 256 cells (the limit)");
  }

  @Test
  void aCellWithATextLongerThanABudgetsTextIsRefusedNamingTheCell() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet("Voorstellen");
    ws.value(0, 0, "id");
    ws.value(0, 1, "title");
    ws.value(1, 0, "p-1");
    ws.value(1, 1, "w".repeat(nl.begroot.core.model.BudgetSize.MAX_TEXT_CHARS + 1));
    wb.finish();
    ProposalImport.Refused r = (ProposalImport.Refused) ProposalImport.read(new ByteArrayInputStream(out.toByteArray()), budget);
    assertThat(r.tooLarge()).isTrue();
    assertThat(r.problems().get(0).toString()).contains("cell B2 holds a text of " + (nl.begroot.core.model.BudgetSize.MAX_TEXT_CHARS + 1)
        + " characters; a text in a budget has at most " + nl.begroot.core.model.BudgetSize.MAX_TEXT_CHARS + " characters (the limit)");
  }

  @Test
  void aBudgetFileWithATextOverTheLimitIsRefusedOnTheWebAtItsLineAndColumn() {
    String valid = nl.begroot.format.BadInputTest.VALID;
    String at = "title: Capaciteit water";
    String text = valid.replace(at, "title: \"" + "w".repeat(nl.begroot.core.model.BudgetSize.MAX_TEXT_CHARS + 1) + "\"");
    int index = valid.indexOf(at) + "title: ".length();
    int line = (int) valid.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    int column = index - valid.lastIndexOf('\n', index - 1);
    HttpResponse<String> api = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/import?name=lange-tekst"))
        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(text)).build());
    assertThat(api.statusCode()).isEqualTo(422);
    assertThat(api.body()).contains("\"line\":" + line, "\"column\":" + column,
        "a text of " + (nl.begroot.core.model.BudgetSize.MAX_TEXT_CHARS + 1) + " characters starts here");
    HttpResponse<String> page = multipart("/versies/inlezen", Map.of("name", "Lange tekst"), "file", "lang.yaml",
        text.getBytes(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(422);
    assertThat(page.body()).contains("lang.yaml:" + line + ":" + column + ": a text of");
    assertThat(server.get("/api/versions/lange-tekst").statusCode()).isEqualTo(404);
  }

  @Test
  void anXxeWorkbookIsRefusedWithAClearMessageNamingNoParser() throws Exception {
    byte[] good = exported();
    byte[] evil = rewrite(good, "xl/worksheets/", xml -> xml.replaceFirst("\\?>",
        "?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>").replaceFirst("<sheetData>", "<sheetData>&xxe;"));
    ProposalImport.Refused r = (ProposalImport.Refused) ProposalImport.read(new ByteArrayInputStream(evil), budget);
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).message()).contains("declares a document type (DTD)");
    assertNamesNoClass(r.problems().get(0).toString());
    HttpResponse<String> web = multipart("/versies/werkmap", Map.of("from", Workspace.CONCEPT, "name", "XXE"), "file", "xxe.xlsx", evil);
    assertThat(web.statusCode()).isEqualTo(422);
    assertThat(web.body()).contains("declares a document type (DTD)").doesNotContain("root:");
    assertNamesNoClass(web.body());
  }

  @Test
  void aDamagedWorkbookIsRefusedWithAClearMessageNamingNoParser() throws Exception {
    byte[] good = exported();
    byte[] broken = rewrite(good, "xl/worksheets/", xml -> xml.substring(0, xml.length() / 2) + "<<<");
    for (byte[] bad : new byte[][] {broken, "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 2, 3}}) {
      ProposalImport.Refused r = (ProposalImport.Refused) ProposalImport.read(new ByteArrayInputStream(bad), budget);
      assertThat(r.problems().get(0).message()).startsWith("not a readable .xlsx workbook");
      assertNamesNoClass(r.problems().get(0).toString());
    }
  }

  @Test
  void aBudgetFileOverTheReadersLimitIsRefusedOnTheWebNamingTheLimit() {
    byte[] big = ("schema: begroot/1\n# " + "x".repeat(nl.begroot.core.model.BudgetSize.MAX_CHARS + 1024) + "\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> page = multipart("/versies/inlezen", Map.of("name", "Te groot"), "file", "groot.yaml", big);
    assertThat(page.statusCode()).isEqualTo(413);
    assertThat(page.body()).contains("32 MB");
    HttpResponse<String> api = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/import?name=te-groot"))
        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
    assertThat(api.statusCode()).isEqualTo(413);
    assertThat(api.body()).contains("32 MB");
    String bomb = "schema: begroot/1\na: &a [" + "x, ".repeat(10) + "x]\n" + "b: [" + "*a, ".repeat(200) + "*a]\n";
    HttpResponse<String> aliases = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/import?name=bom"))
        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(bomb)).build());
    assertThat(aliases.statusCode()).isEqualTo(422);
    assertThat(aliases.body()).contains("aliases");
    assertThat(server.get("/api/versions/te-groot").statusCode()).isEqualTo(404);
    assertThat(server.get("/api/versions/bom").statusCode()).isEqualTo(404);
  }

  @Test
  void jsonBodiesHaveASizeAndADepthLimit() {
    String deep = "{\"title\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
    HttpResponse<String> r = server.json("POST", "/api/versions/" + Workspace.CONCEPT + "/preview", deep);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("nested more than " + Api.MAX_JSON_DEPTH);
    String large = "{\"title\":\"" + "x".repeat(Api.MAX_JSON_BYTES) + "\"}";
    HttpResponse<String> big = server.json("POST", "/api/versions/" + Workspace.CONCEPT + "/preview", large);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("1 MB");
    assertNamesNoClass(r.body());
    assertNamesNoClass(big.body());
  }

  static byte[] exported() throws IOException, InterruptedException {
    return server.http.send(server.staff.request(server.base() + "/v/" + Workspace.CONCEPT + "/download/begroting.xlsx").build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  interface Edit {
    String apply(String xml);
  }

  static byte[] rewrite(byte[] zip, String part, Edit edit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("begroot-test-", ".xlsx");
    java.nio.file.Files.write(file, zip);
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile()); ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] content = in.getInputStream(e).readAllBytes();
        if (e.getName().startsWith(part) && e.getName().endsWith(".xml")) {
          content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(content);
        z.closeEntry();
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
    return out.toByteArray();
  }

  static HttpResponse<String> multipart(String path, Map<String, String> fields, String fileName, byte[] content) {
    return multipart(path, fields, "file", fileName, content);
  }

  static HttpResponse<String> multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
    return multipart(server, path, fields, fileField, fileName, content);
  }

  static HttpResponse<String> multipart(TestServer server, String path, Map<String, String> fields, String fileField, String fileName,
      byte[] content) {
    String boundary = "begroot" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (var f : fields.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
  }
}
