package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.begroot.TestBudgets;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.DocumentBuilder;
import nl.begroot.core.figures.Narratives;
import nl.begroot.core.figures.Narratives.Finding;
import nl.begroot.core.figures.Narratives.Place;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Unit;
import nl.begroot.core.text.NarrativeText;
import org.junit.jupiter.api.Test;

/**
 * Narrative references on the small test budget: they show the computed amount in Dutch notation,
 * in every form (figure id, proposal/year, year); unknown ones are problems at their offset; a
 * literal euro amount that no figure of the unit has is a warning, one that a figure has is not.
 */
class NarrativeTest {
  /** p1 in unit 1.1: 100 in 2026, 250,50 in 2027 (lasten). p2 in unit 2.1: 40 in 2027. */
  static String yaml(String unitNarrative, String explanation) {
    return TestBudgets.small("""
          - id: p1
            unit: "1.1"
            title: Extra
            side: lasten
            amounts: {2026: 100, 2027: 250.50}
            explanation: "%s"
          - id: p2
            unit: "2.1"
            title: Other
            side: lasten
            amounts: {2027: 40}
        """.formatted(explanation), "")
        .replace("units: [{id: \"1.1\", title: Unit 1.1}]", "units: [{id: \"1.1\", title: Unit 1.1, narrative: \"" + unitNarrative + "\"}]");
  }

  /** The budget with these texts, put in the model directly (the reader would refuse a bad reference). */
  static Document document(String unitNarrative, String explanation) {
    Budget b = TestBudgets.load(yaml("x", "x"));
    List<Programme> programmes = b.programmes().stream().map(p -> new Programme(p.id(), p.title(), p.intro(), p.overheadView(),
        p.spread(), p.units().stream().map(u -> u.id().equals("1.1") ? new Unit(u.id(), u.title(), unitNarrative) : u).toList(),
        p.frameLasten(), p.frameBaten())).toList();
    List<Proposal> proposals = b.proposals().stream().map(p -> !p.id().equals("p1") ? p : new Proposal(p.id(), p.units(), p.title(),
        p.side(), p.nature(), p.category(), p.products(), p.amounts(), p.rule(), p.passThrough(), p.passThroughItems(),
        p.thirdParty(), p.group(), p.breakdown(), explanation)).toList();
    return DocumentBuilder.build(Engine.compute(b.withProgrammes(programmes).withProposals(proposals)));
  }

  static String render(Document d, String text) {
    return Narratives.of(d).render(new Place(Place.Kind.PROPOSAL_EXPLANATION, "p1"), text);
  }

  @Test
  void aReferenceShowsTheComputedAmountInFullEurosInDutchNotation() {
    Document d = document("x", "x");
    // p1 2027 is entered as 250.50 euros; p1 2026 as 100 euros
    assertThat(render(d, "kost {{bedrag: 2027}} in 2027")).isEqualTo("kost € 250,50 in 2027");
    assertThat(render(d, "kost {{bedrag: p1/2026}}")).isEqualTo("kost € 100");
    assertThat(render(d, "kost {{bedrag: programme-1/p1/2026}}")).isEqualTo("kost € 100");
    assertThat(render(d, "daalt met {{bedrag: -p1/2026}}")).isEqualTo("daalt met −€ 100");
    assertThat(render(d, "{{ bedrag :  p2/2027 }}")).isEqualTo("€ 40");
    // Tabel 1, new lasten 2027: frames 1000 + 500 (the overhead view's 300 is not added) + p1 250,50 + p2 40
    assertThat(render(d, "{{bedrag: tabel-1/new.lasten/2027}}")).isEqualTo("€ 1.790,50");
    // the balancing line: lasten change 350,50 (2027) minus other baten change 0
    assertThat(render(d, "{{bedrag: balance/2027}}")).isEqualTo("€ 290,50");
  }

  @Test
  void aWithdrawnProposalsExplanationShowsItsOwnEnteredAmounts() {
    Document d = document("x", "x");
    Budget b = d.computation().budget();
    Proposal p1 = b.proposal("p1").orElseThrow();
    Proposal withdrawn = new Proposal(p1.id(), p1.units(), p1.title(), p1.side(), p1.nature(), p1.category(), p1.products(),
        p1.amounts(), p1.rule(), p1.passThrough(), p1.passThroughItems(), p1.thirdParty(), p1.group(), p1.breakdown(),
        "kost {{bedrag: 2027}}, {{bedrag: -p1/2026}}, naast {{bedrag: p2/2027}} en {{bedrag: 2031}}");
    Document without = DocumentBuilder.build(Engine.compute(b.withProposals(b.proposals().stream().filter(p -> p != p1).toList())));
    StringBuilder shown = new StringBuilder();
    Narratives.of(without).spansOfAbsent(withdrawn).forEach(s -> shown.append(s.text()));
    // p1 as entered: 250,50 in 2027, 100 in 2026; p2 is still a figure (40); 2031 is no year of the budget
    assertThat(shown.toString()).isEqualTo("kost € 250,50, −€ 100, naast € 40 en {{bedrag: 2031}}");
  }

  @Test
  void amountsAreWrittenInDutchNotation() {
    assertThat(NarrativeText.euros(58_100_000)).isEqualTo("€ 581.000");
    assertThat(NarrativeText.euros(100_000_000_000L)).isEqualTo("€ 1.000.000.000");
    assertThat(NarrativeText.euros(16_950_050)).isEqualTo("€ 169.500,50");
    assertThat(NarrativeText.euros(-54_000_000)).isEqualTo("\u2212€ 540.000");
    assertThat(NarrativeText.euros(7)).isEqualTo("€ 0,07");
    assertThat(NarrativeText.euros(0)).isEqualTo("€ 0");
  }

  @Test
  void aReferenceThatNamesNoFigureIsAProblemAtItsPlace() {
    String narrative = "Zie {{bedrag: p9/2027}} en {{bedrag: p1/2031}} en {{bedrag: 2027}} en {{bedrag: tabel-9/x/2027}} en {{bedrag p1}}.";
    Document d = document(narrative, "ok {{bedrag: 2027}}");
    List<Finding> findings = Narratives.of(d).check();
    assertThat(findings).allMatch(f -> !f.warning()).allMatch(f -> f.place().equals(new Place(Place.Kind.UNIT_NARRATIVE, "1.1")));
    assertThat(findings).extracting(Finding::offset).containsExactly(
        narrative.indexOf("{{bedrag p1}}"), narrative.indexOf("{{bedrag: p9"), narrative.indexOf("{{bedrag: p1/2031"),
        narrative.indexOf("{{bedrag: 2027"), narrative.indexOf("{{bedrag: tabel-9"));
    assertThat(findings.get(1).message()).contains("there is no proposal 'p9'");
    assertThat(findings.get(2).message()).contains("no figure 'programme-1/p1/2031'").contains("2026, 2027");
    assertThat(findings.get(3).message()).contains("only understood in a proposal's explanation");
    assertThat(findings.get(0).message()).contains("is not a reference");
  }

  @Test
  void aLiteralAmountThatNoFigureOfTheUnitHasIsAWarning() {
    // € 250,50 is p1 in 2027 and € 100 p1 in 2026 (unit 1.1): no warning. € 40 is p2's, of unit 2.1: a warning;
    // € 999 is nobody's: a warning. "€ 2,9 miljoen" is an approximation in words, not an amount a figure has.
    String narrative = "Het kost € 250,50 in 2027 en 100 euro in 2026; € 2,9 miljoen in totaal; € 40 elders; en € 999.";
    List<Finding> findings = Narratives.of(document(narrative, "x")).check();
    assertThat(findings).allMatch(Finding::warning);
    assertThat(findings).extracting(Finding::offset).containsExactly(narrative.indexOf("€ 40"), narrative.indexOf("€ 999"));
    assertThat(findings.get(1).message()).contains("'€ 999'").contains("unit '1.1'").contains("{{bedrag: p1/2027}}");
    // a reference is never a literal amount
    assertThat(Narratives.of(document("{{bedrag: p1/2027}} of € 100", "x")).check()).isEmpty();
  }

  @Test
  void literalAmountsAreFoundInTheirUsualSpellings() {
    assertThat(NarrativeText.literalAmounts("€ 581.000 per jaar, EUR 1.250, −€ 540.000, € 169.500,50, 581.000 euro, € 5"))
        .extracting(NarrativeText.LiteralAmount::cents)
        .containsExactly(58_100_000L, 125_000L, 54_000_000L, 16_950_050L, 58_100_000L, 500L);
    assertThat(NarrativeText.literalAmounts("€ 2,9 miljoen, € 3 mln, 4,2%, 2027, 100.000 woningen, € 0,98 miljoen")).isEmpty();
  }
}
