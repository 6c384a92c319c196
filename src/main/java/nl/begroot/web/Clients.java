package nl.begroot.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Set;

/**
 * Where a request comes from: the client's address and whether it came over HTTPS. Both are read
 * from the connection, or, when the connection comes from a configured reverse proxy
 * ({@code --trusted-proxy}), from the proxy's X-Forwarded-For (its last entry: the address the proxy
 * saw) and X-Forwarded-Proto. A client that is not the proxy cannot claim another address or HTTPS.
 */
public final class Clients {
  private final Set<String> trustedProxies;

  public Clients(Set<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  public static final Clients DIRECT = new Clients(Set.of());

  private boolean viaProxy(Context ctx) {
    return !trustedProxies.isEmpty() && trustedProxies.contains(ctx.req().getRemoteAddr());
  }

  /** The client's address. */
  public String address(Context ctx) {
    if (viaProxy(ctx)) {
      String xff = ctx.header("X-Forwarded-For");
      if (xff != null && !xff.isBlank()) {
        String[] parts = xff.split(",");
        String last = parts[parts.length - 1].strip();
        if (!last.isEmpty() && last.length() <= 100) {
          return last;
        }
      }
    }
    return ctx.req().getRemoteAddr();
  }

  /** Whether the request came over HTTPS (a TLS connection, or the trusted proxy says so). */
  public boolean secure(Context ctx) {
    if (ctx.req().isSecure()) {
      return true;
    }
    return viaProxy(ctx) && "https".equalsIgnoreCase(String.valueOf(ctx.header("X-Forwarded-Proto")).strip());
  }

  /** A cookie of ours: HttpOnly, SameSite=Lax, Secure over HTTPS; maxAge -1 for a browser session, 0 to remove it. */
  public void cookie(Context ctx, String name, String value, String path, int maxAge) {
    ctx.cookie(new Cookie(name, value, path, maxAge, secure(ctx), true, null, SameSite.LAX));
  }
}
