package nl.begroot.core.figures;

import java.util.ArrayList;
import java.util.List;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.PrintedDocument;
import nl.begroot.core.validate.ModelPath;
import nl.begroot.core.validate.Violation;

/**
 * Checks that the printed figures of a budget refer to tables its document has, with as many cells
 * as the table has columns: the part of validation that needs the computed document, run after
 * {@link nl.begroot.core.validate.BudgetValidator} found nothing. A printed row the computed table
 * lacks is not refused: the printed document is what was published, and a version edited since (a
 * proposal withdrawn) keeps it; the audit reports such a row.
 */
public final class PrintedTablesCheck {
  private PrintedTablesCheck() {}

  public static List<Violation> check(Budget budget, Document document) {
    List<Violation> found = new ArrayList<>();
    List<PrintedDocument.PrintedTable> tables = budget.printed().tables();
    for (int i = 0; i < tables.size(); i++) {
      PrintedDocument.PrintedTable printed = tables.get(i);
      ModelPath at = ModelPath.of("printed").field("tables").index(i);
      Table table = document.table(printed.table()).orElse(null);
      if (table == null) {
        found.add(new Violation(at.field("table"), "printed table '" + printed.table() + "' is not a table of this budget; its tables are "
            + String.join(", ", document.tables().stream().map(Table::id).toList())));
        continue;
      }
      for (var row : printed.rows().entrySet()) {
        if (table.row(row.getKey()) == null) {
          continue; // a published row that the data no longer has (a withdrawn proposal): the audit reports it
        }
        if (row.getValue().cells().size() != table.columns().size()) {
          found.add(new Violation(at.field("rows").key(row.getKey()), "printed row '" + row.getKey() + "' of table '" + printed.table()
              + "' (line " + row.getValue().line() + ") has " + row.getValue().cells().size() + " cells; the table has "
              + table.columns().size() + " columns"));
        }
      }
    }
    return found;
  }
}
