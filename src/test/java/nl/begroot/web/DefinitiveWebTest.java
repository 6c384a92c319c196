package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The definitive budget and next year's frame over HTTP, signed in for real: the cycle page offers the
 * definitive budget to a controller once the concept is adopted, the form and the API start it (once), its
 * cycle page links back to the concept and to the comparison, and next year's frame is a page (Dutch and
 * English) and JSON; a version that is not adopted gets a refusal in words (409), never a 500.
 */
class DefinitiveWebTest {
  static TestServer server;
  static TestServer.SignedIn anna;
  static TestServer.SignedIn bo;
  static TestServer.SignedIn hans;
  static final String C = "/api/versions/" + Workspace.CONCEPT;
  static final String P = "/v/" + Workspace.CONCEPT;
  static final String D = "definitieve-begroting-2027";
  static final String TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();

  @BeforeAll
  static void start() {
    // the small budget: programme 1 frame lasten 1000 a year, programme 2 baten 1500 with the balancing line
    server = new TestServer(TestBudgets.load(TestBudgets.small("""
          - {id: l, unit: "1.1", title: L, side: lasten, nature: recurring, amounts: {2026: 100, 2027: 100}}
          - {id: o, unit: "1.1", title: O, side: lasten, nature: one-off, amounts: {2026: 30, 2027: 20}}
        """, "")));
    anna = server.signIn(TestBudgets.actor("anna"));
    bo = server.signIn(Actor.person("bo", "Bo", Set.of(Role.BESTUUR), Set.of(), null, true));
    hans = server.signIn(Actor.person("hans", "Hans", Set.of(Role.BUDGETHOUDER), Set.of("1"), null, false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theDefinitiveBudgetAndNextYearsFrame() {
    // before adoption: no offer, and the API says why (422), next year's frame is refused in words (409)
    assertThat(server.get(anna, P + "/cyclus").body()).doesNotContain("/definitief");
    HttpResponse<String> early = server.json(anna, "POST", C + "/definitive", null);
    assertThat(early.statusCode()).isEqualTo(422);
    assertThat(early.body()).contains("Adopt the concept budget first");
    HttpResponse<String> notYet = server.get(anna, P + "/volgend-jaar");
    assertThat(notYet.statusCode()).isEqualTo(409);
    assertThat(notYet.body()).contains("niet vastgesteld (concept)");
    assertThat(server.json(anna, "GET", C + "/next-frame", null).statusCode()).isEqualTo(409);

    assertThat(server.json(anna, "POST", C + "/submit", null).statusCode()).isEqualTo(200);
    assertThat(server.json(bo, "POST", C + "/adopt", "{\"date\":\"" + TODAY + "\",\"body\":\"Algemene Vergadering\",\"reference\":\"AV 1\"}")
        .statusCode()).isEqualTo(200);

    // the controller is offered the definitive budget, a budget holder is not and may not
    assertThat(server.get(anna, P + "/cyclus").body()).contains("action=\"" + P + "/definitief\"").contains("Definitieve begroting beginnen");
    assertThat(server.get(hans, P + "/cyclus").body()).doesNotContain("/definitief");
    HttpResponse<String> refused = server.json(hans, "POST", C + "/definitive", null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Only a controller starts the definitive budget");
    HttpResponse<String> made = server.form(anna, P + "/definitief", Map.of());
    assertThat(made.statusCode()).isEqualTo(303);
    assertThat(made.headers().firstValue("Location")).contains("/v/" + D + "/cyclus");
    // once per concept
    HttpResponse<String> again = server.json(anna, "POST", C + "/definitive", null);
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(again.body()).contains("has a definitive budget already");
    // its cycle page names the concept it starts from and links the comparison, which shows both
    String page = server.get(anna, "/v/" + D + "/cyclus").body();
    assertThat(page).contains("Begint bij de vastgestelde conceptbegroting").contains("Begroting 2027")
        .contains("/vergelijk?a=" + Workspace.CONCEPT + "&amp;b=" + D);
    HttpResponse<String> compare = server.get(anna, "/vergelijk?a=" + Workspace.CONCEPT + "&b=" + D);
    assertThat(compare.statusCode()).isEqualTo(200);
    assertThat(server.json(anna, "GET", "/api/versions/" + D, null).body()).contains("\"kind\":\"definitive\"");
    // the definitive budget is not adopted yet: no next year's frame from it
    assertThat(server.json(anna, "GET", "/api/versions/" + D + "/next-frame", null).body()).contains("not-adopted");

    // next year's frame from the adopted concept: years 2027-2028; programme 1 lasten 2027 = 1000 + 100 + 20 = 1.120,
    // 2028 = 1000 + 100 (l continues, o ends) = 1.100; programme 2 baten 2027 = 1500 + 120 = 1.620, 2028 = 1500 + 100
    String next = server.get(anna, P + "/volgend-jaar").body();
    assertThat(next).contains("Kader voor volgend jaar").contains("<th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\">2028</th>")
        .contains("1.120,00").contains("1.100,00").contains("1.620,00").contains("1.600,00")
        .contains("Eenmalig, loopt af na 2027: o O, lasten € 20,00 in 2027.")
        .contains("komen in elk jaar tot op de cent overeen");
    String json = server.json(anna, "GET", C + "/next-frame", null).body();
    assertThat(json).contains("\"budget_year\":2028").contains("\"years\":[2027,2028]").contains("\"agrees_with_estimate\":true")
        .contains("\"lasten_cents\":{\"2027\":112000,\"2028\":110000}");
    // in English
    HttpResponse<String> en = server.send(HttpRequest.newBuilder(URI.create(server.base() + P + "/volgend-jaar"))
        .header("Cookie", anna.cookie() + "; lang=en").build());
    assertThat(en.body()).contains("<html lang=\"en\"").contains("Next year's frame").contains("One-off, ends after 2027")
        .contains("agree to the cent");
  }
}
