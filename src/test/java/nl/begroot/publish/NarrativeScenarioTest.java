package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.BudgetReader;
import nl.begroot.format.LoadResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The README's scenario: the Security Operations Center (2.7-soc) costs 681.000 instead of 581.000
 * from 2027. The table says 681 and so does the narrative, in the HTML document and in the PDF.
 */
class NarrativeScenarioTest {
  static final String BEFORE = "{2026: 0, 2027: 581000, 2028: 581000, 2029: 581000, 2030: 581000}";
  static final String AFTER = "{2026: 0, 2027: 681000, 2028: 681000, 2029: 681000, 2030: 681000}";

  static Publication changed() {
    String text = BudgetFiles.builtInText();
    assertThat(text).contains(BEFORE); // the README's sed line still finds its text
    LoadResult r = BudgetReader.read("mijn-begroting.yaml", text.replace(BEFORE, AFTER));
    assertThat(r).isInstanceOf(LoadResult.Loaded.class);
    return Publication.of(((LoadResult.Loaded) r).budget());
  }

  @Test
  void theNarrativeFollowsTheChangedProposalInTheHtmlAndThePdf() throws IOException {
    Publication pub = changed();
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    Publisher.html(pub, html);
    String h = html.toString(StandardCharsets.UTF_8).replace('\u00a0', ' ');
    assertThat(h).contains("Dat kost vanaf 2027 structureel € 681.000 per jaar.")
        .contains("Vanaf 2027 kost dit structureel € 681.000 per jaar.")
        .doesNotContain("€ 581.000");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Publisher.pdf(pub, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
      String text = PdfDocumentTest.normalise(new PDFTextStripper().getText(doc));
      assertThat(text).contains(" Dat kost vanaf 2027 structureel € 681.000 per jaar. ").doesNotContain("€ 581.000");
    }
  }
}
