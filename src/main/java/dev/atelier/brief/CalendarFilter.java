package dev.atelier.brief;

/** Which entries a calendar shows: everything the viewer may see, or only what concerns them. */
public enum CalendarFilter {
    ALL, MINE
}
