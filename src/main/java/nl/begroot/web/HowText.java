package nl.begroot.web;

import java.util.Map;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Origin;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.text.Dutch;

/**
 * How a figure was made, in Dutch, for the Dutch pages: from the figure's structured origin, and
 * for sums from the core's rule (the core and the command line word it in English). A rule this
 * page does not know is shown in English, marked as such.
 */
final class HowText {
  private static final Map<String, String> RULES = Map.ofEntries(
      Map.entry("lasten - baten", "lasten min baten"),
      Map.entry(nl.begroot.core.figures.DocumentBuilder.NATURE_RULE,
          "som van de regels van deze aard en kant (onderdelen van een uitsplitsing tellen naar hun eigen aard)"),
      Map.entry("kader + wijziging", "kader plus wijziging"),
      Map.entry("sum of the transfer legs shown on this line", "som van de delen van overhevelingen op deze regel"),
      Map.entry("the members' contribution that moves with the items moved to the pass-through budget",
          "de bijdrage van de leden die meegaat met de posten die naar de raming kassiersfunctie gaan"),
      Map.entry("sum of the lasten lines", "som van de lastenregels"),
      Map.entry("sum of the baten lines", "som van de batenregels"),
      Map.entry("sum over the programmes", "som over de programma's"),
      Map.entry("sum of all baten lines except the balancing line", "som van alle batenregels behalve de sluitpost"),
      Map.entry("balancing item: total change in lasten minus total change in all other baten",
          "sluitpost: totale wijziging van de lasten min de totale wijziging van alle andere baten"),
      Map.entry("sum of the frames of the programmes (not the overhead view)",
          "som van de kaders van de programma's (zonder het overzicht bedrijfsvoering)"),
      Map.entry("lasten minus baten of the proposals in this column", "lasten min baten van de voorstellen in deze kolom"),
      Map.entry("totaal per deel + bedrijfsvoering", "totaal per deel plus bedrijfsvoering"),
      Map.entry("the third-party money received (baten)", "het ontvangen geld van derden (baten)"),
      Map.entry("sum over the members", "som over de leden"),
      Map.entry("structureel + incidenteel", "structureel plus incidenteel"),
      Map.entry("structureel saldo minus the members' higher contribution (counted as recurring): above 0, recurring lasten lean on one-off means",
          "structureel saldo min de hogere bijdrage van de leden (die structureel telt): boven 0 leunen structurele lasten op incidentele middelen"),
      Map.entry("the amount the line removes from the association budget", "het bedrag dat de regel uit de verenigingsbegroting haalt"),
      Map.entry("sum of the moved items", "som van de overgebrachte posten"),
      Map.entry("the members pay the moved items through the pass-through budget", "de leden betalen de overgebrachte posten via de raming kassiersfunctie"),
      Map.entry("shown with the opposite sign", "getoond met het omgekeerde teken"),
      Map.entry("as entered", "zoals ingevoerd"),
      Map.entry("sum of the components", "som van de onderdelen"),
      Map.entry("the proposal line", "de regel van het voorstel"));

  private HowText() {}

  /** The Dutch wording, or null when there is none (the caller shows the core's English). */
  static String dutch(Figure figure, Document document) {
    Origin origin = figure.origin();
    Budget budget = document.computation().budget();
    if (origin instanceof Origin.Sum s) {
      String rule = s.rule();
      if (rule.startsWith("sum of columns ")) {
        return "som van de kolommen " + rule.substring("sum of columns ".length());
      }
      return RULES.get(rule);
    } else if (origin instanceof Origin.Frame f) {
      return "kader van programma " + f.programme() + ", " + f.side() + " " + f.year() + ", zoals ingevoerd";
    } else if (origin instanceof Origin.Entered e) {
      Proposal p = budget.proposal(e.proposal()).orElse(null);
      if (p == null) {
        return null;
      }
      String kind = switch (p.amounts().kind(budget.version().yearIndex(e.year()))) {
        case PM -> "pm (nog niet bekend, telt als 0)";
        case BLANK -> "geen bedrag (telt als 0)";
        case AMOUNT -> "zoals ingevoerd";
      };
      return "voorstel \u2018" + p.title() + "\u2019 (" + p.side().name().toLowerCase(java.util.Locale.ROOT) + ", "
          + (p.nature() == nl.begroot.core.model.Nature.ONE_OFF ? "incidenteel" : "structureel")
          + (p.products().isEmpty() ? "" : ", " + String.join("/", p.products())) + "), " + e.year() + ", " + kind;
    } else if (origin instanceof Origin.Component c) {
      String title = budget.proposal(c.proposal()).map(Proposal::title).orElse(c.proposal());
      return "onderdeel " + c.component() + " van voorstel \u2018" + title + "\u2019, " + c.year() + ", zoals ingevoerd";
    } else if (origin instanceof Origin.TransferLeg t) {
      return "deel van overheveling " + t.transfer() + " op regel " + t.line() + ", " + t.year() + ", zoals ingevoerd";
    } else if (origin instanceof Origin.Share s) {
      Figure of = document.graph().get(s.of());
      String key = budget.key(s.key()).map(k -> k.title()).orElse(s.key());
      return "aandeel in " + nl.begroot.core.figures.FigureLabels.of(document).figure(of.id()) + " (" + Dutch.money(of.cents())
          + ") volgens de verdeelsleutel " + key + ": " + Dutch.decimal(s.sharePercent()) + " / " + Dutch.decimal(s.sumPercent())
          + " ervan, verdeeld naar grootste rest zodat de aandelen samen tot op de cent kloppen";
    }
    return null;
  }
}
