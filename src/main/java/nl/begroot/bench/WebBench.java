package nl.begroot.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.web.WebServer;
import nl.begroot.workspace.Workspace;

/**
 * A load benchmark of the web server: the overview page and the API's Tabel 1 against a trivial
 * endpoint of the same server, in the same run, at a fixed number of keep-alive connections. The
 * load generator is in this process (plain sockets, one thread per connection, HTTP/1.1), so the
 * server and its load share the machine's cores: the ratio is the figure to read, not the
 * absolute rate.
 */
public final class WebBench {
  private WebBench() {}

  /** One endpoint's result. */
  public record Result(String path, long requests, double seconds, long p50Micros, long p99Micros, long maxMicros, long errors) {
    double rps() {
      return requests / seconds;
    }
  }

  public static List<Result> run(int connections, double seconds, PrintWriter out) throws Exception {
    String slug = Workspace.CONCEPT;
    try (Database db = Database.open(DatabaseUrl.h2Memory("webbench-" + System.nanoTime()))) {
      Workspace workspace = new Workspace(db);
      workspace.seedIfEmpty(((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget(), nl.begroot.core.access.Actor.system("bench"));
      WebServer server = new WebServer(workspace).start("127.0.0.1", 0);
      // the pages are read by a signed-in person (a controller), as in use: every request resolves the session
      var accounts = workspace.people().accounts();
      accounts.create(new nl.begroot.store.AccountStore.Account("bench", "Bench", java.util.Set.of(nl.begroot.core.access.Role.CONTROLLER),
          java.util.Set.of(), null, false), "bench");
      cookie = WebServer.SESSION_COOKIE + "=" + accounts.startSession("bench", false).orElseThrow();
      try {
        int port = server.port();
        String[] paths = {"/api/health", "/v/" + slug, "/api/versions/" + slug + "/tables/tabel-1", "/api/health"};
        out.printf(Locale.ROOT, "begroot bench web: %d connections, %.0f s per endpoint after %.0f s warm-up, %d cores%n",
            connections, seconds, Math.min(5, seconds), Runtime.getRuntime().availableProcessors());
        List<Result> results = new ArrayList<>();
        for (String path : paths) {
          load(port, path, connections, Math.min(5, seconds)); // warm-up: JIT, caches
          Result r = load(port, path, connections, seconds);
          results.add(r);
          out.printf(Locale.ROOT, "  %-52s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d%n",
              path, r.rps(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.maxMicros() / 1000.0, r.errors());
        }
        double trivial = (results.get(0).rps() + results.get(3).rps()) / 2;
        out.printf(Locale.ROOT, "  trivial endpoint (mean of the first and last run): %.0f req/s%n", trivial);
        out.printf(Locale.ROOT, "  overview page: %.0f%% of the trivial endpoint's throughput, p99 %.2f ms%n",
            100 * results.get(1).rps() / trivial, results.get(1).p99Micros() / 1000.0);
        out.printf(Locale.ROOT, "  API Tabel 1:   %.0f%% of the trivial endpoint's throughput, p99 %.2f ms%n",
            100 * results.get(2).rps() / trivial, results.get(2).p99Micros() / 1000.0);
        out.println("  targets: at least 30% of the trivial endpoint's throughput, p99 under 50 ms at 50 connections");
        return results;
      } finally {
        server.stop();
      }
    }
  }

  /** The session cookie of the signed-in reader. */
  private static String cookie = "";

  static Result load(int port, String path, int connections, double seconds) throws Exception {
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie + "\r\nConnection: keep-alive\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    long[][] latencies = new long[connections][];
    int[] counts = new int[connections];
    long[] errors = new long[connections];
    CountDownLatch start = new CountDownLatch(1);
    long[] deadline = new long[1];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int id = c;
      Thread t = new Thread(() -> {
        long[] lat = new long[1 << 16];
        int n = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
          socket.setTcpNoDelay(true);
          OutputStream os = socket.getOutputStream();
          InputStream is = new BufferedInputStream(socket.getInputStream(), 1 << 16);
          start.await();
          while (System.nanoTime() < deadline[0]) {
            long t0 = System.nanoTime();
            os.write(request);
            os.flush();
            int status = readResponse(is);
            long t1 = System.nanoTime();
            if (status != 200) {
              errors[id]++;
            }
            if (n == lat.length) {
              lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = (t1 - t0) / 1000;
          }
        } catch (IOException | InterruptedException e) {
          errors[id]++;
        }
        latencies[id] = lat;
        counts[id] = n;
      });
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    long t0 = System.nanoTime();
    deadline[0] = t0 + (long) (seconds * 1e9);
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int k = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(latencies[c], 0, all, k, counts[c]);
      k += counts[c];
    }
    Arrays.sort(all);
    long p50 = total == 0 ? 0 : all[(int) Math.min(total - 1, Math.round(total * 0.50))];
    long p99 = total == 0 ? 0 : all[(int) Math.min(total - 1, Math.round(total * 0.99))];
    long max = total == 0 ? 0 : all[total - 1];
    return new Result(path, total, elapsed, p50, p99, max, Arrays.stream(errors).sum());
  }

  /** Reads one HTTP/1.1 response (Content-Length or chunked) and returns its status. */
  static int readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    long length = -1;
    boolean chunked = false;
    String h;
    while (!(h = line(in)).isEmpty()) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(h.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      while (true) {
        long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
        if (size == 0) {
          while (!line(in).isEmpty()) {
            // trailers
          }
          break;
        }
        skip(in, size);
        line(in);
      }
    } else if (length > 0) {
      skip(in, length);
    }
    return status;
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed");
        }
        s = 1;
      }
      left -= s;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int len = sb.length();
        return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    throw new IOException("connection closed");
  }
}
