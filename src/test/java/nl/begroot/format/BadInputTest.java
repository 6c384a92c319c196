package nl.begroot.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.begroot.cli.Main;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Proposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input for the budget reader and the command line. Every bad file is the small valid budget
 * {@link #VALID} with one small textual change; each test checks that the file is refused as a whole
 * (there is no partial budget), that the problem points at the changed place (line and column are
 * computed from the text, not copied from the program's output) and that the message says in plain
 * words what is wrong.
 */
public class BadInputTest {

  private static final String FILE = "budget.yaml";

  /**
   * A small valid budget: three members, one key adding up to exactly 100 %, two programmes and an
   * overhead programme with a spread, proposals with amounts and pm, a transfer with two legs, a
   * balancing line and an annex with two columns and their total.
   */
  public static final String VALID = """
      format: begroot/1
      organisation:
        id: demo
        name: Vereniging Demo
        short_name: VD
      version:
        id: cb2027
        title: Conceptbegroting 2027
        budget_year: 2027
        years: [2026, 2027, 2028]
      members:
        - id: AA
          name: Aland
        - id: BB
          name: Bland
        - id: CC
          name: Cland
      keys:
        - id: main
          title: Hoofdsleutel
          shares:
            AA: "25.00"
            BB: "35.00"
            CC: "40.00"
      programmes:
        - id: "1"
          title: Beleid
          frame:
            lasten: {2026: 1000000, 2027: 1000000, 2028: 1000000}
            baten: {2026: 0, 2027: 0, 2028: 0}
          units:
            - id: "1.1"
              title: Beleid algemeen
        - id: "2"
          title: Uitvoering
          frame:
            lasten: {2026: 500000, 2027: 500000, 2028: 500000}
            baten: {2026: 1500000, 2027: 1500000, 2028: 1500000}
          units:
            - id: "2.1"
              title: Uitvoering algemeen
        - id: "9"
          title: Bedrijfsvoering
          overhead_view: true
          spread:
            c1: "40"
            c2: "60"
          frame:
            lasten: {2026: 300000, 2027: 300000, 2028: 300000}
          units:
            - id: "9"
              title: Bedrijfsvoering
      proposals:
        - id: p-water
          unit: "1.1"
          title: Capaciteit water
          side: lasten
          nature: recurring
          amounts: {2026: 100000, 2027: 120000.50, 2028: 120000}
        - id: p-monitor
          unit: "2.1"
          title: Monitoring
          side: lasten
          amounts: {2026: pm, 2027: pm}
        - id: t-from
          unit: "1.1"
          title: Overheveling naar deel 2
          side: lasten
          rule: transfer
        - id: t-to
          unit: "2.1"
          title: Overheveling vanuit deel 1
          side: lasten
          rule: transfer
        - id: p-hrm
          unit: "9"
          title: HRM
          side: lasten
          nature: one-off
          amounts: {2026: 50000, 2027: 25000}
        - id: balance
          unit: "2.1"
          title: Hogere bijdrage leden
          side: baten
          rule: balancing
      transfers:
        - id: taak
          title: Taak van deel 1 naar deel 2
          legs:
            - line: t-from
              amounts: {2026: -30000, 2027: -30000, 2028: -30000}
            - line: t-to
              amounts: {2026: 30000, 2027: 30000, 2028: 30000}
      annex:
        title: Bijlage 1. Bijdragen per lid
        key: main
        columns:
          - id: c1
            title: "1. Beleid"
            programmes: ["1"]
          - id: c2
            title: "2. Uitvoering"
            programmes: ["2"]
          - id: total
            title: Totaal
            sum_of: [c1, c2]
      """;

  // ---- The bad files, each one small change to VALID ----------------------------------------

  static final String BAD_INDENTATION = replace(VALID, "    title: Capaciteit water", "   title: Capaciteit water");
  static final String TOO_DEEP_INDENTATION = replace(VALID, "    side: baten\n", "     side: baten\n");
  static final String TAB_INDENTATION = replace(VALID, "    title: Capaciteit water", "\ttitle: Capaciteit water");
  static final String UNCLOSED_QUOTE = replace(VALID, "title: Capaciteit water", "title: \"Capaciteit water");
  static final String UNKNOWN_UNIT = replaceAfter(VALID, "id: p-water", "unit: \"1.1\"", "unit: \"1.9\"");
  static final String UNKNOWN_MEMBER_IN_KEY = replace(VALID, "CC: \"40.00\"", "CX: \"40.00\"");
  static final String UNKNOWN_KEY_IN_ANNEX = replace(VALID, "key: main", "key: mian");
  static final String UNKNOWN_KEY_IN_ANNEX_COLUMN =
      replace(VALID, "programmes: [\"2\"]\n", "programmes: [\"2\"]\n      key: natuur\n");
  static final String DUPLICATE_PROPOSAL_ID = replace(VALID, "id: p-hrm", "id: p-water");
  static final String DUPLICATE_MEMBER_ID =
      replace(VALID, "    name: Cland\n", "    name: Cland\n  - id: AA\n    name: Anderland\n");
  static final String DUPLICATE_PROGRAMME_ID =
      replace(VALID, "  - id: \"2\"\n    title: Uitvoering", "  - id: \"1\"\n    title: Uitvoering");
  static final String KEY_NOT_100 = replace(VALID, "CC: \"40.00\"", "CC: \"40.02\"");
  static final String KEY_NOT_100_ROUNDED_AND_NORMALISED = replace(KEY_NOT_100, "    title: Hoofdsleutel\n",
      "    title: Hoofdsleutel\n    rounded_for_print: true\n    normalise: true\n");
  static final String KEY_NOT_100_ROUNDED_ONLY =
      replace(KEY_NOT_100, "    title: Hoofdsleutel\n", "    title: Hoofdsleutel\n    rounded_for_print: true\n");
  static final String KEY_100_ROUNDED_ONLY =
      replace(VALID, "    title: Hoofdsleutel\n", "    title: Hoofdsleutel\n    rounded_for_print: true\n");
  static final String MEMBER_MISSING_FROM_KEY = replace(VALID, "      CC: \"40.00\"\n", "");
  static final String TRANSFER_NOT_NETTING = replace(VALID,
      "amounts: {2026: 30000, 2027: 30000, 2028: 30000}", "amounts: {2026: 30000, 2027: 31000, 2028: 30000}");
  static final String YEAR_OUTSIDE_VERSION = replace(VALID, "{2026: 50000, 2027: 25000}", "{2026: 50000, 2031: 25000}");
  static final String PM_MIXED_WITH_AMOUNT = replace(VALID, "{2026: pm, 2027: pm}", "{2026: pm, 2027: 5000}");
  static final String DECIMAL_COMMA_QUOTED = replace(VALID, "2026: 100000, 2027: 120000.50", "2026: \"12,5\", 2027: 120000.50");
  static final String DECIMAL_COMMA_PLAIN = replace(VALID, "2026: 100000, 2027: 120000.50", "2026: 12,5, 2027: 120000.50");
  static final String NOT_A_NUMBER = replace(VALID, "2027: 120000.50", "2027: abc");
  static final String THREE_DECIMALS = replace(VALID, "2027: 120000.50", "2027: 120000.505");
  static final String HUGE_AMOUNT = replace(VALID, "2028: 120000}", "2028: 2000000000000}");
  static final String AMOUNT_BEYOND_LONG = replace(VALID, "2028: 120000}", "2028: 99999999999999999999999}");
  static final String TYPO_IN_PROPOSAL_KEY = replaceAfter(VALID, "id: p-water", "nature: recurring", "natuer: recurring");
  static final String SEVERAL_PROBLEMS = replace(replace(replace(replace(VALID,
      "{2026: 50000, 2027: 25000}", "{2026: 50000, 2031: 25000}"),
      "key: main", "key: mian"),
      "CC: \"40.00\"", "CC: \"40.02\""),
      "id: p-water\n    unit: \"1.1\"", "id: p-water\n    unit: \"1.9\"");
  static final String LIST_FOR_MAPPING = replace(VALID,
      "amounts: {2026: 100000, 2027: 120000.50, 2028: 120000}", "amounts: [100000, 120000.50, 120000]");
  static final String MAPPING_FOR_WHOLE_NUMBER = replace(VALID, "budget_year: 2027", "budget_year: {year: 2027}");
  static final String MAPPING_FOR_AMOUNT =
      replace(VALID, "2026: 100000, 2027: 120000.50", "2026: {euros: 100000}, 2027: 120000.50");
  static final String PROPOSAL_IN_NO_COLUMN = replace(VALID, "programmes: [\"1\"]", "proposals: [p-water]");
  static final String SPREAD_OVER_SUM_COLUMN = replace(VALID, "c2: \"60\"", "total: \"60\"");
  static final String EMPTY_UNIT_LIST = replaceAfter(VALID, "id: p-water", "unit: \"1.1\"", "unit: []");
  static final String AMOUNTS_ON_COMPUTED_LINE =
      replaceAfter(VALID, "id: t-from", "rule: transfer", "rule: transfer\n    amounts: {2026: 1}");
  static final String NEGATIVE_SHARE = replace(VALID, "CC: \"40.00\"", "CC: \"-40.00\"");
  static final String DEEPLY_NESTED = "[".repeat(50_000) + "]".repeat(50_000) + "\n";

  /** Every bad text that the reader refuses today (crashes are in their own, disabled, tests). */
  static Stream<Arguments> badTexts() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("bad indentation", BAD_INDENTATION);
    cases.put("too deep indentation", TOO_DEEP_INDENTATION);
    cases.put("tab indentation", TAB_INDENTATION);
    cases.put("unclosed quote", UNCLOSED_QUOTE);
    cases.put("unknown unit", UNKNOWN_UNIT);
    cases.put("unknown member in key", UNKNOWN_MEMBER_IN_KEY);
    cases.put("unknown key in annex", UNKNOWN_KEY_IN_ANNEX);
    cases.put("unknown key in annex column", UNKNOWN_KEY_IN_ANNEX_COLUMN);
    cases.put("duplicate proposal id", DUPLICATE_PROPOSAL_ID);
    cases.put("duplicate member id", DUPLICATE_MEMBER_ID);
    cases.put("duplicate programme id", DUPLICATE_PROGRAMME_ID);
    cases.put("key not 100", KEY_NOT_100);
    cases.put("key rounded without normalise", KEY_NOT_100_ROUNDED_ONLY);
    cases.put("key of 100 rounded without normalise", KEY_100_ROUNDED_ONLY);
    cases.put("member missing from key", MEMBER_MISSING_FROM_KEY);
    cases.put("transfer not netting", TRANSFER_NOT_NETTING);
    cases.put("year outside version", YEAR_OUTSIDE_VERSION);
    cases.put("pm mixed with amount", PM_MIXED_WITH_AMOUNT);
    cases.put("decimal comma quoted", DECIMAL_COMMA_QUOTED);
    cases.put("decimal comma plain", DECIMAL_COMMA_PLAIN);
    cases.put("not a number", NOT_A_NUMBER);
    cases.put("three decimals", THREE_DECIMALS);
    cases.put("huge amount", HUGE_AMOUNT);
    cases.put("amount beyond long", AMOUNT_BEYOND_LONG);
    cases.put("typo in proposal key", TYPO_IN_PROPOSAL_KEY);
    cases.put("several problems", SEVERAL_PROBLEMS);
    cases.put("list for mapping", LIST_FOR_MAPPING);
    cases.put("mapping for whole number", MAPPING_FOR_WHOLE_NUMBER);
    cases.put("mapping for amount", MAPPING_FOR_AMOUNT);
    cases.put("proposal in no column", PROPOSAL_IN_NO_COLUMN);
    cases.put("amounts on computed line", AMOUNTS_ON_COMPUTED_LINE);
    cases.put("negative share", NEGATIVE_SHARE);
    cases.put("empty file", "");
    cases.put("only a comment", "# nothing here\n");
    cases.put("top level list", "- a\n- b\n");
    cases.put("unsupported format", replace(VALID, "format: begroot/1", "format: begroot/2"));
    cases.put("years not a list", replace(VALID, "years: [2026, 2027, 2028]", "years: 2026"));
    cases.put("second document", VALID + "---\nformat: begroot/1\n");
    cases.put("complex mapping key", replace(VALID, "  short_name: VD\n", "  ? [a, b]\n  : c\n"));
    cases.put("undefined alias", replace(VALID, "title: Capaciteit water", "title: *water"));
    cases.put("text over the limit", replace(VALID, "title: Capaciteit water",
        "title: \"" + "w".repeat(nl.begroot.core.model.BudgetSize.MAX_TEXT_CHARS + 1) + "\""));
    return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  // ---- The valid budget --------------------------------------------------------------------

  @Test
  void theValidBudgetLoads() {
    Budget budget = loaded(VALID);
    assertThat(budget.members()).extracting(m -> m.id()).containsExactly("AA", "BB", "CC");
    assertThat(budget.keys()).singleElement().satisfies(k -> {
      assertThat(k.id()).isEqualTo("main");
      assertThat(k.roundedForPrint()).isFalse();
    });
    assertThat(budget.programmes()).extracting(p -> p.id()).containsExactly("1", "2", "9");
    assertThat(budget.programmes().get(2).overheadView()).isTrue();
    assertThat(budget.proposals()).extracting(Proposal::id)
        .containsExactly("p-water", "p-monitor", "t-from", "t-to", "p-hrm", "balance");
    assertThat(budget.proposals()).filteredOn(p -> p.rule() == Proposal.Rule.BALANCING).hasSize(1);
    assertThat(budget.transfers()).singleElement().satisfies(t -> assertThat(t.legs()).hasSize(2));
    assertThat(budget.annex().columns()).extracting(c -> c.id()).containsExactly("c1", "c2", "total");
  }

  @Test
  void theValidBudgetValidatesAndComputesOnTheCommandLine(@TempDir Path dir) throws IOException {
    Path file = write(dir, VALID);
    Cli validate = cli("validate", file.toString());
    assertThat(validate.code).isEqualTo(Main.OK);
    assertThat(validate.out).startsWith("OK: ");
    assertThat(validate.err).isEmpty();
    Cli compute = cli("compute", file.toString());
    assertThat(compute.code).isEqualTo(Main.OK);
    assertThat(compute.err).isEmpty();
  }

  // ---- Malformed YAML ------------------------------------------------------------------------

  @Test
  void aKeyIndentedTooLittleIsInvalidYamlAtThatKey() {
    Problem p = single(BAD_INDENTATION);
    assertAt(p, BAD_INDENTATION, indexOf(BAD_INDENTATION, "title: Capaciteit water"));
    assertMessage(p, "not valid YAML");
  }

  @Test
  void aTabUsedForIndentationIsInvalidYamlAtTheTab() {
    Problem p = single(TAB_INDENTATION);
    assertAt(p, TAB_INDENTATION, indexOf(TAB_INDENTATION, "\t"));
    assertMessage(p, "not valid YAML", "TAB", "indentation");
  }

  @Test
  void anUnclosedQuoteIsInvalidYaml() {
    Problem p = single(UNCLOSED_QUOTE);
    assertMessage(p, "not valid YAML");
    assertThat(p.line()).isGreaterThanOrEqualTo(lineAt(UNCLOSED_QUOTE, indexOf(UNCLOSED_QUOTE, "\"Capaciteit")));
  }

  @Test
  void anUnclosedQuoteIsReportedAtTheOpeningQuote() {
    Problem p = single(UNCLOSED_QUOTE);
    assertAt(p, UNCLOSED_QUOTE, indexOf(UNCLOSED_QUOTE, "\"Capaciteit"));
    assertMessage(p, "quot");
  }

  // ---- Unknown references ----------------------------------------------------------------

  @Test
  void aProposalNamingAnUnknownUnit() {
    Problem p = single(UNKNOWN_UNIT);
    assertAt(p, UNKNOWN_UNIT, indexOf(UNKNOWN_UNIT, "\"1.9\""));
    assertMessage(p, "p-water", "unknown unit", "'1.9'");
  }

  @Test
  void aKeyNamingAnUnknownMember() {
    Problem p = single(UNKNOWN_MEMBER_IN_KEY);
    assertAt(p, UNKNOWN_MEMBER_IN_KEY, indexOf(UNKNOWN_MEMBER_IN_KEY, "CX:"));
    assertMessage(p, "key 'main'", "unknown member", "'CX'");
  }

  @Test
  void theAnnexNamingAnUnknownKey() {
    Problem p = single(UNKNOWN_KEY_IN_ANNEX);
    assertAt(p, UNKNOWN_KEY_IN_ANNEX, indexOf(UNKNOWN_KEY_IN_ANNEX, "mian"));
    assertMessage(p, "annex", "unknown key", "'mian'");
  }

  @Test
  void anAnnexColumnNamingAnUnknownKey() {
    Problem p = single(UNKNOWN_KEY_IN_ANNEX_COLUMN);
    assertAt(p, UNKNOWN_KEY_IN_ANNEX_COLUMN, indexOf(UNKNOWN_KEY_IN_ANNEX_COLUMN, "natuur"));
    assertMessage(p, "annex column 'c2'", "unknown key", "'natuur'");
  }

  // ---- Duplicate ids ------------------------------------------------------------------------

  @Test
  void aDuplicateProposalIdPointsAtTheSecondAndNamesTheFirst() {
    Problem p = single(DUPLICATE_PROPOSAL_ID);
    int first = indexOf(DUPLICATE_PROPOSAL_ID, "p-water", 1);
    int second = indexOf(DUPLICATE_PROPOSAL_ID, "p-water", 2);
    assertAt(p, DUPLICATE_PROPOSAL_ID, second);
    assertMessage(p, "duplicate proposal id", "'p-water'", "line " + lineAt(DUPLICATE_PROPOSAL_ID, first));
  }

  @Test
  void aDuplicateMemberId() {
    Problem p = single(DUPLICATE_MEMBER_ID);
    assertAt(p, DUPLICATE_MEMBER_ID, indexOf(DUPLICATE_MEMBER_ID, "AA", 2));
    assertMessage(p, "duplicate", "'AA'", "members");
  }

  @Test
  void aDuplicateProgrammeIdIsTheFirstProblem() {
    List<Problem> problems = rejected(DUPLICATE_PROGRAMME_ID);
    // Renaming programme 2 also leaves annex column c2 naming a programme '2' that no longer exists.
    Problem p = problems.get(0);
    assertAt(p, DUPLICATE_PROGRAMME_ID, indexOf(DUPLICATE_PROGRAMME_ID, "\"1\"\n    title: Uitvoering"));
    assertMessage(p, "duplicate programme id", "'1'");
  }

  // ---- Distribution keys ---------------------------------------------------------------------

  @Test
  void aKeyThatDoesNotAddUpTo100IsAnError() {
    Problem p = single(KEY_NOT_100);
    // the place of the key's shares (a YAML block mapping starts at its first entry)
    assertAt(p, KEY_NOT_100, indexOf(KEY_NOT_100, "AA: \"25.00\""));
    assertMessage(p, "key 'main'", "100.02 %", "not 100 %");
  }

  @Test
  void theSameKeyIsAcceptedWhenRoundedForPrintAndNormalised() {
    Budget budget = loaded(KEY_NOT_100_ROUNDED_AND_NORMALISED);
    DistributionKey key = budget.keys().get(0);
    assertThat(key.roundedForPrint()).isTrue();
    assertThat(key.normalise()).isTrue();
  }

  @Test
  void roundedForPrintWithoutNormaliseIsAnError() {
    Problem p = single(KEY_100_ROUNDED_ONLY);
    assertAt(p, KEY_100_ROUNDED_ONLY, indexOf(KEY_100_ROUNDED_ONLY, "rounded_for_print: true") + "rounded_for_print: ".length());
    assertMessage(p, "key 'main'", "rounded_for_print", "normalise: true");

    List<Problem> problems = rejected(KEY_NOT_100_ROUNDED_ONLY);
    assertThat(problems).anySatisfy(q -> {
      assertAt(q, KEY_NOT_100_ROUNDED_ONLY, indexOf(KEY_NOT_100_ROUNDED_ONLY, "rounded_for_print: true") + "rounded_for_print: ".length());
      assertMessage(q, "normalise");
    });
  }

  @Test
  void aMemberMissingFromAKey() {
    Problem p = single(MEMBER_MISSING_FROM_KEY);
    assertAt(p, MEMBER_MISSING_FROM_KEY, indexOf(MEMBER_MISSING_FROM_KEY, "AA: \"25.00\""));
    assertMessage(p, "member 'CC'", "Cland", "missing", "key 'main'");
  }

  @Test
  void anInvalidShareIsOneProblemAtTheShare() {
    Problem p = single(NEGATIVE_SHARE);
    assertAt(p, NEGATIVE_SHARE, indexOf(NEGATIVE_SHARE, "\"-40.00\""));
    assertMessage(p, "CC", "percentage");
  }

  // ---- Transfers, years and amounts ------------------------------------------------------------

  @Test
  void transferLegsThatDoNotNetToZeroNameTheYear() {
    Problem p = single(TRANSFER_NOT_NETTING);
    assertAt(p, TRANSFER_NOT_NETTING, indexOf(TRANSFER_NOT_NETTING, "- line: t-from"));
    assertMessage(p, "transfer 'taak'", "net to zero", "2027", "1000.00");
  }

  @Test
  void aYearOutsideTheVersionsYears() {
    Problem p = single(YEAR_OUTSIDE_VERSION);
    assertAt(p, YEAR_OUTSIDE_VERSION, indexOf(YEAR_OUTSIDE_VERSION, "2031"));
    assertMessage(p, "p-hrm", "2031", "outside", "2026-2028");
  }

  @Test
  void pmMixedWithAnAmountInOneLine() {
    Problem p = single(PM_MIXED_WITH_AMOUNT);
    assertAt(p, PM_MIXED_WITH_AMOUNT, indexOf(PM_MIXED_WITH_AMOUNT, "pm, 2027: 5000"));
    assertMessage(p, "p-monitor", "mixes pm with amounts");
  }

  @Test
  void anAmountWithADecimalComma() {
    Problem p = single(DECIMAL_COMMA_QUOTED);
    assertAt(p, DECIMAL_COMMA_QUOTED, indexOf(DECIMAL_COMMA_QUOTED, "\"12,5\""));
    assertMessage(p, "p-water", "2026", "'12,5' is not an amount", "dot");
  }

  @Test
  void anUnquotedDecimalCommaSplitsTheFlowMappingAndIsRefusedOnItsLine() {
    // In {2026: 12,5, ...} YAML reads "12" as the amount and "5" as a further key.
    Problem p = single(DECIMAL_COMMA_PLAIN);
    assertAt(p, DECIMAL_COMMA_PLAIN, indexOf(DECIMAL_COMMA_PLAIN, "12,5") + "12,".length());
    assertMessage(p, "p-water", "'5'", "not a year");
  }

  @Test
  void aNonNumericAmount() {
    Problem p = single(NOT_A_NUMBER);
    assertAt(p, NOT_A_NUMBER, indexOf(NOT_A_NUMBER, "abc"));
    assertMessage(p, "p-water", "2027", "'abc' is not an amount");
  }

  @Test
  void anAmountWithThreeDecimals() {
    Problem p = single(THREE_DECIMALS);
    assertAt(p, THREE_DECIMALS, indexOf(THREE_DECIMALS, "120000.505"));
    assertMessage(p, "2027", "'120000.505' is not an amount", "at most two decimals");
  }

  @Test
  void anAbsurdlyHugeAmount() {
    Problem p = single(HUGE_AMOUNT);
    assertAt(p, HUGE_AMOUNT, indexOf(HUGE_AMOUNT, "2000000000000"));
    assertMessage(p, "2028", "2000000000000", "larger than Begroot accepts");
  }

  @Test
  void anAmountBeyondEveryLimitSaysItIsTooLarge() {
    Problem p = single(AMOUNT_BEYOND_LONG);
    assertAt(p, AMOUNT_BEYOND_LONG, indexOf(AMOUNT_BEYOND_LONG, "99999999999999999999999"));
    assertMessage(p, "2028", "larger than Begroot accepts");
  }

  // ---- Unknown keys and wrong types ------------------------------------------------------------

  @Test
  void aTypoInAProposalKey() {
    Problem p = single(TYPO_IN_PROPOSAL_KEY);
    assertAt(p, TYPO_IN_PROPOSAL_KEY, indexOf(TYPO_IN_PROPOSAL_KEY, "natuer"));
    assertMessage(p, "unknown key 'natuer'", "proposal", "nature");
  }

  @Test
  void aListWhereAMappingIsExpected() {
    Problem p = single(LIST_FOR_MAPPING);
    assertAt(p, LIST_FOR_MAPPING, indexOf(LIST_FOR_MAPPING, "[100000"));
    assertMessage(p, "p-water", "amounts", "must be a mapping");
  }

  @Test
  void aMappingWhereAWholeNumberIsExpected() {
    Problem p = single(MAPPING_FOR_WHOLE_NUMBER);
    assertAt(p, MAPPING_FOR_WHOLE_NUMBER, indexOf(MAPPING_FOR_WHOLE_NUMBER, "{year: 2027}"));
    assertMessage(p, "budget_year", "whole number");
  }

  @Test
  void aMappingWhereAnAmountIsExpectedIsRefusedAtTheMapping() {
    Problem p = single(MAPPING_FOR_AMOUNT);
    assertAt(p, MAPPING_FOR_AMOUNT, indexOf(MAPPING_FOR_AMOUNT, "{euros: 100000}"));
    assertMessage(p, "p-water", "2026", "amount");
  }

  @Test
  void aMappingWhereAnAmountIsExpectedIsNotCalledNothing() {
    Problem p = single(MAPPING_FOR_AMOUNT);
    assertThat(p.message()).contains("amount").doesNotContain("nothing");
  }

  @Test
  void amountsOnAComputedLineNameTheRuleInPlainWords() {
    Problem p = single(AMOUNTS_ON_COMPUTED_LINE);
    assertAt(p, AMOUNTS_ON_COMPUTED_LINE, indexOf(AMOUNTS_ON_COMPUTED_LINE, "{2026: 1}"));
    assertMessage(p, "t-from", "rule transfer", "must not have amounts");
    assertThat(p.message()).doesNotContain("snakeyaml").doesNotContain("Node");
  }

  @Test
  void anEmptyUnitListIsAnError() {
    Problem p = single(EMPTY_UNIT_LIST);
    assertAt(p, EMPTY_UNIT_LIST, indexOf(EMPTY_UNIT_LIST, "[]"));
    assertMessage(p, "p-water", "unit");
  }

  // ---- Annex ------------------------------------------------------------------------------------

  @Test
  void aProposalThatFallsInNoAnnexColumn() {
    Problem p = single(PROPOSAL_IN_NO_COLUMN);
    assertAt(p, PROPOSAL_IN_NO_COLUMN, indexOf(PROPOSAL_IN_NO_COLUMN, "id: t-from"));
    assertMessage(p, "'t-from'", "no annex column");
  }

  @Test
  void aSpreadOverASumColumnIsRefusedNotACrash(@TempDir Path dir) throws IOException {
    List<Problem> problems = new ArrayList<>();
    assertThatCode(() -> problems.addAll(rejected(SPREAD_OVER_SUM_COLUMN))).doesNotThrowAnyException();
    assertThat(problems).singleElement().satisfies(p -> {
      assertAt(p, SPREAD_OVER_SUM_COLUMN, indexOf(SPREAD_OVER_SUM_COLUMN, "total: \"60\""));
      assertMessage(p, "'total'", "sum of columns");
    });
    assertComputeRefusesWithoutStackTrace(write(dir, SPREAD_OVER_SUM_COLUMN));
  }

  // ---- Several problems at once ----------------------------------------------------------------

  @Test
  void severalProblemsAreAllReportedSortedByLine() {
    List<Problem> problems = rejected(SEVERAL_PROBLEMS);
    String t = SEVERAL_PROBLEMS;
    int[] places = {indexOf(t, "AA: \"25.00\""), indexOf(t, "\"1.9\""), indexOf(t, "2031"), indexOf(t, "mian")};
    assertThat(problems).hasSize(places.length);
    for (int i = 0; i < places.length; i++) {
      assertAt(problems.get(i), t, places[i]);
    }
    assertMessage(problems.get(0), "100.02 %");
    assertMessage(problems.get(1), "unknown unit '1.9'");
    assertMessage(problems.get(2), "year 2031");
    assertMessage(problems.get(3), "unknown key 'mian'");
    assertThat(problems).extracting(Problem::line).isSorted();
  }

  @Test
  void wholeBudgetProblemsAreReportedTogetherWithOtherProblems() {
    String text = replaceAfter(PROPOSAL_IN_NO_COLUMN, "id: p-monitor", "unit: \"2.1\"", "unit: \"2.9\"");
    List<Problem> problems = rejected(text);
    assertThat(problems).hasSize(2);
    assertAt(problems.get(0), text, indexOf(text, "\"2.9\""));
    assertAt(problems.get(1), text, indexOf(text, "id: t-from"));
    assertMessage(problems.get(1), "no annex column");
  }

  // ---- Empty, unreadable and missing files -------------------------------------------------

  @Test
  void anEmptyFile() {
    for (String text : List.of("", "\n", "# only a comment\n")) {
      Problem p = single(text);
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.column()).isEqualTo(1);
      assertMessage(p, "empty");
    }
  }

  @Test
  void aFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, nonUtf8Bytes());
    LoadResult result = BudgetFiles.load(file);
    assertThat(result).isInstanceOf(LoadResult.Rejected.class);
    Problem p = ((LoadResult.Rejected) result).problems().get(0);
    assertThat(((LoadResult.Rejected) result).problems()).hasSize(1);
    assertThat(p.file()).isEqualTo(file.toString());
    assertMessage(p, "not UTF-8");
  }

  @Test
  void aFileThatIsNotUtf8IsReportedAtTheBadByte(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, nonUtf8Bytes());
    Problem p = ((LoadResult.Rejected) BudgetFiles.load(file)).problems().get(0);
    String asText = VALID.replace("Capaciteit water", "Capaciteit w?ter");
    assertAt(p, file.toString(), asText, indexOf(asText, "?"));
  }

  @Test
  void aMissingFile(@TempDir Path dir) {
    Path file = dir.resolve("nowhere.yaml");
    LoadResult result = BudgetFiles.load(file);
    assertThat(result).isInstanceOf(LoadResult.Rejected.class);
    assertThat(((LoadResult.Rejected) result).problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(file.toString());
      assertMessage(p, "no such file");
    });
  }

  @Test
  void deeplyNestedYamlIsRefusedNotACrash(@TempDir Path dir) throws IOException {
    assertThatCode(() -> rejected(DEEPLY_NESTED)).doesNotThrowAnyException();
    assertComputeRefusesWithoutStackTrace(write(dir, DEEPLY_NESTED));
  }

  // ---- The command line --------------------------------------------------------------------

  @Test
  void validateOnABadFileExits2AndListsEveryProblemWithItsPlaceOnErr(@TempDir Path dir) throws IOException {
    Path file = write(dir, SEVERAL_PROBLEMS);
    Cli run = cli("validate", file.toString());
    assertThat(run.code).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out).isEmpty();
    List<String> lines = run.err.lines().toList();
    assertThat(lines).hasSize(5);
    Pattern place = Pattern.compile(Pattern.quote(file.toString()) + ":(\\d+):(\\d+): \\S.*");
    List<Problem> expected = rejected(SEVERAL_PROBLEMS);
    for (int i = 0; i < 4; i++) {
      var m = place.matcher(lines.get(i));
      assertThat(m.matches()).as("line %d of err: %s", i + 1, lines.get(i)).isTrue();
      assertThat(Integer.parseInt(m.group(1))).isEqualTo(expected.get(i).line());
      assertThat(Integer.parseInt(m.group(2))).isEqualTo(expected.get(i).column());
      assertThat(lines.get(i)).endsWith(": " + expected.get(i).message());
    }
    assertThat(lines.get(0)).startsWith(file + ":" + lineAt(SEVERAL_PROBLEMS, indexOf(SEVERAL_PROBLEMS, "AA: \"25.00\"")) + ":");
    assertThat(lines.get(4)).isEqualTo("4 problems found; nothing was loaded.");
  }

  @Test
  void validateOnAFileWithOneProblemSaysOneProblem(@TempDir Path dir) throws IOException {
    Path file = write(dir, UNKNOWN_UNIT);
    Cli run = cli("validate", file.toString());
    assertThat(run.code).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out).isEmpty();
    assertThat(run.err.lines().toList()).containsExactly(
        file + ":" + lineAt(UNKNOWN_UNIT, indexOf(UNKNOWN_UNIT, "\"1.9\"")) + ":"
            + columnAt(UNKNOWN_UNIT, indexOf(UNKNOWN_UNIT, "\"1.9\"")) + ": proposal 'p-water' names an unknown unit '1.9'",
        "1 problem found; nothing was loaded.");
  }

  @Test
  void computeOnABadFileExits2(@TempDir Path dir) throws IOException {
    Path file = write(dir, SEVERAL_PROBLEMS);
    Cli run = cli("compute", file.toString());
    assertThat(run.code).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out).isEmpty();
    assertThat(run.err).contains(file + ":").endsWith("4 problems found; nothing was loaded." + System.lineSeparator());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTexts")
  void noBadInputMakesComputePrintAStackTrace(String name, String text, @TempDir Path dir) throws IOException {
    assertThat(BudgetReader.read(FILE, text)).as(name).isInstanceOf(LoadResult.Rejected.class);
    assertComputeRefusesWithoutStackTrace(write(dir, text));
  }

  @Test
  void noStackTraceForAFileThatIsNotUtf8OrMissing(@TempDir Path dir) throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, nonUtf8Bytes());
    assertComputeRefusesWithoutStackTrace(latin1);
    assertComputeRefusesWithoutStackTrace(dir.resolve("nowhere.yaml"));
    assertComputeRefusesWithoutStackTrace(dir); // a directory, not a file
  }

  // ---- Helpers -----------------------------------------------------------------------------

  private static void assertComputeRefusesWithoutStackTrace(Path file) {
    Cli run = cli("compute", file.toString());
    assertThat(run.code).as("exit code of compute %s; err: %s", file, run.err).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out).as("out").isEmpty();
    assertThat(run.err).as("err").isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static byte[] nonUtf8Bytes() {
    byte[] bytes = VALID.replace("Capaciteit water", "Capaciteit w?ter").getBytes(StandardCharsets.UTF_8);
    bytes[new String(bytes, StandardCharsets.UTF_8).indexOf('?')] = (byte) 0xE4; // 'ä' in Latin-1
    return bytes;
  }

  private record Cli(int code, String out, String err) {}

  private static Cli cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  private static Path write(Path dir, String text) throws IOException {
    return Files.writeString(dir.resolve("budget.yaml"), text, StandardCharsets.UTF_8);
  }

  private static Budget loaded(String text) {
    LoadResult result = BudgetReader.read(FILE, text);
    if (result instanceof LoadResult.Rejected rejected) {
      fail("expected the budget to load, but: " + rejected.problems());
    }
    return ((LoadResult.Loaded) result).budget();
  }

  /** The problems of a refused file; fails when the file loads (there is no partial budget). */
  private static List<Problem> rejected(String text) {
    LoadResult result = BudgetReader.read(FILE, text);
    assertThat(result).as("result of reading the bad file").isInstanceOf(LoadResult.Rejected.class);
    List<Problem> problems = ((LoadResult.Rejected) result).problems();
    assertThat(problems).isNotEmpty();
    assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(FILE));
    return problems;
  }

  /** The one problem of a refused file. */
  private static Problem single(String text) {
    List<Problem> problems = rejected(text);
    assertThat(problems).as("problems").hasSize(1);
    return problems.get(0);
  }

  private static void assertAt(Problem p, String text, int index) {
    assertAt(p, FILE, text, index);
  }

  private static void assertAt(Problem p, String file, String text, int index) {
    assertThat(p.file()).isEqualTo(file);
    assertThat(p.line()).as("line of %s", p).isEqualTo(lineAt(text, index));
    assertThat(p.column()).as("column of %s", p).isEqualTo(columnAt(text, index));
  }

  private static void assertMessage(Problem p, String... words) {
    for (String word : words) {
      assertThat(p.message()).as("message of %s", p).containsIgnoringCase(word);
    }
  }

  /** 1-based line of a character index. */
  private static int lineAt(String text, int index) {
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }

  /** 1-based column of a character index. */
  private static int columnAt(String text, int index) {
    return index - (text.lastIndexOf('\n', index - 1) + 1) + 1;
  }

  /** Index of the only occurrence of {@code needle}. */
  private static int indexOf(String text, String needle) {
    int i = text.indexOf(needle);
    assertThat(i).as("'%s' in the text", needle).isGreaterThanOrEqualTo(0);
    assertThat(text.indexOf(needle, i + 1)).as("'%s' occurs only once", needle).isEqualTo(-1);
    return i;
  }

  /** Index of the n-th (1-based) occurrence of {@code needle}. */
  private static int indexOf(String text, String needle, int n) {
    int i = -1;
    for (int k = 0; k < n; k++) {
      i = text.indexOf(needle, i + 1);
      assertThat(i).as("occurrence %d of '%s'", k + 1, needle).isGreaterThanOrEqualTo(0);
    }
    return i;
  }

  /** Replaces the only occurrence of {@code old}. */
  static String replace(String text, String old, String replacement) {
    int i = text.indexOf(old);
    if (i < 0 || text.indexOf(old, i + 1) >= 0) {
      throw new IllegalArgumentException("'" + old + "' must occur exactly once");
    }
    return text.substring(0, i) + replacement + text.substring(i + old.length());
  }

  /** Replaces the first occurrence of {@code old} after {@code marker}. */
  static String replaceAfter(String text, String marker, String old, String replacement) {
    int m = text.indexOf(marker);
    int i = m < 0 ? -1 : text.indexOf(old, m);
    if (i < 0) {
      throw new IllegalArgumentException("'" + old + "' after '" + marker + "' not found");
    }
    return text.substring(0, i) + replacement + text.substring(i + old.length());
  }
}
