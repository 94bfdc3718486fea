package dev.atelier.identity.internal;

import dev.atelier.identity.TokenManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Two filter chains: the API and Actuator (stateless; HTTP Basic or Bearer tokens; problem
 * details for 401/403), and the web UI (form login, session, CSRF). Finer rules — who may
 * upload, delete, manage users — live in the use cases, so UI and API cannot drift apart.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Signed rendition URLs: the signature is the permission (checked by the media module), no login,
     * no session. Served like static files, so the chain keeps only what such a response needs
     * (the security headers); no user, session, logout or request wrapper is made per request.
     * Most requests do not reach this chain at all: the media module's Tomcat valve ahead of it answers
     * cache hits and misses with the same headers, and hands everything else (errors included) on to it.
     */
    @Bean
    @Order(0)
    SecurityFilterChain signedDeliveryChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/cdn/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.disable())
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .servletApi(api -> api.disable());
        return http.build();
    }

    /**
     * No observation (timer and span) per filter of every request: on the cheapest requests
     * (cached renditions) they cost more than the work. Logins and access decisions are still observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenManagement tokens) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return machineCredentials(http, tokens).build();
    }

    /** HTTP Basic and access tokens, problem details for 401/403, no CSRF (no cookies decide), no saved requests. */
    private static HttpSecurity machineCredentials(HttpSecurity http, TokenManagement tokens) throws Exception {
        var unauthorized = ProblemEntryPoints.unauthorized();
        return http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(ProblemEntryPoints.forbidden()))
                .requestCache(cache -> cache.disable());
    }

    /**
     * IIIF: viewers inside Atelier pages use the browser session; tools use Basic or a token.
     * No login redirect: an image request without credentials gets a 401 problem.
     */
    @Bean
    @Order(2)
    SecurityFilterChain iiifChain(HttpSecurity http, TokenManagement tokens) throws Exception {
        // GET only, so CSRF protection has nothing to guard even with the session cookie
        http.securityMatcher("/iiif/**").authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return machineCredentials(http, tokens).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // calendar feeds: the secret token in the URL is the permission (calendar apps cannot log in)
                        .requestMatchers(HttpMethod.GET, "/calendar/feeds/*").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/calendar/feeds/**"))
                // a page's background (htmx) request after the session ended reloads the whole page, which then goes to
                // the login form and back; otherwise the login form would be swapped into a fragment of the page
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, exception) -> {
                    if (request.getHeader("HX-Request") != null) {
                        response.setHeader("HX-Refresh", "true");
                        response.sendError(HttpStatus.UNAUTHORIZED.value());
                    } else {
                        LOGIN_PAGE.commence(request, response, exception);
                    }
                }))
                // ... and is not remembered as the place to go back to after logging in
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                        + "object-src 'none'; frame-ancestors 'self'; base-uri 'self'")));
        return http.build();
    }

    private static final LoginUrlAuthenticationEntryPoint LOGIN_PAGE = new LoginUrlAuthenticationEntryPoint("/login");

    /** Remembers only full-page GETs for the way back after logging in: not htmx fragments, not the browser's favicon. */
    private static HttpSessionRequestCache pagesOnly() {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
                && !request.getRequestURI().endsWith("/favicon.ico"));
        return cache;
    }
}
