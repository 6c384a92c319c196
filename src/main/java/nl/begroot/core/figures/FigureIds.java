package nl.begroot.core.figures;

import java.util.Optional;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Budget;

/**
 * The ids of the figures other code asks for by name ({@code table/row/column}), in one place for
 * every caller outside the builder. The shapes are {@link DocumentBuilder}'s: each method here
 * delegates to it, so that an id is spelled by one owner.
 */
public final class FigureIds {
  private FigureIds() {}

  /** Tabel 1's table id. */
  public static final String TABEL_1 = DocumentBuilder.TABEL_1;

  /** A programme's table, e.g. {@code programme-2}. */
  public static String programmeTable(String programmeId) {
    return DocumentBuilder.programmeTableId(programmeId);
  }

  /** The table of a proposal's breakdown into components, e.g. {@code breakdown-2.7-soc}. */
  public static String breakdownTable(String proposalId) {
    return DocumentBuilder.breakdownTableId(proposalId);
  }

  /** Whether a figure is a proposal's line in its programme table ({@code programme-P/PROPOSAL/YEAR}); gives the proposal id. */
  public static java.util.Optional<String> proposalOfLine(String figureId) {
    String[] id = figureId.split("/");
    return id.length == 3 && id[0].startsWith(DocumentBuilder.programmeTableId("")) ? java.util.Optional.of(id[1]) : java.util.Optional.empty();
  }

  /** Any figure: {@code table/row/column}. */
  public static String of(String table, String row, Object column) {
    return DocumentBuilder.id(table, row, column);
  }

  /** A programme table's figure, e.g. {@code programme-2/new.lasten/2027} or a proposal line {@code programme-2/2.7-soc/2027}. */
  public static String programme(String programmeId, String row, int year) {
    return of(DocumentBuilder.programmeTableId(programmeId), row, year);
  }

  /** Tabel 1's figure, e.g. {@code tabel-1/new.saldo/2027}. */
  public static String tabel1(String row, int year) {
    return of(DocumentBuilder.TABEL_1, row, year);
  }

  /** The table of Bijlage 1 of a year, e.g. {@code bijlage-1-2027}. */
  public static String annexTable(int year) {
    return DocumentBuilder.annexTableId(year);
  }

  /** A member's figure in a column of Bijlage 1 of a year, e.g. {@code bijlage-1-2027/GE/2}. */
  public static String annex(int year, String row, String columnId) {
    return of(DocumentBuilder.annexTableId(year), row, columnId);
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
