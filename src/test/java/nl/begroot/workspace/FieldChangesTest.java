package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.begroot.TestBudgets;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.store.Change;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import org.junit.jupiter.api.Test;

/** What a log entry changed, field by field, in the budget's words: from the rows before and after. */
class FieldChangesTest {
  private static Change entry(String action, String before, String after) {
    return new Change(1, 1L, "v", "V", Instant.EPOCH, "anna", action, "p", before, after, "ok", null, null, null, null, null);
  }

  private static List<String> texts(Change c) {
    return FieldChanges.of(c).stream().map(FieldChanges.Field::text).toList();
  }

  @Test
  void anAmountAndATitleAreNamedWithTheirValuesBeforeAndAfter() {
    String before = """
          - id: 2.1-wolf
            unit: "2.1"
            title: "Wolf"
            amounts: {2026: 40000, 2027: 581000, 2028: 60000}
        """;
    String after = """
          - id: 2.1-wolf
            unit: "2.1"
            title: "Wolf en lynx"
            amounts: {2026: 40000, 2027: 681000, 2028: 60000}
        """;
    assertThat(texts(entry("proposal.change", before, after))).containsExactly("titel: Wolf → Wolf en lynx",
        "bedrag 2027: 581.000 → 681.000");
  }

  @Test
  void aShareOfAKeyIsNamedByKeyAndMemberWithADecimalComma() {
    String before = "keys:\n  - id: ipo\n    title: IPO\n    shares:\n      GE: \"10.67\"\n      GR: \"6.80\"\n";
    String after = "keys:\n  - id: ipo\n    title: IPO\n    shares:\n      GE: \"11.00\"\n      GR: \"6.47\"\n";
    assertThat(texts(entry("key.change", before, after))).containsExactly("verdeelsleutel ipo, GE: 10,67 → 11,00",
        "verdeelsleutel ipo, GR: 6,80 → 6,47");
  }

  @Test
  void withdrawingAndReinstatingSaySo() {
    String row = "- id: p\n  title: \"P\"\n  amounts: {2027: 1000}\n";
    assertThat(texts(entry("proposal.withdraw", row, row))).containsExactly("ingetrokken");
    assertThat(texts(entry("proposal.reinstate", row, row))).containsExactly("teruggezet");
  }

  @Test
  void aNewLineListsItsFieldsFromNothingAndAnEntryWithoutRowsHasNone() {
    assertThat(texts(entry("proposal.create", null, "- id: p\n  title: \"P\"\n  amounts: {2027: -1234567}\n")))
        .containsExactly("code: — → p", "titel: — → P", "bedrag 2027: — → -1.234.567");
    assertThat(texts(entry("version.delete", null, null))).isEmpty();
  }

  @Test
  void aLongTextIsCut() {
    String longText = "x".repeat(200);
    List<FieldChanges.Field> f = FieldChanges.of(entry("proposal.change", "- id: p\n  explanation: a\n",
        "- id: p\n  explanation: " + longText + "\n"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.name()).isEqualTo("toelichting");
      assertThat(x.after()).hasSize(FieldChanges.MAX_VALUE).endsWith("…");
    });
  }

  @Test
  void anAmountChangedThroughTheWorkspaceReadsAsItWasTyped() {
    var ipo = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
    try (Database db = Database.open(DatabaseUrl.h2Memory("field-changes"))) {
      Workspace w = new Workspace(db);
      w.seedIfEmpty(ipo, TestBudgets.SEED);
      int year = ipo.version().budgetYear();
      w.createProposal(Workspace.CONCEPT, new ProposalDraft("2.3-veld", "2.3", "Veld", "lasten", "recurring", null, null,
          Map.of(year, "581.000"), "Een test."), TestBudgets.actor("anna"));
      var row = w.snapshot(Workspace.CONCEPT).orElseThrow().row("2.3-veld").orElseThrow();
      w.changeProposal(Workspace.CONCEPT, "2.3-veld", row.revision(), new ProposalDraft("2.3-veld", "2.3", "Veld", "lasten", "recurring",
          null, null, Map.of(year, "681.000"), "Een test."), TestBudgets.actor("anna"));
      Change last = w.log().entries(nl.begroot.store.AuditLog.Filter.ALL, null, 1).get(0);
      assertThat(last.action()).isEqualTo("proposal.change");
      assertThat(texts(last)).containsExactly("bedrag " + year + ": 581.000 → 681.000");
    }
  }

  @Test
  void aForecastIsNamedInWordsWithEurosWhateverItsReasonHolds() {
    String after = "prognose_lasten_cents: 347300000\nprognose_baten_cents: 0\nreden: \"Illustratie (verzonnen): vacatures \\\"later\\\" ingevuld\"\n";
    assertThat(texts(entry("midyear.forecast", null, after))).containsExactly("prognose lasten: — → € 3.473.000,00",
        "prognose baten: — → € 0,00", "reden: — → Illustratie (verzonnen): vacatures \"later\" ingevuld");
  }

  @Test
  void anExplanationIsOneText() {
    assertThat(texts(entry("accounts.explain", null, "Illustratie (verzonnen): de afwijking komt door vacatures")))
        .containsExactly("toelichting: — → Illustratie (verzonnen): de afwijking komt door vacatures");
  }
}
