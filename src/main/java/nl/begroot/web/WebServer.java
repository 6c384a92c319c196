package nl.begroot.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.access.Access;
import nl.begroot.core.cycle.ProposalMove;
import nl.begroot.core.cycle.VersionMove;
import nl.begroot.workspace.Refused;
import nl.begroot.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server: routes for the pages and the API, static files, and one error policy: a user
 * sees a page or a problem document that says what went wrong, never a stack trace; anything
 * unexpected is logged and answered with a plain 500 page or problem.
 */
public final class WebServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  /** Requests larger than this are refused with 413 before they are read. */
  public static final long MAX_REQUEST_BYTES = 20L * 1024 * 1024;
  /** Request threads at most (Jetty's pool); a request waiting for its body holds none (see below). */
  public static final int MAX_THREADS = 64;
  /** A request body must arrive at least this fast (bytes per second, measured from its first byte). */
  public static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;
  /** A connection that sends nothing for this long is closed (milliseconds). */
  public static final long IDLE_TIMEOUT_MILLIS = 15_000;

  /** The cookie that carries a session's token. */
  public static final String SESSION_COOKIE = "begroot_sessie";

  private final Javalin app;
  private final List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();

  public WebServer(Workspace workspace) {
    Templates templates = new Templates();
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
    CyclePages cycle = new CyclePages(shared);
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
      // Until sign-in exists: a write must come from a page of this server (or a client that sends
      // no Origin, like curl); a form on another site cannot post here.
      // who asks: the person a live session cookie signs in (the anonymous visitor otherwise)
      r.before(ctx -> {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token != null) {
          workspace.people().session(token).ifPresent(actor -> ctx.attribute(Pages.ACTOR, actor));
        }
      });
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
      // pages
      r.get("/", reading::home);
      r.get("/taal/{lang}", reading::language);
      r.get("/versies", versions::versions);
      r.post("/versies", versions::copyVersion);
      r.post("/versies/inlezen", versions::importVersion);
      r.post("/versies/werkmap", ctx -> versions.importWorkbook(ctx, downloads));
      r.get("/v/{version}/download/{file}", downloads::document);
      r.get("/v/{version}/provincie/{member}/{file}", downloads::statement);
      r.get("/vergelijk", versions::compare);
      r.get("/v/{version}", reading.cachedPage(reading::overview));
      r.get("/v/{version}/programma/{programme}", reading.cachedPage(reading::programme));
      r.get("/v/{version}/voorstel-nieuw", editing::proposalForm);
      r.post("/v/{version}/voorstel-nieuw", editing::proposalSubmit);
      r.get("/v/{version}/voorstel/{proposal}", reading.cachedPage(reading::proposal));
      r.get("/v/{version}/voorstel/{proposal}/wijzigen", editing::proposalForm);
      r.post("/v/{version}/voorstel/{proposal}/wijzigen", editing::proposalSubmit);
      r.post("/v/{version}/voorstel/{proposal}/intrekken", ctx -> editing.withdraw(ctx, true));
      r.post("/v/{version}/voorstel/{proposal}/terugzetten", ctx -> editing.withdraw(ctx, false));
      r.get("/v/{version}/bijlage-1", reading.cachedPage(reading::annex));
      r.get("/v/{version}/provincies", provinces.cachedPage(provinces::provinces));
      r.get("/v/{version}/provincie/{member}", provinces.cachedPage(provinces::province));
      r.get("/v/{version}/kassiersfunctie", reading.cachedPage(ctx -> reading.simpleTable(ctx, "kassiersfunctie", "nav.passthrough")));
      r.get("/v/{version}/structureel", reading.cachedPage(ctx -> reading.simpleTable(ctx, "structureel", "nav.structural")));
      r.get("/v/{version}/figuur", reading.cachedPage(reading::figure));
      r.get("/v/{version}/controle", auditPage.cachedPage(auditPage::audit));
      r.get("/v/{version}/afkortingen", reading.cachedPage(reading::glossary));
      r.get("/v/{version}/zoeken", reading.cachedPage(reading::search));
      r.get("/v/{version}/wijzigingen", reading.cachedPage(reading::changes));
      r.get("/v/{version}/sleutels", editing::keys);
      r.post("/v/{version}/sleutels/{key}", editing::keySubmit);
      r.get("/v/{version}/export", versions::export);
      r.post("/v/{version}/verwijderen", versions::deleteVersion);
      // the cycle (docs/cycle.md); each route's permission is in the comment, the workspace asks Access again
      r.get("/v/{version}/cyclus", cycle::cycle); // READ_VERSION
      r.post("/v/{version}/cyclus/{step}", cycle::moveVersion); // SUBMIT_VERSION (indienen, terughalen), ADOPT_VERSION, PUBLISH_VERSION
      r.post("/v/{version}/voorstel/{proposal}/indienen", ctx -> cycle.moveProposal(ctx, ProposalMove.SUBMIT)); // SUBMIT_PROPOSAL
      r.post("/v/{version}/voorstel/{proposal}/goedkeuren", ctx -> cycle.moveProposal(ctx, ProposalMove.APPROVE)); // APPROVE_PROPOSAL
      r.post("/v/{version}/voorstel/{proposal}/afwijzen", ctx -> cycle.moveProposal(ctx, ProposalMove.REJECT)); // APPROVE_PROPOSAL
      r.post("/v/{version}/delen", cycle::share); // SHARE_SCENARIO
      r.post("/v/{version}/wijziging", cycle::createAmendment); // CREATE_AMENDMENT
      r.get("/v/{version}/na-wijziging", cycle::afterAmendments); // READ_VERSION
      // API
      r.get("/api/health", versionsApi::health);
      r.get("/api/openapi.json", OpenApi::serve);
      r.get("/api/versions", versionsApi::versions);
      r.post("/api/versions", versionsApi::copy);
      r.post("/api/import", versionsApi::importFile);
      r.get("/api/compare", versionsApi::compare);
      r.get("/api/versions/{version}", versionsApi::version);
      r.delete("/api/versions/{version}", versionsApi::delete);
      r.get("/api/versions/{version}/export", versionsApi::export);
      r.get("/api/versions/{version}/tables", figuresApi::tables);
      r.get("/api/versions/{version}/tables/{table}", figuresApi::table);
      r.get("/api/versions/{version}/explain", figuresApi::explain);
      r.get("/api/versions/{version}/audit", figuresApi::audit);
      r.get("/api/versions/{version}/search", figuresApi::search);
      r.get("/api/versions/{version}/changes", figuresApi::changes);
      r.get("/api/versions/{version}/members/{member}", figuresApi::member);
      r.get("/api/versions/{version}/proposals", proposalsApi::proposals);
      r.post("/api/versions/{version}/proposals", proposalsApi::createProposal);
      r.post("/api/versions/{version}/preview", proposalsApi::preview);
      r.get("/api/versions/{version}/proposals/{proposal}", proposalsApi::proposal);
      r.put("/api/versions/{version}/proposals/{proposal}", proposalsApi::changeProposal);
      r.post("/api/versions/{version}/proposals/{proposal}/withdraw", ctx -> proposalsApi.withdraw(ctx, true));
      r.post("/api/versions/{version}/proposals/{proposal}/reinstate", ctx -> proposalsApi.withdraw(ctx, false));
      r.post("/api/versions/{version}/submit", ctx -> cycleApi.moveVersion(ctx, VersionMove.SUBMIT)); // SUBMIT_VERSION
      r.post("/api/versions/{version}/take-back", ctx -> cycleApi.moveVersion(ctx, VersionMove.TAKE_BACK)); // SUBMIT_VERSION
      r.post("/api/versions/{version}/adopt", ctx -> cycleApi.moveVersion(ctx, VersionMove.ADOPT)); // ADOPT_VERSION
      r.post("/api/versions/{version}/publish", ctx -> cycleApi.moveVersion(ctx, VersionMove.PUBLISH)); // PUBLISH_VERSION
      r.post("/api/versions/{version}/share", ctx -> cycleApi.share(ctx, true)); // SHARE_SCENARIO
      r.post("/api/versions/{version}/unshare", ctx -> cycleApi.share(ctx, false)); // SHARE_SCENARIO
      r.get("/api/versions/{version}/amendments", cycleApi::amendments); // READ_VERSION
      r.post("/api/versions/{version}/amendments", cycleApi::createAmendment); // CREATE_AMENDMENT
      r.get("/api/versions/{version}/amendment", cycleApi::amendment); // READ_VERSION
      r.get("/api/versions/{version}/after-amendments", cycleApi::afterAmendments); // READ_VERSION
      r.post("/api/versions/{version}/proposals/{proposal}/submit", ctx -> cycleApi.moveProposal(ctx, ProposalMove.SUBMIT)); // SUBMIT_PROPOSAL
      r.post("/api/versions/{version}/proposals/{proposal}/approve", ctx -> cycleApi.moveProposal(ctx, ProposalMove.APPROVE)); // APPROVE_PROPOSAL
      r.post("/api/versions/{version}/proposals/{proposal}/reject", ctx -> cycleApi.moveProposal(ctx, ProposalMove.REJECT)); // APPROVE_PROPOSAL
      r.get("/api/versions/{version}/keys/{key}", keysApi::key);
      r.put("/api/versions/{version}/keys/{key}", keysApi::changeKey);
      // errors
      r.exception(Problems.Failure.class, (e, ctx) -> Problems.write(ctx, e));
      r.exception(Pages.NotFound.class, (e, ctx) -> notFound(ctx, templates, e.getMessage()));
      // who may not: 401 for an anonymous visitor (signing in may help), 403 otherwise; the reason in the reader's language
      r.exception(Access.Denied.class, (e, ctx) -> {
        int status = e.signInHelps() ? 401 : 403;
        String reason = "en".equals(Pages.lang(ctx)) ? e.decision().reasonEn() : e.decision().reasonNl();
        if (isApi(ctx)) {
          Problems.write(ctx, status, status == 401 ? "sign-in" : "forbidden", status == 401 ? "Sign in first" : "Not allowed",
              e.decision().reasonEn(), List.of(), null);
        } else {
          page(ctx, templates, status, I18n.of(Pages.lang(ctx)).t("error.title"), reason);
        }
      });
      // a version whose content may not change (adopted: final; submitted: take it back first)
      r.exception(Refused.class, (e, ctx) -> {
        if (isApi(ctx)) {
          Problems.write(ctx, 409, "version-final", "The version does not change", e.en(), List.of(), null);
        } else {
          page(ctx, templates, 409, I18n.of(Pages.lang(ctx)).t("error.title"), e.message(Pages.lang(ctx)));
        }
      });
      r.exception(HttpResponseException.class, (e, ctx) -> {
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
    Map<String, Object> params = new LinkedHashMap<>();
    I18n t = I18n.of(Pages.lang(ctx));
    params.put("v", new View(t, null, List.of(), title, ctx.path(), false));
    params.put("d", detail);
    try {
      ctx.status(status);
      ctx.html(templates.render("error.jte", params));
    } catch (RuntimeException e) {
      LOG.error("error page failed", e);
      ctx.status(status).contentType("text/plain; charset=utf-8").result(title + ": " + detail);
    }
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

  public void stop() {
    app.stop();
  }
}
