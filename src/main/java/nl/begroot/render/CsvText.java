package nl.begroot.render;

/**
 * One text cell of a CSV file that people open in a spreadsheet: quoted when it holds a comma,
 * quote or line break (RFC 4180), and made inert when a spreadsheet would read it as a formula
 * (CSV injection, ASVS 5.0 V1.2.10): text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab, a
 * carriage return or a null character gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
 * Only for text: numbers are written as numbers by their writers, so a negative amount stays a
 * number ({@code -1250.00}), never {@code '-1250.00}.
 */
public final class CsvText {
  private CsvText() {}

  /**
   * Whether a spreadsheet would read {@code s} as a formula, or {@code s} is an apostrophe before
   * such text (so that {@link #restore} can take exactly one apostrophe off again).
   */
  private static boolean formulaLike(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    return "=+-@\t\r\0".indexOf(c) >= 0 || (c == '\'' && formulaLike(s.substring(1)));
  }

  /**
   * {@code text} as a spreadsheet shows it but never evaluates it: with a leading apostrophe when it
   * starts like a formula (also for a text cell of the workbook, which a person may edit and so
   * turn into a formula); otherwise unchanged.
   */
  public static String inert(String text) {
    return formulaLike(text) ? "'" + text : text;
  }

  /** The text {@link #inert} was given: its apostrophe taken off again (for what is read back). */
  public static String restore(String text) {
    return text.length() > 1 && text.charAt(0) == '\'' && formulaLike(text.substring(1)) ? text.substring(1) : text;
  }

  /** The CSV field for {@code text} (a text column; never null) in a file separated by commas. */
  public static String field(String text) {
    return field(text, ',');
  }

  /** The field for {@code text} (never null) in a file whose fields are separated by {@code separator}: inert, and quoted when it holds the separator, a quote or a line break. */
  public static String field(String text, char separator) {
    String s = inert(text);
    if (s.indexOf(separator) >= 0 || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
