package nl.begroot.core.model;

/** The organisation whose budget this is (for IPO: the Vereniging IPO). */
public record Organisation(String id, String name, String shortName) {}
