package nl.begroot.core.accounts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The organisation's threshold for explaining a deviation: a deviation needs an explanation when it is
 * more than {@code cents} or more than {@code percent} % of its budget (either suffices; a deviation on
 * a budget of zero is more than any percentage of it). Compared exactly: {@code |d| * 100 > percent * |budget|}.
 */
public record Threshold(long cents, int percent) {
  /** The shipped default: every deviation over € 100.000 or 10 %. */
  public static final Threshold DEFAULT = new Threshold(10_000_000L, 10);
  /** The largest amount accepted: € 10 billion. */
  public static final long MAX_CENTS = 1_000_000_000_000L;

  public Threshold {
    List<String> p = problems(cents, percent);
    if (!p.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", p));
    }
  }

  /** What is wrong with a threshold, in words (empty when it is fine). */
  public static List<String> problems(long cents, int percent) {
    List<String> out = new ArrayList<>();
    if (cents < 0 || cents > MAX_CENTS) {
      out.add("the amount must be between € 0 and € 10.000.000.000");
    }
    if (percent < 0 || percent > 100) {
      out.add("the percentage must be between 0 and 100");
    }
    return out;
  }

  /** Whether {@code deviation} on {@code budget} (both cents) needs an explanation. */
  public boolean exceeded(long budget, long deviation) {
    if (deviation == 0) {
      return false;
    }
    BigInteger d = BigInteger.valueOf(deviation).abs();
    if (d.compareTo(BigInteger.valueOf(cents)) > 0) {
      return true;
    }
    return d.multiply(BigInteger.valueOf(100)).compareTo(BigInteger.valueOf(percent).multiply(BigInteger.valueOf(budget).abs())) > 0;
  }
}
