package dev.atelier.shared;

import java.net.URI;

/**
 * A domain failure the caller can act on. Each subclass names its HTTP status and stable problem
 * {@code type}; one handler turns them into RFC 9457 problem details (API) or an error page (UI),
 * so modules never need to know about each other's exceptions.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final URI type;
    private final String title;

    protected ProblemException(int status, URI type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Extension members of the problem (RFC 9457 §3.2), e.g. links to what the problem is about. */
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of();
    }
}
