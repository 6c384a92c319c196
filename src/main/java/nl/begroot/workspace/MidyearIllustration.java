package nl.begroot.workspace;

import nl.begroot.core.midyear.Forecast;
import nl.begroot.core.midyear.MidyearReport;
import nl.begroot.core.money.Rounding;

/**
 * The forecasts of the shipped illustration (made up, and labelled so in every reason): a unit's
 * realised figures up to the period carried to the whole year (times 12 / period), moved by a few
 * per cent for a plausible reason that depends on the unit's place, and rounded to whole thousands of
 * euros (half away from zero). Deterministic: the same realised figures give the same forecasts.
 */
final class MidyearIllustration {
  private MidyearIllustration() {}

  /** Per mille of the carried-forward lasten, per mille of the baten, and the reason; chosen by the unit's place. */
  private record Pattern(long lastenPerMille, long batenPerMille, String reason) {}

  private static final Pattern[] PATTERNS = {
      new Pattern(1000, 1000, "De uitgaven verlopen volgens plan; de prognose is de realisatie doorgetrokken naar het hele jaar."),
      new Pattern(960, 1000, "Vacatures zijn later ingevuld dan begroot; de personeelslasten blijven daardoor achter."),
      new Pattern(1040, 1000, "Extra inhuur in het tweede halfjaar voor de piek in het werk; de lasten komen hoger uit."),
      new Pattern(980, 1020, "Een projectbijdrage van derden valt hoger uit; een deel van het werk schuift naar volgend jaar."),
      new Pattern(1020, 1000, "Hogere prijzen van ingekochte diensten (indexatie) dan bij het opstellen van de begroting voorzien."),
  };

  /** The illustration's forecast for the unit of {@code row}, realised up to {@code upTo}. */
  static Forecast forecast(MidyearReport.Row row, int upTo, int place) {
    if (row.kind() == MidyearReport.Kind.PROGRAMME && row.lasten().realised() == 0 && row.baten().realised() == 0
        && row.lasten().budget() != null) {
      // nothing booked on it (an overhead view such as Bedrijfsvoering: its costs are booked in the programmes)
      return new Forecast(row.unit(), row.lasten().budget(), row.baten().budget(), Midyears.ILLUSTRATION
          + "Hierop wordt niet apart geboekt (de lasten lopen via de programma's); de prognose is de begroting na wijziging.");
    }
    Pattern p = PATTERNS[Math.floorMod(place, PATTERNS.length)];
    long lasten = yearOf(row.lasten().realised(), upTo, p.lastenPerMille());
    long baten = yearOf(row.baten().realised(), upTo, p.batenPerMille());
    return new Forecast(row.unit(), lasten, baten, Midyears.ILLUSTRATION + p.reason());
  }

  /** {@code realised × 12 / upTo × perMille / 1000}, rounded to whole thousands of euros, half away from zero. */
  static long yearOf(long realisedCents, int upTo, long perMille) {
    long thousands = Rounding.divideHalfAwayFromZero(Math.multiplyExact(Math.multiplyExact(realisedCents, 12L), perMille),
        Math.multiplyExact(upTo * 1000L, 100_000L));
    return Math.multiplyExact(thousands, 100_000L);
  }
}
