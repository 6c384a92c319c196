package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a person does with Begroot in a real browser (the machine's Chromium, headless): read the
 * overview, follow a figure to where it comes from, add a proposal and see what it does to
 * Gelderland, compare versions, resolve an edit conflict, switch language, and do the main edits
 * without JavaScript. Expected values come from the JSON API or from what the test typed, never from
 * numbers pasted into the test.
 */
class BrowserFlowsTest extends BrowserSession {
  private static final String CONCEPT = "conceptbegroting-2027";
  private static final String V = "/v/" + CONCEPT;
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private Response go(Page p, String path) {
    return p.navigate(server.base() + path);
  }

  private static JsonNode api(String path) {
    var response = server.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  // ------------------------------------------------------------------ amounts as printed

  /**
   * Signs {@code id} in through the sign-in page, as a person does (a controller and budgethouder with
   * a known password); the session cookie then rides along, and htmx sends the CSRF header.
   */
  void signIn(Page p, String id) {
    var accounts = server.workspace.people().accounts();
    accounts.create(new nl.begroot.store.AccountStore.Account(id, id, java.util.Set.of(nl.begroot.core.access.Role.CONTROLLER,
        nl.begroot.core.access.Role.BUDGETHOUDER), java.util.Set.of(), null, false), "test");
    accounts.setPassword(id, nl.begroot.workspace.Passwords.hash("lange-testzin-" + id), false, false);
    go(p, "/aanmelden");
    p.fill("#s-login", id);
    p.fill("#s-password", "lange-testzin-" + id);
    p.click("button:text-is('Aanmelden')");
    p.waitForURL(server.base() + "/v/" + CONCEPT); // "/" goes on to the concept
    assertThat(p.content()).contains("Aangemeld als " + id);
  }

  /** An amount as the pages print it ("-1.234", "€ 81.153.000,00", "+ € 5,50", "− € 7") in cents. */
  static long cents(String text) {
    String t = text.strip();
    boolean negative = t.contains("-") || t.contains("−");
    String digits = t.replaceAll("[^0-9,]", "");
    long value;
    if (digits.contains(",")) {
      String[] parts = digits.split(",");
      value = Long.parseLong(parts[0]) * 100 + Long.parseLong((parts[1] + "0").substring(0, 2));
    } else {
      value = Long.parseLong(digits) * 100;
    }
    return negative ? -value : value;
  }

  /** Cents in printed thousands, rounded half away from zero, in Dutch notation ("6.564", "-1"). */
  static String thousands(long cents) {
    long q = Math.floorDiv(Math.abs(cents) + 50_000, 100_000);
    String digits = Long.toString(q);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append('.');
      }
      sb.append(digits.charAt(i));
    }
    return (cents < 0 && q != 0 ? "-" : "") + sb;
  }

  @Test
  void amountsAsPrintedAreReadBack() {
    assertThat(cents("-1.234")).isEqualTo(-123_400);
    assertThat(cents("+ € 81.153.000,00")).isEqualTo(8_115_300_000L);
    assertThat(cents("− € 7,5")).isEqualTo(-750);
    assertThat(thousands(656_400_000)).isEqualTo("6.564");
    assertThat(thousands(-149_999)).isEqualTo("-1");
    assertThat(thousands(49_999)).isEqualTo("0");
  }

  // ------------------------------------------------------------------ reading

  @Test
  void theOverviewShowsTabel1WithItsYearsAndTheBalancingItemPerYear() {
    go(page, "/");
    assertThat(page.url()).endsWith(V);
    JsonNode version = api("/api/versions/" + CONCEPT);
    List<String> years = new ArrayList<>();
    version.get("years").forEach(y -> years.add(y.asString()));
    assertThat(years).isNotEmpty();

    Locator tabel1 = page.locator("table#tabel-1");
    assertThat(tabel1.locator("caption").textContent()).startsWith("Tabel 1.").contains("(x € 1.000)");
    assertThat(tabel1.locator("thead th[scope=col]").allTextContents()).containsExactlyElementsOf(years);
    assertThat(tabel1.locator("tbody a.begroot-figure").count()).isGreaterThan(years.size());

    Locator balance = page.locator("table#saldo");
    assertThat(balance.locator("thead th[scope=col]").allTextContents()).containsExactlyElementsOf(years);
    for (String y : years) {
      long balancing = version.get("balancing_cents").get(y).asLong();
      assertThat(balance.locator("td[data-balancing='" + y + "']").textContent()).as("balancing item %s", y)
          .isEqualTo(thousands(balancing));
    }
    // and in exact euros, to the cent
    page.click("text=Exacte bedragen");
    assertThat(page.url()).contains("exact=1");
    for (String y : years) {
      assertThat(cents(page.locator("#saldo td[data-balancing='" + y + "']").textContent()))
          .isEqualTo(version.get("balancing_cents").get(y).asLong());
    }
  }

  @Test
  void aFigureLinkOpensItsExplanationInAPanelAndWithoutJavaScriptOnItsOwnPage() {
    String id = "tabel-1/new.lasten/2028";
    go(page, V);
    Locator link = page.locator("#tabel-1 a.begroot-figure[data-figure='" + id + "']");
    String printed = link.textContent();
    link.click();
    Locator panel = page.locator("#figuur-paneel");
    page.waitForSelector("#figuur-paneel .begroot-panel-inner");
    assertThat(page.url()).as("the page stays").endsWith(V);
    assertThat(panel.locator("code").first().textContent()).isEqualTo(id);
    assertThat(panel.locator("dd").nth(1).textContent()).as("printed as in the table").startsWith(printed + " ");
    long value = Long.parseLong(panel.locator("dd[data-cents]").getAttribute("data-cents"));
    assertThat(cents(panel.locator("dd[data-cents]").textContent())).isEqualTo(value);
    // the figure is the signed sum of its parts
    List<String> parts = panel.locator("tbody td.utrecht-table__cell--numeric").allTextContents();
    assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
    assertThat(parts.stream().mapToLong(BrowserFlowsTest::cents).sum()).isEqualTo(value);

    // without JavaScript the same link is a plain link to the explanation page
    try (BrowserContext plain = asStaff(browsers.browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)))) {
      Page p = plain.newPage();
      go(p, V);
      p.click("#tabel-1 a.begroot-figure[data-figure='" + id + "']");
      p.waitForURL("**/figuur?id=**"); // the new page, loaded, before counting its links (count() does not wait)
      assertThat(p.url()).contains("/figuur?id=");
      assertThat(p.locator("h1").textContent()).isEqualTo("Herkomst van een bedrag");
      assertThat(p.locator("main code").first().textContent()).isEqualTo(id);
      Locator partLinks = p.locator("main tbody a.begroot-figure");
      assertThat(partLinks.count()).isEqualTo(parts.size());
      // one level deeper: the first part's own page
      String href = partLinks.first().getAttribute("href");
      String partId = java.net.URLDecoder.decode(href.substring(href.indexOf("id=") + 3), java.nio.charset.StandardCharsets.UTF_8);
      partLinks.first().click();
      assertThat(p.locator("main code").first().textContent()).isEqualTo(partId);
      assertThat(partId).isNotEqualTo(id);
      long partValue = Long.parseLong(p.locator("main dd[data-cents]").getAttribute("data-cents"));
      assertThat(partValue).isEqualTo(cents(parts.get(0)));
    }
  }

  // ------------------------------------------------------------------ editing

  /** Gelderland's contribution in a year (total of Bijlage 1), read from the province page in exact euros. */
  private long gelderland(Page p, String year) {
    go(p, V + "/provincie/GE?exact=1");
    return cents(p.locator("a[data-figure='bijlage-1-" + year + "/GE/total']").textContent());
  }

  private long balancing(Page p, String year) {
    go(p, V + "?exact=1");
    return cents(p.locator("#saldo td[data-balancing='" + year + "']").textContent());
  }

  @Test
  void addingAProposalShowsAndThenMakesGelderlandsChange() {
    long amountCents = 1_000_000_00L; // typed below as "1.000.000"
    go(page, V + "/provincies");
    int provinces = page.locator("main a[href*='/provincie/']").count(); // the table of members, a link per member
    assertThat(provinces).isGreaterThan(1);
    long gelderlandBefore = gelderland(page, "2027");
    long balancingBefore = balancing(page, "2027");
    assertThat(server.get("/api/versions/" + CONCEPT + "/proposals/2.3-browsertest").statusCode()).isEqualTo(404);

    go(page, V + "/voorstel-nieuw");
    page.fill("#f-id", "2.3-browsertest");
    page.selectOption("#f-unit", "2.3");
    page.fill("#f-title", "Browsertest: extra capaciteit");
    page.check("#f-side-l");
    page.check("#f-nature-r");
    page.fill("[name='amount.2027']", "1.000.000");
    page.evaluate("window.begrootMarker = 'still here'");
    page.click("button:text-is('Effect bekijken')");
    page.waitForSelector("#voorbeeld:not(.htmx-settling) #effect-provincies");
    assertThat(page.evaluate("window.begrootMarker")).as("htmx swapped the preview in, no page load").isEqualTo("still here");
    assertThat(page.inputValue("[name='amount.2027']")).isEqualTo("1.000.000");
    assertThat(server.get("/api/versions/" + CONCEPT + "/proposals/2.3-browsertest").statusCode()).as("a preview saves nothing")
        .isEqualTo(404);

    Locator preview = page.locator("#voorbeeld");
    long gelderlandDelta = Long.parseLong(preview.locator("tr[data-member=GE] td[data-year='2027']").getAttribute("data-delta"));
    assertThat(gelderlandDelta).isNotZero();
    long balancingDelta = cents(preview.locator("td[data-delta='balancing-2027']").textContent());
    assertThat(balancingDelta).as("the members' contribution closes the budget").isEqualTo(amountCents);
    long sum2027 = 0;
    Locator rows = preview.locator("#effect-provincies tbody tr[data-member]");
    assertThat(rows.count()).as("a row for every province").isEqualTo(provinces);
    for (int i = 0; i < rows.count(); i++) {
      sum2027 += Long.parseLong(rows.nth(i).locator("td[data-year='2027']").getAttribute("data-delta"));
      assertThat(rows.nth(i).locator("td[data-year='2028']").getAttribute("data-delta")).as("only 2027 was typed").isEqualTo("0");
    }
    assertThat(sum2027).as("money is conserved: the provinces' changes add up to the balancing item's").isEqualTo(balancingDelta);

    page.click("button:text-is('Opslaan')");
    page.waitForURL("**/voorstel/2.3-browsertest?opgeslagen=1");
    assertThat(page.locator("[role=status]").first().textContent()).contains("Opgeslagen");
    List<String> years = page.locator("#bedragen th").allTextContents();
    assertThat(page.locator("#bedragen td").nth(years.indexOf("2027")).textContent()).isEqualTo("1.000.000");

    assertThat(gelderland(page, "2027") - gelderlandBefore).as("Gelderland's change is what the preview said").isEqualTo(gelderlandDelta);
    assertThat(balancing(page, "2027") - balancingBefore).isEqualTo(balancingDelta);
    go(page, V + "/programma/2");
    assertThat(page.locator("#unit-2\\.3 a:text-is('Browsertest: extra capaciteit')").count()).isEqualTo(1);
  }

  /** Proposal ids whose amounts or fields differ between two versions, read from the API. */
  private static Set<String> differing(String a, String b) {
    Map<String, JsonNode> inA = activeProposals(a);
    Map<String, JsonNode> inB = activeProposals(b);
    Set<String> ids = new LinkedHashSet<>(inB.keySet());
    ids.addAll(inA.keySet());
    ids.removeIf(id -> inA.containsKey(id) && inB.containsKey(id) && inA.get(id).equals(inB.get(id)));
    return ids;
  }

  private static Map<String, JsonNode> activeProposals(String version) {
    Map<String, JsonNode> result = new HashMap<>();
    for (JsonNode p : api("/api/versions/" + version + "/proposals").get("proposals")) {
      if (!p.get("withdrawn").asBoolean()) {
        var copy = (tools.jackson.databind.node.ObjectNode) p.deepCopy();
        copy.remove(List.of("revision", "updated_at", "updated_by", "withdrawn", "quoted_by", "status", "author", "reviewer", "reason", "reviewed_at"));
        result.put(p.get("id").asString(), copy);
      }
    }
    return result;
  }

  private List<String> comparedProposals(Page p) {
    List<String> ids = new ArrayList<>();
    Locator rows = p.locator("#verschil-voorstellen tbody tr[data-proposal]");
    for (int i = 0; i < rows.count(); i++) {
      ids.add(rows.nth(i).getAttribute("data-proposal"));
    }
    return ids;
  }

  @Test
  void comparingVersionsListsTheProposalsThatDifferAndAScenarioShowsExactlyItsOwnChange() {
    go(page, "/vergelijk");
    page.selectOption("#cmp-a", "begroting-2026");
    page.selectOption("#cmp-b", CONCEPT);
    page.click("main button:text-is('Vergelijken')");
    page.waitForURL("**/vergelijk?a=begroting-2026&b=" + CONCEPT);
    Set<String> expected = differing("begroting-2026", CONCEPT);
    assertThat(expected).isNotEmpty();
    assertThat(comparedProposals(page)).containsExactlyInAnyOrderElementsOf(expected);

    // copy the concept into a scenario and change one proposal there
    go(page, "/versies");
    page.selectOption("#c-from", CONCEPT);
    page.fill("#c-name", "Scenario browsertest");
    page.click("form[action='/versies'] button[type=submit]");
    page.waitForURL("**/v/*");
    String scenario = page.url().substring(page.url().indexOf("/v/") + 3);
    assertThat(scenario).isNotEqualTo(CONCEPT);
    assertThat(differing(CONCEPT, scenario)).as("a fresh copy").isEmpty();

    go(page, "/v/" + scenario + "/voorstel/2.7-soc/wijzigen");
    long before2028 = cents(page.inputValue("[name='amount.2028']"));
    page.fill("[name='amount.2028']", "" + (before2028 / 100 + 100_000));
    page.click("button:text-is('Opslaan')");
    page.waitForURL("**/voorstel/2.7-soc?opgeslagen=1");

    go(page, "/vergelijk?a=" + CONCEPT + "&b=" + scenario);
    // of the typed proposals exactly the one that was changed; lines that the engine computes (the
    // balancing item) move with it and are listed too
    Set<String> computed = new LinkedHashSet<>();
    for (JsonNode p : api("/api/versions/" + scenario + "/proposals").get("proposals")) {
      if (!p.get("rule").asString().equals("entered")) {
        computed.add(p.get("id").asString());
      }
    }
    List<String> listed = comparedProposals(page);
    assertThat(listed.stream().filter(x -> !computed.contains(x))).containsExactly("2.7-soc");
    assertThat(differing(CONCEPT, scenario)).containsExactlyInAnyOrderElementsOf(listed);
    List<String> years = page.locator("#verschil-voorstellen thead th.utrecht-table__header-cell--numeric").allTextContents();
    for (String changed : listed) {
      Locator row = page.locator("#verschil-voorstellen tr[data-proposal='" + changed + "']");
      assertThat(row.locator("td").first().textContent()).isEqualTo("gewijzigd");
      List<String> deltas = row.locator("td.utrecht-table__cell--numeric").allTextContents();
      for (int i = 0; i < years.size(); i++) {
        assertThat(Math.abs(cents(deltas.get(i)))).as("%s %s", changed, years.get(i)).isEqualTo(years.get(i).equals("2028") ? 100_000_00L : 0);
      }
    }
    assertThat(cents(page.locator("td[data-delta='balancing-2028']").textContent())).isEqualTo(100_000_00L);
    // the concept itself did not change
    assertThat(api("/api/versions/" + CONCEPT + "/proposals/2.7-soc").get("amounts").get("2028").asLong()).isEqualTo(before2028);
  }

  @Test
  void anEditConflictShowsBothVersionsKeepsTheInputAndSavesOnTheSecondTry() {
    String id = "1.1-samenwerking-av";
    String form = V + "/voorstel/" + id + "/wijzigen";
    // each person in a browser of their own (signing in where the staff cookie is would end the staff session)
    try (BrowserContext firstContext = browsers.browser.newContext(); BrowserContext otherContext = browsers.browser.newContext()) {
      Page first = firstContext.newPage();
      Page second = otherContext.newPage();
      signIn(first, "eerste");
      signIn(second, "tweede");
      go(first, form);
      go(second, form);
      int revision = Integer.parseInt(second.inputValue("input[name=revision]"));

      String newTitle = "Samenwerking AV (eerste)";
      first.fill("#f-title", newTitle);
      first.click("button:text-is('Opslaan')");
      first.waitForURL("**/voorstel/" + id + "?opgeslagen=1");

      second.fill("[name='amount.2029']", "65.000");
      Response conflict = second.waitForResponse(r -> r.request().method().equals("POST"),
          () -> second.click("button:text-is('Opslaan')"));
      assertThat(conflict.status()).isEqualTo(409);
      Locator box = second.locator(".begroot-conflict");
      // the response is in before htmx has swapped it into the page: wait for the box (fails after 5 s if it never comes)
      box.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
      assertThat(box.isVisible()).isTrue();
      // focus on the conflict, as after a page load (htmx swaps it in and begroot.js moves the focus)
      second.waitForFunction("() => document.activeElement && document.activeElement.id === 'conflict'", null,
          new Page.WaitForFunctionOptions().setTimeout(5_000));
      // both versions as the form's fields, side by side, the fields that differ marked (not the file's text)
      assertThat(box.locator("#conflict-theirs").textContent()).contains("eerste");
      assertThat(box.locator("tr[data-field=title] [data-conflict=theirs]").textContent()).isEqualTo(newTitle);
      assertThat(box.locator("tr[data-field=title] [data-conflict=yours]").textContent()).isNotEqualTo(newTitle);
      assertThat(box.locator("tr[data-field='amounts.2029'] [data-conflict=yours]").textContent()).isEqualTo("€ 65.000");
      assertThat(box.locator("tr.begroot-differs").evaluateAll("rs => rs.map(r => r.dataset.field)"))
          .as("exactly the two fields that differ are marked").isEqualTo(java.util.List.of("title", "amounts.2029"));
      assertThat(box.locator("tr[data-field=unit] .begroot-differs-mark").count()).isZero();
      assertThat(box.textContent()).doesNotContain("amounts:").doesNotContain("side:");
      assertThat(second.inputValue("[name='amount.2029']")).as("the input is still in the form").isEqualTo("65.000");
      assertThat(Integer.parseInt(second.inputValue("input[name=revision]"))).as("the form now carries the stored revision")
          .isGreaterThan(revision);
      assertThat(api("/api/versions/" + CONCEPT + "/proposals/" + id).get("amounts").get("2029").asLong())
          .as("nothing of the second edit was saved").isNotEqualTo(6_500_000L);

      // take over the other's title, keep one's own amount, save again
      second.fill("#f-title", newTitle);
      Response saved = second.waitForResponse(r -> r.request().method().equals("POST"),
          () -> second.click("button:text-is('Opslaan')"));
      assertThat(saved.status()).isEqualTo(303);
      second.waitForURL("**/voorstel/" + id + "?opgeslagen=1");
      JsonNode stored = api("/api/versions/" + CONCEPT + "/proposals/" + id);
      assertThat(stored.get("title").asString()).isEqualTo(newTitle);
      assertThat(stored.get("amounts").get("2029").asLong()).isEqualTo(6_500_000L);
      assertThat(stored.get("updated_by").asString()).as("the signed-in person who saved").isEqualTo("tweede");
    }
  }

  // ------------------------------------------------------------------ language and no JavaScript

  @Test
  void theLanguageSwitchShowsEnglishAndComesBack() {
    go(page, V + "/programma/3");
    page.click("a.begroot-lang");
    assertThat(page.url()).endsWith(V + "/programma/3");
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    assertThat(page.locator("nav.begroot-nav").textContent()).contains("Overview", "Annex 1", "Versions").doesNotContain("Overzicht");
    assertThat(page.locator("h1").textContent()).startsWith("Programme 3.");
    assertThat(page.locator("a.begroot-lang").textContent()).isEqualTo("Nederlands");
    page.click("a.begroot-lang");
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("nl");
    assertThat(page.locator("h1").textContent()).startsWith("Programma 3.");
  }

  @Test
  void withoutJavaScriptEveryMenuPageWorksAndAProposalIsPreviewedAndSavedByPlainFormPosts() {
    try (BrowserContext plain = asStaff(browsers.browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)))) {
      Page p = plain.newPage();
      go(p, V);
      List<String> menu = new ArrayList<>();
      Locator links = p.locator("nav.begroot-nav a");
      for (int i = 0; i < links.count(); i++) {
        menu.add(links.nth(i).getAttribute("href"));
      }
      assertThat(menu).hasSizeGreaterThan(10);
      for (String href : menu) {
        Response r = go(p, href);
        assertThat(r.status()).as(href).isEqualTo(200);
        assertThat(p.locator("h1").textContent()).as(href).isNotBlank();
      }

      String id = "3.6-risicokaart";
      long before = api("/api/versions/" + CONCEPT + "/proposals/" + id).get("amounts").get("2030").asLong();
      go(p, V + "/voorstel/" + id + "/wijzigen");
      String typed = "-250.000";
      p.fill("[name='amount.2030']", typed);
      Response preview = p.waitForResponse(r -> r.request().method().equals("POST"), () -> p.click("button:text-is('Effect bekijken')"));
      assertThat(preview.status()).isEqualTo(200);
      assertThat(p.inputValue("[name='amount.2030']")).as("the form comes back with the input").isEqualTo(typed);
      assertThat(cents(p.locator("#voorbeeld td[data-delta='balancing-2030']").textContent())).isEqualTo(cents(typed) - before);
      assertThat(api("/api/versions/" + CONCEPT + "/proposals/" + id).get("amounts").get("2030").asLong()).isEqualTo(before);

      p.click("button:text-is('Opslaan')");
      p.waitForURL("**/voorstel/" + id + "?opgeslagen=1");
      assertThat(api("/api/versions/" + CONCEPT + "/proposals/" + id).get("amounts").get("2030").asLong()).isEqualTo(cents(typed));
      List<String> years = p.locator("#bedragen th").allTextContents();
      assertThat(p.locator("#bedragen td").nth(years.indexOf("2030")).textContent()).isEqualTo(typed);
    }
  }
}
