package nl.begroot.core.model;

/** A unit of a programme (e.g. 2.3 Landelijk Gebied) with its narrative, in our own words. */
public record Unit(String id, String title, String narrative) {}
