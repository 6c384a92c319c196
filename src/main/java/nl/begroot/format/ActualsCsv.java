package nl.begroot.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.actuals.ActualsImport;

/**
 * Reads realised bookings from the documented CSV (docs/actuals.md) into an {@link ActualsImport}:
 * UTF-8, fields separated by {@code ;}, the header row
 * {@code jaar;periode;rekening;rekeningnaam;kostenplaats;bedrag;debet_credit}, amounts with a decimal
 * comma and no thousands separator, {@code D} or {@code C}. It translates only; the import decides.
 * Every problem has its line and column.
 */
public final class ActualsCsv {
  public static final List<String> HEADER = List.of("jaar", "periode", "rekening", "rekeningnaam", "kostenplaats", "bedrag", "debet_credit");
  /** The largest CSV read: as large as the largest auditfile. */
  public static final long MAX_BYTES = XafReader.MAX_BYTES;
  private static final int MAX_FIELD = 1000;

  private ActualsCsv() {}

  /** Reads {@code in} (not closed) into {@code into}. */
  public static void read(InputStream in, long maxBytes, ActualsImport into, XafReader.Progress progress) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    XafReader.Counting counting = new XafReader.Counting(in, maxBytes, progress);
    int lineNo = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(counting, decoder), 1 << 16)) {
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (header) {
          header = false;
          if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
          }
          List<String> names = fields(line, lineNo, into);
          if (names == null) {
            return;
          }
          if (!names.equals(HEADER)) {
            into.problem("line 1", "the first row must be the header " + String.join(";", HEADER) + " (docs/actuals.md), not "
                + shorten(line));
            return;
          }
          continue;
        }
        if (line.isBlank()) {
          continue;
        }
        List<String> f = fields(line, lineNo, into);
        if (f == null) {
          continue;
        }
        if (f.size() != HEADER.size()) {
          into.problem("line " + lineNo, "the row has " + f.size() + " fields; the header has " + HEADER.size());
          continue;
        }
        row(f, line, lineNo, into);
      }
      if (header) {
        into.problem("line 1", "the file is empty; it starts with the header " + String.join(";", HEADER));
      }
    } catch (CharacterCodingException e) {
      into.problem("line " + (lineNo + 1), "the file is not UTF-8 text");
    } catch (IOException e) {
      if (counting.tooLarge) {
        into.problem("line " + (lineNo + 1), "the file is larger than " + XafReader.size(maxBytes) + " (the limit); nothing is imported");
      } else {
        into.problem("line " + (lineNo + 1), "the file cannot be read: " + e.getMessage());
      }
    }
  }

  private static void row(List<String> f, String line, int lineNo, ActualsImport into) {
    String place = "line " + lineNo;
    int year = integer(f.get(0), 1000, 9999, "jaar", place + ", column " + column(line, 0), into);
    int period = integer(f.get(1), 0, 999, "periode", place + ", column " + column(line, 1), into);
    String account = f.get(2).strip();
    if (account.isEmpty() || account.length() > 35) {
      into.problem(place + ", column " + column(line, 2), "rekening must be an account number of 1 to 35 characters");
      return;
    }
    String name = f.get(3).strip();
    String costCentre = f.get(4).strip();
    String amountText = f.get(5).strip();
    long cents = Amounts2.cents(amountText, ',');
    if (cents == Amounts2.INVALID) {
      into.problem(place + ", column " + column(line, 5), "bedrag '" + shorten(amountText) + "' is not an amount: write euros with a"
          + " decimal comma and no thousands separator (1234,56)");
      return;
    }
    String dc = f.get(6).strip();
    if (!dc.equals("D") && !dc.equals("C")) {
      into.problem(place + ", column " + column(line, 6), "debet_credit must be D or C, not '" + shorten(dc) + "'");
      return;
    }
    if (year < 0 || period < 0) {
      return;
    }
    into.line(account, name.isEmpty() ? null : name, costCentre.isEmpty() ? null : costCentre, false, year, period,
        dc.equals("D") ? cents : 0, dc.equals("C") ? cents : 0, lineNo, 0, null);
  }

  private static int integer(String s, int min, int max, String what, String place, ActualsImport into) {
    String t = s.strip();
    if (!t.isEmpty() && t.length() <= 4 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int n = Integer.parseInt(t);
      if (n >= min && n <= max) {
        return n;
      }
    }
    into.problem(place, what + " '" + shorten(t) + "' is not a number from " + min + " to " + max);
    return -1;
  }

  /** The column (1-based) where field {@code index} starts. */
  private static int column(String line, int index) {
    int field = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      if (field == index) {
        return i + 1;
      }
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        field++;
      }
    }
    return line.length() + 1;
  }

  /** The fields of a row: {@code ;} apart, a field in quotes may hold {@code ;} and doubled quotes. Null (and a problem) when malformed. */
  static List<String> fields(String line, int lineNo, ActualsImport into) {
    List<String> out = new ArrayList<>(8);
    StringBuilder f = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      f.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            into.problem("line " + lineNo + ", column " + (n + 1), "a quoted field is not closed");
            return null;
          }
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              f.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          f.append(c);
          i++;
        }
        if (i < n && line.charAt(i) != ';') {
          into.problem("line " + lineNo + ", column " + (i + 1), "after a quoted field comes ; or the end of the row");
          return null;
        }
      } else {
        while (i < n && line.charAt(i) != ';') {
          f.append(line.charAt(i));
          i++;
        }
      }
      if (f.length() > MAX_FIELD) {
        into.problem("line " + lineNo, "a field is longer than " + MAX_FIELD + " characters");
        return null;
      }
      out.add(f.toString());
      if (i >= n) {
        return out;
      }
      i++; // the ;
    }
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
