package fr.opendmp.auth.doctor;

import java.util.List;
import java.util.Objects;

/**
 * Whether the file can serve a service, and if not, why in plain words.
 *
 * @param service the service
 * @param usable whether the file can be used for it as is
 * @param problems what is missing or wrong (empty when usable)
 */
public record ServiceVerdict(Service service, boolean usable, List<String> problems) {

    /**
     * Checks presence.
     * @param service the service
     * @param usable whether the file can be used for it as is
     * @param problems what is missing or wrong (empty when usable)
     */
    public ServiceVerdict {
        Objects.requireNonNull(service, "service");
        problems = List.copyOf(problems);
    }
}
