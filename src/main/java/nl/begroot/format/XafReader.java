package nl.begroot.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.begroot.core.actuals.ActualsImport;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an XML Auditfile Financieel 3.2 (XAF) into an {@link ActualsImport}, in one streaming pass:
 * the JDK's StAX reader pulls the file, the official schema ({@code XmlAuditfileFinancieel3.2.xsd},
 * see its {@code .SOURCE.md}) validates every event as it passes, and this reader takes from the
 * same events what the import needs: the fiscal year, the ledger accounts (number, name, balance or
 * profit-and-loss), the periods, and each transaction line (account, cost centre, amount, debit or
 * credit, the transaction's period). It translates only; the import decides.
 *
 * <p>Hostile input is refused with its place (line and column, and the element path): no DTD (a
 * DOCTYPE is refused before anything is expanded, so no external entity and no entity expansion), the
 * XAF 3.2 namespace only, at most {@code maxBytes} read (counted while reading: a file that grows
 * past the limit stops there), every schema error, amounts with a decimal point and at most two
 * decimals. Memory does not grow with the file, apart from the schema's own key checks.
 */
public final class XafReader {
  public static final String NAMESPACE = "http://www.auditfiles.nl/XAF/3.2";
  /** The largest auditfile read: 1 GiB (a year of a mid-size organisation with a million lines is about 300 MB). */
  public static final long MAX_BYTES = 1L << 30;
  private static final String XSD = "XmlAuditfileFinancieel3.2.xsd";
  private static volatile Schema schema;

  /** Told how far the reading is, in bytes, now and then. */
  public interface Progress {
    void read(long bytes);
  }

  private XafReader() {}

  /** The official XAF 3.2 schema, loaded once (the factory with secure processing, nothing fetched). */
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
            schema = f.newSchema(XafReader.class.getResource(XSD));
          } catch (SAXException e) {
            throw new IllegalStateException("the XAF 3.2 schema shipped with Begroot does not load: " + e.getMessage(), e);
          }
        }
        s = schema;
      }
    }
    return s;
  }

  /** Reads {@code in} (not closed) into {@code into}; every problem goes there with its place. */
  public static void read(InputStream in, long maxBytes, ActualsImport into, Progress progress) {
    Counting counting = new Counting(in, maxBytes, progress);
    Events events = null;
    try {
      XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
      events = new Events(factory.createXMLStreamReader(counting), into);
      javax.xml.validation.ValidatorHandler validator = schema().newValidatorHandler();
      validator.setErrorHandler(events);
      events.feed(validator);
      if (!events.rootSeen) {
        into.problem("", "the file holds no XML element; an auditfile starts with <auditfile xmlns=\"" + NAMESPACE + "\">");
      }
    } catch (Exception e) {
      if (counting.tooLarge) {
        into.problem("byte " + maxBytes, "the file is larger than " + size(maxBytes) + " (the limit); nothing is imported");
      } else if (events != null && events.stopped != null) {
        into.problem(events.stopped.place, events.stopped.message);
      } else if (events != null && events.stoppedByProblems) {
        // the problems are in the import already
      } else {
        Throwable t = rootOf(e);
        String place = events == null ? "" : events.place();
        if (t instanceof XMLStreamException x && x.getLocation() != null) {
          place = at(x.getLocation(), events == null ? "" : events.path());
        } else if (t instanceof SAXParseException p && p.getLineNumber() > 0) {
          place = "line " + p.getLineNumber() + ", column " + p.getColumnNumber();
        }
        into.problem(place, "this is not a readable XML auditfile: " + plain(t));
      }
    }
  }

  private static Throwable rootOf(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof XMLStreamException || t instanceof SAXParseException) {
      return t;
    }
    for (Throwable u = e; u != null; u = u.getCause()) {
      if (u instanceof XMLStreamException || u instanceof SAXParseException) {
        return u;
      }
    }
    return t;
  }

  /** The parser's message without its own place prefix ("ParseError at [row,col]:[1,1]\nMessage: ..."). */
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

  static String at(Location l, String path) {
    return "line " + l.getLineNumber() + ", column " + l.getColumnNumber() + (path.isEmpty() ? "" : " (" + path + ")");
  }

  /** A problem that ends the reading (a DOCTYPE, the wrong namespace). */
  private record Stop(String place, String message) {}

  private static final class Stopped extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped");
    }
  }

  /** An account of the general ledger: its name and whether it is a balance-sheet account. */
  private record Account(String name, boolean balanceSheet) {}

  /** The events as they pass to the validator: what the import needs is taken from them. */
  private static final class Events extends StreamReaderDelegate implements ErrorHandler {
    private final ActualsImport into;
    private final String[] path = new String[64];
    private int depth;
    private boolean rootSeen;
    Stop stopped;
    boolean stoppedByProblems;
    private final StringBuilder text = new StringBuilder();
    private boolean capturing;
    private final Map<String, Account> accounts = new HashMap<>();
    private Integer year;
    // the account being read
    private String accId;
    private String accDesc;
    private String accTp;
    // the period being read, the transaction's period, the line being read
    private String periodNumber;
    private int transactionPeriod = -1;
    private String lineAcc;
    private String lineCost;
    private long lineCents;
    private boolean lineAmountOk;
    private String lineTp;
    private int lineLine;
    private int lineColumn;

    Events(XMLStreamReader reader, ActualsImport into) {
      super(reader);
      this.into = into;
    }

    /**
     * Pulls every event and hands it to the schema's validator as SAX events (no transformer in
     * between): the validator checks each as it passes; this reader takes what the import needs.
     */
    void feed(javax.xml.validation.ValidatorHandler v) throws XMLStreamException, SAXException {
      XMLStreamReader r = getParent();
      v.setDocumentLocator(new org.xml.sax.Locator() {
        public String getPublicId() {
          return null;
        }

        public String getSystemId() {
          return null;
        }

        public int getLineNumber() {
          return r.getLocation().getLineNumber();
        }

        public int getColumnNumber() {
          return r.getLocation().getColumnNumber();
        }
      });
      org.xml.sax.helpers.AttributesImpl attributes = new org.xml.sax.helpers.AttributesImpl();
      v.startDocument();
      while (hasNext()) {
        int event = next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            for (int i = 0; i < r.getNamespaceCount(); i++) {
              String prefix = r.getNamespacePrefix(i);
              v.startPrefixMapping(prefix == null ? "" : prefix, r.getNamespaceURI(i));
            }
            attributes.clear();
            for (int i = 0; i < r.getAttributeCount(); i++) {
              String prefix = r.getAttributePrefix(i);
              String local = r.getAttributeLocalName(i);
              String uri = r.getAttributeNamespace(i);
              attributes.addAttribute(uri == null ? "" : uri, local, prefix == null || prefix.isEmpty() ? local : prefix + ":" + local,
                  "CDATA", r.getAttributeValue(i));
            }
            String uri = r.getNamespaceURI();
            String prefix = r.getPrefix();
            String local = r.getLocalName();
            v.startElement(uri == null ? "" : uri, local, prefix == null || prefix.isEmpty() ? local : prefix + ":" + local, attributes);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
              v.characters(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
          case XMLStreamConstants.END_ELEMENT -> {
            String uri = r.getNamespaceURI();
            String prefix = r.getPrefix();
            String local = r.getLocalName();
            v.endElement(uri == null ? "" : uri, local, prefix == null || prefix.isEmpty() ? local : prefix + ":" + local);
            for (int i = 0; i < r.getNamespaceCount(); i++) {
              String p = r.getNamespacePrefix(i);
              v.endPrefixMapping(p == null ? "" : p);
            }
          }
          default -> { }
        }
      }
      v.endDocument();
    }

    String path() {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < Math.min(depth, path.length); i++) {
        s.append(i == 0 ? "" : "/").append(path[i]);
      }
      return s.toString();
    }

    String place() {
      return at(getLocation(), path());
    }

    private void stop(String message) throws XMLStreamException {
      stopped = new Stop(place(), message);
      throw new Stopped();
    }

    @Override
    public int next() throws XMLStreamException {
      if (into.refused() && into.lines() >= 0 && problemsFull()) {
        stoppedByProblems = true;
        throw new Stopped();
      }
      int event = super.next();
      switch (event) {
        case XMLStreamConstants.DTD -> stop("the file has a DOCTYPE declaration; an auditfile has none, and Begroot reads no DTD"
            + " or entity (no external entities, no entity expansion)");
        case XMLStreamConstants.ENTITY_REFERENCE -> stop("the file refers to an entity '&" + getLocalName()
            + ";'; an auditfile has none, and Begroot expands no entity");
        case XMLStreamConstants.START_ELEMENT -> start();
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (capturing) {
            text.append(getTextCharacters(), getTextStart(), getTextLength());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> end();
        default -> { }
      }
      return event;
    }

    private int problemsCount;

    private boolean problemsFull() {
      return problemsCount >= ActualsImport.MAX_PROBLEMS;
    }

    private void start() throws XMLStreamException {
      String name = getLocalName();
      if (depth == 0) {
        rootSeen = true;
        String ns = getNamespaceURI();
        if (!XafReader.NAMESPACE.equals(ns)) {
          path[0] = name;
          depth = 1;
          stop("the root element is {" + (ns == null ? "" : ns) + "}" + name + "; an XAF 3.2 auditfile is <auditfile xmlns=\""
              + XafReader.NAMESPACE + "\"> (other versions and formats are not read)");
        }
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
      }
      if (name.equals("trLine") && parent.equals("transaction")) {
        lineAcc = null;
        lineCost = null;
        lineCents = 0;
        lineAmountOk = false;
        lineTp = null;
        lineLine = 0;
      } else if (name.equals("ledgerAccount")) {
        accId = null;
        accDesc = null;
        accTp = null;
      } else if (name.equals("period") && parent.equals("periods")) {
        periodNumber = null;
      } else if (name.equals("transaction") && parent.equals("journal")) {
        transactionPeriod = -1;
      }
    }

    private void end() {
      String name = getLocalName();
      String parent = depth >= 2 && depth - 2 < path.length ? path[depth - 2] : "";
      if (capturing) {
        capturing = false;
        String value = text.toString().strip();
        switch (parent) {
          case "trLine" -> {
            switch (name) {
              case "accID" -> {
                lineAcc = value;
                lineLine = getLocation().getLineNumber();
                lineColumn = getLocation().getColumnNumber();
              }
              case "costID" -> lineCost = value.isEmpty() ? null : value;
              case "amntTp" -> lineTp = value;
              case "amnt" -> amount(value);
              default -> { }
            }
          }
          case "transaction" -> transactionPeriod = integer(value, "period number", 0, 999);
          case "ledgerAccount" -> {
            switch (name) {
              case "accID" -> accId = value;
              case "accDesc" -> accDesc = value;
              case "accTp" -> accTp = value;
              default -> { }
            }
          }
          case "period" -> periodNumber = value;
          case "header" -> year = integer(value, "fiscal year", 1000, 9999);
          default -> { }
        }
      } else if (name.equals("trLine") && parent.equals("transaction")) {
        line();
      } else if (name.equals("ledgerAccount") && accId != null) {
        accounts.put(accId, new Account(accDesc, "B".equals(accTp)));
      } else if (name.equals("period") && parent.equals("periods") && periodNumber != null && year != null) {
        int n = integer(periodNumber, "period number", 0, 999);
        if (n >= 1 && n <= ActualsImport.MAX_PERIOD) {
          into.period(year, n, place());
        }
      }
      depth--;
    }

    private static final String LINE_PATH = "auditfile/company/transactions/journal/transaction/trLine/accID";

    private void line() {
      String linePlace = "line " + lineLine + ", column " + lineColumn + " (" + LINE_PATH + ")";
      if (lineAcc == null || !lineAmountOk || lineTp == null || year == null || transactionPeriod < 0) {
        return; // the schema reports what is missing
      }
      Account account = accounts.get(lineAcc);
      if (account == null) {
        into.problem(linePlace, "account " + lineAcc + " is not in the general ledger (generalLedger/ledgerAccount) of the file");
        return;
      }
      long debit = "D".equals(lineTp) ? lineCents : 0;
      long credit = "C".equals(lineTp) ? lineCents : 0;
      into.line(lineAcc, account.name(), lineCost, account.balanceSheet(), year, transactionPeriod, debit, credit, linePlace);
    }

    private void amount(String value) {
      long cents = Amounts2.cents(value);
      if (cents == Amounts2.INVALID) {
        String hint = value.indexOf(',') >= 0 ? "; it has a comma: XAF amounts have a decimal point and no thousands separator (1234.56)"
            : "; XAF amounts are numbers with a decimal point and at most two decimals (1234.56)";
        problem(place(), "amount '" + shorten(value) + "' is not an amount" + hint);
        return;
      }
      lineCents = cents;
      lineAmountOk = true;
    }

    private int integer(String value, String what, int min, int max) {
      try {
        int n = Integer.parseInt(value);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // below
      }
      problem(place(), what + " '" + shorten(value) + "' is not a number from " + min + " to " + max);
      return -1;
    }

    private void problem(String place, String message) {
      problemsCount++;
      into.problem(place, message);
    }

    // the validator's findings

    @Override
    public void warning(SAXParseException e) {
      // a warning is no reason to refuse a file
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      problem(place(), "does not follow the XAF 3.2 schema: " + e.getMessage());
      if (problemsFull()) {
        throw e;
      }
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
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
