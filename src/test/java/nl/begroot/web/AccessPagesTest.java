package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Proposal;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deny by default at the routes, what anonymous visitors see, refusals that say why, pages that show only what the reader can do. */
class AccessPagesTest {
  static TestServer server;
  static Proposal own;
  static Proposal other;
  static Actor bh;
  static TestServer.SignedIn budgethouder;
  static TestServer.SignedIn controller;
  static TestServer.SignedIn lezer;

  @BeforeAll
  static void start() {
    server = new TestServer(BudgetGenerator.generate(11, new BudgetGenerator.Size(16, 2, 4, 2, 3, 2)));
    Snapshot s = server.workspace.snapshot(Workspace.CONCEPT).orElseThrow();
    own = s.budget().proposals().stream().filter(p -> p.rule() == Proposal.Rule.ENTERED).findFirst().orElseThrow();
    other = s.budget().proposals().stream().filter(p -> p.rule() == Proposal.Rule.ENTERED && !p.unit().equals(own.unit())).findFirst().orElseThrow();
    bh = Actor.person("bart", "Bart", Set.of(Role.BUDGETHOUDER), Set.of(own.unit()), null, false);
    budgethouder = server.signIn(bh);
    controller = server.signIn(Actor.person("carla", "Carla", Set.of(Role.CONTROLLER), Set.of(), null, false));
    lezer = server.signIn(Actor.person("lea", "Lea", Set.of(Role.LEZER), Set.of(), null, false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyRouteDeclaresAPermissionAndOneThatDoesNotIsRefused() {
    for (String route : server.server.routes()) {
      assertThat(server.server.permission(route)).as(route + " declares its permission").isPresent();
    }
    WebServer leaky = new WebServer(server.workspace, r -> {
      r.get("/lek", ctx -> ctx.result("geheim"));
      r.get("/api/lek", ctx -> ctx.result("geheim"));
    }).start("127.0.0.1", 0);
    try {
      assertThat(leaky.routes()).contains("GET /lek");
      assertThat(leaky.permission("GET /lek")).as("the walk above would fail for it").isEmpty();
      String base = "http://127.0.0.1:" + leaky.port();
      HttpResponse<String> page = server.send(controller.request(base + "/lek").GET().build());
      assertThat(page.statusCode()).isEqualTo(403);
      assertThat(page.body()).doesNotContain("geheim").contains("geen recht");
      HttpResponse<String> api = server.sendAnonymous(HttpRequest.newBuilder(URI.create(base + "/api/lek")).GET().build());
      assertThat(api.statusCode()).isEqualTo(403);
      assertThat(api.body()).doesNotContain("geheim").contains("declares no permission");
    } finally {
      leaky.stop();
    }
  }

  @Test
  void anAnonymousVisitorIsSentToSignInAndSeesNoUnpublishedVersion() {
    HttpResponse<String> home = server.anonymous("/");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location")).hasValue("/versies");
    HttpResponse<String> list = server.anonymous("/versies");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("href=\"/aanmelden?terug=%2Fversies\"").contains("Meld u aan")
        .doesNotContain("/v/" + Workspace.CONCEPT).doesNotContain("action=\"/versies\"")
        // an empty list is a sentence, not a table of headers without rows
        .contains("Er is geen versie die u zonder aanmelden kunt lezen").doesNotContain("<table");
    assertThat(server.anonymous("/api/versions").body()).isEqualTo("{\"versions\":[]}");
    HttpResponse<String> page = server.anonymous("/v/" + Workspace.CONCEPT + "/bijlage-1?exact=1");
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/aanmelden?terug=%2Fv%2F" + Workspace.CONCEPT + "%2Fbijlage-1%3Fexact%3D1");
    HttpResponse<String> api = server.anonymous("/api/versions/" + Workspace.CONCEPT);
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    HttpResponse<String> write = server.sendAnonymous(HttpRequest.newBuilder(URI.create(server.base() + "/v/" + Workspace.CONCEPT + "/verwijderen"))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(write.statusCode()).isEqualTo(401);
    assertThat(write.body()).contains("href=\"/aanmelden?terug=");
    // a typed name signs nobody in
    HttpResponse<String> named = server.sendAnonymous(HttpRequest.newBuilder(URI.create(server.base() + "/api/versions/" + Workspace.CONCEPT + "/proposals"))
        .header("Content-Type", "application/json").header("X-Begroot-User", "carla")
        .POST(HttpRequest.BodyPublishers.ofString("{\"author\": \"carla\"}")).build());
    assertThat(named.statusCode()).isEqualTo(401);
  }

  @Test
  void aRefusalSaysWhyInTheReadersLanguage() {
    HttpResponse<String> nl = server.get(lezer, "/v/" + Workspace.CONCEPT);
    assertThat(nl.statusCode()).isEqualTo(403);
    assertThat(nl.body()).contains("Geen toegang").contains("nog niet met de leden gedeeld");
    HttpResponse<String> en = server.send(lezer.request(server.base() + "/v/" + Workspace.CONCEPT)
        .header("Cookie", lezer.cookie() + "; lang=en").GET().build());
    assertThat(en.statusCode()).isEqualTo(403);
    assertThat(en.body()).contains("Not allowed").contains("has not been shared with the members yet");
    HttpResponse<String> api = server.get(lezer, "/api/versions/" + Workspace.CONCEPT);
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(api.body()).contains("\"detail\":\"This version has not been shared with the members yet.\"")
        .contains("\"reason_nl\":\"Deze versie is nog niet met de leden gedeeld.\"");
  }

  @Test
  void theWorkspaceRefusesABudgetHolderOutsideTheirUnitsEvenWhenTheRouteLetsThemIn() {
    String body = "{\"id\": \"x-1\", \"unit\": \"" + other.unit() + "\", \"title\": \"Elders\", \"side\": \"lasten\", \"nature\": \"recurring\","
        + " \"amounts\": {}}";
    HttpResponse<String> r = server.json(budgethouder, "POST", "/api/versions/" + Workspace.CONCEPT + "/proposals", body);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("You are not a budget holder of this unit.");
    assertThat(server.workspace.snapshot(Workspace.CONCEPT).orElseThrow().budget().proposal("x-1")).isEmpty();
  }

  @Test
  void pagesShowOnlyTheActionsTheReaderMayTakeAndTheCacheKeepsThemApart() {
    String otherPage = "/v/" + Workspace.CONCEPT + "/voorstel/" + other.id();
    String edit = "/voorstel/" + other.id() + "/wijzigen";
    // the controller's page (with its actions) is rendered and kept first ...
    assertThat(server.get(controller, otherPage).body()).contains(edit).contains("/intrekken");
    // ... and is not what the budget holder gets for the same page
    HttpResponse<String> forBh = server.get(budgethouder, otherPage);
    assertThat(forBh.statusCode()).isEqualTo(200);
    assertThat(forBh.body()).doesNotContain(edit).doesNotContain("/intrekken");
    assertThat(server.get(budgethouder, "/v/" + Workspace.CONCEPT + "/voorstel/" + own.id()).body())
        .contains("/voorstel/" + own.id() + "/wijzigen");
    // keys: read-only for a budget holder
    assertThat(server.get(controller, "/v/" + Workspace.CONCEPT + "/sleutels").body()).contains("type=\"submit\">Opslaan</button>")
        .doesNotContain("readonly");
    assertThat(server.get(budgethouder, "/v/" + Workspace.CONCEPT + "/sleutels").body()).doesNotContain("type=\"submit\">Opslaan</button>")
        .contains("readonly");
  }

  @Test
  void theVersionsListShowsEachPersonWhatTheyMayReadAndDeleteOnlyTheirOwn() {
    String slug = ((EditResult.Saved) server.workspace.copy(Workspace.CONCEPT, "Barts zandbak", bh)).id();
    assertThat(server.get(budgethouder, "/versies").body()).contains("/v/" + slug + "\"").contains("action=\"/v/" + slug + "/verwijderen\"");
    assertThat(server.get(controller, "/versies").body()).doesNotContain("/v/" + slug).contains("/v/" + Workspace.CONCEPT + "\"");
    assertThat(server.get(controller, "/api/versions").body()).doesNotContain(slug);
    assertThat(server.get(controller, "/v/" + slug).statusCode()).isEqualTo(403);
    assertThat(server.json(controller, "DELETE", "/api/versions/" + slug, null).statusCode()).isEqualTo(403);
    assertThat(server.get(lezer, "/versies").body()).doesNotContain("/v/" + Workspace.CONCEPT + "\"").doesNotContain("action=\"/versies\"");
    assertThat(server.json(budgethouder, "DELETE", "/api/versions/" + slug, null).statusCode()).isEqualTo(204);
  }
}
