package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workbook: recalculated by Apache POI, every table shows the printed figures and its totals
 * are live formulas; the exact sheet holds every figure to the cent; the proposals sheet reads
 * back into the same proposals, and a sheet with planted errors is refused with exactly those
 * errors.
 */
class WorkbookTest {
  static byte[] book;

  @BeforeAll
  static void export() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.xlsx(Ipo.PUBLICATION, out);
    book = out.toByteArray();
  }

  @Test
  void everyTableRecalculatesToThePrintedFiguresWithLiveTotals() throws IOException {
    Publication pub = Ipo.PUBLICATION;
    Map<String, String> names = WorkbookExport.sheetNames(pub.document().tables());
    int formulas = 0;
    int checked = 0;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
      evaluator.clearAllCachedResultValues();
      for (Table table : pub.document().tables()) {
        Sheet sheet = wb.getSheet(names.get(table.id()));
        assertThat(sheet).as("sheet of %s", table.id()).isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(table.title());
        for (int r = 0; r < table.rows().size(); r++) {
          Table.Row row = table.rows().get(r);
          Row xr = sheet.getRow(WorkbookExport.FIRST_BODY_ROW + r);
          assertThat(xr.getCell(table.columns().size() + 1).getStringCellValue()).isEqualTo(row.id());
          for (int c = 0; c < row.cells().size(); c++) {
            Table.Cell cell = row.cells().get(c);
            Cell xc = xr.getCell(c + 1);
            if (cell.percent() != null) {
              assertThat(BigDecimal.valueOf(xc.getNumericCellValue()).movePointRight(2).compareTo(cell.percent())).isZero();
              continue;
            }
            if (cell.figureId() == null) {
              continue;
            }
            Figure f = pub.figure(cell.figureId());
            if (f.display() == Figure.Display.PM) {
              assertThat(xc.getStringCellValue()).isEqualTo("pm");
              continue;
            }
            if (f.display() == Figure.Display.BLANK) {
              assertThat(xc == null || xc.getCellType() == CellType.BLANK).isTrue();
              continue;
            }
            long expected = pub.printed().value(table.inThousands(), f.id()).orElseThrow();
            if (xc.getCellType() == CellType.FORMULA) {
              formulas++;
              assertThat(evaluator.evaluate(xc).getNumberValue()).as("%s!%s (%s)", sheet.getSheetName(),
                  WorkbookExport.cellRef(xr.getRowNum(), c + 1), f.id()).isEqualTo((double) expected);
            } else {
              boolean termsShown = !f.isLeaf() && f.terms().stream().allMatch(t -> shown(pub, table.centsPerUnit(), t.figureId()));
              assertThat(termsShown).as("a total whose parts are in the workbook is a formula: %s", f.id()).isFalse();
              assertThat(xc.getNumericCellValue()).isEqualTo((double) expected);
            }
            checked++;
          }
        }
      }
      Sheet tabel1 = wb.getSheet("Tabel 1");
      String newLasten2027 = tabel1.getRow(WorkbookExport.FIRST_BODY_ROW
          + pub.document().table("tabel-1").orElseThrow().rows().indexOf(pub.document().table("tabel-1").orElseThrow().row("new.lasten")))
          .getCell(2).getCellFormula();
      assertThat(newLasten2027).startsWith("SUM(");
    }
    assertThat(formulas).isGreaterThan(500);
    assertThat(checked).isGreaterThan(1000);
  }

  static boolean shown(Publication pub, long unit, String figureId) {
    return pub.document().tables().stream().filter(t -> t.centsPerUnit() == unit).flatMap(t -> t.rows().stream())
        .flatMap(r -> r.cells().stream()).anyMatch(c -> figureId.equals(c.figureId()));
  }

  @Test
  void theExactSheetHoldsEveryFigureToTheCent() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      Sheet exact = wb.getSheet(WorkbookExport.EXACT);
      int r = 1;
      for (Figure f : Ipo.PUBLICATION.document().graph().all()) {
        Row row = exact.getRow(r++);
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(f.id());
        assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(f.cents());
        assertThat(BigDecimal.valueOf(row.getCell(2).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP))
            .isEqualTo(BigDecimal.valueOf(f.cents(), 2));
      }
      assertThat(exact.getLastRowNum()).isEqualTo(Ipo.PUBLICATION.document().graph().all().size());
    }
  }

  @Test
  void roundTripGivesTheSameProposals() {
    Budget empty = ProposalImport.withProposals(Ipo.BUDGET, List.of());
    ProposalImport.Result result = Publisher.importProposals(new ByteArrayInputStream(book), empty);
    assertThat(result).isInstanceOf(ProposalImport.Imported.class);
    List<Proposal> imported = ((ProposalImport.Imported) result).proposals();
    List<Proposal> original = Ipo.BUDGET.proposals();
    assertThat(imported).hasSameSizeAs(original);
    for (int i = 0; i < original.size(); i++) {
      assertSame(imported.get(i), original.get(i));
    }
    // and the budget computes to the same document
    Publication again = Publication.of(ProposalImport.withProposals(empty, imported));
    for (Figure f : Ipo.PUBLICATION.document().graph().all()) {
      assertThat(again.cents(f.id())).as(f.id()).isEqualTo(f.cents());
    }
  }

  static void assertSame(Proposal a, Proposal b) {
    assertThat(a.id()).isEqualTo(b.id());
    assertThat(a.units()).isEqualTo(b.units());
    assertThat(a.title()).isEqualTo(b.title());
    assertThat(a.side()).isEqualTo(b.side());
    assertThat(a.nature()).as(a.id()).isEqualTo(b.nature());
    assertThat(a.category()).isEqualTo(b.category());
    assertThat(a.products()).isEqualTo(b.products());
    assertThat(a.rule()).isEqualTo(b.rule());
    assertThat(a.passThrough()).isEqualTo(b.passThrough());
    assertThat(a.passThroughItems()).isEqualTo(b.passThroughItems());
    assertThat(a.thirdParty()).isEqualTo(b.thirdParty());
    assertThat(a.group()).isEqualTo(b.group());
    assertThat(a.explanation()).isEqualTo(b.explanation());
    assertSameAmounts(a.id(), a.amounts(), b.amounts());
    assertThat(a.breakdown() == null).as(a.id()).isEqualTo(b.breakdown() == null);
    if (a.breakdown() != null) {
      Breakdown x = a.breakdown();
      Breakdown y = b.breakdown();
      assertThat(x.title()).isEqualTo(y.title());
      assertThat(x.showNegated()).isEqualTo(y.showNegated());
      assertThat(x.inEuros()).isEqualTo(y.inEuros());
      assertThat(x.components()).hasSameSizeAs(y.components());
      for (int i = 0; i < x.components().size(); i++) {
        assertThat(x.components().get(i).id()).isEqualTo(y.components().get(i).id());
        assertThat(x.components().get(i).title()).isEqualTo(y.components().get(i).title());
        assertThat(x.components().get(i).nature()).isEqualTo(y.components().get(i).nature());
        assertSameAmounts(a.id(), x.components().get(i).amounts(), y.components().get(i).amounts());
      }
    }
  }

  static void assertSameAmounts(String what, Amounts a, Amounts b) {
    assertThat(a.size()).isEqualTo(b.size());
    for (int y = 0; y < a.size(); y++) {
      assertThat(a.kind(y)).as("%s year %d", what, y).isEqualTo(b.kind(y));
      assertThat(a.cents(y)).as("%s year %d", what, y).isEqualTo(b.cents(y));
    }
  }

  /** The sheet's row (1-based, as Excel numbers it) of a proposal. */
  static int rowOf(Sheet sheet, String id) {
    for (Row row : sheet) {
      if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING && row.getCell(0).getStringCellValue().equals(id)) {
        return row.getRowNum() + 1;
      }
    }
    throw new AssertionError("no row " + id);
  }

  @Test
  void aWorkbookWithPlantedErrorsIsRefusedWithExactlyThoseErrors() throws IOException {
    byte[] planted;
    int soc;
    int water;
    int hrm;
    int wolves;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      Sheet s = wb.getSheet(WorkbookExport.PROPOSALS);
      List<String> columns = WorkbookExport.proposalColumns(Ipo.BUDGET);
      int side = columns.indexOf("side");
      int y2027 = columns.indexOf("2027");
      int unit = columns.indexOf("unit");
      soc = rowOf(s, "2.7-soc");
      water = rowOf(s, "2.1-capaciteit-water");
      hrm = rowOf(s, "5-hrm");
      wolves = rowOf(s, "3.3-wolven");
      s.getRow(soc - 1).getCell(side).setCellValue("uitgaven");                  // not lasten or baten
      s.getRow(water - 1).getCell(y2027).setCellValue("350.000,00");             // Dutch notation as text
      s.getRow(hrm - 1).getCell(y2027).setCellValue(750000.125);                 // three decimals
      s.getRow(wolves - 1).getCell(unit).setCellValue("3.9");                    // no such unit
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      planted = out.toByteArray();
    }
    List<String> columns = WorkbookExport.proposalColumns(Ipo.BUDGET);
    String sideCol = WorkbookExport.cellRef(0, columns.indexOf("side")).replace("1", "");
    String yearCol = WorkbookExport.cellRef(0, columns.indexOf("2027")).replace("1", "");
    String unitCol = WorkbookExport.cellRef(0, columns.indexOf("unit")).replace("1", "");
    ProposalImport.Result result = Publisher.importProposals(new ByteArrayInputStream(planted), Ipo.BUDGET);
    assertThat(result).isInstanceOf(ProposalImport.Refused.class);
    List<ProposalImport.CellProblem> problems = ((ProposalImport.Refused) result).problems();
    assertThat(problems).extracting(p -> p.sheet() + "!" + p.cell()).containsExactlyInAnyOrder(
        "Voorstellen!" + sideCol + soc,
        "Voorstellen!" + yearCol + water,
        "Voorstellen!" + yearCol + hrm,
        "Voorstellen!" + unitCol + wolves);
    assertThat(problems.toString()).contains("side must be lasten or baten, not 'uitgaven'").contains("'350.000,00' is not an amount")
        .contains("unknown unit '3.9'").contains("at most two decimals");
  }

  @Test
  void templateHeadersAreWordsAndTheImportStillReadsTheFormatsNames() throws IOException {
    byte[] withCodes;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      for (String name : List.of(WorkbookExport.PROPOSALS, WorkbookExport.COMPONENTS)) {
        Sheet s = wb.getSheet(name);
        List<String> headers = new java.util.ArrayList<>();
        s.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        assertThat(headers).as(name).doesNotContain("side", "nature", "recurring", "unit", "third_party", "breakdown_title", "show_negated")
            .contains("Structureel of incidenteel");
        // and the values people read: structureel/incidenteel, not the format's English codes
        int nature = headers.indexOf("Structureel of incidenteel");
        for (int r = 1; r <= s.getLastRowNum(); r++) {
          if (s.getRow(r) != null && s.getRow(r).getCell(nature) != null) {
            assertThat(s.getRow(r).getCell(nature).getStringCellValue()).isIn("structureel", "incidenteel");
          }
        }
      }
      // a template filled in by an older Begroot (the file format's names and values) is read as well
      List<String> columns = WorkbookExport.proposalColumns(Ipo.BUDGET);
      Sheet s = wb.getSheet(WorkbookExport.PROPOSALS);
      for (int c = 0; c < columns.size(); c++) {
        s.getRow(0).getCell(c).setCellValue(columns.get(c));
      }
      int nature = columns.indexOf("nature");
      for (int r = 1; r <= s.getLastRowNum(); r++) {
        var cell = s.getRow(r) == null ? null : s.getRow(r).getCell(nature);
        if (cell != null) {
          cell.setCellValue(cell.getStringCellValue().equals("incidenteel") ? "one-off" : "recurring");
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      withCodes = out.toByteArray();
    }
    ProposalImport.Result result = Publisher.importProposals(new ByteArrayInputStream(withCodes), ProposalImport.withProposals(Ipo.BUDGET, List.of()));
    assertThat(result).as("%s", result).isInstanceOf(ProposalImport.Imported.class);
    List<Proposal> back = ((ProposalImport.Imported) result).proposals();
    assertThat(back).hasSameSizeAs(Ipo.BUDGET.proposals());
    for (int i = 0; i < back.size(); i++) {
      assertThat(back.get(i).nature()).as(back.get(i).id()).isEqualTo(Ipo.BUDGET.proposals().get(i).nature());
    }
    assertThat(Ipo.BUDGET.proposals()).anyMatch(p -> p.nature() == nl.begroot.core.model.Nature.ONE_OFF);
  }

  @Test
  void oneBadCellChangesNothing() throws IOException {
    byte[] planted;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
      Sheet s = wb.getSheet(WorkbookExport.PROPOSALS);
      int row = rowOf(s, "1.1-samenwerking-av");
      s.getRow(row - 1).getCell(WorkbookExport.proposalColumns(Ipo.BUDGET).indexOf("nature")).setCellValue("soms");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      planted = out.toByteArray();
    }
    ProposalImport.Result result = Publisher.importProposals(new ByteArrayInputStream(planted), Ipo.BUDGET);
    assertThat(result).isInstanceOf(ProposalImport.Refused.class);
    assertThat(((ProposalImport.Refused) result).problems()).hasSize(1);
  }

  @Test
  void aWorkbookWithoutTheTemplateIsRefusedNotThrown() {
    ProposalImport.Result result = Publisher.importProposals(new ByteArrayInputStream("not a workbook".getBytes()), Ipo.BUDGET);
    assertThat(result).isInstanceOf(ProposalImport.Refused.class);
  }

  @Test
  void sheetNamesAreValidAndUnique() {
    Map<String, String> names = WorkbookExport.sheetNames(Ipo.PUBLICATION.document().tables());
    assertThat(names.values()).doesNotHaveDuplicates().allMatch(n -> n.length() <= 31 && !n.matches(".*[\\[\\]:*?/\\\\].*"));
    assertThat(WorkbookExport.cellRef(0, 0)).isEqualTo("A1");
    assertThat(WorkbookExport.cellRef(9, 27)).isEqualTo("AB10");
  }
}
