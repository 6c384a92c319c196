package nl.begroot.publish;

import nl.begroot.render.Charts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Unit;
import nl.begroot.render.HtmlTableRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTML file: self-contained, well-formed, structured like the document, every table through the shared renderer. */
class HtmlDocumentTest {
  static String html() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.html(Ipo.PUBLICATION, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void isSelfContainedAndWellFormed() throws Exception {
    String html = html();
    assertThat(html).doesNotContain("<link", "src=\"http", "href=\"http", "<script", "@import", "url(");
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("lang")).isEqualTo("nl");
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Conceptbegroting 2027 Vereniging Interprovinciaal Overleg");
    NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    assertThat(svgs.getLength()).isEqualTo(3);
    for (int i = 0; i < svgs.getLength(); i++) {
      Element svg = (Element) svgs.item(i);
      assertThat(svg.getAttribute("role")).isEqualTo("img");
      assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").getLength()).isEqualTo(1);
      assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent()).isNotBlank();
    }
  }

  @Test
  void followsTheDocumentsStructureWithItsNarrativeAndTables() throws IOException {
    String html = html();
    Publication pub = Ipo.PUBLICATION;
    int last = 0;
    for (String heading : new String[] {"Inhoudsopgave", "Voorwoord", "Leeswijzer", "Samenvatting", "1. Bestuur- en Verenigingszaken",
        "5. Bedrijfsvoering", "Raming kassiersfunctie", "Bijlage 1. Bijdragen per provincie", "Bijlage 2. Afkortingen"}) {
      int at = html.indexOf(">" + HtmlTableRenderer.escape(heading) + "</h1>", last);
      assertThat(at).as(heading).isGreaterThan(last);
      last = at;
    }
    var narratives = nl.begroot.core.figures.Narratives.of(pub.document());
    String plain = html.replace('\u00a0', ' ');
    for (Programme p : pub.budget().programmes()) {
      for (Unit u : p.units()) {
        for (var t : nl.begroot.core.figures.Narratives.texts(u)) {
          // each paragraph or list item of the text, its amounts' signs written before the euro sign
          for (String part : narratives.render(t.place(), t.text()).split("\n(- )?")) {
            if (!part.isBlank()) {
              assertThat(plain).as("%s", t.place()).contains(HtmlTableRenderer.escape(part.replaceFirst("^- ", "").strip().replace("−€ ", "− € ")));
            }
          }
        }
      }
    }
    assertThat(html).as("every reference rendered").doesNotContain("{{");
    for (String table : DocumentHtml.tableIds(pub)) {
      String rendered = HtmlTableRenderer.render(pub.document(), pub.printed(), pub.document().table(table).orElseThrow(),
          HtmlTableRenderer.Options.PLAIN);
      String wide = rendered.replaceFirst("begroot-table\"", "begroot-table begroot-wide\"");
      assertThat(html.contains(rendered) || html.contains(wide)).as("%s printed by the shared renderer", table).isTrue();
    }
    assertThat(plain).contains("x € 1.000</p>").contains("VVM").contains("Vogel- en Habitatrichtlijn");
  }

  @Test
  void chartsSayTheSameAsTheirTables() {
    long[] ticks = Charts.ticks(-1_144, 7_243);
    assertThat(ticks[0]).isLessThanOrEqualTo(-1_144);
    assertThat(ticks[ticks.length - 1]).isGreaterThanOrEqualTo(7_243);
    assertThat(ticks.length).isBetween(3, 9);
    String svg = Charts.horizontalBars("x", "t", "d", java.util.List.of("A", "B"), new long[] {706, -12});
    assertThat(svg).contains(">706</text>").contains(">-12</text>");
  }
}
