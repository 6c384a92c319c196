package nl.begroot.core.model;

/** A member of the association (for IPO: a province), in the order the annex prints them. */
public record Member(String id, String name) {}
