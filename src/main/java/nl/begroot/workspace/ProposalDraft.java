package nl.begroot.workspace;

import java.util.List;
import java.util.Map;

/**
 * A proposal as a user typed it (a form or an API request), before validation. Amounts are text in
 * euros, per year: Dutch ({@code 1.250.000}, {@code -347.000,50}) or plain ({@code 1250000}), or
 * {@code pm}; empty means no amount. Null fields of an existing proposal keep their value.
 */
public record ProposalDraft(
    String id,
    String unit,
    String title,
    String side,
    String nature,
    String category,
    List<String> products,
    Map<Integer, String> amounts,
    String explanation) {}
