package nl.begroot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.begroot.core.audit.AuditSummary;
import nl.begroot.core.audit.Auditor;
import nl.begroot.core.audit.Finding;
import nl.begroot.render.JsonRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "audit", description = "Rekenkundige controle: check the printed figures of a budget file against"
    + " their computed values and against the sums of their own printed parts. Each finding is rounding,"
    + " an inconsistency in the document, changed since publication, or an error; exit code 1 only for"
    + " inconsistencies and errors.")
final class AuditCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "budget file (default: the built-in IPO budget)")
  Path file;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!List.of("text", "json").contains(format)) {
      err.println("begroot audit: --format must be text or json, not '" + format + "'");
      return Main.BAD_INPUT;
    }
    Loaded loaded = Loaded.load(file, err);
    if (loaded == null) {
      return Main.BAD_INPUT;
    }
    List<Finding> findings = Auditor.audit(loaded.document(), loaded.printed());
    if (format.equals("json")) {
      out.print(JsonRenderer.audit(findings));
    } else {
      out.print(AuditText.render(findings, loaded.budget().printed().tables().size()));
    }
    return AuditSummary.of(findings).needsAction() ? Main.FINDINGS : Main.OK;
  }
}
