package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.begroot.core.model.Member;
import nl.begroot.core.text.Dutch;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** Each member's statement: one page, its own figures from Bijlage 1, the proposals behind its change. */
class StatementTest {
  @Test
  void everyMemberGetsOnePageWithItsOwnFigures() throws IOException {
    Publication pub = Ipo.PUBLICATION;
    for (Member m : pub.budget().members()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Publisher.statementPdf(pub, m.id(), out);
      try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
        assertThat(doc.getNumberOfPages()).as(m.name()).isEqualTo(1);
        String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        assertThat(text).contains("Bijdrage aan de Vereniging IPO 2027").contains(m.name());
        StringBuilder totals = new StringBuilder("Totaal IPO-vereniging");
        for (int y : pub.budget().version().years()) {
          totals.append(' ').append(Dutch.whole(pub.thousands("bijlage-1-" + y + "/" + m.id() + "/total")));
        }
        assertThat(text).contains(totals);
        // the origin of the largest change in the document's words, from the budget's titles; the id as a technical note
        Statement.Part first = Statement.parts(pub, m, pub.budgetYear()).get(0);
        nl.begroot.core.model.Proposal p = first.proposal();
        nl.begroot.core.model.Programme pr = pub.budget().programmes().stream()
            .filter(x -> x.units().stream().anyMatch(u -> u.id().equals(p.unit()))).findFirst().orElseThrow();
        String units = p.units().stream().map(u -> u + ".").collect(java.util.stream.Collectors.joining(" & "));
        String words = pr.id() + ". " + pr.title() + ", " + (pr.overheadView() ? "" : units + " ") + p.title();
        assertThat(text).as(m.name()).contains("Herkomst: " + words + " " + pub.budgetYear() + " (technisch: ");
        // the PDF's text breaks the id where the line breaks: compare without spaces
        assertThat(text.replace(" ", "")).as(m.name()).contains("(technisch:" + first.figureId().replace(" ", "") + ")");
      }
    }
  }

  @Test
  void thePartsExplainTheChangeToWithinRounding() {
    Publication pub = Ipo.PUBLICATION;
    for (Member m : pub.budget().members()) {
      var parts = Statement.parts(pub, m, 2027);
      long sum = parts.stream().mapToLong(Statement.Part::memberCents).sum();
      long exact = pub.cents("bijlage-1-2027/" + m.id() + "/total");
      assertThat(Math.abs(sum - exact)).as(m.name()).isLessThanOrEqualTo(parts.size() + 2L);
      assertThat(Math.abs(parts.get(0).memberCents())).isGreaterThanOrEqualTo(Math.abs(parts.get(parts.size() - 1).memberCents()));
    }
  }

  @Test
  void theStatementPdfPassesPdfUa1AndTheHtmlNamesTheMember() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.statementPdf(Ipo.PUBLICATION, "GE", out);
    VeraGreenfieldFoundryProvider.initialise();
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(out.toByteArray()), PDFAFlavour.PDFUA_1)) {
      assertThat(Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false).validate(parser).isCompliant()).isTrue();
    }
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    Publisher.statementHtml(Ipo.PUBLICATION, "Gelderland", html);
    assertThat(html.toString(StandardCharsets.UTF_8)).contains("<h1>Bijdrage aan de Vereniging IPO 2027</h1>").contains("Gelderland");
  }
}
