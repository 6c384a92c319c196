package nl.begroot.core.model;

/** One abbreviation of Bijlage 2. */
public record GlossaryEntry(String abbreviation, String meaning) {}
