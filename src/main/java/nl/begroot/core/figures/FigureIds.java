package nl.begroot.core.figures;

import java.util.Optional;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;

/**
 * The one owner of figure ids ({@code table/row/column}): the builders of the document spell every
 * id through these methods, and so does every other caller that asks for a figure by name.
 */
public final class FigureIds {
  private FigureIds() {}

  /** Tabel 1's table id. */
  public static final String TABEL_1 = "tabel-1";
  /** The structural overview's table id (recurring and one-off lasten and baten). */
  public static final String STRUCTURAL = "structureel";
  /** The table of the items moved to the pass-through budget. */
  public static final String PASS_THROUGH = "kassiersfunctie";
  /** The figures behind the balancing item that no table prints ({@code balance/other-baten/2027}). */
  public static final String BALANCE = "balance";

  private static final String PROGRAMME_PREFIX = "programme-";
  private static final String BREAKDOWN_PREFIX = "breakdown-";
  private static final String TRANSFER_PREFIX = "transfer-";

  /** Any figure: {@code table/row/column}. */
  public static String of(String table, String row, Object column) {
    return table + "/" + row + "/" + column;
  }

  /** A programme's table, e.g. {@code programme-2}. */
  public static String programmeTable(String programmeId) {
    return PROGRAMME_PREFIX + programmeId;
  }

  /** Whether a table id is a programme's table. */
  public static boolean isProgrammeTable(String tableId) {
    return tableId.startsWith(PROGRAMME_PREFIX);
  }

  /** The table of a proposal's breakdown into components, e.g. {@code breakdown-2.7-soc}. */
  public static String breakdownTable(String proposalId) {
    return BREAKDOWN_PREFIX + proposalId;
  }

  /** The proposal whose breakdown a table id is (also its raw components); empty for any other table. */
  public static Optional<String> proposalOfBreakdown(String tableId) {
    return tableId.startsWith(BREAKDOWN_PREFIX) ? Optional.of(tableId.substring(BREAKDOWN_PREFIX.length())) : Optional.empty();
  }

  /** The components of a breakdown as entered (not printed), e.g. {@code breakdown-2.7-soc/raw}. */
  public static String breakdownRawTable(String proposalId) {
    return breakdownTable(proposalId) + "/raw";
  }

  /** The legs of a transfer (not printed), e.g. {@code transfer-t1}. */
  public static String transferTable(String transferId) {
    return TRANSFER_PREFIX + transferId;
  }

  /** Whether a table id is a transfer's legs. */
  public static boolean isTransferTable(String tableId) {
    return tableId.startsWith(TRANSFER_PREFIX);
  }

  /** The table of Bijlage 1 of a year, e.g. {@code bijlage-1-2027}. */
  public static String annexTable(int year) {
    return "bijlage-1-" + year;
  }

  /** Whether a figure is a proposal's line in its programme table ({@code programme-P/PROPOSAL/YEAR}); gives the proposal id. */
  public static Optional<String> proposalOfLine(String figureId) {
    String[] id = figureId.split("/");
    return id.length == 3 && isProgrammeTable(id[0]) ? Optional.of(id[1]) : Optional.empty();
  }

  /** A programme table's figure, e.g. {@code programme-2/new.lasten/2027} or a proposal line {@code programme-2/2.7-soc/2027}. */
  public static String programme(String programmeId, String row, int year) {
    return of(programmeTable(programmeId), row, year);
  }

  /** Tabel 1's figure, e.g. {@code tabel-1/new.saldo/2027}. */
  public static String tabel1(String row, int year) {
    return of(TABEL_1, row, year);
  }

  /** A member's figure in a column of Bijlage 1 of a year, e.g. {@code bijlage-1-2027/GE/2}. */
  public static String annex(int year, String row, String columnId) {
    return of(annexTable(year), row, columnId);
  }

  /**
   * A member's whole change in Bijlage 1 of a year: its figure in the annex's total column
   * ({@link Annex#totalColumn()}), whatever that column is called. Empty when the budget has no
   * annex or the annex no total column.
   */
  public static Optional<String> memberTotal(Budget budget, int year, String memberId) {
    if (budget.annex() == null) {
      return Optional.empty();
    }
    return budget.annex().totalColumn().map(c -> annex(year, memberId, c.id()));
  }
}
