package fr.opendmp.testkit.auth;

import java.util.Objects;

/** The outcome of {@link VihfVerifier#verify}: accepted with the caller, or refused with the reason. */
public sealed interface VihfVerification {

    /**
     * @return whether the VIHF was accepted
     */
    boolean accepted();

    /**
     * The VIHF is valid.
     *
     * @param caller who called
     */
    record Accepted(VerifiedCaller caller) implements VihfVerification {
        /**
         * Checks presence.
         * @param caller who called
         */
        public Accepted {
            Objects.requireNonNull(caller, "caller");
        }

        @Override
        public boolean accepted() {
            return true;
        }
    }

    /**
     * The VIHF is refused.
     *
     * @param failure the first check that failed
     */
    record Refused(VihfFailure failure) implements VihfVerification {
        /**
         * Checks presence.
         * @param failure the first check that failed
         */
        public Refused {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public boolean accepted() {
            return false;
        }
    }
}
