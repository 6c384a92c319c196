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

  /** Lines of up to this many years hold their kinds in one {@code long}, two bits a year (decision 245). */
  private static final int PACKED_UP_TO = 32;
  /** In {@link #packedKinds}, the high bit of every year: set for pm only. */
  private static final long PM_BITS = 0xAAAA_AAAA_AAAA_AAAAL;

  private final long[] cents;
  /** Up to {@link #PACKED_UP_TO} years: each year's kind in two bits, year 0 lowest. */
  private final long packedKinds;
  /** More years: each year's kind; never written after construction, never handed out. Else null. */
  private final byte[] wideKinds;

  private Amounts(long[] cents, byte[] kinds) {
    this.cents = cents;
    if (kinds.length <= PACKED_UP_TO) {
      long packed = 0;
      for (int y = 0; y < kinds.length; y++) {
        packed |= (long) kinds[y] << 2 * y;
      }
      this.packedKinds = packed;
      this.wideKinds = null;
    } else {
      this.packedKinds = 0;
      this.wideKinds = kinds;
    }
  }

  /** A line's amounts held by its {@link Proposal} in these parts (see {@link #packedKinds()}). */
  Amounts(long[] cents, long packedKinds, byte[] wideKinds) {
    this.cents = cents;
    this.packedKinds = packedKinds;
    this.wideKinds = wideKinds;
  }

  /** The kinds of up to 32 years, two bits a year; 0 when {@link #wideKinds()} holds them. For {@link Proposal}. */
  long packedKinds() {
    return packedKinds;
  }

  /** The kinds of more than 32 years, else null (shared, never written). For {@link Proposal}. */
  byte[] wideKinds() {
    return wideKinds;
  }

  private byte kindByte(int yearIndex) {
    java.util.Objects.checkIndex(yearIndex, cents.length);
    return wideKinds != null ? wideKinds[yearIndex] : (byte) (packedKinds >>> 2 * yearIndex & 0b11);
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
    return switch (kindByte(yearIndex)) {
      case AMOUNT -> Kind.AMOUNT;
      case PM -> Kind.PM;
      default -> Kind.BLANK;
    };
  }

  public boolean isPm(int yearIndex) {
    return kindByte(yearIndex) == PM;
  }

  public boolean anyPm() {
    if (wideKinds == null) {
      return (packedKinds & PM_BITS) != 0;
    }
    for (byte k : wideKinds) {
      if (k == PM) {
        return true;
      }
    }
    return false;
  }

  /** The raw cents array (read-only by convention). pm and blank years hold 0. */
  public long[] centsArray() {
    return cents;
  }

  /** Equal when every year has the same kind and the same cents (value equality, not identity). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Amounts other && packedKinds == other.packedKinds && Arrays.equals(cents, other.cents)
        && Arrays.equals(wideKinds, other.wideKinds);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(cents) + Arrays.hashCode(kinds());
  }

  /** Each year's kind as a byte (a copy). */
  private byte[] kinds() {
    if (wideKinds != null) {
      return wideKinds.clone();
    }
    byte[] kinds = new byte[cents.length];
    for (int y = 0; y < kinds.length; y++) {
      kinds[y] = kindByte(y);
    }
    return kinds;
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
    return new Builder(cents.clone(), kinds());
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
