package nl.begroot.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named distribution key (verdeelsleutel): a percentage per member, at any precision.
 *
 * <p>{@code roundedForPrint} marks a key whose shares were rounded for print and need not add up
 * to exactly 100; {@code normalise} then divides each share by their sum.
 */
public record DistributionKey(
    String id,
    String title,
    Map<String, BigDecimal> sharesPercent,
    boolean roundedForPrint,
    boolean normalise,
    String note) {

  public DistributionKey {
    sharesPercent = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sharesPercent));
  }

  public BigDecimal sumPercent() {
    return sharesPercent.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Integer weights in member order (the shares scaled to a common number of decimals), for {@link
   * nl.begroot.core.money.Allocation}. Members absent from the key weigh 0.
   */
  public BigInteger[] weights(java.util.List<Member> members) {
    int scale = sharesPercent.values().stream().mapToInt(BigDecimal::scale).max().orElse(0);
    scale = Math.max(scale, 0);
    BigInteger[] w = new BigInteger[members.size()];
    for (int i = 0; i < w.length; i++) {
      BigDecimal share = sharesPercent.getOrDefault(members.get(i).id(), BigDecimal.ZERO);
      w[i] = share.setScale(scale).unscaledValue();
    }
    return w;
  }
}
