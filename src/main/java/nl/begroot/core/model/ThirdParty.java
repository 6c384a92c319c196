package nl.begroot.core.model;

/** A source of third-party money, e.g. LVVN (ministry money via the provinciefonds). */
public record ThirdParty(String id, String title) {}
