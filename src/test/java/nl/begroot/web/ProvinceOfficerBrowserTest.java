package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The province officer's path in a real Chromium (issue 12): from the start page to Gelderland's
 * headline and its reasons in at most two clicks, at 1280 and 375 CSS pixels, each page on the way
 * with no axe violation (WCAG 2.1 A and AA), and the statement opening in the browser with its own
 * styles applied (no policy violation). Skipped without Chromium (see {@link Browsers}).
 */
class ProvinceOfficerBrowserTest extends BrowserSession {
  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21aa");

  private void noViolations() {
    AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
    assertThat(results.getErrorMessage()).as("axe ran").isNull();
    assertThat(results.getViolations()).as(() -> page.url() + ": " + results.getViolations().stream()
        .map(r -> r.getId() + " " + r.getNodes().stream().map(n -> n.getHtml()).toList()).toList()).isEmpty();
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1280, 375})
  void fromTheStartPageToTheHeadlineAndItsReasonsInTwoClicks(int width) {
    page.setViewportSize(width, 900);
    List<String> policyErrors = new ArrayList<>();
    page.onConsoleMessage(m -> {
      if (m.text().contains("Content Security Policy")) {
        policyErrors.add(m.text());
      }
    });
    page.navigate(server.base() + "/");
    noViolations();
    int clicks = 0;
    Locator provinces = page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Provincies").setExact(true));
    provinces.click();
    clicks++;
    page.waitForSelector("#provincies");
    page.waitForLoadState(); // the whole page read before counting its rows (count() does not wait)
    noViolations();
    assertThat(page.locator("#provincies tbody tr").count()).isEqualTo(12);
    assertThat(page.locator("svg.begroot-chart rect[data-value]").count()).isEqualTo(12);
    page.locator("#provincies").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Gelderland").setExact(true)).click();
    clicks++;
    Locator headline = page.locator("#kop");
    headline.waitFor();
    page.waitForLoadState();
    assertThat(clicks).isLessThanOrEqualTo(2);
    assertThat(headline.isVisible()).isTrue();
    assertThat(headline.innerText()).matches("(?s)Gelderland betaalt in 2027 € [\\d.]+,\\d\\d meer dan volgens de Begroting 2026\\..*");
    // the headline and the reasons are on the page as read, not clipped: inside the viewport's width
    double right = ((Number) page.evaluate("() => document.querySelector('#kop').getBoundingClientRect().right")).doubleValue();
    assertThat(right).isLessThanOrEqualTo(width);
    Locator reasons = page.locator("#redenen tbody tr");
    assertThat(reasons.count()).isEqualTo(5);
    assertThat(reasons.first().getByRole(AriaRole.LINK).getAttribute("href")).endsWith("/voorstel/4.2-ontleden");
    assertThat(page.locator("#doorgeven").innerText()).contains("LVVN via provinciefonds");
    assertThat(page.locator("#sleutel").innerText()).startsWith("Gelderland draagt 10,67 % bij");
    noViolations();
    assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("the page itself does not scroll sideways")
        .isEqualTo(true);
    // the statement opens in the browser (not as a download), its styles allowed
    page.navigate(server.base() + "/v/conceptbegroting-2027/provincie/GE/verklaring.html");
    assertThat(page.locator("h1").innerText()).contains("Bijdrage aan de");
    assertThat(page.evaluate("() => getComputedStyle(document.querySelector('h1')).fontFamily")).asString().doesNotContain("Times");
    assertThat(policyErrors).as("no policy violations").isEmpty();
  }
}
