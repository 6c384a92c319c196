package nl.begroot.core.model;

/** A product of the P&C cycle that proposals come from, e.g. TR26 (Tussenrapportage 2026). */
public record Product(String id, String title) {}
