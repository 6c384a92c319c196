package nl.begroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.publish.Publication;
import nl.begroot.publish.Publisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** begroot publish and begroot import-proposals as a user runs them. */
class PublishCommandTest {
  @TempDir Path dir;

  @Test
  void writesTheChosenFormatsWithProgressOnStderr() {
    CliTest.Run r = CliTest.run("publish", "--format", "html,fdp", "--out", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(dir.resolve("ipo-cb2027.html")).isRegularFile();
    assertThat(dir.resolve("ipo-cb2027-fdp/datapackage.json")).isRegularFile();
    assertThat(dir.resolve("ipo-cb2027-fdp/budget-lines.csv")).isRegularFile();
    assertThat(r.out()).contains("ipo-cb2027.html");
    assertThat(r.err()).contains("[").contains("3/3 klaar");
  }

  @Test
  void badInputIsExitCode2WithAClearMessage() throws IOException {
    CliTest.Run unknown = CliTest.run("publish", "--format", "docx", "--out", dir.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown format 'docx'");
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CliTest.Run notADir = CliTest.run("publish", "--format", "html", "--out", file.toString());
    assertThat(notADir.code()).isEqualTo(2);
    assertThat(notADir.err()).contains("is a file, not a directory");
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "format: begroot/9\n");
    CliTest.Run badBudget = CliTest.run("publish", bad.toString(), "--format", "html", "--out", dir.resolve("o").toString());
    assertThat(badBudget.code()).isEqualTo(2);
    assertThat(badBudget.err()).contains("nothing was loaded");
  }

  @Test
  void importProposalsReportsTheProposalsOrEveryBadCell() throws IOException {
    var budget = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
    Path book = dir.resolve("book.xlsx");
    try (OutputStream out = Files.newOutputStream(book)) {
      Publisher.xlsx(Publication.of(budget), out);
    }
    CliTest.Run ok = CliTest.run("import-proposals", book.toString());
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains(budget.proposals().size() + " proposals read").contains("2.7-soc").contains("Tabel 1.");
    Path written = dir.resolve("imported.yaml");
    CliTest.Run write = CliTest.run("import-proposals", book.toString(), "--out", written.toString());
    assertThat(write.code()).isZero();
    assertThat(((LoadResult.Loaded) BudgetFiles.load(written)).budget().proposals()).isEqualTo(budget.proposals());
    CliTest.Run missing = CliTest.run("import-proposals", dir.resolve("none.xlsx").toString());
    assertThat(missing.code()).isEqualTo(2);
    Path notABook = Files.writeString(dir.resolve("not.xlsx"), "hello");
    CliTest.Run refused = CliTest.run("import-proposals", notABook.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("nothing was imported");
  }
}
