package nl.begroot.core.model;

import java.util.List;
import java.util.Optional;

/**
 * The source data of one budget version: the frame, the proposals, the keys and the narrative.
 * Everything the document prints is computed from this (see {@code nl.begroot.core.engine}).
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
    PrintedDocument printed) {

  public Budget {
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

  public Optional<Programme> programme(String id) {
    return programmes.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<DistributionKey> key(String id) {
    return keys.stream().filter(k -> k.id().equals(id)).findFirst();
  }

  public Optional<Proposal> proposal(String id) {
    return proposals.stream().filter(p -> p.id().equals(id)).findFirst();
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
}
