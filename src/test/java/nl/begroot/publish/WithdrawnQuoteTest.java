package nl.begroot.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.begroot.core.figures.Narratives;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Unit;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.BudgetReader;
import nl.begroot.format.BudgetWriter;
import nl.begroot.format.LoadResult;
import org.junit.jupiter.api.Test;

/**
 * A file whose narrative quotes a proposal it lists as withdrawn reads with a warning (not an error)
 * at the reference, and every output shows the quote as lapsed; the same file without the list is
 * refused, because then the reference is a mistake.
 */
class WithdrawnQuoteTest {
  static final Budget IPO = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
  static final String QUOTED = "2.1-capaciteit-water";

  static Budget withdrawn(boolean listed) {
    Budget without = IPO.withProposals(IPO.proposals().stream().filter(p -> !p.id().equals(QUOTED)).toList());
    return listed ? without.withWithdrawn(List.of(QUOTED)) : without;
  }

  @Test
  void aQuoteOfAWithdrawnProposalIsAWarningAndShowsAsLapsedInThePublishedDocument() throws Exception {
    String text = BudgetWriter.write(withdrawn(true));
    LoadResult read = BudgetReader.read("withdrawn.yaml", text);
    assertThat(read).isInstanceOf(LoadResult.Loaded.class);
    LoadResult.Loaded loaded = (LoadResult.Loaded) read;
    assertThat(loaded.budget().withdrawn()).containsExactly(QUOTED);
    // the warning is at the reference in unit 2.1's narrative
    int line = 1 + (int) text.substring(0, text.indexOf("{{bedrag: " + QUOTED + "/2027}}")).chars().filter(c -> c == '\n').count();
    assertThat(loaded.warnings()).anySatisfy(w -> {
      assertThat(w.line()).isEqualTo(line);
      assertThat(w.message()).contains("quotes proposal '" + QUOTED + "', which is withdrawn")
          .contains("[bedrag vervallen: voorstel " + QUOTED + " ingetrokken]");
    });

    ByteArrayOutputStream html = new ByteArrayOutputStream();
    Publisher.html(Publication.of(loaded.budget()), html);
    String document = html.toString(StandardCharsets.UTF_8);
    assertThat(document).contains("structureel [bedrag vervallen: voorstel " + QUOTED + " ingetrokken] per jaar").doesNotContain("{{");

    // the core says which texts quote it, from the budget's own narratives
    Unit unit21 = IPO.programmes().stream().flatMap(p -> p.units().stream()).filter(u -> u.id().equals("2.1")).findFirst().orElseThrow();
    assertThat(unit21.developments()).contains("{{bedrag: " + QUOTED + "/2027}}");
    assertThat(Narratives.quoting(IPO, QUOTED)).contains(Narratives.Place.developments(unit21));
  }

  @Test
  void withoutTheListTheSameQuoteIsAnError() {
    LoadResult read = BudgetReader.read("missing.yaml", BudgetWriter.write(withdrawn(false)));
    assertThat(read).isInstanceOf(LoadResult.Rejected.class);
    assertThat(((LoadResult.Rejected) read).problems()).anySatisfy(p -> assertThat(p.message()).contains("names no figure"));
  }

  @Test
  void aProposalCannotBeBothInTheBudgetAndWithdrawn() {
    LoadResult read = BudgetReader.read("both.yaml", BudgetWriter.write(IPO.withWithdrawn(List.of(QUOTED))));
    assertThat(read).isInstanceOf(LoadResult.Rejected.class);
    assertThat(((LoadResult.Rejected) read).problems()).anySatisfy(p ->
        assertThat(p.message()).contains("proposal '" + QUOTED + "' is listed as withdrawn but is also in the proposals"));
  }

  @Test
  void theMarkerFollowsTheLanguage() {
    assertThat(Narratives.lapsed("x", false)).isEqualTo("[bedrag vervallen: voorstel x ingetrokken]");
    assertThat(Narratives.lapsed("x", true)).isEqualTo("[amount lapsed: proposal x withdrawn]");
  }
}
