package fr.opendmp.testkit.psc;

/**
 * How the fake answers CIBA polls for a professional.
 *
 * @param kind what happens
 * @param pendingPolls how many polls answer {@code authorization_pending} (or {@code slow_down}) first
 */
public record CibaScenario(Kind kind, int pendingPolls) {

    /** What happens after the pending polls. */
    public enum Kind {
        /** The professional approves. */
        APPROVE,
        /** The first pending polls answer {@code slow_down}, then approve. */
        SLOW_DOWN_THEN_APPROVE,
        /** The request expires: {@code expired_token}. */
        EXPIRE,
        /** The professional refuses: {@code access_denied}. */
        DENY
    }

    /**
     * Checks the count.
     * @param kind what happens
     * @param pendingPolls how many polls answer {@code authorization_pending} (or {@code slow_down}) first
     */
    public CibaScenario {
        if (pendingPolls < 0) {
            throw new IllegalArgumentException("pendingPolls must be >= 0");
        }
    }

    /**
     * @param n the number of polls or answers before the outcome
     * @return approval after {@code n} pending polls
     */
    public static CibaScenario approveAfter(int n) {
        return new CibaScenario(Kind.APPROVE, n);
    }

    /**
     * @param n the number of polls or answers before the outcome
     * @return {@code n} slow_down answers, then approval
     */
    public static CibaScenario slowDownThenApprove(int n) {
        return new CibaScenario(Kind.SLOW_DOWN_THEN_APPROVE, n);
    }

    /**
     * @param n the number of polls or answers before the outcome
     * @return {@code expired_token} after {@code n} pending polls
     */
    public static CibaScenario expireAfter(int n) {
        return new CibaScenario(Kind.EXPIRE, n);
    }

    /**
     * @param n the number of polls or answers before the outcome
     * @return {@code access_denied} after {@code n} pending polls
     */
    public static CibaScenario denyAfter(int n) {
        return new CibaScenario(Kind.DENY, n);
    }
}
