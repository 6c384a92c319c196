package nl.begroot.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.begroot.TestBudgets;
import nl.begroot.core.audit.Auditor;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Category;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.GlossaryEntry;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Organisation;
import nl.begroot.core.model.PrintedDocument;
import nl.begroot.core.model.Product;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.ThirdParty;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.model.Unit;
import nl.begroot.core.model.Version;
import nl.begroot.core.rounding.ControlledRounding;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.render.JsonRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The writer is the inverse of the reader: for a budget {@code b} the reader returns, {@code
 * read(write(b))} equals {@code b} and {@code write(read(write(b)))} equals {@code write(b)} (export,
 * import and export again gives the same file); the computed document does not change.
 */
class BudgetWriterTest {

  // ---- helpers ---------------------------------------------------------------------------------

  private static Budget read(String text, String context) {
    LoadResult result = BudgetReader.read("written.yaml", text);
    if (result instanceof LoadResult.Rejected r) {
      throw new AssertionError(context + ": the reader refused the written file: " + r.problems() + "\n" + text);
    }
    return ((LoadResult.Loaded) result).budget();
  }

  /** Round trip with record equality, part by part first so that a failure names the part. */
  private static Budget assertRoundTrip(Budget b, String context) {
    String text = BudgetWriter.write(b);
    Budget back = read(text, context);
    assertThat(back.organisation()).as("%s: organisation", context).isEqualTo(b.organisation());
    assertThat(back.version()).as("%s: version", context).isEqualTo(b.version());
    assertThat(back.products()).as("%s: products", context).isEqualTo(b.products());
    assertThat(back.members()).as("%s: members", context).isEqualTo(b.members());
    assertThat(back.keys()).as("%s: keys", context).isEqualTo(b.keys());
    assertThat(back.categories()).as("%s: categories", context).isEqualTo(b.categories());
    assertThat(back.thirdParties()).as("%s: third parties", context).isEqualTo(b.thirdParties());
    assertThat(back.programmes()).as("%s: programmes", context).isEqualTo(b.programmes());
    for (int i = 0; i < b.proposals().size(); i++) {
      assertThat(back.proposals().get(i)).as("%s: proposal %d", context, i).isEqualTo(b.proposals().get(i));
    }
    assertThat(back.proposals()).as("%s: proposals", context).isEqualTo(b.proposals());
    assertThat(back.transfers()).as("%s: transfers", context).isEqualTo(b.transfers());
    assertThat(back.annex()).as("%s: annex", context).isEqualTo(b.annex());
    assertThat(back.glossary()).as("%s: glossary", context).isEqualTo(b.glossary());
    assertThat(back.printed()).as("%s: printed", context).isEqualTo(b.printed());
    assertThat(back).as("%s: the whole budget", context).isEqualTo(b);
    assertThat(BudgetWriter.write(back)).as("%s: written again", context).isEqualTo(text);
    return back;
  }

  /** The compute output (all tables, JSON, exact cents and printed figures) of a budget. */
  private static String computed(Budget b) {
    Document document = DocumentBuilder.build(Engine.compute(b));
    PrintedFigures printed = ControlledRounding.round(document);
    return JsonRenderer.compute(document, printed, document.tables());
  }

  private static String audited(Budget b) {
    Document document = DocumentBuilder.build(Engine.compute(b));
    return JsonRenderer.audit(Auditor.audit(document, ControlledRounding.round(document)));
  }

  // ---- the built-in IPO budget -----------------------------------------------------------------

  @Test
  void ipoRoundTrips() {
    assertRoundTrip(TestBudgets.ipo(), "IPO");
  }

  @Test
  void narrativeReferencesAreWrittenBackAsWritten() {
    Budget ipo = TestBudgets.ipo();
    String text = BudgetWriter.write(ipo);
    // as written in the built-in file: a unit's narrative and a proposal's explanation with references
    assertThat(text).contains("{{bedrag: 2.7-soc/2027}} per jaar.").contains("{{bedrag: -2.1-ontleden/2027}}");
    Budget back = assertRoundTrip(ipo, "IPO with references");
    assertThat(back.unit("2.7").orElseThrow().developments()).contains("structureel\n{{bedrag: 2.7-soc/2027}} per jaar.".replace("\n", " "));
    assertThat(back.unit("2.7").orElseThrow().priorities()).startsWith("- Cyberweerbaarheid");
    // a reference where long prose is folded (the space after "bedrag:" may become a line break) comes back the same
    String prose = "Dit is een lange toelichting die over meer regels loopt, zodat de schrijver haar vouwt. ".repeat(3);
    for (int pad = 0; pad < 40; pad++) {
      String explanation = prose + "x".repeat(pad) + " kost {{bedrag: 2027}} en {{bedrag: -2.7-soc/2028}} per jaar, " + prose;
      List<Proposal> proposals = new ArrayList<>(ipo.proposals());
      Proposal p = ipo.proposal("2.7-soc").orElseThrow();
      proposals.set(proposals.indexOf(p), new Proposal(p.id(), p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(),
          p.amounts(), p.rule(), p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(), explanation));
      Budget again = assertRoundTrip(ipo.withProposals(proposals), "reference folded at " + pad);
      assertThat(again.proposal("2.7-soc").orElseThrow().explanation()).isEqualTo(explanation);
    }
  }

  @Test
  void ipoComputesAndAuditsTheSameAfterTheRoundTrip() {
    Budget ipo = TestBudgets.ipo();
    Budget back = read(BudgetWriter.write(ipo), "IPO");
    assertThat(computed(back)).isEqualTo(computed(ipo));
    assertThat(audited(back)).as("the audit reads the printed section").isEqualTo(audited(ipo));
  }

  @Test
  void outputIsDeterministic() {
    Budget one = TestBudgets.ipo();
    Budget other = TestBudgets.ipo(); // read again: equal, not the same objects
    assertThat(other).isNotSameAs(one);
    assertThat(BudgetWriter.write(other)).isEqualTo(BudgetWriter.write(one)).isEqualTo(BudgetWriter.write(one));
  }

  @Test
  void equalityNoticesAChangedFigureSoTheRoundTripTestsCanFail() {
    Budget ipo = TestBudgets.ipo();
    String text = BudgetWriter.write(ipo);
    Proposal first = ipo.proposals().get(0);
    long cents = first.amounts().cents(0);
    String before = "amounts: {" + ipo.version().years().get(0) + ": " + BudgetWriter.euros(cents) + ",";
    String after = "amounts: {" + ipo.version().years().get(0) + ": " + BudgetWriter.euros(cents + 1) + ",";
    assertThat(text).contains(before);
    Budget changed = read(text.replaceFirst(java.util.regex.Pattern.quote(before), after), "one cent more");
    assertThat(changed.proposals().get(0).amounts().cents(0)).isEqualTo(cents + 1);
    assertThat(changed).isNotEqualTo(ipo);
    // a printed cell changed
    PrintedDocument.PrintedTable table = ipo.printed().tables().get(0);
    var row = table.rows().entrySet().iterator().next();
    String cells = row.getValue().cells().stream().map(c -> "\"" + c + "\"").reduce((a, c) -> a + ", " + c).orElseThrow();
    String rowLine = "\"" + row.getKey() + "\": [" + cells + "]";
    assertThat(text).contains(rowLine);
    Budget changedCell = read(text.replace(rowLine, rowLine.replaceFirst("\\[\"", "[\"1")), "changed cell");
    assertThat(changedCell.printed()).isNotEqualTo(ipo.printed());
  }

  @Test
  void amountsAreEqualByValue() {
    assertThat(Amounts.of(100, -5)).isEqualTo(Amounts.of(100, -5)).hasSameHashCodeAs(Amounts.of(100, -5));
    assertThat(Amounts.of(100, -5)).isNotEqualTo(Amounts.of(100, -6));
    assertThat(Amounts.builder(2).amount(0, 0).build()).as("0 is not blank").isNotEqualTo(Amounts.blank(2));
    assertThat(Amounts.builder(2).pm(0).build()).as("pm is not blank").isNotEqualTo(Amounts.blank(2));
    assertThat(Amounts.builder(2).pm(0).amount(1, 150).build()).hasToString("[pm, 1.50]");
  }

  // ---- generated budgets -----------------------------------------------------------------------

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 40).boxed();
  }

  /**
   * At least two members: with one member the generator's key rounded for print gives that member
   * 100.0007 %, which the reader refuses (a share is at most 100), so such a budget has no file.
   */
  private static Budget generated(long seed) {
    SplittableRandom r = new SplittableRandom(seed * 7919);
    return BudgetGenerator.generate(seed, new BudgetGenerator.Size(
        10 + r.nextInt(200), 1 + r.nextInt(6), 2 + r.nextInt(20), 1 + r.nextInt(4), 2 + r.nextInt(5), 1 + r.nextInt(4)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedBudgetsRoundTrip(long seed) {
    Budget b = generated(seed);
    Budget back = assertRoundTrip(b, "seed " + seed);
    assertThat(computed(back)).as("seed %d: computed output", seed).isEqualTo(computed(b));
  }

  // ---- small budgets of the tests --------------------------------------------------------------

  private static final String SMALL_PROPOSALS = """
        - id: x1
          unit: "1.1"
          title: Extra
          side: lasten
          nature: one-off
          amounts: {2026: 100, 2027: 0.01}
        - {id: pmline, unit: "2.1", title: PM line, side: lasten, amounts: {2026: pm, 2027: PM}}
        - id: moved
          unit: ["2.1", "2.2"]
          title: Moved out
          side: lasten
          amounts: {2026: -50, 2027: -50.5}
          pass_through: {items: [a, "b: c", "#3"]}
        - {id: contribution, unit: "2.2", title: Contribution, side: baten, rule: pass-through-contribution}
        - id: parts
          unit: "1.1"
          title: Parts
          side: lasten
          amounts: {2027: 30}
          group: "Group: one"
          explanation: |
            Two lines,
            the second one.
          breakdown:
            title: Parts
            show_negated: true
            in_euros: true
            components:
              - {id: A, title: Part A, nature: one-off, amounts: {2027: 10}}
              - {id: B, title: Part B, amounts: {2027: 20}}
        - {id: t-from, unit: "1.1", title: From, side: lasten, rule: transfer}
        - {id: t-to, unit: "2.1", title: To, side: lasten, rule: transfer}
        - {id: op, unit: "5", title: Operations, side: lasten, amounts: {2026: 12.5}}
      """;

  private static final String SMALL_TRANSFERS = """
        - id: t
          title: Move
          legs:
            - {line: t-from, amounts: {2026: -5, 2027: -5}}
            - {line: t-to, amounts: {2026: 5, 2027: 5}}
      """;

  static Stream<String> smallBudgets() {
    return Stream.of(
        TestBudgets.small("", ""),
        TestBudgets.small(SMALL_PROPOSALS, SMALL_TRANSFERS),
        TestBudgets.small(SMALL_PROPOSALS, SMALL_TRANSFERS) + """
            glossary:
              - {abbreviation: IPO, meaning: Interprovinciaal Overleg}
            printed:
              amounts_rounded_to: 1
              tables:
                - table: programme-1
                  page: "p. 3"
                  rows:
                    "x1": ["0", " 0 "]
                    "frame.lasten": ["1", "1"]
                - table: bijlage-1-2027
                  rows: {}
            """,
        TestBudgets.small("", "").replace("version: {id: v, title: Test,", "version: {id: v, title: Test, phase: mid-year,"
            + " frame_title: 'I: frame', proposals_title: II, new_frame_title: III,"));
  }

  @ParameterizedTest(name = "small budget {index}")
  @MethodSource("smallBudgets")
  void smallBudgetsRoundTrip(String yaml) {
    Budget b = TestBudgets.load(yaml);
    Budget back = assertRoundTrip(b, "small budget\n" + yaml);
    assertThat(computed(back)).isEqualTo(computed(b));
  }

  @Test
  void amountsAreWrittenExactlyInEuros() {
    String yaml = TestBudgets.small("""
          - {id: e1, unit: "1.1", title: One cent, side: lasten, amounts: {2026: 0.01, 2027: -0.05}}
          - {id: e2, unit: "1.1", title: Largest, side: lasten, amounts: {2026: 1000000000000, 2027: -1000000000000}}
          - {id: e3, unit: "1.1", title: Half, side: lasten, amounts: {2026: 12.5, 2027: -417000.5}}
          - {id: e4, unit: "1.1", title: Zero and blank, side: lasten, amounts: {2027: 0}}
          - {id: e5, unit: "1.1", title: Nothing, side: lasten, amounts: {}}
        """, "");
    Budget back = assertRoundTrip(TestBudgets.load(yaml), "amounts");
    Map<String, long[]> expected = Map.of("e1", new long[] {1, -5}, "e2", new long[] {100_000_000_000_000L, -100_000_000_000_000L},
        "e3", new long[] {1250, -41_700_050});
    expected.forEach((id, cents) -> {
      Amounts a = back.proposal(id).orElseThrow().amounts();
      assertThat(new long[] {a.cents(0), a.cents(1)}).as(id).containsExactly(cents);
    });
    Amounts e4 = back.proposal("e4").orElseThrow().amounts();
    assertThat(e4.kind(0)).isEqualTo(Amounts.Kind.BLANK);
    assertThat(e4.kind(1)).isEqualTo(Amounts.Kind.AMOUNT);
    String text = BudgetWriter.write(back);
    assertThat(text).contains("{2026: 0.01, 2027: -0.05}", "{2026: 12.50, 2027: -417000.50}", "{2027: 0}", "amounts: {}");
  }

  @Test
  void percentagesKeepTheirDecimals() {
    String yaml = TestBudgets.small("", "")
        .replace("shares: {A: \"50\", B: \"30\", C: \"20\"}", "shares: {A: \"50.000000000001\", B: \"30.10\", C: \"19.899999999999\"}")
        .replace("spread: {c1: \"25\", c2: \"75\"}", "spread: {c1: \"25.0\", c2: \"75.000\"}");
    Budget back = assertRoundTrip(TestBudgets.load(yaml), "percentages");
    assertThat(back.keys().get(0).sharesPercent()).containsExactly(Map.entry("A", new BigDecimal("50.000000000001")),
        Map.entry("B", new BigDecimal("30.10")), Map.entry("C", new BigDecimal("19.899999999999")));
    assertThat(back.keys().get(0).sharesPercent().get("B").scale()).isEqualTo(2);
    assertThat(back.programmes().get(2).spread().get("c2").scale()).isEqualTo(3);
  }

  // ---- nasty texts -----------------------------------------------------------------------------

  static Stream<String> nastyTexts() {
    String longProse = "Een lange tekst die over de breedte van een regel heen gaat, zodat de schrijver hem moet vouwen; "
        + "woorden staan steeds met één spatie ertussen, behalve  hier (twee) en aan het eind € 1.000,00.";
    return Stream.of(
        "Kader: Meerjarenraming 2027", "a:b", "ends with colon:", "He said \"hi\"", "it's", "'single'", "\"double\"",
        "# not a comment", "Title # hash", "Title #hash", "- leading dash", "-", "? question", ": colon first",
        "  leading and trailing spaces  ", "trailing space ", " leading space",
        "yes", "No", "ON", "off", "y", "N", "null", "Null", "~", "true", "False",
        "012", "1.0", "1e3", "0x1F", "0o17", ".inf", ".NaN", "2027", "-1", "+1", "2027-01-01", "1:20", "1_000",
        "€ 1.000,00", "Fryslân", "Coördinatie ë ü ß", "日本語のテキスト", "emoji 😀 here", "naïve – en — em dash ’",
        "line one\nline two", "para\n\nafter an empty line", "trailing newline\n", "two trailing\n\n", "\nleading newline",
        "  indented first\nsecond", "first\n  indented second", "first\n\tTab second", "with trailing space \nnext",
        "tab\there", "windows\r\nline", "old mac\rline", "nul\u0000char", "bell\u0007", "esc\u001b[0m",
        "line\u2028separator", "para\u2029separator", "next\u0085line", "nbsp\u00a0x", "bom\ufeffx", "del\u007fx",
        "nonchar\ufffex", "lone \ud800 high surrogate", "lone \udc00 low", "reversed \udc00\ud800 pair", "&anchor", "*alias", "!tag", "!!str x", "|", ">", "|-", "%percent", "@at", "`tick`",
        "{braces}", "[brackets]", "a, b", "a,b", "<<", "=", "---", "...", "--- x", "key: value\n- item",
        "\\ backslash \\n no newline", "\\", "\"", "'", "x".repeat(1200), longProse, longProse + "\n" + longProse,
        longProse.replace(" ", "\u00a0"), "a" + " b".repeat(200), "# a - b: c ".repeat(30).trim(), "x".repeat(150) + " y z",
        "woord \u00a0".repeat(40).trim(), "woord\u00a0 ".repeat(40).trim(), "first\n# second\n- third\n---\n...",
        "long first line, ".repeat(10) + "\nsecond");
  }

  /** The IPO budget with text fields of every kind replaced by {@code s}. */
  private static Budget withTexts(Budget b, String s) {
    Organisation organisation = new Organisation(b.organisation().id(), s, s);
    Version v = b.version();
    Version version = new Version(v.id(), s, v.phase(), v.budgetYear(), v.years(), s, s, s);
    List<Product> products = replaceFirst(b.products(), p -> new Product(p.id(), s));
    List<Member> members = replaceFirst(b.members(), m -> new Member(m.id(), s));
    List<DistributionKey> keys = replaceFirst(b.keys(),
        k -> new DistributionKey(k.id(), s, k.sharesPercent(), k.roundedForPrint(), k.normalise(), s));
    List<Category> categories = replaceFirst(b.categories(), c -> new Category(c.id(), s));
    List<ThirdParty> thirdParties = replaceFirst(b.thirdParties(), t -> new ThirdParty(t.id(), s));
    List<Programme> programmes = replaceFirst(b.programmes(), p -> new Programme(p.id(), s, s, p.overheadView(), p.spread(),
        replaceFirst(p.units(), u -> new Unit(u.id(), s, s)), p.frameLasten(), p.frameBaten()));
    List<Proposal> proposals = new ArrayList<>();
    for (Proposal p : b.proposals()) {
      boolean first = proposals.isEmpty();
      Breakdown breakdown = p.breakdown() == null ? null : new Breakdown(s, p.breakdown().showNegated(), p.breakdown().inEuros(),
          replaceFirst(p.breakdown().components(), c -> new Breakdown.Component(c.id(), s, c.nature(), c.amounts())));
      proposals.add(new Proposal(p.id(), p.units(), first ? s : p.title(), p.side(), p.nature(), p.category(), p.products(),
          p.amounts(), p.rule(), p.passThrough(), p.passThrough() ? List.of(s, "plain item") : p.passThroughItems(),
          p.thirdParty(), p.group() == null ? null : s, breakdown, first ? s : p.explanation()));
    }
    List<Transfer> transfers = replaceFirst(b.transfers(), t -> new Transfer(t.id(), s, t.legs()));
    Annex a = b.annex();
    Annex annex = new Annex(s, a.keyId(), replaceFirst(a.columns(),
        c -> new Annex.Column(c.id(), s, c.programmes(), c.units(), c.proposals(), c.keyId(), c.sumOf())),
        new Annex.ThirdPartyColumn(a.thirdPartyColumn().id(), s, a.thirdPartyColumn().thirdParty()));
    List<GlossaryEntry> glossary = replaceFirst(b.glossary(), g -> new GlossaryEntry(s, s));
    PrintedDocument printed = new PrintedDocument(b.printed().amountsRoundedToEuros(), replaceFirst(b.printed().tables(),
        t -> new PrintedDocument.PrintedTable(t.table(), s, t.rows())));
    return new Budget(organisation, version, products, members, keys, categories, thirdParties, programmes, proposals, transfers,
        annex, glossary, printed);
  }

  private static <T> List<T> replaceFirst(List<T> list, UnaryOperator<T> change) {
    List<T> result = new ArrayList<>(list);
    result.set(0, change.apply(result.get(0)));
    return result;
  }

  private static String visible(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(60).forEach(c -> b.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028
        || c == 0x2029 || c == 0xfeff || c == 0xfffe ? String.format("\\u%04x", c) : Character.toString(c)));
    return b.append(s.length() > 60 ? "…(" + s.length() + ")" : "").toString();
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("nastyTexts")
  void nastyTextsSurviveTheRoundTrip(String s) {
    String context = "text '" + visible(s) + "'";
    Budget b = withTexts(TestBudgets.ipo(), s);
    Budget back = assertRoundTrip(b, context);
    // the texts come back as given, in every kind of place
    assertThat(back.organisation().name()).as(context).isEqualTo(s);
    assertThat(back.version().frameTitle()).as(context).isEqualTo(s);
    assertThat(back.keys().get(0).note()).as(context).isEqualTo(s);
    assertThat(back.programmes().get(0).intro()).as(context).isEqualTo(s);
    assertThat(back.programmes().get(0).units().get(0).narrative()).as(context).isEqualTo(s);
    assertThat(back.proposals().get(0).title()).as(context).isEqualTo(s);
    assertThat(back.proposals().get(0).explanation()).as(context).isEqualTo(s);
    assertThat(back.proposals().stream().filter(Proposal::passThrough).findFirst().orElseThrow().passThroughItems())
        .as(context).containsExactly(s, "plain item");
    assertThat(back.proposals().stream().filter(p -> p.group() != null).findFirst().orElseThrow().group()).as(context).isEqualTo(s);
    assertThat(back.proposals().stream().filter(p -> p.breakdown() != null).findFirst().orElseThrow().breakdown().components().get(0).title())
        .as(context).isEqualTo(s);
    assertThat(back.glossary().get(0).abbreviation()).as(context).isEqualTo(s);
    assertThat(back.printed().tables().get(0).page()).as(context).isEqualTo(s);
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("nastyTexts")
  void otherYamlToolsReadTheSameStrings(String s) {
    // a generic YAML 1.2 loader (core schema) sees strings, not numbers, booleans or nulls
    String text = BudgetWriter.write(withTexts(TestBudgets.ipo(), s));
    Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(text);
    assertThat(((Map<?, ?>) doc.get("organisation")).get("name")).as(visible(s)).isEqualTo(s);
    Map<?, ?> proposal = (Map<?, ?>) ((List<?>) doc.get("proposals")).get(0);
    assertThat(proposal.get("explanation")).as(visible(s)).isEqualTo(s);
    assertThat(((Map<?, ?>) ((List<?>) doc.get("glossary")).get(0)).get("abbreviation")).as(visible(s)).isEqualTo(s);
  }

  @Test
  void wordsThatYaml11TakesForBooleansAreQuoted() {
    // YAML 1.1 tools (e.g. PyYAML, SnakeYAML 1.x) read these plain words as booleans or null
    for (String word : List.of("yes", "Yes", "YES", "no", "No", "on", "On", "off", "OFF", "y", "Y", "n", "N", "true", "False", "null", "NULL")) {
      assertThat(BudgetWriter.flowScalar(word)).as(word).isEqualTo("\"" + word + "\"");
    }
    for (String number : List.of("012", "1.0", "2027", "0x1F", "1e3", "-1", ".5", "1_000", "1:20", "2027-01-01")) {
      assertThat(BudgetWriter.flowScalar(number)).as(number).isEqualTo("\"" + number + "\"");
    }
    assertThat(BudgetWriter.flowScalar("Beleid")).as("an ordinary word stays plain").isEqualTo("Beleid");
    assertThat(BudgetWriter.flowScalar("Fryslân")).isEqualTo("Fryslân");
  }

  @Test
  void longProseIsFoldedAndMultiLineTextIsALiteralBlock() {
    Budget ipo = TestBudgets.ipo();
    String prose = "woord ".repeat(40).trim();
    String lines = "eerste regel\ntweede regel\n\n  ingesprongen";
    Budget b = withTexts(ipo, prose);
    String text = BudgetWriter.write(b);
    assertThat(text).contains("  name: >-\n    woord woord");
    for (String line : text.split("\n")) {
      if (line.trim().startsWith("woord")) {
        assertThat(line.length()).as(line).isLessThanOrEqualTo(BudgetWriter.WIDTH);
      }
    }
    assertThat(BudgetWriter.write(withTexts(ipo, lines)))
        .contains("  name: |-\n    eerste regel\n    tweede regel\n\n      ingesprongen\n");
  }

  // ---- nasty ids -------------------------------------------------------------------------------

  static Stream<String> nastyIds() {
    return Stream.of("yes", "No", "null", "~", "true", "012", "1.0", "1e3", ".inf", "2027", "-1", "a:b", "ends:", "#hash", "x#y",
        "-dash", "?q", ":c", "&a", "*b", "!t", "%p", "@a", "`b`", "'q'", "\"dq\"", "[x]", "{x}", "a,b", "<<", "=", "|", ">",
        "Fryslân", "€", "日本", "😀", "\\", "a\u0085b", "a\u2028b", "nul\u0000", "---", "x".repeat(1100));
  }

  private static String rename(String id, String from, String to) {
    return id.equals(from) ? to : id;
  }

  private static List<String> rename(List<String> ids, String from, String to) {
    return ids.stream().map(i -> rename(i, from, to)).toList();
  }

  private static <V> Map<String, V> renameKey(Map<String, V> map, String from, String to) {
    Map<String, V> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(rename(k, from, to), v));
    return result;
  }

  /**
   * A generated budget with the first member, the first annex column and two proposals (a transfer
   * line, and the one the column with its own key names) renamed to ids made of {@code id}: ids as
   * keys (shares, spread), as plain values and in flow lists (sum_of, a column's proposals).
   */
  private static Budget withIds(Budget b, String id) {
    String member = b.members().get(0).id();
    String column = b.annex().columns().get(0).id();
    String line = "transfer-0-from";
    Annex.Column own = b.annex().columns().stream().filter(c -> c.id().equals("own")).findFirst().orElseThrow();
    String ownProposal = own.proposals().get(0);
    String newLine = id + "-line";
    List<Member> members = replaceFirst(b.members(), m -> new Member(id, m.name()));
    List<DistributionKey> keys = b.keys().stream().map(k -> new DistributionKey(k.id(), k.title(),
        renameKey(k.sharesPercent(), member, id), k.roundedForPrint(), k.normalise(), k.note())).toList();
    List<Programme> programmes = b.programmes().stream().map(p -> new Programme(p.id(), p.title(), p.intro(), p.overheadView(),
        renameKey(p.spread(), column, id), p.units(), p.frameLasten(), p.frameBaten())).toList();
    List<Proposal> proposals = b.proposals().stream().map(p -> new Proposal(rename(rename(p.id(), line, newLine), ownProposal, id),
        p.units(), p.title(), p.side(), p.nature(), p.category(), p.products(), p.amounts(), p.rule(), p.passThrough(),
        p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(), p.explanation())).toList();
    List<Transfer> transfers = b.transfers().stream().map(t -> new Transfer(t.id(), t.title(),
        t.legs().stream().map(l -> new Transfer.Leg(rename(l.line(), line, newLine), l.amounts())).toList())).toList();
    Annex a = b.annex();
    Annex annex = new Annex(a.title(), a.keyId(), a.columns().stream().map(c -> new Annex.Column(rename(c.id(), column, id),
        c.title(), c.programmes(), c.units(), rename(c.proposals(), ownProposal, id), c.keyId(), rename(c.sumOf(), column, id)))
        .toList(), a.thirdPartyColumn());
    return new Budget(b.organisation(), b.version(), b.products(), members, keys, b.categories(), b.thirdParties(), programmes,
        proposals, transfers, annex, b.glossary(), b.printed());
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("nastyIds")
  void nastyIdsSurviveTheRoundTrip(String id) {
    String context = "id '" + visible(id) + "'";
    Budget generated = BudgetGenerator.generate(3, new BudgetGenerator.Size(30, 2, 3, 3, 3, 1));
    Budget b = withIds(generated, id);
    Budget back = assertRoundTrip(b, context);
    assertThat(back.members().get(0).id()).as(context).isEqualTo(id);
    assertThat(back.keys().get(0).sharesPercent()).as(context).containsKey(id);
    assertThat(back.annex().columns().get(0).id()).as(context).isEqualTo(id);
    assertThat(back.programmes().get(back.programmes().size() - 1).spread()).as(context).containsKey(id);
    assertThat(back.annex().columns().get(back.annex().columns().size() - 1).sumOf()).as(context).contains(id);
    assertThat(back.proposal(id)).as(context).isPresent();
    assertThat(back.transfers().get(0).legs().get(0).line()).as(context).isEqualTo(id + "-line");
    assertThat(computed(back)).as(context).isEqualTo(computed(b));
  }

  // ---- what the writer normalises, and what it refuses ----------------------------------------

  @Test
  void blankOptionalTextsAreLeftOutAndPrintedCellsTrimmed() {
    Budget ipo = TestBudgets.ipo();
    Organisation o = ipo.organisation();
    Proposal p = ipo.proposals().get(0);
    Programme prog = ipo.programmes().get(0);
    PrintedDocument.PrintedTable table = ipo.printed().tables().get(0);
    String rowId = table.rows().keySet().iterator().next();
    List<String> cells = table.rows().get(rowId).cells();
    List<String> padded = cells.stream().map(c -> " " + c + "\t").toList();

    Budget blank = with(ipo, new Organisation(o.id(), o.name(), null),
        replaceFirst(ipo.programmes(), x -> new Programme(x.id(), x.title(), "  ", x.overheadView(), x.spread(),
            replaceFirst(x.units(), u -> new Unit(u.id(), u.title(), "\n")), x.frameLasten(), x.frameBaten())),
        replaceFirst(ipo.proposals(), x -> new Proposal(x.id(), x.units(), x.title(), x.side(), x.nature(), " ", x.products(),
            x.amounts(), x.rule(), x.passThrough(), x.passThroughItems(), "", "\t", x.breakdown(), "   ")),
        new PrintedDocument(ipo.printed().amountsRoundedToEuros(), replaceFirst(ipo.printed().tables(),
            t -> new PrintedDocument.PrintedTable(t.table(), " ", Map.of(rowId, new PrintedDocument.PrintedRow(padded, 0))))));
    Budget back = read(BudgetWriter.write(blank), "blank texts");

    Budget expected = with(ipo, new Organisation(o.id(), o.name(), o.name()),
        replaceFirst(ipo.programmes(), x -> new Programme(x.id(), x.title(), "", x.overheadView(), x.spread(),
            replaceFirst(x.units(), u -> new Unit(u.id(), u.title(), "")), x.frameLasten(), x.frameBaten())),
        replaceFirst(ipo.proposals(), x -> new Proposal(x.id(), x.units(), x.title(), x.side(), x.nature(), null, x.products(),
            x.amounts(), x.rule(), x.passThrough(), x.passThroughItems(), null, null, x.breakdown(), "")),
        new PrintedDocument(ipo.printed().amountsRoundedToEuros(), replaceFirst(ipo.printed().tables(),
            t -> new PrintedDocument.PrintedTable(t.table(), null, Map.of(rowId, new PrintedDocument.PrintedRow(cells, 0))))));
    assertThat(back).isEqualTo(expected);
    assertThat(prog.intro()).as("the test changed something").isNotEmpty();
    assertThat(p.explanation()).isNotEmpty();
    assertRoundTrip(back, "after normalising");
  }

  private static Budget with(Budget b, Organisation o, List<Programme> programmes, List<Proposal> proposals, PrintedDocument printed) {
    return new Budget(o, b.version(), b.products(), b.members(), b.keys(), b.categories(), b.thirdParties(), programmes,
        proposals, b.transfers(), b.annex(), b.glossary(), printed);
  }

  @Test
  void whatTheFormatCannotHoldIsRefused() {
    Budget ipo = TestBudgets.ipo();
    Proposal p = ipo.proposals().get(0);
    Budget shortAmounts = with(ipo, ipo.organisation(), ipo.programmes(), replaceFirst(ipo.proposals(),
        x -> new Proposal(x.id(), x.units(), x.title(), x.side(), x.nature(), x.category(), x.products(), Amounts.of(1, 2),
            x.rule(), x.passThrough(), x.passThroughItems(), x.thirdParty(), x.group(), x.breakdown(), x.explanation())), ipo.printed());
    assertThatThrownBy(() -> BudgetWriter.write(shortAmounts)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(p.id()).hasMessageContaining("2 years");
    Budget noTitle = with(ipo, ipo.organisation(), ipo.programmes(), replaceFirst(ipo.proposals(),
        x -> new Proposal(x.id(), x.units(), null, x.side(), x.nature(), x.category(), x.products(), x.amounts(),
            x.rule(), x.passThrough(), x.passThroughItems(), x.thirdParty(), x.group(), x.breakdown(), x.explanation())), ipo.printed());
    assertThatThrownBy(() -> BudgetWriter.write(noTitle)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("title of proposal '" + p.id() + "'");
    Budget itemsWithoutPassThrough = with(ipo, ipo.organisation(), ipo.programmes(), replaceFirst(ipo.proposals(),
        x -> new Proposal(x.id(), x.units(), x.title(), x.side(), x.nature(), x.category(), x.products(), x.amounts(),
            x.rule(), false, List.of("item"), x.thirdParty(), x.group(), x.breakdown(), x.explanation())), ipo.printed());
    assertThatThrownBy(() -> BudgetWriter.write(itemsWithoutPassThrough)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pass-through items");
  }

  @Test
  void anInvalidBudgetIsWrittenAndTheReaderSaysWhatIsWrong() {
    Budget ipo = TestBudgets.ipo();
    // a computed line with amounts of its own: the writer does not drop them, the reader refuses them
    Proposal transfer = ipo.proposals().stream().filter(x -> x.rule() == Proposal.Rule.TRANSFER).findFirst().orElseThrow();
    int index = ipo.proposals().indexOf(transfer);
    List<Proposal> proposals = new ArrayList<>(ipo.proposals());
    proposals.set(index, new Proposal(transfer.id(), transfer.units(), transfer.title(), transfer.side(), transfer.nature(),
        transfer.category(), transfer.products(), Amounts.of(1, 2, 3, 4, 5), transfer.rule(), false, List.of(),
        transfer.thirdParty(), transfer.group(), transfer.breakdown(), transfer.explanation()));
    LoadResult result = BudgetReader.read("x.yaml", BudgetWriter.write(with(ipo, ipo.organisation(), ipo.programmes(), proposals,
        ipo.printed())));
    assertThat(result).isInstanceOf(LoadResult.Rejected.class);
    assertThat(((LoadResult.Rejected) result).problems()).anySatisfy(problem ->
        assertThat(problem.message()).contains(transfer.id()).contains("must not have amounts of its own"));
  }
}
