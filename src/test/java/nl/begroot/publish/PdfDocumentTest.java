package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.core.figures.Table;
import nl.begroot.render.TextRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The PDF of the IPO budget as a reader gets it: every printed figure is the computed one (text
 * extracted with PDFBox, compared table by table with the core's printed figures), it passes
 * veraPDF's PDF/UA-1 validation, and it has its title, language, bookmarks, embedded fonts, page
 * numbers and a contents page whose page references are right.
 */
class PdfDocumentTest {
  @TempDir static Path dir;
  static Path pdf;
  static String text;
  static List<String> pages = new ArrayList<>();

  @BeforeAll
  static void writePdf() throws IOException {
    pdf = dir.resolve("begroting.pdf");
    try (OutputStream out = Files.newOutputStream(pdf)) {
      Publisher.pdf(Ipo.DATED, out); // dated: the XMP with the version's date passes PDF/UA too
    }
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      text = normalise(stripper.getText(doc));
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(normalise(stripper.getText(doc)));
      }
    }
  }

  static String normalise(String s) {
    // a no-break space (between "€" and its amount) reads as a space
    return " " + s.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim() + " ";
  }

  @Test
  void theNarrativeShowsTheFiguresItReferences() {
    // 2.7-soc is entered as 581000 euros a year from 2027; unit 2.7's narrative and the proposal's explanation refer to it
    assertThat(text).contains(" Dat kost vanaf 2027 structureel € 581.000 per jaar. ")
        .contains(" Vanaf 2027 kost dit structureel € 581.000 per jaar. ")
        // 2.1-ontleden is -4071000 a year; the text says the lasten fall by the negated figure
        .contains(" verlaagt de lasten structureel met € 4.071.000 per jaar")
        .doesNotContain("{{");
  }

  @Test
  void everyFigureOfEveryTableIsTheComputedFigureInOrder() {
    Publication pub = Ipo.PUBLICATION;
    List<String> ids = DocumentHtml.tableIds(pub);
    assertThat(ids).contains("tabel-1", "programme-1", "programme-5", "kassiersfunctie", "structureel", "bijlage-1-2027",
        "breakdown-4.1-dekkingsvoorstellen");
    int cursor = 0;
    int rowsChecked = 0;
    for (String id : ids) {
      Table table = pub.document().table(id).orElseThrow();
      String caption = " " + table.title() + " (" + (table.inThousands() ? "x € 1.000" : "x € 1") + ") ";
      int at = text.indexOf(caption, cursor);
      assertThat(at).as("caption of %s after position %d", id, cursor).isGreaterThanOrEqualTo(0);
      cursor = at + caption.length();
      for (Table.Row row : table.rows()) {
        List<String> cells = new ArrayList<>();
        for (Table.Cell cell : row.cells()) {
          String printed = TextRenderer.cell(pub.document(), pub.printed(), table, cell, false);
          if (!printed.isEmpty()) {
            cells.add(printed);
          }
        }
        if (cells.isEmpty()) {
          continue;
        }
        String sequence = " " + String.join(" ", cells) + " ";
        int found = text.indexOf(sequence, cursor);
        assertThat(found).as("row %s of %s (%s) after its caption", row.id(), id, sequence.trim()).isGreaterThanOrEqualTo(0);
        // the row's figures follow each other: no other table's caption lies in between
        assertThat(text.substring(cursor, found)).as("between rows of %s", id).doesNotContain(" (x € 1.000) Tabel");
        cursor = found + sequence.length() - 1;
        rowsChecked++;
      }
      assertThat(text.indexOf(" x € 1.000 ", cursor) >= 0 || text.indexOf(" x € 1 ", cursor) >= 0).as("unit under %s", id).isTrue();
    }
    assertThat(rowsChecked).isGreaterThan(150);
  }

  @Test
  void passesVeraPdfPdfUa1Validation() throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    try (InputStream in = Files.newInputStream(pdf);
        PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFUA_1)) {
      PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false);
      ValidationResult result = validator.validate(parser);
      List<String> failures = result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()).distinct().toList();
      assertThat(failures).isEmpty();
      assertThat(result.isCompliant()).isTrue();
    }
  }

  @Test
  void hasTitleLanguageBookmarksPerChapterAndEmbeddedFonts() throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Conceptbegroting 2027 Vereniging Interprovinciaal Overleg");
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("nl");
      assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      List<String> bookmarks = new ArrayList<>();
      for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
        bookmarks.add(item.getTitle());
      }
      assertThat(bookmarks).contains("Inhoudsopgave", "Voorwoord", "Leeswijzer", "Samenvatting", "1. Bestuur- en Verenigingszaken",
          "5. Bedrijfsvoering", "Raming kassiersfunctie", "Bijlage 1. Bijdragen per provincie", "Bijlage 2. Afkortingen");
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void contentsPageReferencesThePagesWhereTheChaptersStart() {
    String contents = pages.get(1);
    assertThat(contents).contains("Inhoudsopgave");
    Matcher m = Pattern.compile(" (\\d\\. [A-Z][^.]*?|Voorwoord|Leeswijzer|Samenvatting|Bijlage 2\\. Afkortingen) [. ]*?(\\d+) ").matcher(contents);
    int checked = 0;
    while (m.find()) {
      String title = m.group(1).trim();
      int page = Integer.parseInt(m.group(2));
      assertThat(page).as("page of %s", title).isBetween(1, pages.size());
      assertThat(pages.get(page - 1)).as("page %d starts %s", page, title).contains(title);
      assertThat(pages.get(page - 1)).as("page number printed on page %d", page).endsWith(" " + page + " ");
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  @Test
  void largeTablesRepeatTheirHeaderOnANewPage() {
    // Bijlage 2 (the abbreviations, the last chapter) runs over more than one page: its header row is on each of them
    int start = -1;
    for (int p = 0; p < pages.size() && start < 0; p++) {
      if (pages.get(p).contains(" Bijlage 2. Afkortingen Afkortingen Afkorting Volledige omschrijving ")) {
        start = p;
      }
    }
    assertThat(start).isGreaterThan(0);
    assertThat(pages.size() - start).as("pages of Bijlage 2").isGreaterThanOrEqualTo(2);
    for (int p = start; p < pages.size(); p++) {
      assertThat(pages.get(p)).as("page %d", p + 1).contains(" Afkorting Volledige omschrijving ");
    }
  }
}
