package nl.begroot.core.money;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Splits an amount of cents over weighted parts so that the parts add up exactly to the whole.
 *
 * <p>Rounding rule (largest remainder, Hamilton's method): each part first gets its exact quota
 * {@code total * weight / sum(weights)} rounded towards zero; the cents still missing go one each to
 * the parts with the largest remainders, ties to the earlier part. A negative total is split as its
 * absolute value and negated, so a key treats a rise and a fall alike.
 */
public final class Allocation {
  private Allocation() {}

  /** Splits {@code totalCents} by {@code weights} (non-negative, not all zero). */
  public static long[] allocate(long totalCents, BigInteger[] weights) {
    BigInteger sum = BigInteger.ZERO;
    for (BigInteger w : weights) {
      if (w.signum() < 0) {
        throw new IllegalArgumentException("negative weight");
      }
      sum = sum.add(w);
    }
    if (sum.signum() == 0) {
      throw new IllegalArgumentException("weights add up to zero");
    }
    int n = weights.length;
    long[] parts = new long[n];
    if (totalCents == 0) {
      return parts;
    }
    BigInteger total = BigInteger.valueOf(totalCents).abs();
    BigInteger[] remainders = new BigInteger[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      BigInteger[] qr = total.multiply(weights[i]).divideAndRemainder(sum);
      parts[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      given += parts[i];
    }
    long missing = total.longValueExact() - given; // < n
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = remainders[b].compareTo(remainders[a]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    for (int k = 0; k < missing; k++) {
      parts[order[k]]++;
    }
    if (totalCents < 0) {
      for (int i = 0; i < n; i++) {
        parts[i] = -parts[i];
      }
    }
    return parts;
  }

  /**
   * The same split as {@link #allocate(long, BigInteger[])}, to the cent, for weights that fit a
   * {@code long} (their sum {@code weightSum}, positive): quotas in {@code long} arithmetic while
   * {@code |total| * weight} fits, the remainders ordered by one primitive sort (largest first, ties
   * to the earlier part). Falls back to the {@code BigInteger} split when a product or the packed
   * sort key would not fit.
   */
  public static long[] allocate(long totalCents, long[] weights, long weightSum) {
    int n = weights.length;
    long[] parts = new long[n];
    if (totalCents == 0) {
      return parts;
    }
    if (totalCents == Long.MIN_VALUE || weightSum <= 0) {
      return allocate(totalCents, big(weights));
    }
    long total = Math.abs(totalCents);
    int indexBits = 32 - Integer.numberOfLeadingZeros(Math.max(n, 1));
    if (weightSum >= 1L << (62 - indexBits)) {
      return allocate(totalCents, big(weights));
    }
    long[] keys = new long[n];
    long given = 0;
    long indexMask = (1L << indexBits) - 1;
    for (int i = 0; i < n; i++) {
      long w = weights[i];
      long product = total * w;
      if (Math.multiplyHigh(total, w) != 0 || product < 0) {
        return allocate(totalCents, big(weights));
      }
      long quota = product / weightSum;
      parts[i] = quota;
      given += quota;
      // larger remainder first, then the earlier part: ascending sort, read from the end
      keys[i] = ((product - quota * weightSum) << indexBits) | (indexMask - i);
    }
    long missing = total - given; // < n
    if (missing > 0) {
      // the parts with the `missing` largest keys (all keys differ: the index is in them) get one
      // cent each; a selection puts exactly those at the end, in linear time instead of a sort
      selectLargest(keys, (int) missing);
      for (int k = n - (int) missing; k < n; k++) {
        parts[(int) (indexMask - (keys[k] & indexMask))]++;
      }
    }
    if (totalCents < 0) {
      for (int i = 0; i < n; i++) {
        parts[i] = -parts[i];
      }
    }
    return parts;
  }

  /**
   * Reorders {@code keys} (all different) so that its {@code count} largest are in the last
   * {@code count} places, in any order (a quickselect; the sort below {@value #SORT_BELOW} keys).
   */
  static void selectLargest(long[] keys, int count) {
    int n = keys.length;
    int target = n - count; // every key at or after this place is one of the largest
    int lo = 0;
    int hi = n - 1;
    while (hi - lo >= SORT_BELOW) {
      int mid = (lo + hi) >>> 1;
      // median of three as the pivot
      long a = keys[lo];
      long b = keys[mid];
      long c = keys[hi];
      long pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (keys[i] < pivot) {
          i++;
        }
        while (keys[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = keys[i];
          keys[i] = keys[j];
          keys[j] = t;
          i++;
          j--;
        }
      }
      // now keys[lo..j] <= pivot <= keys[i..hi], and j < i
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return; // target lies between j and i: those places hold the pivot, in place
      }
    }
    Arrays.sort(keys, lo, hi + 1);
  }

  private static final int SORT_BELOW = 16;

  /** Weights as {@code long}s with their sum, or null when one is negative or they do not fit. */
  public static long[] longWeights(BigInteger[] weights) {
    long[] w = new long[weights.length + 1];
    long sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i].signum() < 0 || weights[i].bitLength() > 62) {
        return null;
      }
      w[i] = weights[i].longValue();
      sum += w[i];
      if (sum < 0) {
        return null;
      }
    }
    w[weights.length] = sum;
    return w;
  }

  private static BigInteger[] big(long[] weights) {
    BigInteger[] b = new BigInteger[weights.length];
    for (int i = 0; i < weights.length; i++) {
      b[i] = BigInteger.valueOf(weights[i]);
    }
    return b;
  }
}
