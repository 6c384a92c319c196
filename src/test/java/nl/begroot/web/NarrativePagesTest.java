package nl.begroot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.Test;

/**
 * The narrative on the web pages shows the figures it references, each linked to its explanation,
 * and follows a change of the proposal: 2.7-soc from 581.000 to 681.000 (the README's scenario).
 */
class NarrativePagesTest extends ServerSession {
  static final String V = "/v/" + Workspace.CONCEPT;
  static final String LINK = "<a class=\"utrecht-link begroot-figure\" href=\"" + V + "/figuur?id=programme-2%2F2.7-soc%2F2027\">";

  @Test
  void theNarrativeShowsTheReferencedFigureAndFollowsItsChange() {
    // 2.7-soc is entered as 581000 euros a year from 2027
    String programme = server.get(V + "/programma/2").body();
    assertThat(programme).contains("structureel " + LINK + "€ 581.000</a> per jaar.").doesNotContain("{{");
    String proposal = server.get(V + "/voorstel/2.7-soc").body();
    assertThat(proposal).contains("structureel " + LINK + "€ 581.000</a> per jaar.").doesNotContain("{{");
    assertThat(server.get(V + "/zoeken?q=581.000").body()).contains("Security Operations Center");

    Matcher m = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(server.get(V + "/voorstel/2.7-soc/wijzigen").body());
    assertThat(m.find()).isTrue();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("revision", m.group(1));
    for (int year = 2027; year <= 2030; year++) {
      form.put("amount." + year, "681.000");
    }
    form.put("action", "save");
    assertThat(PagesTest.post(server.signIn(nl.begroot.TestBudgets.actor("anna")), V + "/voorstel/2.7-soc/wijzigen", form).statusCode()).isEqualTo(303);

    assertThat(server.get(V + "/programma/2").body()).contains("structureel " + LINK + "€ 681.000</a> per jaar.").doesNotContain("€ 581.000");
    assertThat(server.get(V + "/voorstel/2.7-soc").body()).contains("structureel " + LINK + "€ 681.000</a> per jaar.");
  }

  @Test
  void theFrameVersionLeavesOutTheNarrativesThatQuoteProposalsItLacks() {
    // the frame (Begroting 2026) has none of the concept's entered proposals: unit 2.7's narrative quotes 2.7-soc
    String page = server.get("/v/" + Workspace.FRAME + "/programma/2").body();
    assertThat(page).contains("2.7 ").doesNotContain("{{").doesNotContain("Security Operations Center met een centrale regiefunctie");
  }

  static String revision(String page) {
    Matcher m = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void aWithdrawnProposalsPageShowsItsOwnAmounts() {
    // 2.3-monitor-gebiedsgericht is entered as 300000 in 2026 and 75000 from 2027; its explanation quotes both
    String id = "2.3-monitor-gebiedsgericht";
    Map<String, String> form = new LinkedHashMap<>();
    form.put("revision", revision(server.get(V + "/voorstel/" + id).body()));
    form.put("bevestigd", "ja");
    assertThat(PagesTest.post(server.signIn(nl.begroot.TestBudgets.actor("anna")), V + "/voorstel/" + id + "/intrekken", form).statusCode()).isEqualTo(303);
    String page = server.get(V + "/voorstel/" + id).body();
    assertThat(page).contains("Geraamd is € 300.000 in 2026 en daarna € 75.000 per jaar.").doesNotContain("{{");
  }

  /**
   * Withdrawing a proposal that another text quotes is allowed: the page warns before, the quoted
   * amount then lapses with a marker in the page (Dutch and English) and in the published document,
   * and reinstating brings the amount back. Unit 2.1's narrative quotes {{bedrag: 2.1-capaciteit-water/2027}},
   * whose amount comes from the file.
   */
  @Test
  void withdrawingAQuotedProposalMakesTheQuoteLapseUntilItIsReinstated() {
    String quoted = "2.1-capaciteit-water";
    String lapsedNl = "[bedrag vervallen: voorstel " + quoted + " ingetrokken]";
    String euros = nl.begroot.core.text.NarrativeText.euros(IPO.proposal(quoted).orElseThrow().amounts().cents(IPO.version().yearIndex(2027)));
    String amount = "<a class=\"utrecht-link begroot-figure\" href=\"" + V + "/figuur?id=programme-2%2F" + quoted + "%2F2027\">" + euros + "</a>";
    assertThat(server.get(V + "/programma/2").body()).contains("structureel " + amount + " per jaar");
    String before = server.get(V + "/voorstel/" + quoted).body();
    assertThat(before).contains("Intrekken laat een bedrag uit dit voorstel vervallen in: de tekst bij 2.1;").contains(lapsedNl);

    Map<String, String> form = new LinkedHashMap<>();
    form.put("revision", revision(before));
    form.put("bevestigd", "ja");
    assertThat(PagesTest.post(server.signIn(nl.begroot.TestBudgets.actor("anna")), V + "/voorstel/" + quoted + "/intrekken", form).statusCode()).isEqualTo(303);
    assertThat(server.get(V + "/programma/2").body()).contains("structureel " + lapsedNl + " per jaar").doesNotContain("{{");
    assertThat(server.get(V + "/voorstel/" + quoted).body()).contains("Een bedrag uit dit voorstel is vervallen in: de tekst bij 2.1;");
    String en = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + V + "/programma/2"))
        .header("Cookie", "lang=en").GET().build()).body();
    assertThat(en).contains("[amount lapsed: proposal " + quoted + " withdrawn]");
    // the published document (HTML, the same text the PDF prints)
    assertThat(server.get(V + "/download/begroting.html").body()).contains("structureel " + lapsedNl + " per jaar").doesNotContain("{{");

    form.put("revision", revision(server.get(V + "/voorstel/" + quoted).body()));
    assertThat(PagesTest.post(V + "/voorstel/" + quoted + "/terugzetten", form).statusCode()).isEqualTo(303);
    assertThat(server.get(V + "/programma/2").body()).contains("structureel " + amount + " per jaar").doesNotContain(lapsedNl);
    assertThat(server.get(V + "/download/begroting.html").body()).contains("structureel " + euros + " per jaar").doesNotContain(lapsedNl);
  }
}
