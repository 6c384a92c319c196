package nl.begroot.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The lifecycle the browser tests share: one Chromium and one {@link TestServer} per test class,
 * a fresh browser context (cookies, storage) and page per test.
 */
abstract class BrowserSession {
  static TestServer server;
  static Browsers browsers;
  BrowserContext context;
  Page page;

  @BeforeAll
  static void startBrowserAndServer() {
    browsers = new Browsers();
    server = new TestServer();
  }

  @AfterAll
  static void stopBrowserAndServer() {
    try {
      if (browsers != null) {
        browsers.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @BeforeEach
  void openContext() {
    context = browsers.browser.newContext();
    page = context.newPage();
  }

  @AfterEach
  void closeContext() {
    context.close();
  }
}
