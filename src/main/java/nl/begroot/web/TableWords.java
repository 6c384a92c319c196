package nl.begroot.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a table's headings in English, for the English pages: the table's title, its column
 * headers, its section headings and the labels of the lines Begroot makes itself ("Totaal lasten",
 * "Saldo", "Proc. aandeel", "Te verdelen bedrag"). Names stay as the budget writes them: programmes,
 * units, members, proposals and the titles of documents ("Meerjarenraming 2027-2029 uit BGR 2026"),
 * as a programme's name stays Dutch in the English page's heading. A label this class does not know
 * is a name and comes back unchanged. The published documents (HTML, PDF, Excel) are the organisation's own, in
 * Dutch, and are not translated (decision 203).
 */
final class TableWords {
  private TableWords() {}

  /** Begroot's own labels, whole. */
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("Totaal lasten", "Total expenditure"),
      Map.entry("Totaal baten", "Total revenue"),
      Map.entry("Saldo", "Balance"),
      Map.entry("Totaal", "Total"),
      Map.entry("Lasten", "Expenditure"),
      Map.entry("Baten", "Revenue"),
      Map.entry("Totaal wijziging lasten", "Total change in expenditure"),
      Map.entry("Totaal wijziging baten", "Total change in revenue"),
      Map.entry("Totaal personeel- en bedrijfsvoeringslasten", "Total staff and operating expenditure"),
      Map.entry("Totaal naar de Raming kassiersfunctie", "Total moved to the pass-through budget"),
      Map.entry("Bijdrage leden via de kassiersfunctie", "Members' contribution through the pass-through budget"),
      Map.entry("Overgebracht naar de Raming kassiersfunctie", "Moved to the pass-through budget"),
      Map.entry("Raming kassiersfunctie: overgebrachte ramingen", "Pass-through budget: estimates moved"),
      Map.entry("Structureel en incidenteel", "Recurring and one-off"),
      Map.entry("Structureel", "Recurring"),
      Map.entry("Incidenteel", "One-off"),
      Map.entry("Structurele lasten", "Recurring expenditure"),
      Map.entry("Structurele baten", "Recurring revenue"),
      Map.entry("Structureel saldo", "Recurring balance"),
      Map.entry("Incidentele lasten", "One-off expenditure"),
      Map.entry("Incidentele baten", "One-off revenue"),
      Map.entry("Incidenteel saldo", "One-off balance"),
      Map.entry("Saldo wijzigingen (te dekken door de leden)", "Balance of the changes (to be covered by the members)"),
      Map.entry("Structurele lasten niet structureel gedekt (> 0: incidenteel gedekt)",
          "Recurring expenditure not covered by recurring means (> 0: covered one-off)"),
      Map.entry("Proc. aandeel", "Key share"),
      Map.entry("Te verdelen bedrag", "Amount to distribute"),
      Map.entry("Totaal per deel", "Total per part"),
      Map.entry("Bedrijfsvoering", "Operations (bedrijfsvoering)"),
      Map.entry("Dekkingsvoorstellen", "Proposals for cover"),
      // the Tussenrapportage (mid-year report, docs/midyear.md)
      Map.entry("Begroting na wijziging", "Budget after amendments"),
      Map.entry("Prognose", "Forecast"),
      Map.entry("Verwachte afwijking", "Expected deviation"),
      // the annual accounts (docs/accounts.md)
      Map.entry("Begroting lasten", "Budget expenditure"),
      Map.entry("Realisatie lasten", "Realised expenditure"),
      Map.entry("Verschil lasten", "Difference expenditure"),
      Map.entry("Begroting baten", "Budget revenue"),
      Map.entry("Realisatie baten", "Realised revenue"),
      Map.entry("Verschil baten", "Difference revenue"),
      Map.entry("Begroting", "Budget"),
      Map.entry("Realisatie", "Realised"),
      Map.entry("Verschil", "Difference"),
      Map.entry("Raming", "Estimate"),
      Map.entry("Resultaat (baten min lasten)", "Result (revenue minus expenditure)"),
      Map.entry("Toevoeging", "Addition"),
      Map.entry("Onttrekking", "Withdrawal"),
      Map.entry("Stand 1 januari", "Balance 1 January"),
      Map.entry("Stand 31 december", "Balance 31 December"),
      Map.entry("Totaal reserves", "Total reserves"),
      Map.entry("Bedrag", "Amount"),
      Map.entry("Verschil resultaat (realisatie min begroting)", "Difference in result (realised minus budget)"),
      Map.entry("Toevoeging aan de reserves (af)", "Addition to the reserves (less)"),
      Map.entry("Onttrekking aan de reserves (bij)", "Withdrawal from the reserves (plus)"),
      Map.entry("Te verrekenen met de leden", "To settle with the members"),
      Map.entry("Ontvangsten", "Received"),
      Map.entry("Afdrachten", "Paid on"),
      Map.entry("Saldo, te verrekenen met de leden", "Balance, to settle with the members"),
      Map.entry("Totaal leden", "Total members"));

  /** Begroot's own patterns, with the names in them kept. */
  private static final List<Map.Entry<Pattern, String>> PATTERNS = List.of(
      Map.entry(Pattern.compile("^Tabel (\\d+)\\. Begrotingsvolume (.+) (\\d{4}) t/m (\\d{4})$"), "Table $1. Budget volume $2 $3 to $4"),
      Map.entry(Pattern.compile("^Bijlage (\\d+)\\. Bijdragen per provincie (\\d{4})$"), "Annex $1. Contributions per province $2"),
      Map.entry(Pattern.compile("^Bijlage (\\d+)\\. (.+)$"), "Annex $1. $2"),
      Map.entry(Pattern.compile("^Tabel (\\d+)\\. (.+)$"), "Table $1. $2"),
      Map.entry(Pattern.compile("^([IVX]+\\. )Kader: (.+)$"), "$1Frame: $2"),
      Map.entry(Pattern.compile("^([IVX]+\\. )Nieuw kader: (.+)$"), "$1New frame: $2"),
      Map.entry(Pattern.compile("^([IVX]+\\. )Begrotingsvoorstellen\\b(.*)$"), "$1Budget proposals$2"),
      Map.entry(Pattern.compile("^(\\d+[a-z]?\\. )Totaal$"), "$1Total"),
      Map.entry(Pattern.compile("^Totaal (.+)$"), "Total $1"),
      Map.entry(Pattern.compile("^Middelen (.+) per onderwerp$"), "Funds of $1 per subject"),
      Map.entry(Pattern.compile("^Tussenrapportage (\\d{4}): lasten$"), "Mid-year report $1: expenditure"),
      Map.entry(Pattern.compile("^Tussenrapportage (\\d{4}): baten$"), "Mid-year report $1: revenue"),
      Map.entry(Pattern.compile("^Realisatie (\\d{4}) tegen de begroting na wijziging$"), "Realised $1 against the budget after amendments"),
      Map.entry(Pattern.compile("^Resultaat (\\d{4})$"), "Result $1"),
      Map.entry(Pattern.compile("^Verloop van de reserves (\\d{4})$"), "Movements of the reserves $1"),
      Map.entry(Pattern.compile("^Afrekening (\\d{4}) met de leden \\(positief: terug naar het lid; negatief: bijbetalen\\)$"),
          "Settlement $1 with the members (positive: back to the member; negative: the member pays)"),
      Map.entry(Pattern.compile("^Resultaatbestemming (\\d{4})$"), "Appropriation of the result $1"),
      Map.entry(Pattern.compile("^Kassiersfunctie (\\d{4}), apart afgerekend$"), "Pass-through (kassiersfunctie) $1, settled apart"),
      Map.entry(Pattern.compile("^(.+) \\(algemene reserve\\)$"), "$1 (general reserve)"),
      Map.entry(Pattern.compile("^(.+) \\(bestemmingsreserve\\)$"), "$1 (earmarked reserve)"));

  /** A month's name: the Dutch one Begroot's own labels and names carry ("t/m juni"), in English. */
  static String month(String dutch) {
    for (int m = 1; m <= 12; m++) {
      if (I18n.NL.t("month." + m).equals(dutch)) {
        return I18n.EN.t("month." + m);
      }
    }
    return dutch;
  }

  /** A label with a month in it: "Realisatie t/m juni" is "Realised up to June". */
  private static final Pattern REALISED_UP_TO = Pattern.compile("^Realisatie t/m (\\p{L}+)$");

  /** A table's label in the page's language: English words for Begroot's own, a name unchanged. */
  static String english(String label) {
    if (label == null) {
      return null;
    }
    String whole = LABELS.get(label);
    if (whole != null) {
      return whole;
    }
    Matcher upTo = REALISED_UP_TO.matcher(label);
    if (upTo.matches()) {
      return "Realised up to " + month(upTo.group(1));
    }
    for (Map.Entry<Pattern, String> p : PATTERNS) {
      Matcher m = p.getKey().matcher(label);
      if (m.matches()) {
        return m.replaceFirst(p.getValue());
      }
    }
    return label;
  }
}
