package nl.begroot.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "validate", description = "Check a budget file and report every problem with its place (and warnings, such as a literal amount in a narrative that no figure has).")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "budget file (default: the built-in IPO budget)")
  Path file;

  @Override
  public Integer call() {
    LoadResult result = file == null ? BudgetFiles.loadBuiltIn() : BudgetFiles.load(file);
    if (result instanceof LoadResult.Rejected rejected) {
      Loaded.report(rejected, spec.commandLine().getErr());
      return Main.BAD_INPUT;
    }
    var loaded = (LoadResult.Loaded) result;
    var budget = loaded.budget();
    for (var w : loaded.warnings()) { // worth a look, but the file is valid: the exit code stays 0
      spec.commandLine().getErr().println(w.file() + ":" + w.line() + ":" + w.column() + ": warning: " + w.message());
    }
    int n = loaded.warnings().size();
    spec.commandLine().getOut().printf("OK: %s: %s, %s; %d programmes, %d proposals, %d members, %d keys%s%n",
        file == null ? BudgetFiles.BUILT_IN : file, budget.organisation().name(), budget.version().title(),
        budget.programmes().size(), budget.proposals().size(), budget.members().size(), budget.keys().size(),
        n == 0 ? "" : "; " + n + (n == 1 ? " warning" : " warnings"));
    return Main.OK;
  }
}
