/** Running external tools on untrusted input with a time and memory bound. */
@NullMarked
package dev.atelier.shared.process;

import org.jspecify.annotations.NullMarked;
