package nl.begroot.store;

/** A proposal to store: its id, unit and title (for lists and search) and its text. */
public record NewProposal(String proposalId, String unitId, String title, String bodyYaml, boolean withdrawn) {}
