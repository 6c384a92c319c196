package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.core.actuals.ActualsImport.YearPeriod;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Side;
import nl.begroot.store.ActualsStore;
import nl.begroot.workspace.Workspace;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Tussenrapportage over HTTP, signed in for real (docs/midyear.md): a controller starts it from the
 * adopted concept, enters a unit's forecast with a reason and sees the deviation; a budget holder and the
 * board may not enter one; bad input gets its message (422) and a stale form a conflict (409), never a 500;
 * a proposal in it shows its effect on the balancing item; it is published as PDF, Excel, CSV and JSON;
 * once adopted its forecasts no longer change.
 *
 * <p>The small budget: programme 1 (unit 1.1) lasten 1.000 + the proposal l of 200 in 2027; realised in
 * 2027: 1.1 lasten 550 in March, 2.2 baten 800 in January.
 */
class MidyearWebTest {
  static TestServer server;
  static TestServer.SignedIn anna;
  static TestServer.SignedIn carl;
  static TestServer.SignedIn bo;
  static TestServer.SignedIn hans;
  static final String P = "/v/" + Workspace.CONCEPT;
  static final String M = "/v/tussenrapportage-2027-" + Workspace.CONCEPT;
  static final String TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();

  @BeforeAll
  static void start() {
    server = new TestServer(TestBudgets.load(TestBudgets.small("""
          - {id: l, unit: "1.1", title: L, side: lasten, nature: recurring, amounts: {2026: 0, 2027: 200}}
        """, "")));
    anna = server.signIn(TestBudgets.actor("anna"));
    carl = server.signIn(Actor.person("carl", "Carl", Set.of(Role.CONTROLLER), Set.of(), null, false));
    bo = server.signIn(Actor.person("bo", "Bo", Set.of(Role.BESTUUR), Set.of(), null, true));
    hans = server.signIn(Actor.person("hans", "Hans", Set.of(Role.BUDGETHOUDER), Set.of("1"), null, false));
    long concept = server.workspace.version(Workspace.CONCEPT).orElseThrow().id();
    List<YearPeriod> periods = new ArrayList<>();
    for (int p = 1; p <= 6; p++) {
      periods.add(new YearPeriod(2027, p));
    }
    new ActualsStore(server.database).replace(new ActualsStore.ImportFacts("t", "csv", "test.csv", "0".repeat(64), Workspace.CONCEPT, concept, "test"),
        periods, List.of(new RealisedAmount("1.1", Side.LASTEN, MoneyKind.OWN, null, 2027, 3, 550_00),
            new RealisedAmount("2.2", Side.BATEN, MoneyKind.OWN, null, 2027, 1, 800_00)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> forecast(TestServer.SignedIn who, String unit, String lasten, String baten, String reason, String revision) {
    return server.form(who, M + "/tussenrapportage/prognose", Map.of("unit", unit, "lasten", lasten, "baten", baten, "reason", reason,
        "revision", revision));
  }

  private static byte[] download(String file) {
    HttpResponse<byte[]> r;
    try {
      r = server.http.send(anna.request(server.base() + M + "/tussenrapportage/" + file).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
    assertThat(r.statusCode()).as(file).isEqualTo(200);
    return r.body();
  }

  @Test
  void theMidYearReportFromStartToAdoption() throws Exception {
    // not before the budget is adopted
    HttpResponse<String> early = server.form(anna, P + "/tussenrapportage", Map.of("period", "6"));
    assertThat(early.statusCode()).isEqualTo(422);
    assertThat(early.body()).contains("Stel de begroting eerst vast");
    assertThat(server.json(anna, "POST", "/api/versions/" + Workspace.CONCEPT + "/submit", null).statusCode()).isEqualTo(200);
    assertThat(server.json(bo, "POST", "/api/versions/" + Workspace.CONCEPT + "/adopt",
        "{\"date\":\"" + TODAY + "\",\"body\":\"Algemene Vergadering\",\"reference\":\"AV 1\"}").statusCode()).isEqualTo(200);

    // the controller is offered the start; a budget holder may not; a month out of range is refused in words
    assertThat(server.get(anna, P + "/tussenrapportage").body()).contains("action=\"" + P + "/tussenrapportage\"");
    assertThat(server.get(hans, P + "/tussenrapportage").body()).doesNotContain("action=\"" + P + "/tussenrapportage\"");
    assertThat(server.form(hans, P + "/tussenrapportage", Map.of("period", "6")).statusCode()).isEqualTo(403);
    HttpResponse<String> month13 = server.form(anna, P + "/tussenrapportage", Map.of("period", "13"));
    assertThat(month13.statusCode()).isEqualTo(422);
    assertThat(month13.body()).contains("1 tot en met 12");
    HttpResponse<String> made = server.form(anna, P + "/tussenrapportage", Map.of("period", "6"));
    assertThat(made.statusCode()).isEqualTo(303);
    assertThat(made.headers().firstValue("Location")).contains(M + "/tussenrapportage");
    assertThat(server.form(anna, P + "/tussenrapportage", Map.of("period", "6")).body()).contains("al een tussenrapportage");
    String page = server.get(anna, M + "/tussenrapportage").body();
    assertThat(page).contains("Tussenrapportage 2027 t/m juni").contains("Realisatie t/m juni").contains("action=\"" + M + "/tussenrapportage/prognose\"");

    // the controller enters 1.1's forecast: lasten 351.200 against a budget na wijziging of 1.000 + 200: deviation 350.000
    HttpResponse<String> saved = forecast(anna, "1.1", "351.200", "0", "Extra inhuur in het tweede halfjaar", "0");
    assertThat(saved.statusCode()).isEqualTo(303);
    page = server.get(anna, M + "/tussenrapportage").body();
    assertThat(page).contains("Extra inhuur in het tweede halfjaar").contains("value=\"351.200\"");
    String json = server.json(anna, "GET", "/api/versions/tussenrapportage-2027-" + Workspace.CONCEPT + "/midyear", null).body();
    assertThat(json).contains("\"format\" : \"begroot-midyear/1\"").contains("\"budget\" : 120000").contains("\"realised\" : 55000")
        .contains("\"forecast\" : 35120000").contains("\"deviation\" : 35000000");
    // in thousands on the page: programme 1's deviation prints 350 (exact 350.000,00), its forecast 351
    assertThat(page).contains(">350<").contains(">351<");

    // a stale form (revision 0 again) is a conflict, not an overwrite
    HttpResponse<String> stale = forecast(anna, "1.1", "7.777", "0", "Oud", "0");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("Iemand anders heeft deze prognose intussen gewijzigd");
    // what was typed stays in the form; what is stored now is said beside the message; the form carries the stored revision
    assertThat(stale.body()).contains("value=\"7.777\"").contains(">Oud</textarea>").contains("Nu opgeslagen: lasten")
        .contains("Extra inhuur in het tweede halfjaar").contains("name=\"revision\" value=\"1\"");
    // bad input: the message says where and what; nothing is saved
    HttpResponse<String> comma = forecast(anna, "1.1", "12,5", "", "r", "1");
    assertThat(comma.statusCode()).isEqualTo(422);
    assertThat(comma.body()).contains("Prognose lasten: '12,5' is geen bedrag in hele euro").contains("Prognose baten: vul een bedrag in");
    assertThat(forecast(anna, "9.9", "1", "1", "r", "0").body()).contains("Onbekende eenheid");
    HttpResponse<String> longReason = forecast(anna, "1.1", "1", "1", "x".repeat(2001), "1");
    assertThat(longReason.statusCode()).isEqualTo(422);
    assertThat(longReason.body()).contains("De reden is 2001 tekens; ten hoogste 2000");
    assertThat(forecast(anna, "1.1", "1", "1", " ", "1").body()).contains("Geef de reden van de prognose");
    assertThat(server.json(anna, "GET", "/api/versions/tussenrapportage-2027-" + Workspace.CONCEPT + "/midyear", null).body())
        .contains("\"forecast\" : 35120000");
    // readers may not change it: the board reads it without a form; board and budget holder are refused
    String boardPage = server.get(bo, M + "/tussenrapportage").body();
    assertThat(boardPage).contains("Extra inhuur in het tweede halfjaar").doesNotContain("/tussenrapportage/prognose");
    assertThat(forecast(bo, "1.1", "1", "1", "r", "1").statusCode()).isEqualTo(403);
    assertThat(forecast(hans, "1.1", "1", "1", "r", "1").statusCode()).isEqualTo(403);
    // the English switch translates the table words
    assertThat(server.form(anna, "/taal/en", Map.of()).statusCode()).isLessThan(500);

    // a proposal in the report: 50.000 more lasten in 2027 raises the balancing item by as much (the pipeline's comparison)
    HttpResponse<String> proposal = server.json(anna, "POST", "/api/versions/tussenrapportage-2027-" + Workspace.CONCEPT + "/proposals",
        "{\"id\":\"tr-1\",\"unit\":\"1.1\",\"title\":\"Extra inzet\",\"side\":\"lasten\",\"nature\":\"one-off\",\"amounts\":{\"2027\": 5000000}}");
    assertThat(proposal.statusCode()).isEqualTo(201);
    json = server.json(anna, "GET", "/api/versions/tussenrapportage-2027-" + Workspace.CONCEPT + "/midyear", null).body();
    assertThat(json.replaceAll("\\s+", "")).contains("\"balancing\":[0,5000000]").contains("\"id\":\"tr-1\"");
    assertThat(server.get(anna, M + "/tussenrapportage").body()).contains("tr-1 Extra inzet");

    // published: PDF, Excel, CSV, JSON carry the report
    String pdfText;
    try (PDDocument pdf = Loader.loadPDF(download("tussenrapportage.pdf"))) {
      pdfText = new PDFTextStripper().getText(pdf);
    }
    assertThat(pdfText).contains("Tussenrapportage 2027 t/m juni").contains("Extra inhuur in het tweede halfjaar").contains("Verwachte afwijking");
    List<String> cells = new ArrayList<>();
    try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(download("tussenrapportage.xlsx")))) {
      wb.getSheets().forEach(sheet -> {
        try {
          sheet.read().forEach(row -> row.forEach(c -> cells.add(c == null ? "" : c.getRawValue())));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    assertThat(cells).contains("Extra inhuur in het tweede halfjaar", "Verwachte afwijking", "350");
    String csv = new String(download("tussenrapportage.csv"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("table,row,label,column,figure,cents,printed,unit_euros,display\n")
        .contains("tussenrapportage-lasten,programma-1,1 One,afwijking,tussenrapportage-lasten/programma-1/afwijking,35000000,350,1000,amount");
    assertThat(new String(download("tussenrapportage.json"), StandardCharsets.UTF_8)).contains("begroot-midyear/1");
    // open data: a Fiscal Data Package (MidyearFiscalDataPackageTest checks its figures), linked on the page
    assertThat(server.get(anna, M + "/tussenrapportage").body()).contains("href=\"" + M + "/tussenrapportage/open-data\"");
    List<String> entries = new ArrayList<>();
    try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(download("open-data")))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.add(e.getName() + (e.getName().endsWith(".csv") ? ":" + new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("") : ""));
      }
    }
    assertThat(entries).containsExactly("datapackage.json",
        "budget-lines.csv:programme,programme_title,unit,unit_title,year,direction,adjusted,executed,forecast");

    // adopted like any version (the proposal approved by another controller); then final
    assertThat(server.json(anna, "POST", "/api/versions/tussenrapportage-2027-" + Workspace.CONCEPT + "/proposals/tr-1/submit", null)
        .statusCode()).isEqualTo(200);
    assertThat(server.json(carl, "POST", "/api/versions/tussenrapportage-2027-" + Workspace.CONCEPT + "/proposals/tr-1/approve", null)
        .statusCode()).isEqualTo(200);
    // not without a forecast for every unit with a budget or realised figures: the audit on the page and the refusal name 2.2
    assertThat(server.get(anna, M + "/tussenrapportage").body()).contains("id=\"controle\"").contains("de eenheid 2.2");
    HttpResponse<String> incomplete = server.json(anna, "POST", "/api/versions/tussenrapportage-2027-" + Workspace.CONCEPT + "/submit", null);
    assertThat(incomplete.statusCode()).as(incomplete.body()).isEqualTo(422);
    assertThat(incomplete.body()).contains("zonder prognose").contains("2.2");
    for (var r : server.workspace.midyears().report("tussenrapportage-2027-" + Workspace.CONCEPT, Actor.system("test")).orElseThrow().report()
        .missingForecasts()) {
      assertThat(forecast(anna, r.unit(), "0", "800", "Illustratie", "0").statusCode()).as(r.unit()).isEqualTo(303);
    }
    assertThat(server.get(anna, M + "/tussenrapportage").body()).contains("Geen bevindingen");
    HttpResponse<String> submitted = server.json(anna, "POST", "/api/versions/tussenrapportage-2027-" + Workspace.CONCEPT + "/submit", null);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    assertThat(forecast(anna, "1.1", "1", "1", "r", "1").statusCode()).as("submitted: no changes").isEqualTo(403);
    assertThat(server.json(bo, "POST", "/api/versions/tussenrapportage-2027-" + Workspace.CONCEPT + "/adopt",
        "{\"date\":\"" + TODAY + "\",\"body\":\"Algemene Vergadering\",\"reference\":\"AV 2\"}").statusCode()).isEqualTo(200);
    assertThat(forecast(anna, "1.1", "1", "1", "r", "1").statusCode()).as("adopted: final").isEqualTo(403);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.workspace.midyears().saveForecast("tussenrapportage-2027-"
        + Workspace.CONCEPT, "1.1", "1", "1", "r", "1", Actor.system("test"))).as("final for the system too")
        .isInstanceOf(nl.begroot.core.access.Access.Denied.class);
    assertThat(server.get(anna, M + "/tussenrapportage").body()).contains("vastgesteld").doesNotContain("/tussenrapportage/prognose");
  }
}
