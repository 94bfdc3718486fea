package dev.atelier.shared.web;

import dev.atelier.shared.ProblemException;
import dev.atelier.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Maps domain failures to RFC 9457 problem details for API and script callers, and to an error
 * page with a human sentence for people in the browser. Logged once: 4xx at WARN, without a trace.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    Object problem(ProblemException e, HttpServletRequest request) {
        return respond(request, HttpStatus.valueOf(e.status()), e.type(), e.title(), e.getMessage(), e.properties());
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object forbidden(AccessDeniedException e, HttpServletRequest request) {
        String detail = e.getMessage() == null ? "Your role does not allow this." : capitalize(e.getMessage()) + ".";
        return respond(request, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", detail, java.util.Map.of());
    }

    private static Object respond(HttpServletRequest request, HttpStatus status, URI type, String title, String detail,
            java.util.Map<String, Object> properties) {
        log.warn("{} {} -> {} {}", request.getMethod(), request.getRequestURI(), status.value(), detail);
        if (wantsProblem(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setType(type);
            problem.setTitle(title);
            problem.setInstance(URI.create(request.getRequestURI()));
            properties.forEach(problem::setProperty);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("error", title);
        page.addObject("message", detail);
        return page;
    }

    /** API paths, XHR uploads and anything asking for JSON get problem details; browsers get a page. */
    static boolean wantsProblem(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/cdn/")
                || request.getRequestURI().startsWith("/iiif/")
                || request.getHeader("HX-Request") != null
                || (accept != null && accept.contains("json") && !accept.contains("text/html"));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
