package nl.begroot.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;
import java.util.Optional;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.access.Scope;
import nl.begroot.workspace.Snapshot;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.workspace.Workspace;
import nl.begroot.workspace.VersionFinal;
import nl.begroot.core.cycle.ProposalMove;
import nl.begroot.core.cycle.VersionMove;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server: routes for the pages and the API, static files, and one error policy: a user
 * sees a page or a problem document that says what went wrong, never a stack trace; anything
 * unexpected is logged and answered with a plain 500 page or problem.
 */
public final class WebServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  /**
   * Requests larger than this are refused with 413 before they are read: the largest budget file
   * and the form around it ({@link nl.begroot.core.model.BudgetSize}, decision 193).
   */
  public static final long MAX_REQUEST_BYTES = (long) nl.begroot.core.model.BudgetSize.MAX_CHARS + nl.begroot.core.model.BudgetSize.REQUEST_MARGIN;
  /** Request threads at most (Jetty's pool); a request waiting for its body holds none (see below). */
  public static final int MAX_THREADS = 64;
  /** A request body must arrive at least this fast (bytes per second, measured from its first byte). */
  public static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;
  /** A connection that sends nothing for this long is closed (milliseconds). */
  public static final long IDLE_TIMEOUT_MILLIS = 15_000;

  /** The cookie that carries a session's token. */
  public static final String SESSION_COOKIE = "begroot_sessie";

  private final Javalin app;
  private final Workspace workspace;
  private final List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, Permission> permissions = new java.util.concurrent.ConcurrentHashMap<>();

  /** How a route finds what it is about (the {@link Scope} that {@link Access} decides on). */
  enum Find {
    /**
     * From the path: the version from {@code {version}}, the proposal's unit and author from
     * {@code {proposal}} (else the unit from the query's {@code unit}), the member from {@code {member}};
     * no version in the path: about no version in particular.
     */
    PATH,
    /** The two versions compared, {@code ?a=} and {@code ?b=} (the frame and the concept when not given): both must be readable. */
    COMPARED
  }

  /** A route's declared permission, kept with its endpoint; a route without one is refused (deny by default). */
  record Guard(Permission permission, Find find) implements EndpointMetadata {}

  /** A refused request: sign-in may help (anonymous) or not, and why. */
  static final class NotPermitted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean signInHelps;
    final transient Access.Decision decision;

    NotPermitted(boolean signInHelps, Access.Decision decision) {
      super(decision.reasonEn(), null, false, false);
      this.signInHelps = signInHelps;
      this.decision = decision;
    }
  }

  private final BackupApi backupApi = new BackupApi();

  public WebServer(Workspace workspace) {
    this(workspace, Clients.DIRECT);
  }

  /** A server behind the reverse proxies {@code clients} trusts for the client's address and HTTPS. */
  public WebServer(Workspace workspace, Clients clients) {
    this(workspace, clients, null, null);
  }

  /**
   * A server that also signs people in with the organisation's identity provider when {@code oidc}
   * is given (routes {@value OidcSignIn#START} and {@value OidcSignIn#CALLBACK}); with null, exactly
   * the server above.
   */
  public WebServer(Workspace workspace, Clients clients, nl.begroot.oidc.OidcSettings oidc, nl.begroot.store.OidcIdentities identities) {
    this(workspace, clients, oidc, identities, rc -> {});
  }

  /** With {@code extra} routes added after Begroot's own (tests: a route that declares no permission is refused). */
  WebServer(Workspace workspace, java.util.function.Consumer<io.javalin.config.RoutesConfig> extra) {
    this(workspace, Clients.DIRECT, null, null, extra);
  }

  private WebServer(Workspace workspace, Clients clients, nl.begroot.oidc.OidcSettings oidc, nl.begroot.store.OidcIdentities identities,
      java.util.function.Consumer<io.javalin.config.RoutesConfig> extra) {
    this.workspace = workspace;
    Templates templates = new Templates();
    OidcSignIn oidcSignIn = oidc == null ? null : new OidcSignIn(oidc, workspace.people(), identities, templates, clients);
    Pages.Shared shared = new Pages.Shared(workspace, templates);
    ReadingPages reading = new ReadingPages(shared);
    ProvincePages provinces = new ProvincePages(shared);
    AuditPage auditPage = new AuditPage(shared);
    EditingPages editing = new EditingPages(shared);
    VersionPages versions = new VersionPages(shared);
    VersionsApi versionsApi = new VersionsApi(workspace);
    FiguresApi figuresApi = new FiguresApi(workspace);
    ProposalsApi proposalsApi = new ProposalsApi(workspace);
    KeysApi keysApi = new KeysApi(workspace);
    Downloads downloads = new Downloads(workspace);
    SignInPages signIn = new SignInPages(shared, clients, oidcSignIn != null);
    UsersPage users = new UsersPage(shared);
    LogPages logPages = new LogPages(shared);
    CyclePages cycle = new CyclePages(shared);
    ActualsPages actuals = new ActualsPages(shared);
    MidyearPages midyear = new MidyearPages(shared);
    AccountsPages accounts = new AccountsPages(shared);
    CycleApi cycleApi = new CycleApi(workspace);
    this.app = Javalin.create(config -> {
      config.events.handlerAdded(h -> {
        if (java.util.Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(h.getHttpMethod().name())) {
          routes.add(h.getHttpMethod().name() + " " + h.getPath());
        }
      });
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.http.generateEtags = false;
      HttpLimits.apply(config);
      config.startup.showJavalinBanner = false;
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/vendor";
        sf.directory = "/public/vendor";
        sf.location = Location.CLASSPATH;
        sf.headers = Map.of("Cache-Control", "max-age=3600");
      });
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/static";
        sf.directory = "/public/static";
        sf.location = Location.CLASSPATH;
      });
      config.staticFiles.enableWebjars();
      var r = config.routes;
      // where the request comes from, for the log entries it writes (docs/log.md): the client's address
      // as Clients reads it (behind a trusted reverse proxy the address the proxy saw; a client's own
      // X-Forwarded-For otherwise ignored), the one reading of it that sign-in and its throttle use too
      r.before(ctx -> nl.begroot.store.Origin.serving(new nl.begroot.store.Origin(clients.address(ctx), ctx.userAgent())));
      r.after(ctx -> nl.begroot.store.Origin.done());
      // who asks: the person a live session cookie signs in (the anonymous visitor otherwise); a cookie
      // of a session that is over is removed
      r.before(ctx -> {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token != null && !token.isEmpty()) {
          ctx.attribute(Pages.CSRF, nl.begroot.store.AccountStore.csrfToken(token));
          var actor = workspace.people().session(token);
          if (actor.isPresent()) {
            ctx.attribute(Pages.ACTOR, actor.get());
          } else {
            clients.cookie(ctx, SESSION_COOKIE, "", "/", 0);
          }
        }
      });
      // CSRF: a write that carries a session cookie must carry that session's token (header X-CSRF-Token,
      // or form field _csrf); a write without the cookie is anonymous
      r.before(ctx -> {
        String expected = ctx.attribute(Pages.CSRF);
        if (expected != null && !safe(ctx.method().name())) {
          String sent = ctx.header("X-CSRF-Token");
          if (sent == null && formBody(ctx)) {
            sent = ctx.formParam("_csrf");
          }
          if (sent == null || !java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              sent.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw csrfRefused(ctx);
          }
        }
      });
      // second line: a write must come from a page of this server (or a client that sends no Origin,
      // like curl); a form on another site cannot post here
      r.before(ctx -> {
        String method = ctx.method().name();
        String origin = ctx.header("Origin");
        if (!method.equals("GET") && !method.equals("HEAD") && origin != null && !origin.equals("null")) {
          String host = ctx.header("Host");
          String originHost = origin.replaceFirst("^[a-zA-Z]+://", "");
          if (host == null || !originHost.equalsIgnoreCase(host)) {
            throw new Problems.Failure(403, "cross-origin", "Request from another site",
                "Writes are accepted from Begroot's own pages only (Origin " + Problems.shorten(origin) + ").", List.of());
          }
        }
      });
      // who may: every route declares its permission (route() below); one without is refused
      r.beforeMatched(ctx -> {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
          return; // static files, 404
        }
        Guard guard = endpoint.metadata(Guard.class);
        if (guard == null) {
          throw new NotPermitted(false, new Access.Decision(false, "Voor dit adres is geen recht vastgelegd; het is daarom voor niemand.",
              "This address declares no permission, so it is for nobody."));
        }
        Actor actor = Pages.actor(ctx);
        for (Scope scope : scopes(ctx, guard.find())) {
          Access.Decision d = Access.decide(actor, guard.permission(), scope);
          if (!d.allowed()) {
            throw new NotPermitted(actor.anonymous(), d);
          }
        }
      });
      // pages
      route(r, HandlerType.GET, "/", Permission.PUBLIC, Find.PATH, reading::home);
      route(r, HandlerType.GET, "/taal/{lang}", Permission.PUBLIC, Find.PATH, reading::language);
      route(r, HandlerType.GET, "/organisaties", Permission.PUBLIC, Find.PATH, reading::organisations);
      route(r, HandlerType.GET, "/organisatie/{org}", Permission.PUBLIC, Find.PATH, reading::chooseOrganisation);
      route(r, HandlerType.GET, "/aanmelden", Permission.PUBLIC, Find.PATH, signIn::form);
      route(r, HandlerType.POST, "/aanmelden", Permission.PUBLIC, Find.PATH, signIn::submit);
      route(r, HandlerType.GET, "/aanmelden/stap", Permission.PUBLIC, Find.PATH, signIn::step);
      route(r, HandlerType.POST, "/aanmelden/wachtwoord", Permission.PUBLIC, Find.PATH, signIn::newPassword);
      route(r, HandlerType.POST, "/aanmelden/code", Permission.PUBLIC, Find.PATH, signIn::code);
      route(r, HandlerType.POST, "/afmelden", Permission.PUBLIC, Find.PATH, signIn::signOut);
      route(r, HandlerType.GET, "/beheer/gebruikers", Permission.MANAGE_USERS, Find.PATH, users::page);
      route(r, HandlerType.POST, "/beheer/gebruikers", Permission.MANAGE_USERS, Find.PATH, users::add);
      route(r, HandlerType.POST, "/beheer/gebruikers/{account}/{action}", Permission.MANAGE_USERS, Find.PATH, users::change);
      route(r, HandlerType.GET, "/versies", Permission.PUBLIC, Find.PATH, versions::versions);
      route(r, HandlerType.POST, "/versies", Permission.CREATE_SCENARIO, Find.PATH, versions::copyVersion);
      route(r, HandlerType.POST, "/versies/inlezen", Permission.CREATE_SCENARIO, Find.PATH, versions::importVersion);
      route(r, HandlerType.POST, "/versies/werkmap", Permission.CREATE_SCENARIO, Find.PATH, ctx -> versions.importWorkbook(ctx, downloads));
      route(r, HandlerType.GET, "/v/{version}/download/{file}", Permission.EXPORT, Find.PATH, downloads::document);
      route(r, HandlerType.GET, "/v/{version}/provincie/{member}/{file}", Permission.READ_MEMBER, Find.PATH, downloads::statement);
      route(r, HandlerType.GET, "/vergelijk", Permission.READ_VERSION, Find.COMPARED, versions::compare);
      route(r, HandlerType.GET, "/v/{version}", Permission.READ_VERSION, Find.PATH, reading.cachedPage(reading::overview));
      route(r, HandlerType.GET, "/v/{version}/programma/{programme}", Permission.READ_VERSION, Find.PATH, reading.cachedPage(reading::programme));
      route(r, HandlerType.GET, "/v/{version}/voorstel-nieuw", Permission.EDIT_PROPOSAL, Find.PATH, editing::proposalForm);
      route(r, HandlerType.POST, "/v/{version}/voorstel-nieuw", Permission.EDIT_PROPOSAL, Find.PATH, editing::proposalSubmit);
      route(r, HandlerType.GET, "/v/{version}/voorstel/{proposal}", Permission.READ_VERSION, Find.PATH, reading.cachedPage(reading::proposal));
      route(r, HandlerType.GET, "/v/{version}/voorstel/{proposal}/wijzigen", Permission.EDIT_PROPOSAL, Find.PATH, editing::proposalForm);
      route(r, HandlerType.POST, "/v/{version}/voorstel/{proposal}/wijzigen", Permission.EDIT_PROPOSAL, Find.PATH, editing::proposalSubmit);
      route(r, HandlerType.POST, "/v/{version}/voorstel/{proposal}/intrekken", Permission.EDIT_PROPOSAL, Find.PATH, ctx -> editing.withdraw(ctx, true));
      route(r, HandlerType.POST, "/v/{version}/voorstel/{proposal}/terugzetten", Permission.EDIT_PROPOSAL, Find.PATH, ctx -> editing.withdraw(ctx, false));
      route(r, HandlerType.GET, "/v/{version}/bijlage-1", Permission.READ_VERSION, Find.PATH, reading.cachedPage(reading::annex));
      route(r, HandlerType.GET, "/v/{version}/provincies", Permission.READ_VERSION, Find.PATH, provinces.cachedPage(provinces::provinces));
      route(r, HandlerType.GET, "/v/{version}/provincie/{member}", Permission.READ_MEMBER, Find.PATH, provinces.cachedPage(provinces::province));
      route(r, HandlerType.GET, "/v/{version}/kassiersfunctie", Permission.READ_VERSION, Find.PATH, reading.cachedPage(ctx -> reading.simpleTable(ctx, "kassiersfunctie", "nav.passthrough")));
      route(r, HandlerType.GET, "/v/{version}/structureel", Permission.READ_VERSION, Find.PATH, reading.cachedPage(ctx -> reading.simpleTable(ctx, "structureel", "nav.structural")));
      route(r, HandlerType.GET, "/v/{version}/figuur", Permission.READ_VERSION, Find.PATH, reading.cachedPage(reading::figure));
      route(r, HandlerType.GET, "/v/{version}/controle", Permission.READ_VERSION, Find.PATH, auditPage.cachedPage(auditPage::audit));
      route(r, HandlerType.GET, "/v/{version}/afkortingen", Permission.READ_VERSION, Find.PATH, reading.cachedPage(reading::glossary));
      route(r, HandlerType.GET, "/v/{version}/zoeken", Permission.READ_VERSION, Find.PATH, reading.cachedPage(reading::search));
      route(r, HandlerType.GET, "/v/{version}/wijzigingen", Permission.READ_VERSION, Find.PATH, reading.cachedPage(reading::changes));
      route(r, HandlerType.GET, "/v/{version}/sleutels", Permission.READ_VERSION, Find.PATH, editing::keys);
      route(r, HandlerType.POST, "/v/{version}/sleutels/{key}", Permission.EDIT_KEY, Find.PATH, editing::keySubmit);
      route(r, HandlerType.GET, "/v/{version}/grootboekindeling", Permission.READ_VERSION, Find.PATH, editing::mapping);
      route(r, HandlerType.POST, "/v/{version}/grootboekindeling", Permission.EDIT_MAPPING, Find.PATH, editing::mappingSubmit);
      route(r, HandlerType.GET, "/v/{version}/export", Permission.EXPORT, Find.PATH, versions::export);
      route(r, HandlerType.POST, "/v/{version}/verwijderen", Permission.DELETE_SCENARIO, Find.PATH, versions::deleteVersion);
      // the cycle (docs/cycle.md); the workspace asks Access again in each step
      route(r, HandlerType.GET, "/v/{version}/cyclus", Permission.READ_VERSION, Find.PATH, cycle::cycle);
      route(r, HandlerType.POST, "/v/{version}/cyclus/indienen", Permission.SUBMIT_VERSION, Find.PATH, ctx -> cycle.moveVersion(ctx, VersionMove.SUBMIT));
      route(r, HandlerType.POST, "/v/{version}/cyclus/terughalen", Permission.SUBMIT_VERSION, Find.PATH, ctx -> cycle.moveVersion(ctx, VersionMove.TAKE_BACK));
      route(r, HandlerType.POST, "/v/{version}/cyclus/vaststellen", Permission.ADOPT_VERSION, Find.PATH, ctx -> cycle.moveVersion(ctx, VersionMove.ADOPT));
      route(r, HandlerType.POST, "/v/{version}/cyclus/publiceren", Permission.PUBLISH_VERSION, Find.PATH, ctx -> cycle.moveVersion(ctx, VersionMove.PUBLISH));
      route(r, HandlerType.POST, "/v/{version}/voorstel/{proposal}/indienen", Permission.SUBMIT_PROPOSAL, Find.PATH, ctx -> cycle.moveProposal(ctx, ProposalMove.SUBMIT));
      route(r, HandlerType.POST, "/v/{version}/voorstel/{proposal}/goedkeuren", Permission.APPROVE_PROPOSAL, Find.PATH, ctx -> cycle.moveProposal(ctx, ProposalMove.APPROVE));
      route(r, HandlerType.POST, "/v/{version}/voorstel/{proposal}/afwijzen", Permission.APPROVE_PROPOSAL, Find.PATH, ctx -> cycle.moveProposal(ctx, ProposalMove.REJECT));
      route(r, HandlerType.POST, "/v/{version}/delen", Permission.SHARE_SCENARIO, Find.PATH, cycle::share);
      route(r, HandlerType.POST, "/v/{version}/wijziging", Permission.CREATE_AMENDMENT, Find.PATH, cycle::createAmendment);
      route(r, HandlerType.GET, "/v/{version}/na-wijziging", Permission.READ_VERSION, Find.PATH, cycle::afterAmendments);
      route(r, HandlerType.POST, "/v/{version}/definitief", Permission.CREATE_DEFINITIVE, Find.PATH, cycle::createDefinitive);
      route(r, HandlerType.GET, "/v/{version}/volgend-jaar", Permission.READ_VERSION, Find.PATH, cycle::nextFrame);
      route(r, HandlerType.GET, "/v/{version}/realisatie", Permission.READ_VERSION, Find.PATH, actuals::page);
      route(r, HandlerType.POST, "/v/{version}/realisatie", Permission.IMPORT_ACTUALS, Find.PATH, actuals::upload);
      route(r, HandlerType.GET, "/api/versions/{version}/actuals", Permission.READ_VERSION, Find.PATH, actuals::apiGet);
      route(r, HandlerType.POST, "/api/versions/{version}/actuals", Permission.IMPORT_ACTUALS, Find.PATH, actuals::apiImport);
      // the Tussenrapportage (mid-year report, docs/midyear.md)
      route(r, HandlerType.GET, "/v/{version}/tussenrapportage", Permission.READ_VERSION, Find.PATH, midyear::page);
      route(r, HandlerType.POST, "/v/{version}/tussenrapportage", Permission.CREATE_MIDYEAR, Find.PATH, midyear::start);
      route(r, HandlerType.POST, "/v/{version}/tussenrapportage/prognose", Permission.EDIT_FORECAST, Find.PATH, midyear::saveForecast);
      route(r, HandlerType.GET, "/v/{version}/tussenrapportage/open-data", Permission.EXPORT, Find.PATH, midyear::openData);
      // the publication (HTML, PDF, Excel, CSV, JSON); after open-data, which the pattern would also match
      route(r, HandlerType.GET, "/v/{version}/tussenrapportage/{file}", Permission.EXPORT, Find.PATH, midyear::download);
      route(r, HandlerType.GET, "/api/versions/{version}/midyear", Permission.READ_VERSION, Find.PATH, midyear::api);
      // the annual accounts (docs/accounts.md); the workspace asks Access again in each
      route(r, HandlerType.POST, "/v/{version}/jaarrekening-beginnen", Permission.CREATE_ACCOUNTS, Find.PATH, accounts::start);
      route(r, HandlerType.GET, "/v/{version}/jaarrekening", Permission.READ_VERSION, Find.PATH, accounts::page);
      route(r, HandlerType.GET, "/v/{version}/jaarrekening/lid/{member}", Permission.READ_VERSION, Find.PATH, accounts::member);
      route(r, HandlerType.GET, "/v/{version}/jaarrekening/open-data", Permission.EXPORT, Find.PATH, accounts::openData);
      // the publication (HTML, PDF, Excel, CSV, JSON); after open-data, which the pattern would also match
      route(r, HandlerType.GET, "/v/{version}/jaarrekening/{file}", Permission.EXPORT, Find.PATH, accounts::download);
      route(r, HandlerType.POST, "/v/{version}/jaarrekening/toelichting", Permission.EDIT_ACCOUNTS, Find.PATH, accounts::explain);
      route(r, HandlerType.POST, "/v/{version}/jaarrekening/drempel", Permission.EDIT_ACCOUNTS, Find.PATH, accounts::threshold);
      route(r, HandlerType.POST, "/v/{version}/jaarrekening/reserves", Permission.EDIT_ACCOUNTS, Find.PATH, accounts::reserves);
      route(r, HandlerType.GET, "/api/versions/{version}/accounts", Permission.READ_VERSION, Find.PATH, accounts::apiGet);
      // sign-in with the organisation's identity provider (only when configured)
      if (oidcSignIn != null) {
        route(r, HandlerType.GET, OidcSignIn.START, Permission.PUBLIC, Find.PATH, oidcSignIn::start);
        route(r, HandlerType.GET, OidcSignIn.CALLBACK, Permission.PUBLIC, Find.PATH, oidcSignIn::callback);
      }
      route(r, HandlerType.GET, "/logboek", Permission.READ_LOG, Find.PATH, logPages::log);
      route(r, HandlerType.GET, "/beheer/logboek", Permission.VERIFY_LOG, Find.PATH, logPages::admin);
      // API
      route(r, HandlerType.GET, "/api/health", Permission.PUBLIC, Find.PATH, versionsApi::health);
      route(r, HandlerType.GET, "/api/me", Permission.PUBLIC, Find.PATH, MeApi::me);
      route(r, HandlerType.GET, "/api/backup", Permission.PUBLIC, Find.PATH, backupApi::backup); // for 'begroot backup' on this machine, with the server's token (decision 104)
      route(r, HandlerType.GET, "/api/openapi.json", Permission.PUBLIC, Find.PATH, OpenApi::serve);
      route(r, HandlerType.GET, "/api/versions", Permission.PUBLIC, Find.PATH, versionsApi::versions);
      route(r, HandlerType.POST, "/api/versions", Permission.CREATE_SCENARIO, Find.PATH, versionsApi::copy);
      route(r, HandlerType.POST, "/api/import", Permission.CREATE_SCENARIO, Find.PATH, versionsApi::importFile);
      route(r, HandlerType.GET, "/api/compare", Permission.READ_VERSION, Find.COMPARED, versionsApi::compare);
      route(r, HandlerType.GET, "/api/versions/{version}", Permission.READ_VERSION, Find.PATH, versionsApi::version);
      route(r, HandlerType.DELETE, "/api/versions/{version}", Permission.DELETE_SCENARIO, Find.PATH, versionsApi::delete);
      route(r, HandlerType.GET, "/api/versions/{version}/export", Permission.EXPORT, Find.PATH, versionsApi::export);
      route(r, HandlerType.GET, "/api/versions/{version}/tables", Permission.READ_VERSION, Find.PATH, figuresApi::tables);
      route(r, HandlerType.GET, "/api/versions/{version}/tables/{table}", Permission.READ_VERSION, Find.PATH, figuresApi::table);
      route(r, HandlerType.GET, "/api/versions/{version}/explain", Permission.READ_VERSION, Find.PATH, figuresApi::explain);
      route(r, HandlerType.GET, "/api/versions/{version}/audit", Permission.READ_VERSION, Find.PATH, figuresApi::audit);
      route(r, HandlerType.GET, "/api/versions/{version}/search", Permission.READ_VERSION, Find.PATH, figuresApi::search);
      route(r, HandlerType.GET, "/api/versions/{version}/changes", Permission.READ_VERSION, Find.PATH, figuresApi::changes);
      route(r, HandlerType.GET, "/api/log", Permission.READ_LOG, Find.PATH, figuresApi::log);
      route(r, HandlerType.GET, "/api/log/verify", Permission.VERIFY_LOG, Find.PATH, figuresApi::verifyLog);
      route(r, HandlerType.GET, "/api/versions/{version}/members/{member}", Permission.READ_MEMBER, Find.PATH, figuresApi::member);
      route(r, HandlerType.GET, "/api/versions/{version}/members/{member}/lines", Permission.READ_MEMBER, Find.PATH, figuresApi::memberLines);
      route(r, HandlerType.GET, "/api/versions/{version}/proposals", Permission.READ_VERSION, Find.PATH, proposalsApi::proposals);
      route(r, HandlerType.POST, "/api/versions/{version}/proposals", Permission.EDIT_PROPOSAL, Find.PATH, proposalsApi::createProposal);
      route(r, HandlerType.POST, "/api/versions/{version}/preview", Permission.EDIT_PROPOSAL, Find.PATH, proposalsApi::preview);
      route(r, HandlerType.GET, "/api/versions/{version}/proposals/{proposal}", Permission.READ_VERSION, Find.PATH, proposalsApi::proposal);
      route(r, HandlerType.PUT, "/api/versions/{version}/proposals/{proposal}", Permission.EDIT_PROPOSAL, Find.PATH, proposalsApi::changeProposal);
      route(r, HandlerType.POST, "/api/versions/{version}/proposals/{proposal}/withdraw", Permission.EDIT_PROPOSAL, Find.PATH, ctx -> proposalsApi.withdraw(ctx, true));
      route(r, HandlerType.POST, "/api/versions/{version}/proposals/{proposal}/reinstate", Permission.EDIT_PROPOSAL, Find.PATH, ctx -> proposalsApi.withdraw(ctx, false));
      route(r, HandlerType.POST, "/api/versions/{version}/submit", Permission.SUBMIT_VERSION, Find.PATH, ctx -> cycleApi.moveVersion(ctx, VersionMove.SUBMIT));
      route(r, HandlerType.POST, "/api/versions/{version}/take-back", Permission.SUBMIT_VERSION, Find.PATH, ctx -> cycleApi.moveVersion(ctx, VersionMove.TAKE_BACK));
      route(r, HandlerType.POST, "/api/versions/{version}/adopt", Permission.ADOPT_VERSION, Find.PATH, ctx -> cycleApi.moveVersion(ctx, VersionMove.ADOPT));
      route(r, HandlerType.POST, "/api/versions/{version}/publish", Permission.PUBLISH_VERSION, Find.PATH, ctx -> cycleApi.moveVersion(ctx, VersionMove.PUBLISH));
      route(r, HandlerType.POST, "/api/versions/{version}/share", Permission.SHARE_SCENARIO, Find.PATH, ctx -> cycleApi.share(ctx, true));
      route(r, HandlerType.POST, "/api/versions/{version}/unshare", Permission.SHARE_SCENARIO, Find.PATH, ctx -> cycleApi.share(ctx, false));
      route(r, HandlerType.GET, "/api/versions/{version}/amendments", Permission.READ_VERSION, Find.PATH, cycleApi::amendments);
      route(r, HandlerType.POST, "/api/versions/{version}/amendments", Permission.CREATE_AMENDMENT, Find.PATH, cycleApi::createAmendment);
      route(r, HandlerType.GET, "/api/versions/{version}/amendment", Permission.READ_VERSION, Find.PATH, cycleApi::amendment);
      route(r, HandlerType.GET, "/api/versions/{version}/after-amendments", Permission.READ_VERSION, Find.PATH, cycleApi::afterAmendments);
      route(r, HandlerType.POST, "/api/versions/{version}/definitive", Permission.CREATE_DEFINITIVE, Find.PATH, cycleApi::createDefinitive);
      route(r, HandlerType.GET, "/api/versions/{version}/next-frame", Permission.READ_VERSION, Find.PATH, cycleApi::nextFrame);
      route(r, HandlerType.POST, "/api/versions/{version}/proposals/{proposal}/submit", Permission.SUBMIT_PROPOSAL, Find.PATH, ctx -> cycleApi.moveProposal(ctx, ProposalMove.SUBMIT));
      route(r, HandlerType.POST, "/api/versions/{version}/proposals/{proposal}/approve", Permission.APPROVE_PROPOSAL, Find.PATH, ctx -> cycleApi.moveProposal(ctx, ProposalMove.APPROVE));
      route(r, HandlerType.POST, "/api/versions/{version}/proposals/{proposal}/reject", Permission.APPROVE_PROPOSAL, Find.PATH, ctx -> cycleApi.moveProposal(ctx, ProposalMove.REJECT));
      route(r, HandlerType.GET, "/api/versions/{version}/keys/{key}", Permission.READ_VERSION, Find.PATH, keysApi::key);
      route(r, HandlerType.PUT, "/api/versions/{version}/keys/{key}", Permission.EDIT_KEY, Find.PATH, keysApi::changeKey);
      route(r, HandlerType.GET, "/api/versions/{version}/ledger-mapping", Permission.READ_VERSION, Find.PATH, keysApi::mapping);
      route(r, HandlerType.PUT, "/api/versions/{version}/ledger-mapping", Permission.EDIT_MAPPING, Find.PATH, keysApi::changeMapping);
      extra.accept(r);
      // errors
      r.exception(Problems.Failure.class, (e, ctx) -> {
        if (e.status == 401 || e.status == 403) {
          LogPages.refused(workspace, ctx, ctx.attribute(Pages.ACTOR), e.status, e.getMessage());
        }
        Problems.write(ctx, e);
      });
      // a refusal of the permission check (the route's or the workspace's): logged, then 401 (signing in may help) or 403
      r.exception(NotPermitted.class, (e, ctx) -> {
        LogPages.refused(workspace, ctx, ctx.attribute(Pages.ACTOR), e.signInHelps ? 401 : 403, e.decision.reasonEn());
        refuse(ctx, templates, e.signInHelps, e.decision);
      });
      r.exception(Access.Denied.class, (e, ctx) -> {
        LogPages.refused(workspace, ctx, ctx.attribute(Pages.ACTOR), e.signInHelps() ? 401 : 403, e.decision().reasonEn());
        refuse(ctx, templates, e.signInHelps(), e.decision());
      });
      r.exception(Refused.class, (e, ctx) -> {
        if (e.status == 401 || e.status == 403) {
          LogPages.refused(workspace, ctx, ctx.attribute(Pages.ACTOR), e.status, e.getMessage());
        }
        if (isApi(ctx)) {
          Problems.write(ctx, e.status, e.type, e.title, e.getMessage(), List.of(), null);
        } else {
          page(ctx, templates, e.status, e.titleText, e.detailText);
        }
      });
      r.exception(Pages.NotFound.class, (e, ctx) -> {
        if (e.words == null) {
          notFound(ctx, templates, e.getMessage());
        } else if (isApi(ctx)) {
          Problems.write(ctx, 404, "not-found", "Not found", e.words.en(), List.of(), null);
        } else {
          String lang = Pages.lang(ctx);
          page(ctx, templates, 404, I18n.of(lang).t("error.notfound"), e.words.text(lang), null, e.words.href(), e.words.link(lang));
        }
      });
      // a version whose content may not change (adopted: final; submitted: take it back first): 409, logged as refused
      r.exception(VersionFinal.class, (e, ctx) -> {
        LogPages.refused(workspace, ctx, ctx.attribute(Pages.ACTOR), 409, e.en());
        if (isApi(ctx)) {
          Problems.write(ctx, 409, "version-final", "The version does not change", e.en(), List.of(), null);
        } else {
          page(ctx, templates, 409, I18n.of(Pages.lang(ctx)).t("error.title"), e.message(Pages.lang(ctx)));
        }
      });
      // a write that would store a version larger than the one limit on a budget's text (decision 193): nothing was stored
      r.exception(nl.begroot.store.VersionStore.TooLarge.class, (e, ctx) -> {
        String limit = nl.begroot.core.model.BudgetSize.limit();
        String en = "The budget would be stored as a text of up to " + e.chars + " characters; a budget is at most " + limit
            + " (the limit, docs/format.md). Nothing was stored.";
        if (isApi(ctx)) {
          Problems.write(ctx, 413, "too-large", "The budget would be too large", en, List.of(), null);
        } else {
          page(ctx, templates, 413, I18n.of(Pages.lang(ctx)).t("error.title"), "en".equals(Pages.lang(ctx)) ? en
              : "De begroting zou worden opgeslagen als een tekst van hoogstens " + e.chars + " tekens; een begroting is ten hoogste "
                  + limit.replace("characters", "tekens") + " (de grens, docs/format.md). Er is niets opgeslagen.");
        }
      });
      r.exception(HttpResponseException.class, (e, ctx) -> {
        if (e.getStatus() == 401 || e.getStatus() == 403) {
          LogPages.refused(workspace, ctx, ctx.attribute(Pages.ACTOR), e.getStatus(), e.getMessage());
        }
        if (e.getStatus() == 404) {
          notFound(ctx, templates, ctx.path());
        } else {
          httpError(ctx, templates, e.getStatus(), e.getMessage());
        }
      });
      r.exception(Exception.class, (e, ctx) -> {
        if (unreadable(e)) {
          // the client's request could not be read (cut off, bad framing, a broken multipart body): its fault, no stack
          LOG.info("unreadable request on {} {}: {}", ctx.method(), Problems.shorten(ctx.path()), e.getClass().getSimpleName());
          httpError(ctx, templates, 400, HttpLimits.explain(400));
          return;
        }
        LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
        httpError(ctx, templates, 500, "Internal error");
      });
      r.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          notFound(ctx, templates, ctx.path());
        }
      });
      r.error(405, ctx -> httpError(ctx, templates, 405, "Method not allowed"));
    });
  }

  /** A request refused before its route: a problem document for the API, a page otherwise. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String type;
    final String title;
    final String titleText;
    final String detailText;

    Refused(int status, String type, String title, String detail, String titleText, String detailText) {
      super(detail, null, false, false);
      this.status = status;
      this.type = type;
      this.title = title;
      this.titleText = titleText;
      this.detailText = detailText;
    }
  }

  /** 403 for a write without its session's CSRF token: says what is missing and what to do. */
  static Refused csrfRefused(Context ctx) {
    I18n t = I18n.of(Pages.lang(ctx));
    return new Refused(403, "csrf", "CSRF token missing or wrong",
        "A write with a session cookie must carry the session's CSRF token in the X-CSRF-Token header (or the form field _csrf).",
        t.t("csrf.title"), t.t("csrf.detail"));
  }

  private static boolean safe(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }

  /** Whether the body is a form (URL-encoded or multipart), whose _csrf field may be read. */
  private static boolean formBody(Context ctx) {
    String type = ctx.contentType();
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/form-data");
  }

  /** Registers a route with the permission it needs and how its scope is found. */
  private void route(io.javalin.config.RoutesConfig r, HandlerType method, String path, Permission permission, Find find, Handler handler) {
    permissions.put(method.name() + " " + path, permission);
    r.addEndpoint(new Endpoint(method, path, handler, java.util.Set.of(new Guard(permission, find))));
  }

  /** What a request is about, found as its route declares. */
  private List<Scope> scopes(Context ctx, Find find) {
    if (find == Find.COMPARED) {
      String a = ctx.queryParam("a");
      String b = ctx.queryParam("b");
      return List.of(versionScope(a == null || a.isBlank() ? Workspace.FRAME : a).scope(),
          versionScope(b == null || b.isBlank() ? Workspace.CONCEPT : b).scope());
    }
    Map<String, String> params = ctx.pathParamMap();
    if (!params.containsKey("version")) {
      return List.of(Scope.NONE);
    }
    Found found = versionScope(params.get("version"));
    Scope scope = found.scope();
    if (params.containsKey("proposal")) {
      var row = found.snapshot().flatMap(s -> s.row(params.get("proposal")));
      scope = scope.unit(row.map(x -> x.unitId()).orElse(null), row.map(x -> x.createdBy()).orElse(null));
    } else if (ctx.queryParam("unit") != null) {
      scope = scope.unit(ctx.queryParam("unit"), null);
    }
    if (params.containsKey("member")) {
      scope = scope.member(params.get("member"));
    }
    return List.of(scope);
  }

  private record Found(Optional<Snapshot> snapshot, Scope scope) {}

  /** A version's scope; for a version that does not exist, an official one of unknown status (the handler answers 404 to whoever may read). */
  private Found versionScope(String slug) {
    Optional<Snapshot> s = workspace.snapshot(slug);
    return new Found(s, s.map(x -> Workspace.scope(x.version())).orElseGet(() -> Scope.version(slug, null, false, null, false)));
  }

  /**
   * A refusal: for the API a problem (401 when signing in may help, else 403 with the reason); for
   * people, anonymous: a GET goes to the sign-in page (and back here afterwards), another method gets
   * a 401 page that links to it; signed in: a 403 page with the reason.
   */
  private static void refuse(Context ctx, Templates templates, boolean signInHelps, Access.Decision d) {
    String lang = Pages.lang(ctx);
    if (isApi(ctx)) {
      var extra = Api.JSON.createObjectNode();
      extra.put("reason_nl", d.reasonNl());
      Problems.write(ctx, signInHelps ? 401 : 403, signInHelps ? "sign-in" : "forbidden",
          signInHelps ? "Sign in first" : "Not allowed", d.reasonEn(), List.of(), extra);
      return;
    }
    String back = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    String signIn = SIGN_IN + "?terug=" + View.enc(back);
    I18n t = I18n.of(lang);
    String reason = "en".equals(lang) ? d.reasonEn() : d.reasonNl();
    if (signInHelps) {
      if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
        ctx.redirect(signIn, io.javalin.http.HttpStatus.SEE_OTHER);
        return;
      }
      page(ctx, templates, 401, t.t("access.signin.title"), reason, signIn);
      return;
    }
    page(ctx, templates, 403, t.t("access.denied.title"), reason, null);
  }

  /** The sign-in page (the sign-in branch serves it). */
  public static final String SIGN_IN = "/aanmelden";

  /** Whether {@code e} comes from reading the request itself (I/O, HTTP framing, multipart syntax, an unknown charset). */
  static boolean unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.io.IOException || t instanceof org.eclipse.jetty.http.HttpException
          || t instanceof jakarta.servlet.ServletException || t instanceof java.util.concurrent.TimeoutException
          || t instanceof java.nio.charset.IllegalCharsetNameException || t instanceof java.nio.charset.UnsupportedCharsetException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/");
  }

  private static void notFound(Context ctx, Templates templates, String what) {
    if (isApi(ctx)) {
      Problems.write(ctx, 404, "not-found", "Not found", "There is no " + Problems.shorten(what) + ".", List.of(), null);
      return;
    }
    page(ctx, templates, 404, I18n.of(Pages.lang(ctx)).t("error.notfound"), Problems.shorten(what));
  }

  private static void httpError(Context ctx, Templates templates, int status, String message) {
    String detail = switch (status) {
      case 413 -> "The request is larger than " + (MAX_REQUEST_BYTES / 1024 / 1024) + " MB.";
      case 405 -> "This address does not take a " + ctx.method() + " request.";
      case 500 -> "Something went wrong on our side; it has been logged. Nothing was saved.";
      default -> Problems.shorten(message);
    };
    if (isApi(ctx)) {
      Problems.write(ctx, status, status == 500 ? "internal" : "http-" + status, status == 413 ? "Request too large" : "Request refused",
          detail, List.of(), null);
      return;
    }
    page(ctx, templates, status, I18n.of(Pages.lang(ctx)).t("error.title"), detail);
  }

  private static void page(Context ctx, Templates templates, int status, String title, String detail) {
    page(ctx, templates, status, title, detail, null);
  }

  private static void page(Context ctx, Templates templates, int status, String title, String detail, String signIn) {
    page(ctx, templates, status, title, detail, signIn, null, null);
  }

  /** The error page: its title, the detail, a sign-in link (or null), a link to what is there instead and its words (or null). */
  private static void page(Context ctx, Templates templates, int status, String title, String detail, String signIn, String further,
      String furtherText) {
    Map<String, Object> params = new LinkedHashMap<>();
    I18n t = I18n.of(Pages.lang(ctx));
    params.put("v", new View(t, null, List.of(), title, ctx.path(), false).user(Pages.actor(ctx), Pages.csrf(ctx)).signIn(signIn)
        .further(further, furtherText));
    params.put("d", detail);
    try {
      ctx.status(status);
      ctx.html(templates.render("error.jte", params));
    } catch (RuntimeException e) {
      LOG.error("error page failed", e);
      ctx.status(status).contentType("text/plain; charset=utf-8").result(title + ": " + detail);
    }
  }

  /**
   * Offers backups of {@code database} at {@code GET /api/backup} to {@code begroot backup} on this
   * machine that sends {@code token} (decision 104; the server on the embedded database does).
   */
  public WebServer offerBackup(Workspace workspace, String token) {
    backupApi.offer(workspace, token);
    return this;
  }

  public WebServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  /** Every route as "METHOD /path/{param}", in the order they were added (the fuzz test walks them all). */
  public List<String> routes() {
    return List.copyOf(routes);
  }

  /** The permission a route ("METHOD /path/{param}", as {@link #routes()} names it) declares; empty for one that declares none. */
  public Optional<Permission> permission(String route) {
    return Optional.ofNullable(permissions.get(route));
  }

  public void stop() {
    app.stop();
  }
}
