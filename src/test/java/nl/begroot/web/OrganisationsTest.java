package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import nl.begroot.TestBudgets;
import nl.begroot.core.access.Role;
import nl.begroot.core.cycle.VersionStatus;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.store.AccountStore;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several organisations in one installation (decisions 164-166): the IPO and the fictitious GR Voorbeeldregio
 * seeded side by side; a controller of one organisation cannot change the other's versions (403, not 500),
 * through the API and the pages; a person's roles in a further organisation count there and only there; the
 * lists follow the selected organisation.
 */
class OrganisationsTest {
  static final String GR = BudgetFiles.EXAMPLE_ORGANISATION;
  static TestServer server;
  /** Controller of the GR only. */
  static TestServer.SignedIn gerda;
  /** Controller of the IPO (its own organisation, the first), reader (lezer) in the GR. */
  static TestServer.SignedIn ivo;

  @BeforeAll
  static void start() {
    server = new TestServer();
    server.workspace.seedExampleIfAbsent(() -> ((LoadResult.Loaded) BudgetFiles.loadExample()).budget(), GR, TestBudgets.SEED);
    var accounts = server.workspace.people().accounts();
    accounts.create(new AccountStore.Account("gerda", "Gerda", Set.of(Role.CONTROLLER), Set.of(), null, false, GR, null), "test");
    accounts.create(new AccountStore.Account("ivo", "Ivo", Set.of(Role.CONTROLLER), Set.of(), null, false), "test");
    assertThat(server.workspace.people().grant("ivo", GR, Set.of(Role.LEZER), "test")).isTrue();
    gerda = session("gerda");
    ivo = session("ivo");
  }

  static TestServer.SignedIn session(String id) {
    String token = server.workspace.people().accounts().startSession(id, false).orElseThrow();
    return new TestServer.SignedIn(WebServer.SESSION_COOKIE + "=" + token, AccountStore.csrfToken(token));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void bothOrganisationsAreSeededWithTheirOwnVersions() {
    assertThat(server.workspace.organisations()).extracting(o -> o.slug()).containsExactly("ipo", GR);
    StoredVersion concept = server.workspace.version(Workspace.EXAMPLE_CONCEPT).orElseThrow();
    StoredVersion frame = server.workspace.version(Workspace.EXAMPLE_FRAME).orElseThrow();
    assertThat(concept.organisation()).isEqualTo(GR);
    assertThat(frame.organisation()).isEqualTo(GR);
    assertThat(frame.status()).isEqualTo(VersionStatus.VASTGESTELD);
    assertThat(server.workspace.version(Workspace.CONCEPT).orElseThrow().organisation()).isEqualTo("ipo");
    assertThat(server.workspace.conceptOf(GR)).contains(Workspace.EXAMPLE_CONCEPT);
    assertThat(server.workspace.conceptOf("ipo")).contains(Workspace.CONCEPT);
    int before = server.workspace.versions().size();
    server.workspace.seedExampleIfAbsent(() -> {
      throw new AssertionError("a seeded example is not read again");
    }, GR, TestBudgets.SEED);
    assertThat(server.workspace.versions()).hasSize(before);
    // the example computes: its concept's members are the six municipalities
    assertThat(server.workspace.snapshot(Workspace.EXAMPLE_CONCEPT).orElseThrow().budget().members()).hasSize(6);
  }

  private static int revision(String version, String proposal) {
    var s = server.workspace.snapshot(version).orElseThrow();
    return s.row(proposal).orElseThrow().revision();
  }

  @Test
  void aControllerOfOneOrganisationCannotChangeAnothersVersionThroughTheApi() {
    HttpResponse<String> other = server.json(gerda, "POST", "/api/versions/" + Workspace.CONCEPT + "/proposals/2.7-soc/withdraw",
        "{\"revision\": " + revision(Workspace.CONCEPT, "2.7-soc") + "}");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
    assertThat(server.workspace.snapshot(Workspace.CONCEPT).orElseThrow().row("2.7-soc").orElseThrow().withdrawn()).isFalse();

    HttpResponse<String> own = server.json(gerda, "POST", "/api/versions/" + Workspace.EXAMPLE_CONCEPT + "/proposals/1.1-griffie/withdraw",
        "{\"revision\": " + revision(Workspace.EXAMPLE_CONCEPT, "1.1-griffie") + "}");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    HttpResponse<String> back = server.json(gerda, "POST", "/api/versions/" + Workspace.EXAMPLE_CONCEPT + "/proposals/1.1-griffie/reinstate",
        "{\"revision\": " + revision(Workspace.EXAMPLE_CONCEPT, "1.1-griffie") + "}");
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
  }

  @Test
  void aControllerOfOneOrganisationCannotChangeAnothersVersionThroughThePages() {
    HttpResponse<String> other = server.form(gerda, "/v/" + Workspace.CONCEPT + "/voorstel/2.7-soc/intrekken",
        Map.of("revision", String.valueOf(revision(Workspace.CONCEPT, "2.7-soc")), "bevestigd", "ja"));
    assertThat(other.statusCode()).isEqualTo(403);
    // and the IPO's concept is not even readable for her (it is the IPO's, not yet shared)
    assertThat(server.get(gerda, "/v/" + Workspace.CONCEPT).statusCode()).isEqualTo(403);
    assertThat(server.get(gerda, "/v/" + Workspace.EXAMPLE_CONCEPT).statusCode()).isEqualTo(200);
  }

  @Test
  void rolesInAFurtherOrganisationCountThereOnly() {
    // ivo is a controller in the IPO: he may change its concept's key page; in the GR he is a reader
    HttpResponse<String> ownCycle = server.get(ivo, "/v/" + Workspace.CONCEPT);
    assertThat(ownCycle.statusCode()).isEqualTo(200);
    HttpResponse<String> grChange = server.json(ivo, "POST", "/api/versions/" + Workspace.EXAMPLE_CONCEPT + "/proposals/1.1-griffie/withdraw",
        "{\"revision\": " + revision(Workspace.EXAMPLE_CONCEPT, "1.1-griffie") + "}");
    assertThat(grChange.statusCode()).as(grChange.body()).isEqualTo(403);
    // a reader reads the GR's adopted frame, not its concept (not yet shared with the members)
    assertThat(server.get(ivo, "/v/" + Workspace.EXAMPLE_FRAME).statusCode()).isEqualTo(200);
    assertThat(server.get(ivo, "/v/" + Workspace.EXAMPLE_CONCEPT).statusCode()).isEqualTo(403);
  }

  @Test
  void theListsFollowTheSelectedOrganisation() {
    HttpResponse<String> choose = server.send(ivo.request(server.base() + "/organisatie/" + GR).GET().build());
    assertThat(choose.statusCode()).isIn(302, 303);
    String cookie = choose.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("org=")).findFirst().orElseThrow();
    assertThat(cookie).startsWith("org=" + GR);
    HttpRequest gr = HttpRequest.newBuilder(java.net.URI.create(server.base() + "/versies"))
        .header("Cookie", ivo.cookie() + "; org=" + GR).GET().build();
    String grList = server.send(gr).body();
    assertThat(grList).contains(Workspace.EXAMPLE_FRAME).doesNotContain("/v/" + Workspace.FRAME + "\"");
    String ipoList = server.get(ivo, "/versies").body();
    assertThat(ipoList).contains("/v/" + Workspace.FRAME).doesNotContain(Workspace.EXAMPLE_FRAME);
    // the page names the organisation and offers the others
    assertThat(grList).contains("Gemeenschappelijke Regeling Voorbeeldregio").contains("/organisaties");
    // an unknown organisation is a 404, not a 500
    assertThat(server.get(ivo, "/organisatie/bestaat-niet").statusCode()).isEqualTo(404);
    // the API lists one organisation's versions when asked
    String api = server.get(ivo, "/api/versions?organisation=" + GR).body();
    assertThat(api).contains(Workspace.EXAMPLE_FRAME).doesNotContain("\"" + Workspace.FRAME + "\"");
  }

  @Test
  void theMembersAreCalledAsTheBudgetCallsThem() {
    String annex = server.get(gerda, "/v/" + Workspace.EXAMPLE_CONCEPT + "/provincies").body();
    assertThat(annex).contains("Gemeente").contains("Voorbeeldstad").doesNotContain("Provincie");
    String ipo = server.get(ivo, "/v/" + Workspace.CONCEPT + "/provincies").body();
    assertThat(ipo).contains("Provincie");
  }
}
