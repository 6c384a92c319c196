package nl.begroot.format;

import java.util.Map;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.PrintedDocument;
import nl.begroot.core.pipeline.Pipeline;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks that the printed figures of a file refer to tables the budget has, with as many cells as
 * the table has columns. A printed row the computed table lacks is not refused here: the printed
 * document is what was published, and a version edited since (a proposal withdrawn) keeps it; the
 * audit reports such a row.
 */
final class PrintedTables {
  private PrintedTables() {}

  /** Computes the document and checks the printed tables against it; the document, or null when it cannot be computed. */
  static Document check(Budget budget, Map<String, Map<String, Node>> nodes, Yaml yaml) {
    Document document;
    try {
      document = Pipeline.compute(budget).document(); // kept: whoever computes this budget next gets it
    } catch (ArithmeticException overflow) {
      yaml.error(null, "the amounts are too large to add up exactly in cents");
      return null;
    }
    for (PrintedDocument.PrintedTable printed : budget.printed().tables()) {
      Map<String, Node> tableNode = nodes.get(printed.table());
      Table table = document.table(printed.table()).orElse(null);
      if (table == null) {
        yaml.error(tableNode.get("table"), "printed table '" + printed.table() + "' is not a table of this budget; its tables are "
            + String.join(", ", document.tables().stream().map(Table::id).toList()));
        continue;
      }
      for (Map.Entry<String, PrintedDocument.PrintedRow> row : printed.rows().entrySet()) {
        Node rowsNode = tableNode.get("rows");
        Table.Row computed = table.row(row.getKey());
        if (computed == null) {
          continue; // a published row that the data no longer has (a withdrawn proposal): the audit reports it
        }
        if (row.getValue().cells().size() != table.columns().size()) {
          yaml.error(rowsNode, "printed row '" + row.getKey() + "' of table '" + printed.table() + "' (line " + row.getValue().line()
              + ") has " + row.getValue().cells().size() + " cells; the table has " + table.columns().size() + " columns");
        }
      }
    }
    return document;
  }
}
