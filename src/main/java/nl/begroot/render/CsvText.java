package nl.begroot.render;

/**
 * One text cell of a CSV file that people open in a spreadsheet: quoted when it holds a comma,
 * quote or line break (RFC 4180), and made inert when a spreadsheet would read it as a formula
 * (CSV injection): text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
 * Only for text: numbers are written as numbers by their writers, so a negative amount stays a
 * number ({@code -1250.00}), never {@code '-1250.00}.
 */
public final class CsvText {
  private CsvText() {}

  /** The CSV field for {@code text} (a text column; never null). */
  public static String field(String text) {
    String s = text;
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
