package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The annual accounts over HTTP, signed in for real, on the small test budget with a ledger mapping and
 * realised figures imported as CSV (the same figures as {@code AnnualAccountsTest}, by hand):
 *
 * <pre>
 * budget 2026: p1 lasten 1.000,00; p2 lasten 500,00, baten 1.500,00. realised: 1.1 lasten 899,99; 2.1 lasten 550,00, baten 10,00; 2.2 baten 1.500,00
 * default threshold € 100.000 or 10 %: only p1 lasten (-100,01 on 1.000,00 = 10,001 %) needs an explanation
 * result 60,01; no reserves (not the IPO example); c1 = 100,01 -> A 50,01 (largest remainder) B 30,00 C 20,00;
 * c2 = -40,00 -> -20,00 -12,00 -8,00; A 30,01, B 18,00, C 12,00 (together 60,01)
 * </pre>
 *
 * A controller starts the accounts and explains the deviation; a budget holder may not (403) and is not
 * offered the form; bad input gets a message (422), a stale revision a conflict (409), never a 500.
 */
class AccountsWebTest {
  static TestServer server;
  static TestServer.SignedIn anna;
  static TestServer.SignedIn bo;
  static TestServer.SignedIn hans;
  static final String C = "/api/versions/" + Workspace.CONCEPT;
  static final String P = "/v/" + Workspace.CONCEPT;
  static final String J = "/v/jaarrekening-2026";
  static final String TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();

  @BeforeAll
  static void start() {
    String yaml = TestBudgets.smallWithActuals();
    server = new TestServer(TestBudgets.load(yaml));
    anna = server.signIn(TestBudgets.actor("anna"));
    bo = server.signIn(Actor.person("bo", "Bo", Set.of(Role.BESTUUR), Set.of(), null, true));
    hans = server.signIn(Actor.person("hans", "Hans", Set.of(Role.BUDGETHOUDER), Set.of("1"), null, false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aControllerStartsTheAccountsAndExplainsADeviation() throws Exception {
    HttpResponse<String> imported = server.send(anna.request(server.base() + C + "/actuals?format=csv&file=r.csv")
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(TestBudgets.SMALL_ACTUALS_CSV)).build());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    // not adopted: no offer
    assertThat(server.get(anna, P + "/cyclus").body()).doesNotContain("jaarrekening-beginnen");
    assertThat(server.json(anna, "POST", C + "/submit", null).statusCode()).isEqualTo(200);
    assertThat(server.json(bo, "POST", C + "/adopt", "{\"date\":\"" + TODAY + "\",\"body\":\"Algemene Vergadering\",\"reference\":\"AV 1\"}")
        .statusCode()).isEqualTo(200);
    assertThat(server.get(anna, P + "/cyclus").body()).contains("action=\"" + P + "/jaarrekening-beginnen\"");
    assertThat(server.get(hans, P + "/cyclus").body()).doesNotContain("jaarrekening-beginnen");
    assertThat(server.form(hans, P + "/jaarrekening-beginnen", Map.of("jaar", "2026")).statusCode()).isEqualTo(403);

    // a year the budget does not hold: a message, nothing made
    HttpResponse<String> badYear = server.form(anna, P + "/jaarrekening-beginnen", Map.of("jaar", "2031"));
    assertThat(badYear.statusCode()).isEqualTo(422);
    assertThat(badYear.body()).contains("Kies een jaar van deze begroting: [2026, 2027]");
    HttpResponse<String> made = server.form(anna, P + "/jaarrekening-beginnen", Map.of("jaar", "2026"));
    assertThat(made.statusCode()).isEqualTo(303);
    assertThat(made.headers().firstValue("Location")).hasValue(J + "/jaarrekening");
    assertThat(server.form(anna, P + "/jaarrekening-beginnen", Map.of("jaar", "2026")).statusCode()).isEqualTo(422);

    String page = server.get(anna, J + "/jaarrekening").body();
    assertThat(page).contains("Jaarrekening 2026").contains("1 afwijkingen vragen een toelichting; 1 zonder toelichting")
        .contains("Toelichting ontbreekt").contains("name=\"programme\" value=\"1\"")
        .contains("de afwijking van programma 1 One, lasten (\u2212 € 100,01) is groter dan de drempel en heeft geen toelichting");
    assertThat(server.json(anna, "GET", "/api/versions/jaarrekening-2026/accounts", null).body()).contains("\"check\":\"explanation\"");
    // a reader sees the accounts without the forms, and may not post
    String asHans = server.get(hans, J + "/jaarrekening").body();
    assertThat(asHans).contains("Toelichting ontbreekt").doesNotContain("/jaarrekening/toelichting").doesNotContain("/jaarrekening/drempel");
    HttpResponse<String> refused = server.form(hans, J + "/jaarrekening/toelichting",
        Map.of("programme", "1", "side", "lasten", "text", "Ik mag dit niet", "revision", "0"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(server.get(anna, J + "/jaarrekening").body()).doesNotContain("Ik mag dit niet");

    // bad input: a message, no 500
    HttpResponse<String> tooLong = server.form(anna, J + "/jaarrekening/toelichting",
        Map.of("programme", "1", "side", "lasten", "text", "x".repeat(4001), "revision", "0"));
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("De toelichting is 4001 tekens; ten hoogste 4000.");
    HttpResponse<String> unknown = server.form(anna, J + "/jaarrekening/toelichting",
        Map.of("programme", "9", "side", "opzij", "text", "t", "revision", "nul"));
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(unknown.body()).contains("Onbekend programma: 9.").contains("Kies lasten of baten.").contains("De revisie ontbreekt of is geen getal.");
    HttpResponse<String> badThreshold = server.form(anna, J + "/jaarrekening/drempel", Map.of("euros", "100.000", "percent", "250", "revision", "1"));
    assertThat(badThreshold.statusCode()).isEqualTo(422);
    assertThat(badThreshold.body()).contains("Geef het bedrag in hele euro's, zonder punten of komma");
    HttpResponse<String> overHundred = server.form(anna, J + "/jaarrekening/drempel", Map.of("euros", "100000", "percent", "250", "revision", "1"));
    assertThat(overHundred.statusCode()).isEqualTo(422);
    assertThat(overHundred.body()).contains("Het percentage ligt tussen 0 en 100.");

    // the explanation saved, shown, and a stale revision is a conflict that keeps the text typed
    // saved by a controller whose account id differs from her name: the conflict names her, not her id
    var annaDeVries = server.signIn(nl.begroot.core.access.Actor.person("acc-anna-dv", "Anna de Vries", java.util.Set.of(
        nl.begroot.core.access.Role.CONTROLLER, nl.begroot.core.access.Role.BUDGETHOUDER), java.util.Set.of(), null, true));
    HttpResponse<String> saved = server.form(annaDeVries, J + "/jaarrekening/toelichting",
        Map.of("programme", "1", "side", "lasten", "text", "Vacatures later vervuld.", "revision", "0"));
    assertThat(saved.statusCode()).isEqualTo(303);
    page = server.get(anna, J + "/jaarrekening").body();
    assertThat(page).contains("1 afwijkingen vragen een toelichting; 0 zonder toelichting").contains("Vacatures later vervuld.")
        .doesNotContain("Toelichting ontbreekt").contains("Geen bevindingen");
    HttpResponse<String> stale = server.form(anna, J + "/jaarrekening/toelichting",
        Map.of("programme", "1", "side", "lasten", "text", "Mijn andere tekst", "revision", "0"));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("Intussen heeft Anna de Vries dit opgeslagen (revisie 1): Vacatures later vervuld.")
        .contains("Mijn andere tekst").doesNotContain("acc-anna-dv");

    // the settlement by hand, in the API (cents) and on a member's statement
    String json = server.json(hans, "GET", "/api/versions/jaarrekening-2026/accounts", null).body();
    assertThat(json).contains("\"result\":{\"budgeted\":0,\"realised\":6001,\"deviation\":6001}")
        .contains("\"member\":\"A\",\"name\":\"Alfa\",\"own\":3001").contains("\"member\":\"B\",\"name\":\"Beta\",\"own\":1800")
        .contains("\"member\":\"C\",\"name\":\"Gamma\",\"own\":1200").contains("\"settled\":6001")
        .contains("\"explanation\":\"Vacatures later vervuld.\"");
    assertThat(server.get(hans, J + "/jaarrekening/lid/A").body()).contains("Alfa krijgt € 30,01 terug over 2026.");
    assertThat(server.get(hans, J + "/jaarrekening/lid/XX").statusCode()).isEqualTo(404);
    HttpResponse<String> openData = server.get(hans, J + "/jaarrekening/open-data");
    assertThat(openData.statusCode()).isEqualTo(200);
    assertThat(openData.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(server.anonymous(J + "/jaarrekening").statusCode()).isNotEqualTo(200).isNotEqualTo(500);

    // published beside the page: the PDF carries the explanation and each member's settlement (by hand: Alfa 30,01 back)
    assertThat(server.get(hans, J + "/jaarrekening").body()).contains("href=\"" + J + "/jaarrekening/jaarrekening.pdf\"")
        .contains("href=\"" + J + "/jaarrekening/jaarrekening.xlsx\"");
    HttpResponse<byte[]> pdf = server.http.send(hans.request(server.base() + J + "/jaarrekening/jaarrekening.pdf").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String text;
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replace('\u00a0', ' ');
    }
    assertThat(text).contains("Jaarrekening 2026", "Vacatures later vervuld.", "Alfa krijgt over 2026 € 30,01 terug",
        "Beta krijgt over 2026 € 18,00 terug", "Gamma krijgt over 2026 € 12,00 terug");
    assertThat(server.get(hans, J + "/jaarrekening/jaarrekening.xlsx").statusCode()).isEqualTo(200);
    assertThat(server.get(hans, J + "/jaarrekening/jaarrekening.exe").statusCode()).isEqualTo(404);
    assertThat(server.anonymous(J + "/jaarrekening/jaarrekening.pdf").statusCode()).isNotEqualTo(200).isNotEqualTo(500);
  }
}
