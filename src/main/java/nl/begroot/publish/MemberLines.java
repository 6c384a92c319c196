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

  /** Cents as a decimal with a comma and two decimals, no thousands separator, ASCII minus: {@code -108884 -> "-1088,84"}. */
  public static String dutchDecimal(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
  }

  /** The lines as CSV: UTF-8 without byte order mark, {@code ;} between fields, CRLF after each row, a header row first. */
  public static void csv(Publication pub, Member member, OutputStream out) throws IOException {
    StringBuilder s = new StringBuilder();
    s.append(String.join(";", HEADER)).append("\r\n");
    String version = pub.budget().version().id();
    for (MemberSummary.Line l : pub.computed().memberSummary(member).lines()) {
      s.append(field(member.id())).append(';').append(field(version)).append(';').append(l.year()).append(';').append(field(l.code()))
          .append(';').append(field(l.description())).append(';').append(dutchDecimal(l.cents())).append(';').append(l.cents())
          .append(';').append(debitCredit(l.cents())).append(';').append(kind(l)).append("\r\n");
    }
    out.write(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A text field of the {@code ;}-separated file: inert for spreadsheets, quoted when it holds {@code ;}, a quote or a line break. */
  static String field(String text) {
    String s = CsvText.inert(text == null ? "" : text);
    if (s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
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
      String version = pub.budget().version().id();
      for (MemberSummary.Line l : pub.computed().memberSummary(member).lines()) {
        ws.value(r, 0, CsvText.inert(member.id()));
        ws.value(r, 1, CsvText.inert(version));
        ws.value(r, 2, l.year());
        ws.value(r, 3, CsvText.inert(l.code()));
        ws.value(r, 4, CsvText.inert(l.description()));
        ws.value(r, 5, BigDecimal.valueOf(l.cents(), 2));
        ws.style(r, 5).format(EUROS_FORMAT).set();
        ws.value(r, 6, l.cents());
        ws.value(r, 7, debitCredit(l.cents()));
        ws.value(r, 8, kind(l));
        r++;
      }
      ws.width(4, 60);
      ws.freezePane(0, 1);
    }
  }
}
