package nl.begroot.core.figures;

import java.util.List;

/**
 * One table of the document: its columns and rows; each cell names a figure of the {@link
 * FigureGraph}, holds a percentage (a key share), or is empty. One table model feeds every
 * renderer (text, JSON, CSV, and later HTML, PDF and xlsx).
 *
 * @param centsPerUnit 100000 for tables in thousands ("x € 1.000"), 100 for tables in euros
 */
public record Table(
    String id, String title, long centsPerUnit, List<Column> columns, List<Row> rows) {
  public Table {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public boolean inThousands() {
    return centsPerUnit == 100_000;
  }

  public Row row(String rowId) {
    return rows.stream().filter(r -> r.id().equals(rowId)).findFirst().orElse(null);
  }

  public int columnIndex(String columnId) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).id().equals(columnId)) {
        return i;
      }
    }
    return -1;
  }

  /** A column: id (a year, an annex column id) and its heading. */
  public record Column(String id, String label) {}

  /** A row; {@code style} tells a renderer how to show it. */
  public record Row(String id, String label, Style style, List<Cell> cells) {
    public Row {
      cells = cells instanceof FigureCells ? cells : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
    }
  }

  /**
   * Calls {@code action} with the number in {@code graph} of each figure a cell names, row by row and
   * cell by cell; fails on an id the graph does not have. A row of proposal lines gives its numbers
   * without making its cells (decision 267).
   */
  public void forEachFigure(FigureGraph graph, java.util.function.IntConsumer action) {
    for (Row row : rows) {
      if (row.cells() instanceof FigureCells numbered && numbered.graph == graph) {
        for (int number : numbered.numbers) {
          if (number >= 0) {
            action.accept(number);
          }
        }
        continue;
      }
      for (Cell cell : row.cells()) {
        if (cell.figureId() != null) {
          int number = graph.indexOf(cell.figureId());
          if (number < 0) {
            throw new IllegalArgumentException("no figure " + cell.figureId());
          }
          action.accept(number);
        }
      }
    }
  }

  /**
   * The cells of a row as the numbers of their figures in a graph, -1 for an empty cell; a cell is made
   * when read (decision 267: at 10^6 cells a programme table's lines are a million cells, each with its
   * figure's id). Immutable.
   */
  public static final class FigureCells extends java.util.AbstractList<Cell> implements java.util.RandomAccess {
    private final FigureGraph graph;
    private final int[] numbers;

    FigureCells(FigureGraph graph, int[] numbers) {
      this.graph = graph;
      this.numbers = numbers; // the builder's own, handed over
      for (int number : this.numbers) {
        if (number < -1 || number >= graph.size()) {
          throw new IndexOutOfBoundsException("no figure numbered " + number);
        }
      }
    }

    @Override
    public Cell get(int index) {
      int number = numbers[java.util.Objects.checkIndex(index, numbers.length)];
      return number < 0 ? Cell.EMPTY : Cell.figure(graph.id(number));
    }

    @Override
    public int size() {
      return numbers.length;
    }
  }

  /** How a row is shown. */
  public enum Style {
    SECTION,
    SUBSECTION,
    LINE,
    TOTAL
  }

  /** A cell: a figure reference, a percentage (a key share), or empty (both null). */
  public record Cell(String figureId, java.math.BigDecimal percent) {
    public static final Cell EMPTY = new Cell(null, null);

    public static Cell figure(String id) {
      return new Cell(id, null);
    }

    public static Cell percent(java.math.BigDecimal percent) {
      return new Cell(null, percent);
    }
  }
}
