package dev.atelier.identity.internal;

import dev.atelier.shared.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for the API as problem details, so scripts get the same error shape everywhere. */
final class ProblemEntryPoints {

    private ProblemEntryPoints() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Atelier\", Bearer");
            write(response, HttpStatus.UNAUTHORIZED, URI.create("/problems/unauthorized"), "Unauthorized",
                    e.getMessage() == null ? "Log in with HTTP Basic or a Bearer access token." : e.getMessage());
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
                "Your role does not allow this.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(type, title, status.value(), detail.replace("\\", "\\\\").replace("\"", "\\\"")));
    }
}
