package nl.begroot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.begroot.core.figures.Table;
import nl.begroot.render.CsvRenderer;
import nl.begroot.render.JsonRenderer;
import nl.begroot.render.TextRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "compute", description = "Compute every table of the budget (in thousands, footing), or one of them.")
final class ComputeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "budget file (default: the built-in IPO budget)")
  Path file;

  @Option(names = "--table", paramLabel = "NAME", description = "only this table, e.g. tabel-1, programme-2, bijlage-1-2027")
  String table;

  @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--exact", description = "exact euros and cents instead of thousands (text format)")
  boolean exact;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!List.of("text", "json", "csv").contains(format)) {
      err.println("begroot compute: --format must be text, json or csv, not '" + format + "'");
      return Main.BAD_INPUT;
    }
    Loaded loaded = Loaded.load(file, err);
    if (loaded == null) {
      return Main.BAD_INPUT;
    }
    List<Table> tables = loaded.document().tables();
    if (table != null) {
      var one = loaded.document().table(table);
      if (one.isEmpty()) {
        err.println("begroot compute: no table '" + table + "'; the tables are: "
            + String.join(", ", tables.stream().map(Table::id).toList()));
        return Main.BAD_INPUT;
      }
      tables = List.of(one.get());
    }
    switch (format) {
      case "json" -> out.print(JsonRenderer.compute(loaded.document(), loaded.printed(), tables));
      case "csv" -> {
        out.print(CsvRenderer.HEADER);
        tables.forEach(t -> out.print(CsvRenderer.render(loaded.document(), loaded.printed(), t)));
      }
      default -> {
        for (Table t : tables) {
          out.println(TextRenderer.render(loaded.document(), loaded.printed(), t, exact));
        }
        loaded.printed().messages().forEach(n -> out.println("Note: " + n));
      }
    }
    return Main.OK;
  }
}
