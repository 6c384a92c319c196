package nl.begroot.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lifecycle the browser tests share: one Chromium (and, from {@link ServerSession}, one server) per test class,
 * a fresh browser context (cookies, storage) and page per test. Without Chromium every test is
 * reported as skipped and neither the browser nor the server is started (see {@link Browsers}).
 */
@ExtendWith(Browsers.Available.class)
abstract class BrowserSession extends ServerSession {
  static Browsers browsers;
  BrowserContext context;
  Page page;

  /**
   * Hides {@link ServerSession#startServer()} (JUnit runs only this one): the browser first, and the
   * server only when there is a browser to drive it.
   */
  @BeforeAll
  static void startServer() {
    if (Browsers.skipped()) {
      return;
    }
    browsers = new Browsers();
    ServerSession.startServer();
  }

  @AfterAll
  static void stopBrowser() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @BeforeEach
  void openContext() {
    context = asStaff(browsers.browser.newContext());
    page = context.newPage();
  }

  /**
   * {@code context} as the test server's staff person (controller and budget holder), signed in for real:
   * it carries the staff session's cookie. (A sign-in in such a context ends the staff session, as every
   * sign-in ends the session it replaces: sign other people in in a context of their own.)
   */
  static BrowserContext asStaff(BrowserContext context) {
    String token = server.staff.cookie().substring(server.staff.cookie().indexOf('=') + 1);
    context.addCookies(java.util.List.of(new com.microsoft.playwright.options.Cookie(WebServer.SESSION_COOKIE, token).setUrl(server.base())));
    return context;
  }

  @AfterEach
  void closeContext() {
    context.close();
  }
}
