package nl.begroot.core.figures;

import java.util.List;
import java.util.Optional;
import nl.begroot.core.engine.Computation;

/** The computed document: the computation, every figure with its lineage, and the tables. */
public record Document(Computation computation, FigureGraph graph, List<Table> tables) {
  public Document {
    tables = List.copyOf(tables);
  }

  public Optional<Table> table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
