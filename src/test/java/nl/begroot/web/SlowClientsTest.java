package nl.begroot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow clients cannot starve the server: 500 connections that send a byte every 2 seconds (half of
 * them trickling their headers, half a request body to the import), and meanwhile the health check
 * answers within a second, every time it is asked. The slow bodies are cut off by the minimum data
 * rate (408), not served.
 */
class SlowClientsTest {
  static final int SLOW = 500;
  static final long BYTE_EVERY_MILLIS = 2_000;
  static final long RUN_MILLIS = 12_000;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void healthAnswersWithin1sWhile500SlowClientsTrickle() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    int port = server.server.port();
    try {
      for (int i = 0; i < SLOW; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(50);
        String head = i % 2 == 0
            ? "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
            : "POST /api/import?name=slow" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                + "Content-Length: 100000\r\n\r\nschema: begroot/1\n";
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        sockets.add(s);
      }
      long start = System.nanoTime();
      long worstMillis = 0;
      int checks = 0;
      long nextTrickle = System.currentTimeMillis() + BYTE_EVERY_MILLIS;
      int refusedSlowBodies = 0;
      boolean[] closed = new boolean[SLOW];
      while ((System.nanoTime() - start) / 1_000_000 < RUN_MILLIS) {
        if (System.currentTimeMillis() >= nextTrickle) {
          for (int i = 0; i < SLOW; i++) {
            if (closed[i]) {
              continue;
            }
            try {
              OutputStream out = sockets.get(i).getOutputStream();
              out.write('a');
              out.flush();
            } catch (IOException e) {
              closed[i] = true;
            }
          }
          nextTrickle += BYTE_EVERY_MILLIS;
        }
        long t0 = System.nanoTime();
        int status = health(port);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        checks++;
        worstMillis = Math.max(worstMillis, millis);
        assertEquals(200, status, "health check status");
        assertTrue(millis < 1_000, "health check took " + millis + " ms with " + SLOW + " slow clients");
        Thread.sleep(100);
      }
      for (int i = 1; i < SLOW; i += 2) {
        String answer = answer(sockets.get(i));
        if (answer.startsWith("HTTP/1.1 408") || answer.startsWith("HTTP/1.1 400") || closed[i]) {
          refusedSlowBodies++;
        }
        assertTrue(!answer.startsWith("HTTP/1.1 5"), "a slow body got " + answer);
      }
      System.out.printf("slow clients: %d open, %d health checks, worst %d ms; %d of %d slow bodies cut off%n",
          SLOW, checks, worstMillis, refusedSlowBodies, SLOW / 2);
      assertTrue(checks >= 20, "too few health checks: " + checks);
      assertEquals(SLOW / 2, refusedSlowBodies, "every slow body is cut off by the minimum data rate");
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /** The health check on a new connection; -1 when it did not answer within 5 s. */
  static int health(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      s.setSoTimeout(5_000);
      s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
    } catch (java.net.SocketTimeoutException e) {
      return -1;
    }
  }

  /** What the server has sent on {@code s} so far (its status line), or "" when nothing. */
  static String answer(Socket s) {
    try {
      InputStream in = s.getInputStream();
      byte[] buf = new byte[64];
      int n = in.read(buf);
      return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }
}
