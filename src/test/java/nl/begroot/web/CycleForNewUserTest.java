package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.cli.FirstStart;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cycle as a new user meets it on first start (seeded as {@code cli.FirstStart.seed} seeds it): every product of
 * the cycle is in the navigation of the page they start from; a cycle page asked of a version of another kind says in
 * words which version and what it is not, and links to what is there; the Cyclus page of an adopted concept whose
 * definitive budget exists offers no amendment and no accounts (the use case refuses them too).
 */
class CycleForNewUserTest {
  static TestServer server;
  static TestServer.SignedIn carla;
  static final String CONCEPT = "/v/conceptbegroting-2027";
  static final String ILLUSTRATION_CONCEPT = "/v/illustratie-conceptbegroting-2027";
  static final String DEFINITIVE = "/v/definitieve-begroting-2027-illustratie";
  static final String MIDYEAR = "/v/tussenrapportage-2027-definitieve-begroting-2027-illustratie";
  static final String ACCOUNTS = "/v/jaarrekening-2026";

  @BeforeAll
  static void start() {
    server = new TestServer();
    var w = server.workspace;
    assertThat(FirstStart.seed(w)).as("what the first start could not do").isEmpty(); // seeded as `begroot serve` seeds
    assertThat(w.version(ACCOUNTS.substring(3))).as("the first start's accounts").isPresent();
    carla = server.signIn(Actor.person("carla", "Carla", Set.of(Role.CONTROLLER), Set.of(), null, false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path, String lang) {
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", carla.cookie() + "; lang=" + lang).GET().build());
  }

  static String nav(String html) {
    int from = html.indexOf("<nav class=\"begroot-nav\"");
    return html.substring(from, html.indexOf("</nav>", from));
  }

  static List<String> cycleLinks(String html) {
    String nav = nav(html);
    int from = nav.indexOf("id=\"nav-cyclus\"");
    assertThat(from).as("the navigation has the group Cyclus").isPositive();
    String group = nav.substring(from, nav.indexOf("</ul>", from));
    List<String> links = new ArrayList<>();
    Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(group);
    while (m.find()) {
      links.add(m.group(1));
    }
    return links;
  }

  @Test
  void theNavigationOfThePageANewUserStartsFromReachesEveryProductOfTheCycle() {
    for (String lang : List.of("nl", "en")) {
      String home = get(CONCEPT, lang).body();
      List<String> links = cycleLinks(home);
      assertThat(links).as(lang).contains(CONCEPT + "/cyclus", ILLUSTRATION_CONCEPT, DEFINITIVE, DEFINITIVE + "-wijziging-1",
          MIDYEAR + "/tussenrapportage", ACCOUNTS + "/jaarrekening");
      for (String href : links) {
        assertThat(get(href, lang).statusCode()).as(href).isEqualTo(200);
      }
      assertThat(nav(home)).contains(lang.equals("en") ? ">Annual accounts<" : ">Jaarrekening<",
          lang.equals("en") ? ">Mid-year report<" : ">Tussenrapportage<");
    }
    // on the accounts' own page the group marks it as the current place and still reaches the others
    String accounts = get(ACCOUNTS + "/jaarrekening", "nl").body();
    assertThat(nav(accounts)).containsPattern("href=\"" + Pattern.quote(ACCOUNTS + "/jaarrekening") + "\" aria-current=\"page\"");
    assertThat(cycleLinks(accounts)).contains(MIDYEAR + "/tussenrapportage", DEFINITIVE);
  }

  @Test
  void aCyclePageOfAVersionOfAnotherKindSaysWhichVersionAndWhatIsThere() {
    var concept = get(CONCEPT + "/jaarrekening", "nl");
    assertThat(concept.statusCode()).isEqualTo(404);
    assertThat(concept.body()).contains("Conceptbegroting 2027 is geen jaarrekening.").contains("href=\"" + CONCEPT + "\" id=\"verder\"")
        .doesNotContain("jaarrekening conceptbegroting-2027");
    // the definitive budget has accounts started from it: the page links there
    var definitive = get(DEFINITIVE + "/jaarrekening", "en");
    assertThat(definitive.statusCode()).isEqualTo(404);
    assertThat(definitive.body()).contains("is not an annual accounts.").contains("Started from this version: Jaarrekening 2026.")
        .contains("href=\"" + ACCOUNTS + "/jaarrekening\" id=\"verder\"").doesNotContain("definitieve-begroting-2027-illustratie</p>");
    var pdf = get(CONCEPT + "/tussenrapportage/tussenrapportage.pdf", "nl");
    assertThat(pdf.statusCode()).isEqualTo(404);
    assertThat(pdf.body()).contains("Conceptbegroting 2027 is geen tussenrapportage.").doesNotContain("tussenrapportage conceptbegroting-2027");
    var member = get(ACCOUNTS + "/jaarrekening/lid/XX", "nl");
    assertThat(member.body()).contains("Jaarrekening 2026 heeft geen lid met de code 'XX'.").contains("id=\"verder\"");
    var file = get(ACCOUNTS + "/jaarrekening/iets.doc", "nl");
    assertThat(file.statusCode()).isEqualTo(404);
    assertThat(file.body()).contains("Jaarrekening 2026 heeft geen bestand 'iets.doc'").doesNotContain("download iets.doc");
    var missing = get("/v/bestaat-niet/jaarrekening", "en");
    assertThat(missing.body()).contains("There is no version at the address 'bestaat-niet'.").contains("href=\"/versies\" id=\"verder\"");
  }

  @Test
  void theCyclePageOfAnAdoptedConceptWithADefinitiveBudgetOffersOnlyWhatSucceeds() {
    String page = server.get(carla, ILLUSTRATION_CONCEPT + "/cyclus").body();
    assertThat(page).contains("id=\"definitief\"");
    assertThat(page).doesNotContain("action=\"" + ILLUSTRATION_CONCEPT + "/wijziging\"")
        .doesNotContain("action=\"" + ILLUSTRATION_CONCEPT + "/jaarrekening-beginnen\"");
    // the use case refuses them too: the page and the use case ask the same rule
    assertThat(server.form(carla, ILLUSTRATION_CONCEPT + "/wijziging", java.util.Map.of()).statusCode()).isEqualTo(422);
    assertThat(server.form(carla, ILLUSTRATION_CONCEPT + "/jaarrekening-beginnen", java.util.Map.of("jaar", "2027")).statusCode()).isEqualTo(422);
    assertThat(server.workspace.amendments(ILLUSTRATION_CONCEPT.substring(3))).isEmpty();
    // the definitive budget offers the accounts (a controller may start them there); its Tussenrapportage is open, so no amendment
    String definitive = server.get(carla, DEFINITIVE + "/cyclus").body();
    assertThat(definitive).contains("action=\"" + DEFINITIVE + "/jaarrekening-beginnen\"")
        .doesNotContain("action=\"" + DEFINITIVE + "/wijziging\"");
    assertThat(server.form(carla, DEFINITIVE + "/wijziging", java.util.Map.of()).statusCode()).isEqualTo(422);
  }

  /**
   * Dutch words Begroot writes itself (labels, table headings, month names, sides), which an English page must not show.
   * Names stay as the budget writes them (versions, programmes, units, members), as do the texts the illustration stores
   * (its reasons and explanations, which start with "Illustratie"); both are taken out before the words are looked for.
   */
  static final List<String> DUTCH = List.of("Totaal", "Begroting lasten", "Budget lasten", "Realised lasten", "Realisatie", "Verschil", "Resultaat",
      "Stand 1", "Toevoeging", "Onttrekking", "Afrekening", "Kassiersfunctie", "Ontvangsten", "Afdrachten", "Raming", "na wijziging",
      "tegen de begroting", "t/m", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
      "november", "december", "Kant", "lasten</td>", "baten</td>");

  /** The cycle's pages a new user reads in English. */
  static final List<String> ENGLISH_PAGES = List.of(MIDYEAR + "/tussenrapportage", ACCOUNTS + "/jaarrekening", ACCOUNTS + "/jaarrekening/lid/GE",
      DEFINITIVE + "/realisatie", DEFINITIVE + "/cyclus", DEFINITIVE + "/volgend-jaar", DEFINITIVE + "/tussenrapportage", ACCOUNTS + "/cyclus",
      DEFINITIVE + "-wijziging-1/cyclus", MIDYEAR + "/cyclus", CONCEPT + "/jaarrekening", DEFINITIVE + "/jaarrekening");

  /** The words of a page's main part a reader sees, names and the illustration's stored texts taken out. */
  static String readersWords(String html) {
    String main = html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    // the cells that say a side keep their closing tag, so that "lasten</td>" finds a side printed in Dutch
    String text = main.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<(?!/td>)[^>]+>", " ").replace("&amp;", "&")
        .replaceAll("Illustratie[^<]*", " ");
    List<String> names = new ArrayList<>();
    server.workspace.versions().forEach(x -> names.add(x.name()));
    var budget = server.workspace.snapshot(DEFINITIVE.substring(3)).orElseThrow().budget();
    budget.programmes().forEach(p -> {
      names.add(p.title());
      p.units().forEach(u -> names.add(u.title()));
    });
    budget.members().forEach(m -> names.add(m.name()));
    names.sort((a, b) -> b.length() - a.length());
    for (String name : names) {
      text = text.replace(name, " ");
    }
    return text;
  }

  @Test
  void theCyclePagesInEnglishShowNoneOfBegrootsDutchWords() {
    List<String> found = new ArrayList<>();
    for (String page : ENGLISH_PAGES) {
      String words = readersWords(get(page, "en").body());
      for (String dutch : DUTCH) {
        // a word on its own: not inside another word, a file name or an address
        Matcher m = Pattern.compile("(?<![\\p{L}/-])" + Pattern.quote(dutch) + "(?![\\p{L}-])").matcher(words);
        if (m.find()) {
          found.add(page + ": '" + dutch + "' in ..." + words.substring(Math.max(0, m.start() - 40), Math.min(words.length(), m.end() + 40))
              .replaceAll("\\s+", " ") + "...");
        }
      }
    }
    assertThat(found).as("Dutch words on English cycle pages").isEmpty();
    // and the Dutch pages say it in Dutch (the list finds what it looks for)
    assertThat(readersWords(get(MIDYEAR + "/tussenrapportage", "nl").body())).contains("Realisatie t/m juni", "Totaal");
    assertThat(readersWords(get(ACCOUNTS + "/jaarrekening", "nl").body())).contains("Begroting lasten", "Stand 1 januari");
  }

  /** The pages with tables and amounts a new user reads in English: the budget's and the cycle's. */
  static List<String> figurePages() {
    List<String> pages = new ArrayList<>(ENGLISH_PAGES);
    pages.addAll(List.of(CONCEPT, CONCEPT + "/programma/2", CONCEPT + "/voorstel/2.7-soc", CONCEPT + "/bijlage-1", CONCEPT + "/provincies",
        CONCEPT + "/provincie/GE", CONCEPT + "/kassiersfunctie", CONCEPT + "/structureel", CONCEPT + "/na-wijziging", CONCEPT + "/sleutels",
        CONCEPT + "/controle", "/vergelijk", ACCOUNTS + "/realisatie", DEFINITIVE + "-wijziging-1/na-wijziging"));
    return pages;
  }

  /** A number in Dutch format with thousands: "1.234", "12.345.678", "1.234,56" (not a decimal "2.7" or a date). */
  static final Pattern DUTCH_THOUSANDS = Pattern.compile("(?<![\\d.,])\\d{1,3}(\\.\\d{3})+(,\\d+)?(?![\\d.])");

  /**
   * Decision 211: an English page writes its figures and their unit the English way, "(x € 1,000)" and 1,234, never the
   * Dutch caption "(x € 1.000)" or a Dutch-formatted thousand; a Dutch page the Dutch way (the same test finds them there).
   */
  @Test
  void theEnglishPagesWriteFiguresAndTheirUnitTheEnglishWay() {
    List<String> found = new ArrayList<>();
    int english = 0;
    for (String page : figurePages()) {
      var r = get(page, "en");
      if (r.statusCode() != 200) {
        continue; // the cycle's pages asked of a version of another kind (404, in words): tested above
      }
      // the budget's own texts (its narratives, marked lang="nl") stay as the organisation wrote them
      String words = readersWords(r.body().replaceAll("(?s)<p [^>]*lang=\"nl\">.*?</p>", " "));
      if (words.contains("x € 1.000")) {
        found.add(page + ": the Dutch unit 'x € 1.000'");
      }
      Matcher m = DUTCH_THOUSANDS.matcher(words);
      while (m.find()) {
        found.add(page + ": '" + m.group() + "' in ..." + words.substring(Math.max(0, m.start() - 60), Math.min(words.length(), m.end() + 20))
            .replaceAll("\\s+", " ") + "...");
      }
      english += words.contains("x € 1,000") ? 1 : 0;
    }
    assertThat(found).as("Dutch-formatted figures on English pages").isEmpty();
    assertThat(english).as("English pages with tables in thousands").isGreaterThan(8);
    // the Dutch pages write them the Dutch way
    String dutch = readersWords(get(CONCEPT, "nl").body());
    assertThat(dutch).contains("x € 1.000").containsPattern(DUTCH_THOUSANDS.pattern());
  }
}
