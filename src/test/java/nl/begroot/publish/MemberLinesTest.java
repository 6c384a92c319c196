package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A member's contribution lines as a finance system reads them (docs/member-lines.md): the CSV's
 * layout (header, {@code ;}, CRLF, decimal comma, cents, D/C), Gelderland's 2027 lines against the
 * seed's printed Bijlage 1 row, the workbook holding the same lines as numbers, and formula-like
 * text made inert in both.
 */
class MemberLinesTest {
  /** Gelderland's row of the seed's Bijlage 1 2027, in thousands: columns 1, 2, 3a, 3b, 4a, 4b, then LVVN. */
  private static final long[] SEED_GE_2027 = {-11, -172, -122, 23, 215, 773, 359};
  private static final List<String> CODES = List.of("1", "2", "3a", "3b", "4a", "4b", "lvvn");

  private static String csv(Budget budget, String member) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.memberLinesCsv(Publication.of(budget), member, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theCsvHasOneRowPerYearAndColumnWithSignedEurosCentsAndDebitOrCredit() throws IOException {
    String csv = csv(Ipo.BUDGET, "GE");
    assertThat(csv).doesNotStartWith("\uFEFF").endsWith("\r\n");
    String[] rows = csv.split("\r\n");
    assertThat(rows[0]).isEqualTo("lid;versie;jaar;code;omschrijving;bedrag;bedrag_centen;debet_credit;soort");
    List<Integer> years = Ipo.BUDGET.version().years();
    assertThat(rows).hasSize(1 + years.size() * CODES.size());
    int seen = 0;
    for (int i = 1; i < rows.length; i++) {
      String[] f = rows[i].split(";", -1);
      assertThat(f).as(rows[i]).hasSize(9);
      assertThat(f[0]).isEqualTo("GE");
      assertThat(f[1]).isEqualTo(Ipo.BUDGET.version().id());
      int year = Integer.parseInt(f[2]);
      assertThat(year).isEqualTo(years.get((i - 1) / CODES.size()));
      assertThat(f[3]).isEqualTo(CODES.get((i - 1) % CODES.size()));
      long cents = Long.parseLong(f[6]);
      // the amount is the cents with a decimal comma and two decimals, no thousands separator
      assertThat(f[5]).matches("-?\\d+,\\d{2}");
      assertThat(new BigDecimal(f[5].replace(',', '.')).movePointRight(2).longValueExact()).isEqualTo(cents);
      assertThat(f[7]).isEqualTo(cents >= 0 ? "D" : "C");
      assertThat(f[8]).isEqualTo(f[3].equals("lvvn") ? "doorgeven" : "bijdrage");
      if (year == 2027) {
        long seed = SEED_GE_2027[CODES.indexOf(f[3])];
        assertThat(Math.abs(cents - seed * 100_000)).as("column %s within a thousand of the seed's %d", f[3], seed).isLessThan(100_000);
        seen++;
      }
    }
    assertThat(seen).isEqualTo(CODES.size());
    assertThat(csv).contains(";4b;4b. Prov. bijdragen bij ontleden BGR naar Raming kassiersfunctie;");
  }

  @Test
  void theWorkbookHoldsTheSameLinesAsNumbers() throws IOException {
    String[] rows = csv(Ipo.BUDGET, "GE").split("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.memberLinesXlsx(Publication.of(Ipo.BUDGET), "GE", out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet sheet = wb.getSheet(MemberLines.SHEET);
      assertThat(sheet).isNotNull();
      assertThat(sheet.getLastRowNum()).isEqualTo(rows.length - 1);
      for (int r = 0; r < rows.length; r++) {
        String[] f = rows[r].split(";", -1);
        Row row = sheet.getRow(r);
        if (r == 0) {
          for (int c = 0; c < f.length; c++) {
            assertThat(row.getCell(c).getStringCellValue()).isEqualTo(f[c]);
          }
          continue;
        }
        assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(Long.parseLong(f[2]));
        assertThat(row.getCell(4).getStringCellValue()).isEqualTo(f[4]);
        assertThat(BigDecimal.valueOf(row.getCell(5).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP))
            .isEqualByComparingTo(f[5].replace(',', '.'));
        assertThat(row.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        assertThat((long) row.getCell(6).getNumericCellValue()).isEqualTo(Long.parseLong(f[6]));
        assertThat(row.getCell(7).getStringCellValue()).isEqualTo(f[7]);
      }
    }
  }

  @Test
  void formulaLikeTextIsInertAndASemicolonIsQuoted() throws IOException {
    Annex annex = Ipo.BUDGET.annex();
    List<Annex.Column> columns = new ArrayList<>();
    for (Annex.Column c : annex.columns()) {
      String title = switch (c.id()) {
        case "1" -> "=HYPERLINK(\"https://example.org\";\"Klik\")";
        case "2" -> "Beleid; voorbereiding";
        default -> c.title();
      };
      columns.add(new Annex.Column(c.id(), title, c.programmes(), c.units(), c.proposals(), c.keyId(), c.sumOf()));
    }
    Budget planted = new Budget(Ipo.BUDGET.organisation(), Ipo.BUDGET.version(), Ipo.BUDGET.products(), Ipo.BUDGET.members(),
        Ipo.BUDGET.keys(), Ipo.BUDGET.categories(), Ipo.BUDGET.thirdParties(), Ipo.BUDGET.programmes(), Ipo.BUDGET.proposals(),
        Ipo.BUDGET.transfers(), new Annex(annex.title(), annex.keyId(), columns, annex.thirdPartyColumn()), Ipo.BUDGET.glossary(),
        Ipo.BUDGET.printed(), Ipo.BUDGET.withdrawn());
    String csv = csv(planted, "GE");
    assertThat(csv).contains(";1;\"'=HYPERLINK(\"\"https://example.org\"\";\"\"Klik\"\")\";")
        .contains(";2;\"Beleid; voorbereiding\";");
    assertThat(csv).doesNotContain(";=HYPERLINK");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.memberLinesXlsx(Publication.of(planted), "GE", out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet sheet = wb.getSheet(MemberLines.SHEET);
      assertThat(sheet.getRow(1).getCell(4).getCellType()).isEqualTo(CellType.STRING);
      assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("'=HYPERLINK(\"https://example.org\";\"Klik\")");
    }
  }
}
