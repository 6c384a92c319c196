package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.store.AuditLog;
import nl.begroot.store.Change;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The log on the web: field-level changes with links on a version's change page and in the API,
 * filters by person, object and date that survive paging, the organisation's log and the
 * administrator's chain check behind their permissions, and refused requests written to the log.
 */
class LogPagesTest {
  static final String C = "/api/versions/" + Workspace.CONCEPT;
  static TestServer server;
  static TestServer.SignedIn anna;
  static String keyTitle;
  static TestServer.SignedIn admin;
  static TestServer.SignedIn lid;

  @BeforeAll
  static void start() {
    server = new TestServer();
    anna = server.signIn(Actor.person("anna", "Anna", Set.of(Role.CONTROLLER), Set.of(), null, true));
    admin = server.signIn(Actor.person("beheer", "Beheer", Set.of(Role.BEHEERDER), Set.of(), null, true));
    lid = server.signIn(Actor.person("lid-ge", "Lid GE", Set.of(Role.LID), Set.of(), "GE", false));
    // a key's shares changed first (the proposal's change below stays the newest entry): 0,01 from GE to GR
    JsonNode key = ApiTest.ok(server.get(anna, C + "/keys/ipo"));
    keyTitle = key.get("title").asString();
    java.math.BigDecimal ge = new java.math.BigDecimal(key.get("shares_percent").get("GE").asString());
    java.math.BigDecimal gr = new java.math.BigDecimal(key.get("shares_percent").get("GR").asString());
    java.math.BigDecimal step = new java.math.BigDecimal("0.01");
    ApiTest.ok(server.json(anna, "PUT", C + "/keys/ipo", "{\"revision\":" + key.get("revision").asInt() + ",\"shares_percent\":{\"GE\":\""
        + ge.add(step).toPlainString() + "\",\"GR\":\"" + gr.subtract(step).toPlainString() + "\"}}"));
    int rev = ApiTest.ok(server.get(anna, C + "/proposals/2.7-soc")).get("revision").asInt();
    // 2.7-soc has 581.000 in 2027 in the shipped budget; the API takes cents
    ApiTest.ok(server.json(anna, "PUT", C + "/proposals/2.7-soc", "{\"revision\":" + rev + ",\"amounts\":{\"2027\":68100000}}"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theChangePageNamesTheFieldWithItsValuesAndLinksToTheProposal() {
    var page = server.get(anna, "/v/" + Workspace.CONCEPT + "/wijzigingen");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("bedrag 2027: 581.000 → 681.000")
        .contains("href=\"/v/" + Workspace.CONCEPT + "/voorstel/2.7-soc\"");
    JsonNode api = ApiTest.ok(server.get(anna, C + "/changes?limit=1"));
    JsonNode first = api.get("changes").get(0);
    assertThat(first.get("actor").asString()).isEqualTo("anna");
    assertThat(first.get("fields").get(0).get("field").asString()).isEqualTo("bedrag 2027");
    assertThat(first.get("fields").get(0).get("text").asString()).isEqualTo("bedrag 2027: 581.000 → 681.000");
  }

  @Test
  void aKeyChangeNamesTheKeyByItsTitleAndTheMemberByItsNameInThePagesLanguage() {
    JsonNode members = ApiTest.ok(server.get(anna, C + "/tables")).get("members");
    String gelderland = null;
    for (JsonNode m : members) {
      if (m.get("id").asString().equals("GE")) {
        gelderland = m.get("name").asString();
      }
    }
    assertThat(gelderland).isNotNull().isNotEqualTo("GE");
    assertThat(keyTitle).isNotEqualTo("ipo");
    String dutch = server.get(anna, "/v/" + Workspace.CONCEPT + "/wijzigingen").body();
    assertThat(dutch).contains("verdeelsleutel " + keyTitle + ", " + gelderland + ": ").doesNotContain("verdeelsleutel ipo");
    var english = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/v/" + Workspace.CONCEPT + "/wijzigingen"))
        .header("Cookie", anna.cookie() + "; lang=en").GET().build());
    assertThat(english.body()).contains("distribution key " + keyTitle + ", " + gelderland + ": ").contains("amount 2027: 581.000 → 681.000")
        .doesNotContain("verdeelsleutel");
  }

  @Test
  void theLogLinksOnlyToVersionsTheReaderMayRead() {
    // the administrator reads the log but not the concept (Access: a concept is for staff); the entry about
    // 2.7-soc in the concept is listed for both, linked only for the controller who may open it
    String link = "href=\"/v/" + Workspace.CONCEPT + "/voorstel/2.7-soc\"";
    assertThat(server.get(anna, "/logboek?object=2.7-soc").body()).contains("581.000 → 681.000").contains(link);
    var theirs = server.get(admin, "/logboek?object=2.7-soc");
    assertThat(theirs.statusCode()).isEqualTo(200);
    assertThat(theirs.body()).contains("581.000 → 681.000").doesNotContain(link).doesNotContain("href=\"/v/" + Workspace.CONCEPT + "\"");
  }

  @Test
  void filtersByPersonObjectAndDateKeepTheirParametersWhilePaging() {
    String page = "/v/" + Workspace.CONCEPT + "/wijzigingen";
    String change = "581.000 → 681.000";
    assertThat(server.get(anna, page + "?persoon=anna").body()).contains(change);
    assertThat(server.get(anna, page + "?persoon=test").body()).doesNotContain(change).contains("versie aangemaakt");
    assertThat(server.get(anna, page + "?object=2.7-soc").body()).contains(change);
    assertThat(server.get(anna, page + "?object=1.1-ontleden").body()).doesNotContain(change);
    LocalDate today = LocalDate.now(AuditLog.ZONE);
    assertThat(server.get(anna, page + "?van=" + today + "&tot=" + today).body()).contains(change);
    assertThat(server.get(anna, page + "?van=" + today.plusDays(1)).body()).doesNotContain(change);
    assertThat(server.get(anna, page + "?tot=" + today.minusDays(1)).body()).doesNotContain(change);
    assertThat(server.get(anna, page + "?van=morgen").statusCode()).isEqualTo(400);
    JsonNode api = ApiTest.ok(server.get(anna, "/api/log?object=" + Workspace.CONCEPT + "&limit=1"));
    assertThat(api.get("next").asString()).contains("before=").contains("&object=" + Workspace.CONCEPT);
    JsonNode next = ApiTest.ok(server.get(anna, api.get("next").asString()));
    assertThat(next.get("changes").get(0).get("id").asLong()).isLessThan(api.get("changes").get(0).get("id").asLong());
    assertThat(server.get(anna, "/api/log?from=gisteren").statusCode()).isEqualTo(400);
  }

  @Test
  void aRefusedRequestIsLoggedWithWhoWhatAndWhere() {
    // a person who is not signed in is sent to the sign-in page (and the refusal is logged, as 401)
    var anonymous = server.anonymous("/logboek");
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/aanmelden"));
    assertThat(server.anonymous("/api/log").statusCode()).isEqualTo(401);
    assertThat(server.get(lid, "/logboek").statusCode()).isEqualTo(403);
    var refused = server.workspace.log().entries(new AuditLog.Filter(null, "GET /logboek", null, null, null), null, 10);
    assertThat(refused).extracting(Change::actor).contains("anoniem", "lid-ge");
    Change byLid = refused.stream().filter(c -> c.actor().equals("lid-ge")).findFirst().orElseThrow();
    assertThat(byLid.result()).isEqualTo("refused");
    assertThat(byLid.detail()).startsWith("403 ");
    assertThat(byLid.originAddress()).isEqualTo("127.0.0.1");
    assertThat(byLid.originClient()).startsWith("Java-http-client");
    assertThat(server.get(anna, "/logboek?persoon=lid-ge").body()).contains("verzoek geweigerd").contains("GET /logboek");
  }

  @Test
  void onlyAnAdministratorVerifiesTheChainAndSeesWhereItBreaks() {
    assertThat(server.get(anna, "/beheer/logboek?controleer=1").statusCode()).isEqualTo(403);
    assertThat(server.get(anna, "/api/log/verify").statusCode()).isEqualTo(403);
    assertThat(server.get(admin, "/beheer/logboek?controleer=1").body()).contains("De keten is intact");
    assertThat(ApiTest.ok(server.get(admin, "/api/log/verify")).get("intact").asBoolean()).isTrue();
  }
}
