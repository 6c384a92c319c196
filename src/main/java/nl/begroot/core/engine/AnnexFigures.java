package nl.begroot.core.engine;

/**
 * Bijlage 1 for every year: per column the change per part ("Totaal per deel"), the overhead spread
 * ("Bedrijfsvoering"), the amount to distribute ("Te verdelen bedrag") and its split per member. Sum
 * columns hold the sums of their parts; the third-party column is the last column.
 */
public final class AnnexFigures {
  final int columns; // annex columns + 1 third-party column (if any)
  final long[][] parts; // [c][y]
  final long[][] overhead; // [c][y]
  final long[][][] perMember; // [c][y][m]
  /** What an update reuses: per overhead-view programme and year the amount spread and its spread over the leaf columns. */
  final long[][] overheadChange; // [p][y]
  final long[][][] spread; // [p][y][leaf column], null for a programme that is not an overhead view

  /** Figures an update cannot reuse the overhead spreads of. */
  AnnexFigures(long[][] parts, long[][] overhead, long[][][] perMember) {
    this(parts, overhead, perMember, null, null);
  }

  AnnexFigures(long[][] parts, long[][] overhead, long[][][] perMember, long[][] overheadChange, long[][][] spread) {
    this.columns = parts.length;
    this.parts = parts;
    this.overhead = overhead;
    this.perMember = perMember;
    this.overheadChange = overheadChange;
    this.spread = spread;
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
    return perMember[c][y][m];
  }
}
