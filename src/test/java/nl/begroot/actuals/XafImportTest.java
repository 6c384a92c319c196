package nl.begroot.actuals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.TestBudgets;
import nl.begroot.bench.ActualsFiles;
import nl.begroot.core.actuals.ActualsImport;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.LedgerRule;
import nl.begroot.core.model.Side;
import nl.begroot.format.ActualsCsv;
import nl.begroot.format.XafReader;
import nl.begroot.format.XafWriter;
import org.junit.jupiter.api.Test;

/**
 * The XAF and CSV imports against figures derived in the test from the bookings they were written
 * from: per unit, side and period, lasten debit minus credit, baten credit minus debit, by the seed's
 * ledger mapping as read here (not through the import's own lookup).
 */
class XafImportTest {
  static final Budget IPO = TestBudgets.ipo();

  static String xaf(List<ActualsFiles.Booking> bookings, int year) throws Exception {
    StringWriter w = new StringWriter();
    XafWriter.write(w, year, "Test", ActualsFiles.accounts(), ActualsFiles.transactions(bookings), "test");
    return w.toString();
  }

  static ActualsImport.Outcome readXaf(Budget b, String text) {
    ActualsImport i = new ActualsImport(b);
    XafReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), XafReader.MAX_BYTES, i, null);
    return i.result();
  }

  static ActualsImport.Outcome readCsv(Budget b, String text) {
    ActualsImport i = new ActualsImport(b);
    ActualsCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ActualsCsv.MAX_BYTES, i, null);
    return i.result();
  }

  /** The expected totals, by the mapping's rows: key unit|side|money|year|period. */
  static Map<String, Long> expected(Budget b, List<ActualsFiles.Booking> bookings) {
    Map<String, Long> out = new HashMap<>();
    for (ActualsFiles.Booking k : bookings) {
      LedgerRule rule = b.ledgerMapping().stream()
          .filter(r -> r.account().equals(k.account()) && java.util.Objects.equals(r.costCentre(), k.costCentre())).findFirst()
          .orElseGet(() -> b.ledgerMapping().stream().filter(r -> r.account().equals(k.account()) && r.costCentre() == null).findFirst().orElseThrow());
      long signed = (rule.side() == Side.LASTEN) == k.debit() ? k.cents() : -k.cents();
      out.merge(rule.unit() + "|" + rule.side() + "|" + rule.money() + "|" + k.year() + "|" + k.period(), signed, Long::sum);
    }
    return out;
  }

  static Map<String, Long> actual(ActualsImport.Outcome o) {
    assertThat(o).isInstanceOf(ActualsImport.Outcome.Imported.class);
    Map<String, Long> out = new HashMap<>();
    for (RealisedAmount a : ((ActualsImport.Outcome.Imported) o).realisation().amounts()) {
      out.merge(a.unit() + "|" + a.side() + "|" + a.money() + "|" + a.year() + "|" + a.period(), a.cents(), Long::sum);
    }
    return out;
  }

  @Test
  void xafAndCsvGiveTheTotalsOfTheirBookings() throws Exception {
    List<ActualsFiles.Booking> bookings = ActualsFiles.illustration(nl.begroot.core.pipeline.Pipeline.compute(IPO).computation(), 2026, 12);
    assertThat(bookings).hasSizeGreaterThan(100);
    Map<String, Long> expected = expected(IPO, bookings);
    assertThat(actual(readXaf(IPO, xaf(bookings, 2026)))).isEqualTo(expected);
    StringWriter csv = new StringWriter();
    ActualsFiles.csv(bookings, csv);
    assertThat(actual(readCsv(IPO, csv.toString()))).isEqualTo(expected);
  }

  @Test
  void theSameFileTwiceGivesTheSameResult() throws Exception {
    String file = xaf(ActualsFiles.illustration(nl.begroot.core.pipeline.Pipeline.compute(IPO).computation(), 2027, 6), 2027);
    assertThat(readXaf(IPO, file)).isEqualTo(readXaf(IPO, file));
  }

  @Test
  void anUnmappedAccountIsReportedByNumberAndName() throws Exception {
    List<ActualsFiles.Booking> bookings = List.of(new ActualsFiles.Booking(2026, 3, "4300", "Programmakosten", "KP9.9", 12345, true));
    ActualsImport.Outcome o = readXaf(IPO, xaf(bookings, 2026));
    assertThat(o).isInstanceOf(ActualsImport.Outcome.Refused.class);
    assertThat(((ActualsImport.Outcome.Refused) o).problems().get(0).toString())
        .contains("account 4300 'Programmakosten' on cost centre KP9.9 is not in the ledger mapping (1 line)").contains("line ");
  }
}
