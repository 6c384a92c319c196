package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A budget file the reader loads with warnings (a literal amount in a narrative that no figure
 * has) is imported, and the import page and the API show those warnings with their lines instead
 * of passing over them.
 */
class ImportWarningsTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The concept version's file with one narrative that quotes an amount no figure has. */
  static String withWarning() {
    String text = server.get("/v/" + Workspace.CONCEPT + "/export").body();
    String block = "\n    explanation: >-\n";
    int at = text.indexOf(block);
    assertThat(at).as("the file has a folded explanation to extend").isPositive();
    return text.substring(0, at) + block + "      Dit kost € 987.654.321 per jaar.\n" + text.substring(at + block.length());
  }

  @Test
  void theImportPageShowsTheReadersWarningsWithTheNewVersion() {
    String file = withWarning();
    HttpResponse<String> r = UploadLimitsTest.multipart(server, "/versies/inlezen", Map.of("name", "Met waarschuwing"), "file", "w.yaml",
        file.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location")).hasValue("/v/met-waarschuwing");
    assertThat(r.body()).contains("id=\"waarschuwingen\"").contains("w.yaml:").contains("€ 987.654.321").contains("href=\"/v/met-waarschuwing\"");
    assertThat(server.get("/v/met-waarschuwing").statusCode()).isEqualTo(200);
  }

  @Test
  void theApiAnswersAnImportWithItsWarnings() throws Exception {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/import?name=api-waarschuwing&file=a.yaml"))
        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(withWarning())).build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    var warnings = Api.JSON.readTree(r.body()).get("warnings");
    HttpResponse<String> plain = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/import?name=api-gewoon&file=g.yaml"))
        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(server.get("/v/" + Workspace.CONCEPT + "/export")
            .body())).build());
    assertThat(plain.statusCode()).isEqualTo(201);
    // the built-in file has warnings of its own; the planted amount adds exactly one
    assertThat(warnings.size()).isEqualTo(Api.JSON.readTree(plain.body()).get("warnings").size() + 1);
    var planted = java.util.stream.StreamSupport.stream(warnings.spliterator(), false)
        .filter(w -> w.get("message").asString().contains("€ 987.654.321")).toList();
    assertThat(planted).hasSize(1);
    assertThat(planted.get(0).get("line").asInt()).isPositive();
    assertThat(planted.get(0).get("file").asString()).isEqualTo("a.yaml");
  }
}
