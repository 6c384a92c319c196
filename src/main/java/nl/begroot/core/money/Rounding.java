package nl.begroot.core.money;

/** Integer divisions that say how they round. */
public final class Rounding {
  private Rounding() {}

  /** {@code n / d} rounded to the nearest integer, halves away from zero. {@code d > 0}. */
  public static long divideHalfAwayFromZero(long n, long d) {
    if (d <= 0) {
      throw new IllegalArgumentException("divisor must be positive");
    }
    long q = n / d;
    long r = n % d; // same sign as n
    if (Math.abs(r) * 2 >= d) {
      q += Long.signum(n);
    }
    return q;
  }

  /** {@code n / d} rounded towards negative infinity. {@code d > 0}. */
  public static long floorDivide(long n, long d) {
    return Math.floorDiv(n, d);
  }

  /** {@code n / d} rounded towards positive infinity. {@code d > 0}. */
  public static long ceilDivide(long n, long d) {
    return -Math.floorDiv(-n, d);
  }
}
