package nl.begroot.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.workspace.Workspace;

/**
 * A real server for tests: a fresh in-memory H2 database seeded with the built-in IPO budget, the
 * web application on a free port, and an HTTP client. Close it after the test class.
 *
 * <p>Who asks: the plain calls ({@link #get(String)}, {@link #json(String, String, String)},
 * {@link #send(HttpRequest)}) act as {@link #staff}, the person "test" (controller and budget holder
 * of every unit), signed in for real with a session cookie and its CSRF header; a request that
 * already carries a session cookie (from {@link #signIn}) is sent as it is. The anonymous visitor
 * is explicit: {@link #anonymous(String)}, {@link #sendAnonymous(HttpRequest)}.
 */
public final class TestServer implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  public final Database database;
  public final Workspace workspace;
  public final WebServer server;
  public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  public TestServer() {
    this(DatabaseUrl.h2Memory("web-test-" + COUNTER.incrementAndGet()));
  }

  public TestServer(DatabaseUrl url) {
    this(url, ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget());
  }

  /** A server seeded with {@code seed} instead of the built-in budget (a small generated one is quicker to serve). */
  public TestServer(nl.begroot.core.model.Budget seed) {
    this(DatabaseUrl.h2Memory("web-test-" + COUNTER.incrementAndGet()), seed);
  }

  public TestServer(DatabaseUrl url, nl.begroot.core.model.Budget seed) {
    database = Database.open(url);
    workspace = new Workspace(database);
    workspace.seedIfEmpty(seed, nl.begroot.TestBudgets.actor("test"));
    server = new WebServer(workspace).start("127.0.0.1", 0);
    staff = signIn(nl.begroot.TestBudgets.actor("test"));
  }

  /** The person the plain calls act as: "test", controller and budget holder. */
  public final SignedIn staff;

  /** A signed-in session for tests: the value of its {@code Cookie} header and its CSRF token. */
  public record SignedIn(String cookie, String csrf) {
    /** A request with this session's cookie and CSRF header. */
    public HttpRequest.Builder request(String url) {
      return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).header("X-CSRF-Token", csrf);
    }
  }

  /**
   * Signs {@code actor} in for real: makes their account (when it is not there yet) and starts a
   * session through the store, as sign-in does.
   */
  public SignedIn signIn(nl.begroot.core.access.Actor actor) {
    var accounts = workspace.people().accounts();
    accounts.create(new nl.begroot.store.AccountStore.Account(actor.id(), actor.name(), actor.roles(), actor.units(), actor.member(), false), "test");
    String token = accounts.startSession(actor.id(), actor.secondFactor()).orElseThrow();
    return new SignedIn(WebServer.SESSION_COOKIE + "=" + token, nl.begroot.store.AccountStore.csrfToken(token));
  }

  /** A JSON request as {@code who}. */
  public HttpResponse<String> json(SignedIn who, String method, String path, String body) {
    return send(who.request(base() + path).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** A form post as {@code who}: the form with the session's {@code _csrf} field, as a page's form sends it. */
  public HttpResponse<String> form(SignedIn who, String path, java.util.Map<String, String> form) {
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>(form);
    all.put("_csrf", who.csrf());
    return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", who.cookie())
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(urlEncoded(all))).build());
  }

  /** A form body, URL-encoded. */
  public static String urlEncoded(java.util.Map<String, String> form) {
    return form.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
  }

  /** A GET as {@code who}. */
  public HttpResponse<String> get(SignedIn who, String path) {
    return send(who.request(base() + path).GET().build());
  }

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A GET as {@link #staff}. */
  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
  }

  /** A GET as the anonymous visitor. */
  public HttpResponse<String> anonymous(String path) {
    return sendAnonymous(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
  }

  /** {@code request} as {@link #staff}, unless it carries a session cookie of its own. */
  public HttpResponse<String> send(HttpRequest request) {
    boolean ownSession = request.headers().allValues("Cookie").stream().anyMatch(c -> c.contains(WebServer.SESSION_COOKIE + "="));
    if (ownSession) {
      return sendAnonymous(request);
    }
    return sendAnonymous(HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", staff.cookie())
        .header("X-CSRF-Token", staff.csrf()).build());
  }

  /** {@code request} exactly as it is (no session unless it carries one). */
  public HttpResponse<String> sendAnonymous(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> json(String method, String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
  }

  @Override
  public void close() {
    server.stop();
    database.close();
  }
}
