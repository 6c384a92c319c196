package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.accounts.AnnualAccounts;
import nl.begroot.core.accounts.AnnualAccountsTest;
import nl.begroot.core.audit.Auditor;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.rounding.PrintedFigures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The annual accounts as published files (docs/accounts.md), of the small test budget whose figures
 * {@link AnnualAccountsTest} calculates by hand (cents): members Alfa, Beta, Gamma settle 2.001, 1.200, 800
 * of their own and 500, 300, 200 of the pass-through, in total 2.501, 1.500, 1.000; programme 1's lasten
 * deviate by −10.001 (over the threshold), realised lasten 89.999 + 55.000 = 144.999 (€ 1.449,99: 1 or 2 in
 * thousands). The PDF opens (PDFBox) and says it, passes PDF/UA-1; the workbook opens (POI) and its
 * printed tables foot; the CSV and JSON carry the same figures.
 */
class AccountsDocumentTest {
  static AccountsDocument document(Map<String, String> explanations) {
    AnnualAccounts a = AnnualAccountsTest.accounts(explanations);
    PrintedFigures printed = Pipeline.round(a.document());
    return new AccountsDocument("Jaarrekening 2026", "Test", "Begroting 2026 na wijziging", "concept", true, a, printed,
        Auditor.accounts(a, printed), LocalDate.of(2026, 12, 2));
  }

  static byte[] file(AccountsDocument d, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(d.write(name, out)).as(name).isTrue();
    return out.toByteArray();
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
    }
  }

  @Test
  void thePdfHasTheSettlementPerMemberTheDeviationsAndTheAudit() throws IOException {
    byte[] pdf = file(document(Map.of()), "jaarrekening.pdf");
    String text = text(pdf);
    assertThat(text).contains("Jaarrekening 2026", "Illustratie", "Inhoudsopgave", "Realisatie 2026 tegen de begroting na wijziging",
        "Resultaatbestemming 2026", "Verloop van de reserves 2026", "Kassiersfunctie 2026, apart afgerekend");
    // the settlement statement per member, to the cent, from the hand calculation
    assertThat(text).contains("Afrekening 2026 Alfa", "Alfa krijgt over 2026 € 25,01 terug", "Beta krijgt over 2026 € 15,00 terug",
        "Gamma krijgt over 2026 € 10,00 terug");
    assertThat(text).contains("Eigen afrekening € 40,01 € 20,01").contains("Kassiersfunctie € 10,00 k € 5,00");
    // programme 1's lasten need an explanation and have none: the page and the audit say so
    assertThat(text).contains("Toelichting ontbreekt").contains("Programma 1. One, lasten: de afwijking van − € 100,01");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("nl");
      List<String> bookmarks = new ArrayList<>();
      for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
        bookmarks.add(item.getTitle());
      }
      assertThat(bookmarks).contains("Inhoudsopgave", "Realisatie 2026", "Afwijkingen en hun toelichting", "Resultaat en resultaatbestemming",
          "Afrekening met de leden", "Kassiersfunctie", "Afrekening per lid", "Controle");
    }

    String explained = text(file(document(Map.of("1/lasten", "Vacatures later vervuld.")), "jaarrekening.pdf"));
    assertThat(explained).contains("Vacatures later vervuld.").doesNotContain("Toelichting ontbreekt").contains("De controle vindt niets");
  }

  @Test
  void thePdfPassesPdfUa1() throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    byte[] pdf = file(document(Map.of()), "jaarrekening.pdf");
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1)) {
      ValidationResult result = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false).validate(parser);
      List<String> failures = result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()).distinct().toList();
      assertThat(failures).isEmpty();
    }
  }

  @Test
  void theWorkbookOpensAndItsTablesFoot() throws IOException {
    AccountsDocument d = document(Map.of());
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file(d, "jaarrekening.xlsx")))) {
      // Realisatie: the programme rows ("1. One", ...) add up to Totaal in every column; realised lasten total 144.999 cents
      // (1,44999 thousand) prints 1 or 2 (controlled rounding: within one of the exact value)
      Sheet s = wb.getSheet("Realisatie");
      Map<String, Row> rows = new LinkedHashMap<>();
      for (Row r : s) {
        if (r.getRowNum() >= 2) {
          rows.put(r.getCell(0).getStringCellValue(), r);
        }
      }
      Row total = rows.get("Totaal");
      assertThat(number(total, 2)).as("realised lasten, x 1.000").isBetween(1L, 2L);
      for (int c = 1; c <= 6; c++) {
        long sum = 0;
        for (var e : rows.entrySet()) {
          if (e.getKey().matches("\\d+\\. .*")) {
            sum += number(e.getValue(), c);
          }
        }
        assertThat(sum).as("column %s foots", c).isEqualTo(number(total, c));
      }
      // the settlement per member in euros, to the cent
      Sheet m = wb.getSheet("Per lid");
      assertThat(m.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Alfa");
      int totalColumn = m.getRow(0).getLastCellNum() - 1;
      assertThat(m.getRow(0).getCell(totalColumn).getStringCellValue()).isEqualTo("totaal");
      assertThat(List.of(m.getRow(1).getCell(totalColumn).getNumericCellValue(), m.getRow(2).getCell(totalColumn).getNumericCellValue(),
          m.getRow(3).getCell(totalColumn).getNumericCellValue())).containsExactly(25.01, 15.00, 10.00);
      // the deviations, with which need an explanation
      Sheet dev = wb.getSheet("Afwijkingen");
      assertThat(dev.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(-100.01);
      assertThat(dev.getRow(1).getCell(6).getStringCellValue()).isEqualTo("ontbreekt");
      assertThat(wb.getSheet("Exact")).isNotNull();
      assertThat(wb.getSheet("Afrekening")).isNotNull();
    }
  }

  private static long number(Row r, int c) {
    Cell cell = r.getCell(c);
    return cell == null || cell.getCellType() != CellType.NUMERIC ? 0 : Math.round(cell.getNumericCellValue());
  }

  @Test
  void theUnitsAndTheMembersPassThroughPartsArePrintedWithTheirFigures() {
    String html = document(Map.of()).html(false);
    for (String label : List.of("1.1 Unit 1.1", "2.1 Unit 2.1", "Alfa</th>")) {
      int at = html.indexOf(label, html.indexOf(label.startsWith("Alfa") ? "Kassiersfunctie 2026" : "Realisatie 2026 tegen"));
      String row = html.substring(at, html.indexOf("</tr>", at));
      assertThat(row).as(label).contains("<td");
    }
  }

  @Test
  void csvAndJsonCarryTheSameFigures() throws IOException {
    AccountsDocument d = document(Map.of());
    String csv = new String(file(d, "jaarrekening.csv"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("table,row,label,column,figure,cents,printed,unit_euros,display\n")
        .contains(",jr-afrekening/A/totaal,2001,").contains(",jr-realisatie/totaal/realisatie-lasten,144999,");
    String json = new String(file(d, "jaarrekening.json"), StandardCharsets.UTF_8).replaceAll("\\s+", "");
    assertThat(json).contains("\"format\":\"begroot-accounts/1\"").contains("\"member\":\"A\",\"name\":\"Alfa\",\"own\":2001,\"pass_through\":500,\"total\":2501")
        .contains("\"settled\":4001");
    assertThat(d.write("jaarrekening.exe", new ByteArrayOutputStream())).isFalse();
  }
}
