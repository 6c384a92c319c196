package nl.begroot.core.text;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Numbers as a Dutch document prints them: {@code -2.702} (dots between thousands), {@code 6,80%}
 * and {@code 1.234,56} (a decimal comma). Reading and writing; no I/O.
 */
public final class Dutch {
  private Dutch() {}

  /** A whole number with dots between thousands (or none), e.g. {@code -2.702}. */
  public static Optional<Long> parseWhole(String text) {
    String t = text.trim().replace('\u2212', '-');
    if (!t.matches("-?\\d{1,3}(\\.\\d{3})*|-?\\d+")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(t.replace(".", "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A percentage with a decimal comma, e.g. {@code 6,80%}. */
  public static Optional<BigDecimal> parsePercent(String text) {
    String t = text.trim().replace("%", "").replace(',', '.');
    if (!t.matches("\\d+(\\.\\d+)?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(t));
  }

  /** Cents as whole euros when there are no cents ({@code "2.500.000"}), else with cents ({@code "2.500.000,50"}). */
  public static String amount(long cents) {
    return cents % 100 == 0 ? whole(cents / 100) : euros(cents);
  }

  /** A whole number with dots between thousands: {@code -2702 -> "-2.702"}. */
  public static String whole(long value) {
    String digits = Long.toString(value).replace("-", "");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append('.');
      }
      sb.append(digits.charAt(i));
    }
    return (value < 0 ? "-" : "") + sb;
  }

  /** Cents as euros with a decimal comma: {@code -123456 -> "-1.234,56"}. */
  public static String euros(long cents) {
    long abs = Math.abs(cents);
    String text = whole(abs / 100) + "," + String.format(java.util.Locale.ROOT, "%02d", abs % 100);
    return cents < 0 ? "-" + text : text;
  }

  /** A percentage with a decimal comma and at least two decimals: {@code 6.8 -> "6,80%"}. */
  public static String percent(BigDecimal p) {
    return p.setScale(Math.max(2, p.stripTrailingZeros().scale())).toPlainString().replace('.', ',') + "%";
  }

  /** The minus sign a reader sees (U+2212), not a hyphen. */
  public static final char MINUS = '\u2212';

  /**
   * An amount of money for a reader, the sign written once and before the euro sign:
   * {@code -1088884 -> "− € 10.888,84"}, {@code 1088884 -> "€ 10.888,84"}.
   */
  public static String money(long cents) {
    return (cents < 0 ? MINUS + " " : "") + "€ " + euros(Math.abs(cents));
  }

  /**
   * A change or a signed part of a sum, its sign written once: {@code "+ € 10.888,84"},
   * {@code "− € 10.888,84"}, {@code "€ 0,00"}. Never "+ € -…".
   */
  public static String change(long cents) {
    return cents == 0 ? money(0) : (cents > 0 ? "+ " : MINUS + " ") + "€ " + euros(Math.abs(cents));
  }

  /** A decimal number as written in the file or the API ({@code "10.67"}) with a decimal comma ({@code "10,67"}). */
  public static String decimal(String plain) {
    return plain == null ? "" : plain.replace('.', ',');
  }

  /** A decimal number with a decimal comma, as many decimals as it has: {@code 10.67 -> "10,67"}. */
  public static String decimal(BigDecimal value) {
    return value == null ? "" : decimal(value.toPlainString());
  }
}
