package nl.begroot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import nl.begroot.bench.PublishBench;
import nl.begroot.publish.Format;
import nl.begroot.publish.Outputs;
import nl.begroot.publish.Publication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "publish", description = "Publish the budget: the document as HTML and PDF, the Excel workbook, open data" + " "
    + "(Fiscal Data Package) and a one-page statement per member (HTML and PDF).")
final class PublishCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "budget file (default: the built-in IPO budget)")
  Path file;

  @Option(names = "--format", split = ",", paramLabel = "FORMAT",
      description = "html, pdf, xlsx, fdp, statements or all; several separated by commas (default: all)")
  List<String> formats;

  @Option(names = "--out", paramLabel = "DIR", description = "directory to write into; made if missing (default: publicatie)")
  Path out;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "the version's date, printed on the cover and kept in the PDF (e.g. the day it was adopted); default: none, so the same file always gives the same bytes")
  String date;

  @Option(names = "--bench", description = "time HTML, PDF and xlsx for the budget and a generated budget ten times its size; writes nothing")
  boolean bench;

  @Option(names = "--rounds", defaultValue = "3", description = "measured rounds for --bench (default: ${DEFAULT-VALUE})")
  int rounds;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<Format> chosen = new LinkedHashSet<>();
    for (String f : formats == null ? List.of("all") : formats) {
      if (f.trim().equalsIgnoreCase("all")) {
        chosen.addAll(List.of(Format.values()));
      } else if (Format.of(f).isPresent()) {
        chosen.add(Format.of(f).get());
      } else {
        err.println("begroot publish: unknown format '" + f + "'; use html, pdf, xlsx, fdp, statements or all");
        return Main.BAD_INPUT;
      }
    }
    if (bench && rounds < 1) {
      err.println("begroot publish: --rounds must be at least 1");
      return Main.BAD_INPUT;
    }
    Path dir = out == null ? Path.of("publicatie") : out;
    if (!bench) {
      String problem = checkDirectory(dir);
      if (problem != null) {
        err.println("begroot publish: " + problem);
        return Main.BAD_INPUT;
      }
    }
    java.time.LocalDate dated = null;
    if (date != null) {
      try {
        dated = java.time.LocalDate.parse(date);
      } catch (java.time.format.DateTimeParseException e) {
        err.println("begroot publish: --date '" + date + "' is not a date; write it as YYYY-MM-DD, e.g. 2026-07-02");
        return Main.BAD_INPUT;
      }
    }
    Loaded loaded = Loaded.load(file, err);
    if (loaded == null) {
      return Main.BAD_INPUT;
    }
    if (bench) {
      PublishBench.run(loaded.budget(), 10, 20270101L, rounds, stdout);
      return Main.OK;
    }
    Publication publication = Publication.of(loaded.computed(), dated);
    boolean terminal = System.console() != null && err == spec.commandLine().getErr() && System.getenv("BEGROOT_PLAIN") == null;
    List<Path> written = Outputs.write(publication, chosen, dir, (done, total, what) -> progress(err, terminal, done, total, what));
    for (Path p : written) {
      stdout.println(p);
    }
    loaded.printed().messages().forEach(n -> err.println("begroot publish: note: " + n));
    return Main.OK;
  }

  /** A progress bar on stderr: redrawn in place on a terminal, one line per step otherwise. */
  static void progress(PrintWriter err, boolean terminal, int done, int total, String what) {
    int width = 24;
    int filled = total == 0 ? width : done * width / total;
    String bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " " + what;
    if (terminal) {
      err.print("\r" + bar + "\u001b[K");
      if (done == total) {
        err.println();
      }
    } else {
      err.println("begroot publish: " + bar);
    }
    err.flush();
  }

  /** Null when {@code dir} can be written into (making it if missing), else what is wrong. */
  static String checkDirectory(Path dir) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        return "--out " + dir + " is a file, not a directory";
      }
      Files.createDirectories(dir);
      if (!Files.isWritable(dir)) {
        return "cannot write into " + dir + " (no permission)";
      }
      Path probe = Files.createTempFile(dir, ".begroot-", ".probe");
      Files.delete(probe);
      return null;
    } catch (IOException | SecurityException e) {
      return "cannot write into " + dir + ": " + e.getMessage();
    }
  }
}
