package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Proposal;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The role matrix (issue 9, section 2): every role and the anonymous visitor × every route of
 * {@link WebServer#routes()} × {own unit or member, another one, an adopted version}, each cell one
 * real request with a real session (cookie and CSRF header), asserting allowed or refused. The
 * expected answer comes from the table below, written from the descriptions of the roles,
 * not from {@link nl.begroot.core.access.Access}. Refused means 401, 403, or a redirect to the
 * sign-in page; allowed is anything else (a 404 or 422 for a placeholder is the route's own answer
 * after it let the person in).
 */
class RoleMatrixTest {
  /** What a route does, as the matrix groups them; every route of the server must be in {@link #ROUTES}. */
  enum Kind {
    /** Anyone: the health check, the API description, the language switch, the versions list (filtered), the home page. */
    PUBLIC,
    /** Reading a version: pages, tables, downloads, exports. */
    READ,
    /** A member's own statement or table. */
    MEMBER,
    /** A change to a proposal whose unit the request names (path, query or body). */
    PROPOSAL,
    /** The effect of a proposal not yet saved: the unit is not known before the body is read; any budget holder. */
    PREVIEW,
    /** A distribution key. */
    KEY,
    /** A new scenario: a copy, an imported file or workbook. */
    NEW_SCENARIO,
    /** Deleting a scenario. */
    DELETE,
    /**
     * Signing in and out: open to everyone. The route's own answer may be a refusal that is not the
     * permission check's (a wrong password is 401; SignInTest tests those), so its cells check only
     * that nothing fails (no 5xx).
     */
    SIGN_IN,
    /** Users and roles. */
    USERS,
    /** The organisation's log. */
    LOG,
    /** Verifying the log's chain. */
    VERIFY_LOG,
    /** Sharing a scenario or stopping to share it. */
    SHARE,
    /** Submitting a version for adoption, or taking it back (the cycle). */
    SUBMIT_VERSION,
    /** Adopting a version (vaststellen). */
    ADOPT,
    /** Publishing an adopted version. */
    PUBLISH,
    /** Starting a begrotingswijziging on an adopted version. */
    AMEND,
    /** Starting the definitive budget from an adopted concept (a controller's, like an amendment). */
    DEFINE,
    /** Submitting a proposal for approval. */
    SUBMIT_PROPOSAL,
    /** Approving or rejecting a proposal. */
    APPROVE,
    /** Importing realised figures (XAF, CSV): a controller's, also by an adopted version's mapping (it does not change the version). */
    IMPORT_ACTUALS,
    /** Starting the annual accounts (jaarrekening) from an adopted version: a controller's, like an amendment. */
    START_ACCOUNTS,
    /** Changing the annual accounts (an explanation, the threshold, the reserves): a controller's, never in an adopted version. */
    EDIT_ACCOUNTS
  }

  /** The cycle's steps: each cell takes its step in a version of its own, made for it, so no cell changes what another sees. */
  static final Set<Kind> STEPS = Set.of(Kind.SUBMIT_VERSION, Kind.ADOPT, Kind.PUBLISH, Kind.AMEND, Kind.DEFINE, Kind.SUBMIT_PROPOSAL,
      Kind.APPROVE);

  /** Every route and its kind (a route added to the server without a row here fails {@link #everyRouteIsInTheMatrix}). */
  static final Map<String, Kind> ROUTES = new LinkedHashMap<>();

  static {
    for (String r : List.of("GET /", "GET /taal/{lang}", "GET /organisaties", "GET /organisatie/{org}", "GET /versies", "GET /api/health", "GET /api/openapi.json", "GET /api/versions")) {
      ROUTES.put(r, Kind.PUBLIC);
    }
    for (String r : List.of("POST /versies", "POST /versies/inlezen", "POST /versies/werkmap", "POST /api/versions", "POST /api/import")) {
      ROUTES.put(r, Kind.NEW_SCENARIO);
    }
    for (String r : List.of("GET /v/{version}/download/{file}", "GET /vergelijk", "GET /v/{version}", "GET /v/{version}/programma/{programme}",
        "GET /v/{version}/voorstel/{proposal}", "GET /v/{version}/bijlage-1", "GET /v/{version}/provincies", "GET /v/{version}/kassiersfunctie",
        "GET /v/{version}/structureel", "GET /v/{version}/figuur", "GET /v/{version}/controle", "GET /v/{version}/afkortingen",
        "GET /v/{version}/zoeken", "GET /v/{version}/wijzigingen", "GET /v/{version}/sleutels", "GET /v/{version}/export", "GET /api/compare",
        "GET /api/versions/{version}", "GET /api/versions/{version}/export", "GET /api/versions/{version}/tables",
        "GET /api/versions/{version}/tables/{table}", "GET /api/versions/{version}/explain", "GET /api/versions/{version}/audit",
        "GET /api/versions/{version}/search", "GET /api/versions/{version}/changes", "GET /api/versions/{version}/proposals",
        "GET /api/versions/{version}/proposals/{proposal}", "GET /api/versions/{version}/keys/{key}", "GET /v/{version}/realisatie",
        "GET /api/versions/{version}/actuals")) {
      ROUTES.put(r, Kind.READ);
    }
    for (String r : List.of("GET /v/{version}/provincie/{member}/{file}", "GET /v/{version}/provincie/{member}",
        "GET /api/versions/{version}/members/{member}", "GET /api/versions/{version}/members/{member}/lines")) {
      ROUTES.put(r, Kind.MEMBER);
    }
    for (String r : List.of("GET /v/{version}/voorstel-nieuw", "POST /v/{version}/voorstel-nieuw", "GET /v/{version}/voorstel/{proposal}/wijzigen",
        "POST /v/{version}/voorstel/{proposal}/wijzigen", "POST /v/{version}/voorstel/{proposal}/intrekken",
        "POST /v/{version}/voorstel/{proposal}/terugzetten", "POST /api/versions/{version}/proposals",
        "PUT /api/versions/{version}/proposals/{proposal}", "POST /api/versions/{version}/proposals/{proposal}/withdraw",
        "POST /api/versions/{version}/proposals/{proposal}/reinstate")) {
      ROUTES.put(r, Kind.PROPOSAL);
    }
    ROUTES.put("POST /api/versions/{version}/preview", Kind.PREVIEW);
    ROUTES.put("POST /v/{version}/sleutels/{key}", Kind.KEY);
    ROUTES.put("PUT /api/versions/{version}/keys/{key}", Kind.KEY);
    ROUTES.put("GET /v/{version}/grootboekindeling", Kind.READ);
    ROUTES.put("GET /api/versions/{version}/ledger-mapping", Kind.READ);
    ROUTES.put("POST /v/{version}/grootboekindeling", Kind.KEY); // the ledger mapping is the version's data as a key is
    ROUTES.put("PUT /api/versions/{version}/ledger-mapping", Kind.KEY);
    ROUTES.put("POST /v/{version}/verwijderen", Kind.DELETE);
    ROUTES.put("DELETE /api/versions/{version}", Kind.DELETE);
    for (String r : List.of("GET /api/me", "GET /api/backup")) {
      ROUTES.put(r, Kind.PUBLIC);
    }
    for (String r : List.of("GET /aanmelden", "POST /aanmelden", "GET /aanmelden/stap", "POST /aanmelden/wachtwoord", "POST /aanmelden/code",
        "POST /afmelden")) {
      ROUTES.put(r, Kind.SIGN_IN);
    }
    for (String r : List.of("GET /beheer/gebruikers", "POST /beheer/gebruikers", "POST /beheer/gebruikers/{account}/{action}")) {
      ROUTES.put(r, Kind.USERS);
    }
    ROUTES.put("GET /logboek", Kind.LOG);
    ROUTES.put("GET /api/log", Kind.LOG);
    ROUTES.put("GET /beheer/logboek", Kind.VERIFY_LOG);
    ROUTES.put("GET /api/log/verify", Kind.VERIFY_LOG);
    // the cycle (docs/cycle.md)
    for (String r : List.of("GET /v/{version}/cyclus", "GET /v/{version}/na-wijziging", "GET /api/versions/{version}/amendments",
        "GET /api/versions/{version}/amendment", "GET /api/versions/{version}/after-amendments")) {
      ROUTES.put(r, Kind.READ);
    }
    for (String r : List.of("POST /v/{version}/cyclus/indienen", "POST /v/{version}/cyclus/terughalen", "POST /api/versions/{version}/submit",
        "POST /api/versions/{version}/take-back")) {
      ROUTES.put(r, Kind.SUBMIT_VERSION);
    }
    ROUTES.put("POST /v/{version}/cyclus/vaststellen", Kind.ADOPT);
    ROUTES.put("POST /api/versions/{version}/adopt", Kind.ADOPT);
    ROUTES.put("POST /v/{version}/cyclus/publiceren", Kind.PUBLISH);
    ROUTES.put("POST /api/versions/{version}/publish", Kind.PUBLISH);
    ROUTES.put("POST /v/{version}/wijziging", Kind.AMEND);
    ROUTES.put("POST /api/versions/{version}/amendments", Kind.AMEND);
    ROUTES.put("POST /v/{version}/definitief", Kind.DEFINE);
    ROUTES.put("POST /api/versions/{version}/definitive", Kind.DEFINE);
    ROUTES.put("GET /v/{version}/volgend-jaar", Kind.READ);
    ROUTES.put("GET /api/versions/{version}/next-frame", Kind.READ);
    ROUTES.put("POST /v/{version}/voorstel/{proposal}/indienen", Kind.SUBMIT_PROPOSAL);
    ROUTES.put("POST /api/versions/{version}/proposals/{proposal}/submit", Kind.SUBMIT_PROPOSAL);
    for (String r : List.of("POST /v/{version}/voorstel/{proposal}/goedkeuren", "POST /v/{version}/voorstel/{proposal}/afwijzen",
        "POST /api/versions/{version}/proposals/{proposal}/approve", "POST /api/versions/{version}/proposals/{proposal}/reject")) {
      ROUTES.put(r, Kind.APPROVE);
    }
    // the Tussenrapportage (docs/midyear.md): read like the version; started by a controller (like an amendment);
    // a forecast is a controller's while the version is a concept, nobody's once adopted (like a key)
    for (String r : List.of("GET /v/{version}/tussenrapportage", "GET /v/{version}/tussenrapportage/{file}",
        "GET /v/{version}/tussenrapportage/open-data", "GET /api/versions/{version}/midyear")) {
      ROUTES.put(r, Kind.READ);
    }
    ROUTES.put("POST /v/{version}/tussenrapportage", Kind.AMEND);
    ROUTES.put("POST /v/{version}/tussenrapportage/prognose", Kind.KEY);
    ROUTES.put("POST /v/{version}/realisatie", Kind.IMPORT_ACTUALS);
    ROUTES.put("POST /api/versions/{version}/actuals", Kind.IMPORT_ACTUALS);
    // the annual accounts (docs/accounts.md)
    for (String r : List.of("GET /v/{version}/jaarrekening", "GET /v/{version}/jaarrekening/lid/{member}",
        "GET /v/{version}/jaarrekening/open-data", "GET /v/{version}/jaarrekening/{file}", "GET /api/versions/{version}/accounts")) {
      ROUTES.put(r, Kind.READ);
    }
    ROUTES.put("POST /v/{version}/jaarrekening-beginnen", Kind.START_ACCOUNTS);
    ROUTES.put("POST /v/{version}/jaarrekening/toelichting", Kind.EDIT_ACCOUNTS);
    ROUTES.put("POST /v/{version}/jaarrekening/drempel", Kind.EDIT_ACCOUNTS);
    ROUTES.put("POST /v/{version}/jaarrekening/reserves", Kind.EDIT_ACCOUNTS);
    for (String r : List.of("POST /v/{version}/delen", "POST /api/versions/{version}/share", "POST /api/versions/{version}/unshare")) {
      ROUTES.put(r, Kind.SHARE);
    }
  }

  /** Who asks: the anonymous visitor and one person per role. */
  enum Who { ANONIEM, LEZER, LID, BUDGETHOUDER, CONTROLLER, BESTUUR, BEHEERDER }

  /** Where: the person's own unit, member or scenario; another one; an adopted version. */
  enum Where { OWN, OTHER, ADOPTED }

  /**
   * The expected answer, from the role descriptions. For the concept version (not yet shared
   * with the members; OWN and OTHER): lezer and lid read what is shared with members (the concept is
   * not), a budgethouder drafts and submits proposals in their own units, a controller does all
   * proposals, keys and versions, submits the version and approves proposals (of others: the cells'
   * proposals are nobody's in the matrix), bestuur reads and adopts (with the second factor, which the
   * matrix's bestuur has), publishing is the board's or a controller's, an amendment a controller's,
   * beheerder manages users and changes no budget; a scenario is its author's; anonymous visitors
   * read only published versions. The cycle's steps are let through for whoever may take them even
   * where the step itself then says no (submitting a concept that is not complete, publishing a
   * concept: 422 after the permission check).
   *
   * <p>For an adopted version (ADOPTED, the request otherwise as OWN): it is shared with the members,
   * so everyone signed in reads it (lid: their own statement), the anonymous visitor does not (it is
   * not published); it is final for every role, beheerder included: no proposal, key, submission,
   * adoption, review, share or delete. What is left is what does not change it: publishing it (the
   * board or a controller), and starting an amendment of it (a controller).
   */
  static boolean expected(Kind kind, Who who, Where where) {
    boolean staff = who == Who.BUDGETHOUDER || who == Who.CONTROLLER || who == Who.BESTUUR;
    if (where == Where.ADOPTED) {
      return switch (kind) {
        case PUBLIC, SIGN_IN -> true;
        case READ, MEMBER -> who != Who.ANONIEM;
        case PROPOSAL, PREVIEW, KEY, DELETE, SHARE, SUBMIT_VERSION, ADOPT, SUBMIT_PROPOSAL, APPROVE -> false;
        case NEW_SCENARIO -> who == Who.CONTROLLER || who == Who.BUDGETHOUDER; // about no version
        case PUBLISH -> who == Who.CONTROLLER || who == Who.BESTUUR;
        case AMEND, DEFINE, IMPORT_ACTUALS, START_ACCOUNTS -> who == Who.CONTROLLER;
        case EDIT_ACCOUNTS -> false;
        case USERS, VERIFY_LOG -> who == Who.BEHEERDER;
        case LOG -> who == Who.CONTROLLER || who == Who.BESTUUR || who == Who.BEHEERDER;
      };
    }
    return switch (kind) {
      case PUBLIC -> true;
      case READ, MEMBER -> staff;
      case PROPOSAL, SUBMIT_PROPOSAL -> who == Who.CONTROLLER || (who == Who.BUDGETHOUDER && where == Where.OWN);
      case PREVIEW, NEW_SCENARIO -> who == Who.CONTROLLER || who == Who.BUDGETHOUDER;
      case KEY, SUBMIT_VERSION, APPROVE, AMEND, DEFINE, IMPORT_ACTUALS, START_ACCOUNTS, EDIT_ACCOUNTS -> who == Who.CONTROLLER;
      case ADOPT -> who == Who.BESTUUR;
      case PUBLISH -> who == Who.CONTROLLER || who == Who.BESTUUR;
      case DELETE, SHARE -> who != Who.ANONIEM && where == Where.OWN;
      case SIGN_IN -> true;
      case USERS, VERIFY_LOG -> who == Who.BEHEERDER; // with the second factor, which the matrix's beheerder has
      case LOG -> who == Who.CONTROLLER || who == Who.BESTUUR || who == Who.BEHEERDER;
    };
  }

  static TestServer server;
  static final Map<Who, TestServer.SignedIn> SESSIONS = new LinkedHashMap<>();
  static final Map<Who, Actor> ACTORS = new LinkedHashMap<>();
  static String ownUnit;
  static String otherUnit;
  static String ownProposal;
  static String otherProposal;
  static String ownMember;
  static String otherMember;
  static String keyId;
  /** The adopted version the ADOPTED cells read and try to write: the concept's content, adopted. */
  static String adopted;
  static final AtomicInteger SCENARIOS = new AtomicInteger();

  @BeforeAll
  static void start() {
    server = new TestServer(BudgetGenerator.generate(7, new BudgetGenerator.Size(16, 2, 4, 2, 3, 2)));
    Snapshot s = server.workspace.snapshot(Workspace.CONCEPT).orElseThrow();
    List<Proposal> entered = s.budget().proposals().stream().filter(p -> p.rule() == Proposal.Rule.ENTERED).toList();
    Proposal first = entered.get(0);
    ownUnit = first.unit();
    ownProposal = first.id();
    Proposal other = entered.stream().filter(p -> !p.unit().equals(ownUnit) && !p.unit().startsWith(ownUnit + ".")).findFirst().orElseThrow();
    otherUnit = other.unit();
    otherProposal = other.id();
    ownMember = s.budget().members().get(0).id();
    otherMember = s.budget().members().get(1).id();
    keyId = s.budget().keys().get(0).id();
    ACTORS.put(Who.LEZER, Actor.person("m-lezer", "Lezer", Set.of(Role.LEZER), Set.of(), null, false));
    ACTORS.put(Who.LID, Actor.person("m-lid", "Lid", Set.of(Role.LID), Set.of(), ownMember, false));
    ACTORS.put(Who.BUDGETHOUDER, Actor.person("m-bh", "Budgethouder", Set.of(Role.BUDGETHOUDER), Set.of(ownUnit), null, false));
    ACTORS.put(Who.CONTROLLER, Actor.person("m-controller", "Controller", Set.of(Role.CONTROLLER), Set.of(), null, false));
    ACTORS.put(Who.BESTUUR, Actor.person("m-bestuur", "Bestuur", Set.of(Role.BESTUUR), Set.of(), null, true));
    ACTORS.put(Who.BEHEERDER, Actor.person("m-beheerder", "Beheerder", Set.of(Role.BEHEERDER), Set.of(), null, true));
    ACTORS.forEach((who, actor) -> SESSIONS.put(who, server.signIn(actor)));
    adopted = official(true);
    assertThat(server.workspace.version(adopted).orElseThrow().status()).isEqualTo(nl.begroot.core.cycle.VersionStatus.VASTGESTELD);
  }

  /**
   * A new official version with the concept's content and proposals, every line approved (as the seed
   * does), made by "matrix" (so that no matrix person is a proposal's author); adopted when asked, as
   * the seed adopts the frame. Made through the store, not through the cycle: a fixture.
   */
  static String official(boolean adopt) {
    Snapshot s = server.workspace.snapshot(Workspace.CONCEPT).orElseThrow();
    String slug = "matrix-officieel-" + SCENARIOS.incrementAndGet();
    List<nl.begroot.store.NewProposal> rows = s.rows().stream()
        .map(r -> new nl.begroot.store.NewProposal(r.proposalId(), r.unitId(), r.title(), r.bodyYaml(), r.withdrawn())).toList();
    server.workspace.store().create(slug, "Matrix officieel " + slug, "concept", null, s.version().baseYaml(), rows, "matrix", "version.seed")
        .orElseThrow();
    server.workspace.store().seedDecisions(slug, "matrix", adopt ? new nl.begroot.store.VersionStore.Adoption(java.time.LocalDate.of(2026, 12, 1),
        "Algemene Vergadering", "Matrix " + slug, "matrix") : null, "matrix");
    return slug;
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyRouteIsInTheMatrix() {
    assertThat(server.server.routes()).as("routes without a row in the matrix's table").allSatisfy(r -> assertThat(ROUTES).containsKey(r));
    assertThat(ROUTES.keySet()).as("rows for routes the server no longer has").allSatisfy(r -> assertThat(server.server.routes()).contains(r));
  }

  @TestFactory
  Stream<DynamicContainer> matrix() {
    List<DynamicContainer> byRoute = new ArrayList<>();
    for (String route : server.server.routes()) {
      Kind kind = ROUTES.get(route);
      List<DynamicTest> cells = new ArrayList<>();
      for (Who who : Who.values()) {
        for (Where where : Where.values()) {
          cells.add(DynamicTest.dynamicTest(who + " × " + where, () -> cell(route, kind, who, where)));
        }
      }
      byRoute.add(DynamicContainer.dynamicContainer(route, cells));
    }
    return byRoute.stream();
  }

  private static void cell(String route, Kind kind, Who who, Where where) {
    assertThat(kind).as("route " + route + " has a row in the matrix").isNotNull();
    HttpResponse<String> response = server.sendAnonymous(request(route, kind, who, where));
    boolean refused = response.statusCode() == 401 || response.statusCode() == 403
        || (response.statusCode() == 303 && response.headers().firstValue("Location").orElse("").startsWith("/aanmelden"));
    boolean allow = expected(kind, who, where);
    if (kind == Kind.SIGN_IN) {
      assertThat(response.statusCode()).as(route + " as " + who).isLessThan(500);
      return;
    }
    assertThat(!refused).as("%s as %s (%s): expected %s, got %d %s", route, who, where, allow ? "allowed" : "refused",
        response.statusCode(), response.body().length() > 300 ? response.body().substring(0, 300) : response.body()).isEqualTo(allow);
    assertThat(response.statusCode()).as(route + " as " + who).isLessThan(500);
    if (refused && route.startsWith("GET /api/") || refused && !route.startsWith("GET ")) {
      assertThat(response.statusCode()).as("a refused API request or write says 401 or 403").isIn(401, 403);
      assertThat(response.statusCode() == 401).as("401 exactly for the anonymous visitor").isEqualTo(who == Who.ANONIEM);
    }
  }

  private static HttpRequest request(String route, Kind kind, Who who, Where where) {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1);
    String version = where == Where.ADOPTED ? adopted : Workspace.CONCEPT;
    if (STEPS.contains(kind)) {
      // a step of the cycle changes its version: a version of its own for each cell, adopted for ADOPTED
      version = official(where == Where.ADOPTED);
    } else if ((kind == Kind.DELETE || kind == Kind.SHARE) && where != Where.ADOPTED) {
      // a scenario of this person's own, or of someone else
      String owner = where == Where.OWN ? (who == Who.ANONIEM ? Actor.ANONYMOUS.id() : ACTORS.get(who).id()) : "iemand-anders";
      version = server.workspace.copy(Workspace.CONCEPT, "Matrix " + SCENARIOS.incrementAndGet(), Actor.system(owner)) instanceof
          nl.begroot.workspace.EditResult.Saved saved ? saved.id() : null;
    }
    boolean own = where != Where.OTHER;
    String unit = own ? ownUnit : otherUnit;
    path = path.replace("{version}", version).replace("{proposal}", own ? ownProposal : otherProposal)
        .replace("{member}", own ? ownMember : otherMember).replace("{lang}", "en").replace("{org}", "ipo").replace("{programme}", "1")
        .replace("{table}", "tabel-1").replace("{key}", keyId)
        .replace("{account}", "niemand").replace("{action}", "uitschakelen")
        .replace("{file}", path.contains("provincie") ? "verklaring.html" : "begroting.html");
    if ((path.equals("/vergelijk") || path.equals("/api/compare")) && where == Where.ADOPTED) {
      path += "?a=" + Workspace.FRAME + "&b=" + adopted; // two adopted versions (the seed adopts the frame)
    }
    if (path.endsWith("/voorstel-nieuw") && method.equals("GET")) {
      path += "?unit=" + unit;
    }
    String url = server.base() + path;
    // signing in and out is sent without the person's session: a sign-out would end it for the cells after it
    boolean asNobody = who == Who.ANONIEM || kind == Kind.SIGN_IN;
    HttpRequest.Builder b = asNobody ? HttpRequest.newBuilder(URI.create(url)) : SESSIONS.get(who).request(url);
    String csrf = who == Who.ANONIEM ? "" : SESSIONS.get(who).csrf();
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (path.startsWith("/api/") && !method.equals("GET")) {
      b.header("Content-Type", "application/json");
      body = HttpRequest.BodyPublishers.ofString(kind == Kind.PROPOSAL ? "{\"unit\": \"" + unit + "\"}" : "{}");
    } else if (!method.equals("GET")) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
      body = HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + (kind == Kind.PROPOSAL ? "&unit=" + unit : ""));
    }
    return b.timeout(java.time.Duration.ofSeconds(30)).method(method, body).build();
  }
}
