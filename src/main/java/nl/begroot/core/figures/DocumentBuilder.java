package nl.begroot.core.figures;

import nl.begroot.core.engine.Computation;
import nl.begroot.core.model.Programme;

/**
 * Builds the document's figures and tables from a {@link Computation}. Every total is defined as a
 * sum of the figures it totals and computed from them; each is then checked against the engine's own
 * arrays, so the two independent paths must agree to the cent.
 *
 * <p>The work is done in rooms over one shared {@link FigureSheet}: first the figures every table
 * stands on ({@link LineFigures}), then one builder per table family ({@link ProgrammeTables},
 * {@link Tabel1Table}, {@link AnnexTables}, {@link StructuralTable}, {@link PassThroughTable},
 * {@link BreakdownTables}), in the order the tables appear. The ids are {@link FigureIds}'.
 */
public final class DocumentBuilder {
  /** The rule of a structural row: its lines, and the components of a breakdown by their own nature. */
  public static final String NATURE_RULE = StructuralTable.NATURE_RULE;

  private DocumentBuilder() {}

  public static Document build(Computation computation) {
    FigureSheet sheet = new FigureSheet(computation);
    new LineFigures(sheet).build();
    ProgrammeTables programmes = new ProgrammeTables(sheet);
    for (Programme programme : sheet.budget.programmes()) {
      programmes.build(programme);
    }
    new Tabel1Table(sheet).build();
    AnnexTables annex = new AnnexTables(sheet);
    for (int y = 0; y < sheet.years.size(); y++) {
      annex.build(y);
    }
    new StructuralTable(sheet).build();
    new PassThroughTable(sheet).build();
    BreakdownTables breakdowns = new BreakdownTables(sheet);
    for (int i = 0; i < sheet.budget.proposals().size(); i++) {
      if (sheet.budget.proposals().get(i).breakdown() != null) {
        breakdowns.build(i);
      }
    }
    return new Document(computation, sheet.graph, sheet.tables);
  }
}
