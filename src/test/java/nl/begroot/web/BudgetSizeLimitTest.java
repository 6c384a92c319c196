package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.begroot.core.model.BudgetSize;
import nl.begroot.format.BadInputTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one limit on a budget's text (decision 193): what the store accepts, the server reads back. A
 * budget whose stored text is just under {@link BudgetSize#MAX_CHARS} is imported, read back and
 * served as a page; one just over it (its upload still within the upload limit) is refused at the
 * write with 413 naming the limit, and nothing is stored; an edit that would grow a budget at the
 * limit past it is refused the same way. The stored size is the store's own count (the text the
 * version reads back as, counted from above), learnt from a small import first.
 */
class BudgetSizeLimitTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * The test budget with {@code n} more proposals of the same length, each with an explanation of 1.000
   * characters, the last one's {@code extra} characters longer (many lines, as a large budget has; one
   * text is at most {@link BudgetSize#MAX_TEXT_CHARS} characters, decisions 193 and 213-214).
   */
  static String budget(int n, int extra) {
    String marker = "    title: Monitoring\n";
    assertThat(BadInputTest.VALID).contains(marker);
    StringBuilder more = new StringBuilder();
    for (int i = 0; i < n; i++) {
      more.append(String.format(java.util.Locale.ROOT, "  - id: p-pad-%06d%n    unit: \"1.1\"%n    title: Opvulling%n    side: lasten%n"
          + "    amounts: {2027: 0}%n    explanation: \"%s\"%n", i, "x".repeat(1000 + (i == n - 1 ? extra : 0))));
    }
    return BadInputTest.VALID.replace("\ntransfers:\n", "\n" + more + "transfers:\n");
  }

  static HttpResponse<String> importText(String name, String text) {
    return server.send(server.staff.request(server.base() + "/api/import?name=" + name).header("Content-Type", "application/yaml")
        .header("X-CSRF-Token", server.staff.csrf()).POST(HttpRequest.BodyPublishers.ofString(text)).build());
  }

  /** The store's count for the version {@code slug}: the length its text can read back as, at most. */
  static long stored(String slug) {
    return server.database.jdbi().withHandle(h -> h.createQuery("select 2 * char_length(base_yaml) + coalesce((select sum(case when p.withdrawn"
        + " then 2 * char_length(p.proposal_id) + 8 else char_length(p.body_yaml) end) from proposal p where p.version_id = v.id), 0) + 16"
        + " from budget_version v where v.slug = :s").bind("s", slug).mapTo(Long.class).one());
  }

  @Test
  void aBudgetJustUnderTheLimitRoundTripsAndOneJustOverIsRefusedAtTheWrite() {
    // the store's count of one more proposal, and of the budget around them, learnt from two small imports
    assertThat(importText("een", budget(1, 0)).statusCode()).isEqualTo(201);
    assertThat(importText("twee", budget(2, 0)).statusCode()).isEqualTo(201);
    long each = stored("twee") - stored("een");
    long around = stored("een") - each;
    assertThat(each).isGreaterThan(1000);
    int n = (int) ((BudgetSize.MAX_CHARS - around) / each);
    long rest = BudgetSize.MAX_CHARS - around - n * each; // 0 <= rest < each

    // just under: stored, read back (the API's proposal), served as a page
    String text = budget(n, (int) rest - 10);
    assertThat((long) text.length()).isLessThan(BudgetSize.MAX_CHARS); // within the upload limit
    HttpResponse<String> created = importText("net-eronder", text);
    assertThat(created.statusCode()).as(created.body().substring(0, Math.min(500, created.body().length()))).isEqualTo(201);
    assertThat(stored("net-eronder")).isBetween((long) BudgetSize.MAX_CHARS - 20, (long) BudgetSize.MAX_CHARS);
    HttpResponse<String> proposal = server.get("/api/versions/net-eronder/proposals/p-pad-000000");
    assertThat(proposal.statusCode()).isEqualTo(200);
    assertThat(proposal.body()).contains("x".repeat(1000));
    assertThat(server.get("/v/net-eronder").statusCode()).isEqualTo(200);

    // an edit that grows it past the limit: refused at the write, the limit named, nothing stored
    HttpResponse<String> grown = server.json("POST", "/api/versions/net-eronder/proposals", "{\"id\": \"p-groei\", \"unit\": \"1.1\","
        + " \"title\": \"Groei\", \"side\": \"lasten\", \"nature\": \"recurring\", \"amounts\": {\"2027\": 0}, \"explanation\": \"" + "y".repeat(100) + "\"}");
    assertThat(grown.statusCode()).as(grown.body()).isEqualTo(413);
    assertThat(grown.body()).contains(BudgetSize.limit()).contains("Nothing was stored");
    assertThat(server.get("/api/versions/net-eronder/proposals/p-groei").statusCode()).isEqualTo(404);

    // just over: the upload is within the upload limit, the stored text would not be: 413, the limit named, nothing stored
    String over = budget(n, (int) rest + 10);
    assertThat((long) over.length()).isLessThanOrEqualTo(BudgetSize.MAX_CHARS);
    HttpResponse<String> refused = importText("net-erover", over);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    assertThat(refused.body()).contains(BudgetSize.limit()).contains("Nothing was stored");
    UploadLimitsTest.assertNamesNoClass(refused.body());
    assertThat(server.get("/api/versions/net-erover").statusCode()).isEqualTo(404);
    assertThat(server.get("/api/versions").body()).doesNotContain("net-erover");
  }
}
