package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.begroot.TestBudgets;
import nl.begroot.core.accounts.AnnualAccounts;
import nl.begroot.core.accounts.AnnualAccountsTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual accounts' open data: the Fiscal Data Package has the phase {@code executed} (realisatie) beside
 * {@code adjusted} (the budget after amendments), its rows are unique by the declared primary key, and the
 * sums per phase and direction are the inputs' (AnnualAccountsTest, by hand: budget lasten 1.500,00 and baten
 * 1.500,00; realised lasten 899,99 + 550,00 = 1.449,99 and baten 10,00 + 1.500,00 = 1.510,00; pass-through
 * received 200,00, paid 190,00).
 */
class AccountsFiscalDataPackageTest {
  @Test
  void theRealisatiePhaseBesideTheBudget() throws IOException {
    AnnualAccounts a = AnnualAccountsTest.accounts(Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.accountsFiscalDataPackage(TestBudgets.load(TestBudgets.small("", "")), a, out);
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    assertThat(files).containsOnlyKeys("datapackage.json", "budget-lines.csv");
    JsonNode root = JsonMapper.builder().build().readTree(files.get("datapackage.json"));
    JsonNode fields = root.get("resources").get(0).get("schema").get("fields");
    JsonNode phase = null;
    for (JsonNode f : fields) {
      if (f.get("name").asString().equals("phase")) {
        phase = f;
      }
    }
    assertThat(phase.get("constraints").get("enum").toString()).isEqualTo("[\"adjusted\",\"executed\"]");
    assertThat(root.get("fiscalPeriod").get("start").asString()).isEqualTo("2026-01-01");
    assertThat(root.get("fiscalPeriod").get("end").asString()).isEqualTo("2026-12-31");
    List<String> pk = new java.util.ArrayList<>();
    root.get("resources").get(0).get("schema").get("primaryKey").forEach(n -> pk.add(n.asString()));

    String[] lines = new String(files.get("budget-lines.csv"), StandardCharsets.UTF_8).split("\r\n");
    List<String> header = List.of(lines[0].split(","));
    Map<String, BigDecimal> sums = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (int i = 1; i < lines.length; i++) {
      String[] v = lines[i].split(",", -1);
      String key = String.join("|", pk.stream().map(k -> v[header.indexOf(k)]).toList());
      assertThat(keys.add(key)).as("row " + i + " repeats the primary key " + key).isTrue();
      String group = v[header.indexOf("line")].equals("kassiersfunctie") ? "kassiersfunctie" : v[header.indexOf("phase")];
      sums.merge(group + "/" + v[header.indexOf("direction")], new BigDecimal(v[header.indexOf("amount")]), BigDecimal::add);
    }
    assertThat(sums).containsEntry("adjusted/expenditure", new BigDecimal("1500.00")).containsEntry("adjusted/revenue", new BigDecimal("1500.00"))
        .containsEntry("executed/expenditure", new BigDecimal("1449.99")).containsEntry("executed/revenue", new BigDecimal("1510.00"))
        .containsEntry("kassiersfunctie/expenditure", new BigDecimal("190.00")).containsEntry("kassiersfunctie/revenue", new BigDecimal("200.00"));
  }
}
