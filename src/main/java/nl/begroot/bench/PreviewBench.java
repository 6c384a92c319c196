package nl.begroot.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.store.AccountStore;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.web.WebServer;
import nl.begroot.workspace.Workspace;

/**
 * {@code begroot bench preview}: the preview of one proposal's change answered over HTTP on a
 * generated budget ({@link Bench#size}: 10 years, 400 members, 10 keys), the way the proposal form
 * and the API ask for it ({@code POST /api/versions/{v}/preview?proposal=ID}). The budget is stored
 * as the concept of an in-memory database and served by the real web server; one client on the same
 * machine (one keep-alive connection) sends each preview and waits for its answer, so the time of
 * each is the server's answer plus the loopback (an upper bound of the server-side time). Prints p50,
 * p99 and the maximum of the measured previews after the warm-up ones (which compile the path, as
 * in a server that has answered previews), and the load average.
 */
public final class PreviewBench {
  private PreviewBench() {}

  /** What one run measured, in microseconds. */
  public record Result(long cells, int previews, long p50Micros, long p99Micros, long maxMicros, long errors) {}

  public static Result run(long cells, long seed, int warmUp, int previews, PrintWriter out) throws Exception {
    return run(cells, seed, warmUp, previews, 0, out);
  }

  /**
   * As above, then {@code saves} changes saved through the API ({@code PUT /api/versions/{v}/proposals/{id}},
   * answered with the proposal as stored) each followed by the version's overview page and the API's Tabel 1: what a
   * user waits for after saving (the version read back, and its document built and rounded for the page).
   */
  public static Result run(long cells, long seed, int warmUp, int previews, int saves, PrintWriter out) throws Exception {
    long g0 = System.nanoTime();
    Budget budget = BudgetGenerator.generate(seed, Bench.size(cells));
    long g1 = System.nanoTime();
    out.printf(Locale.ROOT, "begroot bench preview: %d cells (%d lines x %d years, %d members), seed %d, load average %.1f%n", cells,
        budget.proposals().size(), budget.version().years().size(), budget.members().size(), seed, load());
    out.printf(Locale.ROOT, "  generated in %.0f ms; storing it as the concept...%n", (g1 - g0) / 1e6);
    out.flush();
    try (Database db = Database.open(DatabaseUrl.h2Memory("previewbench-" + System.nanoTime()))) {
      Workspace workspace = new Workspace(db);
      workspace.seedIfEmpty(budget, Actor.system("bench"));
      String slug = Workspace.CONCEPT;
      WebServer server = new WebServer(workspace).start("127.0.0.1", 0);
      var accounts = workspace.people().accounts();
      accounts.create(new AccountStore.Account("bench", "Bench", java.util.Set.of(Role.CONTROLLER), java.util.Set.of(), null, false), "bench");
      String session = accounts.startSession("bench", false).orElseThrow();
      // a write with the session's cookie carries the session's CSRF token, as the pages send it
      String cookie = WebServer.SESSION_COOKIE + "=" + session + "\r\nX-CSRF-Token: " + AccountStore.csrfToken(session);
      long s1 = System.nanoTime();
      out.printf(Locale.ROOT, "  stored and served in %.0f ms; %d previews to warm up, then %d measured%n", (s1 - g1) / 1e6, warmUp, previews);
      out.flush();
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(600_000);
        OutputStream os = socket.getOutputStream();
        InputStream is = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        SplittableRandom random = new SplittableRandom(seed);
        List<Proposal> proposals = budget.proposals();
        long[] times = new long[previews];
        long errors = 0;
        long first = -1;
        long cpu0 = 0;
        for (int i = -warmUp; i < previews; i++) {
          if (i == 0) {
            cpu0 = processCpuNanos();
          }
          byte[] request = request(slug, cookie, edit(budget, proposals, random));
          long t0 = System.nanoTime();
          os.write(request);
          os.flush();
          int status = WebBench.readResponse(is);
          long t1 = System.nanoTime();
          if (status != 200) {
            errors++;
          }
          if (first < 0) {
            first = t1 - t0;
            out.printf(Locale.ROOT, "  the first (cold) preview: %.1f ms, status %d%n", first / 1e6, status);
            out.flush();
            if (status != 200) {
              // a budget the store accepts, the server reads back (decision 193); any other failure is said here
              out.println("  the server did not answer the preview; nothing measured (see the server's log above)");
              return new Result(cells, 0, -1, -1, -1, 1);
            }
          }
          if (i >= 0) {
            times[i] = (t1 - t0) / 1000;
          }
        }
        long cpu = processCpuNanos() - cpu0;
        Arrays.sort(times);
        Result r = new Result(cells, previews, percentile(times, 0.50), percentile(times, 0.99), times[previews - 1], errors);
        out.printf(Locale.ROOT, "  %d previews: p50 %.2f ms  p99 %.2f ms  max %.2f ms  errors %d  (load average %.1f)%n", previews,
            r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.maxMicros() / 1000.0, errors, load());
        // on a machine shared with other work the wall time is mostly waiting for a core; the process's CPU time is not
        out.printf(Locale.ROOT, "  CPU time of the whole process per measured preview (server, client, GC): %.2f ms%n", cpu / 1e6 / previews);
        out.println("  target (issue 13): p99 under 50 ms on a 10^6-cell budget");
        out.flush();
        saves(server.port(), slug, session, budget, proposals, random, saves, out);
        return r;
      } finally {
        server.stop();
      }
    }
  }

  /** {@code saves} changes saved, each timed with the overview page and the API's Tabel 1 after it (see {@link #run}). */
  private static void saves(int port, String slug, String session, Budget budget, List<Proposal> proposals, SplittableRandom random,
      int saves, PrintWriter out) throws Exception {
    if (saves <= 0) {
      return;
    }
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    tools.jackson.databind.ObjectMapper json = new tools.jackson.databind.ObjectMapper();
    for (int s = 0; s < saves; s++) {
      String idAndBody = edit(budget, proposals, random);
      int nl = idAndBody.indexOf('\n');
      String id = java.net.URLEncoder.encode(idAndBody.substring(0, nl), StandardCharsets.UTF_8);
      String path = base + "/api/versions/" + slug + "/proposals/" + id;
      var read = http.send(withSession(java.net.http.HttpRequest.newBuilder(java.net.URI.create(path)), session).GET().build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      int revision = json.readTree(read.body()).get("revision").asInt();
      String body = "{\"revision\":" + revision + "," + idAndBody.substring(nl + 2);
      long t0 = System.nanoTime();
      var saved = http.send(withSession(java.net.http.HttpRequest.newBuilder(java.net.URI.create(path)), session)
          .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
      long t1 = System.nanoTime();
      var page = http.send(withSession(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v/" + slug)), session).GET().build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
      long t2 = System.nanoTime();
      var table = http.send(withSession(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/versions/" + slug
          + "/tables/tabel-1")), session).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
      long t3 = System.nanoTime();
      out.printf(Locale.ROOT, "  save %d: PUT %.0f ms (status %d), then the overview page %.0f ms (status %d), the API's Tabel 1 %.0f ms"
          + " (status %d)  (load average %.1f)%n", s + 1, (t1 - t0) / 1e6, saved.statusCode(), (t2 - t1) / 1e6, page.statusCode(),
          (t3 - t2) / 1e6, table.statusCode(), load());
      out.flush();
    }
  }

  private static java.net.http.HttpRequest.Builder withSession(java.net.http.HttpRequest.Builder b, String session) {
    return b.header("Cookie", WebServer.SESSION_COOKIE + "=" + session).header("X-CSRF-Token", AccountStore.csrfToken(session))
        .timeout(java.time.Duration.ofMinutes(10));
  }

  /** The request of one preview: new amounts for every year of a random entered line without breakdown. */
  static String edit(Budget budget, List<Proposal> proposals, SplittableRandom random) {
    Proposal p;
    do {
      p = proposals.get(random.nextInt(proposals.size()));
    } while (p.rule() != Proposal.Rule.ENTERED || p.breakdown() != null || p.passThrough());
    StringBuilder json = new StringBuilder("{\"amounts\":{");
    List<Integer> years = budget.version().years();
    for (int y = 0; y < years.size(); y++) {
      json.append(y == 0 ? "" : ",").append('"').append(years.get(y)).append("\":").append(random.nextLong(-500_000_000L, 500_000_000L));
    }
    return p.id() + "\n" + json.append("}}");
  }

  private static byte[] request(String slug, String cookie, String idAndBody) {
    int nl = idAndBody.indexOf('\n');
    String id = java.net.URLEncoder.encode(idAndBody.substring(0, nl), StandardCharsets.UTF_8);
    byte[] body = idAndBody.substring(nl + 1).getBytes(StandardCharsets.UTF_8);
    String head = "POST /api/versions/" + slug + "/preview?proposal=" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: keep-alive\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  static long percentile(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(Math.ceil(sorted.length * q)) - 1)];
  }

  /** The CPU time of this process (all threads, the collector's included), in nanoseconds; 0 where the JVM does not say. */
  static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
