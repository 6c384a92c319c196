package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.core.access.Role;
import nl.begroot.store.AccountStore;
import nl.begroot.workspace.Passwords;
import nl.begroot.workspace.People;
import nl.begroot.workspace.Totp;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.Test;

/**
 * Signing in and out over real HTTP: passwords, one-time passwords, the second factor (required for a
 * beheerder, replay refused), sessions (a new id at sign-in, sign-out and disabling end them on the
 * server), cookie attributes, throttling, and CSRF on every write that carries a session cookie.
 */
class SignInTest extends ServerSession {
  static final String PASSWORD = "een lange zin voor de test";
  static final String V = "/v/" + Workspace.CONCEPT;

  /** A browser's cookie jar, just enough of one: name → value, from Set-Cookie headers. */
  static final class Jar {
    final Map<String, String> cookies = new LinkedHashMap<>();
    final List<String> setCookies = new java.util.ArrayList<>();

    HttpResponse<String> keep(HttpResponse<String> r) {
      for (String h : r.headers().allValues("Set-Cookie")) {
        setCookies.add(h);
        String pair = h.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        boolean expired = h.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
        if (value.isEmpty() || expired) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return r;
    }

    String header() {
      return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "; " + b).orElse("");
    }

    String session() {
      return cookies.get(WebServer.SESSION_COOKIE);
    }

    HttpResponse<String> get(String path) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
      if (!cookies.isEmpty()) {
        b.header("Cookie", header());
      }
      return keep(server.send(b.build()));
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(TestServer.urlEncoded(form)));
      if (!cookies.isEmpty()) {
        b.header("Cookie", header());
      }
      return keep(server.send(b.build()));
    }

    HttpResponse<String> signIn(String login, String password) {
      return post("/aanmelden", Map.of("login", login, "password", password));
    }
  }

  static String field(String page, String name) {
    Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(page);
    assertThat(m.find()).as("field " + name + " in the page").isTrue();
    return m.group(1);
  }

  /** An account with a known password (not a one-time one). */
  static void account(String id, Set<Role> roles) {
    People people = server.workspace.people();
    assertThat(people.add(new AccountStore.Account(id, id, roles, Set.of(), null, false), "test")).isPresent();
    people.accounts().setPassword(id, Passwords.hash(PASSWORD), false, false);
  }

  static boolean signedInPage(String body) {
    return body.contains("Aangemeld als");
  }

  @Test
  void aGoodPasswordSignsInWithANewSessionAndTheOldCookieStopsWorking() {
    account("sanne", Set.of(Role.CONTROLLER));
    Jar jar = new Jar();
    HttpResponse<String> first = jar.signIn("sanne", PASSWORD);
    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.headers().firstValue("Location")).hasValue("/");
    String old = jar.session();
    assertThat(old).isNotNull();
    String cookie = jar.setCookies.stream().filter(c -> c.startsWith(WebServer.SESSION_COOKIE)).findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");
    assertThat(signedInPage(jar.get("/versies").body())).isTrue();

    // signing in again (as happens after a session fixation attempt): a new id, and the old one ends
    // with a session cookie, the sign-in form is a write like any other: its _csrf field, from the page
    assertThat(jar.signIn("sanne", PASSWORD).statusCode()).as("without the form's token").isEqualTo(403);
    String form = jar.get("/aanmelden").body();
    assertThat(form).contains("Aangemeld als");
    HttpResponse<String> again = jar.post("/aanmelden", Map.of("login", "Sanne ", "password", PASSWORD, "_csrf", field(form, "_csrf")));
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(jar.session()).isNotNull().isNotEqualTo(old);
    assertThat(server.workspace.people().session(old)).as("the old session is over on the server").isEmpty();
    Jar oldJar = new Jar();
    oldJar.cookies.put(WebServer.SESSION_COOKIE, old);
    assertThat(signedInPage(oldJar.get("/versies").body())).isFalse();
    assertThat(signedInPage(jar.get("/versies").body())).isTrue();
  }

  @Test
  void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
    account("tom", Set.of(Role.LEZER));
    Jar jar = new Jar();
    HttpResponse<String> wrong = jar.signIn("tom", PASSWORD + "x");
    HttpResponse<String> unknown = new Jar().signIn("niemand", PASSWORD);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Onbekende gebruikersnaam of verkeerd wachtwoord.");
    assertThat(unknown.body()).contains("Onbekende gebruikersnaam of verkeerd wachtwoord.");
    assertThat(jar.session()).isNull();
    assertThat(wrong.body()).doesNotContain(PASSWORD).contains("value=\"tom\"");
  }

  @Test
  void everySignInGoodOrFailedAndTheSignOutAreEntriesOfTheChainedLog() {
    account("lotte", Set.of(Role.LEZER));
    var all = nl.begroot.store.AuditLog.Filter.ALL;
    long before = server.workspace.log().entries(all, null, 1).get(0).id();
    Jar jar = new Jar();
    assertThat(jar.signIn("lotte", PASSWORD + "x").statusCode()).isEqualTo(401);
    assertThat(jar.signIn("lotte", PASSWORD).statusCode()).isEqualTo(303);
    String token = jar.session();
    assertThat(jar.post("/afmelden", Map.of("_csrf", AccountStore.csrfToken(token))).statusCode()).isEqualTo(303);
    var mine = server.workspace.log().entries(new nl.begroot.store.AuditLog.Filter("lotte", null, null, null, null), null, 10).stream()
        .filter(c -> c.id() > before).toList();
    // newest first: the sign-out, the good sign-in, the failed one; each with the request's address
    assertThat(mine).extracting(c -> c.action() + " " + c.result())
        .containsExactly("session.sign-out ok", "session.sign-in ok", "session.sign-in failed");
    assertThat(mine).allSatisfy(c -> assertThat(c.originAddress()).isNotBlank());
    assertThat(mine.get(2).detail()).contains("password");
    assertThat(server.workspace.log().verify().intact()).isTrue();
  }

  @Test
  void aOneTimePasswordMustBeReplacedByAGoodOne() {
    String once = server.workspace.people().add(new AccountStore.Account("noor", "Noor", Set.of(Role.CONTROLLER), Set.of(), null, false), "test")
        .orElseThrow();
    Jar jar = new Jar();
    HttpResponse<String> r = jar.signIn("noor", once);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/aanmelden/stap");
    assertThat(jar.session()).as("no session before the new password").isNull();
    String page = jar.get("/aanmelden/stap").body();
    assertThat(page).contains("eenmalig wachtwoord");
    String csrf = field(page, "_csrf");

    HttpResponse<String> tooShort = jar.post("/aanmelden/wachtwoord", Map.of("_csrf", csrf, "password", "kort-wachtw", "repeat", "kort-wachtw"));
    assertThat(tooShort.statusCode()).isEqualTo(422);
    assertThat(tooShort.body()).contains("minstens 12 tekens");
    HttpResponse<String> common = jar.post("/aanmelden/wachtwoord", Map.of("_csrf", csrf, "password", "1qaz2wsx3edc", "repeat", "1qaz2wsx3edc"));
    assertThat(common.statusCode()).isEqualTo(422);
    assertThat(common.body()).contains("veelgebruikte wachtwoorden");
    HttpResponse<String> differ = jar.post("/aanmelden/wachtwoord", Map.of("_csrf", csrf, "password", PASSWORD, "repeat", PASSWORD + "!"));
    assertThat(differ.statusCode()).isEqualTo(422);
    assertThat(jar.session()).isNull();
    HttpResponse<String> noToken = jar.post("/aanmelden/wachtwoord", Map.of("password", PASSWORD, "repeat", PASSWORD));
    assertThat(noToken.statusCode()).isEqualTo(403);

    HttpResponse<String> good = jar.post("/aanmelden/wachtwoord", Map.of("_csrf", csrf, "password", PASSWORD, "repeat", PASSWORD));
    assertThat(good.statusCode()).isEqualTo(303);
    assertThat(jar.session()).isNotNull();
    assertThat(signedInPage(jar.get("/versies").body())).isTrue();
    assertThat(new Jar().signIn("noor", once).statusCode()).as("the one-time password is used up").isEqualTo(401);
    assertThat(new Jar().signIn("noor", PASSWORD).statusCode()).isEqualTo(303);
  }

  @Test
  void aBeheerderCannotFinishWithoutTheSecondFactorAndACodeIsGoodOnce() {
    account("bea", Set.of(Role.BEHEERDER));
    Jar jar = new Jar();
    HttpResponse<String> r = jar.signIn("bea", PASSWORD);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/aanmelden/stap");
    assertThat(jar.session()).as("the password alone starts no session").isNull();
    assertThat(jar.get("/beheer/gebruikers").statusCode()).as("half signed in is not signed in").isEqualTo(303);

    // enrolment: the secret and the otpauth URI as text
    String page = jar.get("/aanmelden/stap").body();
    Matcher uri = Pattern.compile("otpauth://totp/Begroot:bea\\?secret=([A-Z2-7]+)&amp;issuer=Begroot").matcher(page);
    assertThat(uri.find()).as(page).isTrue();
    String secret = uri.group(1);
    String csrf = field(page, "_csrf");
    HttpResponse<String> wrongCode = jar.post("/aanmelden/code", Map.of("_csrf", csrf, "code", wrong(secret)));
    assertThat(wrongCode.statusCode()).isEqualTo(422);
    assertThat(jar.session()).isNull();
    long now = Instant.now().getEpochSecond();
    String code = Totp.code(secret, now);
    HttpResponse<String> ok = jar.post("/aanmelden/code", Map.of("_csrf", csrf, "code", code));
    assertThat(ok.statusCode()).isEqualTo(303);
    String session = jar.session();
    assertThat(session).isNotNull();
    assertThat(server.workspace.people().session(session).orElseThrow().secondFactor()).isTrue();
    assertThat(jar.get("/beheer/gebruikers").statusCode()).isEqualTo(200);
    assertThat(jar.cookies).doesNotContainKey(SignInPages.PENDING_COOKIE);

    // the next sign-in asks for the code; the one used at enrolment is refused (replay), the next step's is good
    Jar second = new Jar();
    assertThat(second.signIn("bea", PASSWORD).statusCode()).isEqualTo(303);
    String codePage = second.get("/aanmelden/stap").body();
    assertThat(codePage).contains("Vul de code van zes cijfers in").doesNotContain("otpauth://");
    String csrf2 = field(codePage, "_csrf");
    HttpResponse<String> replay = second.post("/aanmelden/code", Map.of("_csrf", csrf2, "code", code));
    assertThat(replay.statusCode()).isEqualTo(422);
    assertThat(replay.body()).contains("al gebruikt");
    assertThat(second.session()).isNull();
    String next = Totp.code(secret, now + Totp.STEP_SECONDS);
    assertThat(second.post("/aanmelden/code", Map.of("_csrf", csrf2, "code", next)).statusCode()).isEqualTo(303);
    assertThat(second.session()).isNotNull();
  }

  private static String wrong(String secret) {
    String right = Totp.code(secret, Instant.now().getEpochSecond());
    return right.equals("000000") ? "000001" : "000000";
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    account("olaf", Set.of(Role.LEZER));
    Jar jar = new Jar();
    jar.signIn("olaf", PASSWORD);
    String token = jar.session();
    String page = jar.get("/versies").body();
    String csrf = AccountStore.csrfToken(token);
    assertThat(page).contains("<meta name=\"csrf-token\" content=\"" + csrf + "\">").contains("action=\"/afmelden\"");
    assertThat(jar.post("/afmelden", Map.of()).statusCode()).as("sign-out needs the token too").isEqualTo(403);
    assertThat(server.workspace.people().session(token)).isPresent();
    HttpResponse<String> out = jar.post("/afmelden", Map.of("_csrf", csrf));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(jar.session()).isNull();
    assertThat(server.workspace.people().session(token)).as("ended on the server, not only forgotten by the browser").isEmpty();
    Jar replayed = new Jar();
    replayed.cookies.put(WebServer.SESSION_COOKIE, token);
    assertThat(signedInPage(replayed.get("/versies").body())).isFalse();
  }

  @Test
  void aDisabledAccountsSessionEndsAtOnce() {
    account("dirk", Set.of(Role.CONTROLLER));
    Jar jar = new Jar();
    jar.signIn("dirk", PASSWORD);
    assertThat(signedInPage(jar.get("/versies").body())).isTrue();
    server.workspace.people().disable("dirk", true);
    assertThat(signedInPage(jar.get("/versies").body())).isFalse();
    assertThat(new Jar().signIn("dirk", PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void failedSignInsSlowDownPerAccount() throws Exception {
    account("fleur", Set.of(Role.LEZER));
    for (int i = 1; i <= People.FREE_ACCOUNT; i++) {
      assertThat(new Jar().signIn("fleur", "fout wachtwoord " + i).statusCode()).as("failure " + i).isEqualTo(401);
    }
    // the next attempt waits, even with the right password, and says how long
    HttpResponse<String> slowed = new Jar().signIn("fleur", PASSWORD);
    assertThat(slowed.statusCode()).isEqualTo(429);
    assertThat(slowed.body()).contains("Te veel mislukte pogingen");
    long retry = Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retry).isBetween(1L, People.BASE_WAIT.toSeconds());
    // once the wait is over (moved into the past in the database, which every server shares), the right password works
    ago("account:fleur", People.BASE_WAIT.toSeconds() + 1);
    assertThat(new Jar().signIn("fleur", PASSWORD).statusCode()).isEqualTo(303);
    assertThat(server.workspace.people().accounts().failures("account:fleur").count()).as("a good sign-in forgets").isZero();
  }

  @Test
  void failedSignInsSlowDownPerAddressAcrossAccounts() throws Exception {
    account("gijs", Set.of(Role.LEZER));
    AccountStore store = server.workspace.people().accounts();
    int before = store.failures("address:127.0.0.1").count();
    for (int i = before; i < People.FREE_ADDRESS; i++) {
      assertThat(new Jar().signIn("geraden-" + i, PASSWORD).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> slowed = new Jar().signIn("gijs", PASSWORD);
    assertThat(slowed.statusCode()).isEqualTo(429);
    store.clearFailures("address:127.0.0.1");
    assertThat(new Jar().signIn("gijs", PASSWORD).statusCode()).isEqualTo(303);
  }

  /** Moves a subject's last failure {@code seconds} into the past. */
  private static void ago(String subject, long seconds) {
    server.database.jdbi().useHandle(h -> h.createUpdate("update sign_in_failure set last_failure = :t where subject = :s")
        .bind("t", Timestamp.from(Instant.now().minusSeconds(seconds))).bind("s", subject).execute());
  }

  @Test
  void aWriteWithASessionCookieNeedsItsCsrfToken() {
    TestServer.SignedIn anna = server.signIn(nl.begroot.TestBudgets.actor("csrf-anna"));
    String path = "/api/versions/" + Workspace.CONCEPT + "/preview";
    String body = "{\"id\":\"2.3-csrf\",\"unit\":\"2.3\",\"title\":\"Proef\",\"side\":\"lasten\",\"nature\":\"one_off\",\"amounts\":{\"2027\":100}}";
    HttpResponse<String> missing = server.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", anna.cookie())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.body()).contains("problems/csrf").contains("X-CSRF-Token");
    HttpResponse<String> wrongToken = server.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", anna.cookie())
        .header("X-CSRF-Token", AccountStore.csrfToken("another session")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(server.json(anna, "POST", path, body).statusCode()).isEqualTo(200);

    // a page's form: the field _csrf; refused with a page that says what to do
    Map<String, String> form = Map.of("revision", "1");
    HttpResponse<String> formMissing = server.send(HttpRequest.newBuilder(URI.create(server.base() + V + "/voorstel/2.7-soc/intrekken"))
        .header("Cookie", anna.cookie()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(TestServer.urlEncoded(form))).build());
    assertThat(formMissing.statusCode()).isEqualTo(403);
    assertThat(formMissing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(formMissing.body()).contains("CSRF-token ontbreekt of klopt niet");
    assertThat(server.form(anna, V + "/voorstel/2.7-soc/wijzigen", Map.of("action", "preview")).statusCode()).isEqualTo(200);

    // without a session cookie a request is anonymous: no token asked (who may write is the roles' check)
    HttpResponse<String> anonymous = server.json("POST", path, body);
    assertThat(anonymous.body()).doesNotContain("problems/csrf");
  }

  @Test
  void anUploadFormCarriesTheTokenInItsMultipartBody() {
    TestServer.SignedIn anna = server.signIn(nl.begroot.TestBudgets.actor("upload-anna"));
    String yaml = nl.begroot.format.BudgetFiles.builtInText();
    java.util.function.Function<String, HttpResponse<String>> upload = csrf -> {
      String boundary = "grens" + System.nanoTime();
      StringBuilder b = new StringBuilder();
      if (csrf != null) {
        b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n").append(csrf).append("\r\n");
      }
      b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nGeupload\r\n");
      b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.yaml\"\r\n")
          .append("Content-Type: application/yaml\r\n\r\n").append(yaml).append("\r\n--").append(boundary).append("--\r\n");
      return server.send(HttpRequest.newBuilder(URI.create(server.base() + "/versies/inlezen")).header("Cookie", anna.cookie())
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build());
    };
    assertThat(upload.apply(null).statusCode()).isEqualTo(403);
    assertThat(upload.apply("fout").statusCode()).isEqualTo(403);
    assertThat(upload.apply(anna.csrf()).statusCode()).isIn(201, 303);
  }

  @Test
  void pagesCarryTheTokenOnlyForTheirOwnSession() {
    TestServer.SignedIn a = server.signIn(nl.begroot.TestBudgets.actor("cache-a"));
    TestServer.SignedIn b = server.signIn(nl.begroot.TestBudgets.actor("cache-b"));
    String path = V + "/voorstel/2.7-soc";
    assertThat(server.get(path).body()).doesNotContain("csrf-token").doesNotContain("Aangemeld als");
    String pa = server.get(a, path).body();
    String pb = server.get(b, path).body();
    assertThat(pa).contains("name=\"_csrf\" value=\"" + a.csrf() + "\"").contains("Aangemeld als cache-a").doesNotContain(b.csrf());
    assertThat(pb).contains("name=\"_csrf\" value=\"" + b.csrf() + "\"").contains("Aangemeld als cache-b").doesNotContain(a.csrf());
    assertThat(server.get(path).body()).as("the cached page of a session is not anyone else's").doesNotContain(a.csrf()).doesNotContain(b.csrf());
  }

  @Test
  void theCookieIsSecureOnlyWhenATrustedProxySaysHttps() {
    account("petra", Set.of(Role.LEZER));
    WebServer behind = new WebServer(server.workspace, new Clients(Set.of("127.0.0.1"))).start("127.0.0.1", 0);
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + behind.port() + "/aanmelden"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
          .header("X-Forwarded-For", "203.0.113.7").POST(HttpRequest.BodyPublishers.ofString(
              TestServer.urlEncoded(Map.of("login", "petra", "password", PASSWORD))));
      String cookie = server.send(b.build()).headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
      // the same headers from a client that is not the proxy change nothing
      HttpRequest.Builder direct = HttpRequest.newBuilder(URI.create(server.base() + "/aanmelden"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
          .POST(HttpRequest.BodyPublishers.ofString(TestServer.urlEncoded(Map.of("login", "petra", "password", PASSWORD))));
      assertThat(server.send(direct.build()).headers().firstValue("Set-Cookie").orElseThrow()).doesNotContainIgnoringCase("Secure");
      // the address the proxy reports is the one counted
      HttpRequest.Builder bad = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + behind.port() + "/aanmelden"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "198.51.100.9")
          .POST(HttpRequest.BodyPublishers.ofString(TestServer.urlEncoded(Map.of("login", "petra", "password", "fout"))));
      assertThat(server.send(bad.build()).statusCode()).isEqualTo(401);
      assertThat(server.workspace.people().accounts().failures("address:198.51.100.9").count()).isEqualTo(1);
    } finally {
      behind.stop();
    }
  }

  /** The newest log entry with {@code action} (and the target, when given). */
  private static nl.begroot.store.Change newest(String action, String target) {
    return server.workspace.log().entries(new nl.begroot.store.AuditLog.Filter(null, target, null, null, null), null, 50).stream()
        .filter(c -> c.action().equals(action)).findFirst().orElseThrow();
  }

  /**
   * The log's origin is the client's address as Clients reads it: behind the trusted proxy the address
   * in the proxy's X-Forwarded-For (a failed sign-in, a refused request), from any other client its
   * own connection's address, whatever X-Forwarded-For it sends.
   */
  @Test
  void theLogsOriginIsTheAddressTheTrustedProxyReportsAndNeverAClientsOwnClaim() {
    account("olga", Set.of(Role.LEZER));
    WebServer behind = new WebServer(server.workspace, new Clients(Set.of("127.0.0.1"))).start("127.0.0.1", 0);
    try {
      String proxied = "http://127.0.0.1:" + behind.port();
      HttpRequest signIn = HttpRequest.newBuilder(URI.create(proxied + "/aanmelden"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "10.9.9.9, 203.0.113.44")
          .POST(HttpRequest.BodyPublishers.ofString(TestServer.urlEncoded(Map.of("login", "olga", "password", "fout")))).build();
      assertThat(server.send(signIn).statusCode()).isEqualTo(401);
      assertThat(newest("session.sign-in", "olga").originAddress()).isEqualTo("203.0.113.44");
      HttpRequest refused = HttpRequest.newBuilder(URI.create(proxied + V + "/verwijderen")).header("X-Forwarded-For", "203.0.113.45")
          .POST(HttpRequest.BodyPublishers.noBody()).build();
      assertThat(server.send(refused).statusCode()).isIn(401, 303);
      assertThat(newest("request.refused", null).originAddress()).isEqualTo("203.0.113.45");

      // not through the proxy (the test server trusts none): the client's claim is ignored
      HttpRequest claimed = HttpRequest.newBuilder(URI.create(server.base() + "/aanmelden"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "203.0.113.99")
          .POST(HttpRequest.BodyPublishers.ofString(TestServer.urlEncoded(Map.of("login", "olga", "password", "fout")))).build();
      assertThat(server.send(claimed).statusCode()).isEqualTo(401);
      assertThat(newest("session.sign-in", "olga").originAddress()).isEqualTo("127.0.0.1");
      HttpRequest refusedDirect = HttpRequest.newBuilder(URI.create(server.base() + V + "/verwijderen"))
          .header("X-Forwarded-For", "203.0.113.98").POST(HttpRequest.BodyPublishers.noBody()).build();
      assertThat(server.send(refusedDirect).statusCode()).isIn(401, 303);
      assertThat(newest("request.refused", null).originAddress()).isEqualTo("127.0.0.1");
    } finally {
      behind.stop();
    }
  }

  @Test
  void theUsersPageIsForABeheerderWithTheSecondFactor() {
    TestServer.SignedIn admin = server.signIn(nl.begroot.core.access.Actor.person("page-admin", "Page Admin", Set.of(Role.BEHEERDER), Set.of(),
        null, true));
    HttpResponse<String> page = server.get(admin, "/beheer/gebruikers");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("page-admin");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id", "carla-controller");
    form.put("name", "Carla");
    form.put("roles", "controller");
    HttpResponse<String> added = server.form(admin, "/beheer/gebruikers", form);
    assertThat(added.statusCode()).isEqualTo(200);
    Matcher once = Pattern.compile("id=\"eenmalig-wachtwoord\">([^<]+)<").matcher(added.body());
    assertThat(once.find()).isTrue();
    assertThat(new Jar().signIn("carla-controller", once.group(1)).headers().firstValue("Location").orElseThrow()).startsWith("/aanmelden/stap");
    assertThat(server.workspace.people().accounts().account("carla-controller").orElseThrow().roles()).containsExactly(Role.CONTROLLER);

    TestServer.SignedIn controller = server.signIn(nl.begroot.TestBudgets.actor("page-controller"));
    assertThat(server.get(controller, "/beheer/gebruikers").statusCode()).isEqualTo(403);
    TestServer.SignedIn noSecond = server.signIn(nl.begroot.core.access.Actor.person("page-admin-1f", "x", Set.of(Role.BEHEERDER), Set.of(),
        null, false));
    assertThat(server.get(noSecond, "/beheer/gebruikers").statusCode()).isEqualTo(403);
    assertThat(server.get("/beheer/gebruikers").statusCode()).as("the anonymous visitor is sent to sign in").isEqualTo(303);
  }
}
