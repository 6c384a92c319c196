package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of answer carries the security headers and no version banner: a page, a redirect, the
 * API, a problem document, a download, the static files, Begroot's error pages and Jetty's own
 * refusals (a malformed request line or header, an address that is not UTF-8); the policy
 * allows no inline script or style; and no page, template or static file has an inline script, an
 * event handler attribute, a {@code javascript:} address or an inline style, which the policy would
 * block.
 */
class SecurityHeadersTest {
  static TestServer server;
  static TestServer.SignedIn who;
  static final String V = "/v/conceptbegroting-2027";

  @BeforeAll
  static void start() {
    server = new TestServer();
    who = server.signIn(Actor.person("hanna", "Hanna", Set.of(Role.CONTROLLER), Set.of(), null, true));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** What an answer looked like: status and headers (lower-case names), from the JDK client or a raw socket. */
  record Answer(String what, int status, Map<String, List<String>> headers) {
    String first(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  static Answer of(String what, HttpResponse<?> r) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
    return new Answer(what, r.statusCode(), h);
  }

  /** Sends {@code request} as bytes over a socket and reads the status line and headers of the answer. */
  static Answer raw(String what, String request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", server.server.port()), 5_000);
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0) {
        head.append((char) c);
        if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
          break;
        }
      }
      String[] lines = head.toString().split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, List<String>> h = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          h.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .add(lines[i].substring(colon + 1).trim());
        }
      }
      return new Answer(what, status, h);
    }
  }

  static HttpResponse<byte[]> bytes(HttpRequest request) {
    try {
      return server.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
  }

  /** One answer of every kind, with the status it must have. */
  static List<Answer> everyKind() throws IOException {
    List<Answer> all = new ArrayList<>();
    all.add(of("page", bytes(get("/versies").build())));
    all.add(of("page, sign in first", bytes(get(V).build()))); // an unpublished version, anonymous: sent to sign in
    all.add(of("page, signed in", bytes(who.request(server.base() + V + "/wijzigingen").GET().build())));
    all.add(of("redirect", bytes(get("/").build())));
    all.add(of("API", bytes(get("/api/versions").build())));
    all.add(of("API, signed in", bytes(who.request(server.base() + "/api/versions").GET().build())));
    all.add(of("API problem 401", bytes(get("/api/versions/conceptbegroting-2027").build())));
    all.add(of("API problem 404", bytes(who.request(server.base() + "/api/versions/nope").GET().build())));
    all.add(of("API problem 422", bytes(who.request(server.base() + "/api/versions/conceptbegroting-2027/preview")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"nope\":1}")).build())));
    all.add(of("download", bytes(who.request(server.base() + V + "/download/begroting.html").GET().build())));
    all.add(of("page 404", bytes(get("/nergens").build())));
    all.add(of("static", bytes(get("/static/begroot.js").build())));
    all.add(of("vendor CSS", bytes(get("/vendor/index.css").build())));
    all.add(of("webjar", bytes(get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").build())));
    all.add(raw("Jetty 400, request line", "GET / HTX/1.1\r\nHost: x\r\n\r\n"));
    all.add(raw("Jetty 400, bad header", "GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n"));
    all.add(raw("servlet 400, not UTF-8", "GET /v/%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    return all;
  }

  @Test
  void everyKindOfAnswerHasTheSecurityHeadersAndNoBanner() throws IOException {
    Map<String, Integer> expected = new LinkedHashMap<>();
    List<Answer> answers = everyKind();
    for (Answer a : answers) {
      expected.put(a.what(), a.status());
      for (var h : SecurityHeaders.HEADERS.entrySet()) {
        assertThat(a.first(h.getKey())).as(a.what() + " (" + a.status() + "): " + h.getKey()).isEqualTo(h.getValue());
        assertThat(a.headers().get(h.getKey().toLowerCase(Locale.ROOT))).as(a.what() + ": sent once").hasSize(1);
      }
      assertThat(a.headers()).as(a.what() + ": no version banner").doesNotContainKeys("server", "x-powered-by");
      a.headers().forEach((name, values) -> assertThat(String.join(" ", values).toLowerCase(Locale.ROOT))
          .as(a.what() + ": " + name + " names no server software").doesNotContain("jetty").doesNotContain("javalin"));
      boolean asset = a.what().equals("static") || a.what().equals("vendor CSS") || a.what().equals("webjar");
      if (!asset) {
        assertThat(a.first("Cache-Control")).as(a.what() + ": nothing personal or changing is kept in a cache").isEqualTo("no-store");
      }
    }
    // each kind answered as intended, so the headers above were checked on what they claim to be
    assertThat(expected).containsEntry("page", 200).containsEntry("page, signed in", 200).containsEntry("redirect", 302)
        .containsEntry("page, sign in first", 303).containsEntry("API problem 401", 401)
        .containsEntry("API", 200).containsEntry("API problem 404", 404).containsEntry("API problem 422", 422)
        .containsEntry("download", 200).containsEntry("page 404", 404).containsEntry("static", 200)
        .containsEntry("vendor CSS", 200).containsEntry("webjar", 200).containsEntry("Jetty 400, request line", 400)
        .containsEntry("Jetty 400, bad header", 400).containsEntry("servlet 400, not UTF-8", 400);
  }

  @Test
  void traceIsRefused() throws IOException {
    Answer trace = raw("TRACE", "TRACE / HTTP/1.1\r\nHost: x\r\nX-Secret: echo-me\r\nConnection: close\r\n\r\n");
    assertThat(trace.status()).as("TRACE").isBetween(400, 499);
    assertThat(trace.first("Content-Type")).as("no echo of the request").doesNotContain("message/http");
    assertThat(trace.first("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
  }

  @Test
  void staticFoldersListNothing() {
    for (String dir : List.of("/static/", "/static", "/vendor/", "/webjars/", "/webjars/htmx.org/2.0.10/dist/")) {
      HttpResponse<String> r = server.get(dir);
      assertThat(r.statusCode()).as(dir + ": no directory listing").isEqualTo(404);
      // (every page links begroot.js and htmx itself, so the names alone prove nothing; a listing has a title)
      assertThat(r.body()).as(dir).doesNotContainIgnoringCase("index of").doesNotContainIgnoringCase("directory");
    }
  }

  @Test
  void thePolicyAllowsNoInlineScriptOrStyleAndNoFraming() {
    String csp = SecurityHeaders.CONTENT_SECURITY_POLICY;
    assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*").doesNotContain("http:");
    assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'",
        "default-src 'self'", "form-action 'self'");
  }

  /** Markup the policy would block: an inline script, an event handler attribute, a javascript: address, an inline style. */
  static final Pattern INLINE = Pattern.compile(
      "<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:|\\sstyle\\s*=|<style[\\s>]", Pattern.CASE_INSENSITIVE);

  static List<String> inline(String where, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = INLINE.matcher(text);
    while (m.find()) {
      found.add(where + ": " + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)).replace('\n', ' '));
    }
    return found;
  }

  @Test
  void noTemplateOrStaticFileHasInlineCode() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main/jte"), Path.of("src/main/resources/public"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(jte|html|js|svg)$")).toList()) {
          String text = Files.readString(f);
          if (f.toString().endsWith(".js")) {
            // a script file may assign handlers in code; what matters there is no javascript: address
            if (text.contains("javascript:")) {
              found.add(f + ": javascript:");
            }
            continue;
          }
          found.addAll(inline(f.toString(), text));
        }
      }
    }
    assertThat(found).as("inline code in a template or static file").isEmpty();
  }

  @Test
  void noServedPageHasInlineCode() {
    List<String> found = new ArrayList<>();
    for (String path : List.of(V, V + "/programma/2", V + "/voorstel/2.7-soc", V + "/voorstel/2.7-soc/wijzigen", V + "/voorstel-nieuw",
        V + "/bijlage-1", V + "/provincies", V + "/provincie/GE", V + "/kassiersfunctie", V + "/structureel", V + "/sleutels",
        V + "/controle", V + "/afkortingen", V + "/wijzigingen", V + "/zoeken?q=jeugd", V + "/figuur?id=bijlage-1-2027/GE/total",
        V + "/figuur?id=bijlage-1-2027/GE/total&paneel=1", "/versies", "/vergelijk?a=begroting-2026&b=conceptbegroting-2027", "/nergens")) {
      HttpResponse<String> r = server.get(who, path);
      assertThat(r.statusCode()).as(path).isIn(200, 404);
      found.addAll(inline(path, r.body()));
    }
    assertThat(found).as("inline code in a served page").isEmpty();
  }
}
