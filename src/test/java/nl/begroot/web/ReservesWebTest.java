package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
 * The reserves form of the annual accounts over HTTP, signed in for real (docs/accounts.md), on the accounts of
 * {@code AccountsWebTest} (the small test budget, the same realised figures). The figures by hand, as in
 * {@code ReserveEditsContract} (cents):
 *
 * <pre>
 * without reserves: members A 3001, B 1800, C 1200
 * typed: "Algemene reserve" c1 opening "2.500.000" addition "20,00"; "Bestemmingsreserve ICT" c2 opening "100,00" withdrawal "10"
 *   c1 = 10001 - 2000 = 8001 -> A 4001 B 2400 C 1600; c2 = -4000 + 1000 = -3000 -> A -1500 B -900 C -600
 *   members A 2501 (€ 25,01), B 1500 (€ 15,00), C 1000 (€ 10,00); settled 5001
 * </pre>
 *
 * A controller sees the form, saves, gets a bad entry back with the message at its field and what was typed, and a
 * stale form back with what was typed (409); the board and a member's finance staff may not post (403).
 */
class ReservesWebTest {
  static TestServer server;
  static TestServer.SignedIn anna;
  static TestServer.SignedIn bo;
  static TestServer.SignedIn lid;
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
    lid = server.signIn(Actor.person("lia", "Lia", Set.of(Role.LID), Set.of(), "A", false));
    HttpResponse<String> imported = server.send(anna.request(server.base() + C + "/actuals?format=csv&file=r.csv")
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(TestBudgets.SMALL_ACTUALS_CSV)).build());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(server.json(anna, "POST", C + "/submit", null).statusCode()).isEqualTo(200);
    assertThat(server.json(bo, "POST", C + "/adopt", "{\"date\":\"" + TODAY + "\",\"body\":\"Algemene Vergadering\",\"reference\":\"AV 1\"}")
        .statusCode()).isEqualTo(200);
    assertThat(server.form(anna, P + "/jaarrekening-beginnen", Map.of("jaar", "2026")).statusCode()).isEqualTo(303);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The form as sent: rows of name, kind, column, opening, addition, withdrawal (and the id of a stored reserve). */
  static Map<String, String> form(String revision, String[]... rows) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("revision", revision);
    f.put("rows", String.valueOf(rows.length));
    String[] fields = {"name", "kind", "column", "opening", "addition", "withdrawal", "id"};
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < rows[i].length; k++) {
        f.put("reserves[" + i + "]." + fields[k], rows[i][k]);
      }
    }
    return f;
  }

  static String json() {
    return server.json(anna, "GET", "/api/versions/jaarrekening-2026/accounts", null).body();
  }

  @Test
  void aControllerEditsTheReservesAndTheSettlementFollows() throws Exception {
    String page = server.get(anna, J + "/jaarrekening").body();
    assertThat(page).contains("action=\"" + J + "/jaarrekening/reserves\"").contains("<input type=\"hidden\" name=\"revision\" value=\"1\">")
        .contains("name=\"reserves[0].name\" value=\"\"").contains("<option value=\"c1\"").doesNotContain("<option value=\"total\"");
    assertThat(json()).contains("\"member\":\"A\",\"name\":\"Alfa\",\"own\":3001");
    // the board and a member's finance staff see no form and may not post
    assertThat(server.get(bo, J + "/jaarrekening").body()).doesNotContain("/jaarrekening/reserves\"");
    Map<String, String> good = form("1", new String[] {"Algemene reserve", "algemeen", "c1", "2.500.000", "20,00", ""},
        new String[] {"Bestemmingsreserve ICT", "bestemming", "c2", "100,00", "", "10"}, new String[] {"", "algemeen", "c1", "", "", ""});
    assertThat(server.form(bo, J + "/jaarrekening/reserves", good).statusCode()).isEqualTo(403);
    assertThat(server.form(lid, J + "/jaarrekening/reserves", good).statusCode()).isEqualTo(403);
    assertThat(json()).doesNotContain("Bestemmingsreserve ICT");

    // add a row: the form again with what was typed and one more empty row; nothing saved
    Map<String, String> addRow = new LinkedHashMap<>(form("1", new String[] {"Algemene reserve", "algemeen", "c1", "2.500.000", "20,00", ""}));
    addRow.put("actie", "rij");
    HttpResponse<String> more = server.form(anna, J + "/jaarrekening/reserves", addRow);
    assertThat(more.statusCode()).isEqualTo(200);
    assertThat(more.body()).contains("name=\"reserves[0].name\" value=\"Algemene reserve\"").contains("name=\"reserves[1].name\" value=\"\"")
        .contains("<input type=\"hidden\" name=\"rows\" value=\"2\">");
    assertThat(json()).doesNotContain("Algemene reserve");

    // saved: back to the page, the reserves as stored, the settlement by hand in the API, the page and the PDF
    HttpResponse<String> saved = server.form(anna, J + "/jaarrekening/reserves", good);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location")).hasValue(J + "/jaarrekening?reserves=1#reserves");
    page = server.get(anna, J + "/jaarrekening?reserves=1").body();
    assertThat(page).contains("De reserves zijn opgeslagen").contains("name=\"reserves[0].opening\" value=\"2.500.000\"")
        .contains("name=\"reserves[0].addition\" value=\"20\"").contains("name=\"reserves[1].withdrawal\" value=\"10\"")
        .contains("name=\"reserves[0].id\" value=\"algemene-reserve\"").contains("<input type=\"hidden\" name=\"revision\" value=\"2\">");
    assertThat(json()).contains("\"member\":\"A\",\"name\":\"Alfa\",\"own\":2501").contains("\"member\":\"B\",\"name\":\"Beta\",\"own\":1500")
        .contains("\"member\":\"C\",\"name\":\"Gamma\",\"own\":1000").contains("\"settled\":5001");
    assertThat(server.get(anna, J + "/jaarrekening/lid/A").body()).contains("Alfa krijgt € 25,01 terug over 2026.");
    // logged: the version's changes name the change in words, with the reserves before and after
    assertThat(server.get(anna, J + "/wijzigingen").body()).contains("reserves van de jaarrekening gewijzigd")
        .contains("<li>Bestemmingsreserve ICT (bestemming, kolom c2): — → begin € 100,00, toevoeging € 0,00, onttrekking € 10,00</li>");
    HttpResponse<byte[]> pdf = server.http.send(anna.request(server.base() + J + "/jaarrekening/jaarrekening.pdf").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    String text;
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replace('\u00a0', ' ');
    }
    assertThat(text).contains("Algemene reserve", "Bestemmingsreserve ICT", "Alfa krijgt over 2026 € 25,01 terug", "Beta krijgt over 2026 € 15,00 terug",
        "Gamma krijgt over 2026 € 10,00 terug");

    // a bad entry: the form again (422) with what was typed and each message at its field; nothing saved
    HttpResponse<String> bad = server.form(anna, J + "/jaarrekening/reserves", form("2",
        new String[] {"Te veel eruit", "algemeen", "c1", "100", "", "100,01", "algemene-reserve"},
        new String[] {"Engels getal", "bestemming", "c2", "2,500.00", "", "", "bestemmingsreserve-ict"}));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body())
        .contains("<p class=\"utrecht-form-field-error-message\" id=\"r-0-withdrawal-err\">Te veel eruit: de onttrekking is meer dan de reserve heeft"
            + " (stand 1 januari plus toevoeging).</p><input class=\"utrecht-textbox utrecht-textbox--html-input begroot-amount\" name=\"reserves[0].withdrawal\" value=\"100,01\"")
        .contains("id=\"r-1-opening-err\">Engels getal: stand 1 januari '2,500.00' is geen bedrag in euro's; schrijf bijvoorbeeld 2.500.000 of 2.500.000,00.</p>")
        .contains("name=\"reserves[1].opening\" value=\"2,500.00\"").contains("name=\"reserves[0].name\" value=\"Te veel eruit\"")
        .contains("Er is niets opgeslagen.");
    assertThat(json()).contains("\"own\":2501").doesNotContain("Te veel eruit");

    // a stale form (revision 1, the accounts are at 2): 409, what was typed kept, what is stored shown, the stored revision in the form
    HttpResponse<String> stale = server.form(anna, J + "/jaarrekening/reserves", form("1",
        new String[] {"Mijn reserve", "algemeen", "c1", "1.000", "", ""}));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("name=\"reserves[0].name\" value=\"Mijn reserve\"").contains("name=\"reserves[0].opening\" value=\"1.000\"")
        .contains("Algemene reserve (algemeen, kolom c1): begin € 2.500.000,00").contains("Nu opgeslagen (door anna)")
        .contains("<input type=\"hidden\" name=\"revision\" value=\"2\">");
    assertThat(json()).doesNotContain("Mijn reserve");

    // in English: the form's words
    String en = server.send(HttpRequest.newBuilder(java.net.URI.create(server.base() + J + "/jaarrekening"))
        .header("Cookie", anna.cookie() + "; lang=en").GET().build()).body();
    assertThat(en).contains("Save the reserves").contains("Opening balance (€)").contains("Earmarked reserve");
  }
}
