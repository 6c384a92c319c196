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
}
