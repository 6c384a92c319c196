package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.begroot.core.midyear.MidyearReport;
import nl.begroot.core.midyear.MidyearReportTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Tussenrapportage's open data, read back with a JSON and a CSV parser: the descriptor is a valid Fiscal Data Package
 * (FiscalDataPackageTest's checks), the budget after amendments and the realised figures are measures of the phases
 * {@code adjusted} and {@code executed}, the forecast a measure without a phase (none of the specification's four fits), the
 * rows are unique by the declared primary key, and each column sums to the figures of the small budget by hand
 * (MidyearReportTest): budget after amendments lasten 1.000 + 200 (the proposal) + 500 = 1.700,00, baten 1.500 + 200 (the
 * balancing item) = 1.700,00; realised up to June lasten 550,00 + 123,45 = 673,45 (period 7 and 2026 left out), baten
 * 800,00 + 10,00 = 810,00; forecast lasten 1.150 + 260 + 240 + 0 = 1.650,00, baten 20 + 1.700,50 = 1.720,50.
 */
class MidyearFiscalDataPackageTest {
  @Test
  void budgetRealisedAndForecastAreMeasuresAndSumToTheReport() throws IOException {
    MidyearReport r = MidyearReportTest.complete();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.midyearFiscalDataPackage(MidyearReportTest.budget(), r, out);
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    assertThat(files).containsOnlyKeys("datapackage.json", "budget-lines.csv");
    JsonNode root = FiscalDataPackageTest.validDescriptor(files);
    assertThat(root.get("fiscalPeriod").get("start").asString()).isEqualTo("2027-01-01");
    assertThat(root.get("fiscalPeriod").get("end").asString()).isEqualTo("2027-12-31");
    JsonNode measures = root.get("model").get("measures");
    assertThat(measures.propertyNames()).containsExactly("adjusted", "executed", "forecast");
    assertThat(measures.get("adjusted").get("phase").asString()).isEqualTo("adjusted");
    assertThat(measures.get("executed").get("phase").asString()).isEqualTo("executed");
    assertThat(measures.get("forecast").has("phase")).isFalse();
    JsonNode fields = root.get("resources").get(0).get("schema").get("fields");
    List<String> pk = new ArrayList<>();
    root.get("resources").get(0).get("schema").get("primaryKey").forEach(n -> pk.add(n.asString()));
    assertThat(pk).containsExactly("programme", "unit", "year", "direction");

    List<String[]> rows = FiscalDataPackageTest.csv(new String(files.get("budget-lines.csv"), StandardCharsets.UTF_8));
    List<String> header = List.of(rows.get(0));
    assertThat(header).hasSize(fields.size());
    for (int i = 0; i < header.size(); i++) {
      assertThat(header.get(i)).isEqualTo(fields.get(i).get("name").asString());
    }
    Map<String, BigDecimal> sums = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (String[] v : rows.subList(1, rows.size())) {
      assertThat(v).hasSize(header.size());
      String key = String.join("|", pk.stream().map(k -> v[header.indexOf(k)]).toList());
      assertThat(keys.add(key)).as("the primary key " + key + " repeats").isTrue();
      for (String measure : List.of("adjusted", "executed", "forecast")) {
        String amount = v[header.indexOf(measure)];
        if (!amount.isEmpty()) {
          assertThat(amount).matches("-?\\d+\\.\\d{2}");
          sums.merge(measure + "/" + v[header.indexOf("direction")], new BigDecimal(amount), BigDecimal::add);
        }
      }
    }
    // by hand (above)
    assertThat(sums).containsEntry("adjusted/expenditure", new BigDecimal("1700.00")).containsEntry("adjusted/revenue", new BigDecimal("1700.00"))
        .containsEntry("executed/expenditure", new BigDecimal("673.45")).containsEntry("executed/revenue", new BigDecimal("810.00"))
        .containsEntry("forecast/expenditure", new BigDecimal("1650.00")).containsEntry("forecast/revenue", new BigDecimal("1720.50"));
    // and the report's own totals
    assertThat(sums.get("adjusted/expenditure")).isEqualTo(BigDecimal.valueOf(r.total().lasten().budget(), 2));
    assertThat(sums.get("executed/revenue")).isEqualTo(BigDecimal.valueOf(r.total().baten().realised(), 2));
    assertThat(sums.get("forecast/revenue")).isEqualTo(BigDecimal.valueOf(r.total().baten().forecast(), 2));
  }
}
