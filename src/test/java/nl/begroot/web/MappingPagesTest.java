package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.core.model.LedgerRule;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger mapping's page and API on the built-in budget: everyone who reads the version sees the
 * rows; a controller changes them by form (a row deleted, a row added) or by API; a wrong row comes
 * back at its place with nothing saved; a budget holder is refused.
 */
class MappingPagesTest {
  static TestServer server;
  static TestServer.SignedIn controller;
  static TestServer.SignedIn budgethouder;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @BeforeAll
  static void start() {
    server = new TestServer();
    controller = server.signIn(Actor.person("carla", "Carla", Set.of(Role.CONTROLLER), Set.of(), null, false));
    budgethouder = server.signIn(Actor.person("bert", "Bert", Set.of(Role.BUDGETHOUDER), Set.of("4.2"), null, false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<LedgerRule> mapping() {
    return server.workspace.snapshot(Workspace.CONCEPT).orElseThrow().budget().ledgerMapping();
  }

  private static int revision() {
    return server.workspace.snapshot(Workspace.CONCEPT).orElseThrow().version().revision();
  }

  /** The form as the page sends it: every stored row, then the typed ones, numbered from 1. */
  private static Map<String, String> form(List<LedgerRule> rules, int deleted, String... added) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("revision", String.valueOf(revision()));
    int n = 0;
    for (LedgerRule r : rules) {
      n++;
      f.put("account." + n, r.account());
      f.put("costCentre." + n, r.costCentre() == null ? "" : r.costCentre());
      f.put("unit." + n, r.unit());
      f.put("side." + n, r.side().name().toLowerCase(java.util.Locale.ROOT));
      f.put("money." + n, r.money().code());
      f.put("thirdParty." + n, r.thirdParty() == null ? "" : r.thirdParty());
      if (n == deleted) {
        f.put("delete." + n, "ja");
      }
    }
    if (added.length > 0) {
      n++;
      String[] names = {"account", "costCentre", "unit", "side", "money", "thirdParty"};
      for (int i = 0; i < names.length; i++) {
        f.put(names[i] + "." + n, added[i]);
      }
    }
    f.put("rows", String.valueOf(n + 2));
    return f;
  }

  @Test
  void aControllerDeletesAndAddsRowsByTheForm() {
    List<LedgerRule> before = mapping();
    HttpResponse<String> page = server.get(controller, "/v/" + Workspace.CONCEPT + "/grootboekindeling");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Grootboekindeling").contains(before.size() + " regels").contains("name=\"account.1\"");

    HttpResponse<String> saved = server.form(controller, "/v/" + Workspace.CONCEPT + "/grootboekindeling",
        form(before, 1, "4998", "KP4.2", "4.2", "lasten", "own", ""));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    List<LedgerRule> after = mapping();
    assertThat(after).hasSize(before.size()); // one row deleted, one added
    assertThat(after).doesNotContain(before.get(0));
    assertThat(after.get(after.size() - 1).account()).isEqualTo("4998");
    assertThat(after.get(after.size() - 1).costCentre()).isEqualTo("KP4.2");
  }

  @Test
  void aWrongRowComesBackAtItsPlaceAndNothingIsSaved() {
    List<LedgerRule> before = mapping();
    HttpResponse<String> refused = server.form(controller, "/v/" + Workspace.CONCEPT + "/grootboekindeling",
        form(before, 0, "4997", "", "99.9", "lasten", "own", ""));
    assertThat(refused.statusCode()).isEqualTo(422);
    int row = before.size() + 1;
    assertThat(refused.body()).contains("Regel " + row + ": eenheid '99.9' is geen eenheid van een programma.")
        .contains("value=\"99.9\"").doesNotContain("Exception");
    assertThat(mapping()).isEqualTo(before);
  }

  @Test
  void aBudgetHolderReadsTheMappingButCannotChangeIt() {
    HttpResponse<String> page = server.get(budgethouder, "/v/" + Workspace.CONCEPT + "/grootboekindeling");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(mapping().get(0).account()).doesNotContain("name=\"account.1\"").doesNotContain("<form method=\"post\" action=\"/v/");
    HttpResponse<String> post = server.form(budgethouder, "/v/" + Workspace.CONCEPT + "/grootboekindeling", form(mapping(), 1));
    assertThat(post.statusCode()).isEqualTo(403);
    HttpResponse<String> put = server.json(budgethouder, "PUT", "/api/versions/" + Workspace.CONCEPT + "/ledger-mapping",
        "{\"revision\": " + revision() + ", \"ledger_mapping\": []}");
    assertThat(put.statusCode()).isEqualTo(403);
  }

  @Test
  void theApiReadsAndReplacesTheMapping() throws Exception {
    HttpResponse<String> get = server.get(controller, "/api/versions/" + Workspace.CONCEPT + "/ledger-mapping");
    assertThat(get.statusCode()).isEqualTo(200);
    JsonNode read = JSON.readTree(get.body());
    assertThat(read.get("ledger_mapping").size()).isEqualTo(mapping().size());
    LedgerRule first = mapping().get(0);
    assertThat(read.get("ledger_mapping").get(0).get("account").asString()).isEqualTo(first.account());

    String body = "{\"revision\": " + read.get("revision").asInt() + ", \"ledger_mapping\": [{\"account\": \"" + first.account()
        + "\", \"unit\": \"" + first.unit() + "\", \"side\": \"baten\", \"money\": \"own\"}, {\"account\": 4996, \"unit\": \"4.2\", \"side\": \"lasten\", \"money\": \"own\"}]}";
    HttpResponse<String> put = server.json(controller, "PUT", "/api/versions/" + Workspace.CONCEPT + "/ledger-mapping", body);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(mapping()).extracting(LedgerRule::account).containsExactly(first.account(), "4996");

    HttpResponse<String> bad = server.json(controller, "PUT", "/api/versions/" + Workspace.CONCEPT + "/ledger-mapping",
        "{\"revision\": " + revision() + ", \"ledger_mapping\": [{\"account\": \"1\", \"unit\": \"4.2\", \"side\": \"links\", \"money\": \"own\"}]}");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("row.1.side").contains("links");
    HttpResponse<String> stale = server.json(controller, "PUT", "/api/versions/" + Workspace.CONCEPT + "/ledger-mapping",
        "{\"revision\": " + read.get("revision").asInt() + ", \"ledger_mapping\": []}");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(mapping()).hasSize(2);
  }
}
