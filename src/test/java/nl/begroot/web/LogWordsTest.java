package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.cli.FirstStart;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.store.LogEntry;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * People read words, not ids (decision 210): on the log pages of the seeded installation, after a few edits (a
 * proposal changed, a scenario copied, edited, withdrawn from and deleted, a failed sign-in), no text a reader sees
 * is the id of a version, a proposal or an account that has a title or name; the ids are still in the links and the
 * titles. A deleted version's entries are named by the title the log recorded.
 */
class LogWordsTest {
  static TestServer server;
  static TestServer.SignedIn carla;
  static final String SCENARIO_NAME = "Scenario woorden en namen";
  static String scenario;
  /** The ids with a title or name: versions (the deleted scenario's too), their proposals, the accounts. */
  static final Set<String> IDS = new LinkedHashSet<>();

  @BeforeAll
  static void start() {
    server = new TestServer();
    Workspace w = server.workspace;
    assertThat(FirstStart.seed(w)).as("what the first start could not do").isEmpty();
    carla = server.signIn(Actor.person("carla", "Carla de Vries", Set.of(Role.CONTROLLER), Set.of(), null, false));
    String concept = "/api/versions/" + Workspace.CONCEPT;
    int rev = ApiTest.ok(server.get(carla, concept + "/proposals/2.7-soc")).get("revision").asInt();
    ApiTest.ok(server.json(carla, "PUT", concept + "/proposals/2.7-soc", "{\"revision\":" + rev + ",\"amounts\":{\"2027\":68100000}}"));
    JsonNode copy = ApiTest.ok(server.json(carla, "POST", "/api/versions", "{\"from\":\"" + Workspace.CONCEPT + "\",\"name\":\"" + SCENARIO_NAME + "\"}"));
    scenario = copy.get("id").asString();
    String s = "/api/versions/" + scenario;
    int srev = ApiTest.ok(server.get(carla, s + "/proposals/2.7-soc")).get("revision").asInt();
    ApiTest.ok(server.json(carla, "PUT", s + "/proposals/2.7-soc", "{\"revision\":" + srev + ",\"amounts\":{\"2027\":0}}"));
    // a withdrawal: its row holds no title, so a deleted version's page must find the words elsewhere
    int orev = ApiTest.ok(server.get(carla, s + "/proposals/1.1-ontleden")).get("revision").asInt();
    var withdrawn = server.json(carla, "POST", s + "/proposals/1.1-ontleden/withdraw", "{\"revision\":" + orev + "}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isLessThan(300);
    // every id with words, while the scenario is still there
    for (StoredVersion x : w.versions()) {
      IDS.add(x.slug());
      w.snapshot(x.slug()).ifPresent(snap -> snap.budget().proposals().stream().filter(p -> !p.title().isBlank() && !p.title().equals(p.id()))
          .forEach(p -> IDS.add(p.id())));
    }
    assertThat(IDS).contains(scenario, Workspace.CONCEPT, "2.7-soc");
    var deleted = server.send(carla.request(server.base() + s).DELETE().build());
    assertThat(deleted.statusCode()).isEqualTo(204);
    w.log().record(LogEntry.signIn("carla", false, "wrong password"));
    // as SignInEvents records them: the step and its result, and what the identity provider said in brackets
    w.log().record(LogEntry.signIn("carla", false, "password: wrong"));
    w.log().record(LogEntry.signIn("carla", false, "oidc: token_invalid (the ID token has expired)"));
    IDS.add("carla");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path, String lang) {
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", carla.cookie() + "; lang=" + lang).GET().build());
  }

  /** The texts a reader sees in the page's main part: its text nodes (attributes and scripts left out), trimmed, entities read. */
  static List<String> textNodes(String html) {
    String main = html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    main = main.replaceAll("(?s)<script.*?</script>", "<x>").replaceAll("(?s)<style.*?</style>", "<x>");
    List<String> texts = new ArrayList<>();
    for (String piece : main.split("<[^>]*>")) {
      String t = piece.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").strip();
      if (!t.isEmpty()) {
        texts.add(t);
      }
    }
    return texts;
  }

  /** Where a text a reader sees is an id, or ends with one after words (the entry's action followed by a bare id), on {@code page}. */
  static List<String> idsShown(String page, String html) {
    List<String> found = new ArrayList<>();
    for (String text : textNodes(html)) {
      if (text.startsWith("code: ") || text.startsWith("id: ")) {
        continue; // a new proposal's field "code" ("id" in English): the id named as its code, beside the entry's title (technical detail)
      }
      for (String id : IDS) {
        Matcher m = Pattern.compile("(^|\\s|\\()" + Pattern.quote(id) + "\\)?$").matcher(text);
        if (m.find()) {
          found.add(page + ": '" + text + "'");
        }
      }
    }
    return found;
  }

  static List<String> logPages() {
    List<String> pages = new ArrayList<>(List.of("/logboek", "/logboek?object=2.7-soc", "/logboek?persoon=carla", "/logboek?object=" + scenario));
    server.workspace.versions().forEach(x -> pages.add("/v/" + x.slug() + "/wijzigingen"));
    return pages;
  }

  @Test
  void theLogPagesShowWordsWhereTheyKeepIds() {
    List<String> found = new ArrayList<>();
    int rows = 0;
    for (String lang : List.of("nl", "en")) {
      for (String page : logPages()) {
        var r = get(page, lang);
        if (r.statusCode() == 403 && page.startsWith("/v/gr-")) {
          continue; // the other organisation's versions: carla is the IPO's controller
        }
        assertThat(r.statusCode()).as(page).isEqualTo(200);
        rows += r.body().split("id=\"log-").length - 1;
        found.addAll(idsShown(lang + " " + page, r.body()));
      }
    }
    assertThat(rows).as("the pages list entries").isGreaterThan(20);
    assertThat(found).as("ids shown as text on the log pages").isEmpty();
  }

  @Test
  void aSignInsStepAndResultAndAnAccountsFieldsAreWordsInThePagesLanguage() {
    // carla's entries: her account made (its fields), her sign-ins (their step and result)
    List<String> nl = textNodes(get("/logboek?object=carla", "nl").body());
    List<String> en = textNodes(get("/logboek?object=carla", "en").body());
    assertThat(nl).contains("wachtwoord: onjuist", "aanmelden via de identiteitsprovider: bewijs van de identiteitsprovider ongeldig")
        .anyMatch(t -> t.startsWith("rollen: ")).anyMatch(t -> t.startsWith("geblokkeerd: "))
        .noneMatch(t -> t.startsWith("roles: ") || t.startsWith("disabled: ") || t.contains("password: wrong") || t.contains("token_invalid"));
    assertThat(en).contains("password: wrong", "sign-in through the identity provider: identity provider's proof not valid")
        .anyMatch(t -> t.startsWith("roles: ")).noneMatch(t -> t.startsWith("rollen: ") || t.contains("token_invalid"));
    // the detail as recorded stays in the technical details
    assertThat(get("/logboek?object=carla", "nl").body()).contains("title=\"oidc: token_invalid (the ID token has expired)\"");
  }

  /** Every action the log holds here (the first start's whole cycle and the edits above) and every step of the cycle has words. */
  @Test
  void everyActionHasWords() {
    Set<String> actions = new java.util.TreeSet<>();
    String page = "/api/log?limit=500";
    for (int i = 0; page != null && i < 50; i++) {
      JsonNode log = ApiTest.ok(server.get(carla, page));
      log.get("changes").forEach(c -> actions.add(c.get("action").asString()));
      page = log.hasNonNull("next") ? log.get("next").asString() : null;
    }
    for (nl.begroot.core.cycle.VersionMove m : nl.begroot.core.cycle.VersionMove.values()) {
      actions.add(m.action());
    }
    for (nl.begroot.core.cycle.ProposalMove m : nl.begroot.core.cycle.ProposalMove.values()) {
      actions.add(m.action());
    }
    assertThat(actions).as("the first start logs the cycle").contains("midyear.forecast", "accounts.create", "version.adopt", "actuals.import");
    assertThat(actions.stream().filter(a -> !I18n.has("action." + a)).toList()).as("actions shown as their code").isEmpty();
    String log = get("/logboek", "nl").body();
    assertThat(textNodes(log)).as("no action code on the page").noneMatch(t -> actions.stream().anyMatch(a -> t.equals(a) || t.startsWith(a + " ")));
    // the first start's forecasts and explanations: their fields in words and euros, what they explain by its programme
    assertThat(log).contains("prognose lasten: — → € ").contains("toelichting: — → ").doesNotContain("prognose_lasten_cents");
    assertThat(textNodes(log)).as("an explanation named by its programme and side").noneMatch(t -> t.matches("\\d+/(lasten|baten)"));
  }

  @Test
  void theEntriesOfADeletedVersionAreNamedByTheTitleTheLogKept() {
    String log = get("/logboek?object=" + scenario, "nl").body();
    assertThat(log).contains("versie verwijderd").contains(">" + SCENARIO_NAME + "<").contains("title=\"" + scenario + "\"");
    // its proposals by the titles their rows kept
    var budget = server.workspace.snapshot(Workspace.CONCEPT).orElseThrow().budget();
    assertThat(textNodes(log)).contains(budget.proposal("2.7-soc").orElseThrow().title(), budget.proposal("1.1-ontleden").orElseThrow().title(),
        "(" + SCENARIO_NAME + ")");
    assertThat(log).doesNotContain("href=\"/v/" + scenario);
    // the person by name, the account id in the title; the API keeps the ids
    assertThat(textNodes(get("/logboek?persoon=carla", "nl").body())).contains("Carla de Vries");
    JsonNode api = ApiTest.ok(server.get(carla, "/api/log?object=" + scenario + "&limit=5"));
    assertThat(api.get("changes").get(0).get("actor").asString()).isEqualTo("carla");
  }
}
