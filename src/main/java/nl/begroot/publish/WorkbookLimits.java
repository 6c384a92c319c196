package nl.begroot.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The limits on a workbook that is read ({@link ProposalImport}), so that no workbook, however
 * made, can exhaust memory or time: the file, its parts once unpacked (a ZIP bomb: a few MB that
 * unpack to hundreds), the rows and the cells of a sheet. Checked before the sheets are parsed
 * (the file and its unpacked parts, by unpacking and counting, never by trusting the sizes the ZIP
 * declares) and while the rows are streamed (rows and cells). Decision and numbers in
 * docs/DECISIONS.md.
 */
public final class WorkbookLimits {
  /** The largest workbook file: as the web's import limit. */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
  /** All parts of the workbook together, unpacked. A full template of {@link #MAX_ROWS} rows is about 20 MB. */
  public static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;
  /** Parts in the ZIP at most (a workbook Excel writes has about a dozen). */
  public static final int MAX_PARTS = 1_000;
  /** Filled rows of one sheet at most (the IPO budget has about a hundred proposals). */
  public static final int MAX_ROWS = 10_000;
  /** Cells of one row at most (the template has about twenty columns). */
  public static final int MAX_COLUMNS = 256;

  private WorkbookLimits() {}

  /** A workbook over a limit, thrown while its rows are streamed. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sheet;

    Exceeded(String sheet, String message) {
      super(message, null, false, false);
      this.sheet = sheet;
    }

    ProposalImport.Refused refused() {
      return tooLarge(sheet, getMessage());
    }
  }

  static ProposalImport.Refused tooLarge(String sheet, String message) {
    return new ProposalImport.Refused(List.of(new ProposalImport.CellProblem(sheet, "", message + "; nothing was imported")), true);
  }

  /** A file that is not a workbook Begroot can read; says what to do, names no parser. */
  static ProposalImport.Refused unreadable() {
    return new ProposalImport.Refused(List.of(new ProposalImport.CellProblem("", "",
        "not a readable .xlsx workbook: the file is damaged or not in Excel's .xlsx format (save it from Excel as"
            + " 'Excel Workbook (.xlsx)', or export a new one with begroot publish --format xlsx)")));
  }

  /**
   * Unpacks every part of the ZIP (reading it, not trusting its declared sizes) and refuses the
   * workbook when it is not a ZIP, has too many parts, unpacks to more than
   * {@link #MAX_UNPACKED_BYTES}, or has an XML part with a document type declaration (a DTD:
   * Excel never writes one, and it is how XML external entity attacks start).
   */
  static Optional<ProposalImport.Refused> check(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_PARTS) {
        return Optional.of(tooLarge("", "the workbook has " + zip.size() + " parts, more than " + MAX_PARTS + " (the limit)"));
      }
      long total = 0;
      byte[] buffer = new byte[64 * 1024];
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        boolean xml = entry.getName().toLowerCase(Locale.ROOT).endsWith(".xml") || entry.getName().toLowerCase(Locale.ROOT).endsWith(".rels");
        Doctype doctype = new Doctype();
        try (InputStream in = zip.getInputStream(entry)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_UNPACKED_BYTES) {
              return Optional.of(tooLarge("", "the workbook unpacks to more than " + MAX_UNPACKED_BYTES / 1024 / 1024
                  + " MB (the limit; a full template of " + MAX_ROWS + " rows is about 20 MB)"));
            }
            if (xml && doctype.seen(buffer, n)) {
              return Optional.of(new ProposalImport.Refused(List.of(new ProposalImport.CellProblem("", "",
                  "the workbook's part " + entry.getName() + " declares a document type (DTD), which Excel never writes and Begroot"
                      + " does not read (it can make a reader fetch other files); save the workbook again from Excel"))));
            }
          }
        }
      }
      return Optional.empty();
    } catch (ZipException | SecurityException e) {
      return Optional.of(unreadable());
    } catch (IOException | RuntimeException e) {
      return Optional.of(unreadable());
    }
  }

  /** Finds "<!DOCTYPE" (any case) in a stream of buffers, also across a buffer's edge. */
  private static final class Doctype {
    private static final byte[] WORD = "<!doctype".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private int matched;

    boolean seen(byte[] b, int n) {
      for (int i = 0; i < n; i++) {
        int c = b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i];
        if (c == WORD[matched]) {
          if (++matched == WORD.length) {
            return true;
          }
        } else {
          matched = c == WORD[0] ? 1 : 0;
        }
      }
      return false;
    }
  }
}
