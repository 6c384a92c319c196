package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import nl.begroot.core.engine.Computation;
import nl.begroot.core.engine.Engine;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The JSON API against a real server on port 0 (JDK HttpClient), including everything a client can get wrong. */
class ApiTest extends ServerSession {
  static final String C = "/api/versions/" + Workspace.CONCEPT;
  static JsonNode json(HttpResponse<String> r) {
    return Api.JSON.readTree(r.body());
  }

  static JsonNode ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return json(r);
  }

  static JsonNode problem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode p = json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("type").asString()).startsWith(Problems.TYPE_BASE);
    assertThat(p.get("title").asString()).isNotBlank();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return p;
  }

  @Test
  void versionsAndTheBalancingItemComeFromTheCore() {
    JsonNode versions = ok(server.get("/api/versions")).get("versions");
    assertThat(versions.size()).isGreaterThanOrEqualTo(2);
    JsonNode v = ok(server.get(C));
    Computation direct = Engine.compute(IPO);
    for (int y = 0; y < direct.yearCount(); y++) {
      assertThat(v.get("balancing_cents").get(String.valueOf(direct.years().get(y))).asLong()).isEqualTo(direct.balancing(y));
    }
  }

  @Test
  void eachTableAloneIsTheVersionAndTheTableOfTheWholeOutput() {
    // one table is served without the rest of the document (decision 232); what it says must be what the whole output says
    JsonNode all = ok(server.get(C + "/tables"));
    assertThat(all.get("tables").size()).isGreaterThan(5);
    for (JsonNode t : all.get("tables")) {
      JsonNode one = ok(server.get(C + "/tables/" + t.get("id").asString()));
      assertThat(one.get("format").asString()).isEqualTo("begroot-table/1");
      assertThat(one.get("version")).isEqualTo(all.get("version"));
      assertThat(one.get("table")).as(t.get("id").asString()).isEqualTo(t);
      assertThat(one.size()).as("format, version and table only").isEqualTo(3);
    }
  }

  @Test
  void tabel1CellsCarryStableIdsExactCentsAndPrintedThousands() {
    JsonNode t = ok(server.get(C + "/tables/tabel-1")).get("table");
    assertThat(t.get("id").asString()).isEqualTo("tabel-1");
    List<String> columns = new java.util.ArrayList<>();
    t.get("columns").forEach(c -> columns.add(c.get("id").asString()));
    for (JsonNode row : t.get("rows")) {
      JsonNode cells = row.get("cells");
      for (int i = 0; i < cells.size(); i++) {
        JsonNode cell = cells.get(i);
        if (cell.has("figure") && cell.get("display").asString().equals("amount")) {
          String id = cell.get("figure").asString();
          assertThat(id.split("/")).as(id).hasSize(3);
          assertThat(id).endsWith("/" + columns.get(i));
          assertThat(ok(server.get(C + "/explain?id=" + id)).toString()).contains(id);
          long cents = cell.get("cents").asLong();
          // printed thousands lie within one unit of the exact value
          assertThat(Math.abs(cell.get("printed").asLong() * 100_000 - cents)).isLessThan(100_000);
        }
      }
    }
    problem(server.get(C + "/tables/no-such-table"), 404);
  }

  @Test
  void createPreviewChangeConflictWithdraw() {
    int year = IPO.version().budgetYear();
    JsonNode before = ok(server.get(C));
    long balancingBefore = before.get("balancing_cents").get(String.valueOf(year)).asLong();
    String body = "{\"id\":\"api-1\",\"unit\":\"2.3\",\"title\":\"Via de API\",\"side\":\"lasten\",\"nature\":\"one-off\",\"amounts\":{\"" + year + "\": 123456}}";
    JsonNode preview = ok(server.json("POST", C + "/preview", body));
    long previewDelta = preview.get("balancing").get("delta_cents").get(String.valueOf(year)).asLong();
    assertThat(previewDelta).isEqualTo(123456);
    long memberDeltas = 0;
    for (JsonNode m : preview.get("members")) {
      memberDeltas += m.get("delta_cents").get(String.valueOf(year)).asLong();
    }
    assertThat(memberDeltas).as("the members together pay the change").isEqualTo(123456);
    assertThat(ok(server.get(C)).get("balancing_cents").get(String.valueOf(year)).asLong()).as("preview saves nothing").isEqualTo(balancingBefore);

    HttpResponse<String> created = server.json("POST", C + "/proposals", body);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).contains(C + "/proposals/api-1");
    JsonNode p = json(created);
    assertThat(p.get("amounts").get(String.valueOf(year)).asLong()).isEqualTo(123456);
    assertThat(p.get("nature").asString()).as("one spelling: the file format's, also in the API").isEqualTo("one-off");
    assertThat(ok(server.get(C)).get("balancing_cents").get(String.valueOf(year)).asLong()).isEqualTo(balancingBefore + 123456);
    problem(server.json("POST", C + "/proposals", body), 422); // the id is taken now

    int rev = p.get("revision").asInt();
    JsonNode changed = ok(server.json(server.signIn(nl.begroot.TestBudgets.actor("Anna")), "PUT", C + "/proposals/api-1",
        "{\"revision\":" + rev + ",\"title\":\"Nieuwe titel\"}"));
    assertThat(changed.get("title").asString()).isEqualTo("Nieuwe titel");
    assertThat(changed.get("updated_by").asString()).isEqualTo("Anna");
    JsonNode conflict = problem(server.json("PUT", C + "/proposals/api-1", "{\"revision\":" + rev + ",\"title\":\"Te laat\"}"), 409);
    assertThat(conflict.get("changed_by").asString()).isEqualTo("Anna");
    assertThat(conflict.get("theirs").asString()).contains("Nieuwe titel");
    assertThat(conflict.get("yours").asString()).contains("Te laat");
    // If-Match carries the revision too
    HttpResponse<String> viaHeader = server.send(server.signIn(nl.begroot.TestBudgets.actor("Bram")).request(server.base() + C + "/proposals/api-1")
        .header("Content-Type", "application/json").header("If-Match", "\"" + changed.get("revision").asInt() + "\"")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"nature\":\"recurring\"}")).build());
    assertThat(ok(viaHeader).get("updated_by").asString()).isEqualTo("Bram");

    int rev3 = json(server.get(C + "/proposals/api-1")).get("revision").asInt();
    JsonNode withdrawn = ok(server.json("POST", C + "/proposals/api-1/withdraw", "{\"revision\":" + rev3 + "}"));
    assertThat(withdrawn.get("withdrawn").asBoolean()).isTrue();
    assertThat(ok(server.get(C)).get("balancing_cents").get(String.valueOf(year)).asLong()).isEqualTo(balancingBefore);
    JsonNode log = ok(server.get(C + "/changes")).get("changes");
    assertThat(log.get(0).get("action").asString()).isEqualTo("proposal.withdraw");
  }

  @Test
  void memberFiguresAddUpToTheAnnexTotal() {
    String year = String.valueOf(IPO.version().budgetYear());
    long sum = 0;
    for (var m : IPO.members()) {
      sum += ok(server.get(C + "/members/" + m.id())).get("years").get(year).get("total").get("cents").asLong();
    }
    JsonNode annex = ok(server.get(C + "/tables/bijlage-1-" + year)).get("table");
    long total = 0;
    for (JsonNode row : annex.get("rows")) {
      if (row.get("id").asString().equals("totaal")) {
        for (JsonNode cell : row.get("cells")) {
          if (cell.has("figure") && cell.get("figure").asString().endsWith("/total")) {
            total = cell.get("cents").asLong();
          }
        }
      }
    }
    assertThat(sum).isEqualTo(total);
    assertThat(ok(server.get(C + "/members/Gelderland")).get("id").asString()).isEqualTo("GE");
    problem(server.get(C + "/members/Atlantis"), 404);
  }

  @Test
  void exportImportExportIsLossless() {
    HttpResponse<String> export = server.get(C + "/export");
    assertThat(export.statusCode()).isEqualTo(200);
    HttpResponse<String> imported = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/import?name=Via%20API"))
        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(export.body())).build());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    String slug = json(imported).get("id").asString();
    assertThat(server.get("/api/versions/" + slug + "/export").body()).isEqualTo(export.body());
    // a broken file: every problem with its line; nothing imported
    int versions = ok(server.get("/api/versions")).get("versions").size();
    String broken = export.body().replace("side: lasten", "side: sideways");
    HttpResponse<String> refused = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/import?name=Kapot"))
        .POST(HttpRequest.BodyPublishers.ofString(broken)).build());
    JsonNode p = problem(refused, 422);
    assertThat(p.get("problems").size()).isGreaterThan(1);
    assertThat(p.get("problems").get(0).get("line").asInt()).isPositive();
    assertThat(ok(server.get("/api/versions")).get("versions").size()).isEqualTo(versions);
  }

  @Test
  void copyAndCompare() {
    JsonNode copy = json(server.json("POST", "/api/versions", "{\"from\":\"" + Workspace.CONCEPT + "\",\"name\":\"API scenario\"}"));
    String slug = copy.get("id").asString();
    JsonNode soc = ok(server.get("/api/versions/" + slug + "/proposals/2.7-soc"));
    ok(server.json("PUT", "/api/versions/" + slug + "/proposals/2.7-soc", "{\"revision\":" + soc.get("revision").asInt() + ",\"amounts\":{\"2027\":0}}"));
    JsonNode c = ok(server.get("/api/compare?a=" + Workspace.CONCEPT + "&b=" + slug));
    List<String> entered = new java.util.ArrayList<>();
    for (JsonNode p : c.get("proposals")) {
      if (p.get("rule").asString().equals("entered")) {
        entered.add(p.get("id").asString());
      }
    }
    assertThat(entered).containsExactly("2.7-soc");
    assertThat(c.get("balancing").get("delta_cents").get("2027").asLong()).isEqualTo(-soc.get("amounts").get("2027").asLong());
    problem(server.get("/api/compare?a=" + Workspace.CONCEPT), 400);
    problem(server.get("/api/compare?a=x&b=y"), 404);
    assertThat(server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/versions/" + slug)).DELETE().build()).statusCode()).isEqualTo(204);
    // an official version is not deleted: refused for its permission (only a scenario's author deletes it)
    problem(server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/versions/" + Workspace.CONCEPT)).DELETE().build()), 403);
  }

  @Test
  void keysChangeWithTheirRevision() {
    JsonNode key = ok(server.get(C + "/keys/ipo"));
    problem(server.json("PUT", C + "/keys/ipo", "{\"revision\":" + key.get("revision").asInt() + ",\"shares_percent\":{\"GE\":\"tien\"}}"), 422);
    problem(server.json("PUT", C + "/keys/ipo", "{\"revision\":" + key.get("revision").asInt() + ",\"shares_percent\":{\"XX\":\"1\"}}"), 422);
    problem(server.json("PUT", C + "/keys/ipo", "{\"revision\":" + (key.get("revision").asInt() - 1) + ",\"shares_percent\":{\"GE\":\"10.5\"}}"), 409);
    problem(server.get(C + "/keys/nope"), 404);
  }

  @Test
  void explainGivesTheLineageOrSuggestions() {
    JsonNode e = ok(server.get(C + "/explain?id=tabel-1/new.lasten/2028"));
    assertThat(e.toString()).contains("tabel-1/new.lasten/2028");
    JsonNode p = problem(server.get(C + "/explain?id=lasten%202028"), 404);
    assertThat(p.get("suggestions").size()).isPositive();
    for (JsonNode s : p.get("suggestions")) {
      assertThat(s.asString()).contains("lasten").endsWith("2028");
    }
    problem(server.get(C + "/explain?id=" + "x".repeat(2000)), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "[]", "\"text\"", "42", "null", "{\"title\": 5}", "{\"amounts\": {\"2027\": 1.5}}",
      "{\"amounts\": {\"2027\": 1e30}}", "{\"amounts\": {\"2027\": 99999999999999999999999}}", "{\"amounts\": {\"twee\": 1}}",
      "{\"amounts\": [1,2]}", "{\"products\": \"CB27\"}", "{\"colour\": \"red\"}", "{\"id\": \"a b\", \"unit\": \"2.3\", \"title\": \"x\", \"side\": \"lasten\", \"nature\": \"recurring\"}",
      "{\"id\": \"ok-1\", \"unit\": \"2.3\", \"title\": \"x\", \"side\": \"lasten\", \"nature\": \"recurring\", \"amounts\": {\"2027\": 100000000000000000}}",
      "{\"id\": \"ok-2\", \"unit\": \"2.3\", \"title\": \"x\", \"side\": \"lasten\", \"nature\": \"recurring\", \"amounts\": {\"1999\": 1}}"})
  void badProposalBodiesAreRefusedWithProblemDetails(String body) {
    HttpResponse<String> r = server.json("POST", C + "/proposals", body);
    assertThat(r.statusCode()).as(body + " -> " + r.body()).isIn(400, 422);
    JsonNode p = problem(r, r.statusCode());
    if (r.statusCode() == 422) {
      assertThat(p.get("errors").size()).isPositive();
    }
  }

  @Test
  void unknownThingsAre404AndWrongMethods405() {
    problem(server.get("/api/versions/nope"), 404);
    problem(server.get(C + "/proposals/nope"), 404);
    problem(server.json("PUT", C + "/proposals/nope", "{\"revision\":1}"), 404);
    problem(server.json("PUT", "/api/versions/nope/proposals/x", "{\"revision\":1}"), 404);
    problem(server.get("/api/nothing-here"), 404);
    HttpResponse<String> r = server.json("PATCH", "/api/versions", "{}");
    assertThat(r.statusCode()).isIn(404, 405);
    problem(r, r.statusCode());
  }

  @Test
  void aFiftyMegabyteBodyIsRefusedBeforeItIsSent() throws Exception {
    // a client that asks first (Expect: 100-continue) is refused on the declared length: no go-ahead, no body read
    String head = rawHead(50L * 1024 * 1024, true);
    assertThat(head).startsWith("HTTP/1.1 413").doesNotContain("100 Continue").contains("application/problem+json");
  }

  @Test
  void aGigabyteDeclaredIsRefusedAtOnce() throws Exception {
    assertThat(rawHead(1L << 30, false)).startsWith("HTTP/1.1 413");
  }

  @RepeatedTest(3)
  void aFiftyMegabyteBodySentAtOnceIsRefusedWithAnAnswerTheClientReads() {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.base() + C + "/proposals"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(fiftyMegabytes())).build());
    problem(r, 413);
  }

  /** The answer's head to a POST that declares {@code length} bytes and sends none of them. */
  private String rawHead(long length, boolean expectContinue) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", java.net.URI.create(server.base()).getPort())) {
      socket.setSoTimeout(10_000);
      String request = "POST " + C + "/proposals HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + length + "\r\n" + (expectContinue ? "Expect: 100-continue\r\n" : "") + "\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      byte[] buffer = socket.getInputStream().readNBytes(4096);
      return new String(buffer, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static byte[] fiftyMegabytes() {
    byte[] big = new byte[50 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    return big;
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] latin1 = "{\"title\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.base() + C + "/proposals"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build());
    problem(r, 400);
  }

  /** Random bodies to every writing endpoint: never a 500, always a problem document or a success. */
  @Test
  void randomBodiesNeverCauseA500() {
    Random random = new Random(20261127L);
    String[] targets = {"POST " + C + "/proposals", "POST " + C + "/preview", "PUT " + C + "/proposals/2.7-soc",
        "POST " + C + "/proposals/2.7-soc/withdraw", "PUT " + C + "/keys/ipo", "POST /api/versions", "POST /api/import?name=fuzz"};
    String[] pieces = {"{", "}", "[", "]", "\"id\"", "\"amounts\"", "\"2027\"", ":", ",", "null", "true", "-1", "1e400", "\"pm\"",
        "\"revision\"", "9223372036854775808", "\"\\u0000\"", "\"€\"", "0.5", "\"title\"", "\"shares_percent\"", "{\"GE\":\"x\"}"};
    for (int i = 0; i < 300; i++) {
      StringBuilder body = new StringBuilder();
      int n = random.nextInt(12);
      for (int k = 0; k < n; k++) {
        body.append(pieces[random.nextInt(pieces.length)]);
      }
      String[] target = targets[random.nextInt(targets.length)].split(" ");
      HttpResponse<String> r = server.json(target[0], target[1], body.toString());
      assertThat(r.statusCode()).as("seed 20261127, case " + i + ": " + target[1] + " <- " + body + " -> " + r.body()).isLessThan(500);
      assertThat(r.body()).doesNotContain("\tat ");
    }
  }

  @Test
  void theOpenApiDocumentDescribesEveryApiRoute() throws Exception {
    JsonNode doc = ok(server.get("/api/openapi.json"));
    assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");
    String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/nl/begroot/web/WebServer.java"));
    var m = java.util.regex.Pattern.compile("route\\(r, HandlerType\\.(GET|POST|PUT|DELETE), \"(/api/[^\"]*)\"").matcher(source);
    int routes = 0;
    while (m.find()) {
      routes++;
      JsonNode path = doc.get("paths").get(m.group(2));
      assertThat(path).as("documented: " + m.group(2)).isNotNull();
      assertThat(path.get(m.group(1).toLowerCase(java.util.Locale.ROOT))).as("documented: " + m.group(1) + " " + m.group(2)).isNotNull();
    }
    assertThat(routes).isGreaterThan(20);
    int documented = 0;
    for (var p : doc.get("paths").properties()) {
      for (var method : p.getValue().properties()) {
        documented++;
        assertThat(source).as("a route for " + method.getKey() + " " + p.getKey()).contains("route(r, HandlerType." + method.getKey().toUpperCase(java.util.Locale.ROOT) + ", \"" + p.getKey() + "\"");
      }
    }
    assertThat(documented).isEqualTo(routes);
  }

  @Test
  void writesTakeJsonOnlyAndNotFromOtherSites() {
    HttpResponse<String> plain = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/versions"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + Workspace.CONCEPT + "\",\"name\":\"CSRF\"}")).build());
    problem(plain, 415);
    HttpResponse<String> foreign = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/versions"))
        .header("Content-Type", "application/json").header("Origin", "https://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + Workspace.CONCEPT + "\",\"name\":\"CSRF\"}")).build());
    problem(foreign, 403);
    problem(server.get("/api/versions/csrf"), 404);
  }

  @Test
  void aVersionMadeAgainUnderTheSameNameIsNotServedFromTheOldOnesCache() {
    String name = "Opnieuw";
    ok(server.json("POST", "/api/versions", "{\"from\":\"" + Workspace.CONCEPT + "\",\"name\":\"" + name + "\"}"));
    String concept = server.get("/v/opnieuw").body();
    String conceptTable = server.get("/api/versions/opnieuw/tables/tabel-1").body();
    assertThat(server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/versions/opnieuw")).DELETE().build()).statusCode()).isEqualTo(204);
    ok(server.json("POST", "/api/versions", "{\"from\":\"" + Workspace.FRAME + "\",\"name\":\"" + name + "\"}"));
    assertThat(server.get("/v/opnieuw").body()).isNotEqualTo(concept);
    assertThat(server.get("/api/versions/opnieuw/tables/tabel-1").body()).isNotEqualTo(conceptTable);
    long balancing = ok(server.get("/api/versions/opnieuw")).get("balancing_cents").get("2027").asLong();
    assertThat(balancing).as("the frame's balancing item").isZero();
  }

  @Test
  void aFileWithVeryLongTextsImports() {
    String original = server.get(C + "/export").body();
    String longTitle = "Lang".repeat(400);
    int proposals = original.indexOf("\nproposals:");
    assertThat(proposals).isPositive();
    String file = original.substring(0, proposals)
        + original.substring(proposals).replaceFirst("(?m)^(\\s+)title: .*$", "$1title: " + longTitle); // a proposal's title
    assertThat(file).isNotEqualTo(original);
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/import?name=Lange%20titels"))
        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(file)).build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(server.get("/api/versions/lange-titels/export").body()).contains(longTitle);
  }
}
