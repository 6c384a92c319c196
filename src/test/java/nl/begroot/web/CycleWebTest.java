package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cycle over HTTP, signed in for real with people who have the roles each step needs: the API's
 * steps and refusals (401, 403, 409, 422 with the reason), and the cycle page's facts, buttons and forms
 * (with the CSRF token), and the confirmation a withdrawal asks for.
 */
class CycleWebTest {
  static TestServer server;
  static TestServer.SignedIn anna;
  static TestServer.SignedIn bert;
  static TestServer.SignedIn bo;
  static TestServer.SignedIn hans;
  static final String C = "/api/versions/" + Workspace.CONCEPT;
  static final String P = "/v/" + Workspace.CONCEPT;
  static final String TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();

  @BeforeAll
  static void start() {
    server = new TestServer(TestBudgets.load(TestBudgets.small("""
          - {id: l, unit: "1.1", title: L, side: lasten, amounts: {2026: 100, 2027: 100}}
        """, "")));
    anna = server.signIn(TestBudgets.actor("anna"));
    bert = server.signIn(Actor.person("bert", "Bert", Set.of(Role.CONTROLLER), Set.of(), null, true));
    bo = server.signIn(Actor.person("bo", "Bo", Set.of(Role.BESTUUR), Set.of(), null, true));
    hans = server.signIn(Actor.person("hans", "Hans", Set.of(Role.BUDGETHOUDER), Set.of("1"), null, false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(TestServer.SignedIn who, String path, String body) {
    return server.json(who, "POST", path, body);
  }

  private static HttpResponse<String> form(TestServer.SignedIn who, String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", who.csrf());
    String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return server.send(who.request(server.base() + path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static String proposal(String id) {
    return "{\"id\":\"" + id + "\",\"unit\":\"1.1\",\"title\":\"Voorstel " + id + "\",\"side\":\"lasten\",\"nature\":\"recurring\","
        + "\"amounts\":{\"2026\":100000,\"2027\":200000},\"explanation\":\"Waarom.\"}";
  }

  @Test
  void theCycleThroughTheApiAndThePages() {
    assertThat(post(hans, C + "/proposals", proposal("p1")).statusCode()).isEqualTo(201);
    assertThat(post(hans, C + "/proposals", proposal("p2")).statusCode()).isEqualTo(201);
    // not every line approved: the version is not submitted, and the answer names the line
    HttpResponse<String> early = post(anna, C + "/submit", null);
    assertThat(early.statusCode()).isEqualTo(422);
    assertThat(early.body()).contains("p1 (concept)").contains("p2 (concept)");
    assertThat(post(hans, C + "/proposals/p1/submit", null).body()).contains("\"status\":\"ingediend\"");
    assertThat(post(hans, C + "/proposals/p2/submit", null).statusCode()).isEqualTo(200);
    // who may not: a budget holder approves nothing (403), an anonymous caller is asked to sign in (401)
    HttpResponse<String> own = post(hans, C + "/proposals/p1/approve", null);
    assertThat(own.statusCode()).isEqualTo(403);
    assertThat(own.body()).contains("Only a controller approves");
    assertThat(server.sendAnonymous(HttpRequest.newBuilder(java.net.URI.create(server.base() + C + "/proposals/p1/approve"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(401);
    // a rejection needs its reason
    HttpResponse<String> noReason = post(bert, C + "/proposals/p1/reject", "{}");
    assertThat(noReason.statusCode()).isEqualTo(422);
    assertThat(noReason.body()).contains("\"field\":\"reason\"");
    HttpResponse<String> rejected = post(bert, C + "/proposals/p1/reject", "{\"reason\":\"Dekking ontbreekt.\"}");
    assertThat(rejected.body()).contains("\"status\":\"afgewezen\"").contains("\"reviewer\":\"bert\"").contains("Dekking ontbreekt.");
    assertThat(post(bert, C + "/proposals/p2/approve", null).body()).contains("\"status\":\"goedgekeurd\"");
    // the cycle page shows the verdicts and their reason
    String page = server.get(anna, P + "/cyclus").body();
    assertThat(page).contains("afgewezen").contains("Dekking ontbreekt.").contains("goedgekeurd");
    // withdrawing asks for confirmation: without the ticked box nothing changes
    int rev = server.json(anna, "GET", C + "/proposals/p1", null).body().contains("\"revision\"") ? revision("p1") : -1;
    HttpResponse<String> unconfirmed = form(anna, P + "/voorstel/p1/intrekken", Map.of("revision", String.valueOf(rev)));
    assertThat(unconfirmed.statusCode()).isEqualTo(422);
    assertThat(unconfirmed.body()).contains("Vink eerst aan");
    assertThat(revision("p1")).isEqualTo(rev);
    assertThat(form(anna, P + "/voorstel/p1/intrekken", Map.of("revision", String.valueOf(rev), "bevestigd", "ja")).statusCode())
        .isEqualTo(303);
    // now every active line is approved: a controller submits, the board adopts with the decision's facts
    assertThat(post(hans, C + "/submit", null).statusCode()).isEqualTo(403);
    assertThat(post(anna, C + "/submit", null).body()).contains("\"status\":\"ingediend\"");
    assertThat(post(anna, C + "/adopt", "{\"date\":\"" + TODAY + "\",\"body\":\"AV\",\"reference\":\"1\"}").statusCode()).isEqualTo(403);
    HttpResponse<String> noFacts = post(bo, C + "/adopt", "{\"body\":\"Algemene Vergadering\"}");
    assertThat(noFacts.statusCode()).isEqualTo(422);
    assertThat(noFacts.body()).contains("\"field\":\"date\"").contains("\"field\":\"reference\"");
    // the page offers the board the adoption form, a budget holder nothing
    assertThat(server.get(bo, P + "/cyclus").body()).contains("/cyclus/vaststellen").contains("name=\"_csrf\" value=\"" + bo.csrf() + "\"");
    assertThat(server.get(hans, P + "/cyclus").body()).doesNotContain("/cyclus/vaststellen").doesNotContain("/cyclus/terughalen");
    HttpResponse<String> adopted = form(bo, P + "/cyclus/vaststellen",
        Map.of("date", TODAY, "body", "Algemene Vergadering", "reference", "AV 2026-12, besluit 4"));
    assertThat(adopted.statusCode()).isEqualTo(303);
    assertThat(server.json(anna, "GET", C, null).body()).contains("\"status\":\"vastgesteld\"").contains("AV 2026-12, besluit 4");
    String adoptedPage = server.get(anna, P + "/cyclus").body();
    assertThat(adoptedPage).contains("Algemene Vergadering").contains(TODAY).contains("/wijziging")
        .doesNotContain("/cyclus/vaststellen");
    // final: an edit is refused (the route's permission check: 403 with the reason), not a 500
    HttpResponse<String> edit = server.json(anna, "PUT", C + "/proposals/p2", "{\"revision\":" + revision("p2") + ",\"title\":\"Anders\"}");
    assertThat(edit.statusCode()).isEqualTo(403);
    assertThat(edit.body()).contains("forbidden").contains("adopted");
    // an amendment on it
    HttpResponse<String> made = post(anna, C + "/amendments", null);
    assertThat(made.statusCode()).isEqualTo(201);
    String amendment = made.headers().firstValue("Location").orElseThrow().replace("/api/versions/", "").replace("/amendment", "");
    assertThat(server.json(anna, "GET", "/api/versions/" + amendment + "/amendment", null).body())
        .contains("\"amendment_number\":1").contains("\"own_proposals\":[]");
    assertThat(server.json(anna, "GET", C + "/after-amendments", null).body()).contains("\"read_as\":\"" + Workspace.CONCEPT + "\"");
    assertThat(server.get(anna, P + "/na-wijziging").statusCode()).isEqualTo(303);
    // and the board publishes
    assertThat(form(bo, P + "/cyclus/publiceren", Map.of()).statusCode()).isEqualTo(303);
    assertThat(server.json(anna, "GET", C, null).body()).contains("\"status\":\"gepubliceerd\"");
  }

  private static int revision(String id) {
    String body = server.json(anna, "GET", C + "/proposals/" + id, null).body();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"revision\":(\\d+)").matcher(body);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void aScenarioIsSharedByItsAuthorOnly() {
    assertThat(server.json(hans, "POST", "/api/versions", "{\"from\":\"" + Workspace.FRAME + "\",\"name\":\"Hans eigen\"}").statusCode())
        .isEqualTo(201);
    assertThat(post(anna, "/api/versions/hans-eigen/share", null).statusCode()).isEqualTo(403);
    assertThat(post(hans, "/api/versions/hans-eigen/share", null).body()).contains("\"shared\":true").contains("\"owner\":\"hans\"");
    assertThat(form(hans, "/v/hans-eigen/delen", Map.of("gedeeld", "nee")).statusCode()).isEqualTo(303);
    assertThat(server.json(hans, "GET", "/api/versions/hans-eigen", null).body()).contains("\"shared\":false");
    // deleting asks for confirmation
    assertThat(form(hans, "/v/hans-eigen/verwijderen", Map.of()).statusCode()).isEqualTo(422);
    assertThat(form(hans, "/v/hans-eigen/verwijderen", Map.of("bevestigd", "ja")).statusCode()).isEqualTo(303);
  }
}
