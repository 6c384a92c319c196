package nl.begroot.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.ResponseHttpFields;

/**
 * The security headers of every response (pages, API, downloads, static files, error answers of
 * Begroot and of Jetty itself), set in one place: a Jetty customizer that runs for every request
 * before any handler, so no route can forget them (decision 101 in docs/DECISIONS.md).
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts and styles only from Begroot's own files (no inline
 *       script, no inline style, no {@code eval}), images from itself or {@code data:} (the NL Design
 *       System CSS draws its check marks as data URLs), no frames of Begroot elsewhere, no
 *       {@code <base>}, forms post only to Begroot, no plug-ins;</li>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} (for browsers without
 *       {@code frame-ancestors}), {@code Referrer-Policy: strict-origin-when-cross-origin} (not
 *       {@code no-referrer}: with it a browser sends {@code Origin: null} on the forms' own posts,
 *       which would switch off the Origin check, the second line behind the CSRF token),
 *       {@code Permissions-Policy} switching off the powerful features Begroot never uses;</li>
 *   <li>{@code Cache-Control: no-store} on everything but the static files (which set their own):
 *       a page or download may be personal or show a draft that changes with the next save, so
 *       neither the browser nor a proxy keeps a copy.</li>
 * </ul>
 *
 * <p>The security headers are Jetty's "persistent" fields: they survive a response reset (an error
 * page written after a handler failed), so an error answer carries them too. Jetty's own refusals
 * before a request exists (bad framing) get them from {@link HttpLimits.PlainErrors}.
 */
final class SecurityHeaders implements HttpConfiguration.Customizer {
  /** The policy; no {@code 'unsafe-inline'} and no {@code 'unsafe-eval'} anywhere. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

  /** Every security header and its value, in the order they are sent. */
  static final Map<String, String> HEADERS;

  static {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Referrer-Policy", "strict-origin-when-cross-origin");
    h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    HEADERS = java.util.Collections.unmodifiableMap(h);
  }

  /**
   * The policy for one HTML document shown in the browser that carries its own {@code <style>}
   * elements (the member's statement, which is the same file as the download): the policy above
   * with each of those elements allowed by its SHA-256 hash, so no other inline style applies
   * (still no {@code 'unsafe-inline'}; decision 118).
   */
  static String withStyleHashes(String html) {
    StringBuilder hashes = new StringBuilder();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<style>(.*?)</style>", java.util.regex.Pattern.DOTALL).matcher(html);
    while (m.find()) {
      try {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        hashes.append(" 'sha256-").append(java.util.Base64.getEncoder().encodeToString(digest)).append('\'');
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return CONTENT_SECURITY_POLICY.replace("style-src 'self';", "style-src 'self'" + hashes + ";");
  }

  /** Static files: public, the same for everyone, cached by their own rules. */
  static boolean isAsset(String path) {
    return path != null && (path.startsWith("/static/") || path.startsWith("/vendor/") || path.startsWith("/webjars/"));
  }

  @Override
  public Request customize(Request request, HttpFields.Mutable headers) {
    add(headers);
    if (!isAsset(request.getHttpURI().getPath())) {
      headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    }
    return request;
  }

  /** Puts the security headers into {@code headers}, kept through a reset of the response. */
  static void add(HttpFields.Mutable headers) {
    HEADERS.forEach((name, value) -> headers.put(new ResponseHttpFields.PersistentHttpField(new HttpField(name, value))));
  }
}
