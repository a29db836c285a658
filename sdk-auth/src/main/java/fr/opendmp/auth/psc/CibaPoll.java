package fr.opendmp.auth.psc;

/** The answer to one CIBA poll. */
public sealed interface CibaPoll {

    /** The professional has not answered yet: poll again after the interval. */
    record Pending() implements CibaPoll {
    }

    /**
     * The server asks to poll less often.
     *
     * @param next the request with the increased interval
     */
    record SlowDown(CibaRequest next) implements CibaPoll {
    }

    /**
     * The professional approved.
     *
     * @param tokens the tokens
     */
    record Granted(PscTokens tokens) implements CibaPoll {
    }
}
