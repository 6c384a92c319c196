package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Unit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PDF reads like a published budget (issue 12): a designed cover, per unit the seed's headings
 * in order, no euro sign at the end of a line, no proposal id in the running text, and no page with
 * a few lines that is followed by a page starting a new section without need. Text is extracted
 * with PDFBox, the cover is rendered to an image.
 */
class PdfReadingTest {
  static final int FEW_LINES = 15;
  static byte[] pdf;
  static final List<List<String>> pages = new ArrayList<>(); // the lines of each page, the running footer left out
  static final List<Boolean> landscape = new ArrayList<>();
  static final Set<String> sections = new HashSet<>(); // the headings of the bookmarks (chapters and sections)
  static BufferedImage cover;

  @BeforeAll
  static void read() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.pdf(Ipo.DATED, out);
    pdf = out.toByteArray();
    String footer = Ipo.BUDGET.version().title() + " " + Ipo.BUDGET.organisation().shortName();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        List<String> lines = new ArrayList<>();
        for (String line : stripper.getText(doc).split("\\R")) {
          String l = line.strip();
          if (!l.isEmpty() && !l.equals(footer) && !l.matches(Pattern.quote(footer) + " \\d+") && !l.matches("\\d+")) {
            lines.add(l);
          }
        }
        pages.add(lines);
        var box = doc.getPage(p - 1).getMediaBox();
        landscape.add(box.getWidth() > box.getHeight());
      }
      collect(doc.getDocumentCatalog().getDocumentOutline());
      cover = new PDFRenderer(doc).renderImageWithDPI(0, 30);
    }
  }

  static void collect(PDOutlineNode node) {
    if (node == null) {
      return;
    }
    node.children().forEach(item -> {
      sections.add(item.getTitle().strip());
      collect(item);
    });
  }

  static String text() {
    StringBuilder s = new StringBuilder();
    pages.forEach(p -> p.forEach(l -> s.append(l).append('\n')));
    return s.toString();
  }

  @Test
  void theCoverNamesOrganisationTitleStatusAndDateOnADesignedPage() {
    List<String> first = pages.get(0);
    assertThat(first).contains("Vereniging Interprovinciaal Overleg", "Conceptbegroting 2027", "STATUS", "DATUM");
    // the version's own date (Ipo.DATED: 15 September 2026), not the day the PDF was made
    assertThat(String.join("\n", first)).contains("15 september 2026").contains("Concept");
    // the band of the house colour across the top of the cover, to the page's right edge
    assertThat(cover.getRGB(3, 3) & 0xffffff).isEqualTo(0x01689b);
    assertThat(cover.getRGB(cover.getWidth() - 3, 40) & 0xffffff).isEqualTo(0x01689b);
  }

  @Test
  void theSameVersionGivesTheSameBytesAndTheDateIsTheVersions() throws IOException {
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    Publisher.pdf(Ipo.DATED, again);
    assertThat(java.util.Arrays.equals(again.toByteArray(), pdf)).as("byte for byte the same PDF").isTrue();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      java.util.Calendar created = doc.getDocumentInformation().getCreationDate();
      assertThat(created.toInstant()).isEqualTo(java.time.LocalDate.of(2026, 9, 15).atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam")).toInstant());
      String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(xmp).as("no moment of writing in the metadata").doesNotContain(java.time.LocalDate.now().toString());
    }
    // another date is another cover; an undated publication prints no date and is as stable
    ByteArrayOutputStream undated = new ByteArrayOutputStream();
    Publisher.pdf(Ipo.PUBLICATION, undated);
    assertThat(java.util.Arrays.equals(undated.toByteArray(), pdf)).isFalse();
    ByteArrayOutputStream undatedAgain = new ByteArrayOutputStream();
    Publisher.pdf(Ipo.PUBLICATION, undatedAgain);
    assertThat(java.util.Arrays.equals(undated.toByteArray(), undatedAgain.toByteArray())).isTrue();
    try (PDDocument doc = Loader.loadPDF(undated.toByteArray())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setEndPage(1);
      assertThat(stripper.getText(doc)).doesNotContain("DATUM").contains("STATUS");
      assertThat(doc.getDocumentInformation().getCreationDate()).isNull();
    }
  }

  @Test
  void eachUnitHasTheSeedsHeadingsInOrderThenItsProposals() {
    List<String> lines = List.of(text().split("\n"));
    int at = 0;
    int units = 0;
    for (Programme p : Ipo.BUDGET.programmes()) {
      for (Unit u : p.units()) {
        List<String> expected = new ArrayList<>();
        if (!u.id().equals(p.id())) {
          expected.add(u.id() + ". " + u.title());
        }
        expected.add("Ontwikkelingen");
        expected.add("Speerpunten");
        expected.add("Financieel gevolg");
        for (Proposal pr : Ipo.BUDGET.proposals()) {
          if (pr.unit().equals(u.id())) {
            expected.add(pr.title());
          }
        }
        for (String heading : expected) {
          int found = -1;
          for (int i = at; i < lines.size(); i++) {
            if (lines.get(i).replace('\u00a0', ' ').startsWith(heading)) {
              found = i;
              break;
            }
          }
          assertThat(found).as("'%s' of unit %s after line %d", heading, u.id(), at).isGreaterThanOrEqualTo(at);
          at = found + 1;
        }
        units++;
      }
    }
    assertThat(units).isEqualTo(18);
  }

  @Test
  void anAmountNeverPartsFromItsEuroSignOrSign() {
    for (int p = 0; p < pages.size(); p++) {
      List<String> lines = pages.get(p);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        assertThat(line).as("page %d", p + 1).doesNotEndWith("€");
        if (i + 1 < lines.size() && lines.get(i + 1).startsWith("€")) {
          assertThat(line).as("page %d: a sign parted from its amount", p + 1).doesNotEndWith("−").doesNotEndWith("+").doesNotEndWith("-");
        }
        assertThat(line).as("page %d: a sign written once, before the euro sign", p + 1).doesNotContainPattern("€\\s?[-−]\\d");
      }
    }
    assertThat(text()).contains("€\u00a0");
  }

  @Test
  void noProposalIdInTheRunningText() {
    String text = text();
    for (Proposal p : Ipo.BUDGET.proposals()) {
      assertThat(text).as("id %s", p.id()).doesNotContain(p.id());
    }
    assertThat(text).doesNotContainPattern("\\b\\d\\.\\d-[a-z]");
    assertThat(text).doesNotContain("(versie " + Ipo.BUDGET.version().id());
  }

  @Test
  void noPageWithAFewLinesIsFollowedByAPageThatStartsANewSectionWithoutNeed() {
    assertThat(sections).contains("Voorwoord", "1. Bestuur- en Verenigingszaken", "2.7. Digitalisering");
    List<String> offenders = new ArrayList<>();
    for (int p = 1; p + 1 < pages.size(); p++) { // the cover (page 1) stands alone by design
      List<String> lines = pages.get(p);
      List<String> next = pages.get(p + 1);
      boolean contents = lines.contains("Inhoudsopgave");
      boolean pageSizeChanges = !landscape.get(p).equals(landscape.get(p + 1)); // a need: Bijlage 1 is landscape
      if (lines.size() < FEW_LINES && !next.isEmpty() && sections.contains(next.get(0)) && !contents && !pageSizeChanges) {
        offenders.add("page " + (p + 1) + " (" + lines.size() + " lines) before '" + next.get(0) + "'");
      }
    }
    assertThat(offenders).isEmpty();
  }
}
