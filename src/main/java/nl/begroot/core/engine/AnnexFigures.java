package nl.begroot.core.engine;

import java.math.BigInteger;

/**
 * Bijlage 1 for every year: per column the change per part ("Totaal per deel"), the overhead spread
 * ("Bedrijfsvoering"), the amount to distribute ("Te verdelen bedrag") and its split per member. Sum
 * columns hold the sums of their parts; the third-party column is the last column.
 *
 * <p>The split of a column and year over the members ({@link Split}) is made when it is first read,
 * once, and kept: a computation fixes every amount to distribute, and the split of an amount by the
 * column's key is one definite answer (largest remainder), so making it later gives the same cents.
 * An update ({@link Engine#change}) takes over the splits of the previous computation whose amount
 * did not change (the object itself, made or not yet made), so that one edit costs what it touches and
 * a split nobody reads is never made.
 */
public final class AnnexFigures {
  final int columns; // annex columns + 1 third-party column (if any)
  final long[][] parts; // [c][y]
  final long[][] overhead; // [c][y]
  final Split[][] perMember; // [c][y]
  /** What an update reuses: per overhead-view programme and year the amount spread and its spread over the leaf columns. */
  final long[][] overheadChange; // [p][y]
  final long[][][] spread; // [p][y][leaf column], null for a programme that is not an overhead view

  /** Figures an update cannot reuse the overhead spreads of, with every split made (the row engine's). */
  AnnexFigures(long[][] parts, long[][] overhead, long[][][] perMember) {
    this(parts, overhead, made(perMember), null, null);
  }

  AnnexFigures(long[][] parts, long[][] overhead, Split[][] perMember, long[][] overheadChange, long[][][] spread) {
    this.columns = parts.length;
    this.parts = parts;
    this.overhead = overhead;
    this.perMember = perMember;
    this.overheadChange = overheadChange;
    this.spread = spread;
  }

  private static Split[][] made(long[][][] perMember) {
    Split[][] splits = new Split[perMember.length][];
    for (int c = 0; c < perMember.length; c++) {
      splits[c] = new Split[perMember[c].length];
      for (int y = 0; y < perMember[c].length; y++) {
        splits[c][y] = Split.made(perMember[c][y]);
      }
    }
    return splits;
  }

  public int columnCount() {
    return columns;
  }

  public long parts(int c, int y) {
    return parts[c][y];
  }

  public long overhead(int c, int y) {
    return overhead[c][y];
  }

  public long toDistribute(int c, int y) {
    return Math.addExact(parts[c][y], overhead[c][y]);
  }

  public long member(int c, int y, int m) {
    return perMember[c][y].members()[m];
  }

  /** Column {@code c}'s split of year {@code y} over the members (made now if not yet); not to be written. */
  long[] members(int c, int y) {
    return perMember[c][y].members();
  }

  /**
   * One column's split of one year over the members, made on first read: a leaf column's amount split
   * by its key's weights (largest remainder), or a sum column's member-wise sum of its leaves' splits.
   * Safe to read from several threads: two that read it first may both make it, with the same cents,
   * and the array is published through a volatile field; it is never written after.
   */
  static final class Split {
    private final long amount;
    private final BigInteger[] weights;
    private final long[] longWeights;
    private final long weightSum;
    private final Split[] leaves; // a sum column's, else null
    private final int memberCount;
    private volatile long[] members;

    private Split(long amount, BigInteger[] weights, long[] longWeights, long weightSum, Split[] leaves, int memberCount, long[] members) {
      this.amount = amount;
      this.weights = weights;
      this.longWeights = longWeights;
      this.weightSum = weightSum;
      this.leaves = leaves;
      this.memberCount = memberCount;
      this.members = members;
    }

    /** {@code amount} split by these weights, when read. */
    static Split of(long amount, BigInteger[] weights, long[] longWeights, long weightSum) {
      return new Split(amount, weights, longWeights, weightSum, null, weights.length, null);
    }

    /** The member-wise sum of the leaves' splits (none: zeros for {@code memberCount} members), when read. */
    static Split sum(Split[] leaves, int memberCount) {
      return new Split(0, null, null, 0, leaves, memberCount, null);
    }

    /** A split already made. */
    static Split made(long[] members) {
      return new Split(0, null, null, 0, null, members.length, members);
    }

    /** True for the sum of exactly these leaf splits (the same objects). */
    boolean sumOf(Split[] others) {
      if (leaves == null || leaves.length != others.length) {
        return false;
      }
      for (int i = 0; i < others.length; i++) {
        if (leaves[i] != others[i]) {
          return false;
        }
      }
      return true;
    }

    long[] members() {
      long[] m = members;
      if (m == null) {
        m = make();
        members = m;
      }
      return m;
    }

    private long[] make() {
      if (leaves == null) {
        return EngineState.Base.split(amount, weights, longWeights, weightSum);
      }
      long[] sum = new long[memberCount];
      for (Split leaf : leaves) {
        long[] l = leaf.members();
        for (int m = 0; m < sum.length; m++) {
          sum[m] = Math.addExact(sum[m], l[m]);
        }
      }
      return sum;
    }
  }
}
