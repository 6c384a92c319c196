package nl.begroot.core.model;

import java.util.Arrays;
import nl.begroot.core.money.Money;

/**
 * Amounts per year of one line: per year either blank (no figure), {@code pm} (not known yet,
 * counted as 0) or an amount in cents. Years are the version's years, by index.
 *
 * <p>The cents are held in an {@code int[]} when every year's fits in an {@code int} (up to
 * 21.474.836,47 in either direction, nearly every budget line), else in a {@code long[]} (decision 248): the choice
 * is made from the values alone, so two equal lines are always held alike, and nothing outside this class sees
 * it except {@link #centsArray()}, which widens into a new array when the cents are held narrow.
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

  /** The cents when every year's fits in an {@code int}, else null. Never written after construction. */
  private final int[] narrow;
  /** The cents when some year's does not fit in an {@code int}, else null. Never written after construction. */
  private final long[] wide;
  /** Up to {@link #PACKED_UP_TO} years: each year's kind in two bits, year 0 lowest. */
  private final long packedKinds;
  /** More years: each year's kind; never written after construction, never handed out. Else null. */
  private final byte[] wideKinds;

  /**
   * From the caller's arrays, copied (the caller may go on writing them): the cents into an {@code int[]} when
   * they fit, else into a new {@code long[]}; the kinds packed, or copied beyond 32 years.
   */
  private Amounts(long[] cents, byte[] kinds) {
    Object held = held(cents);
    this.narrow = held instanceof int[] n ? n : null;
    this.wide = held instanceof int[] ? null : cents.clone();
    if (kinds.length <= PACKED_UP_TO) {
      long packed = 0;
      for (int y = 0; y < kinds.length; y++) {
        packed |= (long) kinds[y] << 2 * y;
      }
      this.packedKinds = packed;
      this.wideKinds = null;
    } else {
      this.packedKinds = 0;
      this.wideKinds = kinds.clone();
    }
  }

  /**
   * The cents as this class holds them: a new {@code int[]} of the same values when every one fits in an {@code
   * int}, else the array itself.
   */
  private static Object held(long[] cents) {
    for (long c : cents) {
      if (c != (int) c) {
        return cents;
      }
    }
    int[] narrow = new int[cents.length];
    for (int y = 0; y < cents.length; y++) {
      narrow[y] = (int) cents[y];
    }
    return narrow;
  }

  /** A line's amounts held by its {@link Proposal} in these parts (see {@link #heldCents()}, {@link #packedKinds()}). */
  Amounts(Object heldCents, long packedKinds, byte[] wideKinds) {
    this.narrow = heldCents instanceof int[] n ? n : null;
    this.wide = heldCents instanceof int[] ? null : (long[]) heldCents;
    this.packedKinds = packedKinds;
    this.wideKinds = wideKinds;
  }

  /** The cents as held: an {@code int[]} or a {@code long[]}, shared, never written. For {@link Proposal}. */
  Object heldCents() {
    return narrow != null ? narrow : wide;
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
    java.util.Objects.checkIndex(yearIndex, size());
    return wideKinds != null ? wideKinds[yearIndex] : (byte) (packedKinds >>> 2 * yearIndex & 0b11);
  }

  public static Amounts blank(int years) {
    return new Amounts(new long[years], new byte[years]);
  }

  /** Every year an amount (blank years are not possible through this factory). */
  public static Amounts of(long... cents) {
    byte[] kinds = new byte[cents.length];
    Arrays.fill(kinds, AMOUNT);
    return new Amounts(cents, kinds);
  }

  public int size() {
    return narrow != null ? narrow.length : wide.length;
  }

  public long cents(int yearIndex) {
    return narrow != null ? narrow[yearIndex] : wide[yearIndex];
  }

  public Money money(int yearIndex) {
    return Money.ofCents(cents(yearIndex));
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

  /**
   * The cents per year as a {@code long[]}, read-only by convention: the array held when the cents are held
   * wide, a new one each call when they are held narrow. pm and blank years hold 0.
   */
  public long[] centsArray() {
    return wide != null ? wide : widened();
  }

  /** A new {@code long[]} of the cents. */
  private long[] widened() {
    if (wide != null) {
      return wide.clone();
    }
    long[] cents = new long[narrow.length];
    for (int y = 0; y < cents.length; y++) {
      cents[y] = narrow[y];
    }
    return cents;
  }

  /** Equal when every year has the same kind and the same cents (value equality, not identity). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Amounts other && packedKinds == other.packedKinds && java.util.Objects.deepEquals(heldCents(), other.heldCents())
        && Arrays.equals(wideKinds, other.wideKinds);
  }

  /** As before decision 248: the hash of the cents as a {@code long[]}, however they are held. */
  @Override
  public int hashCode() {
    int h = 1;
    for (int y = 0; y < size(); y++) {
      long c = cents(y);
      h = 31 * h + Long.hashCode(c);
    }
    return 31 * h + Arrays.hashCode(kinds());
  }

  /** Each year's kind as a byte (a copy). */
  private byte[] kinds() {
    if (wideKinds != null) {
      return wideKinds.clone();
    }
    byte[] kinds = new byte[size()];
    for (int y = 0; y < kinds.length; y++) {
      kinds[y] = kindByte(y);
    }
    return kinds;
  }

  /** For messages and test output, e.g. {@code [100.00, pm, -]} (blank years as {@code -}). */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("[");
    for (int y = 0; y < size(); y++) {
      s.append(y == 0 ? "" : ", ").append(switch (kind(y)) {
        case AMOUNT -> Money.ofCents(cents(y)).toString();
        case PM -> "pm";
        case BLANK -> cents(y) == 0 ? "-" : "-(" + cents(y) + ")";
      });
    }
    return s.append(']').toString();
  }

  public Builder toBuilder() {
    return new Builder(widened(), kinds());
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

    /** The line holds copies of the builder's arrays: building again or going on changes no line built. */
    public Amounts build() {
      return new Amounts(cents, kinds);
    }
  }
}
