package nl.begroot.core.money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An amount of money in integral euro cents. Never floating point; overflow throws.
 *
 * <p>Formatting lives outside this type (see {@code nl.begroot.render}).
 */
public record Money(long cents) implements Comparable<Money> {

  public static final Money ZERO = new Money(0);
  public static final long CENTS_PER_EURO = 100;
  public static final long CENTS_PER_THOUSAND = 100_000;

  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  public static Money ofEuros(long euros) {
    return new Money(Math.multiplyExact(euros, CENTS_PER_EURO));
  }

  /**
   * Parses a plain decimal euro amount such as {@code 1234}, {@code -12.5} or {@code 0.01}. At most
   * two decimals; no exponent, no thousands separators. Empty when the text is not such a number or
   * does not fit in a long of cents.
   */
  public static Optional<Money> parseEuros(String text) {
    if (text == null) {
      return Optional.empty();
    }
    // by hand, not by a regular expression and a BigDecimal: a budget of 10^6 amounts reads each one (decision 239)
    int n = text.length();
    int i = 0;
    boolean negative = false;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    long cents = 0; // counted below zero, so that the least long fits too
    try {
      int whole = i;
      for (; i < n && isDigit(text.charAt(i)); i++) {
        cents = Math.subtractExact(Math.multiplyExact(cents, 10), text.charAt(i) - '0');
      }
      if (i == whole) {
        return Optional.empty();
      }
      int decimals = 0;
      if (i < n && text.charAt(i) == '.') {
        int first = ++i;
        for (; i < n && isDigit(text.charAt(i)) && i - first < 2; i++) {
          cents = Math.subtractExact(Math.multiplyExact(cents, 10), text.charAt(i) - '0');
        }
        decimals = i - first;
        if (decimals == 0) {
          return Optional.empty();
        }
      }
      if (i != n) {
        return Optional.empty(); // anything else, a third decimal included
      }
      for (; decimals < 2; decimals++) {
        cents = Math.multiplyExact(cents, 10);
      }
      return Optional.of(new Money(negative ? cents : Math.negateExact(cents)));
    } catch (ArithmeticException tooLarge) {
      return Optional.empty();
    }
  }

  /** An ASCII digit, as {@code \d} in a regular expression. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(cents, other.cents));
  }

  public Money negate() {
    return new Money(Math.negateExact(cents));
  }

  public Money times(int factor) {
    return new Money(Math.multiplyExact(cents, factor));
  }

  public boolean isZero() {
    return cents == 0;
  }

  public int signum() {
    return Long.signum(cents);
  }

  /** Whole thousands of euros, rounded half away from zero (the document's "x € 1.000"). */
  public long roundedThousands() {
    return Rounding.divideHalfAwayFromZero(cents, CENTS_PER_THOUSAND);
  }

  /** The exact value in euros as a decimal (for display and explanation only). */
  public BigDecimal euros() {
    return BigDecimal.valueOf(cents, 2);
  }

  @Override
  public int compareTo(Money o) {
    return Long.compare(cents, o.cents);
  }

  @Override
  public String toString() {
    return euros().toPlainString();
  }
}
