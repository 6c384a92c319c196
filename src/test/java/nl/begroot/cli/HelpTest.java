package nl.begroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code begroot COMMAND --help} for every command, and the command list with whole descriptions. */
class HelpTest {

  /** Every command and subcommand, as the words a user types ("bench web"), read from picocli's model. */
  static Stream<String> commands() {
    List<String> names = new ArrayList<>();
    collect(new CommandLine(new Main()), "", names);
    return names.stream();
  }

  private static void collect(CommandLine cli, String prefix, List<String> into) {
    cli.getSubcommands().forEach((name, sub) -> {
      if (sub.getCommandSpec().aliases().length == 0 || !List.of(sub.getCommandSpec().aliases()).contains(name)) {
        into.add((prefix + " " + name).trim());
        collect(sub, prefix + " " + name, into);
      }
    });
  }

  @Test
  void everyCommandIsListed() {
    assertThat(commands()).contains("serve", "validate", "compute", "explain", "audit", "bench", "bench web", "publish",
        "import-proposals", "users", "users add", "users disable", "users enable", "users reset", "users list");
  }

  @ParameterizedTest(name = "begroot {0} --help")
  @MethodSource("commands")
  void helpWorksForEveryCommand(String command) {
    for (String flag : List.of("--help", "-h")) {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.add(flag);
      CliTest.Run r = CliTest.run(args.toArray(String[]::new));
      assertThat(r.code()).as("exit code of begroot %s %s; err: %s", command, flag, r.err()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).startsWith("Usage: begroot " + command + " ").contains("-h, --help");
    }
  }

  @Test
  void theCommandListShowsEachDescriptionWhole() {
    CliTest.Run r = CliTest.run("--help");
    assertThat(r.code()).isZero();
    String listed = r.out().replaceAll("\\s+", ""); // wrapped at any width: compare without white space
    CommandLine cli = new CommandLine(new Main());
    cli.getSubcommands().forEach((name, sub) -> {
      String description = String.join(" ", sub.getCommandSpec().usageMessage().description()).replaceAll("\\s+", "");
      assertThat(description).as("description of %s", name).isNotBlank();
      assertThat(listed).as("the command list shows the whole description of %s", name).contains(name + description);
    });
  }
}
