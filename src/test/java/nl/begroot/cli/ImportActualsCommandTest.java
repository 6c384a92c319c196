package nl.begroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.TestBudgets;
import nl.begroot.bench.ActualsFiles;
import nl.begroot.format.XafWriter;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code begroot import-actuals} as a user runs it on files of a few MB, XAF and CSV: the progress
 * bar on the error stream moves while the file is read (not only at the end), ends at 100 %, and the
 * import is reported; {@code --no-progress} draws none.
 */
class ImportActualsCommandTest {
  static final Pattern BAR = Pattern.compile("\r\\[([#.]{30})\\] +(\\d+)%  ([\\d.]+) / ([\\d.]+) MB");

  /** The percentages the bar showed, in order. */
  static List<Integer> percentages(String err) {
    List<Integer> out = new ArrayList<>();
    Matcher m = BAR.matcher(err);
    while (m.find()) {
      int percent = Integer.parseInt(m.group(2));
      assertThat(m.group(1).chars().filter(c -> c == '#').count()).as(m.group()).isEqualTo(percent * 30L / 100);
      out.add(percent);
    }
    return out;
  }

  @Test
  void theProgressBarMovesForXafAndCsv(@TempDir Path dir) throws Exception {
    var ipo = TestBudgets.ipo();
    try (Database db = Database.open(DatabaseUrl.h2File(dir.resolve("data")))) {
      new Workspace(db).seedIfEmpty(ipo, TestBudgets.SEED);
    }
    Path xaf = dir.resolve("boekhouding.xaf");
    try (BufferedWriter w = Files.newBufferedWriter(xaf, StandardCharsets.UTF_8)) {
      XafWriter.write(w, 2026, "Test", ActualsFiles.accounts(), ActualsFiles.bulk(ipo, 20_000), "test");
    }
    List<ActualsFiles.Booking> bookings = new ArrayList<>();
    for (int i = 0; i < 80_000; i++) {
      bookings.add(new ActualsFiles.Booking(2026, 1 + i % 12, "4300", "Programmakosten", "KP2.3", 1000 + i, i % 5 != 0));
    }
    Path csv = dir.resolve("realisatie.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      ActualsFiles.csv(bookings, w);
    }
    assertThat(Files.size(xaf)).isGreaterThan(3L << 20);
    assertThat(Files.size(csv)).isGreaterThan(3L << 20);
    for (Path file : List.of(xaf, csv)) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new String[] {"import-actuals", file.toString(), "--data", dir.resolve("data").toString()}, new PrintWriter(out),
          new PrintWriter(err));
      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString()).contains("Imported " + file.getFileName() + ": " + (file == xaf ? 20_000 : 80_000) + " lines");
      List<Integer> shown = percentages(err.toString());
      assertThat(shown).as(file + ": " + err).hasSizeGreaterThanOrEqualTo(3).isSorted();
      assertThat(shown.get(0)).as("the bar moves while the file is read").isLessThan(50);
      assertThat(shown.get(shown.size() - 1)).isEqualTo(100);
      assertThat(err.toString()).endsWith(System.lineSeparator());
    }
    StringWriter err = new StringWriter();
    assertThat(Main.run(new String[] {"import-actuals", csv.toString(), "--no-progress", "--data", dir.resolve("data").toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err))).isZero();
    assertThat(err.toString()).doesNotContain("%");
  }
}
