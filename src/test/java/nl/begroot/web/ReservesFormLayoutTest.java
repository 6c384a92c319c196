package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reserves form of the annual accounts in Chromium at 1280 px: each field wide enough to read what it holds (a
 * reserve's name, an amount in euros with its thousands points), the table within its scrolling frame.
 */
@ExtendWith(Browsers.Available.class)
class ReservesFormLayoutTest {
  static TestServer server;
  static Browsers browsers;
  static TestServer.SignedIn anna;

  @BeforeAll
  static void start() {
    if (Browsers.skipped()) {
      return;
    }
    browsers = new Browsers();
    server = new TestServer(TestBudgets.load(TestBudgets.smallWithActuals()));
    anna = server.signIn(TestBudgets.actor("anna"));
    var bo = server.signIn(Actor.person("bo", "Bo", Set.of(Role.BESTUUR), Set.of(), null, true));
    String c = "/api/versions/" + Workspace.CONCEPT;
    HttpResponse<String> imported = server.send(anna.request(server.base() + c + "/actuals?format=csv&file=r.csv")
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(TestBudgets.SMALL_ACTUALS_CSV)).build());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(server.json(anna, "POST", c + "/submit", null).statusCode()).isEqualTo(200);
    String today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
    assertThat(server.json(bo, "POST", c + "/adopt", "{\"date\":\"" + today + "\",\"body\":\"Algemene Vergadering\",\"reference\":\"AV 1\"}")
        .statusCode()).isEqualTo(200);
    assertThat(server.form(anna, "/v/" + Workspace.CONCEPT + "/jaarrekening-beginnen", Map.of("jaar", "2026")).statusCode()).isEqualTo(303);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void eachFieldOfTheReservesFormIsWideEnoughAt1280() {
    try (BrowserContext context = browsers.browser.newContext()) {
      String token = anna.cookie().substring(anna.cookie().indexOf('=') + 1);
      context.addCookies(List.of(new Cookie(WebServer.SESSION_COOKIE, token).setUrl(server.base())));
      Page page = context.newPage();
      page.setViewportSize(1280, 900);
      assertThat(page.navigate(server.base() + "/v/jaarrekening-2026/jaarrekening#reserves").status()).isEqualTo(200);
      if (System.getProperty("begroot.screenshots") != null) {
        page.locator("#reserves-form").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
            .setPath(java.nio.file.Paths.get(System.getProperty("begroot.screenshots"), "reserves-form.png")));
      }
      // every text field and choice of the form's table: its name and its width in CSS pixels
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> fields = (List<Map<String, Object>>) page.evaluate("""
          () => [...document.querySelectorAll('#reserves-form table input:not([type=hidden]):not([type=checkbox]), #reserves-form table select')]
            .map(e => ({name: e.name, width: e.getBoundingClientRect().width}))""");
      assertThat(fields).as("the form's fields").hasSizeGreaterThan(5);
      for (Map<String, Object> f : fields) {
        String name = (String) f.get("name");
        double width = ((Number) f.get("width")).doubleValue();
        // a name of some words; a choice with its arrow ("Bestemmingsreserve", a column's code and title); euros with points
        double least = name.endsWith(".name") ? 200 : name.endsWith(".kind") || name.endsWith(".column") ? 180 : 120;
        assertThat(width).as("the width of %s at 1280 px", name).isGreaterThanOrEqualTo(least);
      }
    }
  }
}
