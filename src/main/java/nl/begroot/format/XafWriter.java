package nl.begroot.format;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes an XML Auditfile Financieel 3.2 (XAF) as a financial administration exports it, streaming:
 * for the shipped illustration, the tests and {@code begroot bench import} (a million lines). The
 * transactions are given as an {@link Iterable} that is walked twice: once for the counts and totals
 * the header of {@code transactions} needs, once to write them. Valid against the official schema.
 */
public final class XafWriter {
  /** A ledger account: number, name, and whether it is a balance-sheet account (B) or profit and loss (P). */
  public record Account(String id, String name, boolean balanceSheet) {}

  /** A transaction line: account, cost centre (or null), amount in cents (positive), debit or credit. */
  public record Line(String account, String costCentre, long cents, boolean debit, String description) {}

  /** A transaction: its number, period (1-12), date and lines (debit and credit equal). */
  public record Transaction(String nr, int period, LocalDate date, String description, List<Line> lines) {}

  private XafWriter() {}

  /** Writes the auditfile of {@code fiscalYear} with 12 monthly periods. */
  public static void write(Writer out, int fiscalYear, String companyName, List<Account> accounts, Iterable<Transaction> transactions,
      String softwareDesc) throws IOException {
    write(out, fiscalYear, companyName, accounts, transactions, softwareDesc, null);
  }

  /** As above, with {@code note} (when not null) as an XML comment at the top of the file. */
  public static void write(Writer out, int fiscalYear, String companyName, List<Account> accounts, Iterable<Transaction> transactions,
      String softwareDesc, String note) throws IOException {
    write(out, fiscalYear, 12, companyName, accounts, transactions, softwareDesc, note);
  }

  /**
   * As above, declaring only the periods 1 to {@code lastPeriod} (1-12): an export of part of the year, such as
   * January to June. An import replaces every period a file declares (docs/actuals.md), so a file of the first
   * half year must not declare July to December, or they would read as realised (and empty).
   */
  public static void write(Writer out, int fiscalYear, int lastPeriod, String companyName, List<Account> accounts,
      Iterable<Transaction> transactions, String softwareDesc, String note) throws IOException {
    if (lastPeriod < 1 || lastPeriod > 12) {
      throw new IllegalArgumentException("lastPeriod must be 1 to 12, not " + lastPeriod);
    }
    long lines = 0;
    long debit = 0;
    long credit = 0;
    for (Transaction t : transactions) {
      for (Line l : t.lines()) {
        lines++;
        if (l.debit()) {
          debit += l.cents();
        } else {
          credit += l.cents();
        }
      }
    }
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (note != null) {
      out.write("<!-- " + note.replace("--", "- -") + " -->\n");
    }
    out.write("<auditfile xmlns=\"" + XafReader.NAMESPACE + "\">\n");
    out.write("<header><fiscalYear>" + fiscalYear + "</fiscalYear><startDate>" + fiscalYear + "-01-01</startDate><endDate>" + fiscalYear
        + "-12-31</endDate><curCode>EUR</curCode><dateCreated>" + fiscalYear + "-12-31</dateCreated><softwareDesc>" + esc(softwareDesc)
        + "</softwareDesc><softwareVersion>1</softwareVersion></header>\n");
    out.write("<company><companyName>" + esc(companyName) + "</companyName><taxRegistrationCountry>NL</taxRegistrationCountry>"
        + "<taxRegIdent>NL000000000B01</taxRegIdent>\n<generalLedger>\n");
    for (Account a : accounts) {
      out.write("<ledgerAccount><accID>" + esc(a.id()) + "</accID><accDesc>" + esc(a.name()) + "</accDesc><accTp>"
          + (a.balanceSheet() ? "B" : "P") + "</accTp></ledgerAccount>\n");
    }
    out.write("</generalLedger>\n<periods>\n");
    for (int p = 1; p <= lastPeriod; p++) {
      LocalDate start = LocalDate.of(fiscalYear, p, 1);
      out.write("<period><periodNumber>" + p + "</periodNumber><periodDesc>" + start.getMonth().toString().toLowerCase(java.util.Locale.ROOT)
          + "</periodDesc><startDatePeriod>" + start + "</startDatePeriod><endDatePeriod>" + start.plusMonths(1).minusDays(1)
          + "</endDatePeriod></period>\n");
    }
    out.write("</periods>\n<transactions><linesCount>" + lines + "</linesCount><totalDebit>" + amount(debit) + "</totalDebit><totalCredit>"
        + amount(credit) + "</totalCredit>\n<journal><jrnID>M</jrnID><desc>Memoriaal</desc><jrnTp>M</jrnTp>\n");
    StringBuilder b = new StringBuilder(512);
    for (Transaction t : transactions) {
      b.setLength(0);
      b.append("<transaction><nr>").append(esc(t.nr())).append("</nr><desc>").append(esc(t.description())).append("</desc><periodNumber>")
          .append(t.period()).append("</periodNumber><trDt>").append(t.date()).append("</trDt>\n");
      int n = 0;
      for (Line l : t.lines()) {
        n++;
        b.append("<trLine><nr>").append(n).append("</nr><accID>").append(esc(l.account())).append("</accID><docRef>").append(esc(t.nr()))
            .append("</docRef><effDate>").append(t.date()).append("</effDate><desc>").append(esc(l.description())).append("</desc><amnt>")
            .append(amount(l.cents())).append("</amnt><amntTp>").append(l.debit() ? 'D' : 'C').append("</amntTp>");
        if (l.costCentre() != null) {
          b.append("<costID>").append(esc(l.costCentre())).append("</costID>");
        }
        b.append("</trLine>\n");
      }
      b.append("</transaction>\n");
      out.write(b.toString());
    }
    out.write("</journal>\n</transactions>\n</company>\n</auditfile>\n");
  }

  /** Cents as an XAF amount: a point and two decimals. */
  static String amount(long cents) {
    long abs = Math.abs(cents);
    return (cents < 0 ? "-" : "") + (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
  }

  private static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
