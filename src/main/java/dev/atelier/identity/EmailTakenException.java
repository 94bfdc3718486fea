package dev.atelier.identity;

import dev.atelier.shared.ProblemException;
import dev.atelier.shared.Problems;

/** Another user already has the address; a 409 problem. */
public class EmailTakenException extends ProblemException {

    public EmailTakenException(String email) {
        super(409, Problems.CONFLICT, "E-mail address taken", "The e-mail address '" + email + "' belongs to another user.");
    }
}
