package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook stays alive (issue 12): Bijlage 1's member cells are formulas over the key sheet
 * (share / key total × amount to distribute, rounded, plus a visible rounding adjustment), every
 * formula carries its value for viewers that do not calculate, and sheets are named in words.
 * Expected figures come from the seed's key (Verdeelsleutel IPO 2027: Gelderland 10,67 of 100,02)
 * and a hand calculation, not from the workbook.
 */
class LiveWorkbookTest {
  static byte[] book;
  @TempDir static java.nio.file.Path dir;

  @BeforeAll
  static void export() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.xlsx(Ipo.PUBLICATION, out);
    book = out.toByteArray();
  }

  static int column(Table t, String columnId) {
    for (int c = 0; c < t.columns().size(); c++) {
      if (t.columns().get(c).id().equals(columnId)) {
        return c + 1;
      }
    }
    throw new AssertionError("no column " + columnId);
  }

  static int row(Table t, String rowId) {
    return WorkbookExport.FIRST_BODY_ROW + t.rows().indexOf(t.row(rowId));
  }

  @Test
  void everyFormulaIsSavedWithItsValueAndTheValueIsWhatItCalculates() throws IOException {
    // in the file itself: no <f> without a <v> after it
    java.nio.file.Path file = dir.resolve("book.xlsx");
    java.nio.file.Files.write(file, book);
    int formulas = 0;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (e.getName().startsWith("xl/worksheets/")) {
          String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
          Matcher m = Pattern.compile("<f>[^<]*</f>(<v>[^<]+</v>)?").matcher(xml);
          while (m.find()) {
            assertThat(m.group(1)).as("%s: %s has a saved value", e.getName(), m.group()).isNotNull();
            formulas++;
          }
        }
      }
    }
    assertThat(formulas).isGreaterThan(1000);
    // and through POI: the saved value of every formula cell equals what POI calculates
    int compared = 0;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
      for (Sheet sheet : wb) {
        for (Row r : sheet) {
          for (Cell c : r) {
            if (c.getCellType() == CellType.FORMULA) {
              double saved = c.getNumericCellValue(); // the cached value, no calculation
              // (a sum of shares in binary floating point may differ from the decimal sum in the last bit)
              assertThat(evaluator.evaluate(c).getNumberValue()).as("%s!%s", sheet.getSheetName(), c.getAddress())
                  .isCloseTo(saved, org.assertj.core.data.Offset.offset(1e-9));
              compared++;
            }
          }
        }
      }
    }
    assertThat(compared).isEqualTo(formulas);
  }

  @Test
  void bijlage1MemberCellsAreShareTimesAmountToDistributePlusAVisibleAdjustment() throws IOException {
    Publication pub = Ipo.PUBLICATION;
    int year = pub.budgetYear();
    Table t = pub.document().table(FigureIds.annexTable(year)).orElseThrow();
    DistributionKey key = pub.budget().key(pub.budget().annex().keyId()).orElseThrow();
    // the seed's key as printed in Bijlage 1: Gelderland 10,67 of a total of 100,02
    assertThat(key.sharesPercent().get("GE")).isEqualByComparingTo("10.67");
    assertThat(key.sumPercent()).isEqualByComparingTo("100.02");
    List<Member> members = pub.budget().members();
    int checked = 0;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      Sheet sheet = wb.getSheet("Bijlage 1 " + year);
      assertThat(sheet).isNotNull();
      FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
      evaluator.clearAllCachedResultValues();
      for (var column : pub.budget().annex().columns()) {
        if (column.isSum() || (column.keyId() != null && !column.keyId().equals(key.id()))) {
          continue;
        }
        int x = column(t, column.id());
        long toDistribute = pub.printed().value(true, FigureIds.annexTable(year) + "/te-verdelen/" + column.id()).orElseThrow();
        long columnTotal = 0;
        for (int m = 0; m < members.size(); m++) {
          Member member = members.get(m);
          Cell cell = sheet.getRow(row(t, member.id())).getCell(x);
          assertThat(cell.getCellType()).as("%s %s", member.id(), column.id()).isEqualTo(CellType.FORMULA);
          assertThat(cell.getCellFormula()).contains("'Verdeelsleutels'!").startsWith("ROUND(");
          // by hand: share / 100,02 × the amount to distribute, rounded half away from zero
          long byHand = key.sharesPercent().get(member.id()).multiply(BigDecimal.valueOf(toDistribute))
              .divide(new BigDecimal("100.02"), 0, RoundingMode.HALF_UP).longValueExact();
          Cell adjustment = sheet.getRow(WorkbookExport.adjustmentRow(t, m)).getCell(x);
          long printed = pub.printed().value(true, FigureIds.annexTable(year) + "/" + member.id() + "/" + column.id()).orElseThrow();
          assertThat((long) adjustment.getNumericCellValue()).as("adjustment %s %s", member.id(), column.id()).isEqualTo(printed - byHand);
          assertThat(Math.abs(printed - byHand)).as("the adjustment is a rounding, not a correction").isLessThanOrEqualTo(1);
          assertThat((long) evaluator.evaluate(cell).getNumberValue()).isEqualTo(printed);
          columnTotal += printed;
          checked++;
        }
        // the workbook's total still equals the printed parts
        Cell total = sheet.getRow(row(t, "totaal")).getCell(x);
        assertThat((long) evaluator.evaluate(total).getNumberValue()).isEqualTo(columnTotal)
            .isEqualTo(pub.printed().value(true, FigureIds.annexTable(year) + "/totaal/" + column.id()).orElseThrow());
      }
      assertThat(sheet.getRow(WorkbookExport.adjustmentRow(t, 0) - 1).getCell(0).getStringCellValue()).startsWith("Afrondingsverschil");
    }
    assertThat(checked).isGreaterThanOrEqualTo(members.size() * 3);
  }

  @Test
  void bijlage1KeyShareColumnIsShareOverKeyTotalPlusAVisibleAdjustment() throws IOException {
    Publication pub = Ipo.PUBLICATION;
    int year = pub.budgetYear();
    Table t = pub.document().table(FigureIds.annexTable(year)).orElseThrow();
    List<Member> members = pub.budget().members();
    int x = column(t, "share"); // Proc. aandeel
    int ge = members.stream().map(Member::id).toList().indexOf("GE");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      Sheet sheet = wb.getSheet("Bijlage 1 " + year);
      FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
      double sum = 0;
      for (int m = 0; m < members.size(); m++) {
        Cell cell = sheet.getRow(row(t, members.get(m).id())).getCell(x);
        assertThat(cell.getCellType()).as(members.get(m).id()).isEqualTo(CellType.FORMULA);
        assertThat(cell.getCellFormula()).startsWith("ROUND('Verdeelsleutels'!");
        double adjustment = sheet.getRow(WorkbookExport.adjustmentRow(t, m)).getCell(x).getNumericCellValue();
        assertThat(Math.abs(adjustment)).as("a rounding of a hundredth of a percent at most").isLessThanOrEqualTo(0.0001 + 1e-12);
        assertThat(evaluator.evaluate(cell).getNumberValue()).as("saved value = calculated")
            .isCloseTo(cell.getNumericCellValue(), org.assertj.core.data.Offset.offset(1e-12));
        sum += cell.getNumericCellValue();
      }
      // by hand: Gelderland 10,67 / 100,02 = 0,10668 -> 10,67 %
      Cell gelderland = sheet.getRow(row(t, "GE")).getCell(x);
      double adjustment = sheet.getRow(WorkbookExport.adjustmentRow(t, ge)).getCell(x).getNumericCellValue();
      assertThat(gelderland.getNumericCellValue() - adjustment).isCloseTo(0.1067, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(sum).as("the printed shares add up to 100 %").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      Cell total = sheet.getRow(row(t, "totaal")).getCell(x);
      assertThat(total.getCellFormula()).startsWith("SUM(");
      // changing Gelderland's share on the key sheet recalculates its printed share: 20 / 109,35 = 18,29 %
      wb.getSheet(WorkbookExport.KEYS).getRow(WorkbookExport.KEY_FIRST_ROW + ge).getCell(1).setCellValue(20.00);
      evaluator.clearAllCachedResultValues();
      evaluator.evaluateAll();
      assertThat(gelderland.getNumericCellValue()).isCloseTo(0.1829 + adjustment, org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void changingAShareRecalculatesTheMembersCell() throws IOException {
    Publication pub = Ipo.PUBLICATION;
    int year = pub.budgetYear();
    Table t = pub.document().table(FigureIds.annexTable(year)).orElseThrow();
    int ge = pub.budget().members().stream().map(Member::id).toList().indexOf("GE");
    String columnId = "2";
    int x = column(t, columnId);
    long toDistribute = pub.printed().value(true, FigureIds.annexTable(year) + "/te-verdelen/" + columnId).orElseThrow();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      Sheet keys = wb.getSheet(WorkbookExport.KEYS);
      Cell share = keys.getRow(WorkbookExport.KEY_FIRST_ROW + ge).getCell(1);
      assertThat(keys.getRow(WorkbookExport.KEY_FIRST_ROW + ge).getCell(0).getStringCellValue()).isEqualTo("Gelderland");
      assertThat(share.getNumericCellValue()).isEqualTo(10.67);
      Sheet annex = wb.getSheet("Bijlage 1 " + year);
      Cell cell = annex.getRow(row(t, "GE")).getCell(x);
      long adjustment = (long) annex.getRow(WorkbookExport.adjustmentRow(t, ge)).getCell(x).getNumericCellValue();
      long before = (long) cell.getNumericCellValue();

      share.setCellValue(20.00); // Gelderland's share from 10,67 to 20,00: the key's total becomes 109,35
      FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
      evaluator.clearAllCachedResultValues();
      evaluator.evaluateAll();

      long byHand = new BigDecimal("20.00").multiply(BigDecimal.valueOf(toDistribute))
          .divide(new BigDecimal("109.35"), 0, RoundingMode.HALF_UP).longValueExact() + adjustment;
      assertThat((long) cell.getNumericCellValue()).isEqualTo(byHand).isNotEqualTo(before);
      Cell keyTotal = keys.getRow(WorkbookExport.KEY_FIRST_ROW + pub.budget().members().size()).getCell(1);
      assertThat(keyTotal.getNumericCellValue()).isCloseTo(109.35, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void sheetsAreNamedInWords() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      List<String> names = new java.util.ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).contains("Programma 1", "Programma 5", "Tabel 1", "Bijlage 1 2027", "Verdeelsleutels");
      assertThat(names).noneMatch(n -> n.matches(".*\\b(programme|breakdown|bijlage|tabel)-.*"))
          .noneMatch(n -> n.matches(".*\\d\\.\\d-[a-z].*"));
    }
  }
}
