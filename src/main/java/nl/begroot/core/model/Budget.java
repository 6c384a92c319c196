package nl.begroot.core.model;

import java.util.List;
import java.util.Optional;

/**
 * The source data of one budget version: the frame, the proposals, the keys and the narrative.
 * Everything the document prints is computed from this (see {@code nl.begroot.core.engine}).
 * {@code withdrawn} names the proposals withdrawn from this version: they are not in it and count
 * nowhere, but a narrative that quotes one shows that its amount lapsed rather than failing.
 */
public record Budget(
    Organisation organisation,
    Version version,
    List<Product> products,
    List<Member> members,
    List<DistributionKey> keys,
    List<Category> categories,
    List<ThirdParty> thirdParties,
    List<Programme> programmes,
    List<Proposal> proposals,
    List<Transfer> transfers,
    Annex annex,
    List<GlossaryEntry> glossary,
    PrintedDocument printed,
    List<String> withdrawn,
    List<LedgerRule> ledgerMapping) {

  public Budget {
    withdrawn = withdrawn == null ? List.of() : List.copyOf(withdrawn);
    ledgerMapping = ledgerMapping == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ledgerMapping));
    products = List.copyOf(products);
    members = List.copyOf(members);
    keys = List.copyOf(keys);
    categories = List.copyOf(categories);
    thirdParties = List.copyOf(thirdParties);
    programmes = List.copyOf(programmes);
    proposals = List.copyOf(proposals);
    transfers = List.copyOf(transfers);
    glossary = List.copyOf(glossary);
  }

  /** A budget without withdrawn proposals. */
  public Budget(Organisation organisation, Version version, List<Product> products, List<Member> members, List<DistributionKey> keys,
      List<Category> categories, List<ThirdParty> thirdParties, List<Programme> programmes, List<Proposal> proposals,
      List<Transfer> transfers, Annex annex, List<GlossaryEntry> glossary, PrintedDocument printed) {
    this(organisation, version, products, members, keys, categories, thirdParties, programmes, proposals, transfers, annex, glossary,
        printed, List.of(), List.of());
  }

  /** A budget without a ledger mapping. */
  public Budget(Organisation organisation, Version version, List<Product> products, List<Member> members, List<DistributionKey> keys,
      List<Category> categories, List<ThirdParty> thirdParties, List<Programme> programmes, List<Proposal> proposals,
      List<Transfer> transfers, Annex annex, List<GlossaryEntry> glossary, PrintedDocument printed, List<String> withdrawn) {
    this(organisation, version, products, members, keys, categories, thirdParties, programmes, proposals, transfers, annex, glossary,
        printed, withdrawn, List.of());
  }

  /** The budget with another ledger mapping (the accounts and cost centres of realised figures). */
  public Budget withLedgerMapping(List<LedgerRule> newMapping) {
    return new Budget(organisation, version, products, members, keys, categories, thirdParties, programmes, proposals,
        transfers, annex, glossary, printed, withdrawn, newMapping);
  }

  /** Whether the proposal with this id was withdrawn from this version. */
  public boolean isWithdrawn(String proposalId) {
    return withdrawn.contains(proposalId);
  }

  /** The budget with another list of withdrawn proposal ids. */
  public Budget withWithdrawn(List<String> newWithdrawn) {
    return new Budget(organisation, version, products, members, keys, categories, thirdParties, programmes, proposals,
        transfers, annex, glossary, printed, newWithdrawn, ledgerMapping);
  }

  public Optional<Programme> programme(String id) {
    return programmes.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<DistributionKey> key(String id) {
    return keys.stream().filter(k -> k.id().equals(id)).findFirst();
  }

  public Optional<Proposal> proposal(String id) {
    return proposals.stream().filter(p -> p.hasId(id)).findFirst();
  }

  public Optional<Member> member(String id) {
    return members.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** The programme that holds a unit. */
  public Optional<Programme> programmeOfUnit(String unitId) {
    return programmes.stream()
        .filter(p -> p.units().stream().anyMatch(u -> u.id().equals(unitId)))
        .findFirst();
  }

  public Optional<Unit> unit(String unitId) {
    return programmes.stream()
        .flatMap(p -> p.units().stream())
        .filter(u -> u.id().equals(unitId))
        .findFirst();
  }

  // The same budget with one part replaced (an edit, a copy, a derived version).

  public Budget withVersion(Version newVersion) {
    return new Budget(organisation, newVersion, products, members, keys, categories, thirdParties, programmes, proposals,
        transfers, annex, glossary, printed, withdrawn, ledgerMapping);
  }

  public Budget withProgrammes(List<Programme> newProgrammes) {
    return new Budget(organisation, version, products, members, keys, categories, thirdParties, newProgrammes, proposals,
        transfers, annex, glossary, printed, withdrawn, ledgerMapping);
  }

  public Budget withProposals(List<Proposal> newProposals) {
    return new Budget(organisation, version, products, members, keys, categories, thirdParties, programmes, newProposals,
        transfers, annex, glossary, printed, withdrawn, ledgerMapping);
  }

  public Budget withTransfers(List<Transfer> newTransfers) {
    return new Budget(organisation, version, products, members, keys, categories, thirdParties, programmes, proposals,
        newTransfers, annex, glossary, printed, withdrawn, ledgerMapping);
  }

  public Budget withKeys(List<DistributionKey> newKeys) {
    return new Budget(organisation, version, products, members, newKeys, categories, thirdParties, programmes, proposals,
        transfers, annex, glossary, printed, withdrawn, ledgerMapping);
  }

  /** The budget with another printed document, or none ({@code null}). */
  public Budget withPrinted(PrintedDocument newPrinted) {
    return new Budget(organisation, version, products, members, keys, categories, thirdParties, programmes, proposals,
        transfers, annex, glossary, newPrinted, withdrawn, ledgerMapping);
  }

  /** Whether everything but the proposals is equal (by value; the same objects compare at once): a state made from the other by editing proposals. */
  public boolean sameBesidesProposals(Budget b) {
    return java.util.Objects.equals(organisation, b.organisation) && java.util.Objects.equals(version, b.version)
        && java.util.Objects.equals(products, b.products) && java.util.Objects.equals(members, b.members)
        && java.util.Objects.equals(keys, b.keys) && java.util.Objects.equals(categories, b.categories)
        && java.util.Objects.equals(thirdParties, b.thirdParties) && java.util.Objects.equals(programmes, b.programmes)
        && java.util.Objects.equals(transfers, b.transfers) && java.util.Objects.equals(annex, b.annex)
        && java.util.Objects.equals(glossary, b.glossary) && java.util.Objects.equals(printed, b.printed)
        && java.util.Objects.equals(withdrawn, b.withdrawn) && java.util.Objects.equals(ledgerMapping, b.ledgerMapping);
  }
}
