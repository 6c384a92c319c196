package nl.begroot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.begroot.core.figures.FigureIds;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.publish.ProposalImport;
import nl.begroot.publish.Publication;
import nl.begroot.publish.Publisher;
import nl.begroot.render.TextRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "import-proposals", description = "Read budget proposals from a workbook's template sheet (Voorstellen, as" + " "
    + "begroot publish --format xlsx writes it) into a budget, all or nothing: every bad cell is reported and nothing" + " "
    + "changes; when the sheet is sound, shows the proposals and the Tabel 1 they give, and with --out writes the" + " "
    + "budget file with these proposals.")
final class ImportProposalsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BOOK.xlsx", description = "the workbook")
  Path book;

  @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "budget file the proposals go into (default: the built-in IPO budget)")
  Path file;

  @CommandLine.Option(names = "--out", paramLabel = "BUDGET.yaml", description = "write the budget with the imported proposals to this file")
  Path outFile;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(book)) {
      err.println("begroot import-proposals: no such file " + book);
      return Main.BAD_INPUT;
    }
    Loaded loaded = Loaded.load(file, err);
    if (loaded == null) {
      return Main.BAD_INPUT;
    }
    ProposalImport.Result result;
    try (InputStream in = Files.newInputStream(book)) {
      result = Publisher.importProposals(in, loaded.budget());
    }
    if (result instanceof ProposalImport.Refused refused) {
      for (ProposalImport.CellProblem p : refused.problems()) {
        err.println(book.getFileName() + ": " + p);
      }
      int n = refused.problems().size();
      err.println(n + (n == 1 ? " problem" : " problems") + " found; nothing was imported.");
      return Main.BAD_INPUT;
    }
    var proposals = ((ProposalImport.Imported) result).proposals();
    Budget budget = ProposalImport.withProposals(loaded.budget(), proposals);
    Publication pub = Publication.of(budget);
    out.println(proposals.size() + " proposals read from " + book.getFileName() + " into " + budget.version().title() + ":");
    for (Proposal p : proposals) {
      out.println("  " + p.id() + "  (" + p.unit() + ", " + p.side().name().toLowerCase(java.util.Locale.ROOT) + ")  " + p.title());
    }
    out.println();
    out.print(TextRenderer.render(pub.document(), pub.printed(), pub.document().table(FigureIds.TABEL_1).orElseThrow(), false));
    if (outFile == null) {
      out.println("Nothing was written; add --out BUDGET.yaml to write the budget file with these proposals.");
      return Main.OK;
    }
    String text = nl.begroot.format.BudgetWriter.write(budget);
    if (nl.begroot.format.BudgetReader.read(outFile.toString(), text) instanceof nl.begroot.format.LoadResult.Rejected rejected) {
      Loaded.report(rejected, err);
      return Main.BAD_INPUT;
    }
    try {
      Files.writeString(outFile, text, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("begroot import-proposals: cannot write " + outFile + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
    out.println("Wrote " + outFile + ".");
    return Main.OK;
  }
}
