package nl.begroot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Malformed requests and files against every route of the server (enumerated from the server, so a
 * new route is fuzzed too), every upload (budget file, workbook) and the HTTP framing itself:
 * at least 10.000 per run, and then 0 answers 5xx, 0 stack traces or errors in the log (captured
 * with a Logback appender), 0 error messages that name a library class, 0 partial writes (a
 * refused request leaves every version's stamp as it was), and no connection closed without an
 * answer unless the client had cut its request short or sent no request at all ({@link #SILENT}:
 * the raw framing requests that {@link #mutate} truncates; counted apart by reason).
 *
 * <p>Each request is sent as the staff person (controller and budget holder), as a controller who
 * does not own the scenario, or as the anonymous visitor, so refusals (401, 403) are fuzzed too.
 *
 * <p>The server under fuzz holds a small generated budget (its pages, exports and imports are cheap),
 * four clients send at once, and copies and imports are capped (they each add a version): 10.000
 * requests take about 35 s on two loaded cores.
 *
 * <p>Seeded: {@code -Dbegroot.fuzz.seed=N} replays a run (the seed is printed, and named in every
 * failure), {@code -Dbegroot.fuzz.count=N} sets the number of requests; every client thread draws its
 * own sequence from the seed, so a failure replays exactly with {@code -Dbegroot.fuzz.threads=1}
 * only when it does not depend on the interleaving (with one thread, thread 0's sequence is the run).
 */
class FuzzTest {
  static final long SEED = Long.getLong("begroot.fuzz.seed", 20261201L);
  static final int COUNT = Integer.getInteger("begroot.fuzz.count", 10_000);
  /** Client threads sending at once; each has its own random sequence (seed + thread number). */
  static final int THREADS = Integer.getInteger("begroot.fuzz.threads", 4);
  /** Copies and imports at most (each creates a version when it is valid): enough to fuzz them, few enough to keep a run short. */
  static final int EXPENSIVE = Integer.getInteger("begroot.fuzz.expensive", 400);
  static final java.util.Set<String> EXPENSIVE_ROUTES =
      java.util.Set.of("POST /versies", "POST /versies/inlezen", "POST /versies/werkmap", "POST /api/versions", "POST /api/import");
  static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
  /** A class name of Java, Jetty, Javalin, Jackson, SnakeYAML or fastexcel in an error message. */
  static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jakarta|org\\.eclipse|io\\.javalin|tools\\.jackson|org\\.snakeyaml"
      + "|org\\.dhatim|org\\.h2|org\\.jdbi|com\\.ctc)\\.[a-z]+|[A-Z][A-Za-z]+Exception\\b|\\tat [a-z]");

  static TestServer server;
  static final java.util.Queue<ILoggingEvent> log = new java.util.concurrent.ConcurrentLinkedQueue<>();
  static ch.qos.logback.core.AppenderBase<ILoggingEvent> appender;
  static byte[] workbook;
  static String yaml;
  static String[] versions;
  static String[] proposals;
  static String[] members;
  static String[] keys;
  /** A signed-in controller (not the scenario's author); the others are the staff person and the anonymous visitor. */
  static TestServer.SignedIn controller;

  @BeforeAll
  static void start() throws Exception {
    // a small generated budget: its pages, exports and imports cost a fraction of the IPO budget's
    Budget budget = BudgetGenerator.generate(SEED, new BudgetGenerator.Size(24, 3, 4, 2, 3, 2));
    server = new TestServer(budget);
    appender = new ch.qos.logback.core.AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent e) {
        log.add(e);
      }
    };
    appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    appender.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
    workbook = server.http.send(server.staff.request(server.base() + "/v/" + Workspace.CONCEPT + "/download/begroting.xlsx").build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
    yaml = server.get("/v/" + Workspace.CONCEPT + "/export").body();
    // a scenario of the staff person's own, so that deleting and editing one is fuzzed too
    server.workspace.copy(Workspace.CONCEPT, "Fuzz", nl.begroot.TestBudgets.actor("test"));
    controller = server.signIn(nl.begroot.core.access.Actor.person("fuzz-controller", "Fuzz", java.util.Set.of(nl.begroot.core.access.Role.CONTROLLER),
        java.util.Set.of(), null, false));
    versions = new String[] {Workspace.CONCEPT, Workspace.FRAME, "fuzz", "nope", ""};
    List<String> ids = budget.proposals().stream().map(p -> p.id()).filter(id -> !id.contains("balancing")).limit(3).toList();
    proposals = java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of("nope", ids.get(0).toUpperCase())).toArray(String[]::new);
    members = java.util.stream.Stream.concat(budget.members().stream().limit(2).map(m -> m.id()), java.util.stream.Stream.of("ZZ", "m1"))
        .toArray(String[]::new);
    keys = java.util.stream.Stream.concat(budget.keys().stream().map(k -> k.id()), java.util.stream.Stream.of("nope")).toArray(String[]::new);
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
    server.close();
  }

  /**
   * What was sent (for the failure message) and what came back; for no answer ({@code status} -1),
   * why: {@link #silence} when the request was not whole, else what went wrong.
   */
  record Outcome(String what, int status, String body, String silence) {
    Outcome(String what, int status, String body) {
      this(what, status, body, null);
    }

    /** Whether no answer is what HTTP asks for here: the client closed before its request was whole. */
    boolean expectedSilence() {
      return status < 0 && silence != null && SILENT.contains(silence);
    }
  }

  static final String NO_REQUEST = "only empty lines, no request";
  static final String CUT_IN_HEAD = "closed by the client in the head";
  static final String CUT_IN_BODY = "closed by the client in the body";
  /**
   * The reasons for which a closed connection without an answer is right: a server ignores empty
   * lines before a request line (RFC 9112, 2.2) and cannot answer a request that the client closed
   * before it was whole (its head without the empty line that ends it, or its body shorter than
   * Content-Length or without the last chunk); Jetty closes such a connection without a word.
   */
  static final java.util.Set<String> SILENT = java.util.Set.of(NO_REQUEST, CUT_IN_HEAD, CUT_IN_BODY);

  /**
   * {@link #THREADS} clients at once. A request that may write (any method but GET, every upload and
   * raw request) runs alone (write lock) between two looks at the stored state, so a refused one that
   * changed it is caught; GETs run side by side (read lock). What the server logs is checked after
   * every request; with several clients a log line is named with the requests around it.
   */
  @Test
  void tenThousandMalformedRequestsGetNo5xxNoStackNoPartialWrite() throws Exception {
    List<String> routes = server.server.routes();
    Map<String, Integer> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.locks.ReentrantReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
    java.util.concurrent.atomic.AtomicInteger expensive = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      int count = COUNT / THREADS + (t < COUNT % THREADS ? 1 : 0);
      Thread worker = new Thread(() -> {
        Random random = new Random(SEED + thread);
        for (int i = 0; i < count && failures.size() < 10; i++) {
          String where = "thread " + thread + " request " + i + " (seed " + SEED + ")";
          int kind = random.nextInt(100);
          String route = routes.get(random.nextInt(routes.size()));
          boolean costly = kind >= 85 || (kind < 70 && EXPENSIVE_ROUTES.contains(route));
          if (costly && expensive.incrementAndGet() > EXPENSIVE) {
            // over the cap: a cheap route instead (the same draw, so the sequence stays replayable)
            kind = 0;
            do {
              route = routes.get(random.nextInt(routes.size()));
            } while (EXPENSIVE_ROUTES.contains(route));
          }
          boolean read = kind < 70 && route.startsWith("GET ");
          var held = read ? lock.readLock() : lock.writeLock();
          held.lock();
          try {
            String before = read ? null : state();
            Outcome o = kind < 70 ? routeRequest(random, route) : kind < 85 ? framing(random) : upload(random);
            sent.incrementAndGet();
            check(o, where + ": " + o.what(), before, byStatus, failures);
          } finally {
            held.unlock();
          }
        }
      }, "fuzz-" + t);
      worker.start();
      threads.add(worker);
    }
    for (Thread t : threads) {
      t.join();
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("fuzz: seed %d, %d threads, %d requests (%d copies and imports) in %d s, by status %s%n", SEED, THREADS, total,
        Math.min(expensive.get(), EXPENSIVE), seconds, byStatus);
    System.out.printf("fuzz: %d requests sent again on a new connection after their pooled one was found closed%n", STALE_RETRIES.get());
    System.out.printf("fuzz: by class %s%n", byStatus.entrySet().stream().collect(Collectors.groupingBy(
        e -> e.getKey().length() == 3 ? e.getKey().charAt(0) + "xx" : e.getKey(), TreeMap::new, Collectors.summingInt(Map.Entry::getValue))));
    if (!failures.isEmpty()) {
      fail("fuzz failures (replay with -Dbegroot.fuzz.seed=" + SEED + "):\n" + String.join("\n", failures));
    }
  }

  /**
   * The reasons for silence are read from the request, not taken from the server: a whole request
   * (head and body) that got no answer counts as a failure above, and a whole request sent raw here
   * gets its answer.
   */
  @Test
  void silenceIsExpectedOnlyForRequestsTheClientCutShort() {
    assertEquals(NO_REQUEST, whole("\r\n\r\n\r\n"));
    assertEquals(CUT_IN_HEAD, whole("POST /api/versions HTTP/1.1\r\nHost: h\r\nContent-L"));
    assertEquals(CUT_IN_BODY, whole("POST /api/versions HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n{}"));
    assertEquals(CUT_IN_BODY, whole("POST /api/import HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"));
    assertEquals("a whole request", whole("GET /api/health HTTP/1.1\r\nHost: h\r\n\r\n"));
    assertEquals("a whole request", whole("POST /api/versions HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}"));
    assertEquals("a whole request", whole("POST /api/import HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
    Outcome o = raw("GET /api/health HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", "health");
    assertEquals(200, o.status(), o.toString());
  }

  static void check(Outcome o, String where, String before, Map<String, Integer> byStatus, List<String> failures) {
    byStatus.merge(o.status() < 0 ? "no answer, " + (o.expectedSilence() ? o.silence() : "unexpected") : String.valueOf(o.status()), 1,
        Integer::sum);
    if (o.status() < 0 && !o.expectedSilence()) {
      failures.add(where + " -> no answer to a whole request (" + o.silence() + ")");
    }
    if (o.status() >= 500) {
      failures.add(where + " -> " + o.status() + " " + shorten(o.body()));
    }
    if (o.status() >= 400 && CLASS_NAME.matcher(o.body()).find()) {
      failures.add(where + " -> " + o.status() + " names a class: " + shorten(o.body()));
    }
    if (before != null && (o.status() >= 400 || o.status() < 0) && !state().equals(before)) {
      failures.add(where + " -> " + o.status() + " but the stored state changed (partial write)");
    }
    for (ILoggingEvent e; (e = log.poll()) != null; ) {
      if (e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(Level.ERROR)) {
        failures.add("around " + where + " -> logged " + e.getLevel() + " " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : " with a stack trace:\n" + ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy())));
      }
    }
  }

  /** The stored state that a refused request must leave alone: every version with its revision and stamp. */
  static String state() {
    return server.workspace.versions().stream().map(v -> v.slug() + "@" + v.revision() + "/" + v.stamp()).collect(Collectors.joining(","));
  }

  static String shorten(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  // ------------------------------------------------------------------------------------- values

  static final String[] GARBAGE = {"", "%00", "..", "%2e%2e%2f", "%ZZ", "a%2Fb", "%C3%28", "%FF%FE", "x".repeat(3000), "😀", "%20",
      "'%22%3Cscript%3E", "-1", "99999999999999999999", "null", "%0d%0aSet-Cookie:x", "[]", "{}", ";", "=", "&"};

  static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  /** A value for a path parameter: usually one that exists, often garbage. */
  static String param(Random r, String name) {
    if (r.nextInt(3) == 0) {
      return pick(r, GARBAGE);
    }
    return switch (name) {
      case "version" -> pick(r, versions);
      case "proposal" -> pick(r, proposals);
      case "member" -> pick(r, members);
      case "key" -> pick(r, keys);
      case "file" -> pick(r, "begroting.html", "begroting.xlsx", "open-data.zip", "verklaring.html", "x.doc");
      case "table" -> pick(r, "tabel-1", "bijlage-1-2027", "nope");
      case "programme" -> pick(r, "1", "2", "99", "x");
      case "lang" -> pick(r, "nl", "en", "xx");
      default -> pick(r, GARBAGE);
    };
  }

  static String query(Random r) {
    if (r.nextInt(3) == 0) {
      return "";
    }
    StringBuilder q = new StringBuilder("?");
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String key = pick(r, "a", "b", "q", "id", "name", "file", "page", "lang", "limit", pick(r, GARBAGE));
      String value = r.nextBoolean() ? pick(r, versions) : pick(r, GARBAGE);
      q.append(i == 0 ? "" : "&").append(key).append('=').append(value);
    }
    return q.toString();
  }

  // ------------------------------------------------------------------------------------- bodies

  static final String[] JSON_BODIES = {
      "{\"id\":\"f1\",\"unit\":\"1.1\",\"title\":\"Fuzz\",\"side\":\"lasten\",\"amounts\":{\"2027\":100},\"revision\":1}",
      "{\"id\":null,\"amounts\":{\"x\":\"y\"}}", "{\"amounts\":[1,2]}", "{\"revision\":\"1\"}", "{\"shares\":{\"GE\":\"abc\"},\"revision\":1}",
      "{\"name\":\"\"}", "{\"from\":\"nope\",\"name\":\"x\"}", "[]", "null", "1e999999", "{\"a\":", "{\"title\":\"\\ud800\"}",
      "{\"amounts\":{\"2027\":1e400}}", "{\"amounts\":{\"2027\":-99999999999999999999999}}", "{\"products\":[1,{},null]}",
      "{" + "\"a\":1,".repeat(5000) + "\"b\":2}", "[".repeat(5000), "{\"x\":" + "{\"y\":".repeat(100) + "1" + "}".repeat(101)};

  static byte[] jsonBody(Random r) {
    String base = pick(r, JSON_BODIES);
    byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
    return r.nextInt(4) == 0 ? mutate(r, bytes) : bytes;
  }

  static byte[] formBody(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      String key = pick(r, "from", "name", "id", "unit", "title", "side", "nature", "amount.2027", "revision", "action", "share.GE", "products",
          "_csrf", pick(r, GARBAGE));
      String value = r.nextBoolean() ? pick(r, versions) : pick(r, GARBAGE);
      b.append(i == 0 ? "" : "&").append(key).append('=').append(r.nextBoolean() ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] mutate(Random r, byte[] bytes) {
    byte[] b = bytes.clone();
    int op = r.nextInt(4);
    if (b.length == 0) {
      return new byte[] {(byte) r.nextInt(256)};
    }
    switch (op) {
      case 0 -> { // flip bytes
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
          b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        return b;
      }
      case 1 -> { // truncate
        return java.util.Arrays.copyOf(b, r.nextInt(b.length));
      }
      case 2 -> { // repeat a slice
        int from = r.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + r.nextInt(64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, from + len);
        for (int i = 0; i < 1 + r.nextInt(50); i++) {
          out.write(b, from, len);
        }
        out.write(b, from + len, b.length - from - len);
        return out.toByteArray();
      }
      default -> { // insert garbage
        int at = r.nextInt(b.length);
        byte[] g = pick(r, GARBAGE).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.write(g, 0, g.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
      }
    }
  }

  /** A budget file with a mistake a person or a hostile client could make. */
  static byte[] yamlFile(Random r) {
    String[] lines = yaml.split("\n", -1);
    int op = r.nextInt(8);
    int at = r.nextInt(lines.length);
    switch (op) {
      case 0 -> lines[at] = "";
      case 1 -> lines[at] = "\t" + lines[at];
      case 2 -> lines[at] = lines[at].replace(":", "");
      case 3 -> lines[at] = lines[at] + " &a [" + "*a, ".repeat(3) + "]";
      case 4 -> lines[at] = "x: " + "[".repeat(200);
      case 5 -> lines[at] = lines[at].replaceAll("\\d", "9".repeat(1 + r.nextInt(30)));
      case 6 -> {
        return mutate(r, yaml.getBytes(StandardCharsets.UTF_8));
      }
      default -> lines[at] = "a: &a [x]\nb: [" + "*a, ".repeat(100) + "*a]";
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  /** A workbook that is damaged, hostile or simply not one. */
  static byte[] workbookFile(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> mutate(r, workbook);
      case 1 -> java.util.Arrays.copyOf(workbook, r.nextInt(workbook.length));
      case 2 -> yamlFile(r);
      default -> {
        byte[] b = new byte[r.nextInt(2048)];
        r.nextBytes(b);
        if (b.length > 4) {
          b[0] = 'P';
          b[1] = 'K';
          b[2] = 3;
          b[3] = 4;
        }
        yield b;
      }
    };
  }

  static String multipart(Random r, ByteArrayOutputStream out, byte[] file) {
    String boundary = r.nextInt(10) == 0 ? pick(r, "", "\"", "x".repeat(100)) : "fuzz" + r.nextInt(1_000_000);
    try {
      for (String field : List.of("from", "name", "_csrf")) {
        if (r.nextInt(4) > 0) {
          String value = field.equals("from") ? pick(r, versions) : field.equals("name") ? "fuzz " + r.nextInt(1_000_000) : pick(r, GARBAGE);
          out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
        }
      }
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + pick(r, "file", "file", "other") + "\"; filename=\""
          + pick(r, "b.xlsx", "b.yaml", "", "..\\..\\x") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(file);
      if (r.nextInt(8) > 0) {
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return "multipart/form-data; boundary=" + boundary;
  }

  // ----------------------------------------------------------------------------------- requests

  static Outcome routeRequest(Random r, String route) {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1);
    Matcher m = PARAM.matcher(path);
    StringBuilder p = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(p, Matcher.quoteReplacement(param(r, m.group(1))));
    }
    m.appendTail(p);
    if (r.nextInt(10) == 0) {
      method = pick(r, "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    }
    String contentType;
    byte[] body;
    switch (r.nextInt(6)) {
      case 0 -> {
        contentType = pick(r, "application/json", "application/json; charset=utf-8", "application/JSON", "text/json");
        body = jsonBody(r);
      }
      case 1 -> {
        contentType = "application/x-www-form-urlencoded";
        body = formBody(r);
      }
      case 2 -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        contentType = multipart(r, out, r.nextBoolean() ? yamlFile(r) : workbookFile(r));
        body = out.toByteArray();
      }
      case 3 -> {
        contentType = pick(r, "application/yaml", "text/plain", "application/octet-stream");
        body = yamlFile(r);
      }
      case 4 -> {
        contentType = pick(r, "", "garbage", "multipart/form-data", "application/json; charset=latin-7", "*/*");
        body = new byte[r.nextInt(512)];
        r.nextBytes(body);
      }
      default -> {
        contentType = null;
        body = new byte[0];
      }
    }
    return send(r, method, p + query(r), contentType, body);
  }

  static Outcome upload(Random r) {
    String target = pick(r, "/versies/werkmap", "/versies/inlezen", "/api/import?name=fuzz-" + r.nextInt(1_000_000));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] file = target.contains("werkmap") ? workbookFile(r) : yamlFile(r);
    if (target.startsWith("/api/")) {
      return send(r, "POST", target, "application/yaml", file);
    }
    String type = multipart(r, out, file);
    return send(r, "POST", target, type, out.toByteArray());
  }

  /** Requests sent again on a new connection after a pooled one turned out closed (see {@link #send}). */
  static final java.util.concurrent.atomic.AtomicInteger STALE_RETRIES = new java.util.concurrent.atomic.AtomicInteger();

  /** Whether the client library found its pooled connection closed before any byte of an answer came. */
  static boolean staleConnection(IOException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("received no bytes") || m.contains("EOF reached while reading") || m.contains("Connection reset");
  }

  static Outcome send(Random r, String method, String pathAndQuery, String contentType, byte[] body) {
    String what = method + " " + shorten(pathAndQuery) + (contentType == null ? "" : " [" + contentType + ", " + body.length + " bytes]");
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(URI.create(server.base() + pathAndQuery)).timeout(Duration.ofSeconds(30));
    } catch (IllegalArgumentException e) {
      // an address the client library will not send: send it raw instead
      return raw(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", what);
    }
    if (contentType != null && !contentType.isEmpty()) {
      b.header("Content-Type", contentType);
    }
    // as whom: the staff person (controller and budget holder, the scenario's author), a controller, or the anonymous visitor
    TestServer.SignedIn who = switch (r.nextInt(4)) {
      case 0 -> null;
      case 1 -> controller;
      default -> server.staff;
    };
    if (who != null) {
      b.header("Cookie", who.cookie()).header("X-CSRF-Token", who.csrf());
    }
    if (r.nextInt(8) == 0) {
      b.header("If-Match", pick(r, GARBAGE).isEmpty() ? "\"1\"" : "x");
    }
    if (r.nextInt(20) == 0) {
      b.header("Origin", pick(r, "https://evil.example", "null", server.base()));
    }
    b.method(method, body.length == 0 && contentType == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpRequest request = b.build();
      HttpResponse<String> response;
      try {
        response = server.http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (!staleConnection(e)) {
          throw e;
        }
        // HTTP/1.1's keep-alive race (RFC 9112, 9.3.1): the client library sent on a pooled connection
        // that the server had already closed (its idle timeout, or an earlier answer it closed after),
        // and nothing came back. A client sends again on a new connection; a server that leaves a
        // request on a new connection unanswered still fails below.
        STALE_RETRIES.incrementAndGet();
        response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build()
            .send(request, HttpResponse.BodyHandlers.ofString());
      }
      return new Outcome(what, response.statusCode(), response.body());
    } catch (IllegalArgumentException e) {
      return raw(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", what);
    } catch (IOException e) {
      return new Outcome(what, -1, "", "the client library failed: " + e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------------ framing

  static final String[] FRAMING = {
      // malformed chunked bodies
      "POST /api/import?name=f HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Type: application/yaml\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n",
      "POST /api/versions HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n5\r\n{\"a\":1}\r\n0\r\n\r\n",
      "POST /api/versions HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nffffffffffffffffff\r\nx\r\n",
      "POST /versies HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n3;ext=\"\r\nabc\r\n0\r\n\r\n",
      "POST /api/import?name=f HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc0\r\n\r\n",
      "POST /api/import?name=f HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
      "POST /api/import?name=f HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n",
      "POST /api/import?name=f HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n\r\n",
      // bad content lengths
      "POST /api/versions HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\nContent-Type: application/json\r\n\r\n{}",
      "POST /api/versions HTTP/1.1\r\nHost: h\r\nContent-Length: -5\r\nContent-Type: application/json\r\n\r\n{}",
      "POST /api/versions HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 3\r\nContent-Type: application/json\r\n\r\n{}x",
      "POST /api/versions HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n{}",
      "POST /api/versions HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "POST /api/versions HTTP/1.1\r\nHost: h\r\nContent-Length: 1 0\r\n\r\n{}",
      // bad request lines and headers
      "GET /api/health HTTP/9.9\r\nHost: h\r\n\r\n",
      "GET /api/health\r\nHost: h\r\n\r\n",
      "GET  /api/health HTTP/1.1\r\nHost: h\r\n\r\n",
      "G\u00e9T /api/health HTTP/1.1\r\nHost: h\r\n\r\n",
      "GET /api/he alth HTTP/1.1\r\nHost: h\r\n\r\n",
      "GET /api/health HTTP/1.1\r\nHost h\r\n\r\n",
      "GET /api/health HTTP/1.1\r\nHost: h\r\n Folded: x\r\n\r\n",
      "GET /api/health HTTP/1.1\r\nHost: h\r\nX: \u0000\r\n\r\n",
      "GET /api/health HTTP/1.1\r\nHost: h\r\nHost: i\r\n\r\n",
      "GET /api/health HTTP/1.1\r\n\r\n",
      "GET /%%% HTTP/1.1\r\nHost: h\r\n\r\n",
      "GET /v/../../etc/passwd HTTP/1.1\r\nHost: h\r\n\r\n",
      "GET /api/health HTTP/1.1\nHost: h\n\n",
      "\r\n\r\n\r\n",
      "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
      "POST /versies/werkmap HTTP/1.1\r\nHost: h\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 30\r\n\r\n--x\r\nContent-Disposition: broken\r\n",
      "POST /versies/inlezen HTTP/1.1\r\nHost: h\r\nContent-Type: multipart/form-data\r\nContent-Length: 5\r\n\r\nhello",
  };

  static Outcome framing(Random r) {
    String request = pick(r, FRAMING);
    if (r.nextInt(3) == 0) {
      byte[] b = mutate(r, request.getBytes(StandardCharsets.ISO_8859_1));
      request = new String(b, StandardCharsets.ISO_8859_1);
    }
    return raw(request, "raw " + shorten(request.replace("\r", "\\r").replace("\n", "\\n")));
  }

  /** Sends {@code request} as it is, closes the sending side, and reads the status of the answer (-1: none). */
  static Outcome raw(String request, String what) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", server.server.port()), 5_000);
      s.setSoTimeout(20_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      String answer = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      if (!answer.startsWith("HTTP/1.1 ") || answer.length() < 12) {
        return new Outcome(what, -1, answer, answer.isEmpty() ? whole(request) : "an answer that is not HTTP/1.1: " + shorten(answer));
      }
      int status = Integer.parseInt(answer.substring(9, 12));
      int bodyAt = answer.indexOf("\r\n\r\n");
      return new Outcome(what, status, bodyAt < 0 ? "" : answer.substring(bodyAt + 4));
    } catch (IOException | NumberFormatException e) {
      return new Outcome(what, -1, "", e.getClass().getSimpleName() + " " + e.getMessage() + " (" + whole(request) + ")");
    }
  }

  /**
   * Why a raw request got no answer, from the request alone: {@link #NO_REQUEST}, {@link
   * #CUT_IN_HEAD} or {@link #CUT_IN_BODY}; otherwise the request was whole and deserved one.
   */
  static String whole(String request) {
    String r = request.replaceFirst("^[\\r\\n]+", "");
    if (r.isEmpty()) {
      return NO_REQUEST;
    }
    int crlf = r.indexOf("\r\n\r\n");
    int lf = r.indexOf("\n\n");
    int end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : -1;
    if (end < 0) {
      return CUT_IN_HEAD;
    }
    String head = r.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    String body = r.substring(end);
    Matcher te = Pattern.compile("\ntransfer-encoding:([^\r\n]*)").matcher(head);
    if (te.find() && te.group(1).contains("chunked")) {
      return body.endsWith("0\r\n\r\n") ? "a whole request" : CUT_IN_BODY;
    }
    Matcher cl = Pattern.compile("\ncontent-length: *(\\d{1,9})\\s*\r?\n").matcher(head);
    if (cl.find() && body.length() < Integer.parseInt(cl.group(1))) {
      return CUT_IN_BODY;
    }
    return "a whole request";
  }
}
