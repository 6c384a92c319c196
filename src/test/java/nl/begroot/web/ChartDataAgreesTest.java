package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.core.model.Programme;
import nl.begroot.publish.Publication;
import nl.begroot.publish.Publisher;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web's overview and the published document draw the same programme charts: the same bars and
 * the same words (legend, years, axis) in each, and neither has the overhead view (programme 5,
 * bedrijfsvoering), whose lasten are already inside programmes 1-4.
 */
class ChartDataAgreesTest extends ServerSession {
  private static final Pattern RECT = Pattern.compile("<rect [^>]*/>");
  private static final Pattern TEXT = Pattern.compile("<text [^>]*>([^<]*)</text>");

  private static String svg(String html, String id) {
    int start = html.indexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\"");
    assertThat(start).as("chart " + id).isNotNegative();
    return html.substring(start, html.indexOf("</svg>", start));
  }

  private static List<String> all(Pattern p, String svg, int group) {
    List<String> found = new ArrayList<>();
    Matcher m = p.matcher(svg);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {"lasten", "baten"})
  void webAndDocumentDrawTheSameChartWithoutTheOverheadView(String side) throws IOException {
    String web = svg(server.get("/v/" + Workspace.CONCEPT).body(), "grafiek-" + side);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.html(Publication.of(IPO), out);
    String document = svg(out.toString(StandardCharsets.UTF_8), "grafiek-" + side + "-svg");

    assertThat(all(RECT, web, 0)).as("bars and legend").isEqualTo(all(RECT, document, 0));
    assertThat(all(TEXT, web, 1)).as("legend, years and axis").isEqualTo(all(TEXT, document, 1));

    Programme overhead = IPO.programmes().stream().filter(Programme::overheadView).findFirst().orElseThrow();
    assertThat(overhead.id()).isEqualTo("5");
    List<String> words = all(TEXT, web, 1);
    assertThat(words).noneMatch(w -> w.startsWith(overhead.id() + ". "));
    for (Programme p : IPO.programmes()) {
      if (!p.overheadView()) {
        assertThat(words).anyMatch(w -> w.startsWith(p.id() + ". "));
      }
    }
  }
}
