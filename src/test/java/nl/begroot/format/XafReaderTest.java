package nl.begroot.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.begroot.bench.ActualsFiles;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The parts of {@link XafReader} that its speed rests on (decisions 169-171): the schema validated
 * without the official schema's identity constraints, which cannot select anything in an auditfile
 * (proved on the schema's own text, and shown on files where the constraints would have something to
 * say), the account numbers kept once, the amounts read from the parser's characters.
 */
class XafReaderTest {
  static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  static String file(String accountOfTheLine, int periodOfTheTransaction) throws Exception {
    StringWriter w = new StringWriter();
    XafWriter.write(w, 2026, "Test", ActualsFiles.accounts(), ActualsFiles.transactions(List.of(
        new ActualsFiles.Booking(2026, 3, "4300", "Programmakosten", "KP2.3", 12345, true))), "test");
    return w.toString().replace("<accID>4300</accID><docRef>", "<accID>" + accountOfTheLine + "</accID><docRef>")
        .replace("<periodNumber>3</periodNumber><trDt>", "<periodNumber>" + periodOfTheTransaction + "</periodNumber><trDt>");
  }

  /** Every error the schema reports for {@code xml}. */
  static List<String> errors(Schema schema, String xml) throws Exception {
    List<String> out = new ArrayList<>();
    Validator v = schema.newValidator();
    v.setErrorHandler(new ErrorHandler() {
      public void warning(SAXParseException e) {}

      public void error(SAXParseException e) {
        out.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }

      public void fatalError(SAXParseException e) throws SAXParseException {
        throw e;
      }
    });
    v.validate(new StreamSource(new StringReader(xml)));
    return out;
  }

  static Schema official() throws Exception {
    return SchemaFactory.newDefaultInstance().newSchema(XafReader.class.getResource("XmlAuditfileFinancieel3.2.xsd"));
  }

  @Test
  void theShippedSchemaIsTheOfficialCopy() throws Exception {
    byte[] xsd = XafReader.class.getResourceAsStream("XmlAuditfileFinancieel3.2.xsd").readAllBytes();
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xsd)))
        .isEqualTo("55001be965337abd67f82c7e54a1853dea2355b653b86ef929cc55e2e286b72f");
  }

  @Test
  void everyIdentityConstraintOfTheOfficialSchemaIsInertAndLeftOut() throws Exception {
    Document xsd = XafReader.officialSchema();
    int constraints = xsd.getElementsByTagNameNS(XS, "key").getLength() + xsd.getElementsByTagNameNS(XS, "keyref").getLength()
        + xsd.getElementsByTagNameNS(XS, "unique").getLength();
    assertThat(constraints).as("the official schema declares 6 keys and 11 key references on <auditfile>").isEqualTo(17);
    assertThat(XafReader.withoutInertConstraints(xsd)).isEqualTo(17);
    assertThat(xsd.getElementsByTagNameNS(XS, "key").getLength() + xsd.getElementsByTagNameNS(XS, "keyref").getLength()).isZero();
  }

  /**
   * What the proof says, seen with the JDK's own validator on the official schema, unchanged: a line
   * on an account the general ledger lacks (keyref ctTrLineAccIDRef) and a transaction in a period the
   * file does not declare (ctTransactionPeriodNumberRef) pass the full schema without a word, because
   * its selectors name elements in no namespace. The reader checks these itself (HostileXafTest).
   */
  @Test
  void theOfficialSchemaWithItsConstraintsDoesNotSeeAKeyViolation() throws Exception {
    Schema full = official();
    assertThat(errors(full, file("4300", 3))).isEmpty();
    assertThat(errors(full, file("9999", 3))).as("account 9999 is not in the ledger").isEmpty();
    assertThat(errors(full, file("4300", 14))).as("period 14 is not declared").isEmpty();
  }

  /**
   * The schema as read and the official one agree on which files are valid. Where every element is in
   * the XAF namespace they report the same errors; where elements in no namespace appear (the only
   * place a selector of the official schema can match), both report the misplaced element, and the
   * official one adds what its constraints say about it: the file is refused either way.
   */
  @Test
  void theSchemaAsReadAndTheOfficialOneRefuseTheSameFiles() throws Exception {
    Schema full = official();
    Schema read = XafReader.schema();
    String good = file("4300", 3);
    List<String> namespaced = List.of(good, file("9999", 14),
        good.replace("<docRef>T1</docRef>", ""),
        good.replace("<amnt>123.45</amnt>", "<amnt>123,45</amnt>"),
        good.replace("<accTp>P</accTp>", "<accTp>X</accTp>"),
        good.replace("<trDt>2026-03-31</trDt>", "<trDt>2026-02-30</trDt>"),
        good.replace("<ledgerAccount><accID>4000</accID>", "<ledgerAccount><accID>1100</accID>"));
    for (String f : namespaced) {
      assertThat(errors(read, f)).as(f.substring(0, Math.min(f.length(), 200))).isEqualTo(errors(full, f));
    }
    assertThat(errors(read, good)).isEmpty();
    List<String> inNoNamespace = List.of(good.replace("<company>", "<company xmlns=\"\">"),
        good.replace("<generalLedger>", "<generalLedger xmlns=\"\">"), good.replace("<transactions>", "<transactions xmlns=\"\">"),
        good.replace("<trLine>", "<trLine xmlns=\"\">"));
    for (String f : inNoNamespace) {
      List<String> asRead = errors(read, f);
      assertThat(asRead).isNotEmpty().allMatch(e -> e.contains("cvc-complex-type.2.4"));
      assertThat(errors(full, f)).containsAll(asRead);
    }
  }

  /** The premises of the proof, each taken away once: then the constraint is not inert and is kept. */
  @Test
  void aConstraintIsLeftOutOnlyWhenItsPremisesHold() throws Exception {
    Document xsd = XafReader.officialSchema();
    Element key = (Element) xsd.getElementsByTagNameNS(XS, "key").item(0);
    assertThat(XafReader.inert(xsd, key)).isTrue();
    Element selector = (Element) key.getElementsByTagNameNS(XS, "selector").item(0);
    String xpath = selector.getAttribute("xpath");
    for (String written : List.of("./xaf:company/generalLedger/ledgerAccount", ".", "./*/generalLedger/ledgerAccount",
        "./company/generalLedger/ledgerAccount | ./xaf:company", "")) {
      selector.setAttribute("xpath", written);
      assertThat(XafReader.inert(xsd, key)).as(written).isFalse();
    }
    selector.setAttribute("xpath", xpath);
    xsd.getDocumentElement().setAttribute("elementFormDefault", "unqualified");
    assertThat(XafReader.inert(xsd, key)).as("local elements in no namespace").isFalse();
    xsd.getDocumentElement().setAttribute("elementFormDefault", "qualified");
    NodeList sequences = xsd.getElementsByTagNameNS(XS, "sequence");
    sequences.item(0).appendChild(xsd.createElementNS(XS, "xsd:any"));
    assertThat(XafReader.inert(xsd, key)).as("a wildcard").isFalse();
  }

  @Test
  void theSchemaAsReadLoadsFromTheOfficialCopy() throws Exception {
    // the same DOM the reader builds, loaded as the reader loads it: no key left, valid files stay valid
    Document xsd = XafReader.officialSchema();
    XafReader.withoutInertConstraints(xsd);
    Schema s = SchemaFactory.newDefaultInstance().newSchema(new DOMSource(xsd));
    assertThat(errors(s, file("4300", 3))).isEmpty();
  }

  @Test
  void namesAreKeptOnceAndStillReadWhenThePoolIsFull() {
    XafReader.Names names = new XafReader.Names();
    StringBuilder b = new StringBuilder("  4300  ");
    String first = names.of(b, 2, 6);
    assertThat(first).isEqualTo("4300");
    assertThat(names.of(new StringBuilder("x4300"), 1, 5)).isSameAs(first);
    for (int i = 0; i < XafReader.Names.MAX + 10; i++) {
      String s = "KP" + i;
      assertThat(names.of(new StringBuilder(s), 0, s.length())).isEqualTo(s);
    }
    assertThat(names.of(new StringBuilder("KP" + (XafReader.Names.MAX + 5)), 0, ("KP" + (XafReader.Names.MAX + 5)).length()))
        .isEqualTo("KP" + (XafReader.Names.MAX + 5));
    assertThat(names.of(new StringBuilder("KP7"), 0, 3)).isEqualTo("KP7");
    assertThat(names.of(new StringBuilder("4300"), 0, 4)).isSameAs(first);
  }

  @Test
  void amountsAreReadFromTheCharactersToTheCent() {
    StringBuilder b = new StringBuilder("<1234.56><-0.5><12><1.234><1,5><.5><1.><1234567890123456.00><123456789012345.99>");
    assertThat(Amounts2.cents(b, 1, 8, '.')).isEqualTo(123456);
    assertThat(Amounts2.cents(b, 10, 14, '.')).isEqualTo(-50);
    assertThat(Amounts2.cents(b, 16, 18, '.')).isEqualTo(1200);
    assertThat(Amounts2.cents(b, 20, 25, '.')).as("three decimals").isEqualTo(Amounts2.INVALID);
    assertThat(Amounts2.cents(b, 27, 30, '.')).as("a comma").isEqualTo(Amounts2.INVALID);
    assertThat(Amounts2.cents(b, 27, 30, ',')).isEqualTo(150);
    assertThat(Amounts2.cents(b, 32, 34, '.')).as("no whole part").isEqualTo(Amounts2.INVALID);
    assertThat(Amounts2.cents(b, 36, 38, '.')).as("no decimals after the point").isEqualTo(Amounts2.INVALID);
    assertThat(Amounts2.cents(b, 40, 59, '.')).as("16 digits").isEqualTo(Amounts2.INVALID);
    assertThat(Amounts2.cents(b, 61, 79, '.')).isEqualTo(12345678901234599L);
  }
}
