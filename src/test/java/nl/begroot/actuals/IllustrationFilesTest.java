package nl.begroot.actuals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.begroot.TestBudgets;
import nl.begroot.bench.ActualsFiles;
import nl.begroot.core.model.Budget;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.format.XafWriter;
import org.junit.jupiter.api.Test;

/**
 * The shipped illustration (realised 2026, January-June 2027) is what {@link ActualsFiles} makes
 * from the seed budget, and its XAF and CSV give the same totals; {@code -Dbegroot.regenerate=true}
 * writes the files anew.
 */
class IllustrationFilesTest {
  static final Path DIR = Path.of("src/main/resources/nl/begroot/examples");
  static final String NOTE = "ILLUSTRATIE / ILLUSTRATION: verzonnen realisatiecijfers bij de Conceptbegroting 2027 van de Vereniging IPO,"
      + " gemaakt door Begroot (ActualsFiles); NIET de werkelijke cijfers van de vereniging. Made-up figures, not the association's.";

  static String xaf(List<ActualsFiles.Booking> b, int year, int months) throws Exception {
    StringWriter w = new StringWriter();
    XafWriter.write(w, year, months, "ILLUSTRATIE Vereniging Interprovinciaal Overleg (verzonnen cijfers)", ActualsFiles.accounts(),
        ActualsFiles.transactions(b), "Begroot illustratie", NOTE);
    return w.toString();
  }

  static String csv(List<ActualsFiles.Booking> b) throws Exception {
    StringWriter w = new StringWriter();
    ActualsFiles.csv(b, w);
    return w.toString();
  }

  @Test
  void theShippedFilesAreTheGeneratorsAndAgree() throws Exception {
    Budget ipo = TestBudgets.ipo();
    var c = Pipeline.compute(ipo).computation();
    List<ActualsFiles.Booking> y2026 = ActualsFiles.illustration(c, 2026, 12);
    List<ActualsFiles.Booking> y2027 = ActualsFiles.illustration(c, 2027, 6);
    String[][] files = {
        {"illustratie-realisatie-2026.xaf", xaf(y2026, 2026, 12)}, {"illustratie-realisatie-2026.csv", csv(y2026)},
        {"illustratie-realisatie-2027-t-m-juni.xaf", xaf(y2027, 2027, 6)}, {"illustratie-realisatie-2027-t-m-juni.csv", csv(y2027)}};
    for (String[] f : files) {
      if (Boolean.getBoolean("begroot.regenerate")) {
        Files.writeString(DIR.resolve(f[0]), f[1], StandardCharsets.UTF_8);
      }
      assertThat(Files.readString(DIR.resolve(f[0]), StandardCharsets.UTF_8)).as(f[0]).isEqualTo(f[1]);
    }
    assertThat(XafImportTest.actual(XafImportTest.readXaf(ipo, files[0][1])))
        .isEqualTo(XafImportTest.actual(XafImportTest.readCsv(ipo, files[1][1])))
        .isEqualTo(XafImportTest.expected(ipo, y2026));
    assertThat(XafImportTest.actual(XafImportTest.readXaf(ipo, files[2][1])))
        .isEqualTo(XafImportTest.actual(XafImportTest.readCsv(ipo, files[3][1])));
    assertThat(files[0][1]).contains("ILLUSTRATIE");
  }
}
