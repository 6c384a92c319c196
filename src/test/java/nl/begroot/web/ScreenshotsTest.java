package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Takes the README's screenshots of the main pages at 1280 px with headless Chromium, signed in as
 * the test server's staff person: {@code mvn -Dtest=ScreenshotsTest -Dbegroot.screenshots=docs/screenshots test}
 * (with {@code -Dbegroot.screenshots.prefix=before-} for the pictures of a branch before a change).
 * Without the property it still runs in every build, into {@code target/screenshots}: each main page
 * answers and gives a picture (so the README's command keeps working).
 */
class ScreenshotsTest extends BrowserSession {
  private static final String V = "/v/conceptbegroting-2027";

  static Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("start", "/");
    pages.put("programme", V + "/programma/2");
    pages.put("tabel-1", V + "#tabel-1");
    pages.put("bijlage-1", V + "/bijlage-1?jaar=2027");
    pages.put("province", V + "/provincie/GE");
    pages.put("compare", "/vergelijk?a=begroting-2026&b=conceptbegroting-2027");
    return pages;
  }

  @Test
  void mainPagesAt1280() {
    Path dir = Paths.get(System.getProperty("begroot.screenshots", "target/screenshots"));
    String prefix = System.getProperty("begroot.screenshots.prefix", "");
    page.setViewportSize(1280, 900);
    for (var e : pages().entrySet()) {
      var response = page.navigate(server.base() + e.getValue());
      assertThat(response.status()).as(e.getValue()).isLessThan(400);
      Path file = dir.resolve(prefix + e.getKey() + ".png");
      page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
      assertThat(file).as(e.getValue()).isNotEmptyFile();
    }
  }
}
