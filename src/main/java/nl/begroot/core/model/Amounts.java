package nl.begroot.core.model;

import java.util.Arrays;
import nl.begroot.core.money.Money;

/**
 * Amounts per year of one line: per year either blank (no figure), {@code pm} (not known yet,
 * counted as 0) or an amount in cents. Years are the version's years, by index.
 */
public final class Amounts {
  public enum Kind {
    BLANK,
    AMOUNT,
    PM
  }

  private static final byte BLANK = 0;
  private static final byte AMOUNT = 1;
  private static final byte PM = 2;

  /** Lines of up to this many years whose years are all amounts, or all blank, share one kinds array. */
  private static final int SHARED_UP_TO = 32;
  private static final byte[][] ALL_AMOUNT = new byte[SHARED_UP_TO + 1][];
  private static final byte[][] ALL_BLANK = new byte[SHARED_UP_TO + 1][];

  static {
    for (int n = 0; n <= SHARED_UP_TO; n++) {
      ALL_AMOUNT[n] = new byte[n];
      Arrays.fill(ALL_AMOUNT[n], AMOUNT);
      ALL_BLANK[n] = new byte[n];
    }
  }

  private final long[] cents;
  /** Never written after construction, and never handed out: the common all-amount or all-blank one is shared. */
  private final byte[] kinds;
  private final boolean anyPm;

  private Amounts(long[] cents, byte[] kinds) {
    this.cents = cents;
    this.kinds = shared(kinds);
    boolean pm = false;
    for (byte k : kinds) {
      pm |= k == PM;
    }
    this.anyPm = pm;
  }

  /**
   * The shared array equal to {@code kinds} when a line's years are all amounts or all blank (32 bytes less per
   * line of 10 years, 3,2 per cell, decision 243), else {@code kinds} itself.
   */
  private static byte[] shared(byte[] kinds) {
    int n = kinds.length;
    if (n > SHARED_UP_TO) {
      return kinds;
    }
    byte first = n == 0 ? BLANK : kinds[0];
    if (first != AMOUNT && first != BLANK) {
      return kinds;
    }
    for (int y = 1; y < n; y++) {
      if (kinds[y] != first) {
        return kinds;
      }
    }
    return first == AMOUNT ? ALL_AMOUNT[n] : ALL_BLANK[n];
  }

  public static Amounts blank(int years) {
    return new Amounts(new long[years], new byte[years]);
  }

  /** Every year an amount (blank years are not possible through this factory). */
  public static Amounts of(long... cents) {
    byte[] kinds = new byte[cents.length];
    Arrays.fill(kinds, AMOUNT);
    return new Amounts(cents.clone(), kinds);
  }

  /** Wraps arrays without copying; the caller gives up ownership. For generators and the engine. */
  public static Amounts wrap(long[] cents, byte[] kinds) {
    return new Amounts(cents, kinds);
  }

  public int size() {
    return cents.length;
  }

  public long cents(int yearIndex) {
    return cents[yearIndex];
  }

  public Money money(int yearIndex) {
    return Money.ofCents(cents[yearIndex]);
  }

  public Kind kind(int yearIndex) {
    return switch (kinds[yearIndex]) {
      case AMOUNT -> Kind.AMOUNT;
      case PM -> Kind.PM;
      default -> Kind.BLANK;
    };
  }

  public boolean isPm(int yearIndex) {
    return kinds[yearIndex] == PM;
  }

  public boolean anyPm() {
    return anyPm;
  }

  /** The raw cents array (read-only by convention). pm and blank years hold 0. */
  public long[] centsArray() {
    return cents;
  }

  /** Equal when every year has the same kind and the same cents (value equality, not identity). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Amounts other && Arrays.equals(cents, other.cents) && Arrays.equals(kinds, other.kinds);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(cents) + Arrays.hashCode(kinds);
  }

  /** For messages and test output, e.g. {@code [100.00, pm, -]} (blank years as {@code -}). */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("[");
    for (int y = 0; y < cents.length; y++) {
      s.append(y == 0 ? "" : ", ").append(switch (kind(y)) {
        case AMOUNT -> Money.ofCents(cents[y]).toString();
        case PM -> "pm";
        case BLANK -> cents[y] == 0 ? "-" : "-(" + cents[y] + ")";
      });
    }
    return s.append(']').toString();
  }

  public Builder toBuilder() {
    return new Builder(cents.clone(), kinds.clone());
  }

  public static Builder builder(int years) {
    return new Builder(new long[years], new byte[years]);
  }

  /** Collects amounts year by year. */
  public static final class Builder {
    private final long[] cents;
    private final byte[] kinds;

    private Builder(long[] cents, byte[] kinds) {
      this.cents = cents;
      this.kinds = kinds;
    }

    public Builder amount(int yearIndex, long value) {
      cents[yearIndex] = value;
      kinds[yearIndex] = AMOUNT;
      return this;
    }

    public Builder add(int yearIndex, long value, Kind kind) {
      if (kind == Kind.AMOUNT) {
        cents[yearIndex] = Math.addExact(cents[yearIndex], value);
        kinds[yearIndex] = AMOUNT;
      } else if (kind == Kind.PM && kinds[yearIndex] == BLANK) {
        kinds[yearIndex] = PM;
      }
      return this;
    }

    public Builder pm(int yearIndex) {
      cents[yearIndex] = 0;
      kinds[yearIndex] = PM;
      return this;
    }

    public Amounts build() {
      return new Amounts(cents.clone(), kinds.clone());
    }
  }
}
