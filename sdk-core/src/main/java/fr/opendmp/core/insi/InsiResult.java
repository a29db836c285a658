package fr.opendmp.core.insi;

import fr.opendmp.core.ins.HistoricalIns;
import fr.opendmp.core.ins.InsIdentity;
import java.util.List;
import java.util.Objects;

/**
 * The answer of an INSi search: exactly one identity (CR 00), none (CR 01) or several (CR 02).
 * None and several are normal outcomes, not errors; technical failures are
 * {@link InsiException}s.
 */
public sealed interface InsiResult permits InsiResult.Found, InsiResult.NotFound, InsiResult.Multiple {

    /** @return the request id (WS-Addressing MessageID) of the call that gave this answer */
    String requestId();

    /** @return INSi's {@code CodeCR}: {@code 00}, {@code 01} or {@code 02} */
    String resultCode();

    /**
     * CR 00: exactly one identity.
     *
     * @param identity the identity, traits verbatim
     * @param requestId the request id
     */
    record Found(InsIdentity identity, String requestId) implements InsiResult {
        /**
         * Checks each part.
         * @param identity the identity, traits verbatim
         * @param requestId the request id
         */
        public Found {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(requestId, "requestId");
        }

        /** @return the former matricules ({@code INSHISTO}) */
        public List<HistoricalIns> history() {
            return identity.history();
        }

        @Override
        public String resultCode() {
            return "00";
        }
    }

    /**
     * CR 01: no identity found (no NIR nor NIA, or traits too different). The identity stays
     * PROVISOIRE or VALIDEE; try again later or with other first names.
     *
     * @param requestId the request id
     */
    record NotFound(String requestId) implements InsiResult {
        /**
         * Checks the request id.
         * @param requestId the request id
         */
        public NotFound {
            Objects.requireNonNull(requestId, "requestId");
        }

        @Override
        public String resultCode() {
            return "01";
        }
    }

    /**
     * CR 02: several identities match (homonyms): never pick one; ask for more traits (birth
     * place, full first-name list) and search again. INSi returns no data.
     *
     * @param requestId the request id
     */
    record Multiple(String requestId) implements InsiResult {
        /**
         * Checks the request id.
         * @param requestId the request id
         */
        public Multiple {
            Objects.requireNonNull(requestId, "requestId");
        }

        @Override
        public String resultCode() {
            return "02";
        }
    }
}
