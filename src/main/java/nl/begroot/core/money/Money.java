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
    if (text == null || !text.matches("[+-]?\\d+(\\.\\d{1,2})?")) {
      return Optional.empty();
    }
    try {
      BigDecimal euros = new BigDecimal(text);
      return Optional.of(new Money(euros.movePointRight(2).longValueExact()));
    } catch (ArithmeticException tooLarge) {
      return Optional.empty();
    }
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
