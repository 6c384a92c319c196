package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages still work under the Content-Security-Policy, and Chromium reports no violation while
 * they are used: the overview with its charts, a figure's panel, the htmx preview of a proposal, the
 * language switch, the versions and the comparison. A violation is caught twice: as the console
 * message Chromium writes, and as the {@code securitypolicyviolation} event the page fires (listened
 * for by an init script, which Playwright runs outside the page's policy). A planted proposal title
 * with a script tag shows as text and opens no dialog.
 */
class CspBrowserTest extends BrowserSession {
  private static final String V = "/v/conceptbegroting-2027";
  private final List<String> problems = new ArrayList<>();

  @BeforeEach
  void watch() {
    page.onConsoleMessage(this::console);
    page.onDialog(d -> {
      problems.add("dialog: " + d.message());
      d.dismiss();
    });
    page.onPageError(e -> problems.add("page error: " + e));
    // a failed load is reported by its address (the console message names none); the browser's own
    // request for /favicon.ico, which Begroot does not have, is not the page's
    page.onResponse(r -> {
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
        problems.add("failed load: " + r.status() + " " + r.url());
      }
    });
    context.addInitScript("window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) {"
        + " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });");
  }

  private void console(ConsoleMessage m) {
    String text = m.text();
    if (text.startsWith("Failed to load resource")) {
      return; // checked by address in onResponse
    }
    if (text.contains("Content Security Policy") || text.contains("Content-Security-Policy") || text.contains("Refused to")
        || text.contains("Permissions-Policy") || m.type().equals("error")) {
      problems.add("console " + m.type() + ": " + text);
    }
  }

  private void go(String path) {
    var r = page.navigate(server.base() + path);
    assertThat(r.status()).as(path).isEqualTo(200);
  }

  @SuppressWarnings("unchecked")
  private void noViolations(String where) {
    List<Object> seen = (List<Object>) page.evaluate("window.__csp || []");
    for (Object v : seen) {
      problems.add(where + ": securitypolicyviolation " + v);
    }
    assertThat(problems).as("CSP violations and errors at " + where).isEmpty();
  }

  @Test
  void theOverviewChartsAndAFigurePanelWorkWithoutViolations() {
    go(V);
    assertThat(page.locator("svg.begroot-chart").count()).as("the charts are drawn").isGreaterThan(0);
    page.locator("a.begroot-figure").first().click();
    page.waitForSelector("#figuur-paneel:not([hidden]) .begroot-panel-inner");
    noViolations("overview and panel");
  }

  @Test
  void theHtmxPreviewWorksWithoutViolations() {
    go(V + "/voorstel-nieuw");
    page.fill("#f-id", "2.3-csptest");
    page.selectOption("#f-unit", "2.3");
    page.fill("#f-title", "CSP-test");
    page.check("#f-side-l");
    page.check("#f-nature-r");
    page.fill("[name='amount.2027']", "1.000");
    page.evaluate("window.begrootMarker = 'still here'");
    page.click("button:text-is('Effect bekijken')");
    page.waitForSelector("#voorbeeld:not(.htmx-settling) #effect-provincies");
    assertThat(page.evaluate("window.begrootMarker")).as("htmx swapped the preview in, no page load").isEqualTo("still here");
    noViolations("preview");
  }

  @Test
  void theLanguageSwitchVersionsAndComparisonWorkWithoutViolations() {
    go(V);
    page.click("a.begroot-lang");
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    page.click("a.begroot-lang");
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("nl");
    go("/versies");
    go("/vergelijk?a=begroting-2026&b=conceptbegroting-2027");
    assertThat(page.locator("#verschil-voorstellen").count()).isEqualTo(1);
    noViolations("language, versions, comparison");
  }

  @Test
  void aPlantedTitleShowsAsTextAndRunsNothing() {
    String title = "<script>alert(21)</script><img src=x onerror=alert(22)>";
    var who = server.signIn(Actor.person("csp-" + System.nanoTime(), "CSP", Set.of(Role.CONTROLLER, Role.BUDGETHOUDER), Set.of(), null, true));
    String body = Api.JSON.writeValueAsString(Map.of("id", "2.3-cspplant", "unit", "2.3", "title", title, "side", "lasten",
        "nature", "one_off", "amounts", Map.of("2027", 100)));
    var created = server.json(who, "POST", "/api/versions/conceptbegroting-2027/proposals", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    go(V + "/voorstel/2.3-cspplant");
    assertThat(page.locator("main h1").first().textContent()).contains(title);
    assertThat(page.locator("main script, main img[src=x]").count()).as("no planted element in the page").isZero();
    page.waitForTimeout(200); // a broken image's error handler would have run by now
    noViolations("planted title");
  }

  /** Chromium must see the header at all: otherwise "no violations" proves nothing. */
  @Test
  void theBrowserGetsThePolicy() {
    var r = page.navigate(server.base() + V);
    assertThat(r.headers().get("content-security-policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    page.evaluate("(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.head.appendChild(s); })()");
    assertThat(page.evaluate("window.__ran === undefined")).as("an inline script added to the page is blocked").isEqualTo(true);
    assertThat(problems).anyMatch(p -> p.contains("Content Security Policy"));
  }
}
