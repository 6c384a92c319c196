package nl.begroot.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts Playwright with the machine's own Chromium (Debian's {@code chromium} package): Playwright
 * is told never to download a browser, and the browser runs headless with the flags that keep it
 * off the network. One Playwright and one browser per test class; close them after the class.
 * Without Chromium the browser tests are skipped, unless {@code BEGROOT_REQUIRE_BROWSER=1} (as in
 * CI), which makes them fail instead.
 */
final class Browsers implements AutoCloseable {
  /** Debian's launcher; another path can be given with -Dbegroot.chromium=PATH. */
  static final Path CHROMIUM = Paths.get(System.getProperty("begroot.chromium", "/usr/bin/chromium"));

  final Playwright playwright;
  final Browser browser;

  Browsers() {
    if (!Files.isExecutable(CHROMIUM)) {
      String why = "the browser tests need Chromium at " + CHROMIUM + " (Debian: apt-get install -y chromium; or -Dbegroot.chromium=PATH)";
      if ("1".equals(System.getenv("BEGROOT_REQUIRE_BROWSER"))) {
        Assertions.fail("BEGROOT_REQUIRE_BROWSER=1 but " + why);
      }
      Assumptions.abort(why);
    }
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM)
          .setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run")));
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
