package nl.begroot.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The lifecycle the browser tests share: one Chromium (and, from {@link ServerSession}, one server) per test class,
 * a fresh browser context (cookies, storage) and page per test.
 */
abstract class BrowserSession extends ServerSession {
  static Browsers browsers;
  BrowserContext context;
  Page page;

  @BeforeAll
  static void startBrowser() {
    browsers = new Browsers();
  }

  @AfterAll
  static void stopBrowser() {
    if (browsers != null) {
      browsers.close();
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
