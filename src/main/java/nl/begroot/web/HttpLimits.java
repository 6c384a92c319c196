package nl.begroot.web;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What keeps slow or malformed clients from starving the server (decision in docs/DECISIONS.md):
 * <ul>
 *   <li>a bounded pool of {@link WebServer#MAX_THREADS} request threads;</li>
 *   <li>a request's body is read before it gets a thread ({@link EagerContentHandler}, without
 *       blocking), so a client that sends its body a byte at a time holds a connection, not a thread;</li>
 *   <li>a body must arrive at {@link WebServer#MIN_REQUEST_BYTES_PER_SECOND} at least
 *       ({@link MinimumDataRateHandler}), and a connection idle for {@link WebServer#IDLE_TIMEOUT_MILLIS}
 *       is closed;</li>
 *   <li>bodies over {@link WebServer#MAX_REQUEST_BYTES} are refused with 413: on their declared length
 *       before they are read ({@link DeclaredTooLarge}), a chunked one while it arrives;</li>
 *   <li>what Jetty refuses itself (bad framing: a malformed chunked body, a bad Content-Length, a
 *       slow body) is answered with its 4xx status and a short plain text that names no class and
 *       shows no stack.</li>
 * </ul>
 */
final class HttpLimits {
  private HttpLimits() {}

  static void apply(JavalinConfig config) {
    // the queue is Jetty's default (unbounded): Jetty warns that a bounded one can drop its own selector tasks
    QueuedThreadPool pool = new QueuedThreadPool(WebServer.MAX_THREADS, 4, 60_000);
    pool.setName("begroot-http");
    config.jetty.threadPool = pool;
    config.jetty.modifyHttpConfiguration(http -> {
      // long addresses (a long search) reach Begroot's own pages instead of Jetty's bare 414
      http.setRequestHeaderSize(64 * 1024);
      http.setIdleTimeout(WebServer.IDLE_TIMEOUT_MILLIS);
      // a request refused before its body is read (no session, no permission, a bad address) has its
      // body read and dropped before the connection closes: closing on unread bytes resets the
      // connection, and a client still sending would lose the answer (bounded: the eager loader's
      // limit applies, and after these reads Jetty closes anyway)
      http.setMaxUnconsumedRequestContentReads(4096);
      // no version banners: no Server or X-Powered-By header, and the security headers on every answer
      http.setSendServerVersion(false);
      http.setSendXPoweredBy(false);
      http.addCustomizer(new SecurityHeaders());
    });
    config.jetty.modifyServer(server -> {
      // each insert goes outermost: the data rate is measured on what the eager loader reads, and the
      // request is completed only after the servlet layer behind the loader has returned
      server.insertHandler(new HandledBeforeCompleted());
      server.insertHandler(new EagerContentHandler(
          new EagerContentHandler.RetainedContentLoaderFactory(WebServer.MAX_REQUEST_BYTES, 64, true)));
      server.insertHandler(new DeclaredTooLarge());
      server.insertHandler(new MinimumDataRateHandler(WebServer.MIN_REQUEST_BYTES_PER_SECOND, 0));
      server.setErrorHandler(new PlainErrors());
    });
    // what the servlet context refuses before Javalin sees it (an address that is not valid UTF-8, an
    // ambiguous path) goes through the same plain answer; the servlet error page would fail on it
    config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new PlainErrors()));
  }

  /**
   * Refuses a body whose declared Content-Length is over {@link WebServer#MAX_REQUEST_BYTES} before any
   * of it is kept (inside the data-rate check, outside the eager loader). A client that sent
   * {@code Expect: 100-continue} gets the 413 instead of the go-ahead and never sends the body. One that
   * sends its body at once has it read and dropped as it arrives, without a thread and at the minimum
   * data rate, and then gets the 413: refusing while it still sends closed the connection on unread
   * bytes, and a reset can reach the client before the answer does (seen once in CI as "header parser
   * received no bytes"). A declared length over {@link #DRAIN_LIMIT} is refused at once and the
   * connection closed. A chunked body (no declared length) is counted by the eager loader as it arrives.
   */
  static final class DeclaredTooLarge extends Handler.Wrapper {
    static final long DRAIN_LIMIT = 4 * WebServer.MAX_REQUEST_BYTES;

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      long declared = request.getLength();
      if (declared <= WebServer.MAX_REQUEST_BYTES) {
        return super.handle(request, response, callback);
      }
      boolean asksFirst = request.getHeaders().contains(HttpHeader.EXPECT, "100-continue");
      if (asksFirst || declared > DRAIN_LIMIT) {
        refuse(request, response, callback);
      } else {
        drainThenRefuse(request, response, callback);
      }
      return true;
    }

    private static void drainThenRefuse(Request request, Response response, Callback callback) {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(() -> drainThenRefuse(request, response, callback));
          return;
        }
        boolean last = chunk.isLast();
        Throwable failure = chunk.getFailure();
        chunk.release();
        if (failure != null) {
          // too slow or cut off: the data-rate check or the connection decides; answered as Jetty answers it
          callback.failed(failure);
          return;
        }
        if (last) {
          refuse(request, response, callback);
          return;
        }
      }
    }

    private static void refuse(Request request, Response response, Callback callback) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      Response.writeError(request, response, callback, 413);
    }
  }

  /**
   * Holds a request's completion until the handlers behind it have returned. Jetty does this itself
   * for a request handled on the thread that parsed it, but the {@link EagerContentHandler} hands a
   * request whose body arrived late to a pool thread after the outer handle has returned; a
   * completion there ran at once, and Jetty's servlet layer (ee10) recycled its per-connection
   * state (ServletChannel) while that layer was still returning from the same request. On an error
   * answer (a cut-off multipart upload answered 400) it then failed with a NullPointerException and
   * "channel already completed", logged with their stacks ({@code JettyErrorPathsTest}).
   */
  static final class HandledBeforeCompleted extends Handler.Wrapper {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Gate gate = new Gate(callback);
      try {
        return super.handle(request, response, gate);
      } finally {
        forgetFailedMultipart(request);
        gate.release();
      }
    }

    /**
     * Jetty cleans up a request's multipart parts when it completes the request and, if parsing them
     * failed (a cut-off upload, answered 400 by Begroot), rethrows that failure there, outside any
     * handler, leaving the request uncompleted. A failed parse has no parts to clean up.
     */
    static void forgetFailedMultipart(Request request) {
      String name = MultiPartFormData.class.getName();
      if (request.getAttribute(name) instanceof CompletableFuture<?> parts && parts.isCompletedExceptionally()) {
        request.removeAttribute(name);
      }
    }
  }

  /** A callback whose completion waits for {@link #release()}; after it, completions pass straight through. */
  static final class Gate implements Callback {
    private final Callback callback;
    private boolean released;
    private boolean completed;
    private Throwable failure;

    Gate(Callback callback) {
      this.callback = callback;
    }

    @Override
    public void succeeded() {
      if (!hold(null)) {
        callback.succeeded();
      }
    }

    @Override
    public void failed(Throwable x) {
      if (!hold(x)) {
        callback.failed(x);
      }
    }

    private synchronized boolean hold(Throwable x) {
      if (released || completed) {
        return released ? false : true; // a second completion while held is dropped, as Jetty's callbacks do
      }
      completed = true;
      failure = x;
      return true;
    }

    void release() {
      boolean complete;
      Throwable x;
      synchronized (this) {
        if (released) {
          return;
        }
        released = true;
        complete = completed;
        x = failure;
      }
      if (complete) {
        if (x == null) {
          callback.succeeded();
        } else {
          callback.failed(x);
        }
      }
    }

    @Override
    public InvocationType getInvocationType() {
      return callback.getInvocationType();
    }
  }

  /** A short explanation per status for what Jetty refuses before Begroot sees the request. */
  static String explain(int status) {
    return switch (status) {
      case 400 -> "The request is malformed (its HTTP framing: headers, Content-Length or chunked body). Nothing was saved.";
      case 408 -> "The request arrived too slowly (at least " + WebServer.MIN_REQUEST_BYTES_PER_SECOND
          + " bytes per second, nothing for " + WebServer.IDLE_TIMEOUT_MILLIS / 1000 + " s at most). Nothing was saved.";
      case 413 -> "The request is larger than " + WebServer.MAX_REQUEST_BYTES / 1024 / 1024 + " MB. Nothing was saved.";
      case 414 -> "The address is too long.";
      case 431 -> "The request's headers are too large (64 KB at most).";
      case 501 -> "This request method or transfer coding is not supported.";
      case 503 -> "The server is busy; try again in a moment.";
      default -> status >= 500 ? "Something went wrong on our side. Nothing was saved." : "The request was refused.";
    };
  }

  /** Jetty's own error answers as plain text without stack, class name or echoed input. */
  static final class PlainErrors extends ErrorHandler {
    PlainErrors() {
      setShowStacks(false);
      setShowCauses(false);
      setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() <= 0 ? 500 : response.getStatus();
      if (status == 505) {
        // a request line without HTTP/1.x: Jetty's parser says 505; to Begroot it is malformed (4xx)
        status = 400;
        response.setStatus(400);
      }
      return write(request, response, callback, status);
    }

    /** A problem document (RFC 9457) under /api/, plain text elsewhere. */
    private static boolean write(Request request, Response response, Callback callback, int status) {
      String path = request == null ? "" : request.getHttpURI().getPath();
      boolean api = path != null && path.startsWith("/api/");
      String body;
      if (api) {
        var n = Api.JSON.createObjectNode();
        n.put("type", Problems.TYPE_BASE + "http-" + status);
        n.put("title", status == 413 ? "Request too large" : "Request refused");
        n.put("status", status);
        n.put("detail", explain(status));
        n.put("instance", Problems.shorten(path));
        body = Api.JSON.writeValueAsString(n);
      } else {
        body = status + " " + explain(status) + "\n";
      }
      SecurityHeaders.add(response.getHeaders()); // the servlet layer's refusals come with a fresh set of headers
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, api ? "application/problem+json; charset=utf-8" : "text/plain; charset=utf-8");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
      SecurityHeaders.add(fields); // no request exists yet, so the customizer did not run
      fields.put(HttpHeader.CACHE_CONTROL, "no-store");
      fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      return ByteBuffer.wrap((status + " " + explain(status) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
        throws IOException {
      write(request, response, callback, code);
    }
  }
}
