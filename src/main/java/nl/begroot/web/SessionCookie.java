package nl.begroot.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The session cookie, set in one place for every way of signing in (the identity provider now, the
 * local sign-in page at the merge): {@value WebServer#SESSION_COOKIE}, HttpOnly, SameSite=Lax, path /,
 * Secure when the request came over HTTPS (directly, or through a reverse proxy that says so with
 * {@code X-Forwarded-Proto: https}), and without Max-Age: the browser forgets it when it closes, the
 * server ends the session after 30 minutes idle or 12 hours (AccountStore).
 */
final class SessionCookie {
  private SessionCookie() {}

  /** Sets the cookie that carries a new session's {@code token}. */
  static void start(Context ctx, String token) {
    ctx.cookie(new Cookie(WebServer.SESSION_COOKIE, token, "/", -1, https(ctx), true, null, SameSite.LAX));
  }

  /** Removes the session cookie (sign-out). */
  static void end(Context ctx) {
    ctx.cookie(new Cookie(WebServer.SESSION_COOKIE, "", "/", 0, https(ctx), true, null, SameSite.LAX));
  }

  /** Whether the browser reached us over HTTPS. A forged header only makes the browser withhold its own cookie. */
  static boolean https(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }
}
