package nl.begroot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.cli.Main;
import nl.begroot.format.BudgetReader;
import nl.begroot.format.BudgetWriter;
import nl.begroot.format.LoadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The JSON Schemas in schema/ describe the budget file and the JSON outputs: the built-in IPO budget
 * and the example of docs/format.md validate against the file schema, broken files do not, and the
 * real output of compute and audit validates against the output schemas.
 */
class SchemaTest {
  private static final String IPO = "/nl/begroot/data/conceptbegroting-ipo-2027.yaml";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonSchema budgetSchema;
  private static JsonSchema computeSchema;
  private static JsonSchema auditSchema;
  private static String ipoText;

  @BeforeAll
  static void load() throws IOException {
    budgetSchema = schema("schema/begroot-1.schema.json");
    computeSchema = schema("schema/compute-output.schema.json");
    auditSchema = schema("schema/audit-output.schema.json");
    try (InputStream in = SchemaTest.class.getResourceAsStream(IPO)) {
      assertThat(in).as("built-in IPO budget on the classpath").isNotNull();
      ipoText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonSchema schema(String file) throws IOException {
    return FACTORY.getSchema(MAPPER.readTree(Files.readString(Path.of(file))));
  }

  /** A YAML document as a Jackson 2 tree, the way a JSON tool sees it: map keys become strings. */
  static JsonNode yamlToJson(String yaml) {
    Object value = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return toNode(value);
  }

  private static JsonNode toNode(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value == null) {
      return f.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = f.objectNode();
      map.forEach((k, v) -> node.set(String.valueOf(k), toNode(v)));
      return node;
    }
    if (value instanceof List<?> list) {
      ArrayNode node = f.arrayNode();
      list.forEach(v -> node.add(toNode(v)));
      return node;
    }
    if (value instanceof Integer i) {
      return f.numberNode(i);
    }
    if (value instanceof Long l) {
      return f.numberNode(l);
    }
    if (value instanceof BigInteger b) {
      return f.numberNode(b);
    }
    if (value instanceof Double d) {
      return f.numberNode(new BigDecimal(d.toString()));
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    return f.textNode(value.toString());
  }

  private static Set<ValidationMessage> errors(JsonSchema schema, JsonNode node) {
    return schema.validate(node);
  }

  @ParameterizedTest
  @ValueSource(strings = {"schema/begroot-1.schema.json", "schema/compute-output.schema.json", "schema/audit-output.schema.json"})
  void schemasAreValidDraft202012(String file) throws IOException {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(errors(meta, MAPPER.readTree(Files.readString(Path.of(file))))).isEmpty();
  }

  @Test
  void builtInIpoBudgetValidates() {
    assertThat(errors(budgetSchema, yamlToJson(ipoText))).isEmpty();
  }

  @Test
  void ipoBudgetAsWrittenByBudgetWriterValidates() {
    LoadResult read = BudgetReader.read("ipo", ipoText);
    String written = BudgetWriter.write(((LoadResult.Loaded) read).budget());
    assertThat(errors(budgetSchema, yamlToJson(written))).isEmpty();
  }

  @Test
  void minimalExampleOfTheFormatPageIsValidForReaderAndSchema() throws IOException {
    String page = Files.readString(Path.of("docs/format.md"));
    Matcher m = Pattern.compile("```yaml\\n(format: begroot/1\\n.*?)```", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("docs/format.md has a ```yaml block starting with format: begroot/1").isTrue();
    String example = m.group(1);
    LoadResult read = BudgetReader.read("format.md example", example);
    assertThat(read).as(read.toString()).isInstanceOf(LoadResult.Loaded.class);
    assertThat(errors(budgetSchema, yamlToJson(example))).isEmpty();
  }

  @Test
  void unknownTopLevelKeyDoesNotValidate() {
    ObjectNode doc = (ObjectNode) yamlToJson(ipoText);
    doc.put("currency", "EUR");
    assertThat(errors(budgetSchema, doc)).isNotEmpty();
    // the reader agrees
    assertThat(BudgetReader.read("x.yaml", "currency: EUR\n" + ipoText)).isInstanceOf(LoadResult.Rejected.class);
  }

  @Test
  void proposalWithSideExpenseDoesNotValidate() {
    ObjectNode doc = (ObjectNode) yamlToJson(ipoText);
    ((ObjectNode) doc.get("proposals").get(0)).put("side", "expense");
    assertThat(errors(budgetSchema, doc)).isNotEmpty();
  }

  @Test
  void otherBrokenFilesDoNotValidate() {
    List<UnaryOperator<ObjectNode>> breakages = List.of(
        d -> { d.remove("annex"); return d; },
        d -> { d.put("format", "begroot/2"); return d; },
        d -> { ((ObjectNode) d.get("proposals").get(0)).remove("unit"); return d; },
        d -> { ((ObjectNode) d.get("proposals").get(0)).put("nature", "structureel"); return d; },
        d -> { ((ObjectNode) d.get("proposals").get(0).get("amounts")).put("2027", 1.005); return d; },
        d -> { ((ObjectNode) d.get("proposals").get(0).get("amounts")).put("2027", "1.250,00"); return d; },
        d -> { ((ObjectNode) d.get("proposals").get(0).get("amounts")).put("2027", "pm"); return d; },
        d -> { ((ObjectNode) d.get("proposals").get(0).get("amounts")).put("year", 1); return d; },
        d -> { ((ObjectNode) d.get("programmes").get(0).get("frame").get("lasten")).put("2026", "pm"); return d; },
        d -> { ((ObjectNode) d.get("programmes").get(0)).remove("units"); return d; },
        d -> { ((ObjectNode) d.get("programmes").get(0)).put("overhead_view", true); return d; },
        d -> { ((ObjectNode) d.get("programmes").get(4).get("frame")).set("baten", d.get("programmes").get(0).get("frame").get("baten")); return d; },
        d -> { ((ObjectNode) d.get("keys").get(0)).remove("normalise"); return d; },
        d -> { ((ObjectNode) d.get("keys").get(0).get("shares")).put("GR", "6,80"); return d; },
        d -> { proposal(d, "4.2-hogere-bijdrage").put("side", "lasten"); return d; },
        d -> { proposal(d, "4.2-hogere-bijdrage").putObject("amounts").put("2027", 1); return d; },
        d -> { proposal(d, "1.1-samenwerking-av").remove("amounts"); return d; },
        d -> { ((ArrayNode) d.get("transfers").get(0).get("legs")).remove(1); return d; },
        d -> { ((ObjectNode) d.get("annex").get("columns").get(4)).putArray("programmes").add("3"); return d; },
        d -> { ((ObjectNode) d.get("printed").get("tables").get(0)).put("table", "tabel-9"); return d; },
        d -> { proposal(d, "4.2-ontleden").put("rule", "balancing"); return d; },
        d -> { ((ObjectNode) d.get("programmes").get(0)).put("overhead_view", true)
            .set("spread", d.get("programmes").get(4).get("spread")); ((ObjectNode) d.get("programmes").get(0).get("frame")).remove("baten"); return d; },
        d -> { for (JsonNode p : d.get("proposals")) { ((ObjectNode) p).remove("pass_through"); } return d; },
        d -> { ((ObjectNode) d.get("programmes").get(1).get("units").get(0)).put("narrative", "kost {{bedrag 2.7-soc/2027}} per jaar"); return d; },
        d -> { proposal(d, "2.7-soc").put("explanation", "kost {{bedrag: 2027} per jaar"); return d; });
    for (int i = 0; i < breakages.size(); i++) {
      ObjectNode doc = breakages.get(i).apply((ObjectNode) yamlToJson(ipoText));
      assertThat(errors(budgetSchema, doc)).as("breakage %d", i).isNotEmpty();
    }
  }

  private static ObjectNode proposal(ObjectNode doc, String id) {
    for (JsonNode p : doc.get("proposals")) {
      if (p.get("id").asText().equals(id)) {
        return (ObjectNode) p;
      }
    }
    throw new AssertionError("no proposal " + id);
  }

  private static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("exit code of %s; stderr: %s", String.join(" ", args), err).isEqualTo(expectedExit);
    return out.toString();
  }

  @Test
  void computeJsonValidates() throws IOException {
    JsonNode output = MAPPER.readTree(run(Main.OK, "compute", "--format", "json"));
    assertThat(output.get("format").asText()).isEqualTo("begroot-compute/1");
    assertThat(errors(computeSchema, output)).isEmpty();
  }

  @Test
  void computeJsonOfOneTableValidates() throws IOException {
    JsonNode output = MAPPER.readTree(run(Main.OK, "compute", "--table", "bijlage-1-2027", "--format", "json"));
    assertThat(output.get("tables")).hasSize(1);
    assertThat(errors(computeSchema, output)).isEmpty();
  }

  @Test
  void auditJsonValidates() throws IOException {
    JsonNode output = MAPPER.readTree(run(Main.FINDINGS, "audit", "--format", "json"));
    assertThat(output.get("format").asText()).isEqualTo("begroot-audit/2");
    assertThat(output.get("count").asInt()).isEqualTo(output.get("findings").size()).isPositive();
    assertThat(errors(auditSchema, output)).isEmpty();
  }

  /** The API's audit of an edited version carries who changed what and when; that validates too. */
  @Test
  void auditJsonWithEditsValidates() throws IOException {
    var edit = new nl.begroot.core.audit.SincePublication.Edit("2.7-soc", "proposal.change", "Anna", java.time.Instant.parse("2026-12-01T10:00:00Z"));
    var finding = new nl.begroot.core.audit.Finding("programme-2", "2.7-soc", "2027", "programme-2/2.7-soc/2027",
        "2. Beleidsvoorbereiding, 2.7. Oprichten Sectoraal Security Operations Center 2027", "581", "681",
        nl.begroot.core.audit.Finding.Check.VALUE, nl.begroot.core.audit.Finding.Kind.CHANGED_SINCE_PUBLICATION, "changed", List.of(edit));
    JsonNode output = MAPPER.readTree(nl.begroot.render.JsonRenderer.audit(List.of(finding)));
    assertThat(output.get("summary").get("changed-since-publication").asInt()).isEqualTo(1);
    assertThat(output.get("findings").get(0).get("edits").get(0).get("actor").asText()).isEqualTo("Anna");
    assertThat(errors(auditSchema, output)).isEmpty();
  }

  @Test
  void outputSchemasAreNotVacuous() throws IOException {
    ObjectNode compute = (ObjectNode) MAPPER.readTree(run(Main.OK, "compute", "--format", "json"));
    compute.put("extra", 1);
    assertThat(errors(computeSchema, compute)).isNotEmpty();
    ObjectNode audit = (ObjectNode) MAPPER.readTree(run(Main.FINDINGS, "audit", "--format", "json"));
    ((ObjectNode) audit.get("findings").get(0)).put("kind", "other");
    assertThat(errors(auditSchema, audit)).isNotEmpty();
  }
}
