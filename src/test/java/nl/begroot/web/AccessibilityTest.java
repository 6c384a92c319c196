package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Cookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page type, in the state a person sees it (a form with errors, a preview shown, search
 * results, a comparison, a conflict, the 404 page, English), scanned with axe-core for WCAG 2.1 A
 * and AA (colour contrast included): no violation is allowed. Then the keyboard: the skip link, a
 * visible focus, and the figure panel that opens from a figure link and closes with Escape.
 */
class AccessibilityTest extends BrowserSession {
  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21aa");
  private static final String V = "/v/conceptbegroting-2027";

  private void go(String path) {
    page.navigate(server.base() + path);
  }

  /** A page to scan: how to get there from a fresh browser context. */
  private record Visit(Consumer<AccessibilityTest> steps) {}

  private static Named<Visit> visit(String name, Consumer<AccessibilityTest> steps) {
    return Named.of(name, new Visit(steps));
  }

  private static Named<Visit> at(String name, String path) {
    return visit(name, t -> t.go(path));
  }

  /** At 320 CSS pixels (WCAG 1.4.10, reflow) the wide tables scroll sideways, each in its own region. */
  private static Named<Visit> narrow(String name, String path) {
    return visit(name, t -> {
      t.page.setViewportSize(320, 640);
      t.go(path);
      assertThat(t.page.evaluate("() => document.documentElement.scrollWidth")).as("the page itself does not scroll sideways")
          .isEqualTo(320);
    });
  }

  /** Saves 2.7-soc from a form that is out of date (its revision 0): the conflict page. */
  private void conflict() {
    go(V + "/voorstel/2.7-soc/wijzigen");
    page.evaluate("document.querySelector('input[name=revision]').value = '0'");
    page.fill("#f-title", "Security Operations Center (ander)");
    page.click("button[value=save]");
    page.waitForSelector("#inhoud:not(.htmx-settling) .begroot-conflict");
  }

  /** Previews a new 2027 amount for 2.7-soc in the edit form. */
  private void preview() {
    go(V + "/voorstel/2.7-soc/wijzigen");
    page.fill("[name='amount.2027']", "681.000");
    page.click("button[value=preview]");
    page.waitForSelector("#voorbeeld:not(.htmx-settling) #effect-provincies");
  }

  /** Saves a new 2027 amount for 2.7-soc through the edit form and waits for the proposal's page that says it is saved. */
  private void save(String amount2027) {
    go(V + "/voorstel/2.7-soc/wijzigen");
    page.fill("[name='amount.2027']", amount2027);
    page.click("button[value=save]");
    page.waitForURL("**/voorstel/2.7-soc?opgeslagen=1");
    assertThat(page.locator("[role=status]").first().textContent()).contains("Opgeslagen");
  }

  private void assertNoSidewaysScroll(int width) {
    assertThat(page.evaluate("() => document.documentElement.scrollWidth")).as("the page itself does not scroll sideways at %d px", width)
        .isEqualTo(width);
  }

  /** A file that the server sends as an attachment, shown in the browser as the HTML it is. */
  private static Named<Visit> download(String name, String path) {
    return visit(name, t -> {
      t.context.route(server.base() + path, route -> {
        APIResponse response = route.fetch();
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.remove("content-disposition");
        // opened from disk, the file has no Content-Security-Policy: its own inline styles apply
        headers.remove("content-security-policy");
        route.fulfill(new Route.FulfillOptions().setResponse(response).setHeaders(headers));
      });
      t.go(path);
      assertThat(t.page.locator("h1").count()).isPositive();
    });
  }

  static Stream<Named<Visit>> pages() {
    return Stream.of(
        at("overview", V),
        at("programme 1", V + "/programma/1"),
        at("programme 2", V + "/programma/2"),
        at("programme 3", V + "/programma/3"),
        at("programme 4", V + "/programma/4"),
        at("programme 5", V + "/programma/5"),
        at("proposal", V + "/voorstel/2.7-soc"),
        at("computed proposal", V + "/voorstel/4.1-loon-prijscompensatie"),
        at("edit form", V + "/voorstel/2.7-soc/wijzigen"),
        visit("edit form with validation errors", t -> {
          t.go(V + "/voorstel/2.7-soc/wijzigen");
          t.page.fill("#f-title", "");
          t.page.fill("[name='amount.2027']", "twaalf");
          t.page.click("button[value=save]");
          t.page.waitForSelector("#inhoud:not(.htmx-settling) #fouten");
        }),
        visit("edit form with a conflict", t -> {
          t.conflict();
        }),
        at("new-proposal form", V + "/voorstel-nieuw?unit=2.3"),
        visit("edit form with the preview shown", t -> {
          t.preview();
        }),
        visit("preview without JavaScript (full page)", t -> {
          // htmx not loaded (as in a browser that blocks it): the form posts itself and the answer is a whole page
          t.page.route("**/htmx.min.js", route -> route.abort());
          t.go(V + "/voorstel-nieuw?unit=2.3");
          t.page.fill("#f-id", "2.3-a11y");
          t.page.fill("#f-title", "Toegankelijkheid");
          t.page.fill("[name='amount.2027']", "1.000");
          t.page.evaluate("window.begrootMarker = 'old page'");
          t.page.click("button[value=preview]");
          t.page.waitForSelector("#voorbeeld #effect-provincies");
          assertThat(t.page.evaluate("window.begrootMarker")).as("a page load, not a swap").isNull();
          t.page.unroute("**/htmx.min.js");
        }),
        at("sign-in", "/aanmelden"),
        visit("sign-in refused", t -> {
          t.go("/aanmelden");
          t.page.fill("#s-login", "niemand");
          t.page.fill("#s-password", "geen goed wachtwoord");
          t.page.click("button[type=submit]:text-is('Aanmelden')");
          t.page.waitForSelector("[role=alert]");
        }),
        visit("second factor enrolment", t -> {
          String id = "a11y-beheer-" + System.nanoTime();
          var people = server.workspace.people();
          people.add(new nl.begroot.store.AccountStore.Account(id, id, java.util.Set.of(nl.begroot.core.access.Role.BEHEERDER),
              java.util.Set.of(), null, false), "test");
          people.accounts().setPassword(id, nl.begroot.workspace.Passwords.hash("een lange zin voor de test"), false, false);
          t.go("/aanmelden");
          t.page.fill("#s-login", id);
          t.page.fill("#s-password", "een lange zin voor de test");
          t.page.click("button[type=submit]:text-is('Aanmelden')");
          t.page.waitForSelector("#totp-secret");
        }),
        visit("users page", t -> {
          TestServer.SignedIn admin = server.signIn(nl.begroot.core.access.Actor.person("a11y-admin", "A11y", java.util.Set.of(
              nl.begroot.core.access.Role.BEHEERDER), java.util.Set.of(), null, true));
          String token = admin.cookie().substring(admin.cookie().indexOf('=') + 1);
          t.context.addCookies(List.of(new com.microsoft.playwright.options.Cookie(WebServer.SESSION_COOKIE, token).setUrl(server.base())));
          t.go("/beheer/gebruikers");
          assertThat(t.page.content()).contains("Gebruiker toevoegen");
        }),
        at("annex 1", V + "/bijlage-1?jaar=2027"),
        at("provinces", V + "/provincies"),
        at("province", V + "/provincie/GE"),
        at("province, exact", V + "/provincie/GE?exact=1"),
        at("pass-through budget", V + "/kassiersfunctie"),
        at("structural balance", V + "/structureel"),
        at("figure page", V + "/figuur?id=tabel-1/new.lasten/2028"),
        at("figure page of a share", V + "/figuur?id=bijlage-1-2027/GE/2"),
        at("figure page, unknown id", V + "/figuur?id=tabel-1/bestaat.niet/2028"),
        visit("overview with the figure panel open", t -> {
          t.go(V);
          t.page.click("#tabel-1 a.begroot-figure >> nth=0");
          t.page.waitForSelector("#figuur-paneel .begroot-panel-inner");
        }),
        download("published document (HTML download)", V + "/download/begroting.html"),
        download("province statement (HTML download)", V + "/provincie/GE/verklaring.html"),
        at("audit", V + "/controle"),
        at("audit of the frame", "/v/begroting-2026/controle"),
        at("glossary", V + "/afkortingen"),
        at("search with results", V + "/zoeken?q=wolf"),
        at("search without results", V + "/zoeken?q=qqqqzzz"),
        at("change log", V + "/wijzigingen"),
        at("keys", V + "/sleutels"),
        visit("keys with an error", t -> {
          t.go(V + "/sleutels");
          t.page.locator("input.begroot-share").first().fill("abc");
          t.page.locator("form:has(input.begroot-share) button[type=submit]").first().click();
          t.page.waitForSelector("[role=alert]");
        }),
        at("realised figures", V + "/realisatie"),
        at("ledger mapping", V + "/grootboekindeling"),
        visit("ledger mapping with an error", t -> {
          t.go(V + "/grootboekindeling");
          t.page.fill("input[name='unit.1']", "99.9");
          t.page.click("form[action$='/grootboekindeling'] button[type=submit]");
          t.page.waitForSelector("#inhoud:not(.htmx-settling) #fouten");
        }),
        at("versions", "/versies"),
        visit("versions with an import error", t -> {
          t.go("/versies");
          t.page.setInputFiles("#i-file", new com.microsoft.playwright.options.FilePayload("kapot.yaml", "text/yaml",
              "format: begroot/1\nbudget: [".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          t.page.click("form[action='/versies/inlezen'] button[type=submit]");
          t.page.waitForSelector("#inhoud:not(.htmx-settling) #fouten");
        }),
        at("compare (empty)", "/vergelijk"),
        at("compare with results", "/vergelijk?a=begroting-2026&b=conceptbegroting-2027"),
        at("error page (404)", V + "/voorstel/bestaat-niet"),
        at("error page (unknown address)", "/bestaat/niet"),
        narrow("overview at 320 px", V),
        narrow("programme at 320 px", V + "/programma/3"),
        narrow("annex 1 at 320 px", V + "/bijlage-1?jaar=2027"),
        narrow("province at 320 px", V + "/provincie/GE"),
        narrow("audit at 320 px", "/v/begroting-2026/controle"),
        narrow("change log at 320 px", V + "/wijzigingen"),
        narrow("keys at 320 px", V + "/sleutels"),
        narrow("versions at 320 px", "/versies"),
        narrow("compare at 320 px", "/vergelijk?a=begroting-2026&b=conceptbegroting-2027"),
        visit("edit form with the preview shown at 320 px", t -> {
          t.page.setViewportSize(320, 640);
          t.preview();
        }),
        // the controller's path (edit, preview, save, conflict, compare) at 1280 px (the default) and at a phone's 375 px
        visit("a saved change", t -> t.save("681.500")),
        visit("edit form at 375 px", t -> {
          t.page.setViewportSize(375, 740);
          t.go(V + "/voorstel/2.7-soc/wijzigen");
          t.assertNoSidewaysScroll(375);
        }),
        visit("edit form with the preview shown at 375 px", t -> {
          t.page.setViewportSize(375, 740);
          t.preview();
          t.assertNoSidewaysScroll(375);
        }),
        visit("a saved change at 375 px", t -> {
          t.page.setViewportSize(375, 740);
          t.save("682.500");
          t.assertNoSidewaysScroll(375);
        }),
        visit("edit form with a conflict at 375 px", t -> {
          t.page.setViewportSize(375, 740);
          t.conflict();
          t.assertNoSidewaysScroll(375);
        }),
        visit("compare at 375 px", t -> {
          t.page.setViewportSize(375, 740);
          t.go("/vergelijk?a=begroting-2026&b=conceptbegroting-2027");
          t.assertNoSidewaysScroll(375);
        }),
        visit("English overview", t -> {
          t.context.addCookies(List.of(new Cookie("lang", "en").setUrl(server.base())));
          t.go(V);
          assertThat(t.page.locator("html").getAttribute("lang")).isEqualTo("en");
        }),
        visit("English edit form with errors", t -> {
          t.context.addCookies(List.of(new Cookie("lang", "en").setUrl(server.base())));
          t.go(V + "/voorstel-nieuw");
          t.page.click("button[value=save]");
          t.page.waitForSelector("#inhoud:not(.htmx-settling) #fouten");
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void noViolations(Visit visit) {
    visit.steps().accept(this);
    AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
    assertThat(results.getErrorMessage()).as("axe ran").isNull();
    assertThat(results.getPasses()).as("axe checked something").isNotEmpty();
    assertThat(results.getViolations()).as(() -> report(page.url(), results.getViolations())).isEmpty();
  }

  private static String report(String url, List<Rule> violations) {
    StringBuilder sb = new StringBuilder("accessibility violations on ").append(url).append('\n');
    for (Rule r : violations) {
      sb.append("- ").append(r.getId()).append(" (").append(r.getImpact()).append("): ").append(r.getHelp()).append('\n');
      for (CheckedNode n : r.getNodes()) {
        String html = n.getHtml();
        sb.append("    ").append(n.getTarget()).append("  ").append(html.length() > 200 ? html.substring(0, 200) + "…" : html).append('\n');
        sb.append("      ").append(String.valueOf(n.getFailureSummary()).replace("\n", "\n      ")).append('\n');
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ keyboard

  private String activeElement(String expression) {
    return String.valueOf(page.evaluate("() => { const e = document.activeElement; return e ? " + expression + " : null; }"));
  }

  @Test
  void theFirstTabShowsTheSkipLinkAndItLeadsToTheContent() {
    go(V + "/programma/3");
    page.keyboard().press("Tab");
    assertThat(activeElement("e.className")).contains("begroot-skip");
    Locator skip = page.locator(".begroot-skip");
    var box = skip.boundingBox();
    assertThat(box).as("the focused skip link is on screen").isNotNull();
    assertThat(box.x).isGreaterThanOrEqualTo(0);
    assertThat(box.y).isGreaterThanOrEqualTo(0);
    assertThat(box.width).isGreaterThan(20);
    page.keyboard().press("Enter");
    assertThat(activeElement("e.id")).isEqualTo("inhoud");
    // the next Tab goes to the first link inside the main content, not back to the header
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.getElementById('inhoud').contains(document.activeElement)")).isEqualTo(true);
  }

  @Test
  void focusIsVisibleOnLinksButtonsAndFields() {
    go(V + "/voorstel/2.7-soc/wijzigen");
    int checked = 0;
    for (int i = 0; i < 40; i++) {
      page.keyboard().press("Tab");
      String tag = activeElement("e.tagName");
      if ("BODY".equals(tag)) {
        break;
      }
      String outline = activeElement("getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
      String shadow = activeElement("getComputedStyle(e).boxShadow");
      boolean visible = !outline.startsWith("none") && !outline.endsWith(" 0px") || !"none".equals(shadow);
      assertThat(visible).as("focus indicator on %s %s: outline %s, box-shadow %s", tag, activeElement("e.outerHTML.slice(0, 120)"),
          outline, shadow).isTrue();
      checked++;
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void theFigurePanelOpensFromTheKeyboardAndClosesWithEscapeReturningFocus() {
    go(V);
    Locator link = page.locator("#tabel-1 a.begroot-figure[data-figure='tabel-1/new.lasten/2028']");
    link.focus();
    page.keyboard().press("Enter");
    Locator panel = page.locator("#figuur-paneel");
    page.waitForSelector("#figuur-paneel .begroot-panel-inner");
    assertThat(panel.isVisible()).isTrue();
    assertThat(page.evaluate("() => document.getElementById('figuur-paneel').contains(document.activeElement)"))
        .as("focus moves into the panel").isEqualTo(true);
    assertThat(panel.textContent()).contains("tabel-1/new.lasten/2028");
    page.keyboard().press("Escape");
    assertThat(panel.isVisible()).isFalse();
    assertThat(activeElement("e.getAttribute('data-figure')")).as("focus returns to the figure link").isEqualTo("tabel-1/new.lasten/2028");
    // a part link inside the panel opens the next level in place; Escape still returns to the table
    page.keyboard().press("Enter");
    page.waitForSelector("#figuur-paneel .begroot-panel-inner");
    page.locator("#figuur-paneel a.begroot-figure[href*='change.lasten']").click();
    page.waitForSelector("#figuur-paneel h2:text-is('Tabel 1, Totaal wijziging lasten 2028')"); // the id is in the folded technical details
    page.keyboard().press("Escape");
    assertThat(panel.isVisible()).isFalse();
    assertThat(activeElement("e.getAttribute('data-figure')")).isEqualTo("tabel-1/new.lasten/2028");
    // the close button does the same
    page.keyboard().press("Enter");
    page.waitForSelector("#figuur-paneel .begroot-panel-inner");
    page.locator("#figuur-paneel .begroot-panel-close").click();
    assertThat(panel.isVisible()).isFalse();
    assertThat(activeElement("e.getAttribute('data-figure')")).isEqualTo("tabel-1/new.lasten/2028");
    // with the panel closed, Escape elsewhere leaves the focus where it is
    page.locator("#zoek").focus();
    page.keyboard().press("Escape");
    assertThat(activeElement("e.id")).isEqualTo("zoek");
  }
}
