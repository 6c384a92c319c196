package nl.begroot.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.begroot.core.model.Member;
import nl.begroot.core.pipeline.MemberSummary;
import nl.begroot.render.CsvText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A member's multi-year contribution lines for its own budget, as a finance system reads them
 * (docs/member-lines.md): one row per year and annex column, the core's {@link MemberSummary#lines()}
 * in exact cents. The amount is signed: positive when the member pays more than in the frame (a
 * debit, an expense in the member's budget), negative when it pays less (a credit); the column
 * {@code debet_credit} repeats that as D or C for systems that take an unsigned amount.
 */
public final class MemberLines {
  /** The header of the CSV and of the sheet, in this order. */
  public static final List<String> HEADER = List.of("lid", "versie", "jaar", "code", "omschrijving", "bedrag", "bedrag_centen",
      "debet_credit", "soort");
  /** The sheet's name. */
  public static final String SHEET = "Bijdrageregels";
  static final String EUROS_FORMAT = "0.00";

  private MemberLines() {}

  /** D for an amount of zero or more (the member pays more or the same), C for less. */
  public static String debitCredit(long cents) {
    return cents >= 0 ? "D" : "C";
  }

  /** "bijdrage", or "doorgeven" for third-party money the member passes on. */
  public static String kind(MemberSummary.Line line) {
    return line.passThrough() ? "doorgeven" : "bijdrage";
  }

  /** Euros as a decimal with a comma and its two decimals, no thousands separator, ASCII minus: {@code -1088.84 -> "-1088,84"}. */
  static String dutchDecimal(BigDecimal euros) {
    return euros.toPlainString().replace('.', ',');
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  /**
   * One row of the file and the sheet, in {@link #HEADER}'s order, as typed values: texts, the year
   * and the cents as whole numbers, the amount in euros as a decimal of scale 2. The CSV and the
   * workbook both write these rows; only how a value is written differs.
   */
  static List<Object> row(Member member, String version, MemberSummary.Line l) {
    return List.of(text(member.id()), text(version), l.year(), text(l.code()), text(l.description()), BigDecimal.valueOf(l.cents(), 2),
        l.cents(), debitCredit(l.cents()), kind(l));
  }

  private static List<List<Object>> rows(Publication pub, Member member) {
    String version = pub.budget().version().id();
    return pub.computed().memberSummary(member).lines().stream().map(l -> row(member, version, l)).toList();
  }

  /** The lines as CSV: UTF-8 without byte order mark, {@code ;} between fields, CRLF after each row, a header row first. */
  public static void csv(Publication pub, Member member, OutputStream out) throws IOException {
    StringBuilder s = new StringBuilder();
    s.append(String.join(";", HEADER)).append("\r\n");
    for (List<Object> row : rows(pub, member)) {
      for (int c = 0; c < row.size(); c++) {
        if (c > 0) {
          s.append(';');
        }
        Object v = row.get(c);
        s.append(v instanceof BigDecimal euros ? dutchDecimal(euros)
            : v instanceof Number n ? n.toString() : CsvText.field((String) v, ';'));
      }
      s.append("\r\n");
    }
    out.write(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The same lines as a workbook of one sheet: amounts as numbers with two decimals, cents as whole numbers. */
  public static void xlsx(Publication pub, Member member, OutputStream out) throws IOException {
    try (Workbook wb = new Workbook(out, "Begroot", "1.0")) {
      wb.properties().setTitle("Bijdrageregels " + member.name() + " " + pub.budget().version().title());
      Worksheet ws = wb.newWorksheet(SHEET);
      for (int c = 0; c < HEADER.size(); c++) {
        ws.value(0, c, HEADER.get(c));
        ws.style(0, c).bold().set();
      }
      int r = 1;
      for (List<Object> row : rows(pub, member)) {
        for (int c = 0; c < row.size(); c++) {
          Object v = row.get(c);
          if (v instanceof BigDecimal euros) {
            ws.value(r, c, euros);
            ws.style(r, c).format(EUROS_FORMAT).set();
          } else if (v instanceof Number n) {
            ws.value(r, c, n);
          } else {
            ws.value(r, c, CsvText.inert((String) v));
          }
        }
        r++;
      }
      ws.width(4, 60);
      ws.freezePane(0, 1);
    }
  }
}
