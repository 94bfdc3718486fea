package dev.atelier.identity;

public class UsernameTakenException extends dev.atelier.shared.ProblemException {

    public UsernameTakenException(String username) {
        super(409, dev.atelier.shared.Problems.CONFLICT, "Username taken", "The username '" + username + "' is taken");
    }
}
