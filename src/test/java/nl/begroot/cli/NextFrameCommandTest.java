package nl.begroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code begroot next-frame}: the built-in budget's frame for 2028 as text and as YAML, and a bad file or option. */
class NextFrameCommandTest {
  @Test
  void theBuiltInBudgetGivesTheFrameOfTheConcept2028() {
    CliTest.Run r = CliTest.run("next-frame");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
    // programme 1 in 2031, by hand from the seed: frame 2030 4.924.000 + 60.000 (1.1-samenwerking-av) - 417.000 (1.1-ontleden)
    // = 4.567.000, plus its share of programme 5's change (2.425.000 in 2030, recurring) by the spread 7,1512 %: 173.416,60
    assertThat(r.out()).contains("Kader voor volgend jaar (begrotingsjaar 2028)").contains("2031")
        .contains("4.740.416,60").contains("173.416,60").contains("tot op de cent overeen");
    CliTest.Run yaml = CliTest.run("next-frame", "--format", "yaml");
    assertThat(yaml.code()).isEqualTo(Main.OK);
    // programme 1: 4.577.000 in 2027 (4.924.000 + 70.000 - 417.000) + 7,1512 % of 3.425.000 (244.928,60), then 4.567.000 +
    // 7,1512 % of 2.425.000 (173.416,60)
    assertThat(yaml.out()).contains("years: [2027, 2028, 2029, 2030, 2031]")
        .contains("lasten: {2027: 4821928.60, 2028: 4740416.60, 2029: 4740416.60, 2030: 4740416.60, 2031: 4740416.60}");
  }

  @Test
  void badInputSaysWhat(@TempDir Path dir) throws Exception {
    assertThat(CliTest.run("next-frame", "--format", "xml").err()).contains("--format must be text or yaml");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "format: begroot/1\nversion: {years: [2026]}\n");
    CliTest.Run r = CliTest.run("next-frame", bad.toString());
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).doesNotContain("Exception");
  }
}
