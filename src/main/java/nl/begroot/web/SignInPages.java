package nl.begroot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.begroot.store.AccountStore;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.People;
import nl.begroot.workspace.People.SignIn;
import nl.begroot.workspace.Totp;
import nl.begroot.workspace.Workspace;

/**
 * Signing in and out with a local account: {@code /aanmelden} (account and password), then, when the
 * account needs it, {@code /aanmelden/stap} (a new password after a one-time one; the TOTP code, or
 * enrolling the second factor first), and {@code POST /afmelden}. Each good sign-in starts a new
 * session (a new token, the old session ended). A half-done sign-in lives in its own cookie for 10
 * minutes, its forms carry a token derived from it.
 */
public final class SignInPages extends Pages {
  /** The cookie of a half-done sign-in. */
  static final String PENDING_COOKIE = "begroot_aanmelding";
  private final Clients clients;

  /** Whether the organisation's identity provider signs people in too (then the page offers it). */
  private final boolean oidc;

  SignInPages(Shared shared, Clients clients, boolean oidc) {
    super(shared);
    this.clients = clients;
    this.oidc = oidc;
  }

  /**
   * What the sign-in template shows; {@code oidcHref} and {@code oidcName} the link to sign in with
   * the organisation's identity provider and the organisation's name, both null when it is not
   * configured.
   */
  public record SignInData(String step, String login, String back, List<FieldError> errors, String message, String secret,
      String secretGrouped, String uri, String pendingCsrf, String oidcHref, String oidcName) {
    SignInData(String step, String login, String back, List<FieldError> errors, String message, String secret, String secretGrouped,
        String uri, String pendingCsrf) {
      this(step, login, back, errors, message, secret, secretGrouped, uri, pendingCsrf, null, null);
    }
  }

  private People people() {
    return workspace.people();
  }

  void form(Context ctx) {
    render(ctx, new SignInData("password", "", back(ctx), List.of(), null, null, null, null, ""));
  }

  void submit(Context ctx) {
    String login = ctx.formParam("login");
    SignIn r = people().signIn(login, ctx.formParam("password"), clients.address(ctx));
    after(ctx, r, login == null ? "" : login.strip());
  }

  void step(Context ctx) {
    String token = ctx.cookie(PENDING_COOKIE);
    SignIn r = people().pending(token);
    if (r.step() == People.Step.EXPIRED) {
      ctx.redirect("/aanmelden?terug=" + View.enc(back(ctx)), HttpStatus.SEE_OTHER);
      return;
    }
    showStep(ctx, r, token);
  }

  void newPassword(Context ctx) {
    String token = pendingChecked(ctx);
    after(ctx, people().newPassword(token, ctx.formParam("password"), ctx.formParam("repeat"), clients.address(ctx)), "");
  }

  void code(Context ctx) {
    String token = pendingChecked(ctx);
    after(ctx, people().code(token, ctx.formParam("code"), clients.address(ctx)), "");
  }

  void signOut(Context ctx) {
    String token = ctx.cookie(WebServer.SESSION_COOKIE);
    if (token != null) {
      people().signOut(token, clients.address(ctx));
    }
    clients.cookie(ctx, WebServer.SESSION_COOKIE, "", "/", 0);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void after(Context ctx, SignIn r, String login) {
    I18n t = I18n.of(lang(ctx));
    switch (r.step()) {
      case DONE -> {
        // a new session id at sign-in: the session the browser came with (if any) ends here
        String old = ctx.cookie(WebServer.SESSION_COOKIE);
        if (old != null) {
          people().signOut(old);
        }
        String pending = ctx.cookie(PENDING_COOKIE);
        if (pending != null) {
          people().accounts().endPending(pending);
          clients.cookie(ctx, PENDING_COOKIE, "", "/aanmelden", 0);
        }
        clients.cookie(ctx, WebServer.SESSION_COOKIE, r.token(), "/", -1);
        ctx.redirect(back(ctx), HttpStatus.SEE_OTHER);
      }
      case NEW_PASSWORD, CODE, ENROL -> {
        if (r.errors().isEmpty()) {
          clients.cookie(ctx, PENDING_COOKIE, r.token(), "/aanmelden", (int) People.PENDING.toSeconds());
          ctx.redirect("/aanmelden/stap?terug=" + View.enc(back(ctx)), HttpStatus.SEE_OTHER);
        } else {
          ctx.status(422);
          showStep(ctx, r, r.token());
        }
      }
      case WRONG -> {
        ctx.status(401);
        render(ctx, new SignInData("password", login, back(ctx), List.of(), t.t("signin.wrong"), null, null, null, ""));
      }
      case THROTTLED -> {
        long seconds = Math.max(1, (r.retryAfter().toMillis() + 999) / 1000); // whole seconds, rounded up
        ctx.status(429).header("Retry-After", Long.toString(seconds));
        String message = t.t("signin.throttled").replace("{seconds}", Long.toString(seconds));
        if (r.token() != null) {
          showStep(ctx, new SignIn(People.Step.CODE, r.token(), r.retryAfter(), List.of()), r.token(), message);
        } else {
          render(ctx, new SignInData("password", login, back(ctx), List.of(), message, null, null, null, ""));
        }
      }
      case EXPIRED -> {
        ctx.status(401);
        render(ctx, new SignInData("password", "", back(ctx), List.of(), t.t("signin.expired"), null, null, null, ""));
      }
      default -> throw new IllegalStateException(r.step().toString());
    }
  }

  private void showStep(Context ctx, SignIn r, String token) {
    showStep(ctx, r, token, null);
  }

  private void showStep(Context ctx, SignIn r, String token, String message) {
    String csrf = AccountStore.csrfToken("pending:" + token);
    People.Step step = r.step();
    if (step == People.Step.CODE && people().pending(token).step() == People.Step.ENROL) {
      step = People.Step.ENROL;
    }
    switch (step) {
      case NEW_PASSWORD -> render(ctx, new SignInData("new-password", "", back(ctx), r.errors(), message, null, null, null, csrf));
      case CODE -> render(ctx, new SignInData("code", "", back(ctx), r.errors(), message, null, null, null, csrf));
      case ENROL -> {
        String secret = people().enrolment(token).orElse(null);
        String account = people().pendingAccount(token).map(a -> a.id()).orElse("");
        if (secret == null) {
          render(ctx, new SignInData("code", "", back(ctx), r.errors(), message, null, null, null, csrf));
        } else {
          render(ctx, new SignInData("enrol", "", back(ctx), r.errors(), message, secret, Totp.grouped(secret), Totp.uri(account, secret), csrf));
        }
      }
      default -> ctx.redirect("/aanmelden", HttpStatus.SEE_OTHER);
    }
  }

  /** The half-done sign-in's token, after checking the form's token derived from it (403 otherwise). */
  private String pendingChecked(Context ctx) {
    String token = ctx.cookie(PENDING_COOKIE);
    String sent = ctx.formParam("_csrf");
    if (token == null || sent == null || !MessageDigest.isEqual(AccountStore.csrfToken("pending:" + token).getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8))) {
      throw WebServer.csrfRefused(ctx);
    }
    return token;
  }

  private void render(Context ctx, SignInData data) {
    I18n t = I18n.of(lang(ctx));
    if (oidc && data.step().equals("password")) {
      data = new SignInData(data.step(), data.login(), data.back(), data.errors(), data.message(), null, null, null, data.pendingCsrf(),
          OidcSignIn.START + "?terug=" + View.enc(data.back()), organisation(t));
    }
    View v = view(ctx, null, t.t("signin.title"));
    render(ctx, "signIn.jte", v, data);
  }

  /** The organisation whose identity provider signs in: the short name of the concept's organisation ("IPO"), else "your organisation". */
  private String organisation(I18n t) {
    return workspace.snapshot(Workspace.CONCEPT).map(s -> s.budget().organisation())
        .map(o -> o.shortName() != null && !o.shortName().isBlank() ? o.shortName() : o.name())
        .filter(n -> n != null && !n.isBlank()).orElse(t.t("signin.oidc.yours"));
  }

  private static String back(Context ctx) {
    String b = ctx.formParam("terug");
    if (b == null) {
      b = ctx.queryParam("terug");
    }
    String path = localPath(b);
    return path.startsWith("/aanmelden") ? "/" : path;
  }
}
