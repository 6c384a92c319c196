package nl.begroot.core.audit;

/**
 * One difference found by the audit (rekenkundige controle).
 *
 * @param table the printed table, e.g. {@code tabel-1}
 * @param row the row id
 * @param column the column id (a year, an annex column)
 * @param printed the figure as the document printed it
 * @param computed what it should be: Begroot's figure (for {@link Kind#VALUE}) or the sum of the
 *     printed parts (for {@link Kind#FOOTING})
 */
public record Finding(
    String table, String row, String column, String printed, String computed, Kind kind, Cause cause, String message) {

  /** What kind of difference. */
  public enum Kind {
    /** The printed figure differs from Begroot's computed figure. */
    VALUE,
    /** A printed total is not the sum of its printed parts. */
    FOOTING,
    /** The same figure is printed differently in two places. */
    CROSS_TABLE,
    /** A distribution key does not add up to 100 %. */
    KEY,
    /** The frame does not balance (lasten differ from baten). */
    FRAME_BALANCE
  }

  /** The likely cause. */
  public enum Cause {
    ROUNDING,
    ERROR
  }
}
