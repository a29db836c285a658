package fr.opendmp.examples;

import fr.opendmp.examples.identity.IdentityWalkthrough;
import java.util.List;

/**
 * The OpenDMP demo, run by {@code mvn -B -q -DskipTests -Pdemo verify}: for now the identity
 * walk-through against an embedded fake INSi. It returns normally (exit 0) only if every step did
 * what it should; otherwise it throws, so the build fails.
 */
public final class Demo {

    private Demo() {
    }

    /**
     * @param args ignored
     * @throws IllegalStateException if a step did not do what it should
     */
    public static void main(String[] args) {
        List<IdentityWalkthrough.StepResult> steps = IdentityWalkthrough.run(System.out);
        long failed = steps.stream().filter(s -> !s.ok()).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " demo step(s) failed");
        }
    }
}
