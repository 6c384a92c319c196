package nl.begroot.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.begroot.core.cycle.NextYearFrame;
import nl.begroot.core.text.Dutch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code begroot next-frame [FILE]}: the frame of next year's concept from an adopted budget file (the
 * built-in budget without one): years rolled forward one, the new last year continuing the recurring
 * amounts, the one-off amounts that end, and the check against the file's multi-year estimate. Exit 0 when
 * the frame agrees with the estimate, 1 when it does not (each difference in words), 2 for a bad file.
 */
@Command(mixinStandardHelpOptions = true, name = "next-frame",
    description = "Derive the frame of next year's concept from an adopted budget (default: the built-in budget): the years roll forward "
        + "one, the new last year continues the recurring amounts (one-off amounts end), checked against the adopted multi-year estimate.")
final class NextFrameCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "the adopted budget file (default: the built-in budget)")
  Path file;

  @Option(names = "--format", defaultValue = "text",
      description = "text (a table in euros, the amounts that end, the check) or yaml (the programmes' frames in the file format, "
          + "to paste into next year's concept) (default: ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!List.of("text", "yaml").contains(format)) {
      err.println("begroot next-frame: --format must be text or yaml, not '" + format + "'");
      return Main.BAD_INPUT;
    }
    Loaded loaded = Loaded.load(file, err);
    if (loaded == null) {
      return Main.BAD_INPUT;
    }
    NextYearFrame next;
    try {
      next = NextYearFrame.derive(loaded.computed().computation());
    } catch (IllegalArgumentException e) {
      err.println("begroot next-frame: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    if (format.equals("yaml")) {
      out.print(yaml(next));
    } else {
      out.print(text(next));
    }
    if (!next.agrees()) {
      next.differences().forEach(d -> err.println(d.en()));
      return Main.FINDINGS;
    }
    return Main.OK;
  }

  static String text(NextYearFrame next) {
    StringBuilder s = new StringBuilder();
    s.append("Kader voor volgend jaar (begrotingsjaar ").append(next.budgetYear()).append("), in euro's\n");
    s.append(String.format("%-40s %-6s", "Programma", ""));
    next.years().forEach(y -> s.append(String.format("%18d", y)));
    s.append('\n');
    for (NextYearFrame.ProgrammeFrame p : next.programmes()) {
      String name = p.programmeId() + " " + p.title();
      s.append(String.format("%-40s %-6s", name.length() > 40 ? name.substring(0, 40) : name, "lasten"));
      for (long c : p.lastenCents()) {
        s.append(String.format("%18s", Dutch.euros(c)));
      }
      s.append('\n').append(String.format("%-40s %-6s", "", "baten"));
      for (long c : p.batenCents()) {
        s.append(String.format("%18s", Dutch.euros(c)));
      }
      s.append('\n');
      boolean share = false;
      for (long c : p.overheadCents()) {
        share |= c != 0;
      }
      if (share) {
        s.append(String.format("%-40s %-6s", "  waarvan aandeel bedrijfsvoering", ""));
        for (long c : p.overheadCents()) {
          s.append(String.format("%18s", Dutch.euros(c)));
        }
        s.append('\n');
      }
    }
    s.append('\n');
    if (next.ending().isEmpty()) {
      s.append("Geen incidentele bedragen lopen af: elk bedrag van het laatste jaar is structureel.\n");
    } else {
      next.ending().forEach(e -> s.append(e.nl()).append('\n'));
    }
    if (next.agrees()) {
      s.append("Controle: elk programma en het totaal komen in elk jaar tot op de cent overeen met de vastgestelde meerjarenraming.\n");
    } else {
      s.append("Controle: verschillen met de vastgestelde meerjarenraming:\n");
      next.differences().forEach(d -> s.append("  ").append(d.nl()).append('\n'));
    }
    return s.toString();
  }

  /** The programmes' frames as the file format writes them (amounts in euros), under {@code programmes:} by id. */
  static String yaml(NextYearFrame next) {
    StringBuilder s = new StringBuilder();
    s.append("# Kader voor de conceptbegroting ").append(next.budgetYear()).append(", afgeleid van ").append(next.fromVersion())
        .append(" (begroot next-frame)\n");
    s.append("years: ").append(next.years()).append('\n');
    s.append("programmes:\n");
    for (NextYearFrame.ProgrammeFrame p : next.programmes()) {
      s.append("  - id: \"").append(p.programmeId()).append("\"\n");
      s.append("    frame:\n");
      s.append("      lasten: ").append(amounts(next.years(), p.lastenCents())).append('\n');
      s.append("      baten: ").append(amounts(next.years(), p.batenCents())).append('\n');
    }
    return s.toString();
  }

  private static String amounts(List<Integer> years, long[] cents) {
    StringBuilder s = new StringBuilder("{");
    for (int y = 0; y < years.size(); y++) {
      s.append(y == 0 ? "" : ", ").append(years.get(y)).append(": ")
          .append(cents[y] % 100 == 0 ? Long.toString(cents[y] / 100) : BigDecimal.valueOf(cents[y], 2).toPlainString());
    }
    return s.append('}').toString();
  }
}
