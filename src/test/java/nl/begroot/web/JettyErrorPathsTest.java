package nl.begroot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A request whose body arrives after its headers is handled on a pool thread once the eager reader
 * has it all (decision 80). When such a request is refused by Begroot (here: a multipart upload cut
 * off before its closing boundary, answered 400), Jetty used to complete the request, and recycle the
 * servlet layer's per-connection state, while the servlet layer was still returning; it then logged
 * a NullPointerException and an IllegalStateException with their stacks (found by {@link FuzzTest}).
 * {@link HttpLimits.HandledBeforeCompleted} holds the completion until the handler has returned (without
 * it: the NullPointerException), and drops the failed multipart parse that Jetty would rethrow while
 * completing (without that: an EOFException stack and an uncompleted request).
 */
class JettyErrorPathsTest {
  static TestServer server;
  static ListAppender<ILoggingEvent> log;

  @BeforeAll
  static void start() {
    server = new TestServer();
    log = new ListAppender<>();
    log.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    log.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    server.close();
  }

  @Test
  void aRefusedUploadWhoseBodyArrivesLateIsA400WithoutAStackInTheLog() throws Exception {
    String body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.xlsx\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + "PK".repeat(500); // no closing boundary
    String head = "POST /versies/werkmap HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        + "Cookie: " + server.staff.cookie() + "\r\nX-CSRF-Token: " + server.staff.csrf() + "\r\n"
        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n";
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", server.server.port()), 5_000);
        s.setSoTimeout(20_000);
        OutputStream out = s.getOutputStream();
        out.write((head + body.substring(0, 100)).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Thread.sleep(100); // the rest later: the eager reader goes asynchronous
        out.write(body.substring(100).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
      }
      Thread.sleep(200); // what Jetty logs after the answer
      for (ILoggingEvent e : List.copyOf(log.list)) {
        if (e.getThrowableProxy() != null) {
          problems.add("request " + i + ": " + e.getLevel() + " " + e.getFormattedMessage() + "\n"
              + ThrowableProxyUtil.asString(e.getThrowableProxy()));
        }
      }
      log.list.clear();
    }
    assertEquals(List.of(), problems);
  }

  /** Jetty's parser refuses a request line without HTTP/1.x with 505; Begroot answers it 400, a client error (decision 81). */
  @Test
  void aRequestLineWithoutHttp1IsA400() {
    FuzzTest.server = server;
    for (String line : List.of("GET /api/health HTTP/9.9\r\nHost: h\r\n\r\n", "GET /api/health\r\nHost: h\r\n\r\n")) {
      FuzzTest.Outcome o = FuzzTest.raw(line, line);
      assertEquals(400, o.status(), line + " -> " + o.body());
    }
  }
}
