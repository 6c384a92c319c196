package nl.begroot.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.model.Budget;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.store.Database;
import nl.begroot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edits are validated by the core on the edited model, and each of the core's findings comes back at
 * the form field the user typed, in Dutch and English. The rules here are the core's
 * (BudgetValidator: an amount at most 1.000.000.000.000 euros, references to units, categories,
 * products and members that exist, a share from 0 to 100; Narratives: a reference names a figure),
 * not the form's: the form only reads text.
 */
class EditCheckTest {
  static final Budget IPO = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
  static final String V = Workspace.CONCEPT;
  Database database;
  Workspace workspace;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabases.freshH2());
    workspace = new Workspace(database);
    workspace.seedIfEmpty(IPO, nl.begroot.TestBudgets.SEED);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private int revision(String id) {
    return workspace.snapshot(V).orElseThrow().row(id).orElseThrow().revision();
  }

  private static ProposalDraft amount(int year, String text) {
    return new ProposalDraft(null, null, null, null, null, null, null, Map.of(year, text), null);
  }

  private static List<FieldError> errors(EditResult r) {
    assertThat(r).isInstanceOf(EditResult.Invalid.class);
    return ((EditResult.Invalid) r).errors();
  }

  @Test
  void theCoresUpperBoundOfAnAmountIsReportedAtTheYearTyped() {
    // 1.000.000.000.000 euros is the most the core accepts (BudgetValidator.MAX_CENTS): one cent more is refused
    List<FieldError> e = errors(workspace.changeProposal(V, "2.7-soc", revision("2.7-soc"), amount(2028, "1.000.000.000.000,01"), nl.begroot.TestBudgets.actor("t")));
    assertThat(e).extracting(FieldError::field).containsExactly("amount.2028");
    assertThat(e.get(0).nl()).contains("2028").contains("1.000.000.000.000");
    assertThat(e.get(0).en()).contains("2028").contains("larger than Begroot accepts");
    assertThat(workspace.changeProposal(V, "2.7-soc", revision("2.7-soc"), amount(2028, "1.000.000.000.000"), nl.begroot.TestBudgets.actor("t")))
        .isInstanceOf(EditResult.Saved.class);
  }

  @Test
  void unknownReferencesAndAMissingTitleAreTheCoresToRefuseAtTheirFields() {
    Map<Integer, String> amounts = new LinkedHashMap<>();
    amounts.put(2027, "100.000");
    ProposalDraft draft = new ProposalDraft("x-1", "9.9", " ", "lasten", "one-off", "geen-categorie", List.of("geen-product"), amounts, null);
    List<FieldError> e = errors(workspace.createProposal(V, draft, nl.begroot.TestBudgets.actor("t")));
    assertThat(e).extracting(FieldError::field).containsExactlyInAnyOrder("unit", "title", "category", "products");
    assertThat(e).extracting(FieldError::nl).contains("Beleidsterrein '9.9' bestaat niet in deze begroting.", "Vul een titel in.",
        "Categorie 'geen-categorie' bestaat niet.", "Product 'geen-product' bestaat niet.");
    assertThat(e).extracting(FieldError::en).contains("Unit '9.9' does not exist in this budget.", "Enter a title.");
  }

  @Test
  void aDuplicateIdAndAMissingSideAreReportedAtTheirFields() {
    ProposalDraft duplicate = new ProposalDraft("2.7-soc", "2.7", "Dubbel", "lasten", "one-off", null, null, Map.of(), null);
    List<FieldError> e = errors(workspace.createProposal(V, duplicate, nl.begroot.TestBudgets.actor("t")));
    assertThat(e).extracting(FieldError::field).containsExactly("id");
    assertThat(e.get(0).nl()).isEqualTo("Er is al een voorstel met code 2.7-soc.");
    ProposalDraft sideless = new ProposalDraft("x-2", "2.7", "Zonder kant", null, "one-off", null, null, Map.of(), null);
    e = errors(workspace.createProposal(V, sideless, nl.begroot.TestBudgets.actor("t")));
    assertThat(e).extracting(FieldError::field).containsExactly("side");
    assertThat(e.get(0).nl()).isEqualTo("Kies lasten of baten.");
  }

  @Test
  void aReferenceInTheExplanationToNoFigureIsReportedAtTheExplanation() {
    ProposalDraft draft = new ProposalDraft(null, null, null, null, null, null, null, null, "Kost {{bedrag: bestaat-niet/2027}} per jaar.");
    List<FieldError> e = errors(workspace.changeProposal(V, "2.7-soc", revision("2.7-soc"), draft, nl.begroot.TestBudgets.actor("t")));
    assertThat(e).extracting(FieldError::field).containsExactly("explanation");
    assertThat(e.get(0).en()).contains("bestaat-niet");
  }

  @Test
  void aLineANarrativeQuotesIsWithdrawnAndReinstatedAlsoInACopyMadeMeanwhile() {
    // unit 2.7's narrative quotes {{bedrag: 2.7-soc/2027}}: the withdrawal is allowed, the quote lapses (decision 89)
    assertThat(workspace.setWithdrawn(V, "2.7-soc", revision("2.7-soc"), true, nl.begroot.TestBudgets.actor("t"))).isInstanceOf(EditResult.Saved.class);
    assertThat(workspace.snapshot(V).orElseThrow().budget().withdrawn()).containsExactly("2.7-soc");
    // a copy made while it is withdrawn stores it as a withdrawn row, not also in its base's list,
    // so that reinstating it there reads (a base that listed it too could not be read afterwards)
    String copy = ((EditResult.Saved) workspace.copy(V, "met 2.7 ingetrokken", nl.begroot.TestBudgets.actor("t"))).id();
    Snapshot c = workspace.snapshot(copy).orElseThrow();
    assertThat(c.budget().withdrawn()).containsExactly("2.7-soc");
    assertThat(c.version().baseYaml()).doesNotContainPattern("(?m)^withdrawn:");
    int rev = c.row("2.7-soc").orElseThrow().revision();
    assertThat(workspace.setWithdrawn(copy, "2.7-soc", rev, false, nl.begroot.TestBudgets.actor("t"))).isInstanceOf(EditResult.Saved.class);
    Snapshot back = workspace.snapshot(copy).orElseThrow();
    assertThat(back.budget().withdrawn()).isEmpty();
    assertThat(back.budget().proposal("2.7-soc")).isPresent();
  }

  @Test
  void keySharesAreCheckedByTheCoreAtTheMemberTyped() {
    int rev = workspace.snapshot(V).orElseThrow().version().revision();
    List<FieldError> e = errors(workspace.changeKey(V, "ipo", Map.of("XX", "1"), rev, nl.begroot.TestBudgets.actor("t")));
    assertThat(e).extracting(FieldError::field).containsExactly("share.XX");
    assertThat(e.get(0).nl()).isEqualTo("Lid 'XX' bestaat niet.");
    e = errors(workspace.changeKey(V, "ipo", Map.of("GE", "150"), rev, nl.begroot.TestBudgets.actor("t")));
    assertThat(e).extracting(FieldError::field).contains("share.GE");
    assertThat(e).filteredOn(x -> x.field().equals("share.GE")).extracting(FieldError::nl).allMatch(m -> m.contains("tussen 0 en 100"));
  }

  /** The concept's proposals with the one called {@code id} replaced by {@code change}'s result. */
  private static List<nl.begroot.core.model.Proposal> proposalsWith(String id,
      java.util.function.UnaryOperator<nl.begroot.core.model.Proposal> change) {
    return IPO.proposals().stream().map(p -> p.id().equals(id) ? change.apply(p) : p).toList();
  }

  private static nl.begroot.core.model.Proposal withUnits(nl.begroot.core.model.Proposal p, List<String> units) {
    return new nl.begroot.core.model.Proposal(p.id(), units, p.title(), p.side(), p.nature(), p.category(), p.products(), p.amounts(),
        p.rule(), p.passThrough(), p.passThroughItems(), p.thirdParty(), p.group(), p.breakdown(), p.explanation());
  }

  /**
   * Imported proposals (a workbook's template sheet) are validated by the core on the model, as every
   * edit is: each problem names the proposal by its id and the field below it (where) and gives the
   * core's message (what); nothing is stored.
   */
  @Test
  void importedProposalsAreCheckedByTheCoreAndEachProblemNamesItsProposalAndField() {
    int before = workspace.versions().size();
    var unknownUnit = workspace.importProposals(V, "Uit Excel", proposalsWith("2.7-soc", p -> withUnits(p, List.of("9.9"))),
        nl.begroot.TestBudgets.actor("anna"));
    assertThat(unknownUnit.slug()).isNull();
    assertThat(unknownUnit.problems()).extracting(Object::toString)
        .containsExactly("werkmap: proposal '2.7-soc', unit[0]: proposal '2.7-soc' names an unknown unit '9.9'");

    List<nl.begroot.core.model.Proposal> twice = new java.util.ArrayList<>(IPO.proposals());
    int first = twice.indexOf(twice.stream().filter(p -> p.id().equals("2.7-soc")).findFirst().orElseThrow());
    twice.add(twice.get(first));
    var duplicate = workspace.importProposals(V, "Uit Excel", twice, nl.begroot.TestBudgets.actor("anna"));
    assertThat(duplicate.problems()).extracting(Object::toString)
        .containsExactly("werkmap: proposal '2.7-soc', id: duplicate proposal id '2.7-soc' (first at proposal '2.7-soc')");
    assertThat(workspace.versions()).hasSize(before);

    // the same proposals as the concept's: stored, and the version computes as the concept does
    var good = workspace.importProposals(V, "Uit Excel", IPO.proposals(), nl.begroot.TestBudgets.actor("anna"));
    assertThat(good.problems()).isEmpty();
    assertThat(good.slug()).isEqualTo("uit-excel");
    assertThat(workspace.snapshot("uit-excel").orElseThrow().document().computation().yearCount()).isPositive();
  }
}
