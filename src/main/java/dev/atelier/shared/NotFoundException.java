package dev.atelier.shared;

/** Something asked for by id does not exist, or is not visible to the caller. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String what) {
        super(404, Problems.NOT_FOUND, "Not found", capitalize(what) + " was not found.");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
