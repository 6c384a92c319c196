package nl.begroot.core.actuals;

import java.util.Comparator;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Side;

/**
 * A realised total: what {@code unit} spent (lasten) or received (baten) in {@code period} of
 * {@code year}, in money of {@code money} ({@code thirdParty} naming third-party money's source), in
 * cents.
 */
public record RealisedAmount(String unit, Side side, MoneyKind money, String thirdParty, int year, int period, long cents) {
  public static final Comparator<RealisedAmount> ORDER = Comparator.comparingInt(RealisedAmount::year)
      .thenComparingInt(RealisedAmount::period).thenComparing(RealisedAmount::unit).thenComparing(RealisedAmount::side)
      .thenComparing(RealisedAmount::money).thenComparing(a -> a.thirdParty() == null ? "" : a.thirdParty());
}
