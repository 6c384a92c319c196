package nl.begroot.core.model;

/**
 * One row of the ledger mapping (the budget file's {@code ledger_mapping}): the bookings on a ledger
 * account (grootboekrekening) {@code account}, on the cost centre (kostenplaats) {@code costCentre}
 * or on any cost centre when that is null, are realised lasten or baten ({@code side}) of {@code unit},
 * in money of {@code money} (with {@code thirdParty} naming the source of third-party money).
 *
 * <p>A booking is matched by its account and cost centre first, then by its account alone; one that
 * matches no row is unmapped and refuses the import ({@code nl.begroot.core.actuals.ActualsImport}).
 */
public record LedgerRule(String account, String costCentre, String unit, Side side, MoneyKind money, String thirdParty) {}
