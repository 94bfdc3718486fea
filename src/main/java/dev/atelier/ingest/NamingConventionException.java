package dev.atelier.ingest;

import dev.atelier.shared.ProblemException;
import java.net.URI;
import java.util.Map;

/** The upload's file name breaks a rejecting naming rule; a 400 problem saying the template and an example. */
public class NamingConventionException extends ProblemException {

    private final NamingRule rule;

    public NamingConventionException(String filename, NamingRule rule) {
        super(400, URI.create("/problems/naming-convention"), "File name does not follow the naming convention",
                "'" + filename + "' does not follow " + rule.name() + ": " + rule.template().template() + " (for example "
                        + rule.template().example() + "). Rename the file and upload it again.");
        this.rule = rule;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("rule", rule.name(), "template", rule.template().template(), "example", rule.template().example());
    }
}
