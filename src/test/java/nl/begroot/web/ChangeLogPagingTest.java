package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The change log page and API page through every entry, newest first, with more entries than one page. */
class ChangeLogPagingTest {
  static final int ENTRIES = 250; // plus the seed's own entry: more than two pages of 100
  static TestServer server;
  static long versionId;

  @BeforeAll
  static void start() {
    server = new TestServer();
    versionId = server.workspace.version(Workspace.CONCEPT).orElseThrow().id();
    // log entries appended directly: only their number and order matter here
    server.database.jdbi().useTransaction(h -> {
      for (int i = 1; i <= ENTRIES; i++) {
        nl.begroot.store.AuditLog.record(h, nl.begroot.store.LogEntry.change("schrijver-" + i, "proposal.change", "p", versionId, null,
            null), java.time.Instant.now());
      }
    });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theApiPagesThroughAllEntriesWithItsNextLink() {
    List<String> actors = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    String next = "/api/versions/" + Workspace.CONCEPT + "/changes";
    int pages = 0;
    while (next != null) {
      JsonNode page = ApiTest.ok(server.get(next));
      pages++;
      page.get("changes").forEach(c -> {
        actors.add(c.get("actor").asString());
        ids.add(c.get("id").asLong());
      });
      next = page.get("next").isNull() ? null : page.get("next").asString();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(actors).hasSize(ENTRIES + 1);
    assertThat(actors.get(0)).isEqualTo("schrijver-" + ENTRIES);
    assertThat(actors.get(ENTRIES - 1)).isEqualTo("schrijver-1");
    assertThat(actors.get(ENTRIES)).isEqualTo("test"); // the seed, oldest
    assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    JsonNode small = ApiTest.ok(server.get("/api/versions/" + Workspace.CONCEPT + "/changes?limit=7"));
    assertThat(small.get("changes").size()).isEqualTo(7);
  }

  @Test
  void badPagingParametersAreA400ThatSaysWhich() {
    String c = "/api/versions/" + Workspace.CONCEPT + "/changes";
    assertThat(ApiTest.problem(server.get(c + "?before=abc"), 400).get("detail").asString()).contains("'abc'");
    assertThat(ApiTest.problem(server.get(c + "?limit=501"), 400).get("title").asString()).contains("limit");
    assertThat(ApiTest.problem(server.get(c + "?limit=0"), 400).get("detail").asString()).contains("1 to 500");
    assertThat(server.get("/v/" + Workspace.CONCEPT + "/wijzigingen?voor=-1").statusCode()).isEqualTo(400);
  }

  @Test
  void thePagePagesThroughAllEntriesWithItsOlderLink() {
    Pattern row = Pattern.compile(">schrijver-(\\d+)</span></td>");
    Pattern older = Pattern.compile("href=\"(\\?voor=\\d+)\" rel=\"next\"");
    List<Integer> seen = new ArrayList<>();
    String query = "";
    int pages = 0;
    boolean seedSeen = false;
    while (query != null) {
      var r = server.get("/v/" + Workspace.CONCEPT + "/wijzigingen" + query);
      assertThat(r.statusCode()).isEqualTo(200);
      pages++;
      Matcher m = row.matcher(r.body());
      while (m.find()) {
        seen.add(Integer.parseInt(m.group(1)));
      }
      seedSeen |= r.body().contains(">test</span></td>");
      Matcher o = older.matcher(r.body());
      query = o.find() ? o.group(1) : null;
      if (pages > 1) {
        assertThat(r.body()).contains("rel=\"first\"");
      }
    }
    assertThat(pages).isEqualTo(3);
    List<Integer> expected = new ArrayList<>();
    for (int i = ENTRIES; i >= 1; i--) {
      expected.add(i);
    }
    assertThat(seen).isEqualTo(expected);
    assertThat(seedSeen).isTrue();
  }
}
