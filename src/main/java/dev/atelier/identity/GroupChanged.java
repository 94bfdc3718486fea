package dev.atelier.identity;

import java.util.UUID;

/** A group was created, changed (name, members) or deleted: who may approve changes with it, so it is audited. */
public record GroupChanged(UUID group, UserId by, String action, String details) {}
