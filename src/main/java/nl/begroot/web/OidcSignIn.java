package nl.begroot.web;

import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.begroot.oidc.OidcClient;
import nl.begroot.oidc.OidcFailure;
import nl.begroot.oidc.OidcSettings;
import nl.begroot.oidc.RoleClaims;
import nl.begroot.store.OidcIdentities;
import nl.begroot.workspace.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with the organisation's identity provider: {@code GET /aanmelden/oidc} sends the browser to
 * the provider, {@code GET /aanmelden/oidc/terug} takes it back, checks everything and starts a
 * session. What a started sign-in needs at the callback (state, nonce, PKCE verifier) stays on the
 * server, found by the state and bound to the browser by a short-lived HttpOnly cookie
 * ({@value #BINDING_COOKIE}), so a callback from another browser (login CSRF, a stolen link) is
 * refused. Every failure is a page that says what happened, and an entry of the log (People's SignInEvents).
 */
final class OidcSignIn {
  private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
  static final String START = "/aanmelden/oidc";
  static final String CALLBACK = "/aanmelden/oidc/terug";
  static final String BINDING_COOKIE = "begroot_oidc";
  /** Started sign-ins kept at most (the oldest are dropped beyond this; each lives 10 minutes). */
  static final int MAX_PENDING = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Waiting(String binding, OidcClient.Pending pending) {}

  private final OidcClient client;
  private final People people;
  private final OidcIdentities identities;
  private final Templates templates;
  private final Clients clients;
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

  OidcSignIn(OidcSettings settings, People people, OidcIdentities identities, Templates templates, Clients clients) {
    this.clients = clients;
    this.client = new OidcClient(settings);
    this.people = people;
    this.identities = identities;
    this.templates = templates;
  }

  /** GET /aanmelden/oidc[?terug=/local/path]: to the provider. */
  void start(Context ctx) {
    noStore(ctx);
    OidcClient.Start start;
    try {
      start = client.begin(redirectUri(ctx), localPath(ctx.queryParam("terug")));
    } catch (OidcFailure f) {
      fail(ctx, f);
      return;
    }
    String binding = ctx.cookie(BINDING_COOKIE);
    if (binding == null || !binding.matches("[A-Za-z0-9_-]{43}")) {
      binding = random();
    }
    forgetOld();
    waiting.put(start.pending().state().getValue(), new Waiting(binding, start.pending()));
    clients.cookie(ctx, BINDING_COOKIE, binding, START, (int) OidcClient.ATTEMPT.toSeconds());
    ctx.redirect(start.authorizationUri().toString(), io.javalin.http.HttpStatus.FOUND);
  }

  /** GET /aanmelden/oidc/terug?code&state (or ?error&state): back from the provider. */
  void callback(Context ctx) {
    noStore(ctx);
    ctx.header("Referrer-Policy", "no-referrer");
    String state = ctx.queryParam("state");
    Waiting w = state == null ? null : waiting.remove(state);
    try {
      if (w == null) {
        throw new OidcFailure(OidcFailure.Kind.BAD_STATE, state == null ? "callback without state" : "unknown or used state");
      }
      String cookie = ctx.cookie(BINDING_COOKIE);
      if (cookie == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), w.binding().getBytes(StandardCharsets.UTF_8))) {
        throw new OidcFailure(OidcFailure.Kind.BAD_STATE, "callback from another browser (binding cookie " + (cookie == null ? "missing" : "differs") + ")");
      }
      Map<String, String> params = new LinkedHashMap<>();
      ctx.queryParamMap().forEach((k, v) -> {
        if (!v.isEmpty()) {
          params.put(k, v.get(0));
        }
      });
      OidcClient.Identity who = client.finish(w.pending(), params);
      RoleClaims.Assignment assigned = RoleClaims.read(RoleClaims.at(who.claims(), client.settings().rolesClaim()), client.settings().roleMap());
      if (!assigned.ignored().isEmpty()) {
        LOG.info("sign-in oidc: {} claim values of {} gave nothing: {}", client.settings().rolesClaim(), who.subject(), assigned.ignored());
      }
      String accountId = identities.signIn(who.issuer(), who.subject(), who.username(), who.name(), assigned.roles(), assigned.units(), assigned.member());
      String token = people.accounts().startSession(accountId, who.secondFactor())
          .orElseThrow(() -> new OidcFailure(OidcFailure.Kind.ACCOUNT_DISABLED, "account " + accountId + " is disabled"));
      String old = ctx.cookie(WebServer.SESSION_COOKIE);
      if (old != null) {
        people.signOut(old); // a new session id at every sign-in: the old one ends
      }
      clients.cookie(ctx, WebServer.SESSION_COOKIE, token, "/", -1);
      clients.cookie(ctx, BINDING_COOKIE, "", START, 0);
      // reported where every sign-in is (People's SignInEvents: the chained log and the server's log line)
      people.events().attempt(accountId, clients.address(ctx), "oidc", "ok",
          "roles " + assigned.roles().stream().map(r -> r.code()).sorted().toList() + ", second factor " + who.secondFactor());
      ctx.redirect(w.pending().returnTo(), io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (OidcFailure f) {
      fail(ctx, f);
    }
  }

  private void fail(Context ctx, OidcFailure f) {
    people.events().attempt(null, clients.address(ctx), "oidc", f.kind().name().toLowerCase(java.util.Locale.ROOT), f.getMessage());
    boolean en = "en".equals(Pages.lang(ctx));
    String title = en ? "Sign-in failed" : "Aanmelden mislukt";
    String detail = message(f.kind(), en);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("v", new View(I18n.of(en ? "en" : "nl"), null, List.of(), title, ctx.path(), false));
    params.put("d", detail);
    ctx.status(f.kind().status());
    try {
      ctx.html(templates.render("error.jte", params));
    } catch (RuntimeException e) {
      LOG.error("sign-in error page failed", e);
      ctx.contentType("text/plain; charset=utf-8").result(title + ": " + detail);
    }
  }

  /** What the person reads, per kind of failure, in Dutch or English. */
  static String message(OidcFailure.Kind kind, boolean en) {
    return switch (kind) {
      case PROVIDER_UNREACHABLE -> en ? "The identity provider cannot be reached or gave an unusable answer. Try again later."
          : "De identiteitsprovider is niet bereikbaar of gaf een onbruikbaar antwoord. Probeer het later opnieuw.";
      case BAD_STATE -> en ? "This sign-in is not valid (any more): it was used before, or was started in another browser. Please start again."
          : "Deze aanmelding is niet (meer) geldig: ze is al gebruikt of in een andere browser begonnen. Begin opnieuw.";
      case EXPIRED_ATTEMPT -> en ? "The sign-in took too long (more than 10 minutes). Please start again."
          : "De aanmelding duurde te lang (meer dan 10 minuten). Begin opnieuw.";
      case DENIED -> en ? "The sign-in was cancelled or refused at the identity provider. You are not signed in."
          : "De aanmelding is afgebroken of geweigerd bij de identiteitsprovider. U bent niet aangemeld.";
      case PROVIDER_ERROR -> en ? "The identity provider reported an error. You are not signed in; try again later."
          : "De identiteitsprovider meldde een fout. U bent niet aangemeld; probeer het later opnieuw.";
      case TOKEN_REFUSED -> en ? "The identity provider refused to complete the sign-in. You are not signed in."
          : "De identiteitsprovider weigerde de aanmelding af te ronden. U bent niet aangemeld.";
      case TOKEN_INVALID -> en ? "The identity provider's proof of who you are is not valid (signature, issuer, audience or expiry). You are not signed in."
          : "Het bewijs van de identiteitsprovider is ongeldig (handtekening, uitgever, ontvanger of geldigheid). U bent niet aangemeld.";
      case ACCOUNT_DISABLED -> en ? "Your Begroot account is disabled. Ask the administrator."
          : "Uw account in Begroot is uitgeschakeld. Neem contact op met de beheerder.";
    };
  }

  private URI redirectUri(Context ctx) {
    URI configured = client.settings().redirectUri();
    if (configured != null) {
      return configured;
    }
    String host = ctx.host();
    if (host == null || !host.matches("[A-Za-z0-9.\\-:\\[\\]]{1,300}")) {
      host = "localhost";
    }
    return URI.create((clients.secure(ctx) ? "https" : "http") + "://" + host + CALLBACK);
  }

  /** Where to go after signing in: a path on this server, "/" otherwise (no open redirect). */
  static String localPath(String wanted) {
    if (wanted == null || wanted.length() > 500 || !wanted.startsWith("/") || wanted.startsWith("//") || wanted.startsWith("/\\")
        || !wanted.matches("[\\x21-\\x7e]+")) {
      return "/";
    }
    return wanted;
  }

  private void forgetOld() {
    Instant limit = Instant.now().minus(OidcClient.ATTEMPT);
    waiting.values().removeIf(w -> w.pending().started().isBefore(limit));
    if (waiting.size() >= MAX_PENDING) {
      waiting.entrySet().stream().min(java.util.Comparator.comparing(e -> e.getValue().pending().started()))
          .ifPresent(e -> waiting.remove(e.getKey()));
    }
  }

  private static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
