package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.core.access.Role;
import nl.begroot.oidc.OidcClient;
import nl.begroot.oidc.OidcFailure;
import nl.begroot.oidc.OidcSettings;
import nl.begroot.store.AccountStore;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.OidcIdentities;
import nl.begroot.workspace.Workspace;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in with an identity provider against a real OpenID provider started here
 * (mock-oauth2-server on loopback): Begroot's redirect, the provider's authorize endpoint (which
 * issues a code at once, with the claims the test enqueues), Begroot's callback, the session cookie,
 * and a request as that person. Every redirect is followed by hand. When the provider cannot start
 * here the tests are reported as skipped with the reason.
 */
class OidcSignInTest {
  private static final String CLIENT = "begroot";
  private static final String SECRET = "s3cret-never-printed";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static MockOAuth2Server provider;
  private static String unavailable;
  private static Database database;
  private static Workspace workspace;
  private static WebServer server;
  private static final List<String> signInLog = new CopyOnWriteArrayList<>();
  private static final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
      .followRedirects(java.net.http.HttpClient.Redirect.NEVER).connectTimeout(java.time.Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() {
    try {
      provider = new MockOAuth2Server();
      provider.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      // warm up: the provider's first answers (its keys are made then) can take longer than Begroot's
      // 10 s read timeout on a busy machine; the tests are about Begroot, not that first wait
      for (String u : List.of(provider.wellKnownUrl("default").toString(), provider.jwksUrl("default").toString())) {
        client.send(HttpRequest.newBuilder(URI.create(u)).timeout(java.time.Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.discarding());
      }
    } catch (Throwable e) {
      unavailable = "the test OpenID provider (mock-oauth2-server) cannot start here: " + e;
      return;
    }
    database = Database.open(DatabaseUrl.h2Memory("oidc-test-" + COUNTER.incrementAndGet()));
    workspace = new Workspace(database);
    // every sign-in goes where the workspace reports them (the chained log, the server's log line); the
    // test listens in as well
    workspace.people().events(recorder(workspace.people().events()));
    server = new WebServer(workspace, Clients.DIRECT, settings(issuer()), new OidcIdentities(database, workspace.people().accounts()))
        .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
    if (database != null) {
      database.close();
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  @BeforeEach
  void needsProvider() {
    Assumptions.assumeTrue(unavailable == null, unavailable);
    signInLog.clear();
  }

  static URI issuer() {
    return provider.issuerUrl("default").uri();
  }

  static OidcSettings settings(URI issuer) {
    return new OidcSettings(issuer, CLIENT, SECRET, null, Map.of("fin-controllers", "controller"), Set.of(), null);
  }

  /** Records each sign-in the way the tests read them ("ok oidc anna", "failed oidc bad_state ..."), and passes it on to {@code next}. */
  static nl.begroot.workspace.SignInEvents recorder(nl.begroot.workspace.SignInEvents next) {
    return (account, address, step, result, detail) -> {
      signInLog.add("ok".equals(result) ? "ok " + step + " " + account : "failed " + step + " " + result + " " + detail);
      next.attempt(account, address, step, result, detail);
    };
  }

  /** The claims of the next token the provider issues (it takes them at its token endpoint, in order). */
  static void enqueue(String subject, List<String> audience, Map<String, Object> claims, long expirySeconds) {
    provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", audience, claims, expirySeconds));
  }

  // ------------------------------------------------------------------ the flow, by hand

  /** Begroot's start, then the provider's authorize: the callback URL, the binding cookie and the authorize URL. */
  record AtCallback(String callbackUrl, String bindingCookie, URI authorize) {}

  static AtCallback toCallback() {
    HttpResponse<String> start = send(HttpRequest.newBuilder(URI.create(base() + "/aanmelden/oidc")).GET().build());
    assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    String binding = cookie(start, OidcSignIn.BINDING_COOKIE);
    assertThat(binding).isNotNull();
    HttpResponse<String> atProvider = send(HttpRequest.newBuilder(authorize).GET().build());
    assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
    String callback = atProvider.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(base() + "/aanmelden/oidc/terug?");
    return new AtCallback(callback, binding, authorize);
  }

  static HttpResponse<String> callback(String url, String bindingCookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (bindingCookie != null) {
      b.header("Cookie", OidcSignIn.BINDING_COOKIE + "=" + bindingCookie);
    }
    return send(b.build());
  }

  /** The whole flow: the session cookie's token, or null when no session was started (then the callback's answer is in {@code last}). */
  static HttpResponse<String> last;

  static String signIn() {
    AtCallback at = toCallback();
    last = callback(at.callbackUrl(), at.bindingCookie());
    return cookie(last, WebServer.SESSION_COOKIE);
  }

  static JsonNode me(String token) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + "/api/me"))
        .header("Cookie", WebServer.SESSION_COOKIE + "=" + token).GET().build());
    assertThat(r.statusCode()).isEqualTo(200);
    return Api.JSON.readTree(r.body());
  }

  // ------------------------------------------------------------------ tests

  @Test
  void signsInWithRolesFromTheClaimAndSendsThePkceVerifier() throws Exception {
    enqueue("sub-anna", List.of(CLIENT), Map.of("name", "Anna de Vries", "preferred_username", "anna.oidc",
        "begroot_roles", List.of("controller", "budgethouder:2.7", "budgethouder:3", "lid:ge", "koffiezetter"), "amr", List.of("pwd", "mfa")), 3600);
    AtCallback at = toCallback();
    Map<String, String> auth = query(at.authorize());
    assertThat(auth).containsEntry("response_type", "code").containsEntry("client_id", CLIENT).containsEntry("code_challenge_method", "S256")
        .containsKeys("state", "nonce", "code_challenge");
    assertThat(auth.get("redirect_uri")).isEqualTo(base() + "/aanmelden/oidc/terug");
    HttpResponse<String> back = callback(at.callbackUrl(), at.bindingCookie());
    assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
    assertThat(back.headers().firstValue("Location")).hasValue("/");
    String setCookie = back.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(WebServer.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");

    JsonNode me = me(cookie(back, WebServer.SESSION_COOKIE));
    assertThat(me.get("signedIn").asBoolean()).isTrue();
    assertThat(me.get("id").asString()).isEqualTo("anna.oidc");
    assertThat(me.get("name").asString()).isEqualTo("Anna de Vries");
    assertThat(strings(me.get("roles"))).containsExactly("budgethouder", "controller", "lid");
    assertThat(strings(me.get("units"))).containsExactly("2.7", "3");
    assertThat(me.get("member").asString()).isEqualTo("GE");
    assertThat(me.get("secondFactor").asBoolean()).isTrue();

    // PKCE: the token request carried the verifier whose S256 is the challenge sent to the authorize endpoint
    String code = query(URI.create(at.callbackUrl())).get("code");
    Map<String, String> tokenRequest = tokenRequestWith(code);
    String verifier = tokenRequest.get("code_verifier");
    assertThat(verifier).as("code_verifier in the token request").isNotNull();
    String challenge = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    assertThat(challenge).isEqualTo(auth.get("code_challenge"));
    assertThat(tokenRequest).containsEntry("grant_type", "authorization_code").containsEntry("redirect_uri", base() + "/aanmelden/oidc/terug");
    assertThat(signInLog).containsExactly("ok oidc anna.oidc");
    // reported where a local sign-in is: one entry of the hash-chained log, with the request's origin
    nl.begroot.store.Change entry = workspace.log().entries(new nl.begroot.store.AuditLog.Filter("anna.oidc", null, null, null, null), null, 10)
        .stream().filter(c -> c.action().equals("session.sign-in")).findFirst().orElseThrow();
    assertThat(entry.result()).isEqualTo("ok");
    assertThat(entry.detail()).startsWith("oidc: ok");
    assertThat(entry.originAddress()).isEqualTo("127.0.0.1");
    assertThat(workspace.log().verify().intact()).isTrue();
  }

  @Test
  void noRolesClaimGivesNoRolesAndNoSecondFactorWithoutAmr() {
    enqueue("sub-bert", List.of(CLIENT), Map.of("name", "Bert", "preferred_username", "bert.oidc"), 3600);
    JsonNode me = me(signIn());
    assertThat(me.get("id").asString()).isEqualTo("bert.oidc");
    assertThat(strings(me.get("roles"))).isEmpty();
    assertThat(strings(me.get("units"))).isEmpty();
    assertThat(me.get("member").isNull()).isTrue();
    assertThat(me.get("secondFactor").asBoolean()).isFalse();
    assertThat(workspace.people().accounts().account("bert.oidc").orElseThrow().roles()).isEmpty();
  }

  @Test
  void theProvidersGroupNamesGoThroughTheRoleMap() {
    enqueue("sub-carla", List.of(CLIENT), Map.of("preferred_username", "carla.oidc", "begroot_roles", "fin-controllers"), 3600);
    assertThat(strings(me(signIn()).get("roles"))).containsExactly("controller");
  }

  @Test
  void aLaterSignInBringsRolesUpToDateOnTheSameAccount() {
    enqueue("sub-dirk", List.of(CLIENT), Map.of("preferred_username", "dirk.oidc", "begroot_roles", List.of("controller", "bestuur")), 3600);
    assertThat(strings(me(signIn()).get("roles"))).containsExactly("bestuur", "controller");
    enqueue("sub-dirk", List.of(CLIENT), Map.of("preferred_username", "dirk-renamed", "begroot_roles", List.of("lezer")), 3600);
    JsonNode me = me(signIn());
    assertThat(me.get("id").asString()).isEqualTo("dirk.oidc");
    assertThat(strings(me.get("roles"))).containsExactly("lezer");
  }

  @Test
  void aLocalAccountWithTheSameNameIsNotTakenOver() {
    AccountStore accounts = workspace.people().accounts();
    accounts.create(new AccountStore.Account("eva", "Eva (lokaal)", Set.of(Role.BEHEERDER), Set.of(), null, false), "test");
    enqueue("sub-eva", List.of(CLIENT), Map.of("preferred_username", "eva", "begroot_roles", List.of("lezer")), 3600);
    JsonNode me = me(signIn());
    assertThat(me.get("id").asString()).startsWith("eva-").isNotEqualTo("eva");
    assertThat(strings(me.get("roles"))).containsExactly("lezer");
    assertThat(accounts.account("eva").orElseThrow().roles()).containsExactly(Role.BEHEERDER);
  }

  @Test
  void aDisabledAccountIsRefused() {
    enqueue("sub-frank", List.of(CLIENT), Map.of("preferred_username", "frank.oidc"), 3600);
    assertThat(signIn()).isNotNull();
    workspace.people().accounts().setDisabled("frank.oidc", true);
    enqueue("sub-frank", List.of(CLIENT), Map.of("preferred_username", "frank.oidc"), 3600);
    assertThat(signIn()).isNull();
    assertThat(last.statusCode()).isEqualTo(403);
    assertThat(last.body()).contains("uitgeschakeld");
    assertThat(signInLog).anyMatch(l -> l.startsWith("failed oidc account_disabled"));
  }

  @Test
  void aWrongOrMissingStateOrAnotherBrowsersCallbackIsRefused() {
    // (no claims enqueued: the provider takes them at its token endpoint, which is never reached here)
    AtCallback at = toCallback();
    String state = query(URI.create(at.callbackUrl())).get("state");
    HttpResponse<String> wrong = callback(at.callbackUrl().replace("state=" + state, "state=" + state + "x"), at.bindingCookie());
    refused(wrong, 400, "niet (meer) geldig");
    HttpResponse<String> none = callback(at.callbackUrl().replace("state=" + state, "other=1"), at.bindingCookie());
    refused(none, 400, "niet (meer) geldig");
    // the right state from a browser without the binding cookie (login CSRF): refused, and the state is spent
    refused(callback(at.callbackUrl(), null), 400, "andere browser");
    refused(callback(at.callbackUrl(), at.bindingCookie()), 400, "niet (meer) geldig");
    assertThat(signInLog).allMatch(l -> l.startsWith("failed oidc bad_state"));
    assertThat(workspace.log().entries(nl.begroot.store.AuditLog.Filter.ALL, null, 1).get(0)).satisfies(c -> {
      assertThat(c.action()).isEqualTo("session.sign-in");
      assertThat(c.result()).isEqualTo("failed");
      assertThat(c.detail()).startsWith("oidc: bad_state");
    });
  }

  @Test
  void aCallbackIsUsedOnce() {
    enqueue("sub-hans", List.of(CLIENT), Map.of("preferred_username", "hans.oidc"), 3600);
    AtCallback at = toCallback();
    HttpResponse<String> first = callback(at.callbackUrl(), at.bindingCookie());
    assertThat(cookie(first, WebServer.SESSION_COOKIE)).isNotNull();
    refused(callback(at.callbackUrl(), at.bindingCookie()), 400, "al gebruikt");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    // (the provider makes an ID token's aud from the client id it was asked by, so the claim is set outright)
    enqueue("sub-ida", List.of("another-application"), Map.of("preferred_username", "ida.oidc", "begroot_roles", List.of("controller"),
        "aud", List.of("another-application")), 3600);
    assertThat(signIn()).isNull();
    refused(last, 401, "ongeldig");
    assertThat(signInLog).anyMatch(l -> l.startsWith("failed oidc token_invalid") && l.contains("aud"));
    assertThat(workspace.people().accounts().account("ida.oidc")).isEmpty();
  }

  @Test
  void anExpiredTokenIsRefused() {
    enqueue("sub-jan", List.of(CLIENT), Map.of("preferred_username", "jan.oidc"), -600);
    assertThat(signIn()).isNull();
    refused(last, 401, "ongeldig");
    assertThat(signInLog).anyMatch(l -> l.startsWith("failed oidc token_invalid") && l.toLowerCase().contains("expired"));
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    enqueue("sub-kees", List.of(CLIENT), Map.of("preferred_username", "kees.oidc", "iss", provider.issuerUrl("other").toString()), 3600);
    assertThat(signIn()).isNull();
    refused(last, 401, "ongeldig");
    assertThat(signInLog).anyMatch(l -> l.startsWith("failed oidc token_invalid") && l.toLowerCase().contains("issuer"));
  }

  @Test
  void theUserCancellingAtTheProviderGetsAClearPage() {
    AtCallback at = toCallback();
    String state = query(URI.create(at.callbackUrl())).get("state");
    HttpResponse<String> r = callback(base() + "/aanmelden/oidc/terug?error=access_denied&error_description=User+cancelled&state=" + state, at.bindingCookie());
    refused(r, 403, "afgebroken of geweigerd");
    HttpResponse<String> en = send(HttpRequest.newBuilder(URI.create(base() + "/aanmelden/oidc/terug?error=access_denied&state=x"))
        .header("Cookie", "lang=en").GET().build());
    refused(en, 400, "not valid");
    assertThat(signInLog.get(0)).startsWith("failed oidc denied provider answered access_denied: User cancelled");
  }

  @Test
  void tamperedOrForeignSignedTokensAreRefusedAndAnUntouchedOneIsTaken() throws Exception {
    OidcClient oidc = new OidcClient(settings(issuer()));
    String nonce = "n-" + COUNTER.incrementAndGet();
    SignedJWT good = provider.issueToken("default", CLIENT, new DefaultOAuth2TokenCallback("default", "sub-lisa", "JWT", List.of(CLIENT),
        Map.of("nonce", nonce, "preferred_username", "lisa"), 3600));
    assertThat(oidc.validate(good.serialize(), new Nonce(nonce)).subject()).isEqualTo("sub-lisa"); // the control

    // payload changed (another subject), the provider's signature kept
    String[] parts = good.serialize().split("\\.");
    JWTClaimsSet changed = new JWTClaimsSet.Builder(good.getJWTClaimsSet()).subject("sub-admin").build();
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertInvalid(oidc, tampered, nonce, "signature");

    // the same claims signed with a key the provider never published
    RSAKey foreign = new RSAKeyGenerator(2048).keyID(good.getHeader().getKeyID()).generate();
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreign.getKeyID()).build(), good.getJWTClaimsSet());
    forged.sign(new RSASSASigner(foreign));
    assertInvalid(oidc, forged.serialize(), nonce, "signature");

    // unsigned ("alg": "none")
    String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
    assertInvalid(oidc, none, nonce, "");

    // the right token for another sign-in (nonce replay)
    assertInvalid(oidc, good.serialize(), "another-nonce", "nonce");
  }

  /**
   * The sign-in page offers the identity provider, named after the organisation, when it is
   * configured (the link starts the flow: to the provider's authorize endpoint, with the page to return
   * to), and shows nothing of it when it is not.
   */
  @Test
  void theSignInPageOffersTheOrganisationsProviderOnlyWhenConfigured() {
    Database seeded = Database.open(DatabaseUrl.h2Memory("oidc-page-" + COUNTER.incrementAndGet()));
    Workspace w = new Workspace(seeded);
    w.seedIfEmpty(((nl.begroot.format.LoadResult.Loaded) nl.begroot.format.BudgetFiles.loadBuiltIn()).budget(), nl.begroot.TestBudgets.SEED);
    WebServer with = new WebServer(w, Clients.DIRECT, settings(issuer()), new OidcIdentities(seeded, w.people().accounts())).start("127.0.0.1", 0);
    WebServer without = new WebServer(w).start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + with.port();
      HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/aanmelden?terug=/versies")).GET().build());
      assertThat(page.statusCode()).isEqualTo(200);
      Matcher link = Pattern.compile("<a [^>]*id=\"aanmelden-oidc\" href=\"([^\"]+)\">([^<]+)</a>").matcher(page.body());
      assertThat(link.find()).as(page.body()).isTrue();
      assertThat(link.group(2)).isEqualTo("Aanmelden met IPO"); // the built-in budget's organisation: short_name IPO
      assertThat(link.group(1)).isEqualTo("/aanmelden/oidc?terug=%2Fversies");
      HttpResponse<String> go = send(HttpRequest.newBuilder(URI.create(base + link.group(1))).GET().build());
      assertThat(go.statusCode()).isEqualTo(302);
      assertThat(go.headers().firstValue("Location").orElseThrow()).startsWith(provider.authorizationEndpointUrl("default").toString());

      HttpResponse<String> plain = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + without.port() + "/aanmelden")).GET().build());
      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(plain.body()).contains("name=\"password\"").doesNotContain("aanmelden-oidc").doesNotContain("/aanmelden/oidc")
          .doesNotContain("Aanmelden met");
    } finally {
      with.stop();
      without.stop();
      seeded.close();
    }
  }

  @Test
  void aProviderThatIsDownGivesAClearPage() throws Exception {
    int free;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      free = s.getLocalPort();
    }
    WebServer down = new WebServer(workspace, Clients.DIRECT, settings(URI.create("http://127.0.0.1:" + free + "/nobody")),
        new OidcIdentities(database, workspace.people().accounts())).start("127.0.0.1", 0);
    try {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + down.port() + "/aanmelden/oidc")).GET().build());
      refused(r, 502, "niet bereikbaar");
      assertThat(signInLog).anyMatch(l -> l.startsWith("failed oidc provider_unreachable discovery"));
    } finally {
      down.stop();
    }
  }

  @Test
  void withoutSettingsThereIsNoSignInWithAProvider() {
    try (TestServer plain = new TestServer()) {
      assertThat(plain.get("/aanmelden/oidc").statusCode()).isEqualTo(404);
      assertThat(plain.get("/aanmelden/oidc/terug?code=x&state=y").statusCode()).isEqualTo(404);
      JsonNode me = Api.JSON.readTree(plain.anonymous("/api/me").body());
      assertThat(me.get("signedIn").asBoolean()).isFalse();
      assertThat(me.get("id").asString()).isEqualTo("anoniem");
      assertThat(strings(me.get("roles"))).isEmpty();
    }
  }

  @Test
  void theSecretIsNeverShown() {
    assertThat(settings(issuer()).toString()).doesNotContain(SECRET).contains("***");
  }

  // ------------------------------------------------------------------ helpers

  static void assertInvalid(OidcClient oidc, String token, String nonce, String why) {
    try {
      oidc.validate(token, new Nonce(nonce));
    } catch (OidcFailure f) {
      assertThat(f.kind()).isEqualTo(OidcFailure.Kind.TOKEN_INVALID);
      assertThat(f.getMessage().toLowerCase()).contains(why);
      return;
    }
    throw new AssertionError("token accepted: " + token);
  }

  static void refused(HttpResponse<String> r, int status, String text) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).contains(text).doesNotContain("Exception").doesNotContain("at nl.begroot");
    assertThat(cookie(r, WebServer.SESSION_COOKIE)).isNull();
  }

  /** The form fields of the token request that carried {@code code}, as the provider received it. */
  static Map<String, String> tokenRequestWith(String code) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      RecordedRequest r = provider.takeRequest(2, TimeUnit.SECONDS);
      if (r == null) {
        break;
      }
      if (r.getPath() != null && r.getPath().contains("/token")) {
        Map<String, String> form = form(r.getBody().readUtf8());
        if (code.equals(form.get("code"))) {
          return form;
        }
      }
    }
    throw new AssertionError("no token request with the code reached the provider");
  }

  static Map<String, String> query(URI u) {
    return form(u.getRawQuery());
  }

  static Map<String, String> form(String s) {
    Map<String, String> m = new LinkedHashMap<>();
    if (s != null) {
      for (String p : s.split("&")) {
        int eq = p.indexOf('=');
        if (eq > 0) {
          m.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return m;
  }

  static String cookie(HttpResponse<?> r, String name) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      if (c.startsWith(name + "=")) {
        String v = c.substring(name.length() + 1).split(";", 2)[0];
        return v.isEmpty() ? null : v;
      }
    }
    return null;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
