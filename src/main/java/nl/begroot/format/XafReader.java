package nl.begroot.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.begroot.core.actuals.ActualsImport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XML Auditfile Financieel 3.2 (XAF) into an {@link ActualsImport}, in one streaming pass:
 * the JDK's SAX parser reads the file with the official schema ({@code XmlAuditfileFinancieel3.2.xsd},
 * see its {@code .SOURCE.md}) in its own pipeline, so every element is validated as it passes, and
 * this reader takes from the same events what the import needs: the fiscal year, the ledger accounts
 * (number, name, balance or profit-and-loss), the periods, and each transaction line (account, cost
 * centre, amount, debit or credit, the transaction's period). It translates only; the import decides.
 *
 * <p>The schema is validated without its {@code xsd:key}/{@code xsd:keyref} declarations, which
 * cannot match anything in an auditfile (decision 170, {@link #schema()}); what they mean for what is
 * read here is checked by this reader: every account number once in the general ledger, every
 * period number once in the periods, a transaction's period among them, a line's account in the
 * general ledger.
 *
 * <p>Hostile input is refused with its place (line and column, and the element path): no DTD (a
 * DOCTYPE is refused by the parser before anything in it is read, so no external entity and no
 * entity expansion), the XAF 3.2 namespace only, at most {@code maxBytes} read (counted while
 * reading: a file that grows past the limit stops there), every schema error, amounts with a decimal
 * point and at most two decimals. Memory does not grow with the file.
 */
public final class XafReader {
  public static final String NAMESPACE = "http://www.auditfiles.nl/XAF/3.2";
  /** The largest auditfile read: 1 GiB (a year of a mid-size organisation with a million lines is about 200 MB). */
  public static final long MAX_BYTES = 1L << 30;
  private static final String XSD = "XmlAuditfileFinancieel3.2.xsd";
  private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
  private static volatile Schema schema;

  /** Told how far the reading is, in bytes, now and then. */
  public interface Progress {
    void read(long bytes);
  }

  private XafReader() {}

  /**
   * The official XAF 3.2 schema as it is validated, loaded once (the factory with secure processing,
   * nothing fetched): the shipped copy without the identity constraints that {@link #inert} proves
   * can never select an element of an auditfile.
   */
  static Schema schema() {
    Schema s = schema;
    if (s == null) {
      synchronized (XafReader.class) {
        if (schema == null) {
          try {
            SchemaFactory f = SchemaFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Document xsd = officialSchema();
            withoutInertConstraints(xsd);
            schema = f.newSchema(new DOMSource(xsd, XafReader.class.getResource(XSD).toExternalForm()));
          } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalStateException("the XAF 3.2 schema shipped with Begroot does not load: " + e.getMessage(), e);
          }
        }
        s = schema;
      }
    }
    return s;
  }

  /** The schema as the import validates against it (for {@code begroot bench import}'s stages). */
  public static Schema validatedSchema() {
    return schema();
  }

  /** The shipped schema, byte for byte the official copy, as a DOM. */
  static Document officialSchema() throws IOException, SAXException, ParserConfigurationException {
    DocumentBuilderFactory d = DocumentBuilderFactory.newDefaultInstance();
    d.setNamespaceAware(true);
    d.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    d.setFeature(DISALLOW_DOCTYPE, true);
    try (InputStream in = XafReader.class.getResourceAsStream(XSD)) {
      return d.newDocumentBuilder().parse(in);
    }
  }

  /**
   * Removes from {@code xsd} every identity constraint ({@code xsd:key}, {@code xsd:keyref},
   * {@code xsd:unique}) that is {@link #inert}, and returns how many it removed. One that is not
   * inert (a later schema that writes its XPaths with a prefix) is kept and validated.
   */
  static int withoutInertConstraints(Document xsd) {
    List<Element> constraints = new ArrayList<>();
    for (String name : List.of("key", "keyref", "unique")) {
      NodeList l = xsd.getElementsByTagNameNS(XS, name);
      for (int i = 0; i < l.getLength(); i++) {
        constraints.add((Element) l.item(i));
      }
    }
    int removed = 0;
    for (Element c : constraints) {
      if (inert(xsd, c)) {
        c.getParentNode().removeChild(c);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Whether identity constraint {@code c} can never select an element of a document that follows
   * {@code xsd}: its selector's every step is a name without a prefix, which in XML Schema 1.0's
   * XPath means an element in no namespace (XSD 1.0 part 1, 3.11.6; there is no default namespace
   * for XPath there), while the schema has a target namespace, qualifies its local elements
   * ({@code elementFormDefault="qualified"}) and has no wildcard ({@code xsd:any}) through which an
   * element in no namespace could be valid. So in a valid file every element is in the target
   * namespace and the selector matches nothing; in an invalid file the schema reports an error of
   * its own. With or without the constraint, the same files are valid.
   */
  static boolean inert(Document xsd, Element c) {
    Element root = xsd.getDocumentElement();
    if (root.getAttribute("targetNamespace").isEmpty() || !"qualified".equals(root.getAttribute("elementFormDefault"))
        || xsd.getElementsByTagNameNS(XS, "any").getLength() > 0 || xsd.getElementsByTagNameNS(XS, "import").getLength() > 0
        || xsd.getElementsByTagNameNS(XS, "include").getLength() > 0 || xsd.getElementsByTagNameNS(XS, "redefine").getLength() > 0) {
      return false;
    }
    for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && XS.equals(e.getNamespaceURI()) && "selector".equals(e.getLocalName())) {
        String xpath = e.getAttribute("xpath");
        if (xpath.isBlank()) {
          return false;
        }
        for (String alternative : xpath.split("\\|")) {
          boolean namedStep = false;
          for (String step : alternative.strip().replaceFirst("^\\.//", "").split("/")) {
            String s = step.strip();
            if (s.equals(".")) {
              continue;
            }
            if (s.isEmpty() || s.contains(":") || s.contains("*") || s.startsWith("child::") || s.startsWith("@")) {
              return false; // a prefix, a wildcard or an axis: not provably inert
            }
            namedStep = true;
          }
          if (!namedStep) {
            return false; // "." selects the element itself, which is in the target namespace
          }
        }
        return true;
      }
    }
    return false;
  }

  /** A SAX reader with the schema in its pipeline, no DTD, no external anything, English messages. */
  private static XMLReader parser() throws ParserConfigurationException, SAXException {
    SAXParserFactory f = SAXParserFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setXIncludeAware(false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature(DISALLOW_DOCTYPE, true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setSchema(schema());
    SAXParser p = f.newSAXParser();
    p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    XMLReader r = p.getXMLReader();
    optional(r, "http://apache.org/xml/features/validation/schema/augment-psvi", false); // nobody reads the PSVI
    try {
      r.setProperty("http://apache.org/xml/properties/locale", Locale.ENGLISH);
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      // the parser's messages in the JVM's language then
    }
    return r;
  }

  private static void optional(XMLReader r, String feature, boolean value) {
    try {
      r.setFeature(feature, value);
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      // a speed-up only
    }
  }

  /** Reads {@code in} (not closed) into {@code into}; every problem goes there with its place. */
  public static void read(InputStream in, long maxBytes, ActualsImport into, Progress progress) {
    Counting counting = new Counting(in, maxBytes, progress);
    Events events = new Events(into);
    try {
      XMLReader reader = parser();
      reader.setContentHandler(events);
      reader.setErrorHandler(events);
      reader.parse(new InputSource(counting));
      events.flushPending();
      if (!events.rootSeen) {
        into.problem("", "the file holds no XML element; an auditfile starts with <auditfile xmlns=\"" + NAMESPACE + "\">");
      }
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be set up for auditfiles: " + e.getMessage(), e);
    } catch (SAXException | IOException | RuntimeException e) {
      if (counting.tooLarge) {
        into.problem("byte " + maxBytes, "the file is larger than " + size(maxBytes) + " (the limit); nothing is imported");
      } else if (events.stopped != null) {
        into.problem(events.stopped.place, events.stopped.message);
      } else if (events.stoppedByProblems) {
        // the problems are in the import already
      } else if (e instanceof RuntimeException r && !(rootOf(r) instanceof SAXException)) {
        throw r;
      } else {
        Throwable t = rootOf(e);
        String place = events.place();
        if (t instanceof SAXParseException p && p.getLineNumber() > 0) {
          place = at(p.getLineNumber(), p.getColumnNumber(), events.path());
        }
        if (t.getMessage() != null && t.getMessage().contains(DISALLOW_DOCTYPE)) {
          into.problem(place, "the file has a DOCTYPE declaration; an auditfile has none, and Begroot reads no DTD"
              + " or entity (no external entities, no entity expansion)");
        } else {
          events.flushPending();
          into.problem(place, "this is not a readable XML auditfile: " + plain(t));
        }
      }
    }
  }

  private static Throwable rootOf(Throwable e) {
    for (Throwable u = e; u != null; u = u.getCause() == u ? null : u.getCause()) {
      if (u instanceof SAXParseException) {
        return u;
      }
    }
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** The parser's message without a place prefix of its own. */
  private static String plain(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int i = m.indexOf("Message: ");
    return (i >= 0 ? m.substring(i + 9) : m).strip();
  }

  static String size(long bytes) {
    if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes + " bytes";
  }

  static String at(int line, int column, String path) {
    return "line " + line + ", column " + column + (path.isEmpty() ? "" : " (" + path + ")");
  }

  /** A problem that ends the reading (the wrong namespace). */
  private record Stop(String place, String message) {}

  private static final class Stopped extends SAXException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped");
    }
  }

  /** An account of the general ledger: its name, whether it is a balance-sheet account, where it is. */
  private record Account(String name, boolean balanceSheet, int line) {}

  /** The parser's events, after the schema's validator has seen each: what the import needs is taken from them. */
  private static final class Events extends DefaultHandler {
    private static final String LINE_PATH = "auditfile/company/transactions/journal/transaction/trLine/accID";
    private final ActualsImport into;
    private Locator locator;
    private final String[] path = new String[64];
    private int depth;
    boolean rootSeen;
    Stop stopped;
    boolean stoppedByProblems;
    private int problemsCount;
    /** The validator's findings before the root element is known: dropped when the namespace is wrong (that says it all). */
    private final List<String[]> pending = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean capturing;
    private final Names names = new Names();
    private final Map<String, Account> accounts = new HashMap<>();
    /** The period numbers the file declares (periods/period), 0-999 as the schema allows: where, or 0. */
    private final int[] declared = new int[1000];
    private int year = -1;
    // the account being read
    private String accId;
    private String accDesc;
    private String accTp;
    // the period being read, the transaction's period, the line being read
    private int periodNumber = -1;
    private int transactionPeriod = -1;
    private String lineAcc;
    private String lineCost;
    private long lineCents;
    private boolean lineAmountOk;
    private char lineTp;
    private int lineLine;
    private int lineColumn;

    Events(ActualsImport into) {
      this.into = into;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    String path() {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < Math.min(depth, path.length); i++) {
        s.append(i == 0 ? "" : "/").append(path[i]);
      }
      return s.toString();
    }

    String place() {
      return locator == null ? path() : at(locator.getLineNumber(), locator.getColumnNumber(), path());
    }

    private void stop(String message) throws SAXException {
      stopped = new Stop(place(), message);
      throw new Stopped();
    }

    void flushPending() {
      for (String[] p : pending) {
        problem(p[0], p[1]);
      }
      pending.clear();
    }

    @Override
    public void startElement(String uri, String name, String qName, Attributes attributes) throws SAXException {
      if (problemsCount >= ActualsImport.MAX_PROBLEMS) {
        stoppedByProblems = true;
        throw new Stopped();
      }
      if (depth == 0) {
        rootSeen = true;
        if (!NAMESPACE.equals(uri)) {
          path[0] = name;
          depth = 1;
          pending.clear();
          stop("the root element is {" + uri + "}" + name + "; an XAF 3.2 auditfile is <auditfile xmlns=\"" + NAMESPACE
              + "\"> (other versions and formats are not read)");
        }
        flushPending();
      }
      if (depth < path.length) {
        path[depth] = name;
      }
      depth++;
      String parent = depth >= 2 && depth - 2 < path.length ? path[depth - 2] : "";
      capturing = switch (parent) {
        case "trLine" -> name.equals("accID") || name.equals("amnt") || name.equals("amntTp") || name.equals("costID");
        case "transaction" -> name.equals("periodNumber");
        case "ledgerAccount" -> name.equals("accID") || name.equals("accDesc") || name.equals("accTp");
        case "period" -> name.equals("periodNumber");
        case "header" -> name.equals("fiscalYear");
        default -> false;
      };
      if (capturing) {
        text.setLength(0);
      } else if (name.equals("trLine") && parent.equals("transaction")) {
        lineAcc = null;
        lineCost = null;
        lineCents = 0;
        lineAmountOk = false;
        lineTp = 0;
        lineLine = 0;
      } else if (name.equals("transaction") && parent.equals("journal")) {
        transactionPeriod = -1;
      } else if (name.equals("ledgerAccount")) {
        accId = null;
        accDesc = null;
        accTp = null;
      } else if (name.equals("period") && parent.equals("periods")) {
        periodNumber = -1;
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (capturing) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String name, String qName) {
      String parent = depth >= 2 && depth - 2 < path.length ? path[depth - 2] : "";
      if (capturing) {
        capturing = false;
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
          from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
          to--;
        }
        switch (parent) {
          case "trLine" -> {
            switch (name) {
              case "accID" -> {
                lineAcc = names.of(text, from, to);
                lineLine = locator == null ? 0 : locator.getLineNumber();
                lineColumn = locator == null ? 0 : locator.getColumnNumber();
              }
              case "costID" -> lineCost = from == to ? null : names.of(text, from, to);
              case "amntTp" -> lineTp = to - from == 1 ? text.charAt(from) : '?';
              case "amnt" -> amount(from, to);
              default -> { }
            }
          }
          case "transaction" -> transactionPeriod(integer(from, to, "period number", 0, 999));
          case "ledgerAccount" -> {
            switch (name) {
              case "accID" -> accId = text.substring(from, to);
              case "accDesc" -> accDesc = text.substring(from, to);
              case "accTp" -> accTp = text.substring(from, to);
              default -> { }
            }
          }
          case "period" -> periodNumber = integer(from, to, "period number", 0, 999);
          case "header" -> year = integer(from, to, "fiscal year", 1000, 9999);
          default -> { }
        }
      } else if (name.equals("trLine") && parent.equals("transaction")) {
        line();
      } else if (name.equals("ledgerAccount") && accId != null) {
        int here = locator == null ? 0 : locator.getLineNumber();
        Account before = accounts.putIfAbsent(accId, new Account(accDesc, "B".equals(accTp), here));
        if (before != null) {
          problem(place(), "account " + accId + " is in the general ledger twice (first at line " + before.line() + "); an account number"
              + " is there once (the schema's key accountIDKey)");
        }
      } else if (name.equals("period") && parent.equals("periods") && periodNumber >= 0) {
        int here = locator == null ? 1 : Math.max(1, locator.getLineNumber());
        if (declared[periodNumber] != 0) {
          problem(place(), "period " + periodNumber + " is in the periods twice (first at line " + declared[periodNumber] + "); a period"
              + " number is there once (the schema's key periodNumberKey)");
        } else {
          declared[periodNumber] = here;
          if (periodNumber >= 1 && periodNumber <= ActualsImport.MAX_PERIOD && year > 0) {
            into.period(year, periodNumber, place());
          }
        }
      }
      depth--;
    }

    /** A transaction's period must be one the file declares (the schema's key reference ctTransactionPeriodNumberRef). */
    private void transactionPeriod(int n) {
      if (n >= 0 && declared[n] == 0) {
        problem(place(), "period " + n + " is unknown: the file's periods (periods/period) do not declare it");
        n = -1;
      }
      transactionPeriod = n;
    }

    private void line() {
      if (lineAcc == null || !lineAmountOk || lineTp == 0 || year < 0 || transactionPeriod < 0) {
        return; // the schema, or this reader, reports what is missing or wrong
      }
      Account account = accounts.get(lineAcc);
      if (account == null) {
        problem(at(lineLine, lineColumn, LINE_PATH), "account " + lineAcc + " is not in the general ledger (generalLedger/ledgerAccount)"
            + " of the file");
        return;
      }
      long debit = lineTp == 'D' ? lineCents : 0;
      long credit = lineTp == 'C' ? lineCents : 0;
      into.line(lineAcc, account.name(), lineCost, account.balanceSheet(), year, transactionPeriod, debit, credit, lineLine, lineColumn,
          LINE_PATH);
    }

    private void amount(int from, int to) {
      long cents = Amounts2.cents(text, from, to, '.');
      if (cents == Amounts2.INVALID) {
        String value = text.substring(from, to);
        String hint = value.indexOf(',') >= 0 ? "; it has a comma: XAF amounts have a decimal point and no thousands separator (1234.56)"
            : "; XAF amounts are numbers with a decimal point and at most two decimals (1234.56)";
        problem(place(), "amount '" + shorten(value) + "' is not an amount" + hint);
        return;
      }
      lineCents = cents;
      lineAmountOk = true;
    }

    /** A number of at most four digits from the text, or -1 (and a problem). */
    private int integer(int from, int to, String what, int min, int max) {
      int n = 0;
      boolean ok = to > from && to - from <= 4;
      for (int i = from; ok && i < to; i++) {
        char c = text.charAt(i);
        ok = c >= '0' && c <= '9';
        n = n * 10 + (c - '0');
      }
      if (ok && n >= min && n <= max) {
        return n;
      }
      problem(place(), what + " '" + shorten(text.substring(from, to)) + "' is not a number from " + min + " to " + max);
      return -1;
    }

    private void problem(String place, String message) {
      problemsCount++;
      into.problem(place, message);
    }

    // the validator's findings, and the parser's

    @Override
    public void warning(SAXParseException e) {
      // a warning is no reason to refuse a file
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      String place = at(e.getLineNumber(), e.getColumnNumber(), path());
      String message = "does not follow the XAF 3.2 schema: " + e.getMessage();
      if (!rootSeen) {
        if (pending.size() < ActualsImport.MAX_PROBLEMS) {
          pending.add(new String[] {place, message});
        }
        return;
      }
      problem(place, message);
      if (problemsCount >= ActualsImport.MAX_PROBLEMS) {
        stoppedByProblems = true;
        throw new Stopped();
      }
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  /**
   * The account numbers and cost centres of a file, each kept once: a line's are looked up here from
   * the parser's characters, without a new string per line. At most {@link #MAX} are kept (a file with
   * more distinct ones still reads, with a string per line for the rest).
   */
  static final class Names {
    static final int MAX = 1 << 16;
    private String[] table = new String[1024];
    private int size;

    String of(CharSequence s, int from, int to) {
      int h = 0;
      for (int i = from; i < to; i++) {
        h = 31 * h + s.charAt(i);
      }
      int mask = table.length - 1;
      int i = (h ^ (h >>> 16)) & mask;
      for (String t = table[i]; t != null; t = table[i]) {
        if (same(t, s, from, to)) {
          return t;
        }
        i = (i + 1) & mask;
      }
      String name = s.subSequence(from, to).toString();
      if (size < MAX) {
        table[i] = name;
        if (++size * 2 > table.length) {
          grow();
        }
      }
      return name;
    }

    private static boolean same(String t, CharSequence s, int from, int to) {
      if (t.length() != to - from) {
        return false;
      }
      for (int i = 0; i < t.length(); i++) {
        if (t.charAt(i) != s.charAt(from + i)) {
          return false;
        }
      }
      return true;
    }

    private void grow() {
      String[] old = table;
      table = new String[old.length * 2];
      int mask = table.length - 1;
      for (String t : old) {
        if (t != null) {
          int h = t.hashCode();
          int i = (h ^ (h >>> 16)) & mask;
          while (table[i] != null) {
            i = (i + 1) & mask;
          }
          table[i] = t;
        }
      }
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** Counts what is read, stops past the limit, and tells the progress now and then (the XAF and the CSV reader). */
  static final class Counting extends FilterInputStream {
    private final long max;
    private final Progress progress;
    private long count;
    private long told;
    boolean tooLarge;

    Counting(InputStream in, long max, Progress progress) {
      super(in);
      this.max = max;
      this.progress = progress;
    }

    private void add(long n) throws IOException {
      count += n;
      if (count > max) {
        tooLarge = true;
        throw new IOException("the file is larger than " + size(max));
      }
      if (progress != null && count - told >= (1 << 20)) {
        told = count;
        progress.read(count);
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }
  }
}
