package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.testkit.dmp.Fault;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** Injected faults: a path pattern, a fault, a number of remaining calls. */
public final class Faults {
    private record Rule(Pattern path, Fault fault, AtomicInteger remaining) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** Adds a rule for the next {@code times} requests whose path matches {@code pathRegex} (find). */
    public void add(String pathRegex, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        rules.add(new Rule(Pattern.compile(pathRegex), fault, new AtomicInteger(times)));
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** @return the fault to apply to this path, consuming one use of its rule */
    public Optional<Fault> take(String path) {
        for (Rule r : rules) {
            if (r.path().matcher(path).find()) {
                int left = r.remaining().getAndDecrement();
                if (left > 0) {
                    if (left == 1) {
                        rules.remove(r);
                    }
                    return Optional.of(r.fault());
                }
            }
        }
        return Optional.empty();
    }
}
