package nl.begroot.core.figures;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one owner of a printed figure's name for people: "Tabel 1, Nieuw kader, Totaal lasten 2027"
 * instead of {@code tabel-1/new.lasten/2027}. Built from what the tables already know: the table's
 * title, the row's label (with the heading above it when the label alone is not unique in its
 * table) and the column's label.
 *
 * <p>The words are the document's own, as it prints them (Dutch for the IPO budget), in every
 * language of Begroot: a controller looks the place up in the PDF they hold, so the name is never
 * translated. Only the sentences around it follow the reader's language.
 *
 * <ul>
 *   <li>Table: the short name before the title's first ". " when it is a word and a number
 *       ("Tabel 1. Begrotingsvolume ..." is "Tabel 1"), unless another table has the same short name
 *       (the annexes "Bijlage 1. Bijdragen per provincie 2026", "... 2027": their full title).
 *   <li>Heading: the nearest section or subsection above the row, without its Roman numeral and what
 *       follows a colon ("III. Nieuw kader: Begroting 2027 ..." is "Nieuw kader").
 *   <li>Column: a year follows the row ("Totaal lasten 2027"); another column follows a comma
 *       ("Gelderland, Totaal IPO-vereniging").
 * </ul>
 */
public final class FigureLabels {
  private static final Pattern SHORT_NAME = Pattern.compile("^(\\p{L}+ \\d+[a-z]?)\\. ");
  private static final Pattern ROMAN = Pattern.compile("^[IVXLC]+\\. ");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private final Document document;

  private FigureLabels(Document document) {
    this.document = document;
  }

  public static FigureLabels of(Document document) {
    return new FigureLabels(document);
  }

  /**
   * The name of a figure by its id ({@code table/row/column}): the name of the cell when the id names
   * one, otherwise the figure's own label; the id itself when there is no such figure.
   */
  public String figure(String figureId) {
    String[] parts = figureId.split("/");
    if (parts.length == 3) {
      Optional<String> cell = cell(parts[0], parts[1], parts[2]);
      if (cell.isPresent()) {
        return cell.get();
      }
    }
    return document.graph().find(figureId).map(Figure::label).orElse(figureId);
  }

  /** The name of a table's cell; empty when the document has no such table, row or column. */
  public Optional<String> cell(String tableId, String rowId, String columnId) {
    Optional<Table> table = document.table(tableId);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    Table t = table.get();
    int r = rowIndex(t, rowId);
    int c = t.columnIndex(columnId);
    if (r < 0 || c < 0) {
      return Optional.empty();
    }
    String column = t.columns().get(c).label();
    String row = row(t, r);
    return Optional.of(table(t) + ", " + row + (YEAR.matcher(column).matches() ? " " : ", ") + column);
  }

  private static final Pattern TOTAL_ROW = Pattern.compile("^(frame|change|new)\\.(lasten|baten|saldo)$");
  private static final Pattern PROGRAMME_ROW = Pattern.compile("^change\\.(lasten|baten)\\.(.+)$");

  /**
   * The name of a place in a table in words, also when the table has no such cell (a printed line
   * Begroot does not print, a key's total): the cell's name when there is one, otherwise the table's
   * name, the row in words ({@link #rowWords}) and the column (a year, or the column's label).
   */
  public String place(String tableId, String rowId, String columnId) {
    Optional<String> cell = cell(tableId, rowId, columnId);
    if (cell.isPresent()) {
      return cell.get();
    }
    String column = columnId == null || columnId.isEmpty() ? ""
        : YEAR.matcher(columnId).matches() ? " " + columnId
        : ", " + document.table(tableId).flatMap(t -> t.columns().stream().filter(c -> c.id().equals(columnId)).findFirst())
            .map(Table.Column::label).orElse(columnId);
    return table(tableId) + ", " + rowWords(tableId, rowId) + column;
  }

  /**
   * A row by its id in words: its label in the table; else its label in another table of the
   * document; else the name of the proposal, member or programme line it stands for; else the
   * document's words for the frame, change and new-frame totals. Only a row id nothing in the budget
   * knows comes back as it is, quoted.
   */
  public String rowWords(String tableId, String rowId) {
    Optional<Table> table = document.table(tableId);
    if (table.isPresent() && rowIndex(table.get(), rowId) >= 0) {
      return row(table.get(), rowIndex(table.get(), rowId));
    }
    for (Table t : document.tables()) {
      int r = rowIndex(t, rowId);
      if (r >= 0 && t.rows().get(r).style() != Table.Style.TOTAL) {
        return t.rows().get(r).label();
      }
    }
    var budget = document.computation().budget();
    Optional<String> named = budget.proposal(rowId).map(p -> p.title())
        .or(() -> budget.member(rowId).map(m -> m.name()));
    if (named.isPresent()) {
      return named.get();
    }
    Matcher programme = PROGRAMME_ROW.matcher(rowId);
    if (programme.matches()) {
      String title = budget.programme(programme.group(2)).map(p -> p.id() + ". " + p.title()).orElse("programma " + programme.group(2));
      return "Wijziging " + programme.group(1) + ", " + title;
    }
    Matcher total = TOTAL_ROW.matcher(rowId);
    if (total.matches()) {
      String heading = switch (total.group(1)) {
        case "frame" -> "Kader";
        case "change" -> "Wijziging";
        default -> "Nieuw kader";
      };
      String line = switch (total.group(2)) {
        case "lasten" -> "Totaal lasten";
        case "baten" -> "Totaal baten";
        default -> "Saldo";
      };
      return heading + ", " + line;
    }
    return "regel '" + rowId + "'";
  }

  /** The name of a row of a table (with its heading when needed); empty when there is none. */
  public Optional<String> row(String tableId, String rowId) {
    Optional<Table> table = document.table(tableId);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    int r = rowIndex(table.get(), rowId);
    return r < 0 ? Optional.empty() : Optional.of(table(table.get()) + ", " + row(table.get(), r));
  }

  /** A table's name: its short name when that is unique in the document, else its title. */
  public String table(Table t) {
    Optional<String> shortName = shortName(t.title());
    if (shortName.isEmpty()) {
      return t.title();
    }
    long same = document.tables().stream().filter(o -> shortName.equals(shortName(o.title()))).count();
    return same == 1 ? shortName.get() : t.title();
  }

  /** A table's name by id; the id when the document has no such table. */
  public String table(String tableId) {
    return document.table(tableId).map(this::table).orElse(tableId);
  }

  private static Optional<String> shortName(String title) {
    Matcher m = SHORT_NAME.matcher(title);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static int rowIndex(Table t, String rowId) {
    List<Table.Row> rows = t.rows();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).id().equals(rowId)) {
        return i;
      }
    }
    return -1;
  }

  private static String row(Table t, int index) {
    Table.Row row = t.rows().get(index);
    long sameLabel = t.rows().stream().filter(o -> !heading(o) && o.label().equals(row.label())).count();
    if (sameLabel <= 1 || heading(row)) {
      return row.label();
    }
    for (int i = index - 1; i >= 0; i--) {
      if (heading(t.rows().get(i))) {
        return headingName(t.rows().get(i).label()) + ", " + row.label();
      }
    }
    return row.label();
  }

  private static boolean heading(Table.Row row) {
    return row.style() == Table.Style.SECTION || row.style() == Table.Style.SUBSECTION;
  }

  private static String headingName(String label) {
    String s = ROMAN.matcher(label).replaceFirst("");
    int colon = s.indexOf(':');
    return (colon > 0 ? s.substring(0, colon) : s).strip();
  }
}
