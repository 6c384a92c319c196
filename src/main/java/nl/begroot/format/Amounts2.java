package nl.begroot.format;

/**
 * Amounts in the file formats of the financial administration, read into cents as text (never a
 * floating-point number): an optional minus, digits, and a decimal separator with one or two decimals.
 */
final class Amounts2 {
  /** Returned for a text that is not an amount. */
  static final long INVALID = Long.MIN_VALUE;
  /** At most 15 digits before the separator: a thousand billion euros and more fit a long in cents. */
  private static final int MAX_DIGITS = 15;

  private Amounts2() {}

  /** XAF: decimal point ({@code 1234.56}, {@code -3.5}, {@code 12}). */
  static long cents(String s) {
    return cents(s, 0, s.length(), '.');
  }

  /** {@code s} with {@code separator} as its decimal separator, in cents; {@link #INVALID} when it is not one. */
  static long cents(String s, char separator) {
    return cents(s, 0, s.length(), separator);
  }

  /**
   * The characters {@code from} to {@code to} of {@code s} (straight from the parser's buffer, no
   * string made) with {@code separator} as the decimal separator, in cents; {@link #INVALID} when they
   * are not an amount.
   */
  static long cents(CharSequence s, int from, int to, char separator) {
    int i = from;
    boolean negative = false;
    if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long whole = 0;
    int digits = 0;
    while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      if (digits == MAX_DIGITS) {
        return INVALID;
      }
      whole = whole * 10 + (s.charAt(i) - '0');
      digits++;
      i++;
    }
    if (digits == 0) {
      return INVALID;
    }
    long fraction = 0;
    if (i < to) {
      if (s.charAt(i) != separator) {
        return INVALID;
      }
      i++;
      int decimals = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && decimals < 3) {
        fraction = fraction * 10 + (s.charAt(i) - '0');
        decimals++;
        i++;
      }
      if (decimals == 0 || decimals > 2 || i != to) {
        return INVALID;
      }
      if (decimals == 1) {
        fraction *= 10;
      }
    }
    long cents = whole * 100 + fraction;
    return negative ? -cents : cents;
  }
}
