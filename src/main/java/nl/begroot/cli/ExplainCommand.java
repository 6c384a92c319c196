package nl.begroot.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.begroot.core.explain.Explainer;
import nl.begroot.render.ExplanationText;
import nl.begroot.render.JsonRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "explain", description = "Explain a figure down to the frame values and proposals it comes from." + " "
    + "FIGURE is table/row/column, e.g. tabel-1/new.lasten/2028 or bijlage-1-2027/Gelderland/total.")
final class ExplainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..2", paramLabel = "[FILE] FIGURE", description = "optional budget file, then the figure")
  List<String> args;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    if (!List.of("text", "json").contains(format)) {
      err.println("begroot explain: --format must be text or json, not '" + format + "'");
      return Main.BAD_INPUT;
    }
    Path file = args.size() == 2 ? Path.of(args.get(0)) : null;
    String figure = args.get(args.size() - 1);
    Loaded loaded = Loaded.load(file, err);
    if (loaded == null) {
      return Main.BAD_INPUT;
    }
    Explainer explainer = new Explainer(loaded.document(), loaded.printed());
    var found = explainer.resolve(figure);
    if (found.isEmpty()) {
      err.println("begroot explain: no figure '" + figure + "'. Figures are named table/row/column, e.g. tabel-1/new.lasten/2028.");
      List<String> close = explainer.suggestions(figure.replace('/', ' '), 10);
      if (!close.isEmpty()) {
        err.println("Did you mean: " + String.join(", ", close));
      }
      return Main.BAD_INPUT;
    }
    var explanation = explainer.explain(found.get());
    spec.commandLine().getOut().print(format.equals("json") ? JsonRenderer.explanation(explanation) : ExplanationText.render(explanation, loaded.computed().labels()));
    return Main.OK;
  }
}
