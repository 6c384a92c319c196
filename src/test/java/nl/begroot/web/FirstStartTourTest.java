package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a new user meets on first start (seeded as {@code begroot serve} seeds it): the versions page names every
 * step of the cycle in words and links each, the overview links there, the pages say in words what they are (no
 * list printed as "[1]", no kind printed as its code, no proposal only by its id), and the navigation offers the
 * administrator no link that answers 403.
 */
class FirstStartTourTest {
  static TestServer server;
  static TestServer.SignedIn carla;
  static TestServer.SignedIn admin;
  static final String DEFINITIVE = "/v/definitieve-begroting-2027-illustratie";
  static final String AMENDMENT = "/v/definitieve-begroting-2027-illustratie-wijziging-1";
  static final String MIDYEAR = "/v/tussenrapportage-2027-definitieve-begroting-2027-illustratie";

  @BeforeAll
  static void start() {
    server = new TestServer();
    var w = server.workspace;
    w.seedExampleIfAbsent(() -> ((LoadResult.Loaded) BudgetFiles.loadExample()).budget(), BudgetFiles.EXAMPLE_ORGANISATION, TestBudgets.SEED);
    assertThat(w.seedActualsIfNone(TestBudgets.SEED)).isEmpty();
    w.seedCycleIllustrationIfNone(TestBudgets.SEED);
    assertThat(w.midyears().seedIllustrationIfNone(TestBudgets.SEED)).hasSize(1);
    carla = server.signIn(Actor.person("carla", "Carla", Set.of(Role.CONTROLLER), Set.of(), null, false));
    admin = server.signIn(Actor.person("baas", "Baas", Set.of(Role.BEHEERDER), Set.of(), null, true));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(TestServer.SignedIn who, String path, String moreCookies) {
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", who.cookie() + moreCookies).GET().build());
  }

  private static String section(String html, String id) {
    int from = html.indexOf("id=\"" + id + "\"");
    assertThat(from).as("section %s", id).isPositive();
    return html.substring(from, html.indexOf("</ol>", from));
  }

  @Test
  void theVersionsPageNamesEachStepOfTheCycleAndLinksIt() {
    String page = server.get(carla, "/versies").body();
    // the kinds in words, not their codes
    assertThat(page).contains(">Definitieve begroting<", ">Begrotingswijziging<", ">Tussenrapportage<")
        .doesNotContain(">definitive<", ">amendment<", ">midyear<");
    String cycle = section(page, "cyclus");
    assertThat(cycle).contains("href=\"/v/illustratie-conceptbegroting-2027\"", "href=\"" + DEFINITIVE + "\"", "href=\"" + AMENDMENT + "\"",
        "href=\"" + MIDYEAR + "/tussenrapportage\"", ">Jaarrekening<");
    Matcher links = Pattern.compile("href=\"(/v/[^\"]+)\"").matcher(cycle);
    int n = 0;
    while (links.find()) {
      n++;
      assertThat(server.get(carla, links.group(1)).statusCode()).as(links.group(1)).isEqualTo(200);
    }
    assertThat(n).as("a document and a Cycle link per version of the cycle").isGreaterThanOrEqualTo(10);
    // in English too
    assertThat(get(carla, "/versies", "; lang=en").body()).contains(">Definitive budget<", ">Budget amendment<", ">Mid-year report<",
        "The planning &amp; control cycle");
  }

  @Test
  void theHomePageLinksToTheStepsOfTheCycle() {
    HttpResponse<String> home = server.get(carla, "/");
    String overview = home.statusCode() == 200 ? home.body()
        : server.get(carla, home.headers().firstValue("Location").orElseThrow().replace(server.base(), "")).body();
    assertThat(overview).contains("href=\"/versies#cyclus\"");
  }

  @Test
  void theCyclePagesSayInWordsWhatTheyHold() {
    assertThat(server.get(carla, DEFINITIVE + "/cyclus").body()).contains("met de vastgestelde begrotingswijziging 1</p>").doesNotContain("[1]");
    String title = server.workspace.snapshot(AMENDMENT.substring(3)).orElseThrow().budget().proposal("illustratie-wijziging-1")
        .orElseThrow().title();
    assertThat(server.get(carla, AMENDMENT + "/cyclus").body()).contains(">" + title + "</a> (illustratie-wijziging-1)");
    // the Tussenrapportage of the illustration: up to June, its status in the reader's language
    assertThat(server.get(carla, MIDYEAR + "/tussenrapportage").body()).contains("Tussenrapportage 2027 t/m juni");
    assertThat(get(carla, MIDYEAR + "/tussenrapportage", "; lang=en").body()).contains(" · draft · ").doesNotContain(" · concept · ");
  }

  @Test
  void theAdministratorIsOfferedNoLinkThatRefusesThem() {
    String versions = server.get(admin, "/versies").body();
    Matcher compare = Pattern.compile("href=\"(/vergelijk[^\"]*)\"").matcher(versions);
    assertThat(compare.find()).as("the navigation links to Vergelijken").isTrue();
    assertThat(server.get(admin, compare.group(1).replace("&amp;", "&")).statusCode()).isEqualTo(200);
    // the definitive budget's Tussenrapportage page names its report, which is a draft the administrator may not read: no link to it
    String midyear = server.get(admin, DEFINITIVE + "/tussenrapportage").body();
    assertThat(midyear).contains("Tussenrapportage 2027 t/m juni").doesNotContain("href=\"" + MIDYEAR + "/tussenrapportage\"");
    assertThat(server.get(carla, DEFINITIVE + "/tussenrapportage").body()).contains("href=\"" + MIDYEAR + "/tussenrapportage\"");
  }

  @Test
  void anOrganisationWithoutARoleSaysSo() {
    String page = get(carla, "/versies", "; org=gr-voorbeeldregio").body();
    assertThat(page).contains("id=\"geen-versies\"").contains("Rollen gelden per organisatie");
    assertThat(server.get(carla, "/versies").body()).doesNotContain("id=\"geen-versies\"");
  }
}
