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
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Playwright with the machine's own Chromium (Debian's {@code chromium} package): Playwright
 * is told never to download a browser, and the browser runs headless with the flags that keep it
 * off the network. One Playwright and one browser per test class; close them after the class.
 * Without Chromium each browser test is reported as skipped (by {@link Available}, before anything
 * starts), unless {@code BEGROOT_REQUIRE_BROWSER=1} (as in CI), which makes them fail instead.
 */
final class Browsers implements AutoCloseable {
  /** Debian's launcher; another path can be given with -Dbegroot.chromium=PATH. */
  static final Path CHROMIUM = Paths.get(System.getProperty("begroot.chromium", "/usr/bin/chromium"));

  final Playwright playwright;
  final Browser browser;

  private static final String WHY_MISSING = "the browser tests need Chromium at " + CHROMIUM
      + " (Debian: apt-get install -y chromium; or -Dbegroot.chromium=PATH)";

  /** True when the browser tests are to be skipped: no Chromium, and CI did not require one. */
  static boolean skipped() {
    return !Files.isExecutable(CHROMIUM) && !"1".equals(System.getenv("BEGROOT_REQUIRE_BROWSER"));
  }

  /**
   * Disables every browser test, one by one, when {@link #skipped()}: Surefire then counts each as
   * skipped (an abort in {@code @BeforeAll} would show as "Tests run: 0"). Test classes stay enabled,
   * so their {@code @BeforeAll} still runs; {@link BrowserSession} starts nothing when skipped.
   */
  static final class Available implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (context.getTestMethod().isEmpty() || !skipped()) {
        return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM + " or BEGROOT_REQUIRE_BROWSER=1");
      }
      return ConditionEvaluationResult.disabled("skipped: " + WHY_MISSING);
    }
  }

  Browsers() {
    if (!Files.isExecutable(CHROMIUM)) {
      Assertions.fail("BEGROOT_REQUIRE_BROWSER=1 but " + WHY_MISSING);
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
