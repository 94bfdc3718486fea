package dev.atelier.search;

import dev.atelier.shared.ProblemException;

/** A search query that does not follow the query language, or names an unknown field; a 400 problem. */
public class InvalidQueryException extends ProblemException {

    public InvalidQueryException(String message) {
        super(400, java.net.URI.create("/problems/invalid-query"), "The search query is not valid", message);
    }
}
