/**
 * Who is acting: users, their role, personal access tokens, and how people and programs log in
 * (form login for the UI; HTTP Basic and Bearer tokens for the API). Other modules receive an
 * {@link dev.atelier.identity.Actor} and ask it what the caller may do.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package dev.atelier.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
