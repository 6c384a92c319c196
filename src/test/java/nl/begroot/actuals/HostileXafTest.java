package nl.begroot.actuals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import nl.begroot.TestBudgets;
import nl.begroot.bench.ActualsFiles;
import nl.begroot.core.actuals.ActualsImport;
import nl.begroot.core.model.Budget;
import nl.begroot.format.XafReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Malformed and hostile auditfiles: each is refused with a message that says what and where, nothing imported, no exception. */
class HostileXafTest {
  static final Budget IPO = TestBudgets.ipo();

  static ActualsImport.Outcome read(String text, long max) {
    ActualsImport i = new ActualsImport(IPO);
    XafReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max, i, null);
    return i.result();
  }

  static String good() throws Exception {
    return XafImportTest.xaf(List.of(new ActualsFiles.Booking(2026, 3, "4300", "Programmakosten", "KP2.3", 12345, true)), 2026);
  }

  static List<Object[]> cases() throws Exception {
    String g = good();
    return List.of(
        new Object[] {"not XML", "this is not xml at all", "not a readable XML auditfile", "line 1"},
        new Object[] {"empty", "", "not a readable XML auditfile", ""},
        new Object[] {"wrong namespace", g.replace("http://www.auditfiles.nl/XAF/3.2", "http://www.auditfiles.nl/XAF/3.1"),
            "XAF 3.2 auditfile is <auditfile", "line 2"},
        new Object[] {"XXE", "<?xml version=\"1.0\"?>\n<!DOCTYPE auditfile [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + "<auditfile xmlns=\"http://www.auditfiles.nl/XAF/3.2\">&xxe;</auditfile>", "DOCTYPE", "line "},
        new Object[] {"billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n"
            + "<auditfile xmlns=\"http://www.auditfiles.nl/XAF/3.2\">&lol2;</auditfile>", "DOCTYPE", "line "},
        new Object[] {"amount with a comma", g.replace("<amnt>123.45</amnt>", "<amnt>123,45</amnt>"), "has a comma", "trLine/amnt"},
        new Object[] {"unknown period", g.replace("<periodNumber>3</periodNumber><trDt>", "<periodNumber>14</periodNumber><trDt>"),
            "period 14 is unknown", "line "},
        new Object[] {"a year the budget lacks", g.replace("<fiscalYear>2026</fiscalYear>", "<fiscalYear>2019</fiscalYear>"),
            "year 2019 is not a year of this budget", "line "},
        new Object[] {"schema: a required element missing", g.replace("<docRef>T1</docRef>", ""), "does not follow the XAF 3.2 schema", "line "},
        new Object[] {"cut off", g.substring(0, g.length() / 2), "not a readable XML auditfile", "line "},
        // what the schema's keys mean (they cannot select anything in an auditfile: XafReaderTest), checked by the reader
        new Object[] {"a period the file does not declare", g.replace("<periodNumber>3</periodNumber><trDt>", "<periodNumber>13</periodNumber><trDt>"),
            "period 13 is unknown: the file's periods (periods/period) do not declare it", "transaction/periodNumber"},
        new Object[] {"an account twice in the general ledger", g.replace("<ledgerAccount><accID>4000</accID>", "<ledgerAccount><accID>1100</accID>"),
            "account 1100 is in the general ledger twice (first at line ", "generalLedger/ledgerAccount"},
        new Object[] {"a period twice in the periods", g.replace("<period><periodNumber>2</periodNumber>", "<period><periodNumber>1</periodNumber>"),
            "period 1 is in the periods twice (first at line ", "periods/period"},
        new Object[] {"a line on an account the general ledger lacks", g.replace("<accID>4300</accID><docRef>", "<accID>4301</accID><docRef>"),
            "account 4301 is not in the general ledger", "trLine/accID"},
        new Object[] {"an undeclared entity", g.replace("<accDesc>Bank</accDesc>", "<accDesc>&xxe;</accDesc>"),
            "The entity \"xxe\" was referenced, but not declared", "ledgerAccount/accDesc"},
        new Object[] {"a DOCTYPE without an internal subset", "<?xml version=\"1.0\"?>\n<!DOCTYPE auditfile SYSTEM \"http://127.0.0.1:9/x.dtd\">\n"
            + "<auditfile xmlns=\"http://www.auditfiles.nl/XAF/3.2\"></auditfile>", "DOCTYPE", "line 2"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedWithItsPlace(String name, String text, String says, String place) {
    ActualsImport.Outcome o = read(text, XafReader.MAX_BYTES);
    assertThat(o).as(name).isInstanceOf(ActualsImport.Outcome.Refused.class);
    String all = ((ActualsImport.Outcome.Refused) o).problems().toString();
    assertThat(all).as(name).contains(says).contains(place).doesNotContain("Exception").doesNotContain("at nl.begroot");
  }

  @Test
  void aFileOverTheLimitIsRefusedWhileItIsRead() throws Exception {
    String g = good();
    ActualsImport.Outcome o = read(g, 1000);
    assertThat(((ActualsImport.Outcome.Refused) o).problems().toString()).contains("larger than 1000 bytes (the limit)");
    assertThat(read(g, XafReader.MAX_BYTES)).isInstanceOf(ActualsImport.Outcome.Imported.class);
  }

  @Test
  void theSchemaIsTheOfficialCopy() throws Exception {
    byte[] xsd = HostileXafTest.class.getResourceAsStream("/nl/begroot/format/XmlAuditfileFinancieel3.2.xsd").readAllBytes();
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xsd)))
        .isEqualTo("55001be965337abd67f82c7e54a1853dea2355b653b86ef929cc55e2e286b72f");
  }
}
