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
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Programme;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open data: the descriptor has the Fiscal Data Package's required fields with their types
 * (checked here against the specification's schema: tabular data package, resources with a table
 * schema, the fiscal model's measures and dimensions), every CSV value has its field's type, and the
 * sums per programme and year equal Tabel 1's.
 */
class FiscalDataPackageTest {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final Set<String> TABLE_SCHEMA_TYPES = Set.of("string", "number", "integer", "boolean", "object", "array", "date", "time",
      "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any");

  static Map<String, byte[]> zip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Publisher.fiscalDataPackage(Ipo.PUBLICATION, out);
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  @Test
  void descriptorHasTheRequiredFieldsAndTypesOfTheSpecification() throws IOException {
    Map<String, byte[]> files = zip();
    assertThat(files).containsOnlyKeys("datapackage.json", "budget-lines.csv");
    JsonNode root = validDescriptor(files);
    JsonNode model = root.get("model");
    assertThat(model.get("dimensions").propertyNames()).contains("programme", "unit", "year", "direction", "phase");
  }

  /**
   * The descriptor of {@code files} read with a JSON parser and checked against the specification's schema: a tabular data
   * package whose resources have a table schema and are in the package, and the fiscal model's measures and dimensions.
   */
  static JsonNode validDescriptor(Map<String, byte[]> files) throws IOException {
    JsonNode root = MAPPER.readTree(files.get("datapackage.json"));
    // tabular data package: profile and resources required; name lower-case
    assertThat(root.get("profile").asString()).isEqualTo("tabular-data-package");
    assertThat(root.get("name").asString()).matches("^([-a-z0-9._/])+$");
    assertThat(root.get("title").isString()).isTrue();
    assertThat(root.get("countryCode").asString()).matches("^[A-Z]{2}$");
    assertThat(root.get("granularity").asString()).isIn("aggregated", "transactional");
    assertThat(root.get("fiscalPeriod").get("start").asString()).matches("^\\d{4}-(0?[1-9]|1[012])-(0?[1-9]|[12]\\d|3[01])");
    JsonNode resources = root.get("resources");
    assertThat(resources.isArray() && resources.size() >= 1).isTrue();
    for (JsonNode r : resources) {
      assertThat(r.get("profile").asString()).isEqualTo("tabular-data-resource");
      assertThat(r.get("name").asString()).matches("^([-a-z0-9._/])+$");
      assertThat(r.get("path").asString()).matches("^(?=^[^./~])(^((?!\\.{2}).)*$).*$");
      assertThat(files).containsKey(r.get("path").asString());
      JsonNode fields = r.get("schema").get("fields");
      assertThat(fields.isArray() && fields.size() >= 1).isTrue();
      for (JsonNode f : fields) {
        assertThat(f.get("name").isString()).isTrue();
        assertThat(f.get("type").asString()).isIn(TABLE_SCHEMA_TYPES);
      }
      assertThat(r.get("dialect").get("delimiter").isString()).isTrue();
      assertThat(r.get("dialect").get("doubleQuote").isBoolean()).isTrue();
    }
    // the fiscal model: measures (source, currency) and dimensions (attributes with a source, primaryKey)
    JsonNode model = root.get("model");
    Set<String> fieldNames = new HashSet<>();
    resources.get(0).get("schema").get("fields").forEach(f -> fieldNames.add(f.get("name").asString()));
    assertThat(model.get("measures").size()).isGreaterThanOrEqualTo(1);
    for (var m : model.get("measures").properties()) {
      assertThat(m.getKey()).matches("^\\w+.*");
      assertThat(m.getValue().get("currency").asString()).matches("^[A-Z]{3}$");
      assertThat(fieldNames).contains(m.getValue().get("source").asString());
      if (m.getValue().has("phase")) { // the specification: it MUST be one of these
        assertThat(m.getValue().get("phase").asString()).isIn("proposed", "approved", "adjusted", "executed");
      }
    }
    Set<String> dimensionTypes = Set.of("datetime", "entity", "classification", "activity", "fact", "location", "other");
    for (var d : model.get("dimensions").properties()) {
      assertThat(d.getValue().get("attributes").size()).isGreaterThanOrEqualTo(1);
      for (var a : d.getValue().get("attributes").properties()) {
        assertThat(fieldNames).contains(a.getValue().get("source").asString());
      }
      assertThat(d.getValue().get("primaryKey").isString() || d.getValue().get("primaryKey").isArray()).isTrue();
      assertThat(d.getValue().get("dimensionType").asString()).isIn(dimensionTypes);
    }
    return root;
  }

  static List<String[]> csv(String text) {
    List<String[]> rows = new ArrayList<>();
    for (String line : text.split("\r\n")) {
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      rows.add(cells.toArray(String[]::new));
    }
    return rows;
  }

  @Test
  void everyValueHasItsTypeAndTheSumsEqualTabel1() throws IOException {
    Map<String, byte[]> files = zip();
    JsonNode fields = MAPPER.readTree(files.get("datapackage.json")).get("resources").get(0).get("schema").get("fields");
    List<String[]> rows = csv(new String(files.get("budget-lines.csv"), StandardCharsets.UTF_8));
    String[] header = rows.get(0);
    assertThat(header).hasSize(fields.size());
    for (int i = 0; i < header.length; i++) {
      assertThat(header[i]).isEqualTo(fields.get(i).get("name").asString());
    }
    Map<String, Long> sums = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (String[] row : rows.subList(1, rows.size())) {
      assertThat(row).hasSize(header.length);
      for (int i = 0; i < header.length; i++) {
        String type = fields.get(i).get("type").asString();
        String v = row[i];
        switch (type) {
          case "year" -> assertThat(v).matches("\\d{4}");
          case "number" -> assertThat(v).matches("-?\\d+\\.\\d{2}");
          case "boolean" -> assertThat(v).isIn("true", "false");
          default -> { }
        }
        JsonNode constraints = fields.get(i).get("constraints");
        if (constraints != null && constraints.get("enum") != null) {
          List<String> allowed = new ArrayList<>();
          constraints.get("enum").forEach(e -> allowed.add(e.asString()));
          assertThat(v).isIn(allowed);
        }
      }
      assertThat(keys.add(row[4] + "|" + row[0] + "|" + row[6] + "|" + row[7])).as("primary key unique").isTrue();
      long cents = new BigDecimal(row[9]).movePointRight(2).longValueExact();
      sums.merge(row[0] + "|" + row[6] + "|" + row[7] + "|" + row[8], cents, Long::sum);
      sums.merge("*|" + row[6] + "|" + row[7] + "|" + row[8], cents, Long::sum);
    }
    Publication pub = Ipo.PUBLICATION;
    Table tabel1 = pub.document().table("tabel-1").orElseThrow();
    int checked = 0;
    for (int y : pub.budget().version().years()) {
      int c = tabel1.columnIndex(String.valueOf(y));
      for (Programme p : pub.budget().programmes()) {
        for (String side : List.of("lasten", "baten")) {
          String direction = side.equals("lasten") ? "expenditure" : "revenue";
          String figure = tabel1.row("change." + side + "." + p.id()).cells().get(c).figureId();
          assertThat(sums.getOrDefault(p.id() + "|" + y + "|" + direction + "|proposed", 0L)).as("%s %s %d", p.id(), side, y)
              .isEqualTo(pub.cents(figure));
          checked++;
        }
      }
      for (String side : List.of("lasten", "baten")) {
        String direction = side.equals("lasten") ? "expenditure" : "revenue";
        assertThat(sums.get("*|" + y + "|" + direction + "|approved")).isEqualTo(pub.cents(tabel1.row("frame." + side).cells().get(c).figureId()));
        long total = sums.get("*|" + y + "|" + direction + "|approved") + sums.get("*|" + y + "|" + direction + "|proposed");
        assertThat(total).isEqualTo(pub.cents(tabel1.row("new." + side).cells().get(c).figureId()));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(5 * (5 * 2 + 2));
  }
}
