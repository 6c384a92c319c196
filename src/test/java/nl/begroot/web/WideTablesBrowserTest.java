package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wide tables read at every width, in real Chromium: at 1280 px Bijlage 1 and the province tables of
 * the comparison and the preview show every column without scrolling; at 375 px every table's last
 * column can be scrolled to inside its own region (the page itself never scrolls sideways), and a
 * table that scrolls says so under it. At both widths no cell's text runs out of its cell (text
 * overlapping the next column), every caption (with its "(x € 1.000)") is whole on screen, and axe
 * finds no WCAG 2.1 AA violation.
 */
class WideTablesBrowserTest extends BrowserSession {
  private static final String V = "/v/conceptbegroting-2027";

  private record Visit(Consumer<WideTablesBrowserTest> steps, boolean allColumnsAt1280) {}

  private static Named<Visit> at(String name, String path, boolean allColumnsAt1280) {
    return Named.of(name, new Visit(t -> t.page.navigate(server.base() + path), allColumnsAt1280));
  }

  static Stream<Arguments> pages() {
    List<Named<Visit>> visits = List.of(
        at("Bijlage 1", V + "/bijlage-1?jaar=2027", true),
        at("overview (Tabel 1)", V, true),
        at("compare", "/vergelijk?a=begroting-2026&b=conceptbegroting-2027", true),
        at("province", V + "/provincie/GE", false),
        at("programme", V + "/programma/2", false),
        Named.of("preview of an edit", new Visit(t -> {
          t.page.navigate(server.base() + V + "/voorstel/2.7-soc/wijzigen");
          t.page.fill("[name='amount.2027']", "681.000");
          t.page.click("button[value=preview]");
          t.page.waitForSelector("#voorbeeld:not(.htmx-settling) #effect-provincies");
        }, true)));
    return Stream.of(1280, 375).flatMap(w -> visits.stream().map(v -> Arguments.of(w, v)));
  }

  /** Per table: its id, whether its region scrolls, and after scrolling to the end where its last header cell is. */
  private static final String MEASURE = """
      () => Array.from(document.querySelectorAll('main .begroot-table-wrap')).map(wrap => {
        const table = wrap.querySelector('table');
        const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
        wrap.scrollLeft = wrap.scrollWidth;
        const w = wrap.getBoundingClientRect();
        const row = table.querySelector('thead tr') || table.querySelector('tr');
        const last = row.lastElementChild.getBoundingClientRect();
        const overflowing = Array.from(table.querySelectorAll('th, td')).filter(c => c.scrollWidth > c.clientWidth + 1)
          .map(c => c.textContent.trim().slice(0, 40));
        wrap.scrollLeft = 0;
        const caption = table.querySelector('caption');
        const unit = caption && caption.querySelector('.begroot-unit');
        const cueAfter = wrap.nextElementSibling && wrap.nextElementSibling.classList.contains('begroot-scroll-cue')
          && getComputedStyle(wrap.nextElementSibling).display !== 'none';
        return { id: table.id || '(no id)', scrolls, cueAfter, overflowing,
          lastReachable: last.right <= Math.min(w.right, window.innerWidth) + 1 && last.left >= w.left - 1,
          captionWhole: !caption || caption.getBoundingClientRect().right <= window.innerWidth + 1,
          unitWhole: !unit || (unit.getBoundingClientRect().right <= window.innerWidth + 1 && unit.getBoundingClientRect().left >= 0) };
      })""";

  @ParameterizedTest(name = "{1} at {0} px")
  @MethodSource("pages")
  void everyColumnReachableNoTextOverlapsNoViolations(int width, Visit visit) {
    page.setViewportSize(width, 900);
    visit.steps().accept(this);
    assertThat(page.evaluate("() => document.documentElement.scrollWidth")).as("the page itself does not scroll sideways")
        .isEqualTo(width);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tables = (List<Map<String, Object>>) page.evaluate(MEASURE);
    assertThat(tables).as("the page has tables").isNotEmpty();
    for (Map<String, Object> t : tables) {
      String id = String.valueOf(t.get("id"));
      assertThat(t.get("lastReachable")).as("%s: the last column can be brought into view", id).isEqualTo(true);
      assertThat((List<?>) t.get("overflowing")).as("%s: cells whose text runs out of the cell", id).isEmpty();
      assertThat(t.get("captionWhole")).as("%s: the caption is whole on screen", id).isEqualTo(true);
      assertThat(t.get("unitWhole")).as("%s: the caption's unit is on screen", id).isEqualTo(true);
      if (width == 1280 && visit.allColumnsAt1280()) {
        assertThat(t.get("scrolls")).as("%s: all columns show at 1280 px, without scrolling", id).isEqualTo(false);
      }
      if (Boolean.TRUE.equals(t.get("scrolls"))) {
        assertThat(t.get("cueAfter")).as("%s scrolls: a visible line says so", id).isEqualTo(true);
      }
    }
    AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21aa")).analyze();
    assertThat(results.getViolations()).as(() -> results.getViolations().stream()
        .map(r -> r.getId() + ": " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()).toList().toString()).isEmpty();
  }

  /** A long form keeps the five year amounts on one row at 1280 px: every amount field at the same height. */
  @org.junit.jupiter.api.Test
  void theEditFormKeepsTheFiveYearAmountsOnOneRowAt1280() {
    page.setViewportSize(1280, 900);
    page.navigate(server.base() + V + "/voorstel/2.7-soc/wijzigen");
    var fields = page.locator("input[name^='amount.']");
    assertThat(fields.count()).as("an amount field per year of the budget: 2026-2030").isEqualTo(5);
    double top = fields.first().boundingBox().y;
    for (int i = 1; i < fields.count(); i++) {
      assertThat(fields.nth(i).boundingBox().y).as("the amount field of %s", fields.nth(i).getAttribute("name")).isEqualTo(top);
    }
  }
}
