package nl.begroot.core.model;

/** A category of proposals, e.g. autonomous development, policy ambition, coverage. */
public record Category(String id, String title) {}
